"""A question made ready for search: normalised, cut if huge, with follow-up context and expansions."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ingest.indexdb import IndexDB
from ingest.tokenize import normalize, terms, tokens
from rag.compounds import unwritten
from rag.glossary import abbreviations, feature_patterns, inflections, romanized, synonyms, translations, written_forms
from rag.glossary_terms import FEATURES, KATAKANA_PARTS, SERVICE_NAMES
from rag.options import split_options
from rag.patterns import SENTENCE, regex
from rag.spelling import abbreviated, joined, respelled, respelled_word, swapped_name

_KANJI_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")
# what a person asks of the assistant (「一言で説明して」, 「何を意味してる？」), not of the service
_REQUESTS = frozenset({"意味", "説明", "解説", "紹介", "列挙", "要約", "整理", "比較", "確認", "質問", "回答",
                       # and what the person does with it or feels (「要点を復習したい」, 「いつも混乱する」)
                       "復習", "勉強", "暗記", "把握", "混乱", "混同", "苦手",
                       # a remedy asked in general: whatever the notes advise does it (「100%に張り付いてる。
                       # どう対処するのがいい？」: 最大I/Oを使う)
                       "対処", "対策", "解決", "解消", "改善"})
_LOANWORD = re.compile(r"[\u30a1-\u30fa\u30fc]{4,}")  # katakana, 4+ characters: パーティション, not キー
# Everyday loanwords that set the scene of a question (「来週キャンペーンでLBに…」), never its subject.
_SCENE = frozenset({"キャンペーン", "プロジェクト", "チーム", "メンバー", "ミーティング", "セール", "ユーザ",
                    "ユーザー", "クライアント", "アプリ", "サービス", "システム", "テスト", "リリース"})
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Names in a question: ASCII words such as RDS, Lightsail, Multi-AZ, S3, --max-items, NFSv4.1, kept whole
# as the tokenizer keeps them (in English: not the first word of a sentence).
_NAME = re.compile(r"(?<![A-Za-z0-9.-])(?:--?)?[A-Za-z](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?![A-Za-z0-9])")
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s+)\W*$")
_ABBREVIATION = re.compile(r"\b(vs|e\.g|i\.e|etc)\.", re.I)  # "SQS vs. SNS", "e.g. every 30 days": no sentence end
# everyday words, typed in capitals, that are no names: 「…戻せればOKって理解でいい？」, "which does NOT …"
_EVERYDAY = frozenset({"ok", "ng", "not", "only", "all", "no", "never", "always", "both", "except", "true",
                       "false", "best", "most", "least", "and", "or"})
# a host name given as an example (「example.comみたいなZone Apex」): what is set up, not a subject
_DOMAIN = re.compile(r"(?:[A-Za-z0-9-]+\.)+(?:com|net|org|jp|io|dev|app|ai|co|uk|de|fr|eu|us|info|biz|me|tv|xyz|site|"
                     r"shop|tokyo|cloud|online|tech|local|internal|example|test)", re.I)
_COUNTED = re.compile(r"(?<=[A-Za-z]{2})\d+$")
_COUNTER = re.compile(r"秒|分|時間|日|週|[かヶカ]月|年|個|回|件|台|つ|%|％")
_UNIT = re.compile(r"[KMGTP]i?B|[KMGT]?bps|ms", re.I)
_ANAPHORA = re.compile(r"^(それ|その|これ|この|あれ|じゃあ|では|なら|and\b|what about\b|its?\b|how about\b)", re.I)
_UNSET = re.compile(r"何も(?:設定|指定|変更)(?:し|せ)(?:(?:てい?)?(?:ない|なければ|なかったら)|ず)|"
                    r"(?:特に|とくに)?(?:設定|指定|変更)(?:し|せ)(?:ない(?:と|で|場合)|てい?ない(?:と|場合)|ずに|"
                    r"(?:てい?)?(?:なければ|なかったら)|なかった場合)|"
                    r"(?:設定|指定)(?:しない|しなかった|を省略した)場合|未(?:設定|指定)の(?:場合|とき)|"
                    r"if (?:I|you) (?:don['’]t|do not) (?:set|specify|configure|change)\b|"
                    r"if (?:it is |it's )?not (?:set|specified|configured)", re.I)
# 「無理なら」 ("if not") only hedges the question that follows: not the notes' 「…とかは無理」
_IF_NOT = re.compile(r"(?:無理|ダメ|だめ|駄目)(?:な|だった)ら")
_TITLE_RUN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+(?![A-Za-z])")  # "Provisioned Concurrency"
# An instance type with option letters (C5d, M5d) is its type (C5, M5) with an option the notes may
# explain generally (「d：インスタンスストアを内蔵」) without writing that very name
_INSTANCE_VARIANT = re.compile(r"^([cmrtigpxzdhf]\d)(?=[abdegnz]{1,3}$)")  # not s3fs, k8s
_WORD_PAIR = re.compile(r"(?<![A-Za-z0-9-])([a-z]+)(?= ([a-z]+)(?![A-Za-z0-9]))")  # "cloud trail"
# "Code Guru", "NAT Gateway"
_NAME_PAIR = re.compile(r"(?<![A-Za-z0-9-])([A-Z][A-Za-z]+)(?= ([A-Z][a-z]+)(?![A-Za-z0-9]))")
_WORD = re.compile(r"(?<![A-Za-z0-9-])[a-z]{6,}(?![A-Za-z0-9-])")  # a lowercase English word ("defualt")
# the subcommand of an AWS CLI line is what is done, not a subject (「aws s3 cp でデカいファイルを…」)
_CLI_COMMAND = re.compile(r"\baws\s+[a-z0-9-]+\s+([a-z][a-z0-9-]*)")
# Words of a question that are no concepts of it: what is asked of me (「制約をまとめて知りたい」, 「10秒粒度で
# 見たい」, "I'd like to know"), and English function words the notes' one English file makes look rare
_ASKING_WORDS = frozenset({"know", "tell", "please", "explain", "wonder", "remind", "知る", "教える", "見る",
                           "略", "略語", "略称",  # 「DLMって何の略？」: not the notes that say 「…の略で」
                           "気"})  # 「遅い気がする」: how it feels to the person
_FUNCTION_WORDS = frozenset({"we", "our", "us", "your", "they", "them", "their", "who", "have", "has", "had",
                             "been", "would", "could", "so", "than", "then", "into", "just", "made",
                             "為"})  # 「使うための条件」: ため, which the notes write in every other reason
# AWS certification exams a person studies for (「DVA勉強中なんですが、…？」): the scene, not a subject (not SAP
# or SOA, software and an architecture as often as exams)
EXAMS = frozenset({"clf", "saa", "dva", "dop", "ans", "scs", "mls", "mla", "dea", "aif", "dbs"})
_NO_CONCEPTS = _ASKING_WORDS | _FUNCTION_WORDS | EXAMS
_CLAUSE = re.compile(r"[、，,]")
# what a wish asks to do: the verb before たい with what it takes after its object (「トークンを検証する
# 独自の認可を入れたい」 asks to add an authorizer, not to verify; 「自動でロールバックするようにしたい」 to
# roll back)
WISH = re.compile(r"[^。！？.!?、，,を]{1,12}たい(?:[（(][^）)]{1,20}[）)])?"  # 「増やしたい（リシャーディング）。」
                  r"(?=(?:んだ(?:けど|が)|のですが|です|けど)?[。！.!、，,\s]|[（(])")
# ... or what the asker wants done for them (「自動でロールバックしてほしい。」): what a feature is wanted of
_WANT = re.compile(WISH.pattern.replace("たい", "(?:たい|て(?:ほ|欲)しい)", 1))
_KEEP = {ord("？"): "\ue000", ord("！"): "\ue001"}  # private-use stand-ins NFKC leaves alone
_RESTORE = {ord(v): chr(k) for k, v in _KEEP.items()}
# a link's own characters only: 「(https://…/)SQSの…」 keeps what follows it; after Japanese too (「詳細は
# https://…」: Python's \b sees no edge between は and h)
LINK = re.compile(r"(?<![A-Za-z0-9_])(?:(?:https?|s3)://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+|www\.[A-Za-z0-9._~/%-]+)",
                  re.I)
_SHOUTED_WORD = re.compile(r"\b[A-Z]{3,}\b")
_PORT_JOINED = re.compile(r"(?<![A-Za-z])(TCP|UDP)(\d+)(?!\d)", re.I)
SHOUTED_WORDS = 4  # this many words in capitals, and no small letter, is shouting ("SQS FIFO DLQ": names)
# the sentences of a question that ask; "t3.micro?" and "Node.js" end no sentence
_ASKING = re.compile(r"(?:[^.!?。！？]|[.!?](?=\S))*[?？]")
# a dash ends a sentence telling the scene before a question about "it" ("I'm running an ML inference
# container on Fargate — can it use GPUs?"; not "What happens if … — does it fall back …?")
_SCENE_DASH = re.compile(r"^((?:I|I'm|I’m|I am|We|We're|We’re|My|Our)\b[^?.!]*?)\s[—–-]\s+"
                         r"(?=(?:can|could|does|do|is|are|will|would)\s+(?:it|they|this|that)\b)", re.I)
SPECIFIC = 3  # a term the notes write in this many chunks or fewer names something of theirs
GENERIC_NAMES = frozenset({"amazon", "aws"})  # "Amazon Lightsail" names Lightsail, not Amazon
FIELDS = frozenset({"ml", "ai"})  # "GPU-based ML containers": what kind of container, no thing of its own
ADDRESSES = frozenset({"url"})  # 「URLのパスごとに振り分け」 asks the load balancer, not about URLs
_VERBS = frozenset({"set"})  # 「両方 set したら」: what is done (「両方指定された場合」), no thing of its own
_NO_NAMES = ADDRESSES | FIELDS | EXAMS | _VERBS  # words a question names that are no subject the notes could lack
FOLLOWUP_MAX_TERMS = 2  # a question this thin, with no name in it, leans on the previous one
CONTEXT_WEIGHT = 0.5  # the previous question's terms count half in a follow-up


class EmptyQuestion(ValueError):
    """An empty or whitespace-only question."""


def _is_loanword(term: str) -> bool:
    return bool(_LOANWORD.fullmatch(term)) and term not in _SCENE


_VERB_ENDS = ("する", "し", "させ")  # a word done: 「ローテーションする」, 「修復させる」


def _asks_to_do(word: str, text: str) -> bool:
    """Whether the question asks to do what the word names (「ローテーションするには」, 「修復させる」), rather
    than using it to describe a situation (「外部からのシグナルで介入したい」, 「共有ドライブとしてマウント」,
    「タスクが中断される」: passive, what happens to the subject; 「…前に発火するLambda@Edgeのイベント名」:
    a kanji verb's clause saying which of a name's things is asked)."""
    # ローテーションするLambda: rotation is asked; a kanji verb before a name or a noun describes it (「…前に
    # 発火するLambda@Edgeのイベント」, 「新旧バージョンが混在する問題」), unless the noun asks how (「修復する方法」)
    # or the verb takes an object (「インスタンスを休止する場合の手順」)
    # each word's pattern is compiled anew: a word written before no verb ending or bracket is none
    if not any(f"{word}{end}" in text for end in (*_VERB_ENDS, "でき", "）", ")")):
        return False
    w, done = re.escape(word), "|".join(_VERB_ENDS)
    after = "" if _is_loanword(word) else "(?!る?(?:[A-Za-z]|(?!方法|手順|設定)[一-龯ァ-ヶ]))"
    # a loanword in brackets after a verb names what it does (「シャードを増やす（リシャーディング）には」)
    return re.search(f"{w}(?:{done}|でき){after}|を[^、。？?を]{{0,8}}{w}(?:{done})|[ぁ-ん][（(]{w}[）)]",
                     text) is not None


def _plain(text: str) -> str:
    """``text`` in NFKC, without pasted links (a page's address names nothing the notes hold: "aws.amazon.com"),
    and in lowercase when English is shouted: "HOW MANY RECORDS PER SECOND" holds no names but those of
    services, which are names in any case."""
    # 「ＳＱＳ」 is SQS, ｷｭｰ is キュー; a full-width ？ stays, as it ends a sentence where "?" may not (t3.micro?)
    text = unicodedata.normalize("NFKC", text.translate(_KEEP)).translate(_RESTORE)
    text = LINK.sub(" ", text).strip() or text
    text = _PORT_JOINED.sub(r"\1 \2", text)  # 「TCP25」: TCP 25, as the notes write it
    letters = [c for c in text if c.isascii() and c.isalpha()]
    shouted = len(_SHOUTED_WORD.findall(text)) >= SHOUTED_WORDS and all(c.isupper() for c in letters)
    return text.lower() if shouted and not is_japanese(text) else text


def _is_path(text: str, at: int) -> bool:
    """Whether the word at ``at`` starts a path ("/tmp": a name however typed; not "read/write")."""
    return text[at - 1:at] == "/" and not text[at - 2:at - 1].isalnum()


# "Environment variables", not "Transfer Acceleration"
_PHRASE_START = re.compile(r"[A-Z][a-z]+\s+(?=[a-z]+(?![A-Za-z]))")


def _is_word(word: str) -> bool:
    """An English word of the glossary (timeout, retention, penalty), in any inflection."""
    return any(translations(term) for term, _ in terms(word)[:1])


def _unabbreviated(text: str) -> str:
    """``text`` with the periods of "vs.", "e.g.", "i.e.", "etc." blanked (same length): they end no
    sentence."""
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", " "), text)


_QUALIFIER = re.compile(r"^([a-z0-9]+)-([a-z]{4,})$")  # gpu-based, lambda-backed


def _qualified(term: str, db: IndexDB) -> bool:
    """A name the notes write, qualified by an English word: "GPU-based" is about GPUs; or an English verb
    they write inflected ("replay": "Events can be … even replayed"; the index keeps -ed and -ing whole)."""
    m = _QUALIFIER.match(term)
    inflected = [term + "ed", term + "d", term + "ing"] if term.isalpha() and len(term) > 3 else []
    return bool(db.doc_freq([m.group(1)] if m else inflected)[0])


def _name_groups(text: str) -> list[tuple[str, ...]]:
    """The terms of each name of ``text``, words written side by side being one name ("Secrets
    Manager")."""
    groups: list[list[str]] = []
    last_end = -2
    for start, word in name_spans(text):
        if word.lower() in GENERIC_NAMES:
            continue
        if groups and text[last_end:start].isspace():
            groups[-1].append(word)
        else:
            groups.append([word])
        last_end = start + len(word)
    heads = (tuple(m.group(1) if (m := _QUALIFIER.match(t)) else t for w in group for t, _ in terms(w))
             for group in groups)  # GPU-based: gpu
    return [g for g in heads if g]


def _pairs_a_feature(text: str, unmentioned: list[str], db: IndexDB) -> bool:
    """Whether ``text`` asks whether a service has a feature the notes write with it, the words they never
    write only qualifying that feature ("Can I use GPUs with Fargate for my ML inference containers?"):
    a name that is no service, written in 3 chunks or fewer, a service's name, one chunk holding both, and
    every unwritten word after the feature's name (not "How do CPU credits work on T2 instances in EC2?")."""
    groups = _name_groups(text)
    services = [g for g in groups if any(t in SERVICE_NAMES for t in g)]
    lowered = text.lower()
    for feature in (g for g in groups if not any(t in SERVICE_NAMES for t in g)):
        df, _ = db.doc_freq(feature)
        if not all(0 < df.get(t, 0) <= SPECIFIC for t in feature):
            continue
        at = lowered.find(feature[0])
        if at < 0 or any(lowered.find(w) < at for w in unmentioned):
            continue
        if any(db.cooccurring_chunks((*feature, *service)) for service in services):
            return True
    return False


def is_japanese(text: str) -> bool:
    return bool(_JAPANESE.search(text))


# what a question mentions as not asked: ruled out, set against, or a likeness (「マルチバリュー回答以外に」,
# 「スプレッドと違って」, 「サンドボックスみたいに隔離」, "instead of a presigned URL"), with the English words
# before it (「Rolling with additional batchじゃなく」)
IN_PASSING = regex(r"(?:[A-Za-z][\w.@/-]*\s+){0,4}[^\s、。,，？?！!「」（）()]{1,24}?"
                   r"(?:じゃなく|じゃない|ではなく|ではない|の代わりに|以外|と違って|とは別に|は置いといて|はさておき|みたいに|みたいな|のような|のように|関係なく|なしで|"
                   r"[をは](?:使わ|作ら|入れ|書か)(?:ず|ない|なくても)|は使わないとして|を(?:作る|書く|有効にする)前に|"
                   r"に入れ(?:ず|る前に)|を使う場合でも|"
                   r"を(?:入れ|保存し|格納し|置い)ても)|"  # what is put in a store (「環境変数にAPIキーを入れても」)
                   r"\b(?:instead of|other than|without|(?:un)?like|apart from|besides|except(?: for)?|rather than|"
                   r"before (?:creating|using|enabling|setting up))\s+"
                   r"(?:an? |the |my |our )?[\w-]+(?:\s+[\w-]+)?", re.I)


def features_named(text: str, patterns: list[tuple[tuple[str, ...], re.Pattern[str]]]) -> list[tuple[str, ...]]:
    """The features (their forms) of ``patterns`` that ``text`` names, not one mentioned in passing
    (「マルチバリュー回答以外に」)."""
    folded = normalize(IN_PASSING.sub(" ", text))
    return [forms for forms, pattern in patterns if pattern.search(folded)]


def unknown_features(text: str, db: IndexDB) -> list[str]:
    """The features of ``FEATURES`` that ``text`` names, in any of their forms, and the notes write in none."""
    return [forms[0] for forms in features_named(text, _FEATURES)
            if not any(db.phrase_chunks(tuple(tokens(form))) for form in forms)]


_FEATURES = feature_patterns(FEATURES)


def name_spans(text: str) -> list[tuple[int, str]]:
    """ASCII names in the question, each with where it starts; not units (「何MBまで」, "10 Gbps": the
    unit asked for, not a subject), nor the number of a Japanese quantity written against a name
    (「RPO15分」: RPO)."""
    text = _unabbreviated(text)  # same length: the positions hold for the text as given
    found = [(m.start(), _COUNTED.sub("", m.group()) if _COUNTER.match(text, m.end()) else m.group())
             for m in _NAME.finditer(text)]
    commands = {m.start(1) for m in _CLI_COMMAND.finditer(text)}
    found = [(at, w) for at, w in found if not _UNIT.fullmatch(w) and w.lower() not in _EVERYDAY and at not in commands
             and not _DOMAIN.fullmatch(w)]
    if is_japanese(text):
        # English words written inside Japanese (「SQSのvisibility timeoutのdefault値」, 「Environment variablesに
        # 設定できるサイズ」: a phrase's first word capitalised) are words, not names ("Transfer Acceleration" is)
        return [(at, w) for at, w in found if not (
            (w.islower() or _PHRASE_START.match(text, at)) and w.replace("-", "").isalpha() and _is_word(w))]
    # in English, not the first word of a sentence ("… by default? Why or why not?"); a service's name
    # however typed ("how much does lightsail cost?")
    return [(at, w) for at, w in found if w.startswith("-") or _is_path(text, at)
            or w.lower() in SERVICE_NAMES or (
        not _SENTENCE_START.search(text, 0, at) and (
            w[0].isupper() or w[1:] != w[1:].lower() or any(c.isdigit() for c in w)))]


def names(text: str) -> list[str]:
    """The names of ``name_spans``, in order."""
    return [w for _, w in name_spans(text)]


def is_followup(text: str) -> bool:
    """「デフォルト値は？」 after a question about SQS is about SQS."""
    if _ANAPHORA.match(text):
        return True
    return not names(text) and len({term for term, _ in terms(text)}) <= FOLLOWUP_MAX_TERMS


@dataclass(frozen=True)
class Concept:
    """One thing a question asks about: its weight (idf) and every index term that counts as it."""

    weight: float
    terms: frozenset[str]
    searched: frozenset[str]  # the question's own terms, and the glossary's Japanese for English ones


def search_terms(concepts: Sequence[Concept]) -> list[str]:
    """Terms for the keyword search: the question's own, and Japanese for its English words. Synonyms
    and English for Japanese words are left out: on eval/*.jsonl they pull in sections that merely share
    a common word (hit@1 0.890 -> 0.863); they count where sections and statements are judged."""
    return list(dict.fromkeys(t for c in concepts for t in sorted(c.searched)))


def coverage(concepts: Sequence[Concept], present: set[str]) -> float:
    """Share of the question's weight whose concepts have a term in ``present`` (a section's terms)."""
    total = sum(c.weight for c in concepts) or 1.0
    return sum(c.weight for c in concepts if c.terms & present) / total


@dataclass(frozen=True)
class Query:
    text: str
    context: str = ""  # the previous question, when this one is a follow-up
    truncated: bool = False
    corrections: tuple[tuple[str, str], ...] = ()  # (name as typed, index term read instead)
    typed: str = ""  # the question as typed, when corrected
    implied: str = ""  # words the question means without writing them: 「何も設定しないと」 is デフォルト
    # the question before the answer options it offers (「…デフォルト値は？ A) 0秒 B) 30秒」): options are
    # searched and ranked with, but a distractor the notes never write ("Xen-based") is no subject of theirs
    stem: str = ""
    options: str = ""  # 「0秒 / 30秒 / 60秒」

    @classmethod
    def of(cls, question: str, history: Sequence[str] = (), max_chars: int = 2000) -> Query:
        typed = " ".join(question.split())
        if not typed:
            raise EmptyQuestion("The question is empty: type a question about your notes")
        truncated = len(typed) > max_chars
        typed = typed[:max_chars]
        text = romanized(_plain(typed))  # 「ラムダの上限」: 「Lambdaの上限」
        stem, options = split_options(text)
        if stem:
            text = f"{stem} {options}"
        previous = [h for h in history if h.strip()]
        context = romanized(previous[-1]) if previous and is_followup(text) else ""
        return cls(text, context, truncated, typed=typed if text != typed else "",
                   implied="デフォルト" if _UNSET.search(text) else "", stem=stem, options=options)

    def corrected(self, db: IndexDB) -> Query:
        """The question with each misspelt name read as the index term it is one edit from ("Lamdba" ->
        lambda, ``rag.spelling``). A name the notes never write is otherwise a subject they do not cover."""
        named = list(dict.fromkeys(names(self.text)))
        fixes = [(word, term) for word in named if (term := respelled(word, db))]
        fixes += [(f"{a} {b}", term) for a, b in _NAME_PAIR.findall(self.text) if (term := joined(a, b, db))]
        # dictated or typed apart in lowercase ("cloud trail", "sage maker"): a service's name the notes write
        fixes += [(f"{a} {b}", term) for a, b in _WORD_PAIR.findall(self.text)
                  if (term := f"{a}{b}".lower()) in SERVICE_NAMES and db.doc_freq([term])[0]]
        fixes += [(word, term) for word in dict.fromkeys(_WORD.findall(self.text))
                  if (term := respelled_word(word, db))]
        fixes += abbreviated(self.text, db)  # "Elastic Block Store": EBS
        # a short name the notes misspell beside another name of the question (TLS: 「EFS…TSLで暗号化」)
        beside = [t for t, n in db.doc_freq(t for w in named for t, _ in terms(w))[0].items() if n]
        fixes += [(word, term) for word in named if (term := swapped_name(word, beside, db))]
        fixes = list(dict(fixes).items())  # a word both a misspelt name and a swapped word: one notice
        if not fixes:
            return self
        texts = (self.text, self.stem, self.options)
        for word, term in fixes:
            texts = tuple(re.sub(rf"(?<![A-Za-z0-9-]){re.escape(word)}(?![A-Za-z0-9])", term, t) for t in texts)
        text, stem, options = texts
        return replace(self, text=text, stem=stem, options=options, corrections=tuple(fixes), typed=self.asked)

    @property
    def asked(self) -> str:
        """The question as the person typed it (answers show this, not the corrected text)."""
        return self.typed or self.text

    @cached_property  # every check reads it: a long message is split once
    def asking(self) -> str:
        """The sentences that ask (「…できなかった。マルチアタッチの条件は？」: the second); all of a
        question with no question mark."""
        return " ".join(self.sentences) or self.own

    @property
    def wanted(self) -> str:
        """The sentences that ask and the sentences of wishes before them: 「表形式で見やすく出したい。なにか
        オプションある？」 asks for the table format, 「自動でロールバックしてほしい。どのモードを選ぶべき？」 for a
        rollback, 「APIキーごとにリクエスト数の上限をかけたい。どう設定する？」 for API keys."""
        return " ".join([self.asking, *(s for s in SENTENCE.findall(self.own) if _WANT.search(s))])

    @property
    def own(self) -> str:
        """The question without the answer options it offers."""
        return self.stem or self.text

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """The sentences that ask, each apart (「…何のキー使ってる？」, 「あとサイズの上限は？」)."""
        return tuple(_ASKING.findall(_SCENE_DASH.sub(r"\1. ", _unabbreviated(self.own))))

    def valued(self, asks_value: Callable[[str], bool]) -> str:
        """The question (without its answer options) less its asking sentences that ask no value (「SQS:
        what's the default visibility timeout? also, can my DLQ live in another region?」: the DLQ is not
        whose default is asked); all of it when no single sentence asks one, or the one that does names
        nothing (「API Gatewayの…？burstの上限はいくつ？」: the burst of API Gateway)."""
        text = _unabbreviated(self.own)
        asking = self.sentences
        if len(asking) < 2 or not any(asks_value(a) for a in asking):
            return self.own
        valued = "".join(part for part in _ASKING.split(text) if part) + "".join(a for a in asking if asks_value(a))
        return valued if names(valued) else self.own

    @property
    def japanese(self) -> bool:
        return is_japanese(self.text)

    @property
    def search_text(self) -> str:
        """What the dense model embeds: the question, after its context for a follow-up."""
        return f"{self.context} {self.text}".strip()

    def concepts(self, db: IndexDB) -> tuple[Concept, ...]:
        """What the question asks about, each with its idf in the index and the words a note might use
        instead (context terms of a follow-up count half).

        A compound such as 暗号化 is searched whole; its parts (暗号, 化) only when the notes never use
        the whole, so one word is not counted three times. English words bring the Japanese terms of the
        glossary, Japanese terms the English words and synonyms; a concept is covered by any of its
        terms, so an alternative adds reach without diluting coverage. Terms the notes never use weigh
        nothing, except loanwords and glossary words (see below).
        """
        out: dict[frozenset[str], tuple[float, frozenset[str]]] = {}
        # 「何も設定していなければ」 means the default, not a setting: its words are read as デフォルト only
        read = _IF_NOT.sub(" ", _UNSET.sub(" ", self.text) if self.implied else self.text)
        for text, factor in ((f"{read} {self.implied}", 1.0), (self.context, CONTEXT_WEIGHT)):
            if not text:
                continue
            groups = []
            for term, parts in terms(text):
                if term in _NO_CONCEPTS:
                    continue  # "I'd like to know …": the English note's one "know" would weigh as rare
                words_of = [term] if translations(term) or synonyms(term) or abbreviations(term) else parts
                groups.append((term, parts, terms(" ".join(w for t in words_of
                                                           for w in translations(t) + abbreviations(t))),
                               terms(" ".join(w for t in words_of for w in synonyms(t)))
                               + [(form, []) for form in inflections(term)]))  # "replay": "replayed"
            df, n = db.doc_freq(t for term, parts, tr, sy in groups for g, gp in [(term, parts), *tr, *sy]
                                for t in (g, *gp))
            idf = {t: factor * math.log(1 + n / d) for t, d in df.items() if d}

            def known(found: list[tuple[str, list[str]]]) -> set[str]:
                return {t for g, gp in found for t in ([g] if g in idf else gp) if t in idf}  # noqa: B023

            for term, parts, tr, sy in groups:
                translated, other = known(tr) if term.isascii() else set(), known(tr) | known(sy)
                if term in idf:
                    found = [(idf[term], {term}, other)]
                elif other:
                    own = {p for p in parts if p in idf}
                    found = [(max(idf[t] for t in own | other), own, other)]
                elif _is_loanword(term):
                    found = []  # ロールバック is not ロール and バック
                else:
                    found = [(idf[p], {p}, set()) for p in parts if p in idf]
                # a loanword the notes never write (パーティション), or a glossary word none of whose
                # translations they write ("rotation"), is a subject they do not cover: it weighs as a
                # rare term no section holds
                found += [(factor * math.log(1 + n), {t}, set())
                          for t in ([term] if _is_loanword(term) else parts or [term])
                          if t not in idf and not other and (_is_loanword(t) or translations(t))]
                for weight, own, alts in found:
                    # one concept however often the question names it ("Secrets" and シークレット)
                    key = frozenset(own | alts)
                    w, searched = out.get(key, (0.0, frozenset()))
                    out[key] = (max(w, weight), searched | own | (alts & translated))
        return tuple(Concept(w, ts, searched) for ts, (w, searched) in out.items())

    @staticmethod
    def _names_its_subject(asking: str, names_: list[str], db: IndexDB) -> bool:
        """Whether the asking sentence names its own subject, a name or a specific term of the notes
        (「…できなかった。マルチアタッチの条件は？」); if not, it asks about the names of the context
        ("We are moving to Lightsail. What is the cheapest price?")."""
        df, _ = db.doc_freq([*names_, *(t for t, _ in terms(asking))])
        return any(df.get(n) for n in names_) or any(0 < df.get(t, 0) <= SPECIFIC for t, _ in terms(asking))

    def unknown_names(self, db: IndexDB) -> list[str]:
        """Subjects of the question that the notes never mention: the notes cannot answer a question about
        Lightsail if they never say "Lightsail". Names (ASCII words such as Lightsail, SLA) in a sentence
        that asks (not 「gp2のボリュームでは駄目だった。マルチアタッチの条件は？」: gp2 sets the scene), and the
        English glossary words that ``concepts`` weighs as uncovered ("rotation"), and a loanword or kanji
        word the notes lack that names what the question asks to do (ローテーションする, 修復させる).
        Otherwise a kanji word or a loanword the notes lack (粒度, 「外部からのシグナル」, 「共有ドライブ」) is
        as often a paraphrase of what they say as a subject they miss: it only weighs (パーティション
        lowers coverage)."""
        asking = self.asking
        found = [term for w in names(asking) for term, _ in terms(w)]
        if not self._names_its_subject(asking, found, db):  # 「Lightsailを使っています。料金はいくら？」
            found += [term for w in names(self.own) for term, _ in terms(w) if term not in found]
        # (in a Japanese question, "long" of 「long polling」 is the notes' ロング: looked up with the names)
        parts = {t: KATAKANA_PARTS[t] for t in found if t in KATAKANA_PARTS} if self.japanese else {}
        df, _ = db.doc_freq([*found, *parts.values()])
        # a glossary word ("Multi-Attach": マルチアタッチ) is judged by its translations, as a concept below;
        # not a word of a longer name ("Transit Gateway", "Provisioned Concurrency": the notes may hold
        # each word, not the thing)
        in_names = {t for run in _TITLE_RUN.findall(self.own) for t, _ in terms(run)}
        missing = [t for t in found if not df.get(t) and (t in in_names or not translations(t))
                   and not _qualified(t, db) and t not in _NO_NAMES and not df.get(parts.get(t, ""))]
        # DDB is there when the notes write DynamoDB; NLB only when they write "Network Load Balancer",
        # not each of its words; C5d when they write C5
        written = {t: [*written_forms(t), *_INSTANCE_VARIANT.findall(t)] for t in missing}
        unknown = [t for t in missing if not any(db.phrase_chunks(tuple(tokens(w))) for w in written[t] if w)]
        # English glossary words weighed as uncovered, when a sentence that asks holds them, not one of
        # context ("Can Fargate tasks use a GPU? I'd like to run some inference in containers."), nor
        # when it asks of a service a feature the notes write with it
        asked = {t for t, _ in terms(asking)}
        unmentioned = [t for c in replace(self, context="").concepts(db) if not db.doc_freq(c.terms)[0]
                       for t in c.terms if t.isascii() and t in asked]
        if unmentioned and _pairs_a_feature(asking, unmentioned, db):
            unmentioned = []  # "Can I use GPUs with Fargate for my ML inference containers?": GPUs are asked
        # 「資格試験を勉強していますが、…何秒？」: not 勉強; but a wish before the question is what it asks to
        # do (「失敗したら自動でロールバックするようにしたい。どこでどう設定する？」)
        clause = " ".join(_CLAUSE.split(c.strip())[-1] for c in [asking, *WISH.findall(self.own)])
        # what the question asks to do, in a word the notes never write in any form (「ローテーションする」,
        # 「自動で修復させる」); not what it asks of the assistant (「説明して」). A loanword's English word is
        # the same word (rotation), its parts are not (ロールバック: ロール, バック); a kanji verb's English
        # word ("transform" for 変換) is a common word of other senses
        verbs = {t: [t, *([] if _is_loanword(t) else parts),
                     *(f for w in (translations(t) if _is_loanword(t) else []) + synonyms(t) for f, _ in terms(w))]
                 for t, parts in terms(self.own)
                 if (_is_loanword(t) or _KANJI_WORD.match(t)) and t not in _REQUESTS and _asks_to_do(t, clause)}
        vdf, _ = db.doc_freq(f for forms in verbs.values() for f in forms)
        undone = [t for t, forms in verbs.items() if not any(vdf.get(f) for f in forms)]
        # a loanword the tokenizer does not know comes in words (フォールバック: フォール, バック; one it
        # knows is judged above); the notes write it when they hold the words side by side, and may write
        # it otherwise when they know each word (オートリカバリー: "Auto Recovery"; カナリアリリース)
        runs = [run for run in _LOANWORD.findall(self.own)
                if _asks_to_do(run, clause) and len(terms(run)) > 1 and not translations(run)]
        forms = {w: [w, *(t for tr in translations(w) for t, _ in terms(tr))] for run in runs for w, _ in terms(run)}
        fdf, _ = db.doc_freq(f for fs in forms.values() for f in fs)
        undone += [run for run in runs if not db.phrase_chunks(tuple(tokens(run)))
                   and not all(any(fdf.get(f) for f in forms[w]) for w, _ in terms(run))]
        return list(dict.fromkeys(unknown + unmentioned + undone + unwritten(asking, db)
                                  + unknown_features(self.wanted, db)))
