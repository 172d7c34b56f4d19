"""Chroma adapter: a local persistent folder by default, a Chroma server when a URL is set.

Chroma's dict-of-lists results become plain tuples here and nowhere else. The collection records the
embedder that filled it; opening it with another is reported, never mixed.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar
from urllib.parse import urlparse

import numpy as np

from ingest.chunk import PATH_SEP, Chunk
from ingest.errors import NotesQAError, StoreUnavailable

CHROMA_DIR = "chroma"
_WRITE_BATCH = 1000
_READ_PAGE = 5000  # ids/records fetched per request (a server answers large gets in pages)
P, R = ParamSpec("P"), TypeVar("R")


class EmbedderMismatch(NotesQAError):
    """The collection was filled by another embedder: its vectors cannot be compared with this one's.
    Ingest rebuilds; asking says to ingest."""

    def __init__(self, stored: str, wanted: str) -> None:
        super().__init__(f"the index was built with embedder {stored!r}, the setting is now {wanted!r}; "
                         "run `notes-qa ingest` (or press Re-ingest) to rebuild it")
        self.stored, self.wanted = stored, wanted


def connect(chroma_url: str, data_dir: Path):
    """A Chroma client: ``HttpClient`` for a URL, else ``PersistentClient`` under ``data_dir``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if not chroma_url:
        return chromadb.PersistentClient(path=str(data_dir / CHROMA_DIR), settings=settings)
    url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
    try:
        client = chromadb.HttpClient(host=url.hostname or "localhost", port=url.port or 8000,
                                     ssl=url.scheme == "https", settings=settings)
        client.heartbeat()
    except Exception as exc:  # chromadb raises many transport types; all mean "not reachable"
        raise StoreUnavailable(f"Chroma server at {chroma_url} is not reachable ({exc.__class__.__name__})") from None
    return client


def drop_collection(client, name: str) -> None:
    """Drop every vector (a rebuild, or a change of embedder); a missing collection is fine."""
    if name in {c.name if hasattr(c, "name") else c for c in client.list_collections()}:
        client.delete_collection(name)


def metadata(c: Chunk) -> dict:
    return {"source": c.source, "heading_path": json.dumps(c.heading_path, ensure_ascii=False),
            "heading": PATH_SEP.join(c.heading_path), "start_line": c.start_line, "end_line": c.end_line,
            "section_start": c.section_start, "hash": c.hash, "slot": c.slot}


def to_chunk(cid: str, meta: dict, text: str) -> Chunk:
    """The inverse of ``metadata``: a chunk as a server holds it (what another machine ingested)."""
    return Chunk(cid, meta["source"], tuple(json.loads(meta["heading_path"])), meta["start_line"], meta["end_line"],
                 text, meta["hash"], meta["section_start"], meta["slot"])


def _reachable(method: Callable[P, R]) -> Callable[P, R]:
    """A transport error from a Chroma server becomes ``StoreUnavailable`` naming the server."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            httpx = sys.modules.get("httpx")  # loaded by chromadb's HttpClient; absent on the local path
            if httpx is not None and isinstance(exc, httpx.TransportError):
                where = args[0].where  # type: ignore[attr-defined]
                raise StoreUnavailable(f"Chroma server at {where} is not reachable ({exc})") from exc
            raise

    return wrapper


class VectorStore:
    """One Chroma collection of chunk vectors, with the chunk text and metadata beside them."""

    def __init__(self, client, name: str, embedder_name: str, where: str = "") -> None:
        self.client, self.name, self.embedder_name, self.where = client, name, embedder_name, where
        self.collection = self._open()

    @_reachable
    def _open(self):
        col = self.client.get_or_create_collection(
            self.name, embedding_function=None, metadata={"embedder": self.embedder_name},
            configuration={"hnsw": {"space": "cosine"}})
        stored = (col.metadata or {}).get("embedder")
        if stored != self.embedder_name:
            raise EmbedderMismatch(str(stored), self.embedder_name)
        return col

    @_reachable
    def generation(self) -> str:
        """The token the last ingest that changed the collection stamped on it ("" for none)."""
        return str((self.client.get_collection(self.name).metadata or {}).get("generation", ""))

    @_reachable
    def stamp(self, generation: str) -> None:
        meta = dict(self.client.get_collection(self.name).metadata or {})
        self.collection.modify(metadata={**meta, "generation": generation})

    def _pages(self, include: list[str]) -> Iterator[dict]:
        for offset in range(0, self.collection.count(), _READ_PAGE):
            yield self.collection.get(include=include, limit=_READ_PAGE, offset=offset)

    @_reachable
    def ids(self) -> set[str]:
        return {i for page in self._pages([]) for i in page["ids"]}

    @_reachable
    def places(self) -> dict[str, tuple[str, int, int, int]]:
        """(source, start_line, end_line, section_start) of every chunk: what a reader compares to sync."""
        return {i: (m["source"], m["start_line"], m["end_line"], m["section_start"])
                for page in self._pages(["metadatas"]) for i, m in zip(page["ids"], page["metadatas"], strict=True)}

    @_reachable
    def chunks(self, ids: Sequence[str]) -> list[Chunk]:
        out: list[Chunk] = []
        for i in range(0, len(ids), _READ_PAGE):
            got = self.collection.get(ids=list(ids[i : i + _READ_PAGE]), include=["metadatas", "documents"])
            out += map(to_chunk, got["ids"], got["metadatas"], got["documents"])
        return out

    @_reachable
    def count(self) -> int:
        return self.collection.count()

    @_reachable
    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        got = self.collection.get(ids=list(ids), include=["embeddings"])
        return dict(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))

    @_reachable
    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for i in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[i : i + _WRITE_BATCH]
            self.collection.upsert(ids=[c.id for c in part], embeddings=vectors[i : i + _WRITE_BATCH],
                                   documents=[c.text for c in part], metadatas=[metadata(c) for c in part])

    @_reachable
    def relocate(self, chunks: Sequence[Chunk]) -> None:
        for i in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[i : i + _WRITE_BATCH]
            self.collection.update(ids=[c.id for c in part], metadatas=[metadata(c) for c in part])

    @_reachable
    def delete(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), _WRITE_BATCH):
            self.collection.delete(ids=list(ids[i : i + _WRITE_BATCH]))

    @_reachable
    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the ``k`` nearest chunks."""
        # no count() first: Chroma returns fewer than k when it holds fewer, and count() took 240 ms cold at 100k
        res = self.collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]
