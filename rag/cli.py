"""``notes-qa``: ingest, ask, eval and status from the terminal. Domain errors become messages here."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunk import PATH_SEP
from ingest.errors import NotesQAError
from ingest.index import Index
from ingest.pipeline import Summary, ingest
from rag.settings import AskSettings

if TYPE_CHECKING:  # the query side (langchain retrievers, answerers) loads only for ask/eval
    from rag.answer import Answer
    from rag.assistant import Timed

EXIT_USAGE = 2


def _settings(args: argparse.Namespace) -> AskSettings:
    given = {"notes_dir": args.notes_dir, "data_dir": args.data_dir, "chroma_url": args.chroma_url}
    overrides = {k: v for k, v in given.items() if v}
    return AskSettings(**overrides)


def _progress_bar():
    from tqdm import tqdm

    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="chunk", desc="embedding", file=sys.stderr, disable=None)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def print_summary(s: Summary) -> None:
    for line in s.notices:
        print(line)
    for line in s.warnings:
        print(f"warning: {line}", file=sys.stderr)
    print(f"{s.files} files, {s.chunks} chunks in the index; embedded {s.embedded} "
          f"(added {s.added}, updated {s.updated}, removed {s.removed}, moved {s.relocated}, "
          f"reused {s.reused}; skipped {s.skipped} files) in {s.seconds:.2f} s")


def cmd_ingest(args: argparse.Namespace) -> int:
    settings = _settings(args)
    index = Index.open(settings)
    summary = ingest(index, rebuild=args.rebuild, progress=None if args.json else _progress_bar(),
                     lock_timeout=0 if args.no_wait else settings.lock_timeout)
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print_summary(summary)
    return 0


def _answer_json(question: str, timed: Timed) -> dict:
    a = timed.answer
    return {"question": question, "answer": a.text, "found": a.found,
            "citations": [c.as_dict() for c in a.citations], "related": [c.as_dict() for c in a.related],
            "notices": list(a.notices), "seconds": round(timed.seconds, 4)}


def print_answer(a: Answer) -> None:
    for notice in a.notices:
        print(f"note: {notice}")
    print(a.text)
    cites = a.citations or a.related
    if cites:
        print("\nSources:" if a.citations else f"\n{a.related_heading}")
    for c in cites:
        print(f"[{c.n}] {c.source} › {PATH_SEP.join(c.heading_path)} (lines {c.start_line}-{c.end_line})")


def cmd_ask(args: argparse.Namespace) -> int:
    from rag.assistant import Assistant
    from rag.query import EmptyQuestion

    assistant = Assistant(_settings(args))
    if args.question is None:
        if not args.json:
            raise NotesQAError("Give a question, or --json to read questions from stdin, one per line")
        for line in sys.stdin:
            question = line.rstrip("\n")
            try:
                out = _answer_json(question, assistant.ask_timed(question))
            except EmptyQuestion as exc:
                out = {"question": question, "error": str(exc)}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    try:
        timed = assistant.ask_timed(args.question)
    except EmptyQuestion as exc:
        raise NotesQAError(str(exc)) from None
    if args.json:
        print(json.dumps(_answer_json(args.question, timed), ensure_ascii=False))
    else:
        print_answer(timed.answer)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from rag.assistant import Assistant, assistant_system
    from rag.eval import HEADER, Judge, evaluate, load

    settings = _settings(args)
    assistant = Assistant(settings)
    questions = load(args.questions)
    report = evaluate("notes-qa", assistant_system(assistant), questions, Judge(settings.notes_dir))
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False))
        return 0
    print(HEADER)
    print(report.row())
    if args.verbose:
        for m in report.misses:
            print(json.dumps(m, ensure_ascii=False))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    index = Index.open(_settings(args))
    st = index.db.stats()
    print(json.dumps({"files": st.files, "chunks": st.chunks, "embedder": st.embedder,
                      "last_ingest": st.last_ingest}, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="notes-qa", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--notes-dir", help="notes folder (default: NOTES_QA_NOTES_DIR or notes/)")
    common.add_argument("--data-dir", help="index folder (default: NOTES_QA_DATA_DIR or .notes-qa/)")
    common.add_argument("--chroma-url", help="Chroma server URL (default: NOTES_QA_CHROMA_URL or a local store)")
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("ingest", parents=[common], help="index the notes (incremental)")
    pi.add_argument("--rebuild", action="store_true", help="drop the index and embed everything again")
    pi.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    pi.add_argument("--no-wait", action="store_true", help="exit at once if another ingest is running")
    pi.set_defaults(func=cmd_ingest)

    pa = sub.add_parser("ask", parents=[common], help="answer a question with cited sections")
    pa.add_argument("question", nargs="?", help="the question; omit with --json to read stdin lines")
    pa.add_argument("--json", action="store_true", help="one JSON object per answer")
    pa.set_defaults(func=cmd_ask)

    pe = sub.add_parser("eval", parents=[common], help="measure on question sets (JSON lines)")
    pe.add_argument("questions", nargs="+", type=Path, help="question files, e.g. eval/dev.jsonl")
    pe.add_argument("--json", action="store_true", help="print the report as JSON")
    pe.add_argument("-v", "--verbose", action="store_true", help="list the questions missed")
    pe.set_defaults(func=cmd_eval)

    ps = sub.add_parser("status", parents=[common], help="what is indexed")
    ps.set_defaults(func=cmd_status)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NotesQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `notes-qa ask … | head`: the reader has stopped reading, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
