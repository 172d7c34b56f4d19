"""Answers with citations. The default answerer is extractive: no model, works offline.

It picks the list items and sentences of the retrieved sections that best match the question, keeps a
bullet's parent item when the bullet means nothing alone (「デフォルトで30秒」 under 「可視性タイムアウト」),
and ends each statement with the ``[n]`` of its section. Citations always come from chunk metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from statistics import median

from ingest.indexdb import IndexDB
from ingest.tokenize import normalize, tokens
from rag.acronyms import asked_acronym, expands, unexpanded
from rag.bare import bare_notices, bare_subjects, named_only, unfilled
from rag.capability import WHETHER, apart, uncompared, unfit, unscoped
from rag.cost import uncosted, unpriced
from rag.duration import untimed
from rag.enabling import unnamed, unstated
from rag.encryption import unencrypted
from rag.expect import WHICH, Expected, Subject, gives, subject
from rag.glossary import with_translations
from rag.lists import asks_every_item, completed_lists, whole_list
from rag.ordering import unordered
from rag.outcome import unhappened
from rag.patterns import DENIED, regex
from rag.query import Concept, Query, coverage, is_japanese
from rag.reason import NUMBER, WHY, unadvised, unexplained, unreasoned
from rag.retrieve import Hit
from rag.statements import Statement, statements, text_terms

MAX_BULLETS = 5
CONTEXT_SHARE = 0.7  # a question term found in a statement's parent item counts this much
HEADING_SHARE = 0.5  # ... and in its section's heading path
RANK_PRIOR = 0.15  # statements of higher-ranked sections are preferred
VALUE_SHARE = 0.2  # ... and those giving a number of the kind asked for (何秒: 「30秒」)
DENIED_SHARE = 0.5  # ... and, asked whether something can be done, what it does not support (「利用不可」)
MAX_CHARS = 600
UNIT_SECTIONS = 3  # statements are drawn from the top sections only
KEEP_RATIO = 0.5  # statements scoring below this share of the best one are left out
NOT_FOUND = {True: "ノートには該当する記述が見つかりませんでした。", False: "I could not find this in your notes."}
RELATED = {True: "近い内容のセクション:", False: "Closest sections:"}



@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    heading_path: tuple[str, ...]
    start_line: int
    end_line: int
    score: float
    text: str  # the whole section
    used: tuple[str, ...] = ()  # the statements of the answer taken from this section

    def as_dict(self) -> dict:
        return {"n": self.n, "source": self.source, "heading_path": list(self.heading_path),
                "start_line": self.start_line, "end_line": self.end_line, "score": self.score, "text": self.text}


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    found: bool
    citations: tuple[Citation, ...]  # empty when not found
    related: tuple[Citation, ...] = ()  # closest sections when not found
    notices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def related_heading(self) -> str:
        """The heading of the closest sections, in the question's language (an English question with a
        dash or a curly quote is English)."""
        return RELATED[is_japanese(self.question)]


def _score(unit: Statement, concepts: tuple[Concept, ...], gives_value: bool) -> float:
    own, ctx = unit.own_terms, unit.context_terms
    lexical = 0.0
    for c in concepts:
        if c.terms & own:
            lexical += c.weight
        elif c.terms & ctx:
            lexical += CONTEXT_SHARE * c.weight
        elif c.terms & unit.heading_terms:
            # a line of type names says nothing but what its heading says (「メモリ最適化」: 「R4 R5 X1e」)
            lexical += (1.0 if _TYPE_NAMES.fullmatch(unit.text) else HEADING_SHARE) * c.weight
    value = VALUE_SHARE if gives_value else 0.0
    return lexical / (sum(c.weight for c in concepts) or 1.0) + RANK_PRIOR / (1 + unit.hit_rank) + value


def is_answerable(query: Query, hits: list[Hit], db: IndexDB, concepts: tuple[Concept, ...],
                  candidates: list[Statement], expect: Expected, sections: list[frozenset[str]],
                  unknown: list[str]) -> bool:
    """Whether the top sections plausibly answer the question (calibrated on eval/*.jsonl).
    ``candidates`` are the statements of the top sections, ``sections`` their terms, ``unknown`` the
    question's subjects the notes never mention."""
    if not hits:
        return False
    # 「S3バケットのバージョニングを有効にする手順」: the thing to set up is named by a top section
    if unnamed(query.own, sections, db) or unstated(query.own, candidates, sections):  # not the options:
        return False  # a distractor may name anything

    def five() -> Iterator[frozenset[str]]:  # the lower two read only if a check asks
        yield from sections
        yield from (db.section_terms(h.source, h.start_line) for h in hits[UNIT_SECTIONS:5])

    # 「FargateでWindowsコンテナって動かせますか？」: no section of the five names both (not only the three
    # answered from: a section naming both may rank below two about the one)
    headings = [h.heading_path[-1] for h in hits[:5] if h.heading_path]
    if apart(query.wanted, five(), db) or uncompared(query.asking, five(), db, candidates) or unscoped(
            query.wanted, five(), headings) or unfit(query.asking, five(), headings, db):
        return False  # 「Data PipelineとAWS Glueのどっち？」: no top section names Glue
    if unfilled(query.asking, candidates) or named_only(query.asking, candidates):  # 「ワーカー環境の場合」 with
        return False  # nothing under it; why 「Amazon S3 Transfer Acceleration」, a bare item, is faster
    if uncosted(query.asking, candidates) or unpriced(query.asking, candidates, sections):
        return False  # "which one is cheaper?", 「料金体系は？」 of sections never speaking of cost
    if (unreasoned(query.asking, candidates, sections) or unexplained(query.asking, candidates, sections)
            or unadvised(query.asking, candidates, sections)):
        return False  # "Why is the Lambda timeout capped at 15 minutes?", "Why can't T2 instances use ENA?"
    if unencrypted(query.asking, candidates, sections):  # EFS's stored data, of which only traffic is encrypted
        return False
    if unordered(query.asking, candidates, sections):  # "Does EventBridge guarantee the order?"
        return False
    if untimed(query.asking, candidates, sections):  # 「1年以上かかる長期のワークフローなら」, of no length given
        return False
    if unhappened(query.asking, candidates, sections):  # 「スタック更新が失敗したらどうなる？」, never saying 失敗
        return False
    if unknown:
        # 「CodeGuruでPythonも使える？」 is answered by 「対象はJavaのみ」 in the CodeGuru section: a name
        # the notes never write, asked of a subject whose top section says what alone it takes
        about = subject(query.text)
        known = about - set(unknown)
        # a known name is in the top section in any of its forms (multi-attach: マルチアタッチ)
        forms = {t: with_translations([t]) for t in known}
        # (not how unwritten names differ: "the difference between gp2 and gp3" is not answered by
        # multi-attach's 「io1である必要あり」)
        return (all(t in about for t in unknown) and bool(known) and all(forms[t] & sections[0] for t in known)
                and not _DIFFERENCE.search(query.asking) and any(u.hit_rank == 0 and _only(u) for u in candidates))
    defaults = [c for c in concepts if c.terms & DEFAULT_WORDS]
    if expect:
        sentences = query.sentences
        valued = [a for a in sentences if _asks_value(a)]
        # 「…デフォルトで何のキー？あとサイズの上限は？」, "how are they encrypted by default, and what's the
        # size limit?": the default is the other question's
        clauses = [c for a in sentences for c in _CLAUSE.split(a)]
        if len(clauses) > 1 and not any(DEFAULT_WORDS & set(tokens(a)) for a in clauses if _asks_value(a)):
            defaults = []
        # a question asking for a value is answered by a statement giving one, or not at all; one asking
        # several (「初期値何秒？あとFIFOは1秒あたり何件まで？」) by one giving any of them, of its own subject
        about = _asked_of(query, sections)
        parts = [(Expected.asked(a), a, subject(a) or about) for a in valued] if len(valued) > 1 else []
        # one sentence asking a value of what it names, beside others (「SQSのFIFOキューって秒間何メッセージまで
        # 捌ける？あとメッセージタイマーってFIFOでも使えるんだっけ？」): the value is bound to its words only (not
        # 「…どっち？お金かかる？」, which asks of the first sentence's subject)
        asked = concepts
        if len(valued) == 1 and len(sentences) > 1 and subject(valued[0]):
            written = with_translations(tokens(valued[0]))
            asked = tuple(c for c in concepts if c.terms & written)
        return any(_gives_asked(hits, candidates, sections, asked, e, text, of, defaults)
                   for e, text, of in parts or [(expect, query.text, about)])
    # a default the question names; one it only implies (「何も設定しないと公開される？」) helps find the
    # statement, is not required of the top sections; nor one a why-question takes as given (「S3がデフォルトで
    # 結果整合性なのはなぜ？」 asks the reason, which the notes give without calling it a default), unless it
    # gives the default's value (「保持期間がデフォルトで24時間なのはなぜ？」: a value the notes must state);
    # nor one a question compares with ("events older than what CloudTrail keeps by default")
    given = (WHY.search(query.asking) and not NUMBER.search(query.asking)) or _THAN_DEFAULT.search(query.asking)
    asks_default = defaults if DEFAULT_WORDS & set(tokens(query.text)) and not given else []
    covered = hits[0].coverage >= MIN_COVERAGE or hits[0].dense >= MIN_DENSE
    if covered and not asks_default:
        return True  # the common case: no need to read the top sections' terms
    present = sections[0].union(*sections[1:2])
    # 「Kinesisのデータ保持期間のデフォルトは？」: a default is stated as one; sections that never say
    # デフォルト/default do not answer it, however much else of the question they hold
    if any(not c.terms & present for c in asks_default):
        return False
    # a question about two things ("RTO and RPO") may be covered only by the top two sections together
    return covered or coverage(concepts, present) >= MIN_COVERAGE


def _gives_asked(hits: list[Hit], candidates: list[Statement], sections: list[frozenset[str]],
                 concepts: tuple[Concept, ...], expect: Expected, text: str, about: frozenset[str],
                 defaults: list[Concept]) -> bool:
    """Whether a top statement gives the value ``text`` asks for, of ``about``."""
    not_attributes = about | expect.cue_terms(text) | DEFAULT_WORDS
    attributes = [c for c in concepts if not c.terms & not_attributes
                  and not all(t.isdigit() for t in c.terms)]  # 「1つあたり」, the 53 of Route 53
    # 「最大の遅延」: the statement names the quantity, in any of the question's words for it
    named = expect.quantity_terms(text)
    quantity = [Concept(0.0, named.union(*(c.terms for c in concepts if c.terms & named)), named)] if named else []
    # 「何も設定しないと何秒？」 asks for the default value, named or implied
    # with no name to tie the value to (「サーバーレスコンテナの安いスポット版」, "the pub/sub notification
    # service"), it must come from a section holding much of the question, not any value near the top
    items = _sub_items(candidates)
    return any(_states_asked(u, expect, about, sections[u.hit_rank], concepts, attributes, quantity, defaults,
                             frozenset().union(*(v.own_terms for v in items.get((u.hit_rank, u.context), ())
                                                 if v.text != u.text)))
               and (about or hits[u.hit_rank].coverage >= MIN_UNNAMED_COVERAGE)
               for u in candidates)


def _asked_of(query: Query, sections: list[frozenset[str]]) -> Subject:
    """Whose value is asked: the names of the sentences asking it, and those of the rest of the question
    that the top section holds (all of them when neither names any). The others set a
    scene (「DBはAurora、監視はDatadog、コンシューマはECS on Fargate。…SQSのFIFOキューって1秒あたり最大何件？」):
    no statement about the value names them."""
    whole = subject(query.valued(_asks_value))
    asking = [a for a in query.sentences if _asks_value(a)] or query.sentences or [query.own]
    own = subject(" ".join(asking))
    kept = frozenset(n for n in whole if n in own or n in sections[0])
    # 「SNSを使ってます。メッセージの最大サイズは？」: asking sentences that name nothing ask of the scene,
    # which the top section (SQS's) must then hold
    return whole.within(kept) if own or kept else whole


def _asks_value(sentence: str) -> bool:
    return bool(Expected.of(sentence))


def _states_asked(unit: Statement, expect: Expected, about: frozenset[str], section: frozenset[str],
                  asked: tuple[Concept, ...], attributes: list[Concept], required: list[Concept],
                  defaults: list[Concept], described: frozenset[str] = frozenset()) -> bool:
    """Whether a statement gives the kind of value asked for, of the question's subject; has the words it
    must (遅延 for 「最大の遅延」; for a default asked, default or a plain value, not a limit); and, when it
    is nested under an item,
    shares a word of the question besides the names and the value's kind: the item says what the value
    is of (「デフォルトで30秒」 under 可視性タイムアウト is not the message retention period; Lambda's
    「128MBから3008MBの間」 under メモリ is not the deployment package's size). A top-level statement of a
    section about the question's named subject speaks for it (「最大容量は16TB」 under EBS › 特徴)."""
    if not gives(unit, expect, about, section) or any(not c.terms & unit.scope for c in required):
        return False
    # a default asked is stated as one, or as the plain value ("Events are stored for 90 days"), not as
    # a limit (「最大14日間」 is no default)
    if any(not c.terms & unit.scope for c in defaults) and _LIMIT.search(normalize(unit.text)):
        return False
    if not attributes or (not unit.context and about):  # a named subject's top-level statement speaks for it
        return True
    # so does one under an item that is the subject (「100万件ごとに0.5USD」 under 「FIFOキュー」)
    parent = text_terms(unit.context[-1]) if unit.context else frozenset()
    if parent & about and parent <= about.union(*(c.terms for c in asked)):
        return True
    if any(c.terms & unit.scope for c in attributes):
        return True
    # the item is described by its other sub-items: 「デフォルトで30秒」 beside 「あるコンシューマが…取得する
    # ことをできなくする時間」 answers a question that describes the visibility timeout without naming it
    return coverage(attributes, described) >= DESCRIBED_COVERAGE


def _sub_items(candidates: list[Statement]) -> dict[tuple[int, tuple[str, ...]], list[Statement]]:
    """(section rank, parent items) -> the statements under those parents."""
    out: dict[tuple[int, tuple[str, ...]], list[Statement]] = {}
    for u in candidates:
        if u.context:
            out.setdefault((u.hit_rank, u.context), []).append(u)
    return out


DEFAULT_WORDS = frozenset({"デフォルト", "default", "既定"})
_THAN_DEFAULT = re.compile(r"\bthan\b[^?.]*\bby default\b|(?:デフォルト|既定)(?:の[^、。？?]{0,8})?より", re.I)
_CLAUSE = re.compile(r",\s*and\s+(?=(?:what|how|which|when|where|is|are|can|does|do)\b)", re.I)  # a second question
_LIMIT = re.compile(r"最大|最小|上限|下限|最長|最短|まで|以内|以下|以上|未満|"
                    r"\b(?:max|min)(?:imum)?\b|\bup to\b|\bat most\b|\blimit")
# A statement of what alone something takes: 「対象はJavaのみ」, 「対称鍵暗号方式のみサポート」, "Java only";
# or requires: 「ボリュームタイプはプロビジョンドIOPS(io1)である必要あり」
_ONLY = re.compile(r"(?:(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9.+#-]*|方式|型)\s*(?:のみ|だけ|しか)(?!し)|"
                   r"\bonly\s+[A-Z]|(?<![\w-])[A-Z][A-Za-z0-9]*\s+only\b|[A-Za-z0-9][)）]?である必要")
_TYPE_NAMES = re.compile(r"(?:[A-Za-z][A-Za-z.-]*\d[A-Za-z0-9.-]*[\s,、/]*)+")  # M4 M5, R4 R5 X1e
_DIFFERENCE = regex(r"違い|(?:どう|何が|どこが)違|差|異なる|\bdifferen|\bcompare", re.I)
_ONLY_ASKED = re.compile(r"\bonly\b|のみ|(?<!どれ)(?<!できる)(?<!それ)だけ", re.I)  # not 「どれだけ」


def _only(unit: Statement) -> bool:
    return _ONLY.search(normalize(unit.text)) is not None  # NFKC: notes write 方 as the radical ⽅


MIN_COVERAGE = 0.3
# share of the question's other words an item's sub-items must hold to say what its value is of; swept
# on eval/*.jsonl: 0.35-0.4 answer both described visibility timeouts, 0.3 a Lambda-package trap, 0.45 one less
DESCRIBED_COVERAGE = 0.4
MIN_UNNAMED_COVERAGE = 0.45  # eval/*.jsonl: values answered come from sections of 0.5 and up, wrong ones 0.41
MIN_DENSE = 0.4


def _citations(hits: list[Hit], used: dict[int, list[str]]) -> tuple[Citation, ...]:
    return tuple(Citation(i + 1, h.source, h.heading_path, h.start_line, h.end_line, h.score, h.text,
                          tuple(used.get(i + 1, ()))) for i, h in enumerate(hits))


def _repeats(chosen: list[Statement]) -> set[int]:
    """Lines that repeat a better line: an item and its sub-item both chosen, the sub-item also shown
    in the item's line. The better scoring one (earlier in ``chosen``) stays."""
    position = {(u.hit_rank, u.text): k for k, u in enumerate(chosen)}
    out = set()
    for k, u in enumerate(chosen):
        parent = position.get((u.hit_rank, *u.context[-1:])) if u.context else None
        if parent is not None and u.text in chosen[parent].with_children()[1]:
            out.add(max(k, parent))
    return out


def extractive_answer(query: Query, hits: list[Hit], db: IndexDB, notices: tuple[str, ...] = ()) -> Answer:
    """Compose a short answer from the best statements of the top sections."""
    ja = query.japanese
    concepts = query.concepts(db)
    candidates = [u for rank, h in enumerate(hits[:UNIT_SECTIONS]) for u in statements(h.text, h.heading_path, rank)]
    sections = [db.section_terms(h.source, h.start_line) for h in hits[:UNIT_SECTIONS]]
    expect = Expected.asked(query.text, query.options)
    bare = bare_subjects(query, concepts, db)
    unknown = query.unknown_names(db) + bare
    # 「VGWって何の略？」: a section using VGW is no answer, only one spelling it out
    if unexpanded(query.asking, db) or not is_answerable(query, hits, db, concepts, candidates, expect, sections,
                                                          unknown):
        return Answer(query.asked, NOT_FOUND[ja], False, (), _citations(hits[:3], {}),
                      notices + bare_notices(bare, db))
    about = _asked_of(query, sections)

    # whether it can be done is answered by what alone it takes ("Can I use asymmetric keys with AWS KMS?":
    # 「対称鍵暗号方式のみサポート」) or by what it does not support, said of a word of the question
    # (「Windowsはサポートしておらず、利用不可」)
    denied = WHETHER.search(query.asking) is not None
    asks_only = unknown or _ONLY_ASKED.search(query.text) or denied
    value = expect or Expected.ranking(query.text)
    acronym = asked_acronym(query.asking)

    def answers(u: Statement) -> bool:
        """States what is asked: the value asked for, an acronym spelt out (「LCUって何の略？」), or, for a
        name the notes never write or a question about exclusivity ("symmetric-only?"), what alone the
        subject takes."""
        if (asks_only and _only(u)) or (acronym and expands(acronym, f"{u.section} {u.render()}")):
            return True
        return not unknown and bool(value) and gives(u, value, about, sections[u.hit_rank], exact=True)

    given = [answers(u) for u in candidates]
    # (a word that weighs: not the 「メッセージ」 of 「メッセージタイマーはFIFOは未サポート」 for message attributes)
    heavy = [c for c in concepts if c.weight >= median(c.weight for c in concepts)] if denied and concepts else []
    refused = [denied and DENIED.search(u.text) is not None and any(c.terms & u.own_terms for c in heavy)
               for u in candidates]
    # a value a claim or a plan writes is checked against the one the notes give, first: their words
    # share little (「1時間くらい回し続けることってできる？」: 「タイムアウト › 最大15分」)
    checked = bool(expect) and not Expected.of(query.text)
    scored = sorted(((_score(u, concepts, given[i]) + (1.0 if checked and given[i] else 0.0)
                      + (DENIED_SHARE if refused[i] else 0.0), i, u)
                     for i, u in enumerate(candidates)), key=lambda x: (-x[0], x[1]))
    best = scored[0][0] if scored else 0.0
    chosen: list[Statement] = []
    size = 0
    for score, _, u in scored:
        if len(chosen) == MAX_BULLETS or (chosen and score < KEEP_RATIO * best):
            break
        line = u.render()
        if size + len(line) > MAX_CHARS and chosen:
            continue
        chosen.append(u)
        size += len(line)
    if not value:  # a value asked is one line (「可視性タイムアウト › デフォルトで30秒」), not its whole list
        chosen = completed_lists(chosen, candidates)
    if not value and asks_every_item(query.text) and (found := whole_list(scored)):
        listed, shown = found
        chosen = [listed, *(u for u in chosen if u.hit_rank or u.text not in shown)][:MAX_BULLETS]
    repeats = _repeats(chosen)
    chosen = [u for k, u in enumerate(chosen) if k not in repeats]
    lines_of = {(u.hit_rank, u.text) for u in chosen}
    asked = {t for c in concepts for t in c.terms}
    offered = [name for names_ in subject(query.asking).choices for name in names_]
    which = WHICH.search(query.asking) is not None
    used: dict[int, list[str]] = {}
    lines = []
    for u in chosen:
        n = u.hit_rank + 1
        parent_shown = (u.hit_rank, *u.context[-1:]) in lines_of
        # "SQS ›" adds nothing to an SQS question, unless it is one of the options offered ("Clarify", 「Model
        # MonitorとClarifyどっち？」: the heading says which one the statement is of);
        # 「R4 R5 X1e」 means nothing without 「メモリ最適化 ›」; asked which one, the heading names it ("Which Kinesis
        # service should I pick…": 「Amazon Kinesis Firehose ›」)
        heading = set(tokens(u.section))
        label = bool(_TYPE_NAMES.fullmatch(u.text)) or (
            n not in used and (bool(heading & set(tokens(query.options))) or not heading & asked
                               or any(name <= heading for name in offered) or (which and bool(heading - asked))))
        lines.append(f"- {u.render(label=label, context=not parent_shown)} [{n}]")
        used.setdefault(n, []).extend((u.text, *u.with_children()[1]))
    return Answer(query.asked, "\n".join(lines), True, _citations(hits, used), (), notices)
