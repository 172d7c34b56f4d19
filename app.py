"""notes-qa chat page: ask your notes, read cited sections, re-ingest. UI only: logic lives in rag/ and ingest/."""

from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st

from ingest.errors import NotesQAError
from ingest.pipeline import Summary, changed_files, ingest
from rag.answer import RELATED, Answer
from rag.assistant import Assistant
from rag.present import answer_markdown, citation_label, highlighted_markdown
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
        st.warning(w)
    return summary


def show_answer(answer: Answer, stream: bool = False) -> None:
    """The answer (streamed when new), then its sources; each opens to the section, statements used highlighted."""
    for notice in answer.notices:
        st.caption(f"ℹ️ {notice}")
    if not answer.found:
        st.info(answer.text)
        if answer.related:
            st.caption(RELATED[not answer.question.isascii()])
            for c in answer.related:
                with st.expander(citation_label(c).removeprefix(f"[{c.n}] ")):
                    st.markdown(highlighted_markdown(c.text, ()))
        return
    shown = answer_markdown(answer.text)
    if stream:
        st.write_stream(line for line in shown.splitlines(keepends=True))
    else:
        st.markdown(shown)
    st.caption("Sources")
    for c in answer.citations:
        with st.expander(citation_label(c), expanded=False):
            st.markdown(highlighted_markdown(c.text, c.used))


def sidebar(a: Assistant) -> int:
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
        k = st.slider("Sources per answer", 1, 10, a.settings.top_k)
        st.selectbox("Answer mode", ["extractive (offline)"], disabled=True,
                     help="Set NOTES_QA_ANSWERER=openai:<model> or ollama:<model> for an LLM answerer.")
    return k


def answer_turn(a: Assistant, question: str, history: list[str], k: int) -> Turn:
    try:
        if changed_files(a.index):
            summary = run_ingest(a)
            st.caption(f"Notes changed on disk, index updated: {summary_line(summary)}")
        answer = a.ask(question, history, k)
    except (EmptyQuestion, NotesQAError) as exc:
        return Turn(question, error=str(exc))
    return Turn(question, answer)


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
    k = sidebar(a)
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
        turn = answer_turn(a, question, [t.question for t in turns if t.answer], k)
        if turn.error:
            st.error(turn.error)
        else:
            show_answer(turn.answer, stream=True)
    turns.append(turn)


main()
