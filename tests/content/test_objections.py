"""The role-play's objections and buyer script: complete, in both languages, and their examples behave."""

from __future__ import annotations

import pytest

from coach.analysis.rules import load_criteria
from coach.content.objections import ELEMENTS, FLAGS, buyer_script, get_objection, load_objections
from coach.practice.roleplay import choose_pushback, judge

OBJECTIONS = load_objections()


def test_there_are_at_least_thirty_objections_with_unique_ids() -> None:
    ids = [o.id for o in OBJECTIONS]
    assert len(ids) >= 30
    assert len(set(ids)) == len(ids)


def test_the_typical_dutch_objections_are_there() -> None:
    texts = " | ".join(o.text.nl.lower() for o in OBJECTIONS)
    for phrase in (
        "te duur",
        "geen budget",
        "tevreden met onze huidige leverancier",
        "stuur maar wat informatie",
        "intern afstemmen",
        "geen tijd",
        "te klein",
        "20% goedkoper",
        "raamcontract",
        "eerst een pilot",
    ):
        assert phrase in texts, phrase


def test_every_text_differs_between_the_languages() -> None:
    for o in OBJECTIONS:
        for field in (o.text, o.good, o.weak, o.strong):
            assert field.nl != field.en, o.id


def test_extra_criteria_exist() -> None:
    criteria = load_criteria()
    for o in OBJECTIONS:
        for criterion_id in o.also:
            assert criterion_id in criteria, (o.id, criterion_id)


def test_the_buyer_script_has_two_lines_for_every_gap() -> None:
    script = buyer_script()
    assert set(script.order) == set(ELEMENTS) | set(FLAGS)
    for key in script.order:
        assert len(script.pushback[key]) >= 2


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("objection_id", [o.id for o in OBJECTIONS])
def test_strong_example_needs_no_pushback_and_weak_one_gets_one(objection_id: str, lang: str) -> None:
    objection = get_objection(objection_id)
    assert objection is not None
    strong = judge(objection.strong.get(lang), objection, lang)
    assert choose_pushback([strong]) is None, (sorted(strong.met), sorted(strong.flags))
    weak = judge(objection.weak.get(lang), objection, lang)
    assert choose_pushback([weak]) is not None
