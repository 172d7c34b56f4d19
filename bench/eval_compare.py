"""notes-qa vs the textbook LangChain pipeline on the same questions, in one process.

``python -m bench.eval_compare eval/dev.jsonl [eval/own.jsonl ...] [--notes-dir notes] [--json]``

Both systems index the notes afresh in temporary folders (deleted at the end; nothing is written in the
repository): notes-qa with its own pipeline (``ingest.pipeline.ingest``, settings from ``AskSettings`` as
the CLI reads them, with the temporary ``data_dir``), the baseline as in ``bench.langchain_baseline``. Each
system answers one question before any measurement, so latencies are warm (``rag.eval.evaluate`` also warms
on each set's first question). Reports: one table per question file, then all files together when there
are several.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build_systems(notes_dir: Path, tmp: Path) -> list[tuple[str, object, dict]]:
    """[(name, system, build info)] with both indexes built and both systems warm."""
    from bench.langchain_baseline import NAME, LangChainBaseline
    from ingest.index import Index
    from ingest.pipeline import ingest
    from rag.assistant import Assistant, assistant_system
    from rag.settings import AskSettings

    t0 = time.perf_counter()
    settings = AskSettings(notes_dir=notes_dir, data_dir=tmp / "notes-qa")
    index = Index.open(settings)
    summary = ingest(index)
    ours = assistant_system(Assistant(settings, index))
    ours("warm-up")
    info_ours = {"build_seconds": round(time.perf_counter() - t0, 2), "chunks": summary.chunks,
                 "embedder": index.embedder.name}
    _log(f"notes-qa: {summary.chunks} chunks, embedder {index.embedder.name}, "
         f"ready in {info_ours['build_seconds']:.1f} s")

    t0 = time.perf_counter()
    baseline = LangChainBaseline(notes_dir, tmp / "langchain")
    baseline("warm-up")
    info_lc = {"build_seconds": round(time.perf_counter() - t0, 2), "chunks": len(baseline.chunks),
               "embedder": baseline.embeddings_backend}
    _log(f"LangChain: {len(baseline.chunks)} chunks, {baseline.embeddings_backend}, "
         f"ready in {info_lc['build_seconds']:.1f} s")
    return [("notes-qa", ours, info_ours), (NAME, baseline, info_lc)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.eval_compare", description=__doc__.split("\n", 1)[0])
    p.add_argument("questions", nargs="+", type=Path, help="question files (JSON lines), e.g. eval/dev.jsonl")
    p.add_argument("--notes-dir", type=Path, default=Path("notes"), help="notes folder (default: notes/)")
    p.add_argument("--json", action="store_true", help="print all reports as one JSON object")
    p.add_argument("-v", "--verbose", action="store_true", help="list each system's misses after its table")
    args = p.parse_args(argv)
    for q in args.questions:
        if not q.is_file():
            p.error(f"question file not found: {q}")
    if not args.notes_dir.is_dir():
        p.error(f"notes folder not found: {args.notes_dir}")

    from rag.eval import HEADER, Judge, evaluate, load

    notes_dir = args.notes_dir.resolve()
    sets = [(str(q), load([q])) for q in args.questions]
    if len(sets) > 1:
        sets.append((" + ".join(str(q) for q in args.questions), [x for _, qs in sets for x in qs]))
    judge = Judge(notes_dir)

    with tempfile.TemporaryDirectory(prefix="notes-qa-compare-") as tmp:
        systems = build_systems(notes_dir, Path(tmp))
        results = [(label, questions, [evaluate(name, system, questions, judge) for name, system, _ in systems])
                   for label, questions in sets]

    if args.json:
        print(json.dumps({
            "notes_dir": str(notes_dir),
            "systems": {name: info for name, _, info in systems},
            "sets": [{"questions": label, "n": len(qs), "reports": [asdict(r) for r in reports]}
                     for label, qs, reports in results],
        }, ensure_ascii=False))
        return 0
    for label, questions, reports in results:
        n_ans = sum(q["answerable"] for q in questions)
        print(f"\n### {label}: {len(questions)} questions ({n_ans} answerable)\n")
        print(HEADER)
        for r in reports:
            print(r.row())
        if args.verbose:
            for r in reports:
                for m in r.misses:
                    print(f"{r.name[:9]} miss: {json.dumps(m, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
