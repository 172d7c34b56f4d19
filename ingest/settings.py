"""The one place where the environment is read: env vars with prefix ``NOTES_QA_`` and ``.env``.

Library code receives a ``Settings`` instance; it never reads ``os.environ`` itself.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_EMBEDDER = "use-m3"


class Settings(BaseSettings):
    """What the index needs: where notes and data live, which embedder, which Chroma."""

    model_config = SettingsConfigDict(env_prefix="NOTES_QA_", env_file=".env", extra="ignore",
                                      env_ignore_empty=True)  # NOTES_QA_DATA_DIR= is unset, not "."

    notes_dir: Path = Field(Path("notes"), description="Folder of Markdown notes (.md, .markdown, .txt).")
    data_dir: Path = Field(
        Path(".notes-qa"), description="Local Chroma store, keyword index and manifest."
    )
    embedder: str = Field(
        DEFAULT_EMBEDDER,
        description="`use-m3` (Google USE multilingual v3, offline) or `st:<sentence-transformers name|path>`.",
    )
    chroma_url: str = Field("", description="Empty: local persistent store in data_dir; else a Chroma server URL.")
    collection: str = Field("notes_qa", min_length=3, description="Chroma collection name.")
    chunk_size: int = Field(800, ge=100, description="Target maximum characters per chunk.")
    threads: int = Field(0, ge=0, description="Embedding threads; 0 = the cores available to this process.")
    max_file_mb: float = Field(20.0, gt=0, description="Larger note files are skipped with a warning.")
    lock_timeout: float = Field(600.0, ge=0, description="Seconds an ingest waits for another to finish.")
