"""The preparation page: date and countdown, employer, sector, checklist, questions for the interviewer."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest

from coach.content.extras import load_checklists, load_interviewer_questions
from coach.store.preparation import get_preparation
from coach.store.repository import Store
from coach.web.routes.prepare import countdown_text
from tests.web.conftest import Client

IT_ITEM = load_checklists()["it"][0]
SALES_ITEM = load_checklists()["sales"][0]
BOTH_ITEM = load_checklists()["both"][0]


def save(client: Client, **fields: object) -> object:
    data = {"sector": "it", "shown_sector": "it", "interview_date": "", "employer": "", **fields}
    return client.post_form("/prepare", data, follow_redirects=False)


def checked(page: str, item_id: str) -> bool:
    start = page.index(f'id="done-{item_id}"')
    return " checked" in page[start : page.index(">", start)]


def test_page_shows_the_sector_checklist_and_the_questions_in_english_and_dutch(client: Client) -> None:
    english = html.unescape(client.get("/prepare", headers={"accept-language": "en"}).text)
    assert "Preparation checklist" in english and "Questions to ask the interviewer" in english
    assert IT_ITEM.item.en in english and IT_ITEM.detail.en in english and BOTH_ITEM.item.en in english
    assert SALES_ITEM.item.en not in english
    it_question = load_interviewer_questions()["it"][0]
    general_question = load_interviewer_questions()["general"][0]
    assert (
        it_question.text.en in english
        and it_question.why.en in english
        and general_question.text.en in english
    )
    assert '<label for="done-' + IT_ITEM.id + '">' in english and '<label for="interview_date">' in english
    client.cookies.set("coach_lang", "nl")
    dutch = html.unescape(client.get("/prepare").text)
    assert "Checklist voor je voorbereiding" in dutch and "Vragen die je zelf kunt stellen" in dutch
    assert IT_ITEM.item.nl in dutch and IT_ITEM.detail.nl in dutch and it_question.why.nl in dutch


def test_ticked_items_are_saved_and_shown(client: Client, store: Store) -> None:
    response = save(client, done=[IT_ITEM.id, BOTH_ITEM.id])
    assert response.status_code == 303 and response.headers["location"].startswith("/prepare?saved=1")
    page = client.get("/prepare?saved=1").text
    assert "Your preparation has been saved." in page
    assert checked(page, IT_ITEM.id) and checked(page, BOTH_ITEM.id)
    assert not checked(page, load_checklists()["it"][1].id)
    assert "2 of 15 done" in page
    assert get_preparation(store, store.user_id()).done == [IT_ITEM.id, BOTH_ITEM.id]
    save(client, done=[BOTH_ITEM.id])  # unticked
    assert not checked(client.get("/prepare").text, IT_ITEM.id)
    assert get_preparation(store, store.user_id()).done == [BOTH_ITEM.id]


def test_switching_sector_keeps_the_other_lists_ticks(client: Client, store: Store) -> None:
    save(client, done=[IT_ITEM.id])
    save(client, sector="sales", shown_sector="it", done=[IT_ITEM.id])
    page = client.get("/prepare").text
    assert SALES_ITEM.item.en in html.unescape(page) and f'id="done-{IT_ITEM.id}"' not in page
    save(client, sector="sales", shown_sector="sales", done=[SALES_ITEM.id])
    assert checked(client.get("/prepare").text, SALES_ITEM.id)
    save(client, sector="it", shown_sector="sales", done=[SALES_ITEM.id])
    assert checked(client.get("/prepare").text, IT_ITEM.id)
    assert set(get_preparation(store, store.user_id()).done) == {IT_ITEM.id, SALES_ITEM.id}


def test_unknown_item_ids_are_not_saved(client: Client, store: Store) -> None:
    save(client, done=["made_up", SALES_ITEM.id, IT_ITEM.id])
    assert get_preparation(store, store.user_id()).done == [IT_ITEM.id]


@pytest.mark.parametrize(
    ("offset", "english", "dutch"),
    [
        (3, "3 days to go", "Nog 3 dagen"),
        (1, "1 day to go", "Morgen is het zover: nog 1 dag"),
        (0, "Your interview is today. Good luck!", "Je sollicitatiegesprek is vandaag. Succes!"),
        (-2, "That date has passed.", "Die datum is al voorbij."),
    ],
)
def test_days_to_go_in_english_and_dutch(client: Client, offset: int, english: str, dutch: str) -> None:
    when = date.today() + timedelta(days=offset)
    save(client, interview_date=when.isoformat(), employer="Bol")
    page = client.get("/prepare", headers={"accept-language": "en"}).text
    assert english in page and "Your interview at Bol" in page
    assert f'value="{when.isoformat()}"' in page
    client.cookies.set("coach_lang", "nl")
    page = client.get("/prepare").text
    assert dutch in page and "Je sollicitatiegesprek bij Bol" in page


def test_countdown_text_counts_from_today() -> None:
    today = date(2025, 3, 10)
    assert countdown_text("en", date(2025, 3, 24), today) == "14 days to go"
    assert countdown_text("nl", date(2025, 3, 24), today) == "Nog 14 dagen"
    assert countdown_text("en", date(2025, 3, 10), today) == "Your interview is today. Good luck!"
    assert countdown_text("en", None, today) is None


def test_the_date_is_written_out_in_the_interface_language(client: Client) -> None:
    save(client, interview_date="2031-03-14")
    assert "March 14, 2031" in client.get("/prepare", headers={"accept-language": "en"}).text
    assert "14 maart 2031" in client.get("/prepare", headers={"accept-language": "nl"}).text


def test_without_a_date_there_is_no_countdown(client: Client) -> None:
    save(client, employer="Bol")
    page = client.get("/prepare").text
    assert "days to go" not in page and "Your interview at Bol" not in page


def test_employer_is_shown_escaped(client: Client) -> None:
    save(
        client,
        employer="<script>alert(1)</script>",
        interview_date=(date.today() + timedelta(days=5)).isoformat(),
    )
    page = client.get("/prepare").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("fields", "english", "dutch"),
    [
        ({"interview_date": "31-02-2025"}, "That is not a valid date.", "Dat is geen geldige datum."),
        ({"employer": "x" * 201}, "The employer's name is too long", "De naam van de werkgever is te lang"),
        ({"sector": "hr"}, "Choose IT or sales as the sector.", "Kies IT of sales als sector."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    client: Client, store: Store, fields: dict[str, str], english: str, dutch: str
) -> None:
    response = save(client, **fields)
    assert response.status_code == 400 and english in html.unescape(response.text)
    client.cookies.set("coach_lang", "nl")
    assert dutch in html.unescape(save(client, **fields).text)
    assert get_preparation(store, store.user_id()).id is None


def test_questions_can_be_filtered_by_level(client: Client) -> None:
    questions = load_interviewer_questions()["it"] + load_interviewer_questions()["general"]
    not_junior = next(q for q in questions if not q.fits("junior"))
    junior = next(q for q in questions if q.fits("junior"))
    page = html.unescape(client.get("/prepare?level=junior").text)
    assert junior.text.en in page and not_junior.text.en not in page
    assert '<option value="junior" selected>' in client.get("/prepare?level=junior").text
    assert not_junior.text.en in html.unescape(client.get("/prepare").text)
    assert not_junior.text.en in html.unescape(client.get("/prepare?level=nonsense").text)


def test_saving_keeps_the_chosen_level(client: Client) -> None:
    response = save(client, level="senior")
    assert response.headers["location"] == "/prepare?saved=1&level=senior"


def test_the_form_needs_its_csrf_token(client: Client, store: Store) -> None:
    response = client.post("/prepare", data={"sector": "sales"})
    assert response.status_code == 403
    assert get_preparation(store, store.user_id()).id is None


def test_api_get_and_put(client: Client) -> None:
    assert client.get("/api/preparation").json() == {
        "sector": "it",
        "interview_date": None,
        "days_to_go": None,
        "employer": "",
        "done": [],
        "updated_at": None,
    }
    when = date.today() + timedelta(days=10)
    response = client.api(
        "PUT",
        "/api/preparation",
        json={"sector": "sales", "interview_date": when.isoformat(), "done": [SALES_ITEM.id]},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["sector"], body["interview_date"], body["days_to_go"], body["done"]) == (
        "sales",
        when.isoformat(),
        10,
        [SALES_ITEM.id],
    )
    partial = client.api("PUT", "/api/preparation", json={"employer": "Acme"}).json()
    assert (partial["employer"], partial["sector"], partial["done"]) == ("Acme", "sales", [SALES_ITEM.id])
    cleared = client.api("PUT", "/api/preparation", json={"interview_date": None}).json()
    assert cleared["interview_date"] is None and cleared["employer"] == "Acme"
    assert client.get("/api/preparation").json()["employer"] == "Acme"


def test_api_refuses_bad_input_and_missing_csrf(client: Client) -> None:
    unknown = client.api(
        "PUT", "/api/preparation", json={"done": ["nope"]}, headers={"accept-language": "nl"}
    )
    assert unknown.status_code == 400
    assert unknown.json()["error"]["message"] == "Onbekende punten op de checklist: nope"
    assert client.api("PUT", "/api/preparation", json={"sector": "hr"}).status_code == 422
    assert client.api("PUT", "/api/preparation", json={"employer": "x" * 201}).status_code == 422
    assert client.put("/api/preparation", json={"employer": "x"}).status_code == 403
    assert client.get("/api/preparation").json()["employer"] == ""
