"""Compare the speed of two source trees of Coach in one process, turn and turn about.

On a shared host the load changes by the minute, so two bench_check.py runs a few minutes apart can differ
by a factor of two whatever the code. Here both trees are loaded into one process (each under its own copy
of sys.modules) and checked alternately, a few answers at a time, so both see the same load.

Run: .venv/bin/python benchmarks/ab_speed.py OLD_SRC NEW_SRC [--words 300] [--corpus]
     (OLD_SRC from e.g. `git archive <commit> src | tar -x -C /tmp/old`, then /tmp/old/src)
--corpus times the dev rows of the benchmark corpus (typed questions, various lengths) instead of the
bench_check.py answer; it never reads a holdout row.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _ours() -> list[str]:
    return [name for name in sys.modules if name == "coach" or name.startswith("coach.")]


def load(src: str) -> dict[str, ModuleType]:
    """Import every module of coach.analysis (and what check() imports lazily) from `src`."""
    for name in _ours():
        del sys.modules[name]
    sys.path.insert(0, src)
    import coach.analysis

    for module in pkgutil.walk_packages(coach.analysis.__path__, "coach.analysis."):
        importlib.import_module(module.name)
    for name in ("coach.content.bank", "coach.content.kinds", "coach.wire"):
        importlib.import_module(name)
    sys.path.remove(src)
    return {name: sys.modules[name] for name in _ours()}


def use(modules: dict[str, ModuleType]) -> Any:
    """Make `modules` the coach that lazy imports see; returns its check()."""
    for name in _ours():
        del sys.modules[name]
    sys.modules.update(modules)
    return modules["coach.analysis.engine"].check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--corpus", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    trees = {"old": load(args.old), "new": load(args.new)}
    from bench_check import answer_of

    if args.corpus:
        lines = (ROOT / "benchmarks" / "corpus" / "answers.jsonl").read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines]
        cases = [(r["answer"], r["question"], r["lang"]) for r in rows if r["split"] == "dev"]
        spent = {"old": 0.0, "new": 0.0}
        for turn in range(3):  # the first turn warms both up
            for name in ("old", "new") if turn % 2 else ("new", "old"):
                check = use(trees[name])
                start = time.process_time()
                for answer, question, lang in cases:
                    check(answer, question=question, lang=lang)
                if turn:
                    spent[name] += time.process_time() - start
        for name in ("old", "new"):
            per_answer = spent[name] / 2 / len(cases) * 1000
            print(f"{len(cases)} dev answers, {name}: {per_answer:.2f} ms CPU per answer")
        return
    for lang in ("nl", "en"):
        answer, question = answer_of(args.words, lang)
        times: dict[str, list[float]] = {"old": [], "new": []}
        for name in times:
            use(trees[name])(answer, question=question, lang=lang)
        for _ in range(30):
            for name in times:
                check = use(trees[name])
                for _ in range(3):
                    start = time.process_time()
                    check(answer, question=question, lang=lang)
                    times[name].append((time.process_time() - start) * 1000)
        for name, values in times.items():
            ordered = sorted(values)
            p50, p95 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.95)]
            print(f"{lang} {args.words} words, {name}: CPU min {ordered[0]:.2f} p50 {p50:.2f} p95 {p95:.2f}")


if __name__ == "__main__":
    main()
