"""Turn findings into a score from 0 to 100 that the findings explain (see docs/scoring.md).

The score is a small linear model over three features of the findings, fitted to blind recruiter ratings
(benchmarks/fit_score.py writes its weights to analysis/score_model.yaml), less the penalties of red
flags and within the caps that some findings set. Every point can be traced to a feature, and every
feature to findings shown to the candidate.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from coach.analysis.context import Outcome
from coach.analysis.rules import Criterion
from coach.yaml_files import parse_yaml

STATUS_VALUE = {"met": 1.0, "warning": 0.5, "missed": 0.0}
FEATURES = ("core", "rubric", "delivery", "developed")
DEVELOPED_AT = 250  # words: a longer answer is no more developed (the length check warns when too long)
DELIVERY = ("delivery.fillers", "delivery.hedges", "delivery.repetition")
DEFAULT_KIND = "behavioural"
EXCELLENT = 85
PERFECT_WITH_FLAWS = 95  # the highest score an answer with any finding not met can get

BANDS: tuple[tuple[int, str], ...] = (
    (EXCELLENT, "excellent"),
    (65, "strong"),
    (40, "on_the_way"),
    (0, "not_yet"),
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


def features(results: Iterable[tuple[Criterion, Outcome]], kind: str | None = None) -> dict[str, float]:
    """The score's inputs, each from 0 to 1.

    core: how the answer does on what its kind of question is about (content/kinds.yaml `rubric`);
    rubric: the weighted share of the question's other rubric criteria met (core's value when it has none);
    delivery: the share of fillers, hedges and repetition checks without a warning (0 when nothing of
    the rubric is there: a clean delivery of nothing earns nothing);
    developed: how far what the question asks for is worked out: log(1 + words) / log(1 + 250), at most 1,
    times the mean of core and rubric (recruiters rate a worked-out answer higher, but length without the
    content earns nothing; it can't buy the excellent band, which needs depth, and rambling past the
    question's range gets the length warning).
    """
    from coach.content.kinds import get_kind

    core_ids = set(get_kind(kind or DEFAULT_KIND).rubric)
    core: list[float] = []
    earned = total = 0.0
    delivery: list[float] = []
    for criterion, outcome in results:
        if counts_toward_base(criterion):
            if criterion.id in core_ids:
                core.append(_value(criterion, outcome))
            else:
                earned += criterion.weight * _value(criterion, outcome)
                total += criterion.weight
        elif criterion.id in DELIVERY:
            delivery.append(0.0 if outcome.status == "warning" else 1.0)
    core_value = sum(core) / len(core) if core else (earned / total if total else 0.0)
    rubric_value = earned / total if total else core_value
    said = core_value > 0 or rubric_value > 0  # clean delivery of nothing earns nothing
    words = next((o.values.get("words") for c, o in results if c.id == "delivery.length"), None)
    return {
        "core": core_value,
        "rubric": rubric_value,
        "delivery": (sum(delivery) / len(delivery) if delivery else 1.0) if said else 0.0,
        "developed": (_developed(int(words)) if words is not None and words.isdigit() else 1.0)
        * (core_value + rubric_value) / 2,
    }


def _developed(words: int) -> float:
    return min(1.0, math.log1p(words) / math.log1p(DEVELOPED_AT))


def breakdown(results: list[tuple[Criterion, Outcome]], kind: str | None = None) -> dict[str, int]:
    """Points per feature (on the 0-100 scale), the penalties, the cap a finding set (100 for none) and the
    ceiling of the bands (84 without the depth the kind asks for or with a penalised warning; 95 when
    anything is not met)."""
    from coach.content.kinds import get_kind

    weights = model()
    values = features(results, kind)
    parts = {f: weights[f] * values[f] * 25 for f in FEATURES}  # one rating point is 25 score points
    nothing = values["core"] == 0 and values["rubric"] == 0  # none of what the question asks for
    if nothing:  # earns nothing, however long or clean
        parts = {f: 0.0 for f in FEATURES}
    parts["start"] = 0.0 if nothing else (weights["intercept"] - 1) * 25
    penalty = 0.0
    cap = 100
    for criterion, outcome in results:
        if outcome.status == "warning":
            penalty += criterion.penalty
        if outcome.status in criterion.cap and (not criterion.cap_kinds or kind in criterion.cap_kinds):
            cap = min(cap, criterion.cap[outcome.status])
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


def score(results: Iterable[tuple[Criterion, Outcome]], kind: str | None = None) -> int:
    """The fitted score less the penalties of warnings, within the caps (a criterion's caps only for the
    question kinds it names, when it names some; `kind` is the question's)."""
    return total(breakdown(list(results), kind))


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


def describe_band(name: str, lang: str) -> dict[str, str | None]:
    """A band's label, what it means and what lifts an answer to the next band, in `lang`."""
    data = _bands()[name]
    lang = "nl" if lang == "nl" else "en"
    return {
        "label": data["label"][lang],
        "meaning": data["meaning"][lang],
        "next": data["next"][lang] if "next" in data else None,
    }
