"""The store on SQLite and on a real PostgreSQL server: migrations, rows per user, idempotent answers."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import inspect

from coach.store.database import migrate
from coach.store.repository import Store


def test_migrations_create_every_table_and_are_safe_to_repeat(any_store: Store) -> None:
    migrate(any_store.engine)
    tables = set(inspect(any_store.engine).get_table_names())
    assert {"users", "interviews", "answers", "stories", "preparation", "alembic_version"} <= tables


def test_interview_with_answers_round_trips(any_store: Store) -> None:
    user = any_store.user_id()
    interview = any_store.create_interview(user, sector="it", role="qa", level="junior", lang="nl", seed=9,
                                           plan=["it.a", "it.b"], time_limit_s=90)
    feedback = {"score": 40, "findings": [{"criterion": "x", "status": "met", "spans": [[0, 3]]}], "naïef": "é€"}
    any_store.add_answer(user, interview_id=interview, position=0, question_id="it.a", question_text="Vraag?",
                         text="Antwoord met € en ü", lang="nl", score=40, feedback=feedback)
    any_store.add_answer(user, interview_id=interview, position=0, question_id="it.a", question_text="Vraag?",
                         text="Beter antwoord", lang="nl", score=70, feedback=feedback)
    any_store.set_cursor(interview, 1, "Wat was het resultaat?")
    loaded = any_store.interview(user, interview)
    assert loaded is not None
    assert loaded.plan == ["it.a", "it.b"] and loaded.time_limit_s == 90
    assert [(a.attempt, a.score) for a in loaded.answers] == [(1, 40), (2, 70)]
    assert loaded.answers[0].feedback == feedback and loaded.answers[0].text == "Antwoord met € en ü"
    assert (loaded.position, loaded.pending_follow_up) == (1, "Wat was het resultaat?")


def test_rows_belong_to_their_user(any_store: Store) -> None:
    alice, bob = any_store.user_id("alice"), any_store.user_id("bob")
    interview = any_store.create_interview(alice, sector="sales", role="ae", level="medior", lang="en", seed=1,
                                           plan=["sales.x"])
    assert any_store.interview(bob, interview) is None
    assert any_store.interviews(bob) == []
    assert [i.id for i in any_store.interviews(alice)] == [interview]


def test_the_same_submission_token_stores_one_answer_even_concurrently(any_store: Store) -> None:
    user = any_store.user_id()
    interview = any_store.create_interview(user, sector="it", role="qa", level="junior", lang="en", seed=1,
                                           plan=["it.a"])

    def submit(_: int) -> int:
        return any_store.add_answer(user, interview_id=interview, position=0, question_id="it.a",
                                    question_text="Q", text="A", lang="en", score=1, feedback={},
                                    submission_token="tok-123456", attempt=1)

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = set(pool.map(submit, range(8)))
    assert len(ids) == 1
    assert len(any_store.interview(user, interview).answers) == 1  # type: ignore[union-attr]


def test_simultaneous_retries_get_their_own_attempts_and_a_token_stores_once(any_store: Store) -> None:
    user = any_store.user_id()
    interview = any_store.create_interview(user, sector="it", role="qa", level="junior", lang="en", seed=1,
                                           plan=["it.a"])
    any_store.add_answer(user, interview_id=interview, position=0, question_id="it.a", question_text="Q",
                         text="first", lang="en", score=1, feedback={}, submission_token="first-token", attempt=1)

    def retry(n: int) -> int:  # 20 retries at once: 15 forms, the first 5 of them sent twice
        token = f"retry-{n % 15:04d}"
        return any_store.add_answer(user, interview_id=interview, position=0, question_id="it.a",
                                    question_text="Q", text=token, lang="en", score=2, feedback={},
                                    submission_token=token)

    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = list(pool.map(retry, range(20)))
    loaded = any_store.interview(user, interview)
    assert loaded is not None
    assert sorted(a.attempt for a in loaded.answers) == list(range(1, 17))  # first + 15, no gap, no clash
    by_id = {a.id: a for a in loaded.answers}
    assert all(by_id[ids[n]].text == f"retry-{n % 15:04d}" for n in range(20))
    assert ids[:5] == ids[15:] and len(set(ids)) == 15


def test_user_is_created_once_under_concurrency(any_store: Store) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = set(pool.map(lambda _: any_store.user_id("carol"), range(8)))
    assert len(ids) == 1
