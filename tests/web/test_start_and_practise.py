"""A first visit: what Coach does, role and sector that go together, throwing away an unfinished interview,
practising any bank question, human labels instead of codes, and a summary for an interview with no answers."""

from __future__ import annotations

import re

from coach.content.bank import load_questions
from coach.store.repository import Store
from tests.web.conftest import Client, form_value
from tests.web.test_interviews import answer, start

CODES = re.compile(r"\b(?:general|sales|it)\.[a-z_]+\b|(?:sales|it) · (?:am|ae|sdr|se|any|backend)\b")


def visible(html: str) -> str:
    """The text a person sees (tags and their attributes, such as links' addresses, left out)."""
    return re.sub(r"<[^>]+>", " ", html)


def test_the_start_page_says_what_coach_does_how_long_and_that_you_can_speak(client: Client) -> None:
    html = client.get("/", headers={"accept-language": "en"}).text
    assert "after every answer says what works" in html
    assert "15 to 20 minutes" in html and "speak them aloud" in html
    assert 'name="sector"' not in html  # the role says the sector: no impossible pair can be chosen
    client.cookies.set("coach_lang", "nl")
    assert "15 tot 20 minuten" in client.get("/").text


def test_an_impossible_pair_gets_a_plain_message_in_the_users_language(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    response = client.post_form("/interviews", {"sector": "it", "role": "am", "level": "medior",
                                                "interview_lang": "nl", "questions": "3"})
    assert response.status_code == 400
    assert "Die functie hoort niet bij die sector" in response.text
    assert "must be one of" not in response.text


def test_the_role_alone_starts_an_interview_in_its_sector(client: Client, store: Store) -> None:
    response = client.post_form("/interviews", {"role": "am", "level": "medior", "interview_lang": "nl",
                                                "questions": "3"})
    assert response.status_code == 200
    interview = store.interviews(store.user_id())[0]
    assert (interview.sector, interview.role) == ("sales", "am")
    header = response.text
    assert "Sales · Account manager · Medior" in header and not CODES.search(visible(header))


def test_an_unfinished_interview_can_be_thrown_away(client: Client, store: Store) -> None:
    url = start(client)
    interview_id = int(url.rsplit("/", 1)[1])
    home = client.get("/").text
    assert f'action="/interviews/{interview_id}/discard"' in home and "Sales · Account executive" in home
    response = client.post_form(f"/interviews/{interview_id}/discard")
    assert response.status_code == 200 and "was thrown away" in response.text
    assert store.interview(store.user_id(), interview_id) is None
    assert client.post_form(f"/interviews/{interview_id}/discard").status_code == 404  # gone, like any unknown id


def test_any_bank_question_can_be_practised(client: Client, store: Store) -> None:
    question = next(q for q in load_questions().values() if q.sector == "general")
    page = client.get(f"/questions/{question.id}").text
    assert f'action="/questions/{question.id}/practise"' in page
    response = client.post_form(f"/questions/{question.id}/practise", {"interview_lang": "nl"})
    assert response.status_code == 200 and question.text.get("nl") in response.text
    interview = store.interviews(store.user_id())[0]
    assert list(interview.plan) == [question.id] and interview.lang == "nl"
    assert client.post_form("/questions/no.such_question/practise").status_code == 404


def test_the_bank_is_paged_with_a_practise_button_per_question(client: Client) -> None:
    html = client.get("/questions").text
    items = re.findall(r'<form method="post" action="/questions/([^/]+)/practise"', html)
    assert 0 < len(items) <= 15
    assert "page 1 of" in html and 'rel="next"' in html
    second = client.get("/questions?page=2").text
    assert set(re.findall(r'action="/questions/([^/]+)/practise"', second)).isdisjoint(items)
    filtered = client.get("/questions?sector=sales&page=1").text
    assert "sector=sales&amp;page=2" in filtered


def test_the_summary_links_to_questions_by_their_text_and_lets_you_practise_them(client: Client) -> None:
    url = start(client)
    for _ in range(2):
        page = client.get(url).text
        if "Skip this follow-up" in page:
            client.post_form(url + "/skip")
        answer(client, url, "I basically always hit my targets, honestly.")
    client.post_form(url + "/finish")
    html = client.get(url + "/summary").text
    assert not CODES.search(visible(html)), CODES.search(visible(html))
    assert "Practise this question" in html
    links = re.findall(r'<a href="/questions/[^"]+">([^<]+)</a>', html)
    assert links and all(" " in text and "." not in text.split()[0] for text in links)


def test_an_interview_ended_without_answers_says_so(client: Client) -> None:
    url = start(client)
    client.post_form(url + "/finish")
    html = client.get(url + "/summary").text
    assert "before answering a question" in html and "0<small>/100" not in html


def test_history_shows_labels_not_codes(client: Client) -> None:
    url = start(client)
    answer(client, url, "My target was €400,000 and I closed €448,000.")
    history = client.get("/history").text
    assert "Sales · Account executive · Medior · English" in history and not CODES.search(visible(history))
    detail = client.get("/history/" + url.rsplit("/", 1)[1]).text
    assert not CODES.search(visible(detail))
    assert form_value(client.get(url).text, "csrf_token")


def test_the_json_api_gives_labels_next_to_ids(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    one = client.get("/api/questions/it.production_incident").json()
    assert one["labels"]["sector"] == "IT" and one["labels"]["levels"][0] in ("Junior", "Medior", "Senior")
    started = client.api("POST", "/api/interviews", json={"sector": "it", "role": "am", "level": "medior",
                                                          "lang": "nl", "questions": 3})
    assert started.status_code == 400 and "hoort niet bij" in started.json()["error"]["message"]
    url = start(client)
    answer(client, url, "I basically always hit my targets, honestly.")
    summary = client.get("/api" + url[url.index("/interviews"):] + "/summary").json()
    for item in summary["practise_next"]:
        assert item["name"] and len(item["question_texts"]) == len(item["questions"])
        assert all(" " in text for text in item["question_texts"])
    assert summary["results"][0]["question"]
