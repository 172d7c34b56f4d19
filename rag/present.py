"""How answers are shown to a person: citation labels, escaped Markdown, highlighted statements. Pure."""

from __future__ import annotations

import re

from ingest.chunk import PATH_SEP
from rag.answer import Citation

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&])")  # & too: "&lt;" in a note stays "&lt;"


def citation_label(c: Citation) -> str:
    """`[n] file › heading › path (lines a–b)`, as Markdown (Streamlit renders labels): the file name and
    headings come from the notes, so they are escaped like any note text."""
    where = md_escape(f"{c.source} {PATH_SEP} {PATH_SEP.join(c.heading_path)}")
    return f"[{c.n}] {where} (lines {c.start_line}–{c.end_line})"


def md_escape(text: str) -> str:
    """Note text shown as text: every Markdown/HTML special character escaped, so `<script>` stays text."""
    return _MD_SPECIAL.sub(r"\\\1", text)


_BULLET = re.compile(r"^(- )?(.*?)( \[\d+\])?$")


def answer_markdown(text: str) -> str:
    """The answer's lines as Markdown: bullets and [n] markers kept, note text escaped."""
    out = []
    for line in text.splitlines():
        bullet, body, marker = _BULLET.match(line).groups()
        out.append((bullet or "") + md_escape(body) + md_escape(marker or ""))
    return "\n".join(out)


def highlighted_markdown(section_text: str, used: tuple[str, ...]) -> str:
    """The section as escaped Markdown lines; lines holding a statement used in the answer are highlighted."""
    out = []
    for line in section_text.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        body = md_escape(line.strip())
        if any(u and u in line for u in used):
            body = f"**:orange-background[{body}]**"
        out.append("&nbsp;" * indent + body)
    return "  \n".join(out)
