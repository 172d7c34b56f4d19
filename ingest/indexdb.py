"""The local SQLite file beside the Chroma store: manifest (files, chunks) and the keyword index.

One file, so the manifest and the FTS5 keyword index change in one transaction. FTS5's inverted index
answers a question without a Python loop over chunks; ``bm25()`` ranks, with heading terms weighted up.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from ingest.chunk import Chunk
from ingest.manifest import Indexed
from ingest.tokenize import VERSION as TOKENIZER_VERSION
from ingest.tokenize import tokens

HEADING_WEIGHT = 3.0  # a term in the heading path counts this much more than one in the body
POSTINGS_BUDGET = 10_000  # how many chunk hits a keyword query scores (see ``keyword_search``)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT NOT NULL, slot TEXT NOT NULL,
    hash TEXT NOT NULL, heading TEXT NOT NULL, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
    section_start INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks (source, section_start);
CREATE INDEX IF NOT EXISTS chunks_hash ON chunks (hash);
CREATE TABLE IF NOT EXISTS bare_headings (source TEXT NOT NULL, line INTEGER NOT NULL, heading TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bare_headings_source ON bare_headings (source);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    heading, body, tokenize = "unicode61 remove_diacritics 0 tokenchars '-_./@:+'");
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab (fts, 'row');
"""


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class IndexStats:
    files: int
    chunks: int
    embedder: str
    last_ingest: float | None  # epoch seconds


def _row_to_chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(row["id"], row["source"], tuple(json.loads(row["heading"])), row["start_line"],
                 row["end_line"], row["text"], row["hash"], row["section_start"], row["slot"])


def _quoted(text: str) -> str:
    """``text`` as one FTS5 string (a term, or a phrase of space-separated terms)."""
    return '"' + text.replace('"', '""') + '"'


def _fts_query(terms: Iterable[str]) -> str:
    return " OR ".join(map(_quoted, dict.fromkeys(terms)))


class IndexDB:
    """Thread-safe wrapper over one SQLite connection (the page shares it across sessions)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._memo_generation: str | None = None
        self._memo_values: dict = {}
        # Switching a new file to WAL ignores the busy timeout ("database is locked" when two processes
        # open a fresh index at once), so first use is serialised by a lock file.
        with FileLock(f"{path}.open.lock", timeout=30), self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
            # a new index is tokenised by this version; one without the key predates versions ("1")
            if not self._conn.execute("SELECT 1 FROM chunks LIMIT 1").fetchone():
                self._conn.execute("INSERT OR IGNORE INTO meta VALUES ('keywords', ?)", (TOKENIZER_VERSION,))

    def close(self) -> None:
        self._conn.close()

    # ---- reading -------------------------------------------------------------------------------
    def _all(self, sql: str, args: Iterable = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, tuple(args)).fetchall()

    def meta(self, key: str, default: str = "") -> str:
        rows = self._all("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def stats(self) -> IndexStats:
        files = self._all("SELECT count(*) FROM files")[0][0]
        chunks = self._all("SELECT count(*) FROM chunks")[0][0]
        last = self.meta("last_ingest")
        return IndexStats(files, chunks, self.meta("embedder"), float(last) if last else None)

    def files(self) -> dict[str, FileState]:
        return {r["source"]: FileState(r["size"], r["mtime_ns"], r["sha256"])
                for r in self._all("SELECT * FROM files")}

    def indexed(self, sources: Iterable[str] | None = None) -> list[Indexed]:
        sql = "SELECT id, source, slot, hash, start_line, end_line FROM chunks"
        if sources is None:
            rows = self._all(sql)
        else:
            srcs = list(sources)
            rows = [r for i in range(0, len(srcs), 500)
                    for r in self._all(sql + f" WHERE source IN ({','.join('?' * len(srcs[i:i + 500]))})",
                                       srcs[i : i + 500])]
        return [Indexed(r["id"], r["source"], r["slot"], r["hash"], r["start_line"], r["end_line"]) for r in rows]

    def ids_by_hash(self, hashes: Iterable[str]) -> dict[str, str]:
        """An indexed chunk id for each content hash we already have a vector for."""
        out: dict[str, str] = {}
        hs = list(dict.fromkeys(hashes))
        for i in range(0, len(hs), 500):
            part = hs[i : i + 500]
            for r in self._all(f"SELECT hash, id FROM chunks WHERE hash IN ({','.join('?' * len(part))})", part):
                out.setdefault(r["hash"], r["id"])
        return out

    def chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self._all(f"SELECT * FROM chunks WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r["id"]: _row_to_chunk(r) for r in rows}

    def section(self, source: str, section_start: int) -> list[Chunk]:
        """All chunks of one section, in file order."""
        rows = self._all("SELECT * FROM chunks WHERE source = ? AND section_start = ? ORDER BY start_line",
                         (source, section_start))
        return [_row_to_chunk(r) for r in rows]

    def keyword_search(self, query_terms: list[str], k: int) -> list[tuple[str, float]]:
        """Top ``k`` chunk ids by BM25 (higher is better) for any of ``query_terms``.

        FTS5 scores every chunk that holds any term (about 1 µs each), so the cost follows the terms'
        posting lists. The rarest term is always searched, more while their chunks add up to
        ``POSTINGS_BUDGET``: on a large index the commonest words (low idf, little say in the ranking) are
        left out; on a small one none is.
        """
        df = self.term_chunks(query_terms)
        kept, total = [], 0
        for term in sorted((t for t in dict.fromkeys(query_terms) if df.get(t)), key=df.__getitem__):
            if kept and total + df[term] > POSTINGS_BUDGET:
                break
            kept.append(term)
            total += df[term]
        if not kept:
            return []
        query_terms = kept
        rows = self._all(
            "SELECT c.id, -bm25(fts, ?, 1.0) AS score FROM fts JOIN chunks c ON c.rowid = fts.rowid "
            "WHERE fts MATCH ? ORDER BY bm25(fts, ?, 1.0) LIMIT ?",
            (HEADING_WEIGHT, _fts_query(query_terms), HEADING_WEIGHT, k),
        )
        return [(r["id"], r["score"]) for r in rows]

    def section_terms(self, source: str, section_start: int) -> frozenset[str]:
        """Index terms of a whole section (heading path and body), read back from the keyword index; kept
        until the index changes (retrieval and the answer read the same sections)."""
        memo = self._memo()
        if (key := ("section", source, section_start)) not in memo:
            rows = self._all("SELECT f.heading, f.body FROM chunks c JOIN fts f ON f.rowid = c.rowid "
                             "WHERE c.source = ? AND c.section_start = ?", (source, section_start))
            memo[key] = frozenset(t for r in rows for col in (r[0], r[1]) for t in col.split())
        return memo[key]

    def keywords_version(self) -> str:
        """The tokenizer version the keywords were indexed with ("1": before versions were recorded)."""
        return self.meta("keywords", "1")

    def keywords_stale(self) -> bool:
        return self.keywords_version() != TOKENIZER_VERSION

    def _memo(self) -> dict:
        """Facts about the index that only an ingest, a pull or a re-keying changes, kept until then."""
        rows = self._all("SELECT group_concat(value, ' ') FROM meta "
                         "WHERE key IN ('generation', 'keywords', 'last_ingest')")
        state = rows[0][0]
        if self._memo_generation != state:
            self._memo_generation, self._memo_values = state, {}
        return self._memo_values

    def term_chunks(self, terms: Iterable[str]) -> dict[str, int]:
        """How many chunks hold each term (terms the index lacks are left out)."""
        memo = self._memo()
        ts = list(dict.fromkeys(terms))
        if missing := [t for t in ts if ("df", t) not in memo]:
            rows = self._all(f"SELECT term, doc FROM fts_vocab WHERE term IN ({','.join('?' * len(missing))})",
                             missing)
            found = {r["term"]: r["doc"] for r in rows}
            memo.update((("df", t), found.get(t, 0)) for t in missing)
        return {t: memo["df", t] for t in ts if memo["df", t]}

    def _matching(self, key: tuple, query: str) -> int:
        """How many chunks an FTS5 query matches, kept until the index changes."""
        memo = self._memo()
        if key not in memo:
            memo[key] = self._all("SELECT count(*) FROM fts WHERE fts MATCH ?", (query,))[0][0]
        return memo[key]

    def near_chunks(self, words: tuple[str, ...], distance: int) -> int:
        """How many chunks hold these terms within ``distance`` terms of each other (FTS5 NEAR): a
        compound written in the notes, however its parts were tokenised (「ライフサイクルポリシー」 is
        indexed 「ライフサイクル ライフ サイクル ポリシー」)."""
        return self._matching(("near", words, distance), f"NEAR({' '.join(map(_quoted, words))}, {distance})")

    def headed_chunks(self, term: str) -> int:
        """How many chunks hold ``term`` in their heading path: sections about it."""
        return self._matching(("heading", term), f"heading : {_quoted(term)}")

    def passages(self, term: str, limit: int) -> list[frozenset[str]]:
        """The index terms (heading path and body) of up to ``limit`` chunks holding ``term``."""
        memo = self._memo()
        if (key := ("passages", term, limit)) not in memo:
            rows = self._all("SELECT heading, body FROM fts WHERE fts MATCH ? LIMIT ?", (_quoted(term), limit))
            memo[key] = [frozenset(f"{r[0]} {r[1]}".split()) for r in rows]
        return memo[key]

    def texts(self, term: str, limit: int) -> list[str]:
        """The heading path and text of up to ``limit`` chunks holding ``term``, as written."""
        rows = self._all("SELECT c.heading, c.text FROM fts JOIN chunks c ON c.rowid = fts.rowid WHERE fts MATCH ? "
                         "LIMIT ?", (_quoted(term), limit))
        return [" ".join((*json.loads(r[0]), r[1])) for r in rows]

    def bare_headings(self) -> list[tuple[str, int, tuple[str, ...], frozenset[str]]]:
        """Headings with nothing under them, as (source, line, heading path, terms of its own title),
        recorded by ingest from the note files (a cache pulled from a Chroma server has none)."""
        memo = self._memo()
        if "bare" not in memo:
            rows = self._all("SELECT source, line, heading FROM bare_headings ORDER BY source, line")
            paths = [(r[0], r[1], tuple(json.loads(r[2]))) for r in rows]
            memo["bare"] = [(source, line, path, frozenset(tokens(path[-1]))) for source, line, path in paths]
        return memo["bare"]

    def cooccurring_chunks(self, words: tuple[str, ...]) -> int:
        """How many chunks hold all these terms, in the heading path or the body."""
        return self._matching(("and", words), " AND ".join(map(_quoted, words)))

    def phrase_chunks(self, phrase: tuple[str, ...]) -> int:
        """How many chunks hold these terms next to each other (an FTS5 phrase: "network load balancer")."""
        return self._matching(("phrase", phrase), _quoted(" ".join(phrase)))

    def chunk_count(self) -> int:
        """Chunks in the index (counting is a scan: 2 ms at 100k)."""
        memo = self._memo()
        if "count" not in memo:
            memo["count"] = self._all("SELECT count(*) FROM chunks")[0][0]
        return memo["count"]

    def doc_freq(self, terms: Iterable[str]) -> tuple[dict[str, int], int]:
        """(chunks containing each term, chunks in all): for idf weights of question terms."""
        return self.term_chunks(terms), self.chunk_count()

    # ---- writing -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield Writer(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")


class Writer:
    """Changes made inside one ``IndexDB.transaction``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def reset(self) -> None:
        for table in ("files", "chunks", "fts", "bare_headings"):
            self._conn.execute(f"DELETE FROM {table}")
        self.set_meta("keywords", TOKENIZER_VERSION)  # what is written from now on

    def put_file(self, source: str, state: FileState) -> None:
        self._conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                           (source, state.size, state.mtime_ns, state.sha256))

    def put_bare_headings(self, source: str, headings: Iterable[tuple[tuple[str, ...], int]]) -> None:
        """Replace the bare headings recorded for ``source`` (none: the file is gone)."""
        self._conn.execute("DELETE FROM bare_headings WHERE source = ?", (source,))
        self._conn.executemany("INSERT INTO bare_headings VALUES (?, ?, ?)",
                               [(source, line, json.dumps(path, ensure_ascii=False)) for path, line in headings])

    def forget_files(self, sources: Iterable[str]) -> None:
        self._conn.executemany("DELETE FROM files WHERE source = ?", [(s,) for s in sources])

    def delete_chunks(self, ids: Iterable[str]) -> None:
        for cid in ids:
            row = self._conn.execute("SELECT rowid FROM chunks WHERE id = ?", (cid,)).fetchone()
            if row:
                self._conn.execute("DELETE FROM fts WHERE rowid = ?", (row[0],))
                self._conn.execute("DELETE FROM chunks WHERE rowid = ?", (row[0],))

    def put_chunks(self, chunks: Iterable[Chunk]) -> None:
        """Insert new chunks with their keyword rows; a known id only has its lines moved."""
        for c in chunks:
            moved = self._conn.execute(
                "UPDATE chunks SET start_line = ?, end_line = ?, section_start = ? WHERE id = ?",
                (c.start_line, c.end_line, c.section_start, c.id))
            if moved.rowcount:
                continue
            cur = self._conn.execute(
                "INSERT INTO chunks (id, source, slot, hash, heading, start_line, end_line, section_start, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c.id, c.source, c.slot, c.hash, json.dumps(c.heading_path, ensure_ascii=False), c.start_line,
                 c.end_line, c.section_start, c.text),
            )
            self._put_keywords(cur.lastrowid, c.heading_path, c.text)

    def _put_keywords(self, rowid: int, heading_path: Iterable[str], text: str) -> None:
        self._conn.execute("INSERT INTO fts (rowid, heading, body) VALUES (?, ?, ?)",
                           (rowid, " ".join(tokens(" ".join(heading_path))), " ".join(tokens(text))))

    def retokenize(self) -> int:
        """Re-index every chunk's keywords with this tokenizer version; returns how many chunks."""
        self._conn.execute("DELETE FROM fts")
        n = 0
        for rowid, heading, text in self._conn.execute("SELECT rowid, heading, text FROM chunks"):  # streamed
            self._put_keywords(rowid, json.loads(heading), text)
            n += 1
        self.set_meta("keywords", TOKENIZER_VERSION)
        return n

    def touch(self) -> None:
        self.set_meta("last_ingest", str(time.time()))
