"""One user's data in every table that holds user data, for the isolation walk and the account delete.

Rows are written directly, through the models, so that every table is covered: `fill_everything` fails
when a table with a user column gets no row, which makes a new table without a row here fail the tests.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from sqlalchemy import func, select

from coach.store import accounts
from coach.store import models as m
from coach.store.repository import Store

MARKER = "Zebrastreep"  # a word in the owner's texts: it must never show up on another user's pages


def _feedback() -> dict[str, Any]:
    return {"language": "en", "findings": [], "band": {"id": "fair"}, "score": 40}


def fill_everything(store: Store, user: int, coach: int | None = None) -> dict[str, int]:
    """A row of `user` in every user table; returns the ids a URL can name, by path parameter."""
    tag = secrets.token_hex(4)
    with store.session() as s:
        interview = m.Interview(
            user_id=user,
            sector="it",
            role="backend",
            level="medior",
            lang="en",
            seed=1,
            plan=["it.production_incident"],
        )
        s.add(interview)
        s.flush()
        answer = m.Answer(
            user_id=user,
            interview_id=interview.id,
            question_id="it.production_incident",
            question_text=f"{MARKER} question",
            text=f"{MARKER} answer text",
            lang="en",
            score=40,
            feedback=_feedback(),
            submission_token=f"iso-{tag}",
        )
        story = m.Story(
            user_id=user,
            title=f"{MARKER} story",
            text=f"{MARKER} story text",
            lang="en",
            tags=["conflict"],
            score=40,
            feedback=_feedback(),
        )
        roleplay = m.SalesDrill(
            user_id=user,
            kind="roleplay",
            item="too_expensive",
            lang="en",
            turns=[{"role": "candidate", "text": f"{MARKER} reply"}],
        )
        pitch = m.SalesDrill(
            user_id=user,
            kind="pitch",
            item=f"{MARKER} employer",
            lang="en",
            turns=[],
            setup={"employer": MARKER},
        )
        attempt = m.DrillAttempt(
            user_id=user,
            drill="design",
            prompt={"tech": "kafka", "use_case": "events"},
            question_text=f"{MARKER} design",
            text=f"{MARKER} drill answer",
            lang="en",
            score=40,
            steps_met=1,
            steps_total=3,
            result={},
            submission_token=f"d-{tag}",
        )
        s.add_all([answer, story, roleplay, pitch, attempt])
        s.flush()
        job = m.SpeechJob(
            user_id=user,
            interview_id=interview.id,
            position=0,
            kind="answer",
            token=f"j-{tag}",
            lang="en",
            status="done",
            stage="done",
            answer_id=answer.id,
        )
        recording = m.Recording(
            user_id=user,
            answer_id=answer.id,
            file_name=f"{tag}.webm",
            content_type="audio/webm",
            size_bytes=10,
            question_text=f"{MARKER} recorded",
        )
        s.add_all(
            [
                job,
                recording,
                m.Preparation(
                    user_id=user, employer=f"{MARKER} BV", interview_date=date(2030, 1, 1), done=[]
                ),
                m.SpeechSettings(user_id=user, keep_audio=True),
                m.SalesProfile(user_id=user, data={"role": MARKER}, lang="en"),
                m.SignInFailure(user_id=user, source="test"),
            ]
        )
        s.flush()
        s.add(
            m.SpeechUpload(user_id=user, job_id=job.id, suffix=".webm", content_type="audio/webm", data=b"x")
        )
        s.flush()
        ids = {
            "interview_id": interview.id,
            "answer_id": answer.id,
            "story_id": story.id,
            "job_id": job.id,
            "recording_id": recording.id,
            "attempt_id": attempt.id,
            "roleplay_id": roleplay.id,
            "pitch_id": pitch.id,
            "candidate_id": user,
            "user_id": user,
        }
    if coach is not None:  # the account's own tables: shared with another coach, who commented and assigned
        with store.session() as s:
            s.add(m.Share(user_id=user, coach_id=coach))
        comment = accounts.add_comment(store, coach, user, ids["answer_id"], f"{MARKER} comment")
        accounts.assign(store, coach, user, "drill", ["structure.star"], date(2030, 1, 1), f"{MARKER} note")
        accounts.log_access(store, coach, user, "overview")
        accounts.issue_reset(store, coach, user)
        accounts.start_session(store, user)
        ids["comment_id"] = comment
        with store.session() as s:
            ids["coach_id"] = coach
        missing = [
            t.name
            for t, cols in accounts.user_tables()
            if not any(count_rows(store, t, c, user) for c in cols)
        ]
        assert not missing, f"fill_everything writes no row of the user in: {missing}"
    return ids


def count_rows(store: Store, table: Any, column: Any, user: int) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(table).where(column == user)) or 0)


def snapshot(store: Store, user: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that names `user`, table by table: compared before and after the walk."""
    found = {}
    with store.session() as s:
        for table, columns in accounts.user_tables():
            rows = []
            for column in columns:
                rows += [
                    tuple(r)
                    for r in s.execute(select(table).where(column == user).order_by(*table.primary_key))
                ]
            found[table.name] = sorted(rows, key=repr)
        found["users"] = [tuple(r) for r in s.execute(select(m.User.__table__).where(m.User.id == user))]
    return found
