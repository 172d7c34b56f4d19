"""An opened index: the SQLite manifest/keyword file, the Chroma collection and the embedder, together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from filelock import FileLock

from ingest.embedders import Embedder, make_embedder
from ingest.indexdb import IndexDB
from ingest.settings import Settings
from ingest.store import CHROMA_DIR, VectorStore, connect, drop_collection

INDEX_FILE = "index.sqlite"
LOCK_FILE = "ingest.lock"


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
        s = self.settings
        return VectorStore(self.client, s.collection, self.embedder.name, s.chroma_url or str(s.data_dir / CHROMA_DIR))

    def reset_store(self) -> None:
        """An empty collection for this embedder, whatever the old one held."""
        drop_collection(self.client, self.settings.collection)
        self.__dict__.pop("store", None)
        _ = self.store  # created now, recording this embedder

    def lock(self, timeout: float) -> FileLock:
        """Held by whoever writes the manifest (an ingest, a pull from the server); one at a time."""
        return FileLock(str(self.settings.data_dir / LOCK_FILE), timeout=timeout)

    def refresh(self) -> None:
        """See what another process wrote: Chroma caches a local store per process until cleared, and a
        rebuild elsewhere replaces the collection a server holds."""
        if not self.settings.chroma_url:
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient.clear_system_cache()
            self._client = None
        self.__dict__.pop("store", None)

    def close(self) -> None:
        self.db.close()
