"""Loanword compounds the notes never write: 「メッセージグループID」 names a thing of its own.

A compound of everyday loanwords (メッセージ, グループ) is a specific concept; when the notes write it
nowhere, in katakana or in English ("message group"), a question about it asks what they do not cover,
though each of its words is everywhere. A compound with a word the glossary cannot put in English
(スノーボール, オートスケーリング) is more likely a name written in katakana that the notes spell in
English, so it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.glossary import translations

_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")  # katakana; 「ファイル・ボリューム・テープ」 is a list
RARE = 2  # a word the notes write in this many chunks or fewer is a specific thing of theirs
MAX_RENDERINGS = 200  # spellings tried per compound (each an indexed phrase lookup)


def _renderings(words: list[str]) -> Iterator[tuple[str, ...]]:
    """The term sequences a note might write for ``words``: each word as written or in English, and
    neighbouring words as one English word they share (マルチ + パート: multipart)."""
    if not words:
        yield ()
        return
    for end in range(1, len(words) + 1):
        head = words[:end]
        english = set(translations(head[0])).intersection(*(translations(w) for w in head[1:]))
        options = ([(head[0],)] if end == 1 else []) + [tuple(tokens(e)) for e in sorted(english)]
        for option in options:
            for rest in _renderings(words[end:]):
                yield option + rest


def unwritten(text: str, db: IndexDB) -> list[str]:
    """The loanword compounds of ``text`` that the notes write in no form."""
    out = []
    for run in _RUN.findall(text):
        words = [t for t, _ in terms(run)]
        if len(words) < 2 or not all(translations(w) for w in words):
            continue
        # 「インプレースデプロイ」 holds the notes' own rare word (インプレース): it is their In-Place,
        # phrased otherwise; a compound of everyday words only (メッセージ, グループ) is a concept of its own
        df, _ = db.doc_freq(words)
        if any(0 < df.get(w, 0) <= RARE for w in words):
            continue
        if not any(db.phrase_chunks(r) for r in islice(_renderings(words), MAX_RENDERINGS) if r):
            out.append(run)
    return out
