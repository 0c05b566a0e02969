"""The sales toolkit's storage: the results profile (one-pager and references) and the drills."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from coach.sales.profile import Problem, Profile, normalise, validate
from coach.store.models import SalesDrill, SalesProfile, utcnow
from coach.store.repository import Store

MAX_ID = 2**31 - 1


class ProfileRejected(ValueError):
    """A profile with errors: nothing is saved; `problems` says what is wrong at which field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{sum(p.level == 'error' for p in problems)} problems")
        self.problems = problems


def profile_data(store: Store, user_id: int) -> tuple[dict[str, Any], str] | None:
    """The saved profile's fields (as entered) and the language they were written in, or None."""
    with store.session() as s:
        row = s.scalar(select(SalesProfile).where(SalesProfile.user_id == user_id))
        return (dict(row.data), row.lang) if row is not None else None


def load_profile(
    store: Store, user_id: int, today: date | None = None
) -> tuple[Profile | None, list[Problem]]:
    """The saved profile, validated again (a reference's permission date may not be in the future...)."""
    saved = profile_data(store, user_id)
    if saved is None:
        return None, []
    return validate(saved[0], saved[1], today)


def save_profile(store: Store, user_id: int, raw: dict[str, Any], lang: str) -> tuple[Profile, list[Problem]]:
    """Validate and save the profile; returns it with its warnings. Raises ProfileRejected on errors (the
    saved profile is then left as it was)."""
    profile, problems = validate(raw, lang)
    if profile is None:
        raise ProfileRejected(problems)
    data = normalise(raw)
    with store.session() as s:
        row = s.scalar(select(SalesProfile).where(SalesProfile.user_id == user_id))
        if row is None:
            s.add(SalesProfile(user_id=user_id, data=data, lang=lang))
        else:
            row.data = data
            row.lang = lang
    return profile, problems


def delete_profile(store: Store, user_id: int) -> bool:
    """Delete the profile; False when there was none."""
    with store.session() as s:
        row = s.scalar(select(SalesProfile).where(SalesProfile.user_id == user_id))
        if row is None:
            return False
        s.delete(row)
        return True


# --- drills (role-play, pitch) ---


def create_drill(
    store: Store,
    user_id: int,
    kind: str,
    item: str,
    lang: str,
    turns: list[Any],
    setup: dict[str, Any] | None = None,
) -> int:
    """Start a drill; returns its id."""
    with store.session() as s:
        row = SalesDrill(
            user_id=user_id, kind=kind, item=item[:200], lang=lang, turns=turns, setup=setup or {}
        )
        s.add(row)
        s.flush()
        return row.id


def get_drill(store: Store, user_id: int, drill_id: int, kind: str | None = None) -> SalesDrill | None:
    """One of the user's drills (of `kind`), or None."""
    if not 0 < drill_id <= MAX_ID:
        return None
    with store.session() as s:
        query = select(SalesDrill).where(SalesDrill.user_id == user_id, SalesDrill.id == drill_id)
        if kind:
            query = query.where(SalesDrill.kind == kind)
        return s.scalar(query)


def update_drill(
    store: Store,
    user_id: int,
    drill_id: int,
    *,
    expected_turns: int,
    turns: list[Any],
    setup: dict[str, Any] | None = None,
    feedback: dict[str, Any] | None = None,
    score: int | None = None,
) -> bool:
    """Save a drill's new turns (and, when finished, its feedback); False when someone else added a turn
    first (`expected_turns` no longer matches) or the drill is finished: a double submit changes nothing."""
    with store.session() as s:
        row = s.scalar(
            select(SalesDrill)
            .where(SalesDrill.user_id == user_id, SalesDrill.id == drill_id)
            .with_for_update()
        )
        if row is None or row.status != "active" or len(row.turns or []) != expected_turns:
            return False
        row.turns = turns
        if setup is not None:
            row.setup = setup
        if feedback is not None:
            row.feedback = feedback
            row.score = score
            row.status = "finished"
            row.finished_at = utcnow()
        return True


def list_drills(
    store: Store, user_id: int, kind: str | None = None, finished: bool = True
) -> list[SalesDrill]:
    """The user's drills, newest first."""
    with store.session() as s:
        query = select(SalesDrill).where(SalesDrill.user_id == user_id)
        if kind:
            query = query.where(SalesDrill.kind == kind)
        if finished:
            query = query.where(SalesDrill.status == "finished")
        return list(s.scalars(query.order_by(SalesDrill.created_at.desc(), SalesDrill.id.desc())))
