"""Markdown text -> sections with heading paths and 1-based line ranges. Pure: no I/O.

Uses markdown-it-py's block tokens and their ``map`` (0-based, end-exclusive line ranges), so
``#`` inside fenced code is not a heading and setext headings count.
"""

from __future__ import annotations

import re
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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def clean_title(raw: str) -> str:
    """Heading text as a person reads it: whitespace collapsed, a trailing ':' dropped."""
    title = _TRAILING_COLON.sub("", _SPACES.sub(" ", raw).strip())
    return title or raw.strip()


def parse_sections(text: str, file_title: str) -> list[Section]:
    """Split a note into sections. Text before the first heading becomes a section titled ``file_title``."""
    lines = text.splitlines()
    n_lines = len(lines)
    tokens = _parser().parse(text)

    headings: list[tuple[int, int, int, str]] = []  # (level, first line, last line, title), 1-based
    blocks: list[Block] = []
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        start, end = tok.map[0] + 1, tok.map[1]
        if tok.type == "heading_open" and tok.level == 0:
            headings.append((int(tok.tag[1]), start, end, clean_title(tokens[i + 1].content)))
        elif tok.level == 0 and tok.type in {"paragraph_open", "fence", "code_block", "html_block",
                                               "blockquote_open", "table_open", "hr"}:
            blocks.append(Block(start, end))
        elif tok.type == "list_item_open" and tok.level == 1:
            blocks.append(Block(start, end))

    sections: list[Section] = []
    seen: dict[tuple[str, ...], int] = {}
    stack: list[tuple[int, str]] = []

    def add(path: tuple[str, ...], start: int, body_start: int, end: int) -> None:
        own = tuple(b for b in blocks if body_start <= b.start_line <= end)
        own = tuple(Block(b.start_line, min(b.end_line, end)) for b in own)
        occurrence = seen.get(path, 0)
        seen[path] = occurrence + 1
        if own:
            sections.append(Section(path, start, end, body_start, own, occurrence))

    first_heading = headings[0][1] if headings else n_lines + 1
    if first_heading > 1:
        add((file_title,), 1, 1, first_heading - 1)
    for k, (level, h_start, h_end, title) in enumerate(headings):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        end = headings[k + 1][1] - 1 if k + 1 < len(headings) else n_lines
        add(tuple(t for _, t in stack), h_start, h_end + 1, end)
    return sections
