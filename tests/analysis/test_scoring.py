"""The score: a fitted model over features of the findings, penalties, caps and the bands' ceilings
(docs/scoring.md)."""

from __future__ import annotations

import pytest

from coach.analysis.context import Outcome
from coach.analysis.rules import load_criteria
from coach.analysis.scoring import (
    ABOVE_TOP,
    EXCELLENT,
    FEATURES,
    NOTHING_CAP,
    PERFECT_WITH_FLAWS,
    TOP,
    UNKNOWN_CONTENT,
    Counts,
    band,
    breakdown,
    describe_band,
    features,
    model,
    score,
    total,
)

C = load_criteria()
STORY = ["structure.star", "evidence.concrete_example", "evidence.first_person"]  # the behavioural core
DELIVERY_MET = [(C[c], Outcome("met")) for c in ("delivery.fillers", "delivery.hedges", "delivery.repetition")]


def story(status: str, extra: list[tuple[str, str]] = ()) -> list[tuple[object, Outcome]]:  # type: ignore[assignment]
    return [(C[c], Outcome(status)) for c in STORY] + [(C[c], Outcome(s)) for c, s in extra] + DELIVERY_MET


def test_the_model_has_a_weight_for_every_feature_and_none_negative() -> None:
    weights = model()
    assert set(weights) == {"intercept", *FEATURES}
    assert all(weights[f] >= 0 for f in FEATURES)


def test_features_read_the_kinds_core_and_the_rest_of_the_rubric() -> None:
    results = story("met", [("impact.business", "missed")])
    values = features(results, "behavioural")  # type: ignore[arg-type]
    # no length check ran and nothing was counted: the answer counts as worked out, without fillers,
    # hedges or figures; content is the mean of the core (all met) and the rest of the rubric (none met)
    assert values == {"length": 1.0, "content": 0.5, "fluency": 1.0, "confidence": 1.0, "figures": 0.0}
    assert features(story("missed"), "behavioural")["content"] == 0.0  # type: ignore[arg-type]
    # a question whose kind Coach can't tell: it doesn't know what is asked, so content counts half
    assert features(story("missed"), "open")["content"] == UNKNOWN_CONTENT  # type: ignore[arg-type]


def test_the_counted_features_follow_the_answers_words() -> None:
    results = story("met")
    fillers_at = C["delivery.fillers"].params["max_per_100"]
    hedges_at = C["delivery.hedges"].params["max_per_100"]
    clean = features(results, "behavioural", Counts(words=100, figures=2))  # type: ignore[arg-type]
    assert clean["fluency"] == clean["confidence"] == 1.0 and 0 < clean["figures"] < 1
    halting = features(results, "behavioural", Counts(words=100, fillers=2, hedges=1))  # type: ignore[arg-type]
    assert halting["fluency"] == pytest.approx(1 - 2 / fillers_at)
    assert halting["confidence"] == pytest.approx(1 - 1 / hedges_at)
    assert features(results, "behavioural", Counts(words=100, fillers=40))["fluency"] == 0.0  # type: ignore[arg-type]
    lengths = [features(results, "behavioural", Counts(words=w))["length"] for w in (5, 10, 50, 250, 600)]  # type: ignore[arg-type]
    assert lengths[0] == lengths[1] == 0.0 and lengths[1] < lengths[2] < lengths[3] == lengths[4] == 1.0
    assert features(results, "behavioural", Counts(words=100, figures=9))["figures"] == 1.0  # type: ignore[arg-type]


def test_fewer_fillers_hedges_and_more_figures_never_lower_the_score() -> None:
    results = story("met", [("learning.lesson", "met")])
    halting = score(results, "behavioural", Counts(words=120, fillers=6, hedges=3))  # type: ignore[arg-type]
    fluent = score(results, "behavioural", Counts(words=120, figures=3))  # type: ignore[arg-type]
    assert halting < fluent


def test_none_of_what_is_asked_caps_the_score_however_long() -> None:
    parts = breakdown(story("missed"), "behavioural", Counts(words=240, figures=5))  # type: ignore[arg-type]
    assert parts["cap"] == NOTHING_CAP < 65  # never strong on length and delivery alone
    assert total(parts) <= NOTHING_CAP


def test_points_above_85_count_a_third_and_the_breakdown_still_adds_up() -> None:
    results = story("met", [("learning.lesson", "met")])
    parts = breakdown(results, "behavioural", Counts(words=240, figures=5))  # type: ignore[arg-type]
    fitted = sum(v for k, v in parts.items() if k in (*FEATURES, "start"))
    assert fitted > TOP  # a long, fluent answer with everything the question asks and figures
    assert parts["top"] == pytest.approx(-(fitted - TOP) * (1 - ABOVE_TOP), abs=2)  # each part is rounded to a whole point
    assert TOP < total(parts) < fitted
    assert total(parts) == min(parts["cap"], parts["ceiling"], sum(
        v for k, v in parts.items() if k not in ("cap", "ceiling")))


def test_meeting_more_of_the_rubric_never_lowers_the_score() -> None:
    worst, middle, best = story("missed"), story("warning"), story("met", [("learning.lesson", "met")])
    assert score(worst, "behavioural") <= score(middle, "behavioural") <= score(best, "behavioural")  # type: ignore[arg-type]
    assert score(worst, "behavioural") < score(best, "behavioural")  # type: ignore[arg-type]


def test_a_warnings_penalty_is_subtracted_exactly() -> None:
    clean = story("met")
    buzzwords = C["evidence.buzzwords"]  # a penalty and no cap
    assert buzzwords.penalty and not buzzwords.cap
    flagged = [*clean, (buzzwords, Outcome("warning"))]
    assert breakdown(flagged, "behavioural")["penalty"] == -buzzwords.penalty  # type: ignore[arg-type]
    unflagged, parts = breakdown(clean, "behavioural"), breakdown(flagged, "behavioural")  # type: ignore[arg-type]
    points = sum(v for k, v in unflagged.items() if k not in ("cap", "ceiling"))
    assert parts["ceiling"] < EXCELLENT  # and a red flag keeps it out of the excellent band
    assert score(flagged, "behavioural") == min(parts["ceiling"], points - buzzwords.penalty)  # type: ignore[arg-type]


def test_a_red_flag_a_recruiter_does_not_look_past_caps_the_score() -> None:
    blame = C["attitude.blame"]
    flagged = [*story("met", [("learning.lesson", "met")]), (blame, Outcome("warning"))]
    assert score(flagged, "behavioural") <= blame.cap["warning"] < 40  # type: ignore[arg-type]


def test_caps_limit_the_score() -> None:
    best = story("met", [("learning.lesson", "met")])
    for criterion in ("relevance.on_topic", "delivery.length"):
        capped = [*best, (C[criterion], Outcome("missed"))]
        assert score(capped, "behavioural") <= C[criterion].cap["missed"]  # type: ignore[arg-type]


def test_mostly_generalities_caps_a_behavioural_answer_only() -> None:
    example = C["evidence.concrete_example"]
    assert example.cap_kinds == ("behavioural",)
    results = [(C["structure.star"], Outcome("met")), (C["impact.business"], Outcome("met")),
               (example, Outcome("warning")), *DELIVERY_MET]
    assert score(results, "behavioural") <= example.cap["warning"]  # type: ignore[arg-type]
    assert breakdown(results, "process")["cap"] == 100  # type: ignore[arg-type]


def test_excellent_needs_the_depth_its_kind_asks_for_and_100_needs_nothing_missing() -> None:
    shallow = story("met", [("learning.lesson", "missed")])  # a lesson is depth for a story
    assert breakdown(shallow, "behavioural")["ceiling"] == EXCELLENT - 1  # type: ignore[arg-type]
    deep = story("met", [("learning.lesson", "met"), ("impact.business", "missed")])
    assert breakdown(deep, "behavioural")["ceiling"] == PERFECT_WITH_FLAWS  # type: ignore[arg-type]
    flawless = story("met", [("learning.lesson", "met")])
    assert breakdown(flawless, "behavioural")["ceiling"] == 100  # type: ignore[arg-type]


def test_the_breakdown_adds_up_to_the_score() -> None:
    results = story("warning", [("attitude.blame", "warning")])
    parts = breakdown(results, "behavioural")  # type: ignore[arg-type]
    assert total(parts) == score(results, "behavioural")  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "name"), [(0, "not_yet"), (39, "not_yet"), (40, "on_the_way"),
                                             (64, "on_the_way"), (65, "strong"), (84, "strong"),
                                             (85, "excellent"), (100, "excellent")])
def test_bands(value: int, name: str) -> None:
    assert band(value) == name


@pytest.mark.parametrize("name", ["not_yet", "on_the_way", "strong", "excellent"])
def test_every_band_says_what_it_means_in_both_languages(name: str) -> None:
    nl, en = describe_band(name, "nl"), describe_band(name, "en")
    assert nl["label"] and en["label"] and nl["meaning"] and en["meaning"] and nl["label"] != en["label"]
    assert (nl["next"] is None) == (en["next"] is None) == (name == "excellent")
