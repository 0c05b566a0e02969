"""The IT toolkit's drill pages: a question, an answer judged and saved, the verdict in steps, bad input."""

from __future__ import annotations

import re

from tests.toolkit.test_design import BAD, GOOD
from tests.web.conftest import Client


def _answer(client: Client, drill: str, data: dict[str, str]) -> object:
    page = client.get(f"/it/{drill}?" + "&".join(f"{k}={v}" for k, v in data.items() if k != "text"))
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    return client.post_form(
        f"/it/{drill}/answer", {**data, "token": token, "elapsed": "75"}, follow_redirects=True
    )


def test_design_drill_judges_saves_and_shows_steps_in_order(client: Client) -> None:
    page = client.get("/it/design?tech=message_queue&use_case=order_processing&answer_lang=en")
    assert "How would you use a message queue for order processing in a web shop?" in page.text
    response = _answer(
        client,
        "design",
        {"tech": "message_queue", "use_case": "order_processing", "answer_lang": "en", "text": BAD["en"]},
    )
    assert response.status_code == 200  # type: ignore[attr-defined]
    text = response.text  # type: ignore[attr-defined]
    assert "0 of 5 steps" in text
    assert re.search(
        r"Missing, in order:\s*1\. The business requirement and constraints first; 2\. Alternatives weighed",
        text,
    )
    assert 'data-step="when_not" data-status="missed"' in text
    assert "/it/attempts/" in str(response.url)  # type: ignore[attr-defined]
    hub = client.get("/it")
    assert "Your drills so far" in hub.text and "Design drill" in hub.text


def test_good_dutch_design_answer_has_every_step(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    response = _answer(
        client,
        "design",
        {"tech": "message_queue", "use_case": "order_processing", "answer_lang": "nl", "text": GOOD["nl"]},
    )
    assert "5 van 5 stappen" in response.text  # type: ignore[attr-defined]
    assert "Alle stappen zitten erin." in response.text  # type: ignore[attr-defined]


def test_explain_drill_marks_jargon_with_the_plain_alternative(client: Client) -> None:
    response = _answer(
        client,
        "explain",
        {
            "concept": "api",
            "audience": "marketing",
            "answer_lang": "en",
            "text": "We expose a REST endpoint behind the <b>gateway</b>.",
        },
    )
    text = response.text  # type: ignore[attr-defined]
    assert (
        '<mark class="jargon" tabindex="0" title="a common set of rules for how systems ask each other for information">REST</mark>'
        in text
    )
    assert "&lt;b&gt;gateway&lt;/b&gt;" in text  # HTML in an answer is shown as text


def test_bad_input_gets_a_clear_message_and_nothing_is_saved(client: Client) -> None:
    empty = client.post_form(
        "/it/design/answer", {"tech": "cache", "use_case": "product_catalogue", "text": "  "}
    )
    assert empty.status_code == 400 and "empty" in empty.text
    unknown = client.post_form(
        "/it/design/answer", {"tech": "feature_flags", "use_case": "ledger", "text": "An answer"}
    )
    assert unknown.status_code == 400 and "not known" in unknown.text
    assert client.get("/it/attempts/999").status_code == 404
    assert "Your drills so far" not in client.get("/it").text
    odd = client.get("/it/design?tech=feature_flags&use_case=ledger")
    assert odd.status_code == 200 and "make a sensible pair" in odd.text


def test_api_drill_answer(client: Client) -> None:
    response = client.api(
        "POST",
        "/api/it/drills/explain",
        json={"text": GOOD["en"], "lang": "en", "prompt": {"concept": "caching", "audience": "ceo"}},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["drill"] == "explain" and [s["key"] for s in body["steps"]] == [
        "jargon",
        "analogy",
        "impact",
        "check",
        "length",
    ]
    assert (
        client.api(
            "POST",
            "/api/it/drills/design",
            json={"text": "x", "prompt": {"tech": "cdn", "use_case": "ledger"}},
        ).status_code
        == 400
    )


def test_drills_show_on_the_progress_page(client: Client) -> None:
    assert "Your drills so far" not in client.get("/progress").text
    for text in (BAD["en"], GOOD["en"]):
        _answer(
            client,
            "design",
            {"tech": "message_queue", "use_case": "order_processing", "answer_lang": "en", "text": text},
        )
    page = client.get("/progress").text
    assert "Your drills so far" in page and "Design drill" in page
    assert "<td>2</td>" in page and "5/5" in page
