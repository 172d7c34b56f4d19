"""Whether a question asking why a limit is the number it is is answered: only by a statement giving a
reason for that number.

"Why is the Lambda timeout capped at 15 minutes?", 「CloudTrailのイベント履歴が90日しか保持されないのはなぜ？」:
the notes state the limit (「最大15分」, "stored for 90 days") and never why; a section stating it restates
the question. Why-questions without a number ("Why can an EBS volume only be used in its AZ?") are often
answered by a reason the notes give in other words (「AZ毎に独立しているため」): they are not judged here,
nor a why followed by another question (「最大5個？共通部分をまとめる方法は？」), which the notes may answer.

Why something cannot be done ("Why doesn't CloudTrail record SageMaker InvokeEndpoint calls?", 「st1やsc1を
ブートボリュームにできないのはどうして？」) is judged the same way without a number: the notes state what is
not done (「Doen't monitor SM InvokeEndpoint calls」, 「T2以外は可能」) and the section restates the question
unless it gives a reason (「…ため」, "due to volume") or names the restriction (「TCP 25番ポートは制限対象」).
So is why a default is what it is ("Why does a trail apply to all regions by default?"; the data events'
「default off due to volume」 gives one). Answerable negative and default whys were answered by such
statements on every eval set; other whys are not judged (「ALIASを使う理由」 is answered by 「クエリが無料」, a
fact with no cause word).

Why something is advised (「ELBでWebSocketはセッション確立時だけLBを使うのがいいらしいけど、なぜ？」) is judged
where the notes give that advice: then the reason is given with it (「RDSは…個別で立てた方が良い」 heads a
section saying 「…ため」), or not at all (「セッション確立時だけLBを使うのが上手な付き合い方」).
"""

from __future__ import annotations

import re

from ingest.tokenize import tokens
from rag.expect import held_names, named_in, names_all, said_of, subject
from rag.glossary import synonyms, with_translations
from rag.patterns import SENTENCE, questions, regex
from rag.statements import Statement, text_terms

WHY = regex(r"\bwhy\b|\bthe reason\b|なぜ|どうして|なんで(?!す)", re.I)  # not 「質問なんですが」
_LIMIT = regex(r"\bcapped\b|\blimited (?:to|at)\b|\bonly\b|\bat most\b|上限|最大|しか|のみ|まで", re.I)
# the number the limit is (「15分」, "90 days", 「5個」, "20 seconds")
NUMBER = regex(r"(\d[\d,.]*)\s*(?:ミリ秒|秒|分|時間|日|週間|か月|ヶ月|年|個|件|回|台|KB|MB|GB|TB|"
               r"ms|seconds?|minutes?|hours?|days?|weeks?|months?|years?)", re.I)
# …or a number of things chosen (「Master Nodeを3台構成にするのはなんで？」): a why the notes answer with that number
_CHOSEN = regex(r"\d+\s*(?:台|個)(?:構成)?(?:[（(][^）)]*[）)])?に(?:する|して|した)", re.I)
# a reason given (not 「…から取得」, from), or the means it comes by (「…エッジロケーションに配置することで」)
_CAUSE = regex(r"ため|ので|から[、,。]|\bdue to\b|\bbecause\b|\bsince\b|\bso that\b|\bin order to\b|により|によって|"
               r"ことで", re.I)
# a why asked of what cannot be done or is not supported: "why can't", "why doesn't … support",
# 「…できないのはなぜ？」, 「なぜ…使えないの？」. Not of what is not needed or does not change ("Why doesn't an
# HVM AMI need OS changes?", 「容量が減らないのはなぜ？」): those are answered by what is done instead (「完全に
# 仮想化された…」, 「最初に新しいバッチを起動して」), rarely with a cause word.
_DOES = r"looks?|keeps?|analy[sz]es?|records?|supports?|allows?|works?|accepts?|monitors?|captures?|logs?|tracks?"
_UNABLE_EN = (r"\bcan(?:no|')t\b|\bcouldn't\b|\b(?:doesn't|don't|does not|do not|won't|will not)\s+(?:\w+\s+)?"
              r"(?:support|record|monitor|capture|log|track|allow|let|analy[sz]e|include|accept|encrypt|use|work)|"
              r"\b(?:isn't|aren't|is not|are not)\s+(?:\w+\s+){0,2}(?:supported|allowed|recorded|logged|monitored|"
              r"captured|analy[sz]ed|encrypted|included|available|possible)\b|"
              # what alone it does ("Why does CloudTrail Insights only look at write events?")
              rf"\bonly\s+(?:{_DOES})\b|\b(?:{_DOES})\s+only\b")
# (「対象外になっているのはなぜ？」, 「暗号化対象ではない」)
_UNABLE_JA = (r"(?:でき|使え|られ|送れ|(?:サポート|対応|記録|監視|分析|暗号化)(?:し|され)(?:てい?)?|"
              r"対象に(?:し|なら))ない|非対応|不可|未サポート|未対応|対象(?:では|じゃ)(?:ない|なく)|対象外(?:に|と)?(?:なって(?:い)?る)?")
_NOT = regex(rf"{_UNABLE_EN}|"
             rf"(?:{_UNABLE_JA})(?:の|ん)?(?:です)?(?:か)?(?:は|って|、)?\s*(?:なぜ|なんで|どうして)|"
             rf"(?:なぜ|なんで|どうして).*(?:{_UNABLE_JA})(?:の|ん(?:だ|です)?)?(?:です)?か?\s*[？?]?$", re.I)
# a why asked of a default ("Why does a trail apply to all regions by default?"): a default stated is no
# reason for it (CloudTrail's data events are off by default 「due to volume」)
_DEFAULTED = regex(r"デフォルト|既定|初期設定|\bdefault\b", re.I)
# a change from the default (「デフォルトから増やすと速くなるのはなぜ？」, "switch from the default short polling"):
# why the change helps, answered by what it does, rarely with a cause word of its own
_FROM_DEFAULT = regex(r"(?:デフォルト|既定|初期設定)[^、。？?]{0,20}?から|\bfrom the default\b", re.I)
# what is restricted explains why it cannot be done (「デフォルトではEC2から外向きTCP
# 25番ポートは制限対象」 for "Why can't my EC2 instance send mail … on port 25?")
_RESTRICTED = regex(r"(?<!無)制限|制約|\brestrict|\bblock", re.I)  # not 「ほぼ無制限」


# the words of using, which any statement may share with a question (「…に利用」)
_USED = frozenset({"使う", "利用", "使用", "use"})


def _name_tokens(about: frozenset[str]) -> frozenset[str]:
    """The tokens of the subject's names (EC2: ec, 2), which a statement shares without saying anything."""
    return frozenset().union(*(tokens(n) for n in about))


def _gives_reason(said: str) -> bool:
    """A cause (「…ため」, "due to") or the restriction itself (「TCP 25番ポートは制限対象」)."""
    return bool(_CAUSE.search(said) or _RESTRICTED.search(said))


def _items_terms(u: Statement) -> frozenset[str]:
    """The terms of a statement's items: its parent items, text and sub-items (not its headings, which head
    every item of the section)."""
    return text_terms(" ".join((*u.context, u.text, *u.children)))


def unreasoned(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks only why a limit is the number it is (or a number of things chosen), and no
    statement of a top section naming its subject gives a reason along with that number."""
    why = [s for s in SENTENCE.findall(asking) if WHY.search(s)]
    if len(why) != 1 or len(questions(asking)) > 1 or not (_LIMIT.search(why[0]) or _CHOSEN.search(why[0])):
        return False
    numbers = {m.group(1).replace(",", "") for m in NUMBER.finditer(why[0])}
    if not numbers:
        return False
    return not said_of(subject(why[0]), candidates, sections, lambda said: bool(_CAUSE.search(said)) and any(
        re.search(rf"(?<![A-Za-z\d.]){re.escape(n)}(?![\d])", said.replace(",", "")) for n in numbers))


def _whys_only(asking: str) -> list[str]:
    """The sentences of ``asking`` that ask why, when it asks nothing else: the why may be asked again ("Why
    doesn't …? What's the reason behind it?"), but not beside another question the notes may answer."""
    why = [s for s in SENTENCE.findall(asking) if WHY.search(s)]
    return [] if any(not WHY.search(q) for q in questions(asking)) else why


# what cannot be done, as the notes say it (「メッセージタイマーはFIFOは未サポート」); also a reason for advice
# (「GPUは使用できない」 for why not to run GPU containers on Fargate)
_UNABLE = regex(rf"{_UNABLE_JA}|\bcan(?:no|')t\b|\bnot (?:supported|possible|available)\b", re.I)
# a condition that is the reason something cannot be done (「NATgatewayを使わないとインターネット接続できない」)
_CONDITION = regex(r"(?:ない|なけれ)(?:と|ば)|\bwithout\b|\bunless\b", re.I)


def _unreasoned_inability(asked: str, about: frozenset[str], candidates: list[Statement]) -> bool:
    """Whether a top statement states the inability asked of, in the question's words, and none that does
    gives a reason, nor an item beside it: where the notes state it, the reason is given with it (「AZ毎に
    独立しているため、同一AZのインスタンスからのみ利用可能」, the line above 「…共有することはできない」) or not
    at all (「メッセージタイマーはFIFOは未サポート」)."""
    names = with_translations(about) | _name_tokens(about)
    # the question's own words, not its subject's names: a statement states the inability asked of when it
    # holds two of them and half (「ポーリングでは、特定のIDや条件でメッセージを取得することはできない」 is not
    # why short polling does not return every message)
    words = [t for t in dict.fromkeys(tokens(WHY.sub(" ", asked))) if t not in names]
    forms = [with_translations([t]) for t in words]  # each word in its translations, read once

    def states(u: Statement) -> bool:
        said = text_terms(u.text)
        shared = sum(bool(f & said) for f in forms)
        return bool(_UNABLE.search(u.text)) and shared > 1 and 2 * shared >= len(words)

    stated = [u for u in candidates if states(u)]
    # an item beside it speaking of the question's words (「同一AZのインスタンスからのみ」), not only of its names
    # (「KMSを利用するために追加の料金がかかる」 is no reason why message attributes are not encrypted)
    asked_terms = frozenset().union(*forms)
    beside = [u for u in candidates if any(u.hit_rank == v.hit_rank and u.context == v.context for v in stated)
              and text_terms(u.text) & asked_terms]
    return bool(stated) and not any(_gives_reason(u.said) or _CONDITION.search(u.said) for u in beside)


def unexplained(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks only why something cannot be done, or why a default is what it is, and no
    statement of a top section naming its subject gives a reason."""
    why = _whys_only(asking)
    negative = bool(why) and _NOT.search(why[0].strip()) is not None
    if not why or not (negative or _DEFAULTED.search(why[0])):
        return False
    asked = " ".join(why)
    about = subject(asked)
    if negative and _unreasoned_inability(asked, about, candidates):
        return True
    if not (negative or _FROM_DEFAULT.search(asked)):
        # a default's reason is given of what is done by default (「デフォルトのターミネーションポリシーで
        # OldestLaunchConfigurationが最初に評価されるのはなぜ？」 is not answered by クールダウン's 「…回避するため」),
        # not of anything used (「ClosestToNextInstanceHourが使われるのはなぜ？」: not the cooldown's 「…に利用」)
        words = with_translations(tokens(WHY.sub(" ", _DEFAULTED.sub(" ", asked)))) - _USED
        words = (words | {t for w in words for s in synonyms(w) for t in tokens(s)}) - with_translations(about)
        candidates = [u for u in candidates if _items_terms(u) & words]
    return not said_of(about, candidates, sections, _gives_reason)


# advice asked of (「…のがいいらしいけど、なぜ？」, 「…時だけ使えって言われるのはなぜ？」, "Why is it recommended
# to …", "Why should I …"), and as
# the notes give it (「…のが上手な付き合い方」, 「必ずDNS名でアクセスすること」, 「個別に作成…が好ましい」)
_ADVISED = regex(r"のが(?:いい|良い|よい|ベスト)|(?:方|ほう)が(?:いい|良い|よい)|推奨|おすすめ|オススメ|望ましい|べき|"
                 r"って言われ|と言われ|\brecommended\b|\bshould\b|\bbest practice\b|\badvised\b|\btold to\b", re.I)
_ADVICE = regex(rf"{_ADVISED.pattern}|好ましい|上手|必ず|\brecommend|\bbest\b|\bprefer", re.I)


def unadvised(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks only why something is advised, a statement of a top section gives that advice,
    and none of those gives a reason."""
    why = _whys_only(asking)
    if not why or not _ADVISED.search(" ".join(why)):
        return False
    asked = " ".join(why)
    about = subject(asked)
    # what the advice is on: the question's words, not its subject's nor those asking why or what is advised
    words = with_translations(tokens(WHY.sub(" ", _ADVISED.sub(" ", asked)))) - about
    # advice on it: a statement (its items, not its headings: 「Elastic Load Balancing」 heads every item) sharing
    # more than one word of the question (「DB等に持たせるほうが望ましいのはなぜ？」 is answered by 「セッション情報を
    # ElastiCacheなどで管理するように改修した方が良い」 in a section never naming DB), or in a section naming the
    # subject, one word or the whole subject (「SWFよりも…StepFunctionsを使うことが推奨」)
    held = held_names(about, sections)

    def on_it(u: Statement) -> bool:
        said = _items_terms(u)
        shared = words & said
        if len(shared) > 1:
            return True
        return names_all(sections[u.hit_rank], held) and (
            bool(shared) or (bool(about) and all(named_in(n, said) for n in about)))
    advice = [u for u in candidates if _ADVICE.search(u.said) and on_it(u)]
    # the advice asked of shares at least half as many of its words (not its names' tokens: EC2's ec, 2) as the
    # closest one: 「セッション確立時だけLBを使うのが上手な付き合い方」 for WebSocket, not 「ステートフルを
    # ステートレスにするために…改修した方が良い」, which shares only セッション; but that one is the advice asked
    # of in 「セッション情報はDB等に持たせるほうが望ましいのはなぜ？」
    own = words - _name_tokens(about)
    shared = [len(own & _items_terms(u)) for u in advice]
    most = max(shared, default=0)
    advice = [u for u, n in zip(advice, shared, strict=True) if 2 * n >= most]
    return bool(advice) and not any(_gives_reason(u.said) or _UNABLE.search(u.said) for u in advice)
