"""The candidate's preparation: sector, interview date, employer and the checklist items done (one row)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from coach.store.models import Preparation
from coach.store.repository import Store

SECTORS = ("it", "sales")
MAX_EMPLOYER_CHARS = 200  # the column's length


def blank_preparation(user_id: int) -> Preparation:
    """An unsaved preparation with the defaults, for a user who has not saved one yet."""
    return Preparation(user_id=user_id, sector="it", interview_date=None, employer="", done=[])


def get_preparation(store: Store, user_id: int) -> Preparation:
    """The user's preparation, or an unsaved blank one (id None) if there is none yet."""
    with store.session() as s:
        found = s.scalar(select(Preparation).where(Preparation.user_id == user_id))
    return found if found is not None else blank_preparation(user_id)


def save_preparation(
    store: Store,
    user_id: int,
    *,
    sector: str,
    interview_date: date | None,
    employer: str,
    done: list[str],
) -> Preparation:
    """Create or replace the user's preparation; `done` is kept in the given order without repeats."""
    if sector not in SECTORS:
        raise ValueError(f"unknown sector {sector!r}")
    if len(employer) > MAX_EMPLOYER_CHARS:
        raise ValueError(f"employer longer than {MAX_EMPLOYER_CHARS} characters")
    values = {
        "sector": sector,
        "interview_date": interview_date,
        "employer": employer,
        "done": list(dict.fromkeys(done)),
    }
    try:
        return _upsert(store, user_id, values)
    except IntegrityError:  # a concurrent first save created the row: update that one
        return _upsert(store, user_id, values)


def _upsert(store: Store, user_id: int, values: dict[str, object]) -> Preparation:
    with store.session() as s:
        row = s.scalar(select(Preparation).where(Preparation.user_id == user_id))
        if row is None:
            row = Preparation(user_id=user_id, **values)
            s.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        s.flush()
        s.refresh(row)
        return row
