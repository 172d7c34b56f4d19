"""Answers with citations. The default answerer is extractive: no model, works offline.

It picks the list items and sentences of the retrieved sections that best match the question, keeps a
bullet's parent item when the bullet means nothing alone (「デフォルトで30秒」 under 「可視性タイムアウト」),
and ends each statement with the ``[n]`` of its section. Citations always come from chunk metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.indexdb import IndexDB
from ingest.tokenize import tokens
from rag.query import Concept, Query, coverage, is_japanese
from rag.retrieve import Hit

MAX_BULLETS = 5
CONTEXT_SHARE = 0.7  # a question term found in a statement's parent item counts this much
HEADING_SHARE = 0.5  # ... and in its section's heading path
RANK_PRIOR = 0.15  # statements of higher-ranked sections are preferred
MAX_CHARS = 600
UNIT_SECTIONS = 3  # statements are drawn from the top sections only
KEEP_RATIO = 0.5  # statements scoring below this share of the best one are left out
CHILDREN_CHARS = 160
LONG_LINE = 160  # longer lines are split into sentences; shorter ones stay whole for context
NOT_FOUND = {True: "ノートには該当する記述が見つかりませんでした。", False: "I could not find this in your notes."}
RELATED = {True: "近い内容のセクション:", False: "Closest sections:"}

_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?\[[^\]]*\]\([^)]*\)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SENTENCE = re.compile(r"(?<=[。！？!?])\s*")


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


@dataclass(frozen=True)
class Unit:
    """One statement candidate: a line (or sentence) of a section, with its parent items for context."""

    text: str
    context: tuple[str, ...]
    hit_rank: int
    children: tuple[str, ...] = ()  # sub-items, shown when an item is only a label (「FIFOキュー」)
    heading_terms: frozenset[str] = frozenset()  # the section's heading path terms
    section: str = ""  # the section's own heading

    def with_children(self) -> tuple[str, tuple[str, ...]]:
        """The item followed by its sub-items (cut at CHILDREN_CHARS), and the sub-items shown whole."""
        if not self.children:
            return self.text, ()
        joiner = "、" if is_japanese(" ".join(self.children)) else "; "
        text = f"{self.text.rstrip(':：')}: {joiner.join(self.children)}"
        if len(text) > CHILDREN_CHARS:
            text = text[: CHILDREN_CHARS - 1] + "…"
        return text, tuple(c for c in self.children if c in text)

    def render(self, label: bool = False, context: bool = True) -> str:
        """The statement after its parent item (unless the answer shows that item already); ``label``
        puts the section's heading first, unless the statement names it (「Rolling(ローリング) › ...」
        says which deployment policy)."""
        parts = [*(self.context[-1:] if context else ()), self.with_children()[0]]
        if label and self.section and not any(self.section in p for p in parts):
            parts.insert(0, self.section)
        return " › ".join(parts)


def units(hit: Hit, rank: int) -> list[Unit]:
    """Statements of a section: list items and sentences, each with the items it is nested under."""
    out: list[Unit] = []
    heading_terms = frozenset(tokens(" ".join(hit.heading_path)))
    stack: list[tuple[int, str]] = []  # (indent, text) of enclosing items
    in_code = False
    for raw in hit.text.splitlines():
        if _FENCE.match(raw):
            in_code = not in_code
            continue
        if in_code or not raw.strip() or _LINK_ONLY.match(raw) or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        text = _MARKER.sub("", raw).strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        context = tuple(t for _, t in stack)
        sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()] if len(text) > LONG_LINE else [text]
        out.extend(Unit(sentence, context, rank, (), heading_terms, hit.heading_path[-1]) for sentence in sentences)
        stack.append((indent, text))
    children: dict[tuple[str, ...], list[str]] = {}
    for u in out:
        if u.context:
            children.setdefault(u.context, []).append(u.text)
    return [replace(u, children=tuple(children.get((*u.context, u.text), ()))) for u in out]


def _score(unit: Unit, concepts: tuple[Concept, ...]) -> float:
    own = set(tokens(unit.text))
    ctx = set(tokens(" ".join(unit.context)))
    lexical = 0.0
    for c in concepts:
        if c.terms & own:
            lexical += c.weight
        elif c.terms & ctx:
            lexical += CONTEXT_SHARE * c.weight
        elif c.terms & unit.heading_terms:
            lexical += HEADING_SHARE * c.weight
    return lexical / (sum(c.weight for c in concepts) or 1.0) + RANK_PRIOR / (1 + unit.hit_rank)


def is_answerable(query: Query, hits: list[Hit], db: IndexDB, concepts: tuple[Concept, ...]) -> bool:
    """Whether the top sections plausibly answer the question (calibrated on eval/*.jsonl)."""
    if not hits or query.unknown_names(db):
        return False
    asks_default = [c for c in concepts if c.terms & DEFAULT_WORDS]
    covered = hits[0].coverage >= MIN_COVERAGE or hits[0].dense >= MIN_DENSE
    if covered and not asks_default:
        return True  # the common case: no need to read the top sections' terms
    present = set().union(*(db.section_terms(h.source, h.start_line) for h in hits[:2]))
    # 「Kinesisのデータ保持期間のデフォルトは？」: a default is stated as one; sections that never say
    # デフォルト/default do not answer it, however much else of the question they hold
    if any(not c.terms & present for c in asks_default):
        return False
    # a question about two things ("RTO and RPO") may be covered only by the top two sections together
    return covered or coverage(concepts, present) >= MIN_COVERAGE


DEFAULT_WORDS = frozenset({"デフォルト", "default", "既定"})


MIN_COVERAGE = 0.3
MIN_DENSE = 0.4


def _citations(hits: list[Hit], used: dict[int, list[str]]) -> tuple[Citation, ...]:
    return tuple(Citation(i + 1, h.source, h.heading_path, h.start_line, h.end_line, h.score, h.text,
                          tuple(used.get(i + 1, ()))) for i, h in enumerate(hits))


def _repeats(chosen: list[Unit]) -> set[int]:
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
    ja = query.japanese or not query.text.isascii()
    concepts = query.concepts(db)
    if not is_answerable(query, hits, db, concepts):
        return Answer(query.text, NOT_FOUND[ja], False, (), _citations(hits[:3], {}), notices)
    candidates = [u for rank, h in enumerate(hits[:UNIT_SECTIONS]) for u in units(h, rank)]
    scored = sorted(((_score(u, concepts), i, u) for i, u in enumerate(candidates)), key=lambda x: (-x[0], x[1]))
    best = scored[0][0] if scored else 0.0
    chosen: list[tuple[int, Unit]] = []
    size = 0
    for score, i, u in scored:
        if len(chosen) == MAX_BULLETS or (chosen and score < KEEP_RATIO * best):
            break
        line = u.render()
        if size + len(line) > MAX_CHARS and chosen:
            continue
        chosen.append((i, u))
        size += len(line)
    repeats = _repeats([u for _, u in chosen])
    chosen = [c for k, c in enumerate(chosen) if k not in repeats]
    lines_of = {(u.hit_rank, u.text) for _, u in chosen}
    asked = {t for c in concepts for t in c.terms}
    used: dict[int, list[str]] = {}
    lines = []
    for _, u in chosen:
        n = u.hit_rank + 1
        parent_shown = (u.hit_rank, *u.context[-1:]) in lines_of
        label = n not in used and not set(tokens(u.section)) & asked  # "SQS ›" adds nothing to an SQS question
        lines.append(f"- {u.render(label=label, context=not parent_shown)} [{n}]")
        used.setdefault(n, []).extend((u.text, *u.with_children()[1]))
    return Answer(query.text, "\n".join(lines), True, _citations(hits, used), (), notices)
