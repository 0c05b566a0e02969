"""How well Coach's score ranks real-style answers as blind raters do: prints a table (docs/benchmarks.md).

The corpus (benchmarks/corpus/answers.jsonl) holds spoken-style answers in Dutch and English to questions
of every kind, written for this project to sound like real candidates (students, career switchers,
non-native speakers, rambling, off-topic...), in rounds by different writers. Each was rated 1-5 by two
raters who never saw Coach's output (benchmarks/corpus/ratings.jsonl). The newest round (split "holdout")
is kept out of sight while criteria and score weights are tuned on the rest ("dev"); report the holdout
figure. Once a holdout has been measured and its findings judged it is used up and joins dev; the newest
round (docs/benchmarks.md says which) is the holdout.

Run: .venv/bin/python benchmarks/bench_agreement.py [--split dev|holdout|all] [--judgements]
Targets (issue 8): Spearman >= 0.6 on the holdout and >= 0.2 above word count's; fewer than 1 in 20
findings in a sample of 200 judged wrong (--judgements reads benchmarks/corpus/finding_judgements.jsonl).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from coach import check  # noqa: E402
from coach.analysis.scoring import band  # noqa: E402


def load_corpus(split: str, round_: int | None = None) -> list[dict[str, object]]:
    """The answers of `split` (dev, holdout or all) with their mean blind rating; of one round of writers
    only when `round_` is given (the holdout can hold more than one fresh round)."""
    ratings: dict[str, list[int]] = defaultdict(list)
    for line in (CORPUS / "ratings.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        ratings[record["id"]].append(record["rating"])
    rows = []
    for line in (CORPUS / "answers.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if split != "all" and record["split"] != split:
            continue
        if round_ is not None and record["round"] != round_:
            continue
        record["rating"] = statistics.mean(ratings[record["id"]])
        rows.append(record)
    return rows


def ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank (as Spearman's rho needs)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation: Pearson's r of the ranks."""
    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.mean(rx), statistics.mean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


def run(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Check every answer against its question as asked (free text, as a user would type it)."""
    results = []
    for row in rows:
        feedback = check(str(row["answer"]), question=str(row["question"]), lang=str(row["lang"]))
        results.append({**row, "score": feedback.score, "words": feedback.words, "feedback": feedback})
    return results


def judged_wrong(results: list[dict[str, object]]) -> tuple[int, int]:
    """Of the judged findings that the engine still gives, how many a reader judged wrong."""
    path = CORPUS / "finding_judgements.jsonl"
    if not path.exists():
        return 0, 0
    given = {
        (r["id"], f.criterion, f.status)
        for r in results
        for f in r["feedback"].findings  # type: ignore[attr-defined]
    }
    total = wrong = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if (record["id"], record["criterion"], record["status"]) in given:
            total += 1
            wrong += record["verdict"] == "wrong"
    return wrong, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="dev")
    parser.add_argument("--round", type=int, help="only this round of writers (e.g. 17)")
    parser.add_argument("--judgements", action="store_true", help="report the judged findings too")
    args = parser.parse_args()
    results = run(load_corpus(args.split, args.round))
    ratings = [float(r["rating"]) for r in results]  # type: ignore[arg-type]
    scores = [float(r["score"]) for r in results]  # type: ignore[arg-type]
    words = [float(r["words"]) for r in results]  # type: ignore[arg-type]
    which = f", round {args.round}" if args.round is not None else ""
    print(f"split: {args.split}{which}, answers: {len(results)}")
    print(f"{'':28}{'Spearman':>10}")
    print(f"{'Coach score':28}{spearman(scores, ratings):>10.3f}")
    print(f"{'word count':28}{spearman(words, ratings):>10.3f}")
    for lang in ("nl", "en"):
        sub = [r for r in results if r["lang"] == lang]
        print(f"{'Coach score, ' + lang + f' ({len(sub)})':28}"
              f"{spearman([float(r['score']) for r in sub], [float(r['rating']) for r in sub]):>10.3f}")  # type: ignore[arg-type]
    quartiles = statistics.quantiles(scores, n=4)
    print(f"score spread: mean {statistics.mean(scores):.1f}, sd {statistics.pstdev(scores):.1f}, "
          f"quartiles {quartiles[0]:.0f}/{quartiles[1]:.0f}/{quartiles[2]:.0f}, "
          f"min {min(scores):.0f}, max {max(scores):.0f}, 100s {sum(s == 100 for s in scores)}")
    by_band: dict[str, list[float]] = defaultdict(list)
    for r in results:
        by_band[band(int(r["score"]))].append(float(r["rating"]))  # type: ignore[call-overload]
    print("band: answers, mean blind rating")
    for name in ("not_yet", "on_the_way", "strong", "excellent"):
        got = by_band.get(name, [])
        print(f"  {name:12}{len(got):>5}{statistics.mean(got) if got else float('nan'):>8.2f}")
    if args.judgements:
        wrong, total = judged_wrong(results)
        share = wrong / total if total else float("nan")
        print(f"findings judged wrong: {wrong} of {total} ({share:.1%})")


if __name__ == "__main__":
    main()
