"""Markdown text -> sections with heading paths and 1-based line ranges. Pure: no I/O.

Uses markdown-it-py's block tokens and their ``map`` (0-based, end-exclusive line ranges), so
``#`` inside fenced code is not a heading and setext headings count.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Block:
    """A unit that chunking never splits when it fits: a paragraph, a top-level list item, a code block."""

    start_line: int  # 1-based, inclusive
    end_line: int


@dataclass(frozen=True)
class Section:
    """The body of one heading: from its heading line to the line before the next heading of any level."""

    heading_path: tuple[str, ...]
    start_line: int  # the heading line (or 1 for text before the first heading)
    end_line: int
    body_start: int  # first line after the heading
    blocks: tuple[Block, ...]
    occurrence: int = 0  # how many earlier sections in the file have the same heading path


_TRAILING_COLON = re.compile(r"\s*[:：]\s*$")
_SPACES = re.compile(r"\s+")
_BODY_BLOCKS = frozenset({"paragraph_open", "fence", "code_block", "html_block", "blockquote_open", "table_open", "hr"})
_NEWLINE = re.compile(r"\r\n?|\n")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def split_lines(text: str) -> list[str]:
    """Lines as markdown-it numbers them: ``str.splitlines`` also breaks on U+2028, form feeds and other
    separators markdown-it keeps inside a line, which shifted every later line number and lost text."""
    lines = _NEWLINE.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def clean_title(raw: str) -> str:
    """Heading text as a person reads it: whitespace collapsed, a trailing ':' dropped."""
    title = _TRAILING_COLON.sub("", _SPACES.sub(" ", raw).strip())
    return title or raw.strip()


@lru_cache(maxsize=1)
def _scan(text: str) -> tuple[tuple[tuple[int, int, int, str], ...], tuple[Block, ...], int]:
    """Headings as (level, first line, last line, title) and body blocks, all 1-based. Kept for the last
    text: ingest reads a note's sections and its bare headings from one parse."""
    tokens = _parser().parse(text)
    headings: list[tuple[int, int, int, str]] = []
    blocks: list[Block] = []
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        start, end = tok.map[0] + 1, tok.map[1]
        if tok.type == "heading_open" and tok.level == 0:
            headings.append((int(tok.tag[1]), start, end, clean_title(tokens[i + 1].content)))
        elif (tok.level == 0 and tok.type in _BODY_BLOCKS) or (tok.type == "list_item_open" and tok.level == 1):
            blocks.append(Block(start, end))
    return tuple(headings), tuple(blocks), len(split_lines(text))


def _paths(headings: Sequence[tuple[int, int, int, str]]) -> list[tuple[str, ...]]:
    """The heading path of each heading; skipped levels (a file starting at ##) are fine."""
    stack: list[tuple[int, str]] = []
    paths = []
    for level, _, _, title in headings:
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        paths.append(tuple(t for _, t in stack))
    return paths


def heading_spans(text: str) -> list[tuple[tuple[str, ...], int, int]]:
    """Every heading's (path, heading line, line before the next heading): how sections are judged."""
    headings, _, n_lines = _scan(text)
    ends = [h[1] - 1 for h in headings[1:]] + [n_lines]
    return [(p, h[1], e) for p, h, e in zip(_paths(headings), headings, ends, strict=True)]


def bare_headings(text: str) -> list[tuple[tuple[str, ...], int]]:
    """Headings with nothing under them, no body and no sub-heading (「### Amazon DynamoDB」 then
    「### Amazon ElastiCache」), as (path, line): what the notes name and have not written yet."""
    headings, blocks, n_lines = _scan(text)
    starts = [b.start_line for b in blocks]
    out = []
    for k, ((level, h_start, h_end, _), path) in enumerate(zip(headings, _paths(headings), strict=True)):
        nxt = headings[k + 1] if k + 1 < len(headings) else None
        end = nxt[1] - 1 if nxt else n_lines
        if (nxt is None or nxt[0] <= level) and bisect_left(starts, h_end + 1) == bisect_right(starts, end):
            out.append((path, h_start))
    return out


def parse_sections(text: str, file_title: str) -> list[Section]:
    """Split a note into sections. Text before the first heading becomes a section titled ``file_title``."""
    headings, blocks, n_lines = _scan(text)
    sections: list[Section] = []
    seen: dict[tuple[str, ...], int] = {}
    starts = [b.start_line for b in blocks]  # in file order: bisect, not a scan of every block per section

    def add(path: tuple[str, ...], start: int, body_start: int, end: int) -> bool:
        mine = blocks[bisect_left(starts, body_start) : bisect_right(starts, end)]
        own = tuple(Block(b.start_line, min(b.end_line, end)) for b in mine)
        occurrence = seen.get(path, 0)
        seen[path] = occurrence + 1
        if own:
            sections.append(Section(path, start, end, body_start, own, occurrence))
        return bool(own)

    first_heading = headings[0][1] if headings else n_lines + 1
    if first_heading > 1:
        add((file_title,), 1, 1, first_heading - 1)
    # A heading with an empty body directly above its first sub-heading (「# インスタンスストア」 then
    # 「## AMI作成」) makes no section of its own; its line opens that child's section instead.
    open_from: int | None = None
    for k, ((level, h_start, h_end, _), path) in enumerate(zip(headings, _paths(headings), strict=True)):
        nxt = headings[k + 1] if k + 1 < len(headings) else None
        end = nxt[1] - 1 if nxt else n_lines
        start = h_start if open_from is None else open_from
        if add(path, start, h_end + 1, end):
            open_from = None
        elif nxt and nxt[0] > level:
            open_from = start
        else:
            open_from = None
    return sections
