"""Incremental ingest on real Chroma: exact id sets after edits, renames, deletes, rebuilds, crashes and races.

After every run the ids in Chroma, the ids in the manifest and the ids ``chunk_text`` gives for the files on
disk now must be the same set, with the line numbers of the files now in both Chroma and the manifest.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from chromadb.api.models.Collection import Collection
from filelock import FileLock

from ingest.chunk import Chunk, chunk_text
from ingest.errors import IngestBusy, NotesDirError
from ingest.files import Unreadable, read_note, scan
from ingest.index import LOCK_FILE, Index
from ingest.indexdb import Writer
from ingest.pipeline import changed_files, ingest
from ingest.settings import Settings
from ingest.store import VectorStore
from ingest.tokenize import VERSION as KEYWORDS_VERSION

REPO = Path(__file__).resolve().parents[1]
NOTES = REPO / "notes"
MB = 1_000_000
N003, N004 = "003_16b2854ed933e055.txt", "004_23115d0d84a0ed3a.txt"


# ---- helpers -------------------------------------------------------------------------------------------
def chunks_on_disk(index: Index) -> dict[str, Chunk]:
    """What the files on disk chunk into now (unreadable files have none)."""
    s = index.settings
    out: dict[str, Chunk] = {}
    for note in scan(s.notes_dir):
        try:
            text, _ = read_note(note, int(s.max_file_mb * MB))
        except Unreadable:
            continue
        out.update((c.id, c) for c in chunk_text(text, note.source, s.chunk_size))
    return out


def fts_rows(index: Index) -> int:
    with sqlite3.connect(index.db.path) as con:
        return con.execute("SELECT count(*) FROM fts").fetchone()[0]


def assert_consistent(index: Index) -> dict[str, Chunk]:
    """Chroma ids == manifest ids == chunk ids of the files now, no duplicates, lines up to date everywhere."""
    want = chunks_on_disk(index)
    rows = index.db.indexed()
    assert len(rows) == len({r.id for r in rows}), "duplicate manifest rows"
    assert index.store.ids() == {r.id for r in rows} == set(want)
    assert index.store.count() == len(want) == index.db.stats().chunks == fts_rows(index)
    for r in rows:
        c = want[r.id]
        assert (r.source, r.slot, r.hash, r.start_line, r.end_line) == (c.source, c.slot, c.hash, c.start_line,
                                                                         c.end_line)
    got = index.store.collection.get(include=["metadatas", "documents"])
    for cid, meta, doc in zip(got["ids"], got["metadatas"], got["documents"], strict=True):
        c = want[cid]
        assert (meta["source"], meta["start_line"], meta["end_line"], meta["section_start"], meta["hash"], doc) == (
            c.source, c.start_line, c.end_line, c.section_start, c.hash, c.text)
    assert index.db.meta("dirty") == "0"
    return want


def counts(summary, *fields: str) -> dict[str, int]:
    return {f: getattr(summary, f) for f in fields}


def n_chunks(path: Path, source: str | None = None) -> int:
    return len(chunk_text(path.read_text(encoding="utf-8"), source or path.name))


@pytest.fixture
def small_notes(tmp_path) -> Path:
    """Two real notes (45 chunks): enough structure, quick to embed."""
    d = tmp_path / "notes"
    d.mkdir()
    for name in (N003, N004):
        shutil.copy(NOTES / name, d / name)
    return d


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---- first ingest, no-op, rebuild ----------------------------------------------------------------------
def test_first_ingest_of_the_real_notes(notes_copy, open_index):
    index = open_index(notes_copy)
    s = ingest(index)
    want = assert_consistent(index)
    assert len(want) == sum(n_chunks(p) for p in NOTES.iterdir())
    fields = ("files", "chunks", "embedded", "added", "updated", "removed", "skipped", "relocated", "reused")
    assert counts(s, *fields) == {
        "files": 5, "chunks": len(want), "embedded": len(want), "added": len(want), "updated": 0, "removed": 0,
        "skipped": 0, "relocated": 0, "reused": 0}
    assert not s.warnings and not s.notices
    sqs = [c for c in want.values() if c.heading_path[-1] == "Amazon Simple Queue Service (Amazon SQS)"]
    meta = index.store.collection.get(ids=[sqs[0].id], include=["metadatas"])["metadatas"][0]
    assert json.loads(meta["heading_path"]) == ["Developer associate", "アプリケーション統合",
                                                "Amazon Simple Queue Service (Amazon SQS)"]
    assert (meta["source"], meta["start_line"], meta["end_line"]) == (N003, 48, 76)
    assert index.db.meta("embedder") == "use-m3" and index.store.collection.metadata["embedder"] == "use-m3"


def test_rebuild_embeds_everything_again(small_notes, open_index):
    index = open_index(small_notes)
    ingest(index)
    s = ingest(index, rebuild=True)
    want = assert_consistent(index)
    assert counts(s, "embedded", "added", "updated", "removed", "reused") == {
        "embedded": len(want), "added": len(want), "updated": 0, "removed": 0, "reused": 0}


# ---- incremental changes -------------------------------------------------------------------------------
def _edit_one_line(d: Path) -> None:
    replace_once(d / N003, "デフォルトで30秒", "デフォルトで45秒")


def _blank_line_at_top(d: Path) -> None:
    (d / N003).write_text("\n" + (d / N003).read_text(encoding="utf-8"), encoding="utf-8")


def _line_inserted_in_sns(d: Path) -> None:
    lines = (d / N003).read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(45, "- 追加: SNSのメモ\n")  # becomes line 46, inside "Amazon SNS" (37..47)
    (d / N003).write_text("".join(lines), encoding="utf-8")


def _rename(d: Path) -> None:
    (d / "moved").mkdir()
    (d / N004).rename(d / "moved" / "renamed.md")


def _copy(d: Path) -> None:
    shutil.copy(d / N004, d / "copy.markdown")


def _touch(d: Path) -> None:
    t = time.time() + 5
    os.utime(d / N003, (t, t))


def _write(name: str, text: str) -> Callable[[Path], None]:
    return lambda d: (d / name).write_text(text, encoding="utf-8")


N_003 = n_chunks(NOTES / N003)
N_004 = n_chunks(NOTES / N004)
ALL = ("embedded", "added", "updated", "removed", "relocated", "reused")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(lambda d: None, dict.fromkeys(ALL, 0), id="no-change"),
        pytest.param(_touch, dict.fromkeys(ALL, 0), id="mtime-only"),
        pytest.param(_edit_one_line, {**dict.fromkeys(ALL, 0), "embedded": 1, "updated": 1}, id="one-line-edit"),
        pytest.param(_blank_line_at_top, {**dict.fromkeys(ALL, 0), "relocated": N_003}, id="line-at-top"),
        # SNS's chunk is re-embedded; the chunks below it only move
        pytest.param(_line_inserted_in_sns, {**dict.fromkeys(ALL, 0), "embedded": 1, "updated": 1,
                                             "relocated": N_003 - 5}, id="line-inserted-mid-file"),
        pytest.param(lambda d: (d / N004).unlink(), {**dict.fromkeys(ALL, 0), "removed": N_004}, id="delete-file"),
        pytest.param(_write(N004, ""), {**dict.fromkeys(ALL, 0), "removed": N_004}, id="file-emptied"),
        pytest.param(_rename, {**dict.fromkeys(ALL, 0), "added": N_004, "removed": N_004, "reused": N_004},
                     id="rename-file"),
        pytest.param(_copy, {**dict.fromkeys(ALL, 0), "added": N_004, "reused": N_004}, id="copy-file"),
        pytest.param(_write("sub/new.md", "# 新しいノート\n- SQSのメモ\n"),
                     {**dict.fromkeys(ALL, 0), "embedded": 1, "added": 1}, id="new-file"),
        pytest.param(_write("empty.md", ""), dict.fromkeys(ALL, 0), id="new-empty-file"),
    ],
)
def test_incremental_change(small_notes, open_index, change, expected):
    (small_notes / "sub").mkdir()
    index = open_index(small_notes)
    ingest(index)
    before = assert_consistent(index)
    change(small_notes)
    s = ingest(index)
    after = assert_consistent(index)
    assert counts(s, *ALL) == expected
    assert s.chunks == len(after) and s.files == len(scan(small_notes)) and s.skipped == 0
    assert s.changed == any(expected.values())
    # what was added to Chroma is exactly the new ids, what was dropped exactly the stale ones
    assert len(after.keys() - before.keys()) == expected["added"] + expected["updated"]
    assert len(before.keys() - after.keys()) == expected["removed"] + expected["updated"]


def test_moved_lines_reach_chroma_and_manifest(small_notes, open_index):
    index = open_index(small_notes)
    ingest(index)
    before = {r.id: (r.start_line, r.end_line) for r in index.db.indexed([N003])}
    _blank_line_at_top(small_notes)
    s = ingest(index)
    assert s.embedded == 0 and s.relocated == len(before)
    after = {r.id: (r.start_line, r.end_line) for r in index.db.indexed([N003])}
    assert after == {cid: (a + 1, b + 1) for cid, (a, b) in before.items()}
    metas = index.store.collection.get(ids=list(before), include=["metadatas"])
    for cid, meta in zip(metas["ids"], metas["metadatas"], strict=True):
        assert (meta["start_line"], meta["end_line"]) == after[cid]


def test_rename_reuses_vectors(small_notes, open_index):
    index = open_index(small_notes)
    ingest(index)
    before = chunk_text((small_notes / N004).read_text(encoding="utf-8"), N004)
    old = index.store.vectors([c.id for c in before])
    _rename(small_notes)
    s = ingest(index)
    assert s.embedded == 0
    after = chunk_text((small_notes / "moved" / "renamed.md").read_text(encoding="utf-8"), "moved/renamed.md")
    got = index.store.vectors([c.id for c in after])
    # Same content hash -> the stored vector was copied (Chroma may round the last float bit on the way).
    for b, a in zip(before, after, strict=True):
        assert a.hash == b.hash and a.id != b.id
        np.testing.assert_allclose(got[a.id], old[b.id], rtol=0, atol=1e-6)
    assert_consistent(index)


# ---- bad and empty inputs ------------------------------------------------------------------------------
def test_bad_files_are_skipped_with_a_warning(small_notes, open_index, caplog):
    (small_notes / "latin1.md").write_bytes("# título\ncafé\n".encode("latin-1"))
    (small_notes / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    index = open_index(small_notes)
    with caplog.at_level(logging.WARNING, logger="ingest.pipeline"):
        s = ingest(index)
    want = assert_consistent(index)
    assert {c.source for c in want.values()} == {N003, N004}
    assert (s.files, s.skipped, s.embedded) == (2, 2, N_003 + N_004)
    assert sorted(s.warnings) == ["Skipped image.txt: looks binary", "Skipped latin1.md: not UTF-8 (byte 3)"]
    assert "Skipped latin1.md" in caplog.text and "Skipped image.txt" in caplog.text


def test_file_turned_unreadable_keeps_its_chunks(small_notes, open_index):
    index = open_index(small_notes)
    ingest(index)
    ids = index.store.ids()
    (small_notes / N004).write_bytes(b"\x00\x01binary now")
    s = ingest(index)
    assert (s.skipped, s.embedded, s.removed) == (1, 0, 0)
    assert index.store.ids() == ids == {r.id for r in index.db.indexed()}


def test_too_large_file_is_skipped(small_notes, open_index):
    (small_notes / "big.md").write_text("# big\n" + "x" * 200_000, encoding="utf-8")
    index = open_index(small_notes, max_file_mb=0.1)
    s = ingest(index)
    assert s.skipped == 1 and s.warnings == ("Skipped big.md: larger than 0.1 MB",)
    assert {c.source for c in assert_consistent(index).values()} == {N003, N004}


def test_only_an_empty_file(tmp_path, open_index):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "empty.md").write_bytes(b"")
    index = open_index(notes)
    s = ingest(index)
    assert (s.files, s.chunks, s.embedded) == (1, 0, 0)
    assert assert_consistent(index) == {}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda d: None, "Notes folder not found", id="missing"),
        pytest.param(lambda d: d.mkdir(), "No notes", id="empty"),
        pytest.param(lambda d: (d.mkdir(), (d / "a.pdf").write_bytes(b"%PDF")), "No notes", id="no-note-files"),
        pytest.param(lambda d: d.write_text("# a file\n"), "Notes folder not found", id="a-file"),
    ],
)
def test_notes_dir_errors(tmp_path, open_index, make, message):
    notes = tmp_path / "notes"
    make(notes)
    index = open_index(notes)
    with pytest.raises(NotesDirError, match=message) as exc:
        ingest(index)
    assert str(notes) in str(exc.value)


def test_huge_one_line_note(small_notes, open_index):
    """One 1.2 MB line of Japanese with no ASCII (over Sudachi's 49,149-byte input limit) becomes one chunk."""
    line = "可視性タイムアウトはメッセージを他から見えなくする時間です。" * 14_000
    (small_notes / "huge.md").write_text(f"# 巨大なノート\n\n{line}\n", encoding="utf-8")
    index = open_index(small_notes)
    t0 = time.perf_counter()
    s = ingest(index)
    assert time.perf_counter() - t0 < 30
    assert s.embedded == N_003 + N_004 + 1
    assert "huge.md" in {c.source for c in assert_consistent(index).values()}
    hits = [cid for cid, _ in index.db.keyword_search(["可視"], 100)]
    assert "huge.md" in {c.source for c in index.db.chunks(hits).values()}


def test_ten_megabyte_note(tmp_path, open_index):
    """The real notes, repeated to 10 MB in one file (about 23,000 chunks)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(NOTES.iterdir()))
    big = notes / "big.md"
    big.write_text((text + "\n") * (10 * MB // len(text.encode()) + 1), encoding="utf-8")
    assert big.stat().st_size >= 10 * MB
    index = open_index(notes)
    t0 = time.perf_counter()
    s = ingest(index)
    print(f"10 MB note: {s.chunks} chunks in {time.perf_counter() - t0:.1f} s")
    assert s.chunks > 20_000 and s.embedded + s.reused == s.chunks
    assert_consistent(index)


# ---- embedder change -----------------------------------------------------------------------------------
def test_changing_the_embedder_rebuilds_without_mixing(small_notes, make_settings, embedder, st_embedder):
    settings = make_settings(small_notes)
    with_use = Index.open(settings, embedder)
    ingest(with_use)
    with_use.close()

    index = Index.open(settings, st_embedder)
    s = ingest(index)
    want = assert_consistent(index)
    assert s.embedded == len(want) and not s.reused
    assert s.notices == ("Rebuilding the whole index: it was built with embedder 'use-m3', "
                         "the setting is now 'st:all-MiniLM-L6-v2'.",)
    vectors = index.store.collection.get(include=["embeddings"])["embeddings"]
    assert len(vectors) == len(want) and {len(v) for v in vectors} == {384}
    assert index.store.collection.metadata["embedder"] == index.db.meta("embedder") == "st:all-MiniLM-L6-v2"
    assert ingest(index).embedded == 0  # and it stays that way
    index.close()


def test_changing_the_collection_rebuilds_into_it(small_notes, make_settings, embedder):
    first = Index.open(make_settings(small_notes), embedder)
    n = ingest(first).chunks
    first.close()
    index = Index.open(make_settings(small_notes, collection="other_notes"), embedder)
    s = ingest(index)  # no note changed, but the new collection holds no vector yet
    assert s.notices == ("Rebuilding the whole index: it was built in collection 'notes_qa', "
                         "the setting is now 'other_notes'.",)
    assert index.store.collection.count() == n == len(assert_consistent(index))
    assert ingest(index).embedded == 0
    index.close()


def test_a_tokenizer_change_reindexes_keywords_not_vectors(small_notes, open_index):
    index = open_index(small_notes)
    n = ingest(index).chunks
    assert not index.db.keywords_stale()
    with index.db.transaction() as w:  # an index written by the previous tokenizer
        w.set_meta("keywords", "1")
        w._conn.execute("UPDATE fts SET body = 'stale'")
    assert changed_files(index)  # the page ingests before its next answer
    generation = index.db.meta("generation")
    s = ingest(index)
    assert s.embedded == 0 and s.notices == (
        f"Re-indexed the keywords of {n} chunks: the tokenizer changed (version 1 -> {KEYWORDS_VERSION}); "
        "no vector was recomputed.",)
    # local to this index: nothing to stamp for other readers of the store
    assert not index.db.keywords_stale() and index.db.meta("generation") == generation
    assert index.db.keyword_search(["sqs"], 1) and not index.db.keyword_search(["stale"], 1)
    assert fts_rows(index) == n and ingest(index).notices == () and not changed_files(index)


def bare(index: Index) -> set[tuple[str, int, str]]:
    return {(source[:3], line, path[-1]) for source, line, path, _ in index.db.bare_headings()}


def test_headings_with_nothing_under_them_follow_the_notes(small_notes, open_index):
    index = open_index(small_notes)
    ingest(index)
    dynamo = ("003", 287, "Amazon DynamoDB")
    assert dynamo in bare(index) and ("003", 288, "Amazon ElastiCache") in bare(index)
    replace_once(small_notes / N003, "### Amazon DynamoDB\n", "### Amazon DynamoDB\n- キー・バリュー型\n")
    assert ingest(index).added == 1
    assert dynamo not in bare(index) and ("003", 289, "Amazon ElastiCache") in bare(index)
    (small_notes / N003).unlink()
    ingest(index)
    assert bare(index) and not {b for b in bare(index) if b[0] == "003"}


def test_an_index_from_before_bare_headings_records_them_without_embedding(small_notes, open_index):
    index = open_index(small_notes)
    ingest(index)
    before = bare(index)
    with index.db.transaction() as w:  # an index written before they were recorded
        w._conn.execute("DELETE FROM bare_headings")
        w._conn.execute("DELETE FROM meta WHERE key = 'bare_headings'")
    assert changed_files(index)  # the page ingests before its next answer
    s = ingest(index)
    assert s.embedded == 0 and not s.changed and bare(index) == before and not changed_files(index)


# ---- crashes -------------------------------------------------------------------------------------------
class Crash(Exception):
    pass


def _after(cls, name: str, monkeypatch, calls: int = 1) -> None:
    """Let ``cls.name`` run ``calls`` times, then raise right after it, as a kill at that moment would."""
    original, seen = getattr(cls, name), []

    def wrapper(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        seen.append(1)
        if len(seen) >= calls:
            raise Crash(name)
        return result

    monkeypatch.setattr(cls, name, wrapper)


def _mixed_change(d: Path) -> None:
    _edit_one_line(d)
    _rename(d)
    _write("new.md", "# 新しいノート\n- SQSのメモ\n")(d)
    shutil.copy(NOTES / "000_48b62d392b407d6c.txt", d / "000.md")


@pytest.mark.parametrize(
    ("crash", "embedded_on_repair"),
    [
        pytest.param(lambda mp: _after(VectorStore, "upsert", mp), 0, id="after-chroma-upsert"),
        pytest.param(lambda mp: _after(VectorStore, "relocate", mp), 0, id="after-chroma-relocate"),
        # with a write batch of 2, the run dies after deleting the first 2 of the renamed file's old vectors
        pytest.param(lambda mp: (mp.setattr("ingest.store._WRITE_BATCH", 2),
                                 _after(Collection, "delete", mp)), 0, id="mid-chroma-delete"),
        pytest.param(lambda mp: _after(Writer, "touch", mp), 0, id="before-manifest-commit"),
    ],
)
def test_crash_between_chroma_and_manifest_is_repaired(small_notes, open_index, monkeypatch, crash,
                                                       embedded_on_repair):
    index = open_index(small_notes)
    ingest(index)
    _mixed_change(small_notes)
    with monkeypatch.context() as mp:
        crash(mp)
        with pytest.raises(Crash):
            ingest(index)
    assert index.db.meta("dirty") == "1"
    s = ingest(index)
    assert s.notices == ("The last ingest was interrupted; repairing the index.",)
    assert s.embedded == embedded_on_repair  # vectors the crashed run wrote are adopted, not embedded again
    assert_consistent(index)
    assert ingest(index).notices == ()


def test_crash_while_partly_deleting_a_removed_file(small_notes, open_index, monkeypatch):
    """Chroma lost some of a deleted file's vectors, the manifest none: the rest must not be orphaned."""
    index = open_index(small_notes)
    ingest(index)
    (small_notes / N004).unlink()
    with monkeypatch.context() as mp:
        mp.setattr("ingest.store._WRITE_BATCH", 3)
        _after(Collection, "delete", mp)  # after the first batch of 3
        with pytest.raises(Crash):
            ingest(index)
    assert len(index.store.ids()) == N_003 + N_004 - 3
    s = ingest(index)
    assert s.embedded == 0
    assert_consistent(index)


@pytest.mark.parametrize("embedder_change", [False, True], ids=["rebuild", "embedder-change"])
def test_crash_after_a_rebuild_dropped_the_vectors(small_notes, make_settings, embedder, st_embedder, monkeypatch,
                                                   embedder_change):
    settings = make_settings(small_notes)
    index = Index.open(settings, embedder)
    ingest(index)
    if embedder_change:
        index.close()
        index = Index.open(settings, st_embedder)
    with monkeypatch.context() as mp:
        _after(Index, "reset_store", mp)  # the old vectors are gone by then
        with pytest.raises(Crash):
            ingest(index, rebuild=not embedder_change)
    s = ingest(index)
    want = assert_consistent(index)
    assert s.embedded == len(want)
    index.close()


# ---- real processes: kill -9, lock, concurrent runs, CLI -------------------------------------------------
def cli(notes: Path, data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", "ingest", "--notes-dir", str(notes), "--data-dir", str(data), *args]


def _dirty(data: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{data / 'index.sqlite'}?mode=ro", uri=True, timeout=0.1) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'dirty'").fetchone()
    except sqlite3.OperationalError:  # not created yet, or busy
        return False
    return bool(row) and row[0] == "1"


@pytest.fixture
def many_notes(tmp_path) -> Path:
    """The real notes four times under other names, every line tagged with its copy so that no chunk
    text repeats (repeats are embedded once): ~930 chunks, ~5 s of ingest on this machine."""
    d = tmp_path / "many"
    for k in range(4):
        for note in sorted(NOTES.iterdir()):
            lines = note.read_text(encoding="utf-8").splitlines()
            tagged = [f"{line} c{k}" if line.strip() and not line.lstrip().startswith(("#", "```")) else line
                      for line in lines]
            (d / f"copy{k}").mkdir(parents=True, exist_ok=True)
            (d / f"copy{k}" / note.name).write_text("\n".join(tagged) + "\n", encoding="utf-8")
    return d


@pytest.mark.parametrize(
    "moment",
    [
        pytest.param(0.5, id="0.5s-starting"),
        pytest.param(3.0, id="3s-embedding"),
        pytest.param("dirty", id="writing-chroma"),
        pytest.param("dirty+0.4", id="writing-later"),
    ],
)
def test_kill_9_mid_run_then_ingest_repairs(many_notes, tmp_path, open_index, clean_env, moment):
    data = tmp_path / "data"
    proc = subprocess.Popen(cli(many_notes, data), cwd=tmp_path, env=clean_env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if isinstance(moment, float):
            time.sleep(moment)
        else:
            deadline = time.monotonic() + 120
            while not _dirty(data) and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            if moment == "dirty+0.4":
                time.sleep(0.4)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it was killed"
    index = open_index(many_notes, data)
    s = ingest(index)
    want = assert_consistent(index)
    assert s.chunks == len(want) and s.files == 20
    if isinstance(moment, str):
        assert "The last ingest was interrupted; repairing the index." in s.notices


def test_lock_held_means_busy(small_notes, tmp_path, open_index, clean_env):
    index = open_index(small_notes)
    lock = FileLock(str(tmp_path / "data" / LOCK_FILE))
    with lock:
        with pytest.raises(IngestBusy, match="Another ingest is running") as exc:
            ingest(index, lock_timeout=0)
        assert LOCK_FILE in str(exc.value)
        out = subprocess.run(cli(small_notes, tmp_path / "data", "--no-wait"), cwd=tmp_path, env=clean_env,
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 2
        assert "error: Another ingest is running" in out.stderr and out.stdout == ""
    assert ingest(index, lock_timeout=0).embedded == N_003 + N_004  # free again


def test_two_concurrent_cli_runs(notes_copy, tmp_path, open_index, clean_env):
    data = tmp_path / "data"
    procs = [subprocess.Popen(cli(notes_copy, data, "--json"), cwd=tmp_path, env=clean_env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    summaries = [json.loads(out) for out, _ in results]
    index = open_index(notes_copy, data)
    want = assert_consistent(index)
    assert sorted(s["embedded"] for s in summaries) == [0, len(want)]  # one waited, then found nothing to do
    assert all(s["chunks"] == len(want) for s in summaries)


def test_cli_json_summary(small_notes, tmp_path, open_index, clean_env):
    out = subprocess.run(cli(small_notes, tmp_path / "data", "--json"), cwd=tmp_path, env=clean_env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    summary = json.loads(line)
    assert {"files", "chunks", "embedded", "added", "updated", "removed", "skipped", "seconds"} <= summary.keys()
    n = N_003 + N_004
    assert {k: summary[k] for k in ("files", "chunks", "embedded", "added", "updated", "removed", "skipped")} == {
        "files": 2, "chunks": n, "embedded": n, "added": n, "updated": 0, "removed": 0, "skipped": 0}
    assert isinstance(summary["seconds"], float) and summary["seconds"] > 0
    assert len(assert_consistent(open_index(small_notes, tmp_path / "data"))) == n


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda d: None, "Notes folder not found", id="missing"),
        pytest.param(lambda d: d.mkdir(), "No notes", id="empty"),
    ],
)
def test_cli_notes_dir_errors_exit_2(tmp_path, clean_env, make, message):
    notes = tmp_path / "no such notes"
    make(notes)
    out = subprocess.run(cli(notes, tmp_path / "data"), cwd=tmp_path, env=clean_env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2
    assert f"error: {message}" in out.stderr and str(notes) in out.stderr
    assert "Traceback" not in out.stderr


def test_an_empty_setting_in_the_environment_is_unset(monkeypatch):
    """``NOTES_QA_DATA_DIR=`` must not put the index in the current folder."""
    monkeypatch.setenv("NOTES_QA_DATA_DIR", "")
    assert Settings().data_dir == Settings.model_fields["data_dir"].default
