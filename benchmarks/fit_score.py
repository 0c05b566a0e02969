"""Fit the score's weights to the dev split's blind ratings; writes src/coach/analysis/score_model.yaml.

This is the one command that refits the score after the criteria, the question bank or the corpus change.
The model is deliberately small so that it stays explainable: rating ~ intercept + w · features, where the
five features (analysis/scoring.py `features`: length, content, fluency, confidence, figures) are things a
candidate sees in the feedback and can change. Which features, and this fit's settings, were chosen by
grouped cross-validation (benchmarks/score_features.py; docs/benchmarks.md), not by this in-sample fit.

Least squares with a light ridge (on the features' own 0-1 scale; the intercept is not shrunk). A feature
whose weight comes out negative is dropped and the rest refitted, so that doing better on a feature never
lowers the score. Penalties, caps and ceilings are not fitted: they stay in the criterion files and
scoring.py. Answers that a cap holds down (an answer off the question, far too short, with a red flag, or
with none of what the question asks) are left out of the fit, since their score is the cap's; the others
are fitted on what the model must explain (their rating plus their penalties, on the rating scale).
Only the dev split is used; the holdout stays out of sight (benchmarks/bench_agreement.py --split holdout).

Run: .venv/bin/python benchmarks/fit_score.py [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_agreement import load_corpus, spearman  # noqa: E402

from coach.analysis.context import Outcome  # noqa: E402
from coach.analysis.engine import evaluate  # noqa: E402
from coach.analysis.fillers import find_hedges  # noqa: E402
from coach.analysis.rules import Criterion  # noqa: E402
from coach.analysis.scoring import FEATURES, Counts, breakdown, features  # noqa: E402
from coach.analysis.types import Feedback  # noqa: E402

MODEL = ROOT / "src" / "coach" / "analysis" / "score_model.yaml"
RIDGE = 0.1  # chosen by grouped cross-validation (benchmarks/score_features.py --alphas)
FIT_ON = "dev"


@dataclass(frozen=True)
class Checked:
    """One corpus answer as the engine saw it, with its mean blind rating."""

    row: dict[str, object]
    feedback: Feedback
    results: list[tuple[Criterion, Outcome]]
    counts: Counts
    rating: float

    @property
    def kind(self) -> str | None:
        return self.feedback.question.kind


def counts_of(feedback: Feedback, answer: str) -> Counts:
    """The counts the engine scored (scoring.Counts.of over the analysis), read back from its feedback."""
    return Counts(
        words=feedback.words,
        fillers=len(feedback.fillers),
        hedges=len(find_hedges(answer, feedback.language)),
        figures=len(feedback.numbers),
    )


def check_rows(rows: list[dict[str, object]]) -> list[Checked]:
    """Run the engine over every answer (the question as asked, free text, as a user would type it)."""
    checked = []
    for row in rows:
        answer = str(row["answer"])
        feedback, results = evaluate(answer, str(row["question"]), str(row["lang"]))
        checked.append(Checked(row, feedback, results, counts_of(feedback, answer), float(row["rating"])))  # type: ignore[arg-type]
    return checked


def design(checked: list[Checked]) -> tuple[np.ndarray, np.ndarray]:
    """The feature matrix and the target (rating plus the penalties the model doesn't carry) of the
    answers no cap holds down."""
    xs, ys = [], []
    for item in checked:
        parts = breakdown(item.results, item.kind, item.counts)
        if parts["cap"] < 100:  # a capped answer's score is the cap's, not the model's
            continue
        values = features(item.results, item.kind, item.counts)
        xs.append([values[f] for f in FEATURES])
        ys.append(item.rating - parts["penalty"] / 25)
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, ridge: float = RIDGE) -> tuple[float, dict[str, float]]:
    """Ridge least squares with non-negative weights (by dropping negative ones and refitting)."""
    active = list(range(x.shape[1]))
    while True:
        a = np.hstack([np.ones((len(x), 1)), x[:, active]])
        penalty = ridge * np.eye(a.shape[1])
        penalty[0, 0] = 0.0
        coef = np.linalg.solve(a.T @ a + penalty, a.T @ y)
        negative = [active[i] for i, w in enumerate(coef[1:]) if w < 0]
        if not negative:
            weights = {f: 0.0 for f in FEATURES}
            for i, w in zip(active, coef[1:], strict=True):
                weights[FEATURES[i]] = round(float(w), 3)
            return round(float(coef[0]), 3), weights
        active = [i for i in active if i not in negative]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the weights, don't write them")
    args = parser.parse_args()
    rows = load_corpus(FIT_ON)
    x, y = design(check_rows(rows))
    intercept, weights = fit(x, y)
    predicted = intercept + x @ np.array([weights[f] for f in FEATURES])
    print(f"fitted on {len(y)} dev answers (of {len(rows)}; capped ones left out)")
    print(f"intercept {intercept}, weights {weights}")
    print(f"Spearman of the fit on what it was fitted on: {spearman(list(predicted), list(y)):.3f}")
    print("(in-sample; the out-of-sample figures: benchmarks/score_features.py)")
    if args.dry_run:
        return
    lines = [
        "# Weights of the score (analysis/scoring.py), on the 1-5 scale of a recruiter's rating.",
        f"# Written by benchmarks/fit_score.py from {len(y)} answers of the corpus's dev split;",
        "# do not edit by hand: change the criteria or the corpus and fit again.",
        f"intercept: {intercept}",
        "weights:",
        *(f"  {f}: {weights[f]}" for f in FEATURES),
    ]
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
