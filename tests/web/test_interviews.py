"""The interview in the browser (without a browser): flow, feedback, follow-up, retry, safety."""

from __future__ import annotations

from coach.content.bank import get_question
from coach.practice.plan import make_plan
from tests.web.conftest import Client, form_value


def start(client: Client, lang: str = "en", time_limit: int = 0) -> str:
    response = client.post_form("/interviews", {"sector": "sales", "role": "ae", "level": "medior",
                                                "interview_lang": lang, "questions": "4",
                                                "time_limit": str(time_limit)})
    assert response.status_code == 200
    return str(response.url)


def answer(client: Client, page_url: str, text: str) -> object:
    page = client.get(page_url).text
    return client.post_form(page_url + "/answer", {"text": text, "token": form_value(page, "token"),
                                                   "position": form_value(page, "position"),
                                                   "kind": form_value(page, "kind")})


def test_start_page_in_both_languages(client: Client) -> None:
    assert "Practise a job interview" in client.get("/", headers={"accept-language": "en"}).text
    client.cookies.set("coach_lang", "nl")
    assert "Oefen een sollicitatiegesprek" in client.get("/").text


def test_answer_shows_feedback_with_highlights_and_escapes_html(client: Client) -> None:
    url = start(client)
    payload = "My target was €400,000 and I closed €380,000, which is 112% of target. <script>alert('x')</script>"
    response = answer(client, url, payload)
    assert response.url.path.startswith("/answers/")
    html = response.text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert 'class="mismatch"' in html and "don&#39;t add up" in html  # the mismatch finding and figures
    assert 'data-notes="' in html


def test_weak_answer_gets_a_follow_up_then_the_next_question(client: Client) -> None:
    url = start(client)
    feedback = answer(client, url, "I basically always hit my targets.")
    assert "The interviewer asks a follow-up question" in feedback.text
    page = client.get(url).text
    assert form_value(page, "kind") == "follow_up"
    after = answer(client, url, "I was second out of nine in my team with 110% of a €300,000 target.")
    assert after.url.path.startswith("/answers/")
    assert form_value(client.get(url).text, "position") == "1"


def test_double_submit_stores_one_answer(client: Client, store) -> None:  # type: ignore[no-untyped-def]
    url = start(client)
    page = client.get(url).text
    data = {"text": "I closed 12 deals last year.", "token": form_value(page, "token"), "position": "0",
            "kind": "answer"}
    first = client.post_form(url + "/answer", data)
    second = client.post_form(url + "/answer", data)
    assert first.url == second.url
    interview_id = int(url.rsplit("/", 1)[1])
    assert len(store.interview(store.user_id(), interview_id).answers) == 1


def test_try_again_keeps_both_attempts_and_shows_the_difference(client: Client) -> None:
    url = start(client)
    first = answer(client, url, "I basically always hit my targets.")
    retry_url = [line for line in first.text.split('"') if "/retry/" in line][0]
    strong = get_question(make_plan("sales", "ae", "medior", "en", count=4, seed=1).question_ids[0])
    assert strong is not None
    second = client.post_form(retry_url, {"text": get_question("sales.targets_last_year").examples.strong.en,
                                          "token": form_value(first.text, "token")})
    assert "compared with attempt 1" in second.text
    assert "delta-up" in second.text


def test_unknown_ids_are_404_not_500(client: Client) -> None:
    for path in ("/interviews/999", "/answers/999", "/history/999", "/interviews/999/summary", "/nope"):
        assert client.get(path).status_code == 404, path
    assert client.api("GET", "/api/interviews/999").status_code == 404


def test_missing_csrf_token_is_refused_and_keeps_the_answer(client: Client) -> None:
    url = start(client)
    response = client.post(url + "/answer", data={"text": "My precious answer", "token": "x" * 16,
                                                  "position": "0", "kind": "answer"})
    assert response.status_code == 403
    assert "My precious answer" in response.text


def test_oversized_post_is_refused_with_a_message(client: Client) -> None:
    url = start(client)
    response = client.post_form(url + "/answer", {"text": "x" * 1_200_000, "token": "t" * 16, "position": "0",
                                                  "kind": "answer"})
    assert response.status_code == 413
    assert "too large" in response.text


def test_empty_answer_is_refused_and_nothing_is_stored(client: Client, store) -> None:  # type: ignore[no-untyped-def]
    url = start(client)
    response = answer(client, url, "   ")
    assert response.status_code == 400 and "empty" in response.text
    assert store.interview(store.user_id(), int(url.rsplit("/", 1)[1])).answers == []


def test_unwritable_database_gives_a_clear_page_and_keeps_earlier_answers(client: Client, store) -> None:  # type: ignore[no-untyped-def]
    url = start(client)
    answer(client, url, "I closed 12 deals last year at a SaaS company in Utrecht.")
    from sqlalchemy import event

    def refuse(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            import sqlite3

            raise sqlite3.OperationalError("attempt to write a readonly database")

    event.listen(store.engine, "before_cursor_execute", refuse)
    try:
        page = client.get(url).text
        response = client.post_form(url + "/answer", {"text": "My second answer text", "position": form_value(page, "position"),
                                                      "token": form_value(page, "token"), "kind": form_value(page, "kind")})
    finally:
        event.remove(store.engine, "before_cursor_execute", refuse)
    assert response.status_code == 503
    assert "could not be saved" in response.text and "My second answer text" in response.text
    assert len(store.interview(store.user_id(), int(url.rsplit("/", 1)[1])).answers) >= 1


def test_api_runs_an_interview(client: Client) -> None:
    state = client.api("POST", "/api/interviews", json={"sector": "it", "role": "backend", "lang": "nl",
                                                        "questions": 3, "seed": 3}).json()
    assert state["question"]["id"] == state["plan"][0]
    result = client.api("POST", f"/api/interviews/{state['id']}/answers",
                        json={"text": "Ik heb vorig jaar een API gebouwd voor 20.000 gebruikers.", "token": "a" * 12}).json()
    assert result["feedback"]["language"] == "nl" and result["answer_id"] > 0
    again = client.api("POST", f"/api/interviews/{state['id']}/answers",
                       json={"text": "anything", "token": "a" * 12}).json()
    assert again["repeated"] is True and again["answer_id"] == result["answer_id"]
    check = client.api("POST", "/api/check", json={"answer": "I closed 12 deals.", "lang": "en"}).json()
    assert check["schema"] == 1 and check["language"] == "en"
    assert client.post("/api/check", json={"answer": "x"}).status_code == 403  # no CSRF header


def test_timed_out_empty_answer_is_still_recorded(client: Client, store) -> None:  # type: ignore[no-untyped-def]
    url = start(client, time_limit=30)
    page = client.get(url).text
    assert 'data-time-limit="30"' in page
    response = client.post_form(url + "/answer", {"text": "", "timed_out": "1", "token": form_value(page, "token"),
                                                  "position": "0", "kind": "answer"})
    assert response.url.path.startswith("/answers/")
    assert "The time was up" in response.text


def test_ids_out_of_range_are_404(client: Client) -> None:
    for path in ("/interviews/99999999999999999999", "/answers/0", "/history/-3", "/interviews/abc"):
        assert client.get(path).status_code == 404, path
    assert client.api("GET", "/api/interviews/99999999999999999999").status_code == 404
