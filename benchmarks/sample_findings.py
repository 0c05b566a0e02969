"""Draw a random sample of the findings Coach shows on the holdout answers, for readers to judge.

Each item is one claim the engine makes about one answer (a tick or a cross, with the words it quotes), so a
reader who sees only the question, the answer and the claim can say whether it is true. The readers' verdicts
go to benchmarks/corpus/finding_judgements.jsonl ({"id", "criterion", "status", "verdict"}), which
bench_agreement.py --judgements reads; a judgement counts only while the engine still makes that claim.

Run: .venv/bin/python benchmarks/sample_findings.py [--size 200] [--seed 8] -o sample.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_agreement import load_corpus, run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--split", choices=("dev", "holdout"), default="holdout")
    parser.add_argument("--round", type=int, help="only this round of writers (e.g. 17)")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    claims = []
    for row in run(load_corpus(args.split, args.round)):
        feedback = row["feedback"]
        for finding in feedback.findings:  # type: ignore[attr-defined]
            claims.append({
                "id": row["id"],
                "criterion": finding.criterion,
                "status": finding.status,
                "question": row["question"],
                "answer": row["answer"],
                "claim": finding.message,
                "quoted": [str(row["answer"])[a:b] for a, b in finding.spans][:8],
            })
    sample = random.Random(args.seed).sample(claims, min(args.size, len(claims)))
    with open(args.output, "w", encoding="utf-8") as out:
        for number, claim in enumerate(sample, 1):
            out.write(json.dumps({"item": number, **claim}, ensure_ascii=False) + "\n")
    print(f"{len(sample)} of {len(claims)} findings on the holdout answers written to {args.output}")


if __name__ == "__main__":
    main()
