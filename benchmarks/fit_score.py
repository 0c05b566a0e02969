"""Fit the score's weights to the dev split's blind ratings; writes src/coach/analysis/score_model.yaml.

The model is deliberately small so that it stays explainable: rating ~ intercept + w · features, where the
four features (analysis/scoring.py `features`) summarise the findings a candidate sees. Least squares with a
light ridge; a feature whose weight comes out negative is dropped and the rest refitted, so that doing
better on a feature never lowers the score. Penalties and caps are not fitted: they stay in the criterion
files, and the answers they apply to are fitted on what the model must explain (rating plus the penalty).
Only the dev split is used; the holdout stays out of sight (benchmarks/bench_agreement.py --split holdout).

Run: .venv/bin/python benchmarks/fit_score.py [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_agreement import load_corpus, spearman  # noqa: E402

from coach.analysis.engine import evaluate  # noqa: E402
from coach.analysis.scoring import FEATURES, breakdown, features  # noqa: E402

MODEL = ROOT / "src" / "coach" / "analysis" / "score_model.yaml"
RIDGE = 1.0
FIT_ON = "dev"


def design(rows: list[dict[str, object]]) -> tuple[np.ndarray, np.ndarray]:
    """The feature matrix and the target (rating plus the penalties the model doesn't carry)."""
    xs, ys = [], []
    for row in rows:
        feedback, results = evaluate(str(row["answer"]), str(row["question"]), str(row["lang"]))
        parts = breakdown(results, feedback.question.kind)
        if parts["cap"] < 100:  # a capped answer's score is the cap's, not the model's
            continue
        values = features(results, feedback.question.kind)
        xs.append([values[f] for f in FEATURES])
        ys.append(float(row["rating"]) - parts["penalty"] / 25)  # type: ignore[arg-type]
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, float]]:
    """Ridge least squares with non-negative weights (by dropping negative ones and refitting)."""
    active = list(range(x.shape[1]))
    while True:
        a = np.hstack([np.ones((len(x), 1)), x[:, active]])
        penalty = RIDGE * np.eye(a.shape[1])
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
    x, y = design(rows)
    intercept, weights = fit(x, y)
    predicted = intercept + x @ np.array([weights[f] for f in FEATURES])
    print(f"fitted on {len(y)} dev answers (of {len(rows)}; capped ones left out)")
    print(f"intercept {intercept}, weights {weights}")
    print(f"Spearman of the fit on what it was fitted on: {spearman(list(predicted), list(y)):.3f}")
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
