"""Server mode: the Chroma collection is the shared truth and the local SQLite file a cache of it.

Every ingest that changes the collection stamps its metadata with a fresh generation token, and records
the same token locally. A process whose local token differs (another machine ingested, or this data dir is
new) pulls: it compares ids and line ranges on the server with its manifest, drops what the server no
longer holds, fetches text and metadata of what it lacks (never vectors: queries go to the server) and
indexes them for keywords. Files touched by a pull are forgotten by the manifest, so an ingest here reads
and diffs them again instead of trusting sizes and mtimes recorded before the pull.
"""

from __future__ import annotations

from filelock import Timeout

from ingest.index import Index


def pull(index: Index, generation: str) -> int:
    """Make the local chunks equal the server's; returns how many chunk rows changed. Hold ``index.lock``."""
    db, store = index.db, index.store
    places = store.places()
    local = {r.id: r for r in db.indexed()}
    stale = {i for i, r in local.items() if places.get(i) != (r.source, r.start_line, r.end_line)}
    fetch = [i for i in places if i not in local or i in stale]
    chunks = store.chunks(fetch)
    with db.transaction() as w:
        w.delete_chunks(stale)
        w.put_chunks(chunks)
        w.forget_files({local[i].source for i in stale} | {c.source for c in chunks})
        w.set_meta("generation", generation)
    return len(stale) + len(chunks)


def sync_from_server(index: Index) -> bool:
    """Before a question in server mode: pull if the server moved on. False when nothing was pulled,
    also when an ingest into this data dir is running (it brings the cache up to date itself)."""
    remote = index.store.generation()
    if remote == index.db.meta("generation"):
        return False
    try:
        with index.lock(timeout=0):
            if remote == index.db.meta("generation"):
                return False
            pull(index, remote)
    except Timeout:
        return False
    index.refresh()
    return True
