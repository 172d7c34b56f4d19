"""Ingest benchmark: ``python -m bench.ingest_bench [--notes-dir notes] [--json] [--repeat 3]``.

Everything runs as the user runs it, ``python -m rag.cli ingest --json`` in a child process, so each wall time
includes interpreter start-up, imports, opening Chroma and loading the embedding model. Measured on a copy
of the notes in a temporary folder, with fresh temporary index folders; all of it is deleted at the end and
nothing is written in the repository.

- full ingest: a fresh process on an empty index folder (a new folder for each repetition). "Cold" means a
  new process and an empty index, not a cold OS file cache: only the first repetition may read the model
  files from disk.
- no-change re-ingest: the same notes again on the built index; ``embedded`` must be 0.
- one-line edit: one existing body line of one note gets text appended (a different text each repetition),
  then a re-ingest; ``embedded`` is the number of chunks that needed a new vector.
- peak RSS of the full-ingest child: its ``ru_maxrss``, read with ``os.wait4`` — the same ``rusage`` that
  ``resource.getrusage(RUSAGE_CHILDREN)`` sums, but for that one child, so a bigger earlier child cannot
  mask it. ``RUSAGE_CHILDREN`` is kept as a cross-check in the JSON output.

Timings are the median of ``--repeat`` runs (default 3); every run is listed too.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"full_s": 5.0, "no_change_s": 1.5, "no_change_embedded": 0, "peak_rss_mb": 600.0}
NOTE_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass
class Child:
    """One finished ``rag.cli`` child process."""

    seconds: float  # wall time from spawn to exit
    cpu_seconds: float  # user + system CPU time of the child: less sensitive than wall time to a busy machine
    maxrss_mb: float  # this child's peak resident set size
    summary: dict  # the ingest's JSON summary (empty for other commands)
    stdout: str


def _rss_mb(ru_maxrss: int) -> float:
    """``ru_maxrss`` is in KiB on Linux, in bytes on macOS."""
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def child_env() -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    # importable even when notes-qa is not installed in this interpreter
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def run_cli(args: list[str], timeout: float) -> Child:
    """Run ``python -m rag.cli ARGS`` and time it; raises ``RuntimeError`` with its stderr if it fails."""
    cmd = [sys.executable, "-m", "rag.cli", *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=child_env())
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode} after {seconds:.1f} s:\n{stderr[-4000:]}")
    summary = {}
    if args[0] == "ingest":
        summary = json.loads(stdout.strip().splitlines()[-1])
    return Child(seconds, usage.ru_utime + usage.ru_stime, _rss_mb(usage.ru_maxrss), summary, stdout)


def ingest(notes: Path, data: Path, timeout: float) -> Child:
    return run_cli(["ingest", "--json", "--notes-dir", str(notes), "--data-dir", str(data)], timeout)


def pick_line(notes: Path) -> tuple[Path, int]:
    """A body line near the middle of the largest note: not blank, not a heading, not a code fence."""
    files = sorted((p for p in notes.rglob("*") if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(notes).parts)),
                   key=lambda p: (-p.stat().st_size, p.as_posix()))
    if not files:
        raise SystemExit(f"No notes (.md, .markdown, .txt) in {notes}")
    path = files[0]
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    order = list(range(len(lines) // 2, len(lines))) + list(range(len(lines) // 2))
    for i in order:
        s = lines[i].strip()
        if s and not s.startswith(("#", "```", "~~~", "|", "<")):
            return path, i
    raise SystemExit(f"No body line to edit in {path}")


def edit_line(path: Path, index: int, rep: int) -> None:
    """Append a marker to line ``index`` (0-based), replacing the marker of an earlier repetition."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\n")
    cr = "\r" if lines[index].endswith("\r") else ""
    base = lines[index].removesuffix("\r").split(" (bench edit ", 1)[0]
    lines[index] = f"{base} (bench edit {rep}){cr}"
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines), encoding="utf-8", newline="")


def stats(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "runs": [round(v, 3) for v in values]}


def bench(notes_src: Path, repeat: int, timeout: float, progress) -> dict:
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="notes-qa-bench-") as tmp_name:
        tmp = Path(tmp_name)
        notes = tmp / "notes"
        shutil.copytree(notes_src, notes, symlinks=False)
        for p in [notes, *notes.rglob("*")]:  # bundled notes are read-only; the copy must take an edit
            p.chmod(p.stat().st_mode | 0o200)

        full: list[Child] = []
        for rep in range(repeat):
            data = tmp / f"data-{rep}"
            full.append(ingest(notes, data, timeout))
            progress(f"full ingest {rep + 1}/{repeat}: {full[-1].seconds:.2f} s, {full[-1].maxrss_mb:.0f} MB, "
                     f"embedded {full[-1].summary['embedded']}")
            if rep < repeat - 1:
                shutil.rmtree(data)
        rusage_children_mb = _rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        data = tmp / f"data-{repeat - 1}"

        same: list[Child] = []
        for rep in range(repeat):
            same.append(ingest(notes, data, timeout))
            progress(f"no-change re-ingest {rep + 1}/{repeat}: {same[-1].seconds:.2f} s, "
                     f"embedded {same[-1].summary['embedded']}")

        path, index = pick_line(notes)
        edits: list[Child] = []
        for rep in range(repeat):
            edit_line(path, index, rep + 1)
            edits.append(ingest(notes, data, timeout))
            progress(f"one-line-edit re-ingest {rep + 1}/{repeat}: {edits[-1].seconds:.2f} s, "
                     f"embedded {edits[-1].summary['embedded']}")

        status = json.loads(run_cli(["status", "--notes-dir", str(notes), "--data-dir", str(data)],
                                    timeout).stdout.strip().splitlines()[-1])

    first = full[0].summary
    return {
        "notes_dir": str(notes_src), "files": first["files"], "chunks": first["chunks"],
        "embedder": status.get("embedder"), "python": platform.python_version(), "cores": _cores(),
        "edited": {"file": path.relative_to(notes).as_posix(), "line": index + 1},
        "full_s": stats([c.seconds for c in full]),
        "full_inprocess_s": stats([c.summary["seconds"] for c in full]),
        "full_cpu_s": stats([c.cpu_seconds for c in full]),
        "full_embedded": [c.summary["embedded"] for c in full],
        "no_change_s": stats([c.seconds for c in same]),
        "no_change_inprocess_s": stats([c.summary["seconds"] for c in same]),
        "no_change_cpu_s": stats([c.cpu_seconds for c in same]),
        "no_change_embedded": [c.summary["embedded"] for c in same],
        "edit_s": stats([c.seconds for c in edits]),
        "edit_inprocess_s": stats([c.summary["seconds"] for c in edits]),
        "edit_cpu_s": stats([c.cpu_seconds for c in edits]),
        "edit_embedded": [c.summary["embedded"] for c in edits],
        "peak_rss_mb": {"max": round(max(c.maxrss_mb for c in full), 1), "runs": [round(c.maxrss_mb, 1) for c in full],
                        "rusage_children_after_full_mb": round(rusage_children_mb, 1)},
        "summaries": {"full": [c.summary for c in full], "no_change": [c.summary for c in same],
                      "edit": [c.summary for c in edits]},
        "load_average_before": load_before, "load_average_after": _load(),
        "targets": TARGETS,
    }


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _load() -> list[float] | None:
    """1/5/15-minute load averages: other work on the machine inflates wall times."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _runs(values: list, fmt: str) -> str:
    return ", ".join(format(v, fmt) for v in values)


def table(r: dict) -> str:
    t = r["targets"]

    def ok(good: bool) -> str:
        return "yes" if good else "**no**"

    def timing(label: str, key: str, target: str = "", met: str = "") -> tuple[str, ...]:
        return (label, f"{r[key + '_s']['median']:.2f}", _runs(r[key + "_s"]["runs"], ".2f"),
                f"{r[key + '_inprocess_s']['median']:.2f}", f"{r[key + '_cpu_s']['median']:.2f}", target, met)

    no_change_embedded = max(r["no_change_embedded"])
    rows = [
        timing("full ingest, new process + empty index (s)", "full", f"≤ {t['full_s']:g} s",
               ok(r["full_s"]["median"] <= t["full_s"])),
        timing("no-change re-ingest (s)", "no_change", f"≤ {t['no_change_s']:g} s",
               ok(r["no_change_s"]["median"] <= t["no_change_s"])),
        ("no-change chunks embedded (max)", str(no_change_embedded), _runs(r["no_change_embedded"], "d"), "", "",
         f"= {t['no_change_embedded']}", ok(no_change_embedded == t["no_change_embedded"])),
        timing("one-line-edit re-ingest (s)", "edit"),
        ("one-line-edit chunks embedded", f"{statistics.median(r['edit_embedded']):g}",
         _runs(r["edit_embedded"], "d"), "", "", "", ""),
        ("peak RSS of full ingest (MB, max of runs)", f"{r['peak_rss_mb']['max']:.0f}",
         _runs(r["peak_rss_mb"]["runs"], ".0f"), "", "", f"≤ {t['peak_rss_mb']:g} MB",
         ok(r["peak_rss_mb"]["max"] <= t["peak_rss_mb"])),
    ]
    head = (f"notes: {r['notes_dir']} ({r['files']} files, {r['chunks']} chunks), embedder {r['embedder']}, "
            f"Python {r['python']}, {r['cores']} cores, load average {r['load_average_before']} before and "
            f"{r['load_average_after']} after; edited {r['edited']['file']} line {r['edited']['line']}\n\n"
            "| measure | median | runs | ingest's own seconds (median) | child CPU s (median) | target | met |\n"
            "|---|---|---|---|---|---|---|")
    return head + "\n" + "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.ingest_bench", description=__doc__.split("\n", 1)[0])
    p.add_argument("--notes-dir", type=Path, default=REPO / "notes",
                   help="notes to ingest (default: the bundled notes)")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    p.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds before a child is killed")
    args = p.parse_args(argv)
    if not args.notes_dir.is_dir():
        p.error(f"not a folder: {args.notes_dir}")
    if args.repeat < 1:
        p.error("--repeat must be at least 1")

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    result = bench(args.notes_dir.resolve(), args.repeat, args.timeout, progress)
    print(json.dumps(result, ensure_ascii=False) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
