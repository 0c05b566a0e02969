"""Export, import and delete all of a user's data, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from coach.i18n import translate
from coach.store import transfer
from coach.store.models import Story
from coach.store.preparation import get_preparation, save_preparation
from coach.store.repository import Store
from coach.store.transfer import (
    TransferError,
    counts,
    delete_all,
    export_data,
    import_data,
    parse_export,
    validate_export,
)
from tests.store.support import without_ids

FEEDBACK = {
    "score": 55,
    "language": "nl",
    "findings": [{"criterion": "x", "status": "met", "spans": [[0, 4]]}],
}


def add_story(store: Store, user: int, title: str = "Het conflict", when: datetime | None = None) -> None:
    with store.session() as s:
        s.add(
            Story(
                user_id=user,
                title=title,
                text="Ik loste een conflict op, met € en ü.",
                lang="nl",
                tags=["conflict", "teamwork"],
                score=62,
                feedback=FEEDBACK,
                created_at=when or datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=UTC),
                updated_at=datetime(2025, 3, 2, 10, 0, tzinfo=UTC),
            )
        )


def fill(store: Store, user: int) -> None:
    """Two interviews (one with two attempts and a follow-up), a loose answer, a story, a preparation."""
    first = store.create_interview(
        user,
        sector="it",
        role="qa",
        level="junior",
        lang="nl",
        seed=9,
        plan=["it.a", "it.b"],
        time_limit_s=90,
    )
    for attempt_text, score in (("Eerste antwoord", 40), ("Beter antwoord met 30%", 70)):
        store.add_answer(
            user,
            interview_id=first,
            position=0,
            question_id="it.a",
            question_text="Vraag?",
            text=attempt_text,
            lang="nl",
            score=score,
            feedback=FEEDBACK,
            duration_s=42.5,
            submission_token=f"tok-{user}-{score}",
        )
    store.add_answer(
        user,
        interview_id=first,
        position=0,
        question_id="it.a",
        question_text="Wat was het resultaat?",
        text="Een doorvraag-antwoord",
        lang="nl",
        score=75,
        feedback=FEEDBACK,
        kind="follow_up",
        timed_out=True,
    )
    store.set_cursor(first, 1, "Hoe dan?")
    second = store.create_interview(
        user, sector="sales", role="ae", level="senior", lang="en", seed=3, plan=["sales.x"]
    )
    store.finish_interview(second, "abandoned")
    store.add_answer(
        user,
        interview_id=None,
        position=0,
        question_id=None,
        question_text="A free question",
        text="A loose answer",
        lang="en",
        score=30,
        feedback={"score": 30},
    )
    add_story(store, user)
    save_preparation(
        store,
        user,
        sector="sales",
        interview_date=date(2025, 6, 2),
        employer="Acme <b>",
        done=["star_stories"],
    )


def test_export_holds_everything_in_iso_8601(any_store: Store) -> None:
    user = any_store.user_id()
    fill(any_store, user)
    export = json.loads(json.dumps(export_data(any_store, user)))
    assert (export["format"], export["version"]) == ("coach-export", 1)
    assert datetime.fromisoformat(export["exported_at"]).tzinfo is not None
    first, second = export["interviews"]
    assert first["plan"] == ["it.a", "it.b"] and first["time_limit_s"] == 90
    assert (first["position"], first["pending_follow_up"]) == (1, "Hoe dan?")
    assert [(a["kind"], a["attempt"], a["score"]) for a in first["answers"]] == [
        ("answer", 1, 40),
        ("answer", 2, 70),
        ("follow_up", 1, 75),
    ]
    assert first["answers"][0]["duration_s"] == 42.5 and first["answers"][2]["timed_out"] is True
    assert "submission_token" not in first["answers"][0]
    assert second["status"] == "abandoned" and datetime.fromisoformat(
        second["finished_at"]
    ).utcoffset() == timedelta(0)
    assert [a["text"] for a in export["answers"]] == ["A loose answer"]
    story = export["stories"][0]
    assert story["created_at"] == "2025-03-01T09:30:15.123456+00:00"
    assert story["tags"] == ["conflict", "teamwork"] and story["feedback"] == FEEDBACK
    assert export["preparation"]["interview_date"] == "2025-06-02"
    assert export["preparation"]["employer"] == "Acme <b>" and export["preparation"]["done"] == [
        "star_stories"
    ]


def test_export_delete_import_round_trip(any_store: Store) -> None:
    user = any_store.user_id()
    fill(any_store, user)
    before = json.loads(json.dumps(export_data(any_store, user)))
    deleted = delete_all(any_store, user)
    assert (deleted.interviews, deleted.answers, deleted.stories, deleted.preparation) == (2, 4, 1, 1)
    assert counts(any_store, user) == {"interviews": 0, "answers": 0, "stories": 0, "preparation": 0}
    result = import_data(any_store, user, parse_export(json.dumps(before).encode()))
    assert (result.interviews, result.answers, result.stories, result.preparation) == (2, 4, 1, True)
    after = json.loads(json.dumps(export_data(any_store, user)))
    assert without_ids(after) == without_ids(before)
    interview = any_store.interviews(user)[-1]  # the oldest: each answer still hangs under it
    assert len(interview.answers) == 3 and {a.interview_id for a in interview.answers} == {interview.id}


def test_importing_the_same_file_twice_adds_nothing(any_store: Store) -> None:
    user = any_store.user_id()
    fill(any_store, user)
    document = json.dumps(export_data(any_store, user)).encode()
    once = import_data(any_store, user, parse_export(document))
    assert (once.interviews, once.answers, once.stories, once.preparation) == (0, 0, 0, False)
    assert (once.skipped_interviews, once.skipped_answers, once.skipped_stories) == (2, 1, 1)
    assert once.skipped == 4
    assert counts(any_store, user) == {"interviews": 2, "answers": 4, "stories": 1, "preparation": 1}


def test_import_into_another_user_leaves_the_first_alone(any_store: Store) -> None:
    alice, bob = any_store.user_id("alice"), any_store.user_id("bob")
    fill(any_store, alice)
    document = parse_export(json.dumps(export_data(any_store, alice)).encode())
    import_data(any_store, bob, document)
    import_data(any_store, bob, document)
    assert (
        counts(any_store, bob)
        == counts(any_store, alice)
        == {
            "interviews": 2,
            "answers": 4,
            "stories": 1,
            "preparation": 1,
        }
    )
    assert without_ids(export_data(any_store, bob)) == without_ids(export_data(any_store, alice))
    for interview in any_store.interviews(bob):
        assert all(a.user_id == bob and a.interview_id == interview.id for a in interview.answers)
    delete_all(any_store, bob)
    assert counts(any_store, alice)["answers"] == 4


def test_the_same_moment_in_another_time_zone_is_the_same_interview(any_store: Store) -> None:
    user = any_store.user_id()
    fill(any_store, user)
    document = export_data(any_store, user)
    for interview in document["interviews"]:
        moment = datetime.fromisoformat(interview["created_at"]).astimezone(timezone(timedelta(hours=2)))
        interview["created_at"] = moment.isoformat()
    result = import_data(any_store, user, validate_export(json.loads(json.dumps(document))))
    assert result.interviews == 0 and result.skipped_interviews == 2


def test_import_fills_in_an_existing_preparation_without_overwriting(any_store: Store) -> None:
    user = any_store.user_id()
    fill(any_store, user)
    document = export_data(any_store, user)
    delete_all(any_store, user)
    save_preparation(
        store=any_store, user_id=user, sector="it", interview_date=None, employer="Mine", done=["a1"]
    )
    document["preparation"]["done"] = ["star_stories", "a1"]
    result = import_data(any_store, user, validate_export(document))
    prep = get_preparation(any_store, user)
    assert result.preparation is True
    assert (prep.sector, prep.employer, prep.interview_date) == ("it", "Mine", date(2025, 6, 2))
    assert prep.done == ["a1", "star_stories"]


def test_a_failure_half_way_imports_nothing(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    user = any_store.user_id()
    fill(any_store, user)
    document = parse_export(json.dumps(export_data(any_store, user)).encode())
    delete_all(any_store, user)

    def broken(*args: Any) -> bool:
        raise RuntimeError("disk full")

    monkeypatch.setattr(transfer, "_merge_preparation", broken)
    with pytest.raises(RuntimeError):
        import_data(any_store, user, document)
    assert counts(any_store, user) == {"interviews": 0, "answers": 0, "stories": 0, "preparation": 0}


def test_delete_all_only_touches_the_user(any_store: Store) -> None:
    alice, bob = any_store.user_id("alice"), any_store.user_id("bob")
    fill(any_store, alice)
    add_story(any_store, bob)
    delete_all(any_store, alice)
    assert counts(any_store, alice) == {"interviews": 0, "answers": 0, "stories": 0, "preparation": 0}
    assert counts(any_store, bob)["stories"] == 1


def valid() -> dict[str, Any]:
    return {
        "format": "coach-export",
        "version": 1,
        "exported_at": "2025-01-01T00:00:00+00:00",
        "interviews": [
            {
                "sector": "it",
                "role": "qa",
                "level": "junior",
                "lang": "nl",
                "seed": 1,
                "plan": ["it.a"],
                "status": "active",
                "position": 0,
                "created_at": "2025-01-01T00:00:00+00:00",
                "answers": [
                    {
                        "position": 0,
                        "attempt": 1,
                        "kind": "answer",
                        "question_id": "it.a",
                        "question_text": "Vraag?",
                        "text": "Antwoord",
                        "lang": "nl",
                        "score": 50,
                        "feedback": {},
                        "created_at": "2025-01-01T00:01:00+00:00",
                    }
                ],
            }
        ],
        "stories": [],
        "preparation": None,
    }


def damaged(change: Any) -> bytes:
    document = valid()
    change(document)
    return json.dumps(document).encode()


BAD_FILES = [
    (b"", "The file is empty. Choose the file that Coach exported."),
    (b"  \n", "The file is empty. Choose the file that Coach exported."),
    (b'{"format": "coach-export", "x": "\xff\xfe"}', "The file is not UTF-8 text (byte 33)."),
    (b'{"format": "coach-export",', "The file is not valid JSON (line 1)."),
    (b'{"format": "coach-export", "version": 1, "x": NaN}', "The file is not valid JSON. Choose"),
    (b"[1, 2]", "This is not a Coach export"),
    (b'{"format": "something-else", "version": 1}', "This is not a Coach export"),
    (
        damaged(lambda d: d.update(version=2)),
        "This export has version 2; this Coach can only import version 1.",
    ),
    (damaged(lambda d: d.update(version="1")), 'This export has version "1"'),
    (damaged(lambda d: d["interviews"][0].pop("plan")), "The file is damaged: interviews[0].plan is missing"),
    (
        damaged(lambda d: d["interviews"][0]["answers"][0].update(score=101)),
        "The file is damaged: interviews[0].answers[0].score is missing or not valid.",
    ),
    (
        damaged(lambda d: d["interviews"][0]["answers"][0].update(text="x" * 100_001)),
        "The file is damaged: interviews[0].answers[0].text is too long (the limit is 100000 characters).",
    ),
    (
        damaged(lambda d: d["interviews"][0]["answers"].append(d["interviews"][0]["answers"][0])),
        "The file is damaged: interviews[0] has two answers in the same place.",
    ),
    (damaged(lambda d: d.update(stories=[{"title": "no text"}])), "The file is damaged: stories[0].text is"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_FILES)
def test_a_bad_file_says_what_is_wrong_and_changes_nothing(
    fresh_store: Store, raw: bytes, message: str
) -> None:
    user = fresh_store.user_id()
    with pytest.raises(TransferError) as caught:
        import_data(fresh_store, user, parse_export(raw))
    assert message in str(caught.value)
    dutch = translate("nl", caught.value.message, **caught.value.values)
    assert dutch != str(caught.value) and ("bestand" in dutch or "export" in dutch)
    assert counts(fresh_store, user)["interviews"] == 0


def test_a_valid_hand_made_file_imports(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    result = import_data(fresh_store, user, parse_export(b"\xef\xbb\xbf" + damaged(lambda d: None)))
    assert (result.interviews, result.answers) == (1, 1)
    interview = fresh_store.interviews(user)[0]
    assert interview.answers[0].text == "Antwoord" and interview.answers[0].submission_token is None
