"""Golden outputs of the feedback engine, to prove that a change (a speed-up, a refactor) changes nothing.

`--save PATH` runs `coach.check` over a fixed set of answers and writes every result to PATH; `--compare
PATH` runs them again and lists every answer whose result differs. Keep PATH outside the repository (the
file is large, and it is a snapshot of one moment's engine, not a fixture).

The answers: every example answer of the question bank (weak and every strong one, in both languages),
checked against its question by id, as free text and with no question; every dev row of the benchmark
corpus against its question as asked (never a holdout row); and the answers bench_check.py times. A result
is the wire JSON (score, band, findings with spans and messages, next step, STAR parts, figures, fillers,
follow-up) plus what the wire leaves out: the figures that don't add up and the outcome of every criterion
that ran (status, spans, message values, follow-up, claim), so a change that is hidden today still shows.

Run: PYTHONPATH=$PWD/src .venv/bin/python benchmarks/golden_outputs.py --save /tmp/golden.json
     PYTHONPATH=$PWD/src .venv/bin/python benchmarks/golden_outputs.py --compare /tmp/golden.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coach.analysis.engine import evaluate  # noqa: E402
from coach.content.bank import load_questions  # noqa: E402
from coach.wire import dumps, feedback_to_json  # noqa: E402

CORPUS = ROOT / "benchmarks" / "corpus" / "answers.jsonl"
BENCH_SIZES = (50, 150, 300, 1000)


def cases() -> Iterator[tuple[str, str, str | None, str | None]]:
    """(key, answer, question, lang) for every answer checked; keys are stable across runs."""
    for q in sorted(load_questions().values(), key=lambda q: q.id):
        strongs = ((f"strong{i}", s) for i, (_, s) in enumerate(q.examples.strongs()))
        examples = [("weak", q.examples.weak), *strongs]
        for name, example in examples:
            for lang in ("nl", "en"):
                answer = example.get(lang)
                yield f"bank/{q.id}/{name}/{lang}/id", answer, q.id, lang
                yield f"bank/{q.id}/{name}/{lang}/text", answer, q.text.get(lang), lang
                yield f"bank/{q.id}/{name}/{lang}/none", answer, None, None
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != "dev":  # holdout rows are measured once by the lead, never looked at here
            continue
        yield f"corpus/{row['id']}", row["answer"], row["question"], row["lang"]
        yield f"corpus/{row['id']}/detected", row["answer"], row["question"], None
    from bench_check import answer_of  # the answers the speed benchmark times

    for lang in ("nl", "en"):
        for size in BENCH_SIZES:
            answer, question = answer_of(size, lang)
            yield f"bench/{lang}/{size}", answer, question, lang


def result_of(answer: str, question: str | None, lang: str | None) -> str:
    """Everything the engine says about one answer, as one line of JSON."""
    feedback, results = evaluate(answer, question, lang)
    wire: dict[str, Any] = feedback_to_json(feedback)
    wire["mismatches"] = [
        {
            "rule": m.rule,
            "spans": [list(s) for s in m.spans],
            "stated": m.stated,
            "expected": m.expected,
            "explanation": m.explanation,
        }
        for m in feedback.mismatches
    ]
    wire["outcomes"] = {
        criterion.id: {
            "status": o.status,
            "spans": [list(s) for s in o.spans],
            "values": o.values,
            "follow_up": o.follow_up,
            "claim": o.claim,
        }
        for criterion, o in results
    }
    return dumps(wire)


def run_all() -> dict[str, str]:
    return {key: result_of(answer, question, lang) for key, answer, question, lang in cases()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the golden outputs to this file")
    mode.add_argument("--compare", type=Path, help="compare against the golden outputs in this file")
    args = parser.parse_args()
    start = time.perf_counter()
    outputs = run_all()
    elapsed = time.perf_counter() - start
    if args.save:
        args.save.write_text(json.dumps(outputs, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"saved {len(outputs)} outputs to {args.save} ({elapsed:.1f} s)")
        return 0
    golden: dict[str, str] = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = [key for key in golden if outputs.get(key) != golden[key]]
    missing = sorted(set(outputs) - set(golden))
    for key in differ[:20]:
        print(f"DIFFERS {key}\n  was: {golden[key][:600]}\n  now: {outputs.get(key, '')[:600]}")
    print(
        f"{len(golden) - len(differ)}/{len(golden)} identical, {len(differ)} differ, {len(missing)} new "
        f"({elapsed:.1f} s)"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
