"""The preparation row: a blank one until saved, then created once and updated in place, per user."""

from __future__ import annotations

from datetime import date

import pytest

from coach.store.preparation import get_preparation, save_preparation
from coach.store.repository import Store


def test_blank_until_saved_then_updated_in_place(any_store: Store) -> None:
    user = any_store.user_id()
    blank = get_preparation(any_store, user)
    assert (blank.id, blank.sector, blank.interview_date, blank.employer, blank.done) == (
        None,
        "it",
        None,
        "",
        [],
    )
    first = save_preparation(
        any_store,
        user,
        sector="sales",
        interview_date=date(2025, 5, 1),
        employer="Acme",
        done=["a", "b", "a"],
    )
    assert first.done == ["a", "b"] and first.updated_at is not None
    second = save_preparation(any_store, user, sector="it", interview_date=None, employer="", done=[])
    loaded = get_preparation(any_store, user)
    assert second.id == first.id == loaded.id
    assert (loaded.sector, loaded.interview_date, loaded.employer, loaded.done) == ("it", None, "", [])


def test_each_user_has_their_own(any_store: Store) -> None:
    alice, bob = any_store.user_id("alice"), any_store.user_id("bob")
    save_preparation(any_store, alice, sector="sales", interview_date=None, employer="A", done=["x"])
    assert get_preparation(any_store, bob).id is None
    assert get_preparation(any_store, alice).employer == "A"


def test_refuses_an_unknown_sector_and_a_long_employer(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    with pytest.raises(ValueError):
        save_preparation(fresh_store, user, sector="hr", interview_date=None, employer="", done=[])
    with pytest.raises(ValueError):
        save_preparation(fresh_store, user, sector="it", interview_date=None, employer="x" * 201, done=[])
    assert get_preparation(fresh_store, user).id is None
