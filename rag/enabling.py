"""What a how-to question asks to turn on or set up, and whether a section names it.

「S3バケットのバージョニングを有効にする手順」 asks how to enable versioning. Sections about S3 that never
write versioning (in either language) do not answer it, however much else of the question they hold:
the notes name the bucket and the service everywhere; the thing to set up is what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ingest.indexdb import IndexDB
from ingest.tokenize import normalize, terms, tokens
from rag.expect import named_in, subject
from rag.glossary import translations
from rag.patterns import regex
from rag.query import WISH
from rag.statements import Statement

# a question asking how, not whether or what happens once it is on (「有効にしたら…？」)
_HOW = regex(r"方法|手順|やり方|どうやって|どうすれば|どう(?:設定|やる|す)|には(?:[？?]|何を)|"
                  r"\bhow (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b|"
                  r"(?<![A-Za-z])(?:[Ss]teps?)(?![A-Za-z])(?!\s+[Ff]unctions)", re.I)
# the thing right before を and the verb, with what it is of (「手動承認のステージを」; 「(ENA)を」: the name
# in brackets; 「をCLIで有効化」), or after the English verb
_WORD = r"[一-龯ァ-ヶーA-Za-z0-9-]+"
_JA = regex(rf"((?:{_WORD}の)?(?:[A-Za-z0-9-]+\s)*{_WORD})[)）]?を(?:[^、。？?]{{1,10}}?で)?"
                 r"(?:有効|オン|ON|設定|変更|作成|追加|挟|コピー|移|削除|構成)", re.I)
_EN = regex(r"\b(?:enable|turn on|activate|switch on|set up|configure|create|add|copy)\s+"
                 r"(?:(?:an?|the|new|existing|my|our|another)\s+)*"  # "a new EFS file system": the file system
                 r"((?:[\w.-]+\s+){0,4}?[\w.-]+?)(?=\s+(?:on|for|in|so|at|when|with|by|of)\b|\s*[?,]|\.?\s*$|\.\s)",
                 re.I)
_PRONOUNS = frozenset({"it", "them", "this", "that", "one", "first", "何"})


def enabled(question: str) -> str | None:
    """The thing a how-to question asks to turn on or set up, as written; None for other questions."""
    if not _HOW.search(question):
        return None
    found = _JA.search(question) or _EN.search(question)
    thing = found.group(1) if found else None
    return thing if thing and thing.lower() not in _PRONOUNS else None


def _written(term: str, section_terms: frozenset[str]) -> bool:
    """A word, or one of its translations whole (versioning: バージョニング, or both バージョン and 管理)."""
    return term in section_terms or any(
        words and set(words) <= section_terms for words in map(tokens, translations(term)))


def names(thing: str, section_terms: frozenset[str], used: Collection[str]) -> bool:
    """Whether a section's terms name ``thing``: each of its words, a compound as a whole or all of its
    parts (多要素認証: 多, 要素, 認証), in either language. A word neither the notes (``used``) nor the
    glossary know says nothing of any section (「キャパシティプロバイダー」: the notes write it in English)."""
    judged = [(term, parts) for term, parts in terms(thing)
              if term in used or translations(term) or any(p in used for p in parts)]
    return all(_written(term, section_terms) or (parts and all(_written(p, section_terms) for p in parts))
               for term, parts in judged)


def unnamed(question: str, sections: list[frozenset[str]], db: IndexDB) -> bool:
    """Whether ``question`` asks how to turn on or set up a thing that none of ``sections`` names."""
    if not (thing := enabled(question)):
        return False
    found, _ = db.doc_freq(t for term, parts in terms(thing) for t in (term, *parts))
    used = {t for t, n in found.items() if n}
    return not any(names(thing, s, used) for s in sections)


# What a how-to question asks to do to its thing, and the words a note uses when it says how that is
# done: 「KMSキーを別のキーに切り替えたい」 is not answered by sections about EBS encryption that never
# say 変更 or 切り替え. Generic verbs (設定, 構成, 作成, set up, configure) are not judged: the notes say
# what to set in too many words.
_CHANGES = tuple((regex(asked, re.I), regex(stated, re.I)) for asked, stated in (
    (r"有効(?:化|に)|オンに|\b(?:enable|turn on|activate|switch on)\b",
     r"有効|オンに|\benabl|\bturn(?:ed|s)? on\b|\bactivat"),
    (r"無効(?:化|に)|オフに|\b(?:disable|turn off|switch off|deactivate)\b",
     r"無効|オフに|\bdisabl|\boff\b|\bdeactivat"),
    # a limit lifted (not 「登録解除」, deregistering)
    (r"(?:制限|上限|制約)(?:を|の)?解除|\blift\b", r"(?:制限|上限|制約)\S{0,6}(?:解除|緩和|引き上げ)|緩和|\blift"),
    (r"変更|切り?替え|\b(?:change|switch|modify)\b", r"変更|切り?替|変え|変わ|更新|\bchang|\bswitch|\bmodif|\bupdat"),
    (r"コピー|複製|\bcopy\b", r"コピー|複製|\bcop(?:y|ie)"),
    (r"レプリケ|\breplicat", r"レプリケ|複製|\breplic"),
    # traffic moved to a new model is 「新しいモデルに切り替える」
    (r"移行|移動|移[しすせ]|\b(?:migrate|move)\b", r"移|切り?替|\bmigrat|\bmov|\bswitch"),
    (r"削除|消[しすせ]|\b(?:delete|remove)\b", r"削除|消|\bdelet|\bremov"),
    (r"割り?当て|付与|\bassign\b", r"割り?当|付与|\bassign"),
    (r"共有|\bshare\b", r"共有|\bshar"),
    (r"切り離|デタッチ|\bdetach\b", r"切り離|デタッチ|\bdetach"),
    (r"切り戻|ロールバック|\broll(?:s|ed)?[ -]?back\b|\brevert\b",
     r"切り戻|ロールバック|元に戻|\broll(?:s|ed)?[ -]?back|\brevert"),
))
# where a how-to question says what it asks to do: right before には/方法/手順 (「コピーするには」, 「自動削除
# する設定方法」), after どうやって (「どうやって有効化するの」), in a wish before the question (「切り替えたい。
# どうやる？」), after "how do I"; not elsewhere (「パスを指定するやり方だと…いくつ？」 does not ask how to
# delete the cache; "how do I know when to move …" asks when)
_SO = r"(?:set (?:it |this )?up|configure)\s+(?:it\s+)?so\b[^?.]*"  # "set it up so a failed … rolls back"
_DOING = regex(rf"[^、。？?！!\s]{{1,12}}(?:には|ための|方法|手順|やり方)|どう(?:やって|すれば)?[^、。？?]{{1,8}}|"
               rf"{WISH.pattern}|\bhow (?:do|can|should|would) (?:i|we|you) (?:{_SO}|\w+(?: \w+)?)|"
               rf"\b(?:how|steps?) to (?:{_SO}|\w+(?: \w+)?)", re.I)

# 「どこから申請すればいい？」 asks how too; it is read for the change only (「…処理を挟みたい。どのイベントに
# フックすればいい？」 names no thing to find in a section)
_SHOULD = regex(r"すれば(?:いい|よい|良い)")


def unstated(question: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``question`` asks how to make a change (turn a thing on or off, copy, move, delete it, …)
    that no statement of the top sections about its subject says is made."""
    if not (_HOW.search(question) or _SHOULD.search(question)):
        return False
    doing = " ".join(m.group() for m in _DOING.finditer(question))
    stated = [said for asked, said in _CHANGES if asked.search(doing)]
    # of the question's subject, as far as the top section names it: ECR's section does not say how to
    # replicate, S3's 「クロスリージョンレプリケーション」 is not about ECR; ELB's 「登録解除」 names EC2, not
    # SES (but the notes put Deployment Guardrails, the answer on SageMaker, below no SageMaker heading)
    held = [n for n in subject(question) if named_in(n, sections[0])]

    def says(u: Statement) -> bool:
        text = normalize(" ".join((u.section, *u.context, u.text, *u.children)))
        return all(named_in(n, sections[u.hit_rank]) for n in held) and any(said.search(text) for said in stated)

    return bool(stated) and not any(says(u) for u in candidates)
