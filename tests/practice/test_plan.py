"""Interview plans: realistic order, 60/40 mix, no repeated category, reproducible by seed."""

from __future__ import annotations

import pytest

from coach.content.bank import load_questions
from coach.practice.plan import CLOSING_ID, PlanError, make_plan

QUESTIONS = load_questions()
ROLES = [("it", r) for r in ("backend", "frontend", "data", "devops", "qa", "lead")] + [
    ("sales", r) for r in ("sdr", "ae", "am", "se")
]


@pytest.mark.parametrize(("sector", "role"), ROLES)
@pytest.mark.parametrize("level", ["junior", "medior", "senior"])
def test_plan_shape(sector: str, role: str, level: str) -> None:
    plan = make_plan(sector, role, level, "nl", count=8, seed=7)
    ids = plan.question_ids
    assert len(ids) == 8 and len(set(ids)) == 8
    assert ids[-1] == CLOSING_ID
    opener = QUESTIONS[ids[0]]
    assert opener.stage == "opening"
    if sector == "sales":
        assert opener.category == "targets"
    middle = [QUESTIONS[i] for i in ids[1:-1]]
    assert all(role in q.roles or "any" in q.roles for q in middle)
    assert all(level in q.levels for q in middle)
    categories = [q.category for q in middle] + [opener.category]
    assert len(set(categories)) == len(categories), f"two questions test the same thing: {categories}"
    sector_share = sum(q.sector == sector for q in middle) / len(middle)
    assert 0.5 <= sector_share <= 0.7


def test_same_seed_same_plan_and_other_seed_other_plan() -> None:
    a = make_plan("sales", "ae", "medior", "en", count=6, seed=11)
    b = make_plan("sales", "ae", "medior", "en", count=6, seed=11)
    c = make_plan("sales", "ae", "medior", "en", count=6, seed=12)
    assert a == b
    assert a.question_ids != c.question_ids


def test_length_in_minutes() -> None:
    assert len(make_plan("it", "backend", "senior", "en", minutes=45, seed=1).question_ids) == 10
    assert len(make_plan("it", "backend", "senior", "en", minutes=5, seed=1).question_ids) == 3


def test_near_certain_questions_come_up_for_seniors() -> None:
    likely = {q.id for q in QUESTIONS.values() if "senior" in q.likely and q.sector == "it"}
    asked = set()
    for seed in range(20):
        asked |= set(make_plan("it", "lead", "senior", "en", count=8, seed=seed).question_ids)
    assert asked & likely


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("hr", "ae", "medior", "nl"), "sector"),
        (("it", "ae", "medior", "nl"), "role"),
        (("it", "qa", "expert", "nl"), "level"),
        (("it", "qa", "medior", "de"), "language"),
    ],
)
def test_bad_settings_are_refused(args: tuple[str, str, str, str], message: str) -> None:
    with pytest.raises(PlanError, match=message):
        make_plan(*args, count=5, seed=1)
