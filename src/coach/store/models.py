"""The tables. Every row belongs to a user, so that a multi-user deployment needs no schema change."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


def utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive datetime (as SQLite returns them) is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def local(moment: datetime) -> datetime:
    """A stored moment (kept in UTC) in the time zone of this computer (TZ sets it): what the clock said."""
    return utc(moment).astimezone()


class Base(DeclarativeBase):
    """Declarative base of Coach's tables."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    """A candidate. A local installation has one implicit user, `local`."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Interview(Base):
    """A mock interview: its plan and settings."""

    __tablename__ = "interviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    sector: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(2))
    seed: Mapped[int] = mapped_column(Integer)
    plan: Mapped[list[Any]] = mapped_column(JSON)
    time_limit_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    position: Mapped[int] = mapped_column(Integer, default=0)  # the question being asked now
    pending_follow_up: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    answers: Mapped[list[Answer]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Answer.id"
    )


class Answer(Base):
    """One answer (or a follow-up answer, or another attempt) with the feedback it got."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("interview_id", "position", "attempt", "kind", name="uq_answer_slot"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True, nullable=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(20), default="answer")  # answer | follow_up
    question_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    question_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2))
    score: Mapped[int] = mapped_column(Integer)
    feedback: Mapped[dict[str, Any]] = mapped_column(JSON)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    timed_out: Mapped[bool] = mapped_column(Boolean, default=False)
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    interview: Mapped[Interview | None] = relationship(back_populates="answers")


class Story(Base):
    """One of the candidate's own STAR(R) stories, tagged with the competencies it shows."""

    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2))
    tags: Mapped[list[Any]] = mapped_column(JSON)  # question categories, e.g. ["conflict", "failure"]
    score: Mapped[int] = mapped_column(Integer)
    feedback: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Preparation(Base):
    """The candidate's preparation: the interview date, the employer, and the checklist items done."""

    __tablename__ = "preparation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    sector: Mapped[str] = mapped_column(String(20), default="it")
    interview_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    employer: Mapped[str] = mapped_column(String(200), default="")
    done: Mapped[list[Any]] = mapped_column(JSON, default=list)  # checklist item ids
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class SpeechJob(Base):
    """A spoken answer being transcribed and checked off the event loop; any web worker can report on it."""

    __tablename__ = "speech_jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True, nullable=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="answer")  # answer | follow_up | retry | drill
    token: Mapped[str] = mapped_column(String(64), unique=True)  # the answer's submission token
    lang: Mapped[str] = mapped_column(String(2))  # the interface language, for the error message
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued | running | done | failed
    stage: Mapped[str] = mapped_column(String(20), default="queued")  # queued, checking, model, transcribing
    progress: Mapped[float] = mapped_column(Float, default=0.0)  # 0..1
    audio_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    error_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="SET NULL"), nullable=True
    )
    # kind "drill": where the transcript goes (family, drill, turn or prompt) and, when done, the result's url
    target: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class SpeechSettings(Base):
    """The candidate's choices for spoken answers: whether recordings are kept after transcription."""

    __tablename__ = "speech_settings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    keep_audio: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Recording(Base):
    """A kept recording of a spoken answer (only when the candidate chose to keep them)."""

    __tablename__ = "recordings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="SET NULL"), index=True, nullable=True
    )
    file_name: Mapped[str] = mapped_column(String(100))  # in the recordings folder
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    question_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SalesProfile(Base):
    """The candidate's results one-pager and reference customers, as entered (validated before saving)."""

    __tablename__ = "sales_profiles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    lang: Mapped[str] = mapped_column(String(2))  # the language the figures were written in
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class SalesDrill(Base):
    """An objection role-play or a pitch: its turns (buyer and candidate), and the feedback at the end."""

    __tablename__ = "sales_drills"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # roleplay | pitch
    item: Mapped[str] = mapped_column(String(200))  # the objection id, or the employer pitched
    lang: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | finished
    turns: Mapped[list[Any]] = mapped_column(JSON, default=list)
    setup: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the pitch's inputs and outline
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    feedback: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
class DrillAttempt(Base):
    """One answer in an IT-toolkit drill (design or explain-it-simply) with the drill's verdict."""

    __tablename__ = "drill_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    drill: Mapped[str] = mapped_column(String(20))  # design | explain
    prompt: Mapped[dict[str, Any]] = mapped_column(JSON)  # {tech, use_case} or {concept, audience}
    question_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2))
    score: Mapped[int] = mapped_column(Integer)
    steps_met: Mapped[int] = mapped_column(Integer)
    steps_total: Mapped[int] = mapped_column(Integer)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    timed_out: Mapped[bool] = mapped_column(Boolean, default=False)
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --- accounts (a shared deployment; a local installation has none of these rows) -----------------------


class Account(Base):
    """A user's sign-in on a shared deployment: e-mail, argon2 password hash, role, and lockout state."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="candidate")  # candidate | coach | admin
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuthSession(Base):
    """A signed-in browser: only the hash of its cookie's token is stored (a leak signs no one in)."""

    __tablename__ = "auth_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Invitation(Base):
    """A one-time link: an invitation to make an account (kind invite) or to set a new password (reset).
    `user_id` is who issued it; `for_user_id` the account a reset is for."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="invite")  # invite | reset
    email: Mapped[str] = mapped_column(String(254), default="")
    role: Mapped[str] = mapped_column(String(20), default="candidate")
    for_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SignInFailure(Base):
    """A failed sign-in, for the rate limit per address (`source` is a hash of it; `user_id` the account
    tried, when the e-mail address belongs to one)."""

    __tablename__ = "sign_in_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=True
    )
    source: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class Share(Base):
    """A candidate (`user_id`) shares their progress with a coach, until they withdraw it."""

    __tablename__ = "shares"
    __table_args__ = (UniqueConstraint("user_id", "coach_id", name="uq_share"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CoachComment(Base):
    """A coach's comment on one of the candidate's (`user_id`) answers."""

    __tablename__ = "coach_comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Assignment(Base):
    """A practice a coach gave the candidate (`user_id`): questions or a drill, by a date."""

    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # questions | drill
    items: Mapped[list[Any]] = mapped_column(JSON)  # question ids, or [criterion id]
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CoachAccess(Base):
    """One time a coach opened the candidate's (`user_id`) data: what, and when. The candidate sees these."""

    __tablename__ = "coach_access"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(String(20))  # overview | interview | answer
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SpeechUpload(Base):
    """A spoken answer's audio waiting in the database for a transcription worker (with the job queue only);
    deleted once a worker has run its job."""

    __tablename__ = "speech_uploads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("speech_jobs.id", ondelete="CASCADE"), unique=True)
    suffix: Mapped[str] = mapped_column(String(10))
    content_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
