"""Sections -> chunks with stable ids and content hashes. Pure: no I/O.

A chunk never spans two sections. A long section is split on block boundaries (list items,
paragraphs, code blocks kept whole when they fit); a block longer than the limit is split on lines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.parse import Block, Section, parse_sections, split_lines

PATH_SEP = " › "


@dataclass(frozen=True)
class Chunk:
    id: str
    source: str  # path relative to the notes dir, with '/' separators
    heading_path: tuple[str, ...]
    start_line: int  # 1-based, inclusive, in the file
    end_line: int
    text: str
    hash: str  # hash of ``embed_text``: equal hashes embed to equal vectors
    section_start: int  # the section's heading line: groups chunks of one section
    slot: str  # source + heading path + position, without content: where an edit lands

    @property
    def embed_text(self) -> str:
        """Heading path + text, so "特徴" under "Amazon S3" is findable as S3."""
        return embed_text(self.heading_path, self.text)


def embed_text(heading_path: tuple[str, ...], text: str) -> str:
    return f"{PATH_SEP.join(heading_path)}\n{text}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _split_block(block: Block, lines: list[str], limit: int) -> Iterator[Block]:
    """A block that is too long is cut on line boundaries (a single huge line stays whole)."""
    start, size = block.start_line, 0
    for ln in range(block.start_line, block.end_line + 1):
        size += len(lines[ln - 1]) + 1
        if size > limit and ln > start:
            yield Block(start, ln - 1)
            start, size = ln, len(lines[ln - 1]) + 1
    yield Block(start, block.end_line)


def _pack(section: Section, lines: list[str], limit: int) -> Iterator[tuple[int, int]]:
    """Group consecutive blocks into line ranges of at most ``limit`` characters when possible.

    A range is measured as its chunk text will be, blank lines between its blocks included.
    """
    def size(start: int, end: int) -> int:
        return sum(len(lines[i - 1]) + 1 for i in range(start, end + 1))

    pieces = [p for b in section.blocks
              for p in (_split_block(b, lines, limit) if size(b.start_line, b.end_line) > limit else [b])]
    cur_start, cur_end, cur_size = None, 0, 0
    for p in pieces:
        if cur_start is not None:
            grown = cur_size + size(cur_end + 1, p.end_line)
            if grown <= limit:
                cur_end, cur_size = p.end_line, grown
                continue
            yield cur_start, cur_end
        cur_start, cur_end, cur_size = p.start_line, p.end_line, size(p.start_line, p.end_line)
    if cur_start is not None:
        yield cur_start, cur_end


def chunk_section(section: Section, lines: list[str], source: str, limit: int) -> list[Chunk]:
    chunks = []
    for ordinal, (start, end) in enumerate(_pack(section, lines, limit)):
        text = "\n".join(lines[start - 1 : end]).strip("\n")
        if not text.strip():
            continue
        content_hash = _digest(embed_text(section.heading_path, text))
        slot = _digest(source, *section.heading_path, str(section.occurrence), str(ordinal))
        first = section.start_line if ordinal == 0 else start
        chunks.append(Chunk(_digest(slot, content_hash), source, section.heading_path, first, end, text,
                            content_hash, section.start_line, slot))
    return chunks


def chunk_text(text: str, source: str, limit: int = 800) -> list[Chunk]:
    """All chunks of one note. ``source`` is its path relative to the notes dir."""
    lines = split_lines(text)
    title = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return [c for s in parse_sections(text, title) for c in chunk_section(s, lines, source, limit)]
