"""Answers in the IT toolkit's drills (design, explain-it-simply): save, list, look up, and progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from coach.store.models import DrillAttempt
from coach.store.repository import Store

DRILLS = ("design", "explain")
MAX_ID = 2**31 - 1


def save_attempt(
    store: Store,
    user_id: int,
    *,
    drill: str,
    prompt: dict[str, Any],
    question_text: str,
    text: str,
    lang: str,
    score: int,
    steps_met: int,
    steps_total: int,
    result: dict[str, Any],
    duration_s: float | None = None,
    timed_out: bool = False,
    token: str | None = None,
) -> int:
    """Save one drill answer; a repeated submission (same token) returns the attempt saved the first time."""
    if drill not in DRILLS:
        raise ValueError(f"unknown drill {drill!r}")
    if token:
        existing = attempt_by_token(store, user_id, token)
        if existing is not None:
            return existing
    row = DrillAttempt(
        user_id=user_id,
        drill=drill,
        prompt=prompt,
        question_text=question_text,
        text=text,
        lang=lang,
        score=score,
        steps_met=steps_met,
        steps_total=steps_total,
        result=result,
        duration_s=duration_s,
        timed_out=timed_out,
        submission_token=token or None,
    )
    try:
        with store.session() as s:
            s.add(row)
            s.flush()
            return row.id
    except IntegrityError:  # the same token saved meanwhile by another worker
        existing = attempt_by_token(store, user_id, token or "")
        if existing is None:
            raise
        return existing


def attempt_by_token(store: Store, user_id: int, token: str) -> int | None:
    """The id of the user's attempt saved with `token`, or None."""
    with store.session() as s:
        return s.scalar(
            select(DrillAttempt.id).where(
                DrillAttempt.user_id == user_id, DrillAttempt.submission_token == token
            )
        )


def get_attempt(store: Store, user_id: int, attempt_id: int) -> DrillAttempt | None:
    """One of the user's drill answers, or None."""
    if not 0 < attempt_id <= MAX_ID:
        return None
    with store.session() as s:
        return s.scalar(
            select(DrillAttempt).where(DrillAttempt.user_id == user_id, DrillAttempt.id == attempt_id)
        )


def list_attempts(store: Store, user_id: int, drill: str | None = None) -> list[DrillAttempt]:
    """The user's drill answers, newest first (of one drill when `drill` is given)."""
    query = select(DrillAttempt).where(DrillAttempt.user_id == user_id)
    if drill is not None:
        query = query.where(DrillAttempt.drill == drill)
    with store.session() as s:
        return list(s.scalars(query.order_by(DrillAttempt.created_at.desc(), DrillAttempt.id.desc())))


@dataclass(frozen=True)
class DrillProgress:
    """One drill's progress: answers given, best and latest score, steps met in the latest answer."""

    drill: str
    attempts: int
    best: int
    latest: int
    first: int
    latest_steps: tuple[int, int]

    @property
    def change(self) -> int:
        """Latest score minus the first one."""
        return self.latest - self.first


def drill_progress(store: Store, user_id: int) -> list[DrillProgress]:
    """Per drill the user has practised: counts and scores, in DRILLS order."""
    found = []
    for drill in DRILLS:
        rows = list_attempts(store, user_id, drill)
        if not rows:
            continue
        newest, oldest = rows[0], rows[-1]
        found.append(
            DrillProgress(
                drill,
                len(rows),
                max(r.score for r in rows),
                newest.score,
                oldest.score,
                (newest.steps_met, newest.steps_total),
            )
        )
    return found
