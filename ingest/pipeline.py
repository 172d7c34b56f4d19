"""One ingest run: scan notes, diff against the manifest, embed only what changed, write both indexes.

Crash safety: before touching Chroma the run marks the manifest dirty; the manifest, keyword index and
the clean mark are then committed in one SQLite transaction. A run killed in between leaves the mark,
and the next run reconciles Chroma's ids with the manifest before planning, so no duplicates or orphans
survive. Two runs are serialised by a lock file.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np
from filelock import Timeout

from ingest.chunk import Chunk, chunk_text
from ingest.errors import EmbedderError, IngestBusy, NotesDirError
from ingest.files import NoteFile, Unreadable, read_note, scan
from ingest.index import Index
from ingest.indexdb import FileState
from ingest.manifest import Plan, diff
from ingest.parse import bare_headings
from ingest.store import CHROMA_DIR, EmbedderMismatch
from ingest.sync import pull
from ingest.tokenize import VERSION as KEYWORDS_VERSION

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed)


@dataclass(frozen=True)
class Summary:
    files: int
    chunks: int
    embedded: int
    added: int
    updated: int
    removed: int
    skipped: int  # files skipped with a warning (binary, not UTF-8, too large)
    seconds: float
    relocated: int = 0  # unchanged chunks whose line numbers moved (metadata only)
    reused: int = 0  # new chunks that got the vector of identical text (a renamed file, a repeated block)
    warnings: tuple[str, ...] = field(default_factory=tuple)
    notices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.relocated)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["warnings"], d["notices"] = list(self.warnings), list(self.notices)
        return d


def changed_files(index: Index) -> bool:
    """Cheap check for the page: do sizes/mtimes on disk differ from the manifest, were the keywords
    indexed by another tokenizer version, or were bare headings never recorded (an ingest mends both)?"""
    db = index.db
    return _differs(scan(index.settings.notes_dir), index) or db.keywords_stale() or not db.meta("bare_headings")


def _differs(notes: list[NoteFile], index: Index) -> bool:
    known = {s: (f.size, f.mtime_ns) for s, f in index.db.files().items()}
    return {n.source: (n.size, n.mtime_ns) for n in notes} != known


def _load_model_meanwhile(index: Index) -> threading.Thread:
    """Load the embedding model (~1.5 s for USE) while the run opens Chroma and plans; join before use.
    A model that cannot load fails again, with its message, when the run first encodes."""

    def load() -> None:
        with contextlib.suppress(EmbedderError):
            index.embedder.encode(["warm up"])

    thread = threading.Thread(target=load, name="load-embedder", daemon=True)
    thread.start()
    return thread


def ingest(index: Index, *, rebuild: bool = False, progress: Progress | None = None,
           lock_timeout: float = 600.0) -> Summary:
    """Bring the index in line with the notes folder. Raises ``NotesDirError``, ``IngestBusy``,
    ``StoreUnavailable`` (then the manifest is left as it was, or marked for repair)."""
    lock = index.lock(lock_timeout)
    try:
        with lock:
            return _ingest_locked(index, rebuild, progress)
    except Timeout:
        raise IngestBusy(f"Another ingest is running (lock {lock.lock_file}); try again when it ends") from None


def _rebuilding(what: str, built: str, wanted: str) -> str:
    return f"Rebuilding the whole index: it was built {what} {built!r}, the setting is now {wanted!r}."


def _store_in_question(index: Index) -> bool:
    """Must this run look at Chroma before planning? Not when the last run ended cleanly with this embedder
    on a local store: then a run with nothing to do never opens Chroma (the no-change re-ingest is cheap)."""
    db, s = index.db, index.settings
    return bool(s.chroma_url) or db.meta("dirty") == "1" or db.meta("embedder") != index.embedder.name or not (
        s.data_dir / CHROMA_DIR).is_dir()


def _ingest_locked(index: Index, rebuild: bool, progress: Progress | None) -> Summary:
    t0 = time.perf_counter()
    notes = scan(index.settings.notes_dir)
    if not notes:
        raise NotesDirError(f"No notes (.md, .markdown, .txt) in {index.settings.notes_dir}")
    notices: list[str] = []
    db = index.db
    if (built_in := db.meta("collection")) and built_in != index.settings.collection:
        # the manifest describes another collection: this one holds none of its vectors
        notices.append(_rebuilding("in collection", built_in, index.settings.collection))
        rebuild = True
    loader = _load_model_meanwhile(index) if rebuild or _differs(notes, index) else None
    if rebuild or loader or _store_in_question(index):  # a run with changes opens Chroma while the model loads
        try:
            _ = index.store  # opening it compares the embedder that filled it
        except EmbedderMismatch as exc:
            notices.append(_rebuilding("with embedder", exc.stored, exc.wanted))
            rebuild = True
    if rebuild:
        # Manifest emptied and marked dirty before any vector is dropped: a run killed in between is
        # repaired by the next one, instead of leaving manifest rows that Chroma has no vectors for.
        with db.transaction() as w:
            w.reset()
            w.set_meta("embedder", index.embedder.name)
            w.set_meta("collection", index.settings.collection)
            w.set_meta("dirty", "1")
        index.reset_store()

    orphans: set[str] = set()
    if not rebuild and db.meta("dirty") == "1":
        notices.append("The last ingest was interrupted; repairing the index.")
        orphans = _reconcile(index)
    elif index.settings.chroma_url and (remote := index.store.generation()) != db.meta("generation"):
        notices.append(f"The index on {index.settings.chroma_url} changed elsewhere; synced from it first.")
        pull(index, remote)

    if db.keywords_stale():
        # local to this index (the vectors and the server's chunks are the same): not a change to stamp
        before = db.keywords_version()
        with db.transaction() as w:
            n = w.retokenize()
        notices.append(f"Re-indexed the keywords of {n} chunks: the tokenizer changed (version {before} -> "
                       f"{KEYWORDS_VERSION}); no vector was recomputed.")

    plan, file_states, bare, warnings, gone = _plan(index, notes)
    if loader:
        loader.join()
    vectors, reused = _vectors_for(index, [c for c in plan.add if c.id not in orphans], progress)
    kept = [c for c in plan.add if c.id in orphans]  # written by the interrupted run: vector is right
    stale = plan.delete + sorted(orphans - {c.id for c in kept})
    changed = bool(plan.add or plan.relocate or stale) or db.meta("dirty") == "1"
    generation = uuid.uuid4().hex
    if changed:
        store = index.store
        with db.transaction() as w:
            w.set_meta("dirty", "1")
        fresh = [c for c in plan.add if c.id in vectors]
        if fresh:
            store.upsert(fresh, np.vstack([vectors[c.id] for c in fresh]))
        store.relocate(plan.relocate + kept)
        store.delete(stale)
        store.stamp(generation)  # readers elsewhere pull when they see a new token
    with db.transaction() as w:
        w.delete_chunks(plan.delete)
        w.put_chunks(plan.add + plan.relocate)
        for source, state in file_states.items():
            w.put_file(source, state)
        for source in bare.keys() | gone:
            w.put_bare_headings(source, bare.get(source, ()))
        w.forget_files(gone)
        w.set_meta("bare_headings", "1")
        w.set_meta("embedder", index.embedder.name)
        w.set_meta("collection", index.settings.collection)
        if changed:
            w.set_meta("generation", generation)
        w.set_meta("dirty", "0")
        w.touch()
    return Summary(
        files=len(notes) - len(warnings), chunks=db.stats().chunks,
        embedded=len(plan.add) - reused - len(kept), added=plan.added, updated=plan.updated,
        removed=plan.removed, skipped=len(warnings), seconds=round(time.perf_counter() - t0, 3),
        relocated=len(plan.relocate), reused=reused, warnings=tuple(warnings), notices=tuple(notices))


def _plan(index: Index, notes: list[NoteFile]) -> tuple[
        Plan, dict[str, FileState], dict[str, list[tuple[tuple[str, ...], int]]], list[str], set[str]]:
    """Diff every new or changed file against the manifest; files gone from disk (returned last) are
    planned for delete. Each file read also gives its bare headings.

    A file that cannot be read is skipped with a warning and keeps what was indexed from it before.
    An index made before bare headings were recorded reads every file once (unchanged chunks stay).
    """
    s = index.settings
    indexed = index.db.files()
    known = indexed if index.db.meta("bare_headings") else {}
    plan, states, bare, warnings = Plan(), {}, {}, []
    for note in notes:
        k = known.get(note.source)
        if k is not None and (k.size, k.mtime_ns) == (note.size, note.mtime_ns):
            continue
        try:
            text, sha = read_note(note, int(s.max_file_mb * 1_000_000))
        except (Unreadable, OSError) as exc:
            warnings.append(f"Skipped {note.source}: {exc}")
            log.warning("Skipped %s: %s", note.source, exc)
            continue
        states[note.source] = FileState(note.size, note.mtime_ns, sha)
        bare[note.source] = bare_headings(text)
        if k is None or k.sha256 != sha:
            plan.extend(diff(index.db.indexed([note.source]), chunk_text(text, note.source, s.chunk_size)))
    gone = set(indexed) - {n.source for n in notes}
    if gone:
        plan.extend(diff(index.db.indexed(gone), []))
    return plan, states, bare, warnings, gone


def _vectors_for(index: Index, need: list[Chunk], progress: Progress | None) -> tuple[dict[str, np.ndarray], int]:
    """Vectors for new chunks: reused from identical indexed text (a renamed file), else embedded.

    Returns the vectors by id and how many chunks got one without embedding; a text that occurs several
    times in this run is embedded once.
    """
    have = index.db.ids_by_hash(c.hash for c in need)
    old = index.store.vectors(list(set(have.values()))) if have else {}
    vectors: dict[str, np.ndarray] = {}
    to_embed: list[Chunk] = []
    for c in need:
        vec = old.get(have.get(c.hash, ""))
        if vec is not None:
            vectors[c.id] = vec
        else:
            to_embed.append(c)
    unique = list(dict.fromkeys(c.embed_text for c in to_embed))
    if unique:
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, len(unique))

        by_text = dict(zip(unique, index.embedder.encode_batches(unique, tick), strict=True))
        vectors.update((c.id, by_text[c.embed_text]) for c in to_embed)
    return vectors, len(need) - len(unique)


def _reconcile(index: Index) -> set[str]:
    """After an interrupted run: forget every file Chroma lacks a vector of; return the ids Chroma has beyond.

    A file with any vector missing (e.g. a delete cut short) loses all its manifest rows, so it is read and
    diffed again; its vectors still in Chroma are among the extra ids, which this run either re-plans (kept
    without re-embedding, as a chunk id is a hash of its text and place) or deletes at the end.
    """
    db, store = index.db, index.store
    in_store = store.ids()
    manifest = db.indexed()
    broken = {r.source for r in manifest if r.id not in in_store}
    with db.transaction() as w:
        w.delete_chunks(r.id for r in manifest if r.source in broken)
        w.forget_files(broken)
    return in_store - {r.id for r in manifest if r.source not in broken}
