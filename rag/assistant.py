"""Ask: question (+ conversation) -> retrieval -> answer. The one entry point the CLI and the page share."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from langchain_core.language_models.chat_models import BaseChatModel

from ingest.index import Index
from rag.answer import Answer, extractive_answer
from rag.llm import LLMUnavailable, clean_stream, make_chat_model, stream_answer
from rag.query import Query
from rag.retrieve import HybridSearch
from rag.settings import AskSettings

log = logging.getLogger(__name__)
EXTRACTIVE = "extractive"


@dataclass(frozen=True)
class Timed:
    answer: Answer
    seconds: float


class Assistant:
    """Holds the opened index and models; ask it questions."""

    def __init__(self, settings: AskSettings, index: Index | None = None,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.index = index or Index.open(settings)
        self.search = HybridSearch(self.index)
        self._chat_model = chat_model

    def query(self, question: str, history: Sequence[str] = ()) -> Query:
        """Raises ``EmptyQuestion`` for a blank question."""
        return Query.of(question, tuple(history), self.settings.max_question_chars)

    def chat_model(self) -> BaseChatModel:
        if self._chat_model is None:
            s = self.settings
            self._chat_model = make_chat_model(s.answerer, s.llm_base_url, s.llm_api_key, s.llm_timeout)
        return self._chat_model

    def stream(self, question: str, history: Sequence[str] = (), k: int | None = None,
               answerer: str | None = None) -> Iterator[str | Answer]:
        """Pieces of answer text as they are produced, then the final ``Answer``."""
        query = self.query(question, history).corrected(self.index.db)
        hits = self.search.search(query, k or self.settings.top_k)
        notices = tuple(f"Read “{typed}” as “{term}”." for typed, term in query.corrections)
        if query.truncated:
            notices += (f"The question was cut to its first {self.settings.max_question_chars} characters.",)
        offline = extractive_answer(query, hits, self.index.db, notices)
        mode = answerer or self.settings.answerer
        if mode == EXTRACTIVE or not offline.found:
            yield from offline.text.splitlines(keepends=True)
            yield offline
            return
        parts: list[str] = []
        try:
            history_used = (query.context,) if query.context else ()
            for piece in clean_stream(stream_answer(self.chat_model(), query.text, hits, history_used), len(hits)):
                parts.append(piece)
                yield piece
        except Exception as exc:  # any model or transport failure means: answer offline, say why
            log.warning("LLM answerer %s failed: %r", mode, exc)
            why = str(exc) if isinstance(exc, LLMUnavailable) else exc.__class__.__name__
            notice = f"The LLM answerer ({mode}) is unavailable ({why}); showing the offline answer."
            yield "\n\n" if parts else ""
            yield from offline.text.splitlines(keepends=True)
            yield replace(offline, notices=(*offline.notices, notice))
            return
        yield replace(offline, text="".join(parts).strip())

    def ask(self, question: str, history: Sequence[str] = (), k: int | None = None,
            answerer: str | None = None) -> Answer:
        *_, answer = self.stream(question, history, k, answerer)
        assert isinstance(answer, Answer)
        return answer

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
