"""notes-qa chat page: ask your notes, read cited sections, re-ingest. UI only: logic lives in rag/ and ingest/."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import streamlit as st

from ingest.errors import NotesQAError
from ingest.pipeline import Summary, changed_files, ingest
from rag.answer import Answer
from rag.assistant import EXTRACTIVE, Assistant
from rag.present import answer_markdown, citation_label, highlighted_markdown, md_escape
from rag.query import EmptyQuestion
from rag.settings import AskSettings


@dataclass(frozen=True)
class Turn:
    question: str
    answer: Answer | None = None
    error: str = ""


@st.cache_resource(show_spinner="Loading the index and models…")
def assistant() -> Assistant:
    """One per server process: settings are read here, at the edge, once."""
    return Assistant(AskSettings())


def summary_line(s: Summary) -> str:
    return (f"{s.files} files, {s.chunks} chunks — added {s.added}, updated {s.updated}, removed {s.removed} "
            f"(embedded {s.embedded}) in {s.seconds:.1f} s")


def run_ingest(a: Assistant, rebuild: bool = False) -> Summary:
    bar = st.progress(0.0, text="Indexing notes…")

    def progress(done: int, total: int) -> None:
        bar.progress(min(done / total, 1.0), text=f"Embedding {done}/{total}")

    summary = ingest(a.index, rebuild=rebuild, lock_timeout=a.settings.lock_timeout, progress=progress)
    bar.empty()
    for w in summary.warnings:
        st.warning(md_escape(w))
    return summary


def show_answer(answer: Answer) -> None:
    """The answer, then its sources; each opens to the section with the statements used highlighted."""
    for notice in answer.notices:
        st.caption(f"ℹ️ {md_escape(notice)}")
    if not answer.found:
        st.info(answer.text)
        if answer.related:
            st.caption(answer.related_heading)
            for c in answer.related:
                with st.expander(citation_label(c).removeprefix(f"[{c.n}] ")):
                    st.markdown(highlighted_markdown(c.text, ()))
        return
    st.markdown(answer_markdown(answer.text))
    st.caption("Sources")
    for c in answer.citations:
        with st.expander(citation_label(c), expanded=False):
            st.markdown(highlighted_markdown(c.text, c.used))


def sidebar(a: Assistant) -> tuple[int, str]:
    with st.sidebar:
        st.header("notes-qa")
        if st.button("New chat", icon=":material/add_comment:", use_container_width=True):
            st.session_state.turns = []
        stats = a.index.db.stats()
        last = time.strftime("%Y-%m-%d %H:%M", time.localtime(stats.last_ingest)) if stats.last_ingest else "never"
        st.markdown(f"**Index**: {stats.files} files, {stats.chunks} chunks  \n**Last ingest**: {last}  \n"
                    f"**Embedder**: `{a.index.embedder.name}`  \n**Notes**: `{a.settings.notes_dir}`")
        if st.button("Re-ingest", icon=":material/refresh:", use_container_width=True):
            try:
                st.success(summary_line(run_ingest(a)))
            except NotesQAError as exc:
                st.error(str(exc))
        k = st.slider("Sources per answer", 1, max(10, a.settings.top_k), a.settings.top_k)
        modes = list(dict.fromkeys([a.settings.answerer, EXTRACTIVE]))
        mode = st.selectbox("Answer mode", modes, disabled=len(modes) == 1,
                            help="extractive works offline; set NOTES_QA_ANSWERER=openai:<model> or "
                                 "ollama:<model> to offer an LLM answerer here.")
    return k, mode


def answer_turn(a: Assistant, question: str, history: list[str], k: int, mode: str) -> Turn:
    """Stream the answer into the page; the finished answer is re-rendered with its sources."""
    try:
        if changed_files(a.index):
            summary = run_ingest(a)
            st.caption(f"Notes changed on disk, index updated: {summary_line(summary)}")
        pieces = a.stream(question, history, k, mode)
        first = next(pieces)  # retrieval errors surface here, before anything is streamed
    except (EmptyQuestion, NotesQAError) as exc:
        st.error(str(exc))
        return Turn(question, error=str(exc))
    final: list[Answer] = []

    def text() -> Iterator[str]:
        for piece in chain([first], pieces):
            if isinstance(piece, Answer):
                final.append(piece)
            else:
                yield md_escape(piece)

    slot = st.empty()
    slot.write_stream(text())
    slot.empty()
    show_answer(final[0])
    return Turn(question, final[0])


def main() -> None:
    st.set_page_config(page_title="notes-qa", page_icon="📝", layout="wide")
    try:
        a = assistant()
        if not a.index.db.stats().chunks:
            with st.spinner("First start: indexing your notes…"):
                st.success(summary_line(run_ingest(a)))
    except NotesQAError as exc:
        st.error(str(exc))
        st.stop()
    k, mode = sidebar(a)
    turns: list[Turn] = st.session_state.setdefault("turns", [])
    if not turns:
        st.title("Ask your notes")
        st.caption("日本語でも英語でも質問できます。Every answer cites the note sections it came from.")
    for t in turns:
        with st.chat_message("user"):
            st.text(t.question)
        with st.chat_message("assistant"):
            if t.error:
                st.error(t.error)
            else:
                show_answer(t.answer)
    question = st.chat_input("ノートに質問する / Ask your notes…")
    if question is None:
        return
    with st.chat_message("user"):
        st.text(question)
    with st.chat_message("assistant"):
        turns.append(answer_turn(a, question, [t.question for t in turns if t.answer], k, mode))


main()
