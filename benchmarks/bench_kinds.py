"""How well Coach reads the kind of a free-text question: accuracy per kind, old classifier against new.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_kinds.py [--parts tuned,held_out,dev] [--old-rev REV]

Parts: `tuned` and `held_out` are tests/content/data/question_kinds.yaml (held_out: true was fixed before any
tuning; kinds.yaml patterns and examples are tuned on the rest); `dev` is the questions of the dev rows of
benchmarks/corpus/answers.jsonl (never the holdout rows). Columns: `old` is the classifier before the word
model (first matching pattern of kinds.yaml at --old-rev, read from git); `patterns` is the first matching
pattern of today's kinds.yaml; `new` is classify() (patterns and word model). `open` counts as wrong: every
wording here has one of the twelve kinds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coach.content.kinds import QuestionKind, classify, compile_patterns, first_match  # noqa: E402

LABELLED = ROOT / "tests" / "content" / "data" / "question_kinds.yaml"
CORPUS = ROOT / "benchmarks" / "corpus" / "answers.jsonl"
OLD_REV = "1fb0681"  # the last commit with the pattern-only classifier


def labelled(part: str) -> list[tuple[str, str]]:
    """(wording, kind) of one part: `tuned`, `held_out` or `dev`."""
    if part == "dev":
        rows = (json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
        dev = (r for r in rows if r.get("split") == "dev" and r.get("question"))  # never the holdout rows
        return sorted({(r["question"], r["intended_kind"]) for r in dev})
    wanted = part == "held_out"
    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["questions"]
    return [(q["text"], q["kind"]) for q in items if bool(q["held_out"]) == wanted]


def old_classifier(rev: str) -> Callable[[str], str]:
    """First-match over kinds.yaml as it was at `rev`."""
    git = ["git", "show", f"{rev}:src/coach/content/kinds.yaml"]
    text = subprocess.run(git, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    kinds = [QuestionKind.model_validate({"id": key, **value}) for key, value in yaml.safe_load(text).items()]
    patterns = compile_patterns(kinds)
    return lambda question: first_match(question, patterns)


def report(part: str, items: list[tuple[str, str]], readers: dict[str, Callable[[str], str]]) -> None:
    right: dict[str, dict[str, int]] = {name: defaultdict(int) for name in readers}
    total: dict[str, int] = defaultdict(int)
    for question, kind in items:
        total[kind] += 1
        for name, read in readers.items():
            right[name][kind] += read(question) == kind
    print(f"\n{part}: {len(items)} wordings")
    print(f"{'kind':<22}{'n':>4}" + "".join(f"{name:>10}" for name in readers))
    for kind in sorted(total):
        cells = "".join(f"{right[name][kind] / total[kind]:>10.0%}" for name in readers)
        print(f"{kind:<22}{total[kind]:>4}{cells}")
    overall = "".join(f"{sum(right[name].values()) / len(items):>10.1%}" for name in readers)
    print(f"{'overall':<22}{len(items):>4}{overall}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="tuned,held_out,dev")
    parser.add_argument("--old-rev", default=OLD_REV)
    args = parser.parse_args()
    readers = {"old": old_classifier(args.old_rev), "patterns": first_match, "new": classify}
    for part in args.parts.split(","):
        report(part, labelled(part), readers)


if __name__ == "__main__":
    main()
