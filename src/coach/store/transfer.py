"""All of a user's data as one JSON document: export it, import it again (no duplicates), or delete it.

The document (`format` "coach-export", `version` 1) holds the interviews with their answers, answers
outside an interview, the stories and the preparation, with datetimes in ISO 8601 (UTC). Ids are
included for reference only: an import adds new rows with new ids and keeps each answer with its
interview. Submission tokens (which only stop a double-clicked form from saving twice) are left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from coach.errors import MAX_ANSWER_CHARS
from coach.i18n import N_
from coach.store.models import Answer, Interview, Preparation, Story, utc
from coach.store.repository import Store

FORMAT = "coach-export"
VERSION = 1

LongText = Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]
ShortText = Annotated[str, Field(max_length=100)]
Score = Annotated[int, Field(ge=0, le=100)]
Lang = Literal["nl", "en"]


class TransferError(ValueError):
    """A file that can't be imported: `message` is an interface text to translate, filled with `values`."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message.format(**values) if values else message)
        self.message = message
        self.values = values


R = TypeVar("R")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnswerRecord(_Record):
    """An answer as exported."""

    id: int | None = None
    position: int = Field(ge=0)
    attempt: int = Field(ge=1)
    kind: Literal["answer", "follow_up"]
    question_id: ShortText | None
    question_text: LongText
    text: LongText
    lang: Lang
    score: Score
    feedback: dict[str, Any]
    duration_s: float | None = Field(default=None, ge=0)
    timed_out: bool = False
    created_at: datetime


class InterviewRecord(_Record):
    """An interview as exported, with its answers."""

    id: int | None = None
    sector: Literal["it", "sales"]
    role: Annotated[str, Field(min_length=1, max_length=20)]
    level: Literal["junior", "medior", "senior"]
    lang: Lang
    seed: int
    plan: list[ShortText] = Field(max_length=100)
    time_limit_s: int | None = Field(default=None, ge=0)
    status: Literal["active", "finished", "abandoned"]
    position: int = Field(ge=0)
    pending_follow_up: LongText | None = None
    created_at: datetime
    finished_at: datetime | None = None
    answers: list[AnswerRecord] = []


class StoryRecord(_Record):
    """A story as exported."""

    id: int | None = None
    title: Annotated[str, Field(min_length=1, max_length=200)]
    text: LongText
    lang: Lang
    tags: list[ShortText] = []
    score: Score
    feedback: dict[str, Any]
    created_at: datetime
    updated_at: datetime | None = None


class PreparationRecord(_Record):
    """The preparation as exported."""

    sector: Literal["it", "sales"]
    interview_date: date | None = None
    employer: Annotated[str, Field(max_length=200)] = ""
    done: list[ShortText] = Field(default=[], max_length=1000)
    updated_at: datetime | None = None


class ExportFile(_Record):
    """A whole export file."""

    format: Literal["coach-export"]
    version: Literal[1]
    exported_at: datetime | None = None
    interviews: list[InterviewRecord] = []
    answers: list[AnswerRecord] = []  # answers outside any interview
    stories: list[StoryRecord] = []
    preparation: PreparationRecord | None = None


@dataclass(frozen=True)
class ImportResult:
    """What an import added and what it skipped because it was already there."""

    interviews: int = 0
    answers: int = 0
    stories: int = 0
    preparation: bool = False
    skipped_interviews: int = 0
    skipped_answers: int = 0
    skipped_stories: int = 0

    @property
    def skipped(self) -> int:
        return self.skipped_interviews + self.skipped_answers + self.skipped_stories


@dataclass(frozen=True)
class DeleteResult:
    """How many rows of each kind were deleted."""

    interviews: int
    answers: int
    stories: int
    preparation: int


def _iso(moment: datetime | None) -> str | None:
    return utc(moment).isoformat() if moment is not None else None


# --- export ------------------------------------------------------------------------------------------


def _answer_json(a: Answer) -> dict[str, Any]:
    return {
        "id": a.id,
        "position": a.position,
        "attempt": a.attempt,
        "kind": a.kind,
        "question_id": a.question_id,
        "question_text": a.question_text,
        "text": a.text,
        "lang": a.lang,
        "score": a.score,
        "feedback": a.feedback,
        "duration_s": a.duration_s,
        "timed_out": a.timed_out,
        "created_at": _iso(a.created_at),
    }


def _interview_json(i: Interview, user_id: int) -> dict[str, Any]:
    return {
        "id": i.id,
        "sector": i.sector,
        "role": i.role,
        "level": i.level,
        "lang": i.lang,
        "seed": i.seed,
        "plan": list(i.plan),
        "time_limit_s": i.time_limit_s,
        "status": i.status,
        "position": i.position,
        "pending_follow_up": i.pending_follow_up,
        "created_at": _iso(i.created_at),
        "finished_at": _iso(i.finished_at),
        "answers": [_answer_json(a) for a in i.answers if a.user_id == user_id],
    }


def story_json(story: Story) -> dict[str, Any]:
    """A story as JSON, for the export and the API: its fields, score, feedback and UTC timestamps."""
    return {
        "id": story.id,
        "title": story.title,
        "text": story.text,
        "lang": story.lang,
        "tags": list(story.tags or []),
        "score": story.score,
        "feedback": story.feedback,
        "created_at": _iso(story.created_at),
        "updated_at": _iso(story.updated_at),
    }


def _preparation_json(prep: Preparation) -> dict[str, Any]:
    return {
        "sector": prep.sector,
        "interview_date": prep.interview_date.isoformat() if prep.interview_date else None,
        "employer": prep.employer,
        "done": list(prep.done or []),
        "updated_at": _iso(prep.updated_at),
    }


def export_data(store: Store, user_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Everything of the user as one JSON-ready document, oldest first."""
    with store.session() as s:
        interviews = s.scalars(
            select(Interview)
            .where(Interview.user_id == user_id)
            .options(selectinload(Interview.answers))
            .order_by(Interview.created_at, Interview.id)
        ).all()
        loose = s.scalars(
            select(Answer)
            .where(Answer.user_id == user_id, Answer.interview_id.is_(None))
            .order_by(Answer.created_at, Answer.id)
        ).all()
        stories = s.scalars(
            select(Story).where(Story.user_id == user_id).order_by(Story.created_at, Story.id)
        ).all()
        prep = s.scalar(select(Preparation).where(Preparation.user_id == user_id))
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": _iso(now or datetime.now(UTC)),
            "interviews": [_interview_json(i, user_id) for i in interviews],
            "answers": [_answer_json(a) for a in loose],
            "stories": [story_json(story) for story in stories],
            "preparation": _preparation_json(prep) if prep is not None else None,
        }


def export_filename(today: date | None = None) -> str:
    """The download's file name, e.g. coach-export-2025-03-14.json."""
    return f"coach-export-{(today or date.today()).isoformat()}.json"


# --- reading a file ----------------------------------------------------------------------------------


def _where(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "/"


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not allowed")  # NaN and Infinity are not JSON, and PostgreSQL refuses them


def parse_export(raw: bytes | str) -> ExportFile:
    """Read and check an export file; raises TransferError saying what is wrong with it."""
    if isinstance(raw, bytes):
        if not raw.strip():
            raise TransferError(N_("The file is empty. Choose the file that Coach exported."))
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TransferError(
                N_(
                    "The file is not UTF-8 text (byte {position}). Choose the .json file that Coach exported."
                ),
                position=exc.start,
            ) from None
    if not raw.strip():
        raise TransferError(N_("The file is empty. Choose the file that Coach exported."))
    try:
        data = json.loads(raw, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            raise TransferError(
                N_("The file is not valid JSON. Choose the .json file that Coach exported.")
            ) from None
        raise TransferError(
            N_("The file is not valid JSON (line {line}). Choose the .json file that Coach exported."),
            line=line,
        ) from None
    return validate_export(data)


def validate_export(data: object) -> ExportFile:
    """Check decoded JSON against the export format; raises TransferError saying what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(N_("This is not a Coach export: choose a file that Coach exported."))
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        raise TransferError(
            N_("This export has version {version}; this Coach can only import version {supported}."),
            version=json.dumps(version),
            supported=VERSION,
        )
    try:
        export = ExportFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = _where(tuple(error["loc"]))
        if error["type"] == "string_too_long":
            raise TransferError(
                N_("The file is damaged: {where} is too long (the limit is {limit} characters)."),
                where=where,
                limit=error.get("ctx", {}).get("max_length", "?"),
            ) from None
        raise TransferError(
            N_("The file is damaged: {where} is missing or not valid."), where=where
        ) from None
    for n, interview in enumerate(export.interviews):
        slots = [(a.position, a.attempt, a.kind) for a in interview.answers]
        if len(set(slots)) != len(slots):
            raise TransferError(
                N_("The file is damaged: {where} has two answers in the same place."),
                where=f"interviews[{n}]",
            )
    return export


# --- import ------------------------------------------------------------------------------------------


def _plan_key(plan: list[Any]) -> str:
    return json.dumps(list(plan))


def _answer_row(user_id: int, record: AnswerRecord) -> Answer:
    return Answer(
        user_id=user_id,
        position=record.position,
        attempt=record.attempt,
        kind=record.kind,
        question_id=record.question_id,
        question_text=record.question_text,
        text=record.text,
        lang=record.lang,
        score=record.score,
        feedback=record.feedback,
        duration_s=record.duration_s,
        timed_out=record.timed_out,
        submission_token=None,
        created_at=utc(record.created_at),
    )


def import_data(store: Store, user_id: int, export: ExportFile) -> ImportResult:
    """Add the file's rows for the user in one transaction, skipping what is already there.

    An interview is already there when one has the same created_at and plan; a story, the same
    created_at and title; an answer outside an interview, the same created_at and text. The preparation
    fills in a missing date and employer, and adds the checklist items ticked in the file.
    """
    with store.session() as s:
        interviews, skipped_interviews = _add_missing(
            s,
            select(Interview.created_at, Interview.plan).where(Interview.user_id == user_id),
            export.interviews,
            key=lambda r: (utc(r.created_at), _plan_key(r.plan)),
            row_key=lambda created, plan: (utc(created), _plan_key(plan)),
            make=lambda r: _interview_row(user_id, r),
        )
        answers, skipped_answers = _add_missing(
            s,
            select(Answer.created_at, Answer.text).where(
                Answer.user_id == user_id, Answer.interview_id.is_(None)
            ),
            export.answers,
            key=lambda a: (utc(a.created_at), a.text),
            make=lambda a: _answer_row(user_id, a),
        )
        stories, skipped_stories = _add_missing(
            s,
            select(Story.created_at, Story.title).where(Story.user_id == user_id),
            export.stories,
            key=lambda r: (utc(r.created_at), r.title),
            make=lambda r: _story_row(user_id, r),
        )
        prep_changed = False
        if export.preparation is not None:
            prep_changed = _merge_preparation(s, user_id, export.preparation)
    return ImportResult(
        interviews=len(interviews),
        answers=len(answers) + sum(len(r.answers) for r in interviews),
        stories=len(stories),
        preparation=prep_changed,
        skipped_interviews=skipped_interviews,
        skipped_answers=skipped_answers,
        skipped_stories=skipped_stories,
    )


def _add_missing(
    s: Any,
    existing: Any,
    records: Sequence[R],
    key: Callable[[R], tuple[Any, ...]],
    make: Callable[[R], Any],
    row_key: Callable[..., tuple[Any, ...]] | None = None,
) -> tuple[list[R], int]:
    """Add a row (`make`) for each record whose `key` is neither an `existing` row's (a select of created_at
    and one more column, made a key by `row_key`) nor an earlier record's. Returns (added, skipped)."""
    have = {(row_key or (lambda created, other: (utc(created), other)))(*row) for row in s.execute(existing)}
    added: list[R] = []
    for record in records:
        if key(record) in have:
            continue
        have.add(key(record))
        s.add(make(record))
        added.append(record)
    s.flush()
    return added, len(records) - len(added)


def _interview_row(user_id: int, record: InterviewRecord) -> Interview:
    return Interview(
        user_id=user_id,
        sector=record.sector,
        role=record.role,
        level=record.level,
        lang=record.lang,
        seed=record.seed,
        plan=list(record.plan),
        time_limit_s=record.time_limit_s,
        status=record.status,
        position=record.position,
        pending_follow_up=record.pending_follow_up,
        created_at=utc(record.created_at),
        finished_at=utc(record.finished_at) if record.finished_at else None,
        answers=[_answer_row(user_id, a) for a in record.answers],
    )


def _story_row(user_id: int, record: StoryRecord) -> Story:
    return Story(
        user_id=user_id,
        title=record.title,
        text=record.text,
        lang=record.lang,
        tags=list(record.tags),
        score=record.score,
        feedback=record.feedback,
        created_at=utc(record.created_at),
        updated_at=utc(record.updated_at or record.created_at),
    )


def _merge_preparation(s: Any, user_id: int, record: PreparationRecord) -> bool:
    row = s.scalar(select(Preparation).where(Preparation.user_id == user_id))
    if row is None:
        s.add(
            Preparation(
                user_id=user_id,
                sector=record.sector,
                interview_date=record.interview_date,
                employer=record.employer,
                done=list(dict.fromkeys(record.done)),
                updated_at=utc(record.updated_at or datetime.now(UTC)),
            )
        )
        s.flush()
        return True
    changed = False
    if row.interview_date is None and record.interview_date is not None:
        row.interview_date = record.interview_date
        changed = True
    if not row.employer and record.employer:
        row.employer = record.employer
        changed = True
    done = list(row.done or [])
    extra = [i for i in dict.fromkeys(record.done) if i not in done]
    if extra:
        row.done = done + extra
        changed = True
    s.flush()
    return changed


# --- delete ------------------------------------------------------------------------------------------


def delete_all(store: Store, user_id: int) -> DeleteResult:
    """Delete everything of the user in one transaction: interviews, answers, stories, the preparation,
    the sales toolkit (results profile, role-plays, pitches), the IT toolkit's drill answers, and the
    spoken-answer data (kept recordings with their files, transcription jobs, the audio setting)."""
    from coach.store.models import (
        DrillAttempt,
        Recording,
        SalesDrill,
        SalesProfile,
        SpeechJob,
        SpeechSettings,
    )
    from coach.store.speech import recording_path

    with store.session() as s:
        recordings = s.scalars(select(Recording).where(Recording.user_id == user_id))
        files = [recording_path(user_id, r) for r in recordings]
        s.execute(delete(Recording).where(Recording.user_id == user_id))
        s.execute(delete(SpeechJob).where(SpeechJob.user_id == user_id))
        s.execute(delete(SpeechSettings).where(SpeechSettings.user_id == user_id))
        s.execute(delete(SalesDrill).where(SalesDrill.user_id == user_id))
        s.execute(delete(SalesProfile).where(SalesProfile.user_id == user_id))
        s.execute(delete(DrillAttempt).where(DrillAttempt.user_id == user_id))
        answers = s.execute(delete(Answer).where(Answer.user_id == user_id)).rowcount
        interviews = s.execute(delete(Interview).where(Interview.user_id == user_id)).rowcount
        stories = s.execute(delete(Story).where(Story.user_id == user_id)).rowcount
        preparation = s.execute(delete(Preparation).where(Preparation.user_id == user_id)).rowcount
    for path in files:  # after the commit: a failed transaction keeps rows and files together
        path.unlink(missing_ok=True)
    return DeleteResult(interviews=interviews, answers=answers, stories=stories, preparation=preparation)


def counts(store: Store, user_id: int) -> dict[str, int]:
    """How many interviews, answers and stories the user has, and whether a preparation is saved (0/1)."""
    with store.session() as s:
        return {
            name: int(s.scalar(select(func.count()).select_from(model).where(model.user_id == user_id)) or 0)
            for name, model in (
                ("interviews", Interview),
                ("answers", Answer),
                ("stories", Story),
                ("preparation", Preparation),
            )
        }
