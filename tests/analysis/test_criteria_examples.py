"""Every criterion's own good and bad examples, in both languages, run as tests (after proselint)."""

from __future__ import annotations

import pytest

from coach.analysis.engine import run_criterion
from coach.analysis.rules import load_criteria

CRITERIA = load_criteria()


def _cases(kind: str) -> list[pytest.param]:
    cases = []
    for criterion in CRITERIA.values():
        for lang, answers in getattr(criterion.examples, kind).items():
            for i, answer in enumerate(answers):
                cases.append(pytest.param(criterion.id, lang, answer, id=f"{criterion.id}-{lang}-{kind}{i}"))
    return cases


@pytest.mark.parametrize(("criterion_id", "lang", "answer"), _cases("good"))
def test_good_example_passes(criterion_id: str, lang: str, answer: str) -> None:
    outcome = run_criterion(answer, criterion_id, lang, CRITERIA[criterion_id].examples.question)  # type: ignore[arg-type]
    status = outcome.status if outcome else "none"
    assert status == "met", f"False negative for {criterion_id} ({lang}, got {status}): {answer!r}"


@pytest.mark.parametrize(("criterion_id", "lang", "answer"), _cases("bad"))
def test_bad_example_fails(criterion_id: str, lang: str, answer: str) -> None:
    outcome = run_criterion(answer, criterion_id, lang, CRITERIA[criterion_id].examples.question)  # type: ignore[arg-type]
    expected = {"warning"} if CRITERIA[criterion_id].extends == "avoidance" else {"missed", "warning"}
    status = outcome.status if outcome else "none"
    assert status in expected, f"False positive for {criterion_id} ({lang}, got {status}): {answer!r}"


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_every_criterion_has_examples_in_both_languages(criterion_id: str) -> None:
    examples = CRITERIA[criterion_id].examples
    for kind in ("good", "bad"):
        for lang in ("nl", "en"):
            assert len(getattr(examples, kind).get(lang, ())) >= 2, f"{criterion_id} needs 2+ {kind} {lang}"


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_criterion_has_messages_for_the_statuses_it_can_give(criterion_id: str) -> None:
    criterion = CRITERIA[criterion_id]
    needed = {
        "existence": ("met", "missed"),
        "avoidance": ("met", "warning"),
        "balance": ("met", "warning", "missed"),
        "checklist": ("met", "warning", "missed"),
    }.get(criterion.extends, ("met",))
    for status in needed:
        assert getattr(criterion.messages, status) is not None, f"{criterion_id} lacks a {status} message"
    if criterion.extends == "script":
        from coach.analysis.scripts import SCRIPTS

        assert criterion.script in SCRIPTS


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_every_pattern_compiles(criterion_id: str) -> None:
    criterion = CRITERIA[criterion_id]
    sets = [criterion.patterns, criterion.bad_patterns, criterion.exceptions,
            *(part.patterns for part in criterion.parts.values()),
            *((criterion.quiet_when.more, criterion.quiet_when.than) if criterion.quiet_when else ())]
    problems = [p for s in sets for p in s.errors()]
    assert not problems, f"{criterion_id}: {problems}"
