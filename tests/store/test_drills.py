"""Drill answers in the store, on SQLite and PostgreSQL: saved per user, once per token, with progress."""

from __future__ import annotations

from coach.store.drills import drill_progress, get_attempt, list_attempts, save_attempt
from coach.store.repository import Store
from coach.store.transfer import delete_all


def _save(store: Store, user: int, drill: str, score: int, token: str | None = None) -> int:
    return save_attempt(
        store,
        user,
        drill=drill,
        prompt={"tech": "cache", "use_case": "product_catalogue"},
        question_text="How would you use a cache for a web shop's product catalogue?",
        text="An answer.",
        lang="en",
        score=score,
        steps_met=score // 20,
        steps_total=5,
        result={"steps": []},
        duration_s=42.0,
        token=token,
    )


def test_attempts_are_saved_per_user_once_per_token_and_summed_up(any_store: Store) -> None:
    me, other = any_store.user_id(), any_store.user_id("other")
    first = _save(any_store, me, "design", 40, token="tok-1")
    assert _save(any_store, me, "design", 99, token="tok-1") == first  # a repeated submit saves nothing new
    _save(any_store, me, "design", 80)
    _save(any_store, me, "explain", 55)
    _save(any_store, other, "design", 10)
    assert [a.score for a in list_attempts(any_store, me, "design")] == [80, 40]
    assert get_attempt(any_store, other, first) is None
    assert get_attempt(any_store, me, first).duration_s == 42.0  # type: ignore[union-attr]
    progress = {p.drill: p for p in drill_progress(any_store, me)}
    assert (progress["design"].attempts, progress["design"].best, progress["design"].change) == (2, 80, 40)
    assert progress["design"].latest_steps == (4, 5)
    assert progress["explain"].attempts == 1


def test_deleting_all_data_deletes_drill_answers(any_store: Store) -> None:
    me = any_store.user_id()
    _save(any_store, me, "explain", 70)
    delete_all(any_store, me)
    assert list_attempts(any_store, me) == []
