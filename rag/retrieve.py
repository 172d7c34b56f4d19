"""Hybrid retrieval: Chroma dense search + SudachiPy/FTS5 keyword search, fused, grouped by section.

Why hybrid: on these Japanese notes BM25 over Sudachi tokens is the stronger signal, USE dense search
catches paraphrases and English questions; reciprocal rank fusion combines their ranks without having
to calibrate two score scales. Results are sections (one citation per section), not chunks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from ingest.chunk import PATH_SEP, Chunk
from ingest.errors import NotIndexed
from ingest.index import Index
from ingest.sync import sync_from_server
from rag.expect import Expected, gives, subject
from rag.query import Concept, Query, coverage, search_terms
from rag.statements import statements, text_terms

CANDIDATES = 40  # chunks taken from each of the two searches
RRF_K = 20  # rank damping in reciprocal rank fusion; small: the top ranks matter most here
KEYWORD_WEIGHT = 1.0
DENSE_WEIGHT = 0.8
SECOND_CHUNK_WEIGHT = 0.1
HISTORY_WEIGHT = 0.5
RERANK = 15  # sections re-scored by how much of the question's idf weight they contain
COVERAGE_WEIGHT = 0.05
VALUE_WEIGHT = 0.06  # a section stating a number of the kind asked for (a size, a duration) of the subject
HEADING_WEIGHT = 0.04  # ... times the share of the question's weight its own heading names (memcached)
UNIQUE_NAME_WEIGHT = 0.02  # a section holding a name of the question the notes write nowhere else


@dataclass(frozen=True)
class Hit:
    """One retrieved section: the chunks that matched and the whole section they belong to."""

    source: str
    heading_path: tuple[str, ...]
    start_line: int  # the section's span in the file, 1-based inclusive
    end_line: int
    score: float
    chunks: tuple[Chunk, ...]  # every chunk of the section, in file order
    matched: tuple[str, ...]  # ids of the chunks that were retrieved
    dense: float  # best cosine similarity of a matched chunk
    coverage: float  # share of the question's idf weight found in the section

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.chunks)

    @property
    def label(self) -> str:
        return PATH_SEP.join(self.heading_path)


def _rrf(ranked: list[tuple[str, float]], weight: float, into: dict[str, float]) -> None:
    for rank, (cid, _score) in enumerate(ranked):
        into[cid] += weight / (RRF_K + rank + 1)


def _section_score(fused: dict[str, float], ids: list[str]) -> float:
    """A section scores by its best chunk, plus a little for a second matching chunk (not a sum:
    long sections would win by length)."""
    return fused[ids[0]] + SECOND_CHUNK_WEIGHT * (fused[ids[1]] if len(ids) > 1 else 0.0)


# headings that say nothing of what their section is about: its parent's does (「Auto Scaling › その他」
# holds 「Auto Scalingは突発的なスパイクには向いていない」). Not 特徴: 「EBS › 特徴」 would then outrank
# 「マルチアタッチ」 for a multi-attach question that names EBS
_GENERIC_HEADINGS = frozenset({"その他", "概要", "補足", "まとめ"})


def _own_heading_terms(heading_path: tuple[str, ...]) -> frozenset[str]:
    """The terms of the heading that names a section: its own, or its parent's when its own is generic."""
    own = heading_path[-1] if heading_path else ""
    parent = heading_path[-2] if own.strip() in _GENERIC_HEADINGS and len(heading_path) > 1 else ""
    return text_terms(own) | text_terms(parent)


class HybridSearch:
    """Question -> ranked sections, over one opened ``Index``."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._generation = index.db.meta("generation")

    def _sync(self) -> None:
        """Another process (the CLI) may have ingested since: let Chroma see its writes. In server mode,
        another machine may have: pull its chunks into the local keyword index first."""
        if self.index.settings.chroma_url:
            sync_from_server(self.index)
        gen = self.index.db.meta("generation")
        if gen != self._generation:
            self.index.refresh()
            self._generation = gen

    def _ranked_chunks(self, query: Query, concepts: tuple[Concept, ...]) -> tuple[dict[str, float], dict[str, float]]:
        fused: dict[str, float] = defaultdict(float)
        db = self.index.db
        _rrf(db.keyword_search(search_terms(concepts), CANDIDATES), KEYWORD_WEIGHT, fused)
        dense = self.index.store.query(self.index.embedder.encode([query.search_text])[0], CANDIDATES)
        _rrf(dense, DENSE_WEIGHT, fused)
        return fused, dict(dense)

    def _gives(self, source: str, start: int, expect: Expected, about: frozenset[str]) -> bool:
        section = self.index.db.section(source, start)
        text, terms = "\n".join(c.text for c in section), self.index.db.section_terms(source, start)
        return any(gives(s, expect, about, terms, exact=True) for s in statements(text, section[0].heading_path, 0))

    def search(self, query: Query, k: int) -> list[Hit]:
        self._sync()
        if not self.index.db.chunk_count():
            raise NotIndexed("Nothing is indexed yet: run `notes-qa ingest` (or press Re-ingest on the page)")
        concepts = query.concepts(self.index.db)
        fused, dense_sim = self._ranked_chunks(query, concepts)
        chunks = self.index.db.chunks(fused)
        by_section: dict[tuple[str, int], list[str]] = defaultdict(list)
        for cid in sorted(fused, key=fused.get, reverse=True):
            if cid in chunks:
                by_section[(chunks[cid].source, chunks[cid].section_start)].append(cid)
        expect, about = Expected.ranking(query.text), subject(query.text)
        # "Does CloudTrail record SageMaker InvokeEndpoint calls?": the one chunk that writes InvokeEndpoint
        written = self.index.db.term_chunks(about)
        unique = {t for t, n in written.items() if n == 1}
        # …is re-scored however low fusion ranks its section (「AWS FISって何をするためのサービス？」: FIS is
        # written once, in a section the dense search misses, below sections sharing only AWS and サービス),
        # when the notes write every name of the subject ("AWS Control Tower": not Tower, nor its Control)
        rescued = unique if all(written.get(t) for t in about) else set()
        holders = {cid for cid, _ in self.index.db.keyword_search(sorted(rescued), len(rescued))} if rescued else set()
        ranked = sorted(by_section.items(), key=lambda kv: -_section_score(fused, kv[1]))
        candidates = ranked[:RERANK] + [kv for kv in ranked[RERANK:] if holders & set(kv[1])]
        scored = []
        for (source, start), ids in candidates:
            terms = self.index.db.section_terms(source, start)
            share = coverage(concepts, terms)
            named = coverage(concepts, _own_heading_terms(chunks[ids[0]].heading_path))
            score = _section_score(fused, ids) + COVERAGE_WEIGHT * share + HEADING_WEIGHT * named
            if expect and self._gives(source, start, expect, about):
                score += VALUE_WEIGHT
            if unique & terms:
                score += UNIQUE_NAME_WEIGHT
            scored.append((score, share, source, start, ids))
        scored.sort(key=lambda s: -s[0])
        hits = []
        for score, share, source, start, ids in scored[:k]:
            section = self.index.db.section(source, start)
            hits.append(Hit(source, section[0].heading_path, section[0].start_line, section[-1].end_line,
                            round(score, 5), tuple(section), tuple(ids),
                            max((dense_sim.get(c, 0.0) for c in ids), default=0.0), round(share, 3)))
        return hits


def hit_to_document(hit: Hit) -> Document:
    return Document(page_content=hit.text, metadata={
        "source": hit.source, "heading_path": list(hit.heading_path), "start_line": hit.start_line,
        "end_line": hit.end_line, "score": hit.score})


class NotesRetriever(BaseRetriever):
    """The hybrid search as a langchain retriever: ``Document`` per section, with our metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    search: HybridSearch
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [hit_to_document(h) for h in self.search.search(Query.of(query).corrected(self.search.index.db), self.k)]
