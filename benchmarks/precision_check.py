"""Which judged findings the engine still claims: the precision of what Coach shows, on dev answers only.

Readers judged samples of findings blind (question, answer and claim; verdict right or wrong). This re-runs
the current engine on those answers and reports, of the judged claims, how many judged wrong it still makes,
how many judged right it no longer makes (a lost tick costs little; a lost cross on a real problem costs),
and the wrong share among the judged claims it still makes. Only dev rows are read: judgements on any other
row are skipped, never run.

Run: .venv/bin/python benchmarks/precision_check.py [FILE ...] [--list]
FILE: judgement files, JSON lines with at least {"id", "criterion", "status", "verdict"}; by default
benchmarks/corpus/finding_judgements.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_agreement import CORPUS, load_corpus, run  # noqa: E402

Key = tuple[str, str, str]


def read_judgements(paths: list[Path], dev: set[str]) -> dict[Key, dict[str, str]]:
    """The judgements on dev answers, one per (answer id, criterion, status); a later file wins a tie."""
    judged: dict[Key, dict[str, str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] in dev:
                judged[(record["id"], record["criterion"], record["status"])] = record
    return judged


def claims_now(ids: set[str]) -> set[Key]:
    """What the engine claims today on the dev answers `ids`."""
    rows = [row for row in load_corpus("dev") if row["id"] in ids]
    return {
        (str(r["id"]), f.criterion, f.status)
        for r in run(rows)
        for f in r["feedback"].findings  # type: ignore[attr-defined]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[CORPUS / "finding_judgements.jsonl"])
    parser.add_argument("--list", action="store_true", help="list wrong claims kept and right claims lost")
    args = parser.parse_args()
    dev = {str(row["id"]) for row in load_corpus("dev")}
    judged = read_judgements(args.files, dev)
    made = claims_now({key[0] for key in judged})
    kept = {key: r for key, r in judged.items() if key in made}
    wrong_kept = [key for key, r in kept.items() if r["verdict"] == "wrong"]
    wrong_all = [key for key, r in judged.items() if r["verdict"] == "wrong"]
    right_lost = [key for key, r in judged.items() if r["verdict"] == "right" and key not in made]
    share = len(wrong_kept) / len(kept) if kept else float("nan")
    print(f"judged findings on dev answers: {len(judged)} ({len(wrong_all)} judged wrong)")
    print(f"still claimed: {len(kept)}; judged wrong among them: {len(wrong_kept)} ({share:.1%})")
    print(f"judged wrong no longer claimed: {len(wrong_all) - len(wrong_kept)}")
    lost = Counter("tick" if key[2] == "met" else "cross" for key in right_lost)
    print(f"judged right no longer claimed: {len(right_lost)} "
          f"(ticks {lost['tick']}, crosses {lost['cross']})")
    if args.list:
        for title, keys in (("wrong, still claimed", wrong_kept), ("right, no longer claimed", right_lost)):
            print(f"\n{title}:")
            for key in sorted(keys, key=lambda k: (k[1], k[2], k[0])):
                print(f"  {key[0]:8} {key[1]:34} {key[2]:8} {judged[key].get('why', '')[:110]}")


if __name__ == "__main__":
    main()
