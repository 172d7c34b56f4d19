"""Ask: question (+ conversation) -> retrieval -> answer. The one entry point the CLI and the page share."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.index import Index
from rag.answer import Answer, extractive_answer
from rag.query import Query
from rag.retrieve import HybridSearch
from rag.settings import AskSettings


@dataclass(frozen=True)
class Timed:
    answer: Answer
    seconds: float


class Assistant:
    """Holds the opened index and models; ask it questions."""

    def __init__(self, settings: AskSettings, index: Index | None = None) -> None:
        self.settings = settings
        self.index = index or Index.open(settings)
        self.search = HybridSearch(self.index)

    def query(self, question: str, history: Sequence[str] = ()) -> Query:
        """Raises ``EmptyQuestion`` for a blank question."""
        return Query.of(question, tuple(history), self.settings.max_question_chars)

    def _notices(self, query: Query) -> tuple[str, ...]:
        if query.truncated:
            return (f"The question was cut to its first {self.settings.max_question_chars} characters.",)
        return ()

    def ask(self, question: str, history: Sequence[str] = (), k: int | None = None) -> Answer:
        query = self.query(question, history)
        hits = self.search.search(query, k or self.settings.top_k)
        return extractive_answer(query, hits, self.index.db, self._notices(query))

    def ask_timed(self, question: str, history: Sequence[str] = ()) -> Timed:
        t0 = time.perf_counter()
        answer = self.ask(question, history)
        return Timed(answer, time.perf_counter() - t0)


def assistant_system(assistant: Assistant):
    """The assistant as an eval ``System``: question -> Result."""
    from rag.eval import Result

    def run(question: str) -> Result:
        timed = assistant.ask_timed(question)
        cites = [(c.source, c.start_line, c.end_line) for c in timed.answer.citations]
        return Result(timed.answer.text, timed.answer.found, cites, timed.seconds)

    return run
