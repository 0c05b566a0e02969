"""The questions-for-the-interviewer page: IT questions by topic, own questions judged for the employer."""

from __future__ import annotations

from tests.web.conftest import Client


def test_own_questions_are_judged_for_the_employer(client: Client) -> None:
    client.api("PUT", "/api/preparation", json={"employer": "Bol"})
    page = client.get("/it/questions")
    assert 'value="Bol"' in page.text and "On-call" in page.text
    judged = client.post_form(
        "/it/questions",
        {
            "employer": "Bol",
            "about": "Kotlin, zoekfunctie",
            "answer_lang": "en",
            "text": "How does Bol keep search fast in December?\nWhat is the company culture like?",
        },
    )
    assert judged.status_code == 200
    assert "1 of your 2 questions are really about Bol." in judged.text
    assert judged.text.count('data-specific="yes"') == 1


def test_empty_questions_get_a_message(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    page = client.post_form("/it/questions", {"text": " ", "employer": "Bol"})
    assert page.status_code == 400 and "Typ de vragen" in page.text
    api = client.api(
        "POST",
        "/api/it/questions",
        json={"text": "Wat doen jullie aan tech debt?", "employer": "Bol", "lang": "nl"},
    )
    assert api.status_code == 200 and api.json()["questions"][0]["specific"] is False
