"""Statements of a section: its list items and sentences, each with the items it is nested under.

Pure: section text in, statements out. The answerer picks among them; retrieval and the refusal check
read them to see whether a section states the kind of value a question asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from ingest.tokenize import normalize, tokens
from rag.query import is_japanese

CHILDREN_CHARS = 160
LONG_LINE = 160  # longer lines are split into sentences; shorter ones stay whole for context

_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# a line that is only a link, in Markdown or bare: it says nothing an answer can quote
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[[^\]]*\]\([^)]*\)|<?https?://\S+?>?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SENTENCE = re.compile(r"(?<=[。！？!?])\s*")


@dataclass(frozen=True)
class Statement:
    """One statement candidate: a line (or sentence) of a section, with its parent items for context."""

    text: str
    context: tuple[str, ...]
    hit_rank: int
    children: tuple[str, ...] = ()  # sub-items, shown when an item is only a label (「FIFOキュー」)
    heading_terms: frozenset[str] = frozenset()  # the section's heading path terms
    section: str = ""  # the section's own heading
    item: bool = False  # a list item (「- …」), not a paragraph line
    children_chars: int = CHILDREN_CHARS  # how much of its sub-items its line shows

    @property
    def own_terms(self) -> frozenset[str]:
        return text_terms(self.text)

    @property
    def context_terms(self) -> frozenset[str]:
        return frozenset().union(*map(text_terms, self.context))

    @cached_property
    def terms(self) -> frozenset[str]:
        """Index terms of the statement and its parent items."""
        return self.own_terms | self.context_terms

    @cached_property
    def scope(self) -> frozenset[str]:
        """... and of its section's heading path: everything the statement is said under."""
        return self.terms | self.heading_terms

    @cached_property
    def said(self) -> str:
        """Everything the statement says, normalised: its section's heading, parent items, text and
        sub-items (what a check for the words of a change, a cost, an order or an occurrence reads)."""
        return normalize(" ".join((self.section, *self.context, self.text, *self.children)))

    def with_children(self) -> tuple[str, tuple[str, ...]]:
        """The item followed by its sub-items (cut at ``children_chars``), and the sub-items shown whole."""
        if not self.children:
            return self.text, ()
        joiner = "、" if is_japanese(" ".join(self.children)) else "; "
        text = f"{self.text.rstrip(':：')}: {joiner.join(self.children)}"
        if len(text) > self.children_chars:
            text = text[: self.children_chars - 1] + "…"
        return text, tuple(c for c in self.children if c in text)

    def render(self, label: bool = False, context: bool = True) -> str:
        """The statement after its parent item (unless the answer shows that item already); ``label``
        puts the section's heading first, unless the statement names it (「Rolling(ローリング) › ...」
        says which deployment policy)."""
        parts = [*(self.context[-1:] if context else ()), self.with_children()[0]]
        if label and self.section and not any(self.section in p for p in parts):
            parts.insert(0, self.section)
        return " › ".join(parts)


@lru_cache(maxsize=8192)
def text_terms(text: str) -> frozenset[str]:
    """Answers read the same statements of the same sections question after question: tokenised once
    per process (an LRU of lines, not the index's texts)."""
    return frozenset(tokens(text))


def _lines(text: str) -> list[str]:
    """The section's lines, a sentence broken after its comma joined to the line carrying it on
    (「…高い可用性を実現するため、」 / 「データの更新・削除にはEventual Consistency…」: one statement)."""
    out: list[str] = []
    for raw in text.splitlines():
        carried = raw.strip() and not _MARKER.match(raw) and not _FENCE.match(raw) and not raw.lstrip().startswith("#")
        if carried and out and out[-1].rstrip().endswith(("、", ",")):
            out[-1] = out[-1].rstrip() + raw.strip()
        else:
            out.append(raw)
    return out


def statements(text: str, heading_path: tuple[str, ...], rank: int) -> list[Statement]:
    """Statements of a section: list items and sentences, each with the items it is nested under."""
    out: list[Statement] = []
    heading_terms = text_terms(" ".join(heading_path))
    stack: list[tuple[int, str]] = []  # (indent, text) of enclosing items
    in_code = False
    for raw in _lines(text):
        if _FENCE.match(raw):
            in_code = not in_code
            continue
        if in_code or not raw.strip() or _LINK_ONLY.match(raw) or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        item = _MARKER.sub("", raw).strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        context = tuple(t for _, t in stack)
        sentences = [s.strip() for s in _SENTENCE.split(item) if s.strip()] if len(item) > LONG_LINE else [item]
        item_line = bool(_MARKER.match(raw))
        out.extend(Statement(sentence, context, rank, (), heading_terms, heading_path[-1], item_line)
                   for sentence in sentences)
        stack.append((indent, item))
    children: dict[tuple[str, ...], list[str]] = {}
    for u in out:
        if u.context:
            children.setdefault(u.context, []).append(u.text)
    return [replace(u, children=tuple(children.get((*u.context, u.text), ()))) for u in out]
