"""The role-play in the web app: start, a pushback, the feedback, history and progress."""

from __future__ import annotations

import re

from tests.web.conftest import Client


def start(client: Client, objection: str = "too_expensive") -> str:
    response = client.post_form(
        "/roleplay", {"objection": objection, "time_limit": "60"}, follow_redirects=False
    )
    assert response.status_code == 303
    return response.headers["location"].split("?")[0]


def test_a_role_play_with_a_pushback_ends_in_feedback_and_shows_in_history_and_progress(
    client: Client,
) -> None:
    client.cookies.set("coach_lang", "nl")
    url = start(client)
    page = client.get(url).text
    assert "Eerlijk gezegd vind ik het te duur." in page
    assert 'data-time-limit="60"' in page
    answer = "Dat begrijp ik. Te duur vergeleken met wat precies? Zullen we donderdag verder praten?"
    client.post_form(url + "/answer", {"text": answer, "turns": "1", "elapsed": "20", "limit": "60"})
    page = client.get(url).text
    assert "Dat zegt elke leverancier. Wat levert het ons concreet op?" in page  # pushback on value
    client.post_form(url + "/answer", {"text": answer, "turns": "1"})  # a repeated submit changes nothing
    assert client.get(url).text.count('class="candidate"') == 1
    client.post_form(
        url + "/answer", {"text": "Klanten als Van Dijk besparen gemiddeld 12 uur per week.", "turns": "3"}
    )
    page = client.get(url).text
    assert 'id="feedback"' in page and re.search(r"100<small>/100", page)
    assert "Rollenspel: Eerlijk gezegd vind ik het te duur." in client.get("/history").text
    progress = client.get("/progress").text
    assert "Rollenspel: 1 gedaan, gemiddelde score 100, laatste 100" in progress


def test_unknown_objection_and_html_in_answers(client: Client) -> None:
    assert client.post_form("/roleplay", {"objection": "nope"}).status_code == 400
    url = start(client)
    client.post_form(url + "/answer", {"text": "<script>alert(1)</script>", "turns": "1"})
    page = client.get(url).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert client.post_form(url + "/answer", {"text": "x" * 6000, "turns": "3"}).status_code == 400
    assert client.get("/roleplay/999999").status_code == 404
