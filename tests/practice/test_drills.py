"""Drills: short practice interviews whose questions all test one criterion."""

from __future__ import annotations

import pytest

from coach.analysis.rules import load_criteria
from coach.content.bank import get_question, load_questions
from coach.practice.drills import drill_questions, make_drill_plan
from coach.practice.plan import PlanError


def questions(plan):  # type: ignore[no-untyped-def]
    return [get_question(q) for q in plan.question_ids]


@pytest.mark.parametrize("criterion", ["structure.star", "evidence.figures", "sales.listening", "it.risks"])
def test_every_question_tests_the_criterion(criterion: str) -> None:
    plan = make_drill_plan(criterion, "nl", seed=7)
    assert len(plan.question_ids) == 3 and len(set(plan.question_ids)) == 3
    assert all(criterion in q.rubric for q in questions(plan))
    assert plan.lang == "nl" and plan.seed == 7


def test_same_seed_same_drill_other_seed_other_drill() -> None:
    first = make_drill_plan("structure.star", "en", seed=3)
    assert make_drill_plan("structure.star", "en", seed=3) == first
    others = {make_drill_plan("structure.star", "en", seed=s).question_ids for s in range(10)}
    assert len(others) > 1
    assert make_drill_plan("structure.star", "en").seed > 0  # a fresh seed is recorded


@pytest.mark.parametrize("sector", ["it", "sales"])
def test_the_users_sector_comes_first(sector: str) -> None:
    for seed in range(5):
        plan = make_drill_plan("structure.star", "en", sector=sector, seed=seed)
        assert all(q.sector == sector for q in questions(plan))
        assert plan.sector == sector


def test_general_questions_fill_up_before_the_other_sector() -> None:
    criterion = "learning.lesson"
    in_it = [q for q in drill_questions(criterion) if q.sector == "it"]
    plan = make_drill_plan(criterion, "en", sector="it", count=len(in_it) + 2, seed=1)
    sectors = [q.sector for q in questions(plan)]
    assert sectors[: len(in_it)] == ["it"] * len(in_it)
    assert sectors[len(in_it) :] == ["general", "general"]


def test_different_categories_first() -> None:
    plan = make_drill_plan("structure.star", "en", sector="sales", seed=11)
    categories = [q.category for q in questions(plan)]
    assert len(set(categories)) == len(categories)


def test_a_criterion_of_another_sector_still_gets_a_drill() -> None:
    plan = make_drill_plan("sales.listening", "en", sector="it", seed=2)
    assert plan.sector == "sales" and all(q.sector == "sales" for q in questions(plan))


def test_fewer_questions_when_the_bank_has_fewer() -> None:
    pool = drill_questions("interview.candidate_questions")
    plan = make_drill_plan("interview.candidate_questions", "en", seed=1)
    assert len(plan.question_ids) == len(pool) < 3


def test_plan_errors() -> None:
    with pytest.raises(PlanError):
        make_drill_plan("no.such_criterion", "en")
    always_only = [c for c in load_criteria() if not drill_questions(c)]
    assert "delivery.fillers" in always_only
    with pytest.raises(PlanError):
        make_drill_plan("delivery.fillers", "en")
    with pytest.raises(PlanError):
        make_drill_plan("structure.star", "de")
    with pytest.raises(PlanError):
        make_drill_plan("structure.star", "en", count=0)


def test_drill_questions_are_exactly_those_with_the_criterion() -> None:
    expected = sorted(q.id for q in load_questions().values() if "it.risks" in q.rubric)
    assert [q.id for q in drill_questions("it.risks")] == expected


@pytest.mark.parametrize("criterion", ["interview.candidate_questions", "learning.lesson", "structure.star"])
@pytest.mark.parametrize("sector", [None, "it", "sales", "general"])
def test_the_drill_sector_is_it_or_sales_like_every_interview(criterion: str, sector: str | None) -> None:
    plan = make_drill_plan(criterion, "en", sector=sector, seed=4)
    assert plan.sector in ("it", "sales")
    if sector in ("it", "sales") and all(q.sector in (sector, "general") for q in questions(plan)):
        assert plan.sector == sector
