"""Shared fixtures: the real USE embedder loaded once per session, settings and indexes on tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ingest.embedders import Embedder, SentenceTransformerEmbedder, UseEmbedder
from ingest.index import Index
from ingest.settings import Settings

REPO = Path(__file__).resolve().parents[1]
NOTES = REPO / "notes"

# No test may reach a model hub or send telemetry (scripts/test.sh sets the same).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def embedder() -> UseEmbedder:
    """The default embedder, loaded once: every index in the session shares it."""
    e = UseEmbedder()
    e.encode(["warm up"])
    return e


@pytest.fixture(scope="session")
def st_embedder() -> SentenceTransformerEmbedder:
    """The packaged all-MiniLM-L6-v2 (imports torch: only the tests that need it ask for it)."""
    e = SentenceTransformerEmbedder("all-MiniLM-L6-v2")
    e.encode(["warm up"])
    return e


@pytest.fixture
def clean_env(monkeypatch) -> dict[str, str]:
    """No NOTES_QA_* variable from the developer's shell leaks into a test; returns a clean env for subprocesses."""
    for key in [k for k in os.environ if k.startswith("NOTES_QA_")]:
        monkeypatch.delenv(key)
    return dict(os.environ)


@pytest.fixture
def make_settings(tmp_path, clean_env) -> Callable[..., Settings]:
    """Settings from arguments only (no .env, no NOTES_QA_* variables); data under tmp_path by default."""

    def make(notes_dir: Path, data_dir: Path | None = None, **overrides) -> Settings:
        return Settings(_env_file=None, notes_dir=notes_dir, data_dir=data_dir or tmp_path / "data", **overrides)

    return make


@pytest.fixture
def open_index(make_settings, embedder) -> Iterator[Callable[..., Index]]:
    """Open an index (real Chroma on tmp_path) with the session's USE embedder unless another is given."""
    opened: list[Index] = []

    def open_(notes_dir: Path, data_dir: Path | None = None, emb: Embedder | None = None, **overrides) -> Index:
        index = Index.open(make_settings(notes_dir, data_dir, **overrides), emb or embedder)
        opened.append(index)
        return index

    yield open_
    for index in opened:
        index.close()


@pytest.fixture
def notes_copy(tmp_path) -> Path:
    """A private copy of the real notes, free to edit."""
    return Path(shutil.copytree(NOTES, tmp_path / "notes"))
