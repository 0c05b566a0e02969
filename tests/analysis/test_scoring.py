"""The score: weighted share of the rubric met, warnings' own value, penalties and caps (docs/scoring.md)."""

from __future__ import annotations

from coach.analysis.context import Outcome
from coach.analysis.rules import load_criteria
from coach.analysis.scoring import score

C = load_criteria()


def test_weighted_share_of_the_rubric() -> None:
    # structure.star weighs 2, impact.business 1.5: (2 * 1 + 1.5 * 0) / 3.5 = 57%
    assert score([(C["structure.star"], Outcome("met")), (C["impact.business"], Outcome("missed"))]) == 57


def test_a_warning_earns_its_warning_value() -> None:
    star, we = C["structure.star"], C["evidence.first_person"]
    assert we.warning_value == 0.2 and star.warning_value == 0.5
    # (2 * 0.5 + w * 0.2) / (2 + w)
    expected = round(100 * (2 * 0.5 + we.weight * 0.2) / (2 + we.weight))
    assert score([(star, Outcome("warning")), (we, Outcome("warning"))]) == expected


def test_penalties_subtract_and_caps_limit() -> None:
    met = (C["structure.star"], Outcome("met"))
    blame = C["attitude.blame"]
    assert score([met, (blame, Outcome("warning"))]) == 100 - int(blame.penalty)
    assert score([met, (C["relevance.on_topic"], Outcome("missed"))]) == C["relevance.on_topic"].cap["missed"]
    assert score([met, (C["delivery.length"], Outcome("missed"))]) == C["delivery.length"].cap["missed"]


def test_always_and_avoidance_criteria_do_not_add_to_the_base() -> None:
    assert score([(C["structure.star"], Outcome("missed")), (C["attitude.blame"], Outcome("met")),
                  (C["delivery.fillers"], Outcome("met"))]) == 0


def test_mostly_generalities_caps_a_behavioural_answer_only() -> None:
    example = C["evidence.concrete_example"]
    assert example.cap_kinds == ("behavioural",)
    results = [(C["structure.star"], Outcome("met")), (C["impact.business"], Outcome("met")),
               (example, Outcome("warning"))]
    uncapped = score(results, "technical")
    assert uncapped > example.cap["warning"]  # "which tools do you use?" may be answered with habits
    assert score(results, "behavioural") == example.cap["warning"]  # "tell me about a time..." may not
    assert score(results) == uncapped  # a free-text question of unknown kind
