"""Embedders: langchain-core ``Embeddings`` over USE and sentence-transformers, offline, with clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import chromadb
import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from ingest.embedders import USE_MAX_CHARS, SentenceTransformerEmbedder, UseEmbedder, make_embedder
from ingest.errors import EmbedderError

REPO = Path(__file__).resolve().parents[1]
TEXTS = ["SQSの可視性タイムアウトはデフォルトで30秒", "Amazon S3 stores objects of up to 5 TB", "# 見出し\n- 項目"]


@pytest.fixture(params=["use", "st"])
def any_embedder(request):
    """Each real embedder in turn, with its vector size and recorded name."""
    if request.param == "use":
        return request.getfixturevalue("embedder"), 512, "use-m3"
    return request.getfixturevalue("st_embedder"), 384, "st:all-MiniLM-L6-v2"


def test_embeddings_interface_shapes_and_norms(any_embedder):
    emb, dim, name = any_embedder
    assert isinstance(emb, Embeddings) and emb.name == name
    docs = emb.embed_documents(TEXTS)
    assert isinstance(docs, list) and len(docs) == len(TEXTS)
    assert all(isinstance(v, list) and len(v) == dim and isinstance(v[0], float) for v in docs)
    np.testing.assert_allclose(np.linalg.norm(np.asarray(docs), axis=1), 1.0, atol=1e-4)
    query = emb.embed_query(TEXTS[0])
    assert len(query) == dim
    assert np.linalg.norm(query) == pytest.approx(1.0, abs=1e-4)
    np.testing.assert_allclose(query, docs[0], atol=1e-4)  # a query and a document embed alike
    assert emb.embed_documents([]) == []


def test_encode_batches_reports_progress(embedder):
    seen = []
    vectors = embedder.encode_batches([f"文 {i}" for i in range(70)], seen.append)
    assert vectors.shape == (70, 512) and vectors.dtype == np.float32
    assert seen == [64, 6]


def test_use_embeds_a_huge_text_from_its_start(embedder):
    """A one-line multi-megabyte chunk must not take minutes and gigabytes: USE sees its first part only."""
    huge = "SQSの可視性タイムアウト。" * 200_000  # 2.8 million characters on one line
    t0 = time.perf_counter()
    vector = embedder.encode([huge])
    assert time.perf_counter() - t0 < 10
    np.testing.assert_allclose(vector, embedder.encode([huge[:USE_MAX_CHARS]]), atol=1e-5)


@pytest.mark.parametrize(
    ("spec", "kind", "model"),
    [
        ("use-m3", UseEmbedder, None),
        ("use", UseEmbedder, None),
        ("usem3", UseEmbedder, None),
        ("st:all-MiniLM-L6-v2", SentenceTransformerEmbedder, "all-MiniLM-L6-v2"),
        ("st: /models/mine ", SentenceTransformerEmbedder, "/models/mine"),
    ],
)
def test_make_embedder(spec, kind, model):
    emb = make_embedder(spec, threads=1)
    assert type(emb) is kind and emb.threads == 1
    if model:
        assert emb.model == model and emb.name == f"st:{model}"


@pytest.mark.parametrize("spec", ["", "bert", "st:", "st:   ", "openai:gpt-4o", "USE-M3"])
def test_unknown_spec_is_an_embedder_error(spec):
    with pytest.raises(EmbedderError, match="Unknown embedder"):
        make_embedder(spec)


@pytest.mark.parametrize(
    "model",
    [
        pytest.param("no-such-model-xyz", id="unknown-name"),
        pytest.param("sentence-transformers/all-mpnet-base-v2", id="hub-model-not-on-disk"),
        pytest.param("/nonexistent/model/dir", id="missing-folder"),
        pytest.param("EMPTY_DIR", id="folder-that-is-not-a-model"),
    ],
)
def test_unloadable_st_model_is_an_embedder_error(st_embedder, tmp_path, model):
    """(``st_embedder`` first, so torch is imported outside the timed part of these cases.)"""
    name = str(tmp_path) if model == "EMPTY_DIR" else model
    emb = SentenceTransformerEmbedder(name)
    with pytest.raises(EmbedderError, match="Cannot load sentence-transformers model"):
        emb.embed_query("x")


def test_langchain_chroma_uses_our_embedder(embedder, tmp_path):
    from langchain_chroma import Chroma

    store = Chroma(collection_name="notes_lc", embedding_function=embedder, persist_directory=str(tmp_path),
                   client_settings=chromadb.config.Settings(anonymized_telemetry=False, is_persistent=True,
                                                            persist_directory=str(tmp_path)))
    store.add_texts(
        ["SQSのメッセージの最大サイズは256KB", "S3のオブジェクトは最大5TB", "Lambdaのタイムアウトは最大15分"],
        metadatas=[{"source": "sqs.md"}, {"source": "s3.md"}, {"source": "lambda.md"}],
    )
    (hit,) = store.similarity_search("SQSで送れるメッセージのサイズ上限", k=1)
    assert hit.metadata["source"] == "sqs.md"
    assert len(store.get()["ids"]) == 3


def test_default_ingest_does_not_import_torch(tmp_path, clean_env):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("# SQS\n- 可視性タイムアウト\n", encoding="utf-8")
    code = f"""
import json, sys
from pathlib import Path
from ingest.index import Index
from ingest.pipeline import ingest
from ingest.settings import Settings
settings = Settings(_env_file=None, notes_dir=Path({str(notes)!r}), data_dir=Path({str(tmp_path / 'data')!r}))
s = ingest(Index.open(settings))
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {{"torch", "sentence_transformers", "transformers"}})
print(json.dumps({{"chunks": s.chunks, "heavy": heavy}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean_env,
                         cwd=tmp_path, timeout=120, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == {"chunks": 1, "heavy": []}
