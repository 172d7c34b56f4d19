"""Evaluation on question sets (format: ../shared/eval/README.md): retrieval hits, facts, refusals, speed.

A citation hits a gold section when it names the same file and its line range overlaps the section's
own span (heading line to the line before the next heading), so any chunking is judged alike.
"""

from __future__ import annotations

import json
import statistics
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.files import scan
from ingest.parse import clean_title, heading_spans

K = 5


@dataclass(frozen=True)
class Result:
    """What a system returned for one question, in the CLI's JSON terms."""

    answer: str
    found: bool
    citations: list[tuple[str, int, int]]  # (source, start_line, end_line) in rank order
    seconds: float


System = Callable[[str], Result]


def load(paths: Iterable[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


class Judge:
    """Finds gold sections' spans in the notes folder."""

    def __init__(self, notes_dir: Path) -> None:
        self.files = {n.source: n.path for n in scan(notes_dir)}

    @cache  # noqa: B019 - one judge per run, few files
    def _spans(self, source: str) -> list[tuple[tuple[str, ...], int, int]]:
        return heading_spans(self.files[source].read_text(encoding="utf-8-sig"))

    def gold_spans(self, gold: list) -> list[tuple[str, int, int]]:
        out = []
        for prefix, headings in gold:
            want = tuple(clean_title(h) for h in headings)
            for source in self.files:
                if Path(source).name.startswith(prefix):
                    out += [(source, a, b) for path, a, b in self._spans(source) if path[-len(want):] == want]
        return out

    def first_hit(self, citations: list[tuple[str, int, int]], gold: list) -> int | None:
        spans = self.gold_spans(gold)
        for rank, (src, a, b) in enumerate(citations[:K]):
            if any(src == g_src and a <= g_b and g_a <= b for g_src, g_a, g_b in spans):
                return rank
        return None


@dataclass
class Report:
    name: str
    n_answerable: int
    hit1: float
    hit5: float
    mrr5: float
    fact: float
    unanswerable_detected: str
    false_refusals: int
    p50_ms: float
    p95_ms: float
    misses: list[dict]

    def row(self) -> str:
        return (f"| {self.name} | {self.hit1:.3f} | {self.hit5:.3f} | {self.mrr5:.3f} | {self.fact:.3f} | "
                f"{self.unanswerable_detected} | {self.false_refusals} | {self.p50_ms:.1f} | {self.p95_ms:.1f} |")


HEADER = ("| system | hit@1 | hit@5 | MRR@5 | fact-in-answer | unanswerable detected | false refusals | "
          "p50 ms | p95 ms |\n|---|---|---|---|---|---|---|---|---|")


def evaluate(name: str, system: System, questions: list[dict], judge: Judge) -> Report:
    hit1 = hit5 = mrr = fact = refused_ok = false_ref = 0.0
    n_ans = n_unans = 0
    times, misses = [], []
    if questions:
        system(questions[0]["q"])  # warm: models and caches loaded, as in a running page
    for q in questions:
        r = system(q["q"])
        times.append(r.seconds)
        if not q["answerable"]:
            n_unans += 1
            refused_ok += not r.found
            if r.found:
                misses.append({"id": q["id"], "why": "answered an unanswerable question", "q": q["q"]})
            continue
        n_ans += 1
        rank = judge.first_hit(r.citations, q["gold"])
        has_fact = any(fold(f) in fold(r.answer) for f in q["facts"])
        hit1 += rank == 0
        hit5 += rank is not None
        mrr += 1 / (rank + 1) if rank is not None else 0
        fact += has_fact
        false_ref += not r.found
        if rank != 0 or not has_fact or not r.found:
            misses.append({"id": q["id"], "q": q["q"], "rank": rank, "fact": has_fact, "found": r.found})
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))] if times else 0.0
    n = max(n_ans, 1)
    return Report(name, n_ans, hit1 / n, hit5 / n, mrr / n, fact / n, f"{int(refused_ok)}/{n_unans}", int(false_ref),
                  1000 * statistics.median(times) if times else 0.0, 1000 * p95, misses)
