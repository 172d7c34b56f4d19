"""An opened index: the SQLite manifest/keyword file, the Chroma collection and the embedder, together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ingest.embedders import Embedder, make_embedder
from ingest.indexdb import IndexDB
from ingest.settings import Settings
from ingest.store import VectorStore, connect

INDEX_FILE = "index.sqlite"


@dataclass
class Index:
    settings: Settings
    db: IndexDB
    embedder: Embedder
    _client: object = None

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Index:
        """Open (creating if needed) the index under ``settings.data_dir``; models load lazily."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = IndexDB(settings.data_dir / INDEX_FILE)
        return cls(settings, db, embedder or make_embedder(settings.embedder, settings.threads))

    @property
    def client(self):
        if self._client is None:
            self._client = connect(self.settings.chroma_url, self.settings.data_dir)
        return self._client

    @cached_property
    def store(self) -> VectorStore:
        """The Chroma collection; raises ``EmbedderMismatch`` if another embedder filled it."""
        return VectorStore(self.client, self.settings.collection, self.embedder.name)

    def refresh(self) -> None:
        """See what another process wrote: Chroma caches a local store per process until cleared."""
        if not self.settings.chroma_url:
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient.clear_system_cache()
            self._client = None
        self.__dict__.pop("store", None)

    def close(self) -> None:
        self.db.close()
