"""Your data: export everything, import it again without duplicates, refuse bad files, delete everything."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from coach.store.models import Story
from coach.store.repository import Store
from coach.store.transfer import counts
from coach.web.app import create_app
from coach.web.settings import Settings
from tests.store.support import without_ids
from tests.web.conftest import Client, form_value

NOTHING = {"interviews": 0, "answers": 0, "stories": 0, "preparation": 0}


def start_interview(client: Client, lang: str = "en") -> str:
    response = client.post_form(
        "/interviews",
        {"sector": "sales", "role": "ae", "level": "medior", "interview_lang": lang, "questions": "3"},
    )
    assert response.status_code == 200
    return response.url.path


def answer(client: Client, url: str, text: str) -> None:
    page = client.get(url).text
    response = client.post_form(
        url + "/answer",
        {
            "text": text,
            "token": form_value(page, "token"),
            "position": form_value(page, "position"),
            "kind": form_value(page, "kind"),
        },
    )
    assert response.url.path.startswith("/answers/")


def add_story(store: Store, title: str = "The lost customer <script>alert(1)</script>") -> None:
    with store.session() as s:
        s.add(
            Story(
                user_id=store.user_id(),
                title=title,
                text="I won back a customer worth €120,000 by visiting them every week.",
                lang="en",
                tags=["customer"],
                score=64,
                feedback={"score": 64, "findings": []},
                created_at=datetime(2025, 2, 3, 4, 5, 6, 789000, tzinfo=UTC),
                updated_at=datetime(2025, 2, 4, tzinfo=UTC),
            )
        )


@pytest.fixture
def filled(client: Client, store: Store) -> dict[str, Any]:
    """Two interviews with answers (one with a follow-up), a story and a preparation; returns the export."""
    url = start_interview(client)
    answer(client, url, "I basically always hit my targets.")
    answer(client, url, "I was second out of nine in my team with 110% of a €300,000 target.")
    answer(client, url, "I build trust by listening first and following up within a day.")
    second = start_interview(client, "nl")
    answer(client, second, "Ik haalde vorig jaar 112% van mijn target van €400.000.")
    add_story(store)
    client.post_form(
        "/prepare",
        {
            "sector": "sales",
            "shown_sector": "it",
            "interview_date": "2031-01-15",
            "employer": "Acme <b>BV</b>",
            "done": ["star_stories", "research_company"],
        },
    )
    export = client.get("/data/export")
    assert export.status_code == 200
    return export.json()  # type: ignore[no-any-return]


def answers_in(document: dict[str, Any]) -> int:
    return sum(len(i["answers"]) for i in document["interviews"])


def saved(document: dict[str, Any]) -> dict[str, int]:
    """What counts() says after `document` was imported into an empty store."""
    return {"interviews": 2, "answers": answers_in(document), "stories": 1, "preparation": 1}


def upload(client: Client, content: bytes, name: str = "coach-export.json") -> Any:
    return client.post_form("/data/import", files={"file": (name, content, "application/json")})


def test_export_is_a_download_with_everything(client: Client, filled: dict[str, Any]) -> None:
    response = client.get("/data/export")
    assert response.headers["content-disposition"].startswith('attachment; filename="coach-export-')
    assert response.headers["content-type"].startswith("application/json")
    assert (filled["format"], filled["version"]) == ("coach-export", 1)
    assert len(filled["interviews"]) == 2 and len(filled["stories"]) == 1
    assert [a["kind"] for a in filled["interviews"][0]["answers"]] == ["answer", "follow_up", "answer"]
    assert filled["preparation"]["employer"] == "Acme <b>BV</b>"
    assert filled["preparation"]["done"] == ["star_stories", "research_company"]
    assert datetime.fromisoformat(filled["interviews"][0]["answers"][0]["created_at"]).tzinfo is not None
    assert without_ids(client.get("/api/export").json()) == without_ids(filled)


def test_export_delete_import_gives_the_same_export(
    client: Client, store: Store, filled: dict[str, Any]
) -> None:
    deleted = client.post_form("/data/delete", {"confirm": "yes"})
    assert deleted.url.path == "/data" and "Everything has been deleted." in deleted.text
    assert counts(store, store.user_id()) == NOTHING
    assert client.get("/api/export").json()["interviews"] == []
    response = upload(client, json.dumps(filled).encode())
    assert response.status_code == 200 and response.url.path == "/data"
    assert f"Added: 2 interviews with {answers_in(filled)} answers, and 1 stories" in response.text
    again = client.get("/data/export").json()
    assert without_ids(again) == without_ids(filled)
    first = again["interviews"][0]
    history = client.get(f"/history/{first['id']}")
    assert history.status_code == 200 and first["answers"][0]["question_text"] in html.unescape(history.text)
    assert client.get(f"/answers/{first['answers'][0]['id']}").status_code == 200


def test_importing_the_same_file_twice_does_not_duplicate(
    client: Client, store: Store, filled: dict[str, Any]
) -> None:
    content = json.dumps(filled).encode()
    first = upload(client, content)
    assert "Added: 0 interviews with 0 answers, and 0 stories" in first.text
    assert "already here: 3." in first.text
    upload(client, content)
    assert counts(store, store.user_id()) == saved(filled)
    client.cookies.set("coach_lang", "nl")
    assert "Overgeslagen omdat ze er al waren: 3." in upload(client, content).text


def test_the_page_shows_what_is_saved_in_both_languages(client: Client, filled: dict[str, Any]) -> None:
    page = client.get("/data", headers={"accept-language": "en"}).text
    assert '<th scope="row">Mock interviews</th><td>2</td>' in page
    assert f'<th scope="row">Answers</th><td>{answers_in(filled)}</td>' in page
    assert 'enctype="multipart/form-data"' in page and '<label for="file">' in page
    assert '<label for="confirm">' in page and 'name="csrf_token"' in page
    client.cookies.set("coach_lang", "nl")
    dutch = client.get("/data").text
    assert "Download mijn gegevens" in dutch and "Ja, verwijder al mijn gegevens" in dutch


def version_two(document: dict[str, Any]) -> bytes:
    return json.dumps({**document, "version": 2}).encode()


def too_long(document: dict[str, Any]) -> bytes:
    changed = json.loads(json.dumps(document))
    changed["stories"][0]["text"] = "x" * 100_001
    return json.dumps(changed).encode()


def second_broken(document: dict[str, Any]) -> bytes:
    changed = json.loads(json.dumps(document))
    changed["interviews"][0]["created_at"] = "2020-01-01T00:00:00+00:00"  # new, so it would be added
    changed["interviews"][1]["answers"][0]["score"] = "high"
    return json.dumps(changed).encode()


BAD = [
    (lambda d: b"", "The file is empty.", "Het bestand is leeg."),
    (lambda d: "é".encode("latin-1") * 10, "The file is not UTF-8 text", "Het bestand is geen UTF-8-tekst"),
    (
        lambda d: b"this is not json",
        "The file is not valid JSON (line 1)",
        "Het bestand is geen geldige JSON",
    ),
    (lambda d: b'{"hello": "world"}', "This is not a Coach export", "Dit is geen export van Coach"),
    (
        version_two,
        "This export has version 2; this Coach can only import version 1.",
        "Deze export heeft versie 2",
    ),
    (too_long, "stories[0].text is too long (the limit is 100000 characters)", "stories[0].text is te lang"),
    (second_broken, "interviews[1].answers[0].score is missing or not valid", "ontbreekt of is ongeldig"),
]


@pytest.mark.parametrize(("make", "english", "dutch"), BAD)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(
    client: Client, store: Store, filled: dict[str, Any], make: Any, english: str, dutch: str
) -> None:
    before = counts(store, store.user_id())
    content = make(filled)
    response = upload(client, content)
    assert response.status_code == 400
    assert english in html.unescape(response.text) and 'role="alert"' in response.text
    client.cookies.set("coach_lang", "nl")
    assert dutch in html.unescape(upload(client, content).text)
    assert counts(store, store.user_id()) == before
    assert without_ids(client.get("/api/export").json()) == without_ids(filled)


def test_a_bad_file_after_deleting_imports_nothing_at_all(
    client: Client, store: Store, filled: dict[str, Any]
) -> None:
    client.api("DELETE", "/api/data", json={"confirm": True})
    assert upload(client, second_broken(filled)).status_code == 400
    assert counts(store, store.user_id()) == NOTHING


def test_no_file_chosen(client: Client) -> None:
    response = client.post_form("/data/import")
    assert response.status_code == 400 and "Choose a file to import first." in response.text
    empty_name = client.post_form("/data/import", files={"file": ("", b"", "application/octet-stream")})
    assert empty_name.status_code == 400 and "Choose a file to import first." in empty_name.text
    client.cookies.set("coach_lang", "nl")
    assert "Kies eerst een bestand om te importeren." in client.post_form("/data/import").text


def test_a_file_over_the_limit_is_refused(store: Store, filled: dict[str, Any]) -> None:
    with Client(create_app(Settings(max_import_bytes=200_000), store=store)) as small:
        content = json.dumps(filled).encode() + b" " * 250_000
        response = upload(small, content)
        assert response.status_code == 413
        assert "What you sent is too large (the limit is 0.2 MB)" in response.text
        api = small.api("POST", "/api/import", content=content, headers={"accept-language": "nl"})
        assert api.status_code == 413 and "te groot" in api.json()["error"]["message"]
    assert counts(store, store.user_id())["interviews"] == 2


def test_delete_without_the_checkbox_deletes_nothing(
    client: Client, store: Store, filled: dict[str, Any]
) -> None:
    response = client.post_form("/data/delete")
    assert response.status_code == 400
    assert (
        "Tick the box to confirm that you want to delete everything. Nothing has been deleted."
        in response.text
    )
    assert client.post_form("/data/delete", {"confirm": "no"}).status_code == 400
    client.cookies.set("coach_lang", "nl")
    assert "Er is niets verwijderd." in client.post_form("/data/delete").text
    assert counts(store, store.user_id()) == saved(filled)


def test_forms_need_their_csrf_token(client: Client, store: Store, filled: dict[str, Any]) -> None:
    assert client.post("/data/delete", data={"confirm": "yes"}).status_code == 403
    other = json.loads(json.dumps(filled))
    other["stories"][0]["title"] = "Another one"
    files = {"file": ("x.json", json.dumps(other).encode(), "application/json")}
    assert client.post("/data/import", files=files).status_code == 403
    assert counts(store, store.user_id()) == saved(filled)


def test_imported_text_is_shown_escaped(client: Client, filled: dict[str, Any]) -> None:
    client.api("DELETE", "/api/data", json={"confirm": True})
    changed = json.loads(json.dumps(filled))
    changed["preparation"]["employer"] = "<script>alert('x')</script>"
    upload(client, json.dumps(changed).encode())
    page = client.get("/prepare").text
    assert "<script>alert(" not in page and "&lt;script&gt;alert(" in page


def test_api_import_export_and_delete(client: Client, store: Store, filled: dict[str, Any]) -> None:
    refused = client.api("DELETE", "/api/data", json={"confirm": "yes"})
    assert refused.status_code == 400 and "Tick the box" in refused.json()["error"]["message"]
    assert client.api("DELETE", "/api/data").status_code == 400
    assert client.api("DELETE", "/api/data", content=b"{not json").status_code == 400
    assert client.request("DELETE", "/api/data", json={"confirm": True}).status_code == 403
    assert counts(store, store.user_id())["interviews"] == 2
    gone = client.api("DELETE", "/api/data", json={"confirm": True})
    assert gone.json() == {"deleted": saved(filled)}
    added = client.api("POST", "/api/import", json=filled)
    assert added.status_code == 200
    assert {k: added.json()[k] for k in ("interviews", "answers", "stories", "preparation", "skipped")} == {
        "interviews": 2,
        "answers": answers_in(filled),
        "stories": 1,
        "preparation": True,
        "skipped": 0,
    }
    assert client.api("POST", "/api/import", json=filled).json()["skipped"] == 3
    bad = client.api("POST", "/api/import", content=b"", headers={"accept-language": "nl"})
    assert bad.status_code == 400 and bad.json()["error"]["message"].startswith("Het bestand is leeg.")
    assert without_ids(client.get("/api/export").json()) == without_ids(filled)
