"""The stack-gap page and API: typed, ticked or from a job ad; clear messages on bad input."""

from __future__ import annotations

from tests.web.conftest import Client


def test_typed_stacks_give_talking_points(client: Client) -> None:
    page = client.post_form("/it/stack-gap", {"have": "Java, Spring, Azure", "want": "Python, Django, AWS"})
    assert page.status_code == 200
    assert page.text.count('class="gap-item" data-status="carries"') == 3
    assert "I&#39;ve worked a lot with Azure." in page.text
    assert "<td>Azure Functions</td><td>Lambda</td>" in page.text


def test_ticked_and_job_ad_stacks(client: Client) -> None:
    page = client.post_form(
        "/it/stack-gap",
        {
            "picked_have": ["react", "mysql"],
            "ad": "Wij bouwen met Angular en PostgreSQL. <script>alert(1)</script>",
        },
    )
    assert page.status_code == 200
    assert page.text.count('data-status="carries"') == 2
    assert (
        "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    )  # the ad is echoed as text


def test_nothing_recognised_gets_a_clear_message_in_dutch(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    page = client.post_form("/it/stack-gap", {"have": "Java", "want": "COBOL"})
    assert page.status_code == 400
    assert "Er is geen technologie van de werkgever herkend" in page.text
    assert 'value="COBOL"' in page.text  # what was typed is kept


def test_api(client: Client) -> None:
    response = client.api("POST", "/api/it/stack-gap", json={"have": "Jenkins", "want": "GitHub Actions"})
    assert response.status_code == 200
    assert response.json()["items"][0]["status"] == "carries"
    assert client.api("POST", "/api/it/stack-gap", json={"have": "", "want": "AWS"}).status_code == 400
