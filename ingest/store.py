"""Chroma adapter: a local persistent folder by default, a Chroma server when a URL is set.

Chroma's dict-of-lists results become plain tuples here and nowhere else. The collection records the
embedder that filled it; opening it with another is reported, never mixed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from ingest.chunk import PATH_SEP, Chunk
from ingest.errors import StoreUnavailable

CHROMA_DIR = "chroma"
_WRITE_BATCH = 1000


class EmbedderMismatch(Exception):
    def __init__(self, stored: str, wanted: str) -> None:
        super().__init__(f"the index was built with embedder {stored!r}, the setting is now {wanted!r}")
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


def metadata(c: Chunk) -> dict:
    return {"source": c.source, "heading_path": json.dumps(c.heading_path, ensure_ascii=False),
            "heading": PATH_SEP.join(c.heading_path), "start_line": c.start_line, "end_line": c.end_line,
            "section_start": c.section_start, "hash": c.hash}


class VectorStore:
    """One Chroma collection of chunk vectors, with the chunk text and metadata beside them."""

    def __init__(self, client, name: str, embedder_name: str) -> None:
        self.client, self.name, self.embedder_name = client, name, embedder_name
        self.collection = self._open()

    def _open(self):
        col = self.client.get_or_create_collection(
            self.name, embedding_function=None, metadata={"embedder": self.embedder_name},
            configuration={"hnsw": {"space": "cosine"}})
        stored = (col.metadata or {}).get("embedder")
        if stored != self.embedder_name:
            raise EmbedderMismatch(str(stored), self.embedder_name)
        return col

    def reset(self) -> None:
        """Drop every vector (a rebuild, or a change of embedder)."""
        if self.name in {c.name if hasattr(c, "name") else c for c in self.client.list_collections()}:
            self.client.delete_collection(self.name)
        self.collection = self._open()

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def count(self) -> int:
        return self.collection.count()

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        got = self.collection.get(ids=list(ids), include=["embeddings"])
        return dict(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for i in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[i : i + _WRITE_BATCH]
            self.collection.upsert(ids=[c.id for c in part], embeddings=vectors[i : i + _WRITE_BATCH],
                                   documents=[c.text for c in part], metadatas=[metadata(c) for c in part])

    def relocate(self, chunks: Sequence[Chunk]) -> None:
        for i in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[i : i + _WRITE_BATCH]
            self.collection.update(ids=[c.id for c in part], metadatas=[metadata(c) for c in part])

    def delete(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), _WRITE_BATCH):
            self.collection.delete(ids=list(ids[i : i + _WRITE_BATCH]))

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the ``k`` nearest chunks."""
        n = min(k, self.collection.count())
        if n == 0:
            return []
        res = self.collection.query(query_embeddings=[vector], n_results=n, include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]
