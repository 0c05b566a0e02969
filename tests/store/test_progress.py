"""The progress store functions: every answer, the best attempt per question, usual sector and language."""

from __future__ import annotations

from datetime import datetime

from coach.store.progress import answer_points, best_attempts, usual_language, usual_sector
from coach.store.repository import Store
from tests.store.support import backdate, new_interview


def add(
    store: Store,
    user: int,
    interview: int | None,
    position: int,
    score: int,
    *,
    kind: str = "answer",
    lang: str = "en",
    when: datetime | None = None,
) -> int:
    answer_id = store.add_answer(
        user,
        interview_id=interview,
        position=position,
        question_id=None,
        question_text="Q?",
        text="A.",
        lang=lang,
        score=score,
        feedback={"score": score, "findings": []},
        kind=kind,
    )
    if when is not None:
        backdate(store, answer_id, when)
    return answer_id


def test_best_attempt_per_question_with_follow_ups_and_ties(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    interview = new_interview(fresh_store, user)
    add(fresh_store, user, interview, 0, 40)
    better = add(fresh_store, user, interview, 0, 75)
    add(fresh_store, user, interview, 0, 60)
    add(fresh_store, user, interview, 1, 30)
    follow_up = add(fresh_store, user, interview, 1, 55, kind="follow_up")
    add(fresh_store, user, interview, 2, 50)
    tie = add(fresh_store, user, interview, 2, 50)
    single = add(fresh_store, user, None, 0, 20)
    best = best_attempts(fresh_store, user)
    assert sorted(p.answer_id for p in best) == sorted([better, follow_up, tie, single])
    assert len(answer_points(fresh_store, user)) == 8


def test_points_are_oldest_first_with_feedback(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    interview = new_interview(fresh_store, user)
    late = add(fresh_store, user, interview, 0, 10, when=datetime(2025, 6, 2))
    early = add(fresh_store, user, interview, 1, 20, when=datetime(2025, 6, 1))
    points = best_attempts(fresh_store, user)
    assert [p.answer_id for p in points] == [early, late]
    assert points[0].feedback == {"score": 20, "findings": []} and points[0].created_at.day == 1


def test_only_the_users_own_answers(fresh_store: Store) -> None:
    me, other = fresh_store.user_id(), fresh_store.user_id("other")
    add(fresh_store, other, new_interview(fresh_store, other, "sales"), 0, 90, lang="nl")
    assert best_attempts(fresh_store, me) == [] and answer_points(fresh_store, me) == []
    assert usual_sector(fresh_store, me) is None and usual_language(fresh_store, me) is None
    assert usual_sector(fresh_store, other) == "sales" and usual_language(fresh_store, other) == "nl"


def test_usual_sector_and_language(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    for sector in ("it", "sales", "sales", "general"):
        add(fresh_store, user, new_interview(fresh_store, user, sector), 0, 50, lang="nl")
    add(fresh_store, user, None, 0, 50, lang="en")
    assert usual_sector(fresh_store, user) == "sales"
    assert usual_language(fresh_store, user) == "nl"
