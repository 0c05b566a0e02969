"""Turn findings into a score from 0 to 100 that the findings explain (see docs/scoring.md).

The score is a small linear model over five features of the answer, fitted to blind recruiter ratings
(benchmarks/fit_score.py writes its weights to analysis/score_model.yaml; benchmarks/score_features.py chose
the features by cross-validation), less the penalties of red flags and within the caps that some findings
set. Every feature is something the candidate sees in the feedback and can change: the length, what the
question asks for, filler words, hedges and figures.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from coach.analysis.context import Outcome
from coach.analysis.rules import Criterion
from coach.yaml_files import parse_yaml

if TYPE_CHECKING:
    from coach.analysis.context import Analysis

STATUS_VALUE = {"met": 1.0, "warning": 0.5, "missed": 0.0}
FEATURES = ("length", "content", "fluency", "confidence", "figures")
DEVELOPED_AT = 250  # words: a longer answer is no more worked out (the length check warns when too long)
SHORTEST = 10  # words: an answer this short or shorter has no length to speak of
FIGURES_FULL = 5  # figures (amounts, percentages, counts, dates): five or more count in full
UNKNOWN_CONTENT = 0.5  # content of an answer to a question whose kind Coach can't tell (`open`)
OPEN_KIND = "open"
TOP = 85  # fitted points above this count ABOVE_TOP each: the ratings stop at 5, a linear model doesn't
ABOVE_TOP = 1 / 3
NOTHING_CAP = 50  # none of what the question asks for: "on the way" at most, as for a story told as a habit
DEFAULT_KIND = "behavioural"
EXCELLENT = 85
PERFECT_WITH_FLAWS = 95  # the highest score an answer with any finding not met can get

BANDS: tuple[tuple[int, str], ...] = (
    (EXCELLENT, "excellent"),
    (65, "strong"),
    (40, "on_the_way"),
    (0, "not_yet"),
)


@dataclass(frozen=True)
class Counts:
    """What the score counts in the answer's own words (the feedback shows each of them)."""

    words: int
    fillers: int = 0
    hedges: int = 0
    figures: int = 0

    @classmethod
    def of(cls, analysis: Analysis) -> Counts:
        from coach.analysis.fillers import hedges_of

        return cls(
            words=analysis.words,
            fillers=len(analysis.fillers),
            hedges=len(hedges_of(analysis)),
            figures=len(analysis.numbers),
        )


@lru_cache(maxsize=1)
def model() -> dict[str, float]:
    """The fitted weights: an intercept and one weight per feature, on the 1-5 rating scale."""
    text = resources.files("coach.analysis").joinpath("score_model.yaml").read_text(encoding="utf-8")
    data = parse_yaml(text)
    return {"intercept": float(data["intercept"]), **{f: float(data["weights"][f]) for f in FEATURES}}


def counts_toward_base(criterion: Criterion) -> bool:
    """Rubric criteria add to the score; things to avoid and `always` checks only subtract or cap."""
    return criterion.extends != "avoidance" and not criterion.always


def _value(criterion: Criterion, outcome: Outcome) -> float:
    """What a criterion's outcome is worth, 0-1: the share of its parts covered for a checklist (5 of 7 is
    less than 7 of 7, though both may be met), else met 1, a warning its `warning_value`, missed 0."""
    count, parts = outcome.values.get("count"), outcome.values.get("total")
    if count is not None and parts and count.isdigit() and parts.isdigit() and int(parts):
        return int(count) / int(parts)
    return criterion.warning_value if outcome.status == "warning" else STATUS_VALUE[outcome.status]


@lru_cache(maxsize=1)
def _warn_rates() -> tuple[float, float]:
    """The rates per 100 words at which the fillers and the hedges findings warn (their criterion files)."""
    from coach.analysis.rules import load_criteria

    criteria = load_criteria()
    return (
        float(criteria["delivery.fillers"].params.get("max_per_100", 4)),
        float(criteria["delivery.hedges"].params.get("max_per_100", 2)),
    )


def content_parts(results: Iterable[tuple[Criterion, Outcome]], kind: str | None) -> tuple[float, float]:
    """How the answer does on its kind's core (content/kinds.yaml `rubric`) and on the rest of its rubric
    (the weighted share met; the core's value when there is no rest), each 0-1."""
    from coach.content.kinds import get_kind

    core_ids = set(get_kind(kind or DEFAULT_KIND).rubric)
    core: list[float] = []
    earned = total = 0.0
    for criterion, outcome in results:
        if counts_toward_base(criterion):
            if criterion.id in core_ids:
                core.append(_value(criterion, outcome))
            else:
                earned += criterion.weight * _value(criterion, outcome)
                total += criterion.weight
    core_value = sum(core) / len(core) if core else (earned / total if total else 0.0)
    rubric_value = earned / total if total else core_value
    return core_value, rubric_value


def features(
    results: Iterable[tuple[Criterion, Outcome]], kind: str | None = None, counts: Counts | None = None
) -> dict[str, float]:
    """The score's inputs, each from 0 to 1 (docs/scoring.md).

    length: 0 up to 10 words, 1 from 250 words, on a log scale between (recruiters rate a worked-out answer
    higher; a longer one is no better, and the length check warns when it rambles);
    content: what the question asks for, the mean of the kind's core and the rest of the rubric; 0.5 for a
    question whose kind Coach can't tell (`open`), where it doesn't know what is asked;
    fluency: 1 without filler words, 0 at the rate where the fillers finding warns (4 per 100 words);
    confidence: 1 without hedges, 0 at the rate where the hedges finding warns (2 per 100 words);
    figures: the answer's figures (amounts, percentages, counts, dates), five or more count in full.
    An answer without words has no fluency or confidence either (0). Without `counts` (a test's bare
    outcomes) the words come from the length check (none: 1.0) and no filler, hedge or figure is counted.
    """
    results = list(results)
    if counts is None:
        words = next((o.values.get("words") for c, o in results if c.id == "delivery.length"), None)
        counts = Counts(int(words)) if words is not None and words.isdigit() else None
    core, rubric = content_parts(results, kind)
    fillers_at, hedges_at = _warn_rates()
    per_100 = 100 / counts.words if counts and counts.words else 0.0
    said = 1.0 if counts is None or counts.words else 0.0  # no words: no fluency or confidence to credit
    return {
        "length": _developed(counts.words) if counts else 1.0,
        "content": UNKNOWN_CONTENT if kind == OPEN_KIND else (core + rubric) / 2,
        "fluency": max(0.0, 1 - counts.fillers * per_100 / fillers_at) * said if counts else 1.0,
        "confidence": max(0.0, 1 - counts.hedges * per_100 / hedges_at) * said if counts else 1.0,
        "figures": min(1.0, counts.figures / FIGURES_FULL) if counts else 0.0,
    }


def _developed(words: int) -> float:
    """0 up to 10 words, 1 from 250 words, on a log scale in between (each doubling adds the same)."""
    span = math.log1p(DEVELOPED_AT) - math.log1p(SHORTEST)
    return min(1.0, max(0.0, (math.log1p(words) - math.log1p(SHORTEST)) / span))


def breakdown(
    results: list[tuple[Criterion, Outcome]],
    kind: str | None = None,
    counts: Counts | None = None,
    weights: dict[str, float] | None = None,
) -> dict[str, int]:
    """Points per feature (on the 0-100 scale), the start (the intercept), the top (points above 85 count a
    third: negative), the penalties, the cap a
    finding set (100 for none; 50 when none of what the question asks for is there) and the ceiling of the
    bands (84 without the depth the kind asks for or with a penalised warning; 95 when anything is not met).
    `weights` replaces the fitted model (for cross-validation in benchmarks/score_features.py)."""
    from coach.content.kinds import get_kind

    weights = weights or model()
    values = features(results, kind, counts)
    parts = {f: weights[f] * values[f] * 25 for f in FEATURES}  # one rating point is 25 score points
    parts["start"] = (weights["intercept"] - 1) * 25
    fitted = sum(parts.values())
    # above 85 the model runs past what the blind ratings show (they stop at 5), so points count a third
    parts["top"] = -(fitted - TOP) * (1 - ABOVE_TOP) if fitted > TOP else 0.0
    penalty = 0.0
    cap = 100
    if content_parts(results, kind) == (0.0, 0.0):  # none of what the question asks for
        cap = NOTHING_CAP  # length and a clean delivery can't make it strong
    for criterion, outcome in results:
        if outcome.status == "warning":
            penalty += criterion.penalty
        if not criterion.cap_kinds or kind in criterion.cap_kinds:
            if outcome.status in criterion.cap:
                cap = min(cap, criterion.cap[outcome.status])
            if outcome.cap is not None:
                cap = min(cap, outcome.cap)
    kind_data = get_kind(kind or DEFAULT_KIND)
    ran = {criterion.id: outcome.status for criterion, outcome in results}
    depth = [ran[c] for c in kind_data.depth if c in ran]
    ceiling = 100
    if depth and "met" not in depth:  # excellent needs depth, not length
        ceiling = EXCELLENT - 1
    if penalty:  # nor is an answer with a red flag, or a little short or too long, excellent
        ceiling = EXCELLENT - 1
    if any(status != "met" for status in ran.values()):
        ceiling = min(ceiling, PERFECT_WITH_FLAWS)  # 100 only when nothing is missing at all
    rounded = {name: round(points) for name, points in parts.items()}
    rounded["penalty"] = -round(penalty)
    rounded["cap"] = cap
    rounded["ceiling"] = ceiling
    return rounded


def score(
    results: Iterable[tuple[Criterion, Outcome]], kind: str | None = None, counts: Counts | None = None
) -> int:
    """The fitted score less the penalties of warnings, within the caps (a criterion's caps only for the
    question kinds it names, when it names some; `kind` is the question's)."""
    return total(breakdown(list(results), kind, counts))


def total(parts: dict[str, int]) -> int:
    """The score a breakdown adds up to, within its cap and ceiling."""
    raw = sum(points for name, points in parts.items() if name not in ("cap", "ceiling"))
    return int(max(0, min(parts["cap"], parts["ceiling"], raw)))


def band(value: int) -> str:
    """The band a score falls in: not_yet, on_the_way, strong or excellent (docs/scoring.md)."""
    return next(name for floor, name in BANDS if value >= floor)


@lru_cache(maxsize=1)
def _bands() -> dict[str, dict[str, dict[str, str]]]:
    text = resources.files("coach.analysis").joinpath("bands.yaml").read_text(encoding="utf-8")
    return parse_yaml(text)  # type: ignore[no-any-return]


def describe_band(name: str, lang: str, kind: str | None = None, step: bool = True) -> dict[str, str | None]:
    """A band's label, what it means and what lifts an answer to the next band, in `lang`.

    An answer "not yet" or "on the way" without a next step the engine is sure of (`step` False) gets, as
    what lifts it, what its `kind` of question asks for (content/kinds.yaml `wants`, bands.yaml `guide`):
    guidance about the question to check the answer against, not a finding about the answer.
    """
    data = _bands()[name]
    lang = "nl" if lang == "nl" else "en"
    lift = data["next"][lang] if "next" in data else None
    if "guide" in data and not step:
        from coach.content.kinds import get_kind

        wants = get_kind(kind or DEFAULT_KIND).wants.get(lang)
        lift = str(data["guide"][lang]).format(wants=wants) if wants else lift
    return {"label": data["label"][lang], "meaning": data["meaning"][lang], "next": lift}
