"""Loanword compounds the notes never write: 「メッセージグループID」 names a thing of its own.

A compound of everyday loanwords (メッセージ, グループ) is a specific concept; when the notes write it
nowhere, in katakana or in English ("message group"), a question about it asks what they do not cover,
though each of its words is everywhere. Left alone: a compound with a word the glossary cannot put in
English (more likely a name spelt in katakana), one holding a word the notes use rarely (インプレース +
デプロイ: their In-Place, phrased otherwise), and an attribute of the first words (メモリサイズ).
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
# What a compound asks of its first words, not a thing of its own: the size, cost, type, limit of …
ATTRIBUTES = frozenset({"サイズ", "コスト", "タイプ", "スピード", "レート", "リミット", "カウント", "タイム", "レベル",
                        "フォーマット", "オプション", "パターン", "ケース", "メリット", "デメリット", "ルール"})
NEAR = 3  # terms apart: an index row holds a compound and then its parts (ライフサイクル ライフ サイクル ポリシー)
MAX_LOOKUPS = 60  # index lookups per question (each an FTS5 query; 100k chunks: about 0.1 ms warm)


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


def _one_script(spelling: tuple[str, ...]) -> bool:
    """The index writes ASCII terms before Japanese ones: a mixed spelling is never near in order."""
    return len({t.isascii() for t in spelling}) == 1


def unwritten(text: str, db: IndexDB) -> list[str]:
    """The loanword compounds of ``text`` that the notes write in no form."""
    out, budget = [], MAX_LOOKUPS
    for run in _RUN.findall(text):
        words = [t for t, _ in terms(run)]
        while words and words[-1] in ATTRIBUTES:  # 「メモリサイズ」 is the memory's size: 「メモリ: …3008MB」
            words.pop()
        if len(words) < 2 or not all(translations(w) for w in words):
            continue
        df, _ = db.doc_freq([run, *words])
        if df.get(run) or any(df.get(w, 0) <= RARE and df.get(w) for w in words):
            continue  # written whole (コンテナベースアプリケーション), or holding a rare word of the notes
        if budget <= 0:
            break  # a question of many compounds: the rest are given the benefit of the doubt
        spellings = list(dict.fromkeys(s for s in islice(_renderings(words), budget) if _one_script(s)))
        budget -= len(spellings)
        if not any(db.term_chunks(s) if len(s) == 1 else db.near_chunks(s, NEAR) for s in spellings):
            out.append(run)
    return out
