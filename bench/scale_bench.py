"""Scale benchmark: synthetic corpora of 1k / 10k / 100k chunks, local store and Chroma server mode.

``python -m bench.scale_bench [--sizes 1000 10000 100000] [--modes local server] [--out docs/scale.json]
[--plot docs/scale.png]``. For each size and mode, on a fresh temporary folder (deleted afterwards):

- full ingest through the CLI in a new process (chunks/s = chunks / wall seconds, start-up included);
- no-change re-ingest and one-file-edit re-ingest, each a new CLI process (wall seconds);
- ask latency, warm, in one process: p50/p95 over questions about the synthetic notes and the dev set;
- keyword index: size of ``index.sqlite`` (manifest + FTS5) and the time to tokenise and insert every chunk
  into a fresh one;
- peak RSS: the largest ``ru_maxrss`` of those processes.
Server mode starts ``chroma run --path <tmp> --host 127.0.0.1 --port <free>`` and stops it by PID.
``--profile`` prints where an ask spends its time (cProfile, top functions) for the largest size.
``--profile-ingest N`` instead profiles one in-process full ingest of N synthetic chunks (local store).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from bench.ingest_bench import REPO, Child, child_env, edit_line, pick_line, run_cli
from bench.procs import chroma_server
from bench.synth import SERVICES, TOPICS, generate

CHUNKS_PER_NOTE = 10
TARGETS = "ingest ≥ 250 chunks/s at 100k; no-change ≤ 10 s; one-file edit ≤ 3 s; ask p50 ≤ 100 ms, p95 ≤ 250 ms"


def questions() -> list[str]:
    synthetic = [f"{svc}の{topic}について教えて" for svc, topic in zip(SERVICES, TOPICS * 3, strict=False)]
    dev = [json.loads(line)["q"] for line in (REPO / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    return synthetic[:30] + dev


def ask_child(notes: Path, data: Path, chroma_url: str, profile: bool) -> dict:
    """Runs inside a child process: warm ask latency and keyword index build time."""
    from ingest.indexdb import IndexDB
    from rag.assistant import Assistant
    from rag.settings import AskSettings

    settings = AskSettings(notes_dir=notes, data_dir=data, chroma_url=chroma_url)
    assistant = Assistant(settings)
    qs = questions()
    for q in qs[:3]:
        assistant.ask(q)
    times = []
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for q in qs:
        t0 = time.perf_counter()
        assistant.ask(q)
        times.append(time.perf_counter() - t0)
    if profiler:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    db = assistant.index.db
    chunks = list(db.chunks([r.id for r in db.indexed()]).values())
    with tempfile.TemporaryDirectory() as tmp:
        fresh = IndexDB(Path(tmp) / "kw.sqlite")
        t0 = time.perf_counter()
        with fresh.transaction() as w:
            w.put_chunks(chunks)
        kw_build = time.perf_counter() - t0
        fresh.close()
    times.sort()
    return {"ask_p50_ms": 1000 * statistics.median(times), "ask_p95_ms": 1000 * times[round(0.95 * (len(times) - 1))],
            "questions": len(times), "kw_build_s": kw_build,
            "index_sqlite_mb": (data / "index.sqlite").stat().st_size / 1e6}


def profile_ingest(size: int) -> None:
    """Where a full ingest spends its time: cProfile of one in-process run, top functions by own time."""
    import cProfile
    import pstats

    from ingest.index import Index
    from ingest.pipeline import ingest
    from ingest.settings import Settings

    with tempfile.TemporaryDirectory(prefix="notes-qa-profile-") as tmp_name:
        notes, data = Path(tmp_name) / "notes", Path(tmp_name) / "data"
        generate(notes, max(1, size // CHUNKS_PER_NOTE))
        index = Index.open(Settings(_env_file=None, notes_dir=notes, data_dir=data))
        profiler = cProfile.Profile()
        summary = profiler.runcall(ingest, index)
        print(f"{summary.chunks} chunks in {summary.seconds:.1f} s (under the profiler)")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        index.close()


def run_ask_child(notes: Path, data: Path, chroma_url: str, profile: bool, timeout: float) -> tuple[dict, float]:
    """The ask measurements in a fresh process; returns them and that process's peak RSS (MB)."""
    cmd = [sys.executable, "-m", "bench.scale_bench", "--ask-child", str(notes), str(data), chroma_url or "-"]
    if profile:
        cmd.append("--profile")
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=None if profile else subprocess.PIPE,
                          env=child_env(), cwd=REPO, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"ask child failed: {proc.stderr[-3000:] if proc.stderr else proc.stdout[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result, result.pop("maxrss_mb")


def one(size: int, mode: str, profile: bool, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="notes-qa-scale-") as tmp_name:
        tmp = Path(tmp_name)
        notes, data = tmp / "notes", tmp / "data"
        generate(notes, max(1, size // CHUNKS_PER_NOTE))
        with chroma_server(tmp / "server") if mode == "server" else nullcontext(("", None)) as (url, _proc):
            extra = ["--chroma-url", url] if url else []
            args = ["ingest", "--json", "--notes-dir", str(notes), "--data-dir", str(data), *extra]
            full: Child = run_cli(args, timeout)
            none: Child = run_cli(args, timeout)
            path, line = pick_line(notes)
            edit_line(path, line, 1)
            edit: Child = run_cli(args, timeout)
            asked, ask_rss = run_ask_child(notes, data, url, profile, timeout)
        chunks = full.summary["chunks"]
        return {"mode": mode, "chunks": chunks, "notes": len(list(notes.rglob("*.md"))),
                "ingest_s": full.seconds, "ingest_chunks_per_s": chunks / full.seconds,
                "no_change_s": none.seconds, "no_change_embedded": none.summary["embedded"],
                "edit_s": edit.seconds, "edit_embedded": edit.summary["embedded"], **asked,
                "peak_rss_mb": max(full.maxrss_mb, none.maxrss_mb, edit.maxrss_mb, ask_rss)}


def table(rows: list[dict]) -> str:
    out = ["| mode | chunks | ingest s | chunks/s | no-change s | edit s (embedded) | ask p50 ms | ask p95 ms | "
           "index.sqlite MB | keyword build s | peak RSS MB |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['mode']} | {r['chunks']} | {r['ingest_s']:.1f} | {r['ingest_chunks_per_s']:.0f} | "
                   f"{r['no_change_s']:.2f} | {r['edit_s']:.2f} ({r['edit_embedded']}) | {r['ask_p50_ms']:.1f} | "
                   f"{r['ask_p95_ms']:.1f} | {r['index_sqlite_mb']:.1f} | {r['kw_build_s']:.1f} | "
                   f"{r['peak_rss_mb']:.0f} |")
    for mode in dict.fromkeys(r["mode"] for r in rows):
        mine = [r for r in rows if r["mode"] == mode]
        if len(mine) > 1:
            out.append(f"\n{mode}: ask p50 ratio {mine[-1]['chunks']}/{mine[0]['chunks']} chunks = "
                       f"{mine[-1]['ask_p50_ms'] / mine[0]['ask_p50_ms']:.2f}x")
    return "\n".join(out)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    for mode in dict.fromkeys(r["mode"] for r in rows):
        mine = [r for r in rows if r["mode"] == mode]
        n = [r["chunks"] for r in mine]
        a.plot(n, [r["ask_p50_ms"] for r in mine], "o-", label=f"{mode} p50")
        a.plot(n, [r["ask_p95_ms"] for r in mine], "s--", label=f"{mode} p95")
        b.plot(n, [r["ingest_s"] for r in mine], "o-", label=f"{mode} full ingest")
        b.plot(n, [r["no_change_s"] for r in mine], "s--", label=f"{mode} no-change")
    for ax, title, unit in ((a, "ask latency (warm)", "ms"), (b, "ingest wall time", "s")):
        ax.set_xscale("log")
        ax.set_xlabel("chunks")
        ax.set_ylabel(unit)
        ax.set_title(title)
        ax.grid(True, alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    p.add_argument("--modes", nargs="+", default=["local", "server"], choices=["local", "server"])
    p.add_argument("--out", type=Path, help="write the rows as JSON here")
    p.add_argument("--plot", type=Path, help="write a PNG plot here")
    p.add_argument("--profile", action="store_true", help="profile asks at the largest size")
    p.add_argument("--profile-ingest", type=int, metavar="N", help="profile a full ingest of N chunks, then stop")
    p.add_argument("--timeout", type=float, default=1800)
    p.add_argument("--ask-child", nargs=3, metavar=("NOTES", "DATA", "URL"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.ask_child:
        import resource

        notes, data, url = args.ask_child
        result = ask_child(Path(notes), Path(data), "" if url == "-" else url, args.profile)
        result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if args.profile_ingest:
        profile_ingest(args.profile_ingest)
        return
    rows = []
    for mode in args.modes:
        for size in args.sizes:
            print(f"{mode} {size} chunks…", file=sys.stderr, flush=True)
            rows.append(one(size, mode, args.profile and size == max(args.sizes), args.timeout))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"Targets: {TARGETS}\n")
    print(table(rows))
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    if args.plot:
        plot(rows, args.plot)


if __name__ == "__main__":
    main()
