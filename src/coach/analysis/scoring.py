"""Turn findings into a score from 0 to 100 that the findings explain (see docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Iterable

from coach.analysis.context import Outcome
from coach.analysis.rules import Criterion

STATUS_VALUE = {"met": 1.0, "warning": 0.5, "missed": 0.0}


def counts_toward_base(criterion: Criterion) -> bool:
    """Rubric criteria add to the base score; things to avoid and `always` checks only subtract or cap."""
    return criterion.extends != "avoidance" and not criterion.always


def score(results: Iterable[tuple[Criterion, Outcome]], kind: str | None = None) -> int:
    """Weighted share of the rubric met, less the penalties of warnings, within the caps (a criterion's
    caps only for the question kinds it names, when it names some; `kind` is the question's)."""
    earned = total = penalty = 0.0
    cap = 100
    for criterion, outcome in results:
        if counts_toward_base(criterion):
            value = criterion.warning_value if outcome.status == "warning" else STATUS_VALUE[outcome.status]
            earned += criterion.weight * value
            total += criterion.weight
        if outcome.status == "warning":
            penalty += criterion.penalty
        if outcome.status in criterion.cap and (not criterion.cap_kinds or kind in criterion.cap_kinds):
            cap = min(cap, criterion.cap[outcome.status])
    base = 100.0 * earned / total if total else 0.0
    return int(max(0, min(cap, round(base - penalty))))


BANDS: tuple[tuple[int, str], ...] = (
    (85, "excellent"),
    (65, "strong"),
    (40, "on_the_way"),
    (0, "not_yet"),
)


def band(value: int) -> str:
    """The band a score falls in: not_yet, on_the_way, strong or excellent (docs/scoring.md)."""
    return next(name for floor, name in BANDS if value >= floor)
