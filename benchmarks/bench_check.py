"""Speed and memory of the feedback engine: prints a table (record it in docs/benchmarks.md).

Run: .venv/bin/python benchmarks/bench_check.py
Targets (issue 2): p95 <= 10 ms for a 300-word answer on one core, CLI start-up <= 1.5 s, peak memory of a
batch run <= 300 MB.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coach import check  # noqa: E402
from coach.content.bank import load_questions  # noqa: E402

SIZES = (50, 150, 300, 1000)
RUNS = 60


def answer_of(words: int, lang: str) -> tuple[str, str]:
    """A realistic answer of about `words` words, built from the bank's strong examples, and its question."""
    questions = sorted(load_questions().values(), key=lambda q: q.id)
    text: list[str] = []
    question_id = questions[0].id
    for q in questions:
        text.extend(q.examples.strong.get(lang).split())
        if len(text) >= words:
            question_id = q.id
            break
    while len(text) < words:
        text.extend(text)
    return " ".join(text[:words]), question_id


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_latency() -> list[tuple[str, int, float, float, float, float]]:
    """Per answer: wall-clock p50 and p95, and CPU-time p50 and p95 (the process's own time, which other
    load on a shared host inflates far less than the wall clock)."""
    rows = []
    check("Warm-up: ik heb vorig jaar 12 klanten binnengehaald.", question="sales.targets_last_year")
    check("Warm-up: I closed 12 deals last year.", question="sales.targets_last_year")
    for lang in ("nl", "en"):
        for size in SIZES:
            answer, question = answer_of(size, lang)
            times, cpu = [], []
            for _ in range(RUNS):
                start, start_cpu = time.perf_counter(), time.process_time()
                check(answer, question=question, lang=lang)
                cpu.append((time.process_time() - start_cpu) * 1000)
                times.append((time.perf_counter() - start) * 1000)
            rows.append((lang, size, statistics.median(times), percentile(times, 95),
                         statistics.median(cpu), percentile(cpu, 95)))
    return rows


def bench_cli_startup() -> float:
    exe = Path(sys.executable).with_name("coach")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("Vorig jaar heb ik als accountmanager 12 nieuwe klanten binnengehaald.")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(exe), "check", "--json", handle.name], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    os.unlink(handle.name)
    return statistics.median(times)


def bench_batch(lines: int = 1000) -> tuple[float, float]:
    exe = Path(sys.executable).with_name("coach")
    items = []
    for i in range(lines):
        lang = "nl" if i % 2 else "en"
        answer, question = answer_of(SIZES[i % len(SIZES)], lang)
        items.append(json.dumps({"id": i, "question": question, "answer": answer, "lang": lang}))
    data = ("\n".join(items) + "\n").encode()
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _BATCH_WITH_PEAK, str(exe)], input=data, capture_output=True, check=True
    )
    elapsed = time.perf_counter() - start
    peak_mb = float(proc.stderr.decode().strip().splitlines()[-1])
    return lines / elapsed, peak_mb


_BATCH_WITH_PEAK = """
import resource, subprocess, sys
proc = subprocess.run([sys.argv[1], 'check', '--batch'], stdin=sys.stdin, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, file=sys.stderr)
"""


def main() -> None:
    pinned = "no"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # the target is per answer on one core
        pinned = "yes, one core"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, pinned: {pinned}, load {load:.1f}")
    print("\nper answer (ms), warm, one process on one core")
    print(f"{'lang':<5}{'words':>7}{'p50':>9}{'p95':>9}{'cpu p50':>9}{'cpu p95':>9}")
    for lang, size, p50, p95, cpu50, cpu95 in bench_latency():
        print(f"{lang:<5}{size:>7}{p50:>9.2f}{p95:>9.2f}{cpu50:>9.2f}{cpu95:>9.2f}")
    print(f"\nCLI start-up, `coach check --json` on a short answer, median of 5: {bench_cli_startup():.2f} s")
    throughput, peak = bench_batch()
    print(
        f"batch of 1000 mixed answers (50-1000 words): {throughput:.0f} answers/s, peak memory {peak:.0f} MB"
    )
    print(f"this process's peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
