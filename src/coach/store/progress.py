"""The answers behind the progress page: every answer's date, score and feedback, and each question's best."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from coach.store.models import Answer, Interview, local
from coach.store.repository import Store


@dataclass(frozen=True)
class AnswerPoint:
    """One saved answer as the progress page needs it."""

    answer_id: int
    interview_id: int | None
    position: int
    question_id: str | None
    created_at: datetime
    score: int
    lang: str
    feedback: dict[str, Any]


def answer_points(store: Store, user_id: int) -> list[AnswerPoint]:
    """All the user's answers (every attempt and follow-up), oldest first."""
    with store.session() as s:
        rows = s.execute(
            select(
                Answer.id,
                Answer.interview_id,
                Answer.position,
                Answer.question_id,
                Answer.created_at,
                Answer.score,
                Answer.lang,
                Answer.feedback,
            )
            .where(Answer.user_id == user_id)
            .order_by(Answer.created_at, Answer.id)
        ).all()
    # Local time: an answer at 00:30 in Amsterdam belongs to that day, in the charts as in the tables.
    return [AnswerPoint(*row[:4], local(row[4]), *row[5:]) for row in rows]


def best_attempts(store: Store, user_id: int) -> list[AnswerPoint]:
    """Per answered question (an interview's position), its best-scoring answer; the later one on a tie.

    A follow-up answer counts as an attempt: its feedback judges the first answer and the follow-up together.
    An answer outside an interview stands on its own. Oldest first.
    """
    best: dict[tuple[Any, ...], AnswerPoint] = {}
    for point in answer_points(store, user_id):
        key: tuple[Any, ...] = (
            ("interview", point.interview_id, point.position)
            if point.interview_id is not None
            else ("single", point.answer_id)
        )
        current = best.get(key)
        if current is None or point.score >= current.score:
            best[key] = point
    return sorted(best.values(), key=lambda p: (p.created_at, p.answer_id))


def usual_sector(store: Store, user_id: int) -> str | None:
    """The sector (it or sales) the user practises most, or None before the first interview."""
    with store.session() as s:
        sectors = s.scalars(
            select(Interview.sector).where(
                Interview.user_id == user_id, Interview.sector.in_(("it", "sales"))
            )
        ).all()
    counts = Counter(sectors)
    return max(sorted(counts), key=lambda sector: counts[sector]) if counts else None


def usual_language(store: Store, user_id: int) -> str | None:
    """The language the user answers in most (nl or en), or None before the first answer."""
    with store.session() as s:
        langs = s.scalars(select(Answer.lang).where(Answer.user_id == user_id)).all()
    counts = Counter(lang for lang in langs if lang in ("nl", "en"))
    return max(sorted(counts), key=lambda lang: counts[lang]) if counts else None
