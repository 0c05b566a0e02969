"""The question bank browser: filters, search, one question's page, the JSON API, 404s and escaping."""

from __future__ import annotations

import re
from html import unescape

import pytest

from coach.analysis.rules import load_criteria
from coach.cli.questions import filter_questions
from coach.content.bank import get_question, load_questions
from tests.web.conftest import Client


def listed(html: str) -> list[str]:
    return re.findall(r'<a href="/questions/([a-z0-9_.]+)(?:\?sector=(?:it|sales))?">', html)


def listed_all(client: Client, params: dict[str, str] | None = None) -> list[str]:
    """The questions on every page of the list (it shows a page of them at a time)."""
    found: list[str] = []
    for number in range(1, 100):
        html = client.get("/questions", params={**(params or {}), "page": str(number)}).text
        found += listed(html)
        if 'rel="next"' not in html:
            return found
    raise AssertionError("the pages never end")


def test_the_whole_bank_is_listed_by_default(client: Client) -> None:
    response = client.get("/questions")
    assert response.status_code == 200
    assert sorted(listed_all(client)) == sorted(load_questions())
    assert 0 < len(listed(response.text)) <= 15  # a page at a time
    assert f"{len(load_questions())} questions" in response.text


def test_filters_narrow_the_list(client: Client) -> None:
    sales = listed_all(client, {"sector": "sales"})
    assert sales and all(q.startswith("sales.") for q in sales)
    assert len(sales) == len(filter_questions("sales"))
    narrow = listed_all(client, {"sector": "sales", "category": "objections", "level": "junior"})
    assert narrow == [q.id for q in filter_questions("sales", "objections", None, "junior")]
    assert 0 < len(narrow) < len(sales)
    qa = listed_all(client, {"role": "qa"})
    assert all("qa" in get_question(q).roles or "any" in get_question(q).roles for q in qa)  # type: ignore[union-attr]
    assert len(qa) < len(load_questions())
    page = client.get("/questions", params={"sector": "sales", "category": "objections"}).text
    assert '<option value="objections" selected>' in page and '<option value="sales" selected>' in page


def test_empty_filters_mean_all(client: Client) -> None:
    params = {"sector": "", "category": "", "role": "", "level": "", "q": ""}
    assert len(listed_all(client, params)) == len(load_questions())


def test_search_words_narrow_the_list(client: Client) -> None:
    found = listed_all(client, {"q": "kubernetes"})
    assert "it.kubernetes_vs_paas_small_team" in found and len(found) < 5
    within = listed_all(client, {"q": "kubernetes", "sector": "sales"})
    assert within == []
    nothing = client.get("/questions", params={"q": "xylofoonquantum"}).text
    assert listed(nothing) == [] and "No question matches" in nothing


def test_list_in_dutch(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    html = client.get("/questions", params={"sector": "sales", "category": "objections"}).text
    question = get_question(listed(html)[0])
    assert question is not None and question.text.nl in unescape(html)
    assert "Zoekwoorden" in html and "Bezwaren" in html and "Toon de vragen" in html


def test_question_page_shows_guidance_and_examples(client: Client) -> None:
    question = get_question("it.production_incident")
    assert question is not None
    html = unescape(client.get("/questions/it.production_incident").text)
    assert question.text.en in html and question.tests.en.strip()[:60] in html
    for criterion in question.rubric:
        assert load_criteria()[criterion].name.en in html
    assert "What the interviewer looks for" in html and "A strong answer has" in html
    assert "Common mistakes" in html and "Likely follow-up questions" in html
    assert question.mistakes.en[0] in html and question.follow_ups.en[0] in html
    details = re.findall(r"<details.*?</details>", html, flags=re.S)
    assert len(details) == 2
    assert question.examples.strong.en.strip()[:80] in details[0]
    assert question.examples.weak.en.strip()[:80] in details[1]


def test_question_page_in_dutch(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    question = get_question("sales.objection_too_expensive")
    assert question is not None
    html = unescape(client.get("/questions/sales.objection_too_expensive").text)
    assert question.text.nl in html and question.mistakes.nl[0] in html
    assert "Waar de interviewer op let" in html and "Een sterk antwoord heeft" in html
    assert all(load_criteria()[c].name.nl in html for c in question.rubric)
    assert "Voorbeeld van een sterk antwoord" in html and question.examples.weak.nl.strip()[:80] in html


def test_unknown_question_is_a_404(client: Client) -> None:
    assert client.get("/questions/it.no_such_question").status_code == 404
    response = client.get("/api/questions/it.no_such_question")
    assert response.status_code == 404 and response.json()["error"]["status"] == 404


def test_api_lists_with_the_same_filters(client: Client) -> None:
    everything = client.get("/api/questions").json()
    assert everything["count"] == len(load_questions()) == len(everything["questions"])
    body = client.get("/api/questions", params={"sector": "it", "level": "junior", "q": "api"}).json()
    html = client.get("/questions", params={"sector": "it", "level": "junior", "q": "api"}).text
    assert [q["id"] for q in body["questions"]] == listed(html)  # fewer than a page
    assert all(q["sector"] == "it" and "junior" in q["levels"] for q in body["questions"])
    one = client.get("/api/questions/it.production_incident").json()
    assert one["id"] == "it.production_incident" and one["rubric"] and one["examples"]["strong"]["nl"]


def test_unknown_filter_values_are_refused(client: Client) -> None:
    assert client.get("/questions", params={"sector": "marketing"}).status_code == 400
    response = client.get("/api/questions", params={"level": "expert"})
    assert response.status_code == 400 and "expert" in response.json()["error"]["message"]
    assert client.get("/questions", params={"q": "x" * 201}).status_code == 422


def test_search_words_and_filter_values_are_escaped(client: Client) -> None:
    payload = "<script>alert(1)</script>"
    html = client.get("/questions", params={"q": payload}).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    error = client.get("/questions", params={"category": payload}).text
    assert "<script>alert(1)" not in error and "&lt;script&gt;" in error


def test_things_to_avoid_are_listed_apart_from_what_a_strong_answer_has(client) -> None:  # type: ignore[no-untyped-def]
    client.cookies.set("coach_lang", "en")
    html = client.get("/questions/sales.procurement_discount_in_exchange").text
    has, avoids = html.split("A strong answer has")[1].split("A strong answer avoids")
    assert "Discount" not in has.split("</ul>")[0] and "iscount" in avoids.split("</ul>")[0]


def example_details(html: str) -> list[tuple[str, str]]:
    """The (heading, text) of each example answer on a question page, in page order."""
    return [
        (summary.strip(), " ".join(text.split()))
        for summary, text in re.findall(
            r"<details[^>]*>\s*<summary>(.*?)</summary>\s*<p[^>]*>(.*?)</p>", unescape(html), flags=re.S
        )
    ]


@pytest.mark.parametrize(("sector", "other", "heading"), [
    ("it", "sales", "Strong example answer from a sales interview"),
    ("sales", "it", "Strong example answer from an IT interview"),
])
def test_a_general_question_shows_the_example_of_the_practised_sector_first(
    client: Client, sector: str, other: str, heading: str
) -> None:
    question = get_question("general.biggest_mistake")
    assert question is not None
    shown = example_details(client.get("/questions/general.biggest_mistake", params={"sector": sector}).text)
    fitting = " ".join(question.examples.strong_for(sector).en.split())
    second = " ".join(question.examples.strong_for(other).en.split())
    assert fitting != second
    assert shown[0] == ("Strong example answer", fitting)
    assert shown[1] == (heading, second)
    assert shown[2][0] == "Weak example answer" and len(shown) == 3


def test_without_a_chosen_sector_the_page_follows_the_sector_practised_most(client: Client) -> None:
    question = get_question("general.biggest_mistake")
    assert question is not None
    before = example_details(client.get("/questions/general.biggest_mistake").text)
    assert before[0][1] == " ".join(question.examples.strong.en.split())  # nothing practised: the main one
    client.post_form("/interviews", {"role": "backend", "level": "medior", "interview_lang": "en",
                                      "questions": "3"})
    after = example_details(client.get("/questions/general.biggest_mistake").text)
    assert after[0][1] == " ".join(question.examples.strong_for("it").en.split())
    listed_html = client.get("/questions", params={"role": "sdr", "q": "biggest mistake"}).text
    assert '<a href="/questions/general.biggest_mistake?sector=sales">' in listed_html
