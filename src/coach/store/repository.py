"""The store's operations, in one place, used by the CLI and the web app alike."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from coach.store.database import make_engine, migrate
from coach.store.models import Answer, Interview, User

LOCAL_USER = "local"


class SlotTaken(Exception):
    """Another submission already saved the answer for this question (another tab, or a repeated send)."""

    def __init__(self, answer_id: int) -> None:
        super().__init__(f"already answered: answer {answer_id}")
        self.answer_id = answer_id


class Store:
    """A database with Coach's tables; `Store()` opens the default one and migrates it."""

    def __init__(
        self, url: str | None = None, engine: Engine | None = None, run_migrations: bool = True
    ) -> None:
        self.engine = engine or make_engine(url)
        if run_migrations:
            migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def user_id(self, name: str = LOCAL_USER) -> int:
        """The id of the user `name`, created on first use."""
        with self.session() as s:
            found = s.scalar(select(User.id).where(User.name == name))
            if found is not None:
                return found
        try:
            with self.session() as s:
                user = User(name=name)
                s.add(user)
                s.flush()
                return user.id
        except IntegrityError:  # created by a concurrent caller
            with self.session() as s:
                return s.scalar(select(User.id).where(User.name == name))  # type: ignore[return-value]

    def create_interview(
        self,
        user_id: int,
        *,
        sector: str,
        role: str,
        level: str,
        lang: str,
        seed: int,
        plan: list[str],
        time_limit_s: int | None = None,
    ) -> int:
        """Save a new interview's plan and settings; returns its id."""
        with self.session() as s:
            interview = Interview(
                user_id=user_id,
                sector=sector,
                role=role,
                level=level,
                lang=lang,
                seed=seed,
                plan=plan,
                time_limit_s=time_limit_s,
                status="active",
            )
            s.add(interview)
            s.flush()
            return interview.id

    def add_answer(
        self,
        user_id: int,
        *,
        interview_id: int | None,
        position: int,
        question_id: str | None,
        question_text: str,
        text: str,
        lang: str,
        score: int,
        feedback: dict[str, Any],
        kind: str = "answer",
        attempt: int | None = None,
        duration_s: float | None = None,
        timed_out: bool = False,
        submission_token: str | None = None,
    ) -> int:
        """Save an answer with its feedback; `attempt` defaults to the next one for that slot.

        A `submission_token` makes the save idempotent: the same token again returns the first answer's id.
        Choosing the next attempt of an interview's question first locks the interview's row (a write that
        changes nothing): simultaneous retries then take their turns, each gets its own number, and none
        reads a number another is about to use (no clash on PostgreSQL; on SQLite the lock is taken by the
        transaction's first statement, so it waits instead of failing on a read lock it can't upgrade).
        """
        if submission_token is not None:
            existing = self.answer_by_token(user_id, submission_token)
            if existing is not None:
                return existing
        try:
            with self.session() as s:
                if attempt is None and interview_id is not None:
                    s.execute(
                        update(Interview)
                        .where(Interview.id == interview_id)
                        .values(status=Interview.status)
                    )
                    if submission_token is not None:  # the same form, sent again while we waited
                        existing = s.scalar(
                            select(Answer.id).where(
                                Answer.user_id == user_id, Answer.submission_token == submission_token
                            )
                        )
                        if existing is not None:
                            return existing
                if attempt is None:
                    last = s.scalar(
                        select(func.max(Answer.attempt)).where(
                            Answer.interview_id == interview_id,
                            Answer.position == position,
                            Answer.kind == kind,
                        )
                    )
                    attempt = (last or 0) + 1
                answer = Answer(
                    user_id=user_id,
                    interview_id=interview_id,
                    position=position,
                    attempt=attempt,
                    kind=kind,
                    question_id=question_id,
                    question_text=question_text,
                    text=text,
                    lang=lang,
                    score=score,
                    feedback=feedback,
                    duration_s=duration_s,
                    timed_out=timed_out,
                    submission_token=submission_token,
                )
                s.add(answer)
                s.flush()
                return answer.id
        except IntegrityError:
            if submission_token is not None:  # a concurrent double submit won the race
                existing = self.answer_by_token(user_id, submission_token)
                if existing is not None:
                    return existing
            if interview_id is not None:  # another submission took this slot first (uq_answer_slot)
                taken = self.latest_answer(interview_id, position, kind)
                if taken is not None:
                    raise SlotTaken(taken.id) from None
            raise

    def discard_interview(self, user_id: int, interview_id: int) -> bool:
        """Delete an unfinished interview of the user with its answers; False when there is none."""
        with self.session() as s:
            interview = s.get(Interview, interview_id)
            if interview is None or interview.user_id != user_id or interview.status != "active":
                return False
            s.delete(interview)
            return True

    def answer_by_token(self, user_id: int, token: str) -> int | None:
        """The id of the answer saved with this submission token, if any."""
        with self.session() as s:
            return s.scalar(
                select(Answer.id).where(Answer.user_id == user_id, Answer.submission_token == token)
            )

    def set_cursor(self, interview_id: int, position: int, pending_follow_up: str | None) -> None:
        """Record which question is being asked now and any follow-up waiting for an answer."""
        with self.session() as s:  # one UPDATE: no read first, so SQLite never has to upgrade a read lock
            s.execute(
                update(Interview)
                .where(Interview.id == interview_id)
                .values(position=position, pending_follow_up=pending_follow_up)
            )

    def answer(self, user_id: int, answer_id: int) -> Answer | None:
        """One of the user's answers, or None."""
        with self.session() as s:
            return s.scalar(select(Answer).where(Answer.user_id == user_id, Answer.id == answer_id))

    def latest_answer(self, interview_id: int, position: int, kind: str = "answer") -> Answer | None:
        """The newest answer of `kind` at a position of an interview."""
        with self.session() as s:
            return s.scalar(
                select(Answer)
                .where(Answer.interview_id == interview_id, Answer.position == position, Answer.kind == kind)
                .order_by(Answer.attempt.desc())
                .limit(1)
            )

    def finish_interview(self, interview_id: int, status: str = "finished") -> None:
        """Mark an interview finished (or `abandoned`)."""
        with self.session() as s:
            interview = s.get(Interview, interview_id)
            if interview is not None:
                interview.status = status
                interview.finished_at = datetime.now(UTC)

    def interviews(self, user_id: int) -> list[Interview]:
        """The user's interviews, newest first, with their answers."""
        with self.session() as s:
            rows = s.scalars(
                select(Interview)
                .where(Interview.user_id == user_id)
                .options(selectinload(Interview.answers))
                .order_by(Interview.created_at.desc(), Interview.id.desc())
            )
            return list(rows)

    def interview(self, user_id: int, interview_id: int) -> Interview | None:
        """One of the user's interviews with its answers, or None."""
        with self.session() as s:
            return s.scalar(
                select(Interview)
                .where(Interview.user_id == user_id, Interview.id == interview_id)
                .options(selectinload(Interview.answers))
            )
