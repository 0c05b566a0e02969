"""The story bank in the browser and over the API: create, edit, delete, feedback, coverage, reminders."""

from __future__ import annotations

import re

import pytest

from coach.content.bank import get_question
from coach.store.repository import Store
from coach.store.stories import ALL_CATEGORIES, create_story, get_story, list_stories
from tests.store.test_stories import STRONG_EN, STRONG_NL, WEAK_EN, WEAK_NL
from tests.web.conftest import Client

XSS = "<script>alert('x')</script>"
TOTAL = len(ALL_CATEGORIES)


def use_language(client: Client, lang: str) -> None:
    client.cookies.set("coach_lang", lang)


def add(client: Client, title: str, text: str, tags: list[str] | None = None, lang: str = "auto") -> int:
    """Create a story through the form; returns its id."""
    response = client.post_form(
        "/stories", {"title": title, "text": text, "story_lang": lang, "tags": tags or []}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    found = re.fullmatch(r"/stories/(\d+)", response.headers["location"])
    assert found
    return int(found.group(1))


def matrix_row(html: str, category: str) -> str:
    found = re.search(rf'<tr data-category="{category}" data-status="(\w+)">(.*?)</tr>', html, re.S)
    assert found, category
    return found.group(1)


# --- pages ---


def test_empty_story_bank_in_both_languages(client: Client) -> None:
    use_language(client, "en")
    html = client.get("/stories").text
    assert "No stories yet." in html and f"0 of {TOTAL} categories covered" in html
    assert "Explaining to non-technical people" in html and "General" in html
    use_language(client, "nl")
    html = client.get("/stories").text
    assert "Je hebt nog geen verhalen." in html and f"0 van de {TOTAL} categorieën afgedekt" in html
    assert "Uitleggen aan niet-technische mensen" in html and "Algemeen" in html


def test_form_has_labels_for_every_field_and_tag_checkboxes_per_sector(client: Client) -> None:
    use_language(client, "en")
    html = client.get("/stories/new?tag=conflict").text
    for field in ("title", "text", "story_lang", "tag-conflict", "tag-targets", "tag-explain_simply"):
        assert f'id="{field}"' in html and f'<label for="{field}"' in html
    assert re.search(r'id="tag-conflict" name="tags" value="conflict" checked', html)
    assert not re.search(r'id="tag-teamwork" name="tags" value="teamwork" checked', html)
    assert 'name="csrf_token"' in html
    assert all(f"<legend>{name}</legend>" in html for name in ("IT", "Sales", "General"))
    use_language(client, "nl")
    html = client.get("/stories/new").text
    assert "Nieuw verhaal" in html and "Automatisch herkennen" in html and "Samenwerken" in html


def test_create_in_english_saves_the_score_and_shows_the_feedback(client: Client, store: Store) -> None:
    use_language(client, "en")
    story_id = add(client, "Clash over a promise", STRONG_EN, ["conflict", "teamwork"])
    saved = get_story(store, store.user_id(), story_id)
    assert saved is not None and saved.score >= 70 and saved.lang == "en"
    assert saved.tags == ["conflict", "teamwork"] and saved.feedback["score"] == saved.score
    html = client.get(f"/stories/{story_id}").text
    assert f"{saved.score}<small>/100</small>" in html
    assert "What the coach noticed" in html and "A strong story" in html
    assert 'class="answer-text"' in html and "star-result" in html and 'data-notes="' in html
    assert "<li>Conflict</li>" in html and "<li>Teamwork</li>" in html
    assert ">Result</span>" in html  # STAR labels in the story's language


def test_create_in_dutch_saves_the_score_and_shows_dutch_feedback(client: Client, store: Store) -> None:
    use_language(client, "nl")
    story_id = add(client, "Teamspeler", WEAK_NL, ["teamwork"], lang="nl")
    saved = get_story(store, store.user_id(), story_id)
    assert saved is not None and saved.score < 70 and saved.lang == "nl"
    html = client.get(f"/stories/{story_id}").text
    assert f"{saved.score}<small>/100</small>" in html
    assert "Wat de coach opviel" in html and "Nog niet sterk genoeg" in html
    step = saved.feedback["next_step"]
    assert step and step["message"].split("{")[0][:40] in html  # the one next step, in the engine's Dutch
    assert ">Situatie</span>" in html and "<li>Samenwerken</li>" in html


def test_edit_through_the_form_checks_again(client: Client, store: Store) -> None:
    use_language(client, "en")
    story_id = add(client, "Draft", WEAK_EN, ["conflict"], lang="en")
    form = client.get(f"/stories/{story_id}/edit").text
    assert "Edit story" in form and 'value="Draft"' in form and WEAK_EN in form
    assert re.search(r'value="conflict" checked', form) and re.search(r'<option value="en" selected', form)
    response = client.post_form(
        f"/stories/{story_id}",
        {"title": "Clash over a promise", "text": STRONG_EN, "story_lang": "en", "tags": ["conflict", "leadership"]},
    )
    assert response.status_code == 200 and response.url.path == f"/stories/{story_id}"
    saved = get_story(store, store.user_id(), story_id)
    assert saved is not None and saved.title == "Clash over a promise" and saved.score >= 70
    assert saved.tags == ["conflict", "leadership"]
    assert f"{saved.score}<small>/100</small>" in response.text


def test_edit_in_dutch(client: Client, store: Store) -> None:
    use_language(client, "nl")
    story_id = add(client, "Concept", WEAK_NL, [], lang="nl")
    assert "Verhaal bewerken" in client.get(f"/stories/{story_id}/edit").text
    response = client.post_form(
        f"/stories/{story_id}", {"title": "Conflict met sales", "text": STRONG_NL, "story_lang": "auto",
                                 "tags": ["conflict"]}
    )
    assert response.status_code == 200 and "Conflict met sales" in response.text
    saved = get_story(store, store.user_id(), story_id)
    assert saved is not None and saved.score >= 70 and saved.lang == "nl"


def test_delete_needs_the_confirmation_box(client: Client, store: Store) -> None:
    use_language(client, "en")
    story_id = add(client, "To delete", WEAK_EN)
    page = client.get(f"/stories/{story_id}").text
    assert f'action="/stories/{story_id}/delete"' in page and 'name="confirm" value="yes" required' in page
    refused = client.post_form(f"/stories/{story_id}/delete", {})
    assert refused.status_code == 400
    assert "Tick the box to confirm that you want to delete this story." in refused.text
    assert get_story(store, store.user_id(), story_id) is not None
    done = client.post_form(f"/stories/{story_id}/delete", {"confirm": "yes"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/stories"
    assert get_story(store, store.user_id(), story_id) is None
    assert client.get(f"/stories/{story_id}").status_code == 404


def test_delete_refusal_in_dutch(client: Client) -> None:
    use_language(client, "nl")
    story_id = add(client, "Weg", WEAK_NL)
    refused = client.post_form(f"/stories/{story_id}/delete", {"confirm": ""})
    assert refused.status_code == 400 and "Vink het vakje aan" in refused.text


def test_matrix_marks_a_category_covered_only_with_a_strong_story(client: Client) -> None:
    use_language(client, "en")
    weak = add(client, "Weak one", WEAK_EN, ["teamwork", "conflict"], lang="en")
    html = client.get("/stories").text
    assert matrix_row(html, "teamwork") == "weaker" and matrix_row(html, "conflict") == "weaker"
    assert matrix_row(html, "targets") == "none"
    assert f"0 of {TOTAL} categories covered" in html
    assert '<a href="/stories/new?tag=targets">Write one</a>' in html

    strong = add(client, "Strong one", STRONG_EN, ["conflict"], lang="en")
    html = client.get("/stories").text
    assert matrix_row(html, "conflict") == "strong" and matrix_row(html, "teamwork") == "weaker"
    assert f"1 of {TOTAL} categories covered" in html
    conflict_row = re.search(r'data-category="conflict".*?</tr>', html, re.S).group(0)  # type: ignore[union-attr]
    assert f'href="/stories/{strong}"' in conflict_row and f'href="/stories/{weak}"' not in conflict_row
    use_language(client, "nl")
    assert f"1 van de {TOTAL} categorieën afgedekt" in client.get("/stories").text


def test_script_in_title_and_text_is_escaped_everywhere(client: Client) -> None:
    use_language(client, "en")
    story_id = add(client, f"Title {XSS}", f"I fixed it. {XSS} It worked.", ["conflict"], lang="en")
    for url in ("/stories", f"/stories/{story_id}", f"/stories/{story_id}/edit"):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html, url
    refused = client.post_form("/stories", {"title": XSS, "text": "", "story_lang": "auto"})
    assert refused.status_code == 400 and "<script>alert" not in refused.text


def test_unknown_ids_are_404_pages(client: Client) -> None:
    use_language(client, "en")
    assert client.get("/stories/999").status_code == 404
    assert client.get("/stories/999/edit").status_code == 404
    update = client.post_form("/stories/999", {"title": "T", "text": "Text", "story_lang": "en"})
    assert update.status_code == 404 and "Not found" in update.text
    assert client.post_form("/stories/999/delete", {"confirm": "yes"}).status_code == 404
    for url in ("/stories/abc", "/stories/-1", "/stories/99999999999999999999", "/stories/0/edit"):
        assert client.get(url).status_code == 404, url


def test_another_users_story_is_404(client: Client, store: Store) -> None:
    other = store.user_id("someone-else")
    story_id = create_story(store, other, "Private", WEAK_EN, ["conflict"], "en")
    assert client.get(f"/stories/{story_id}").status_code == 404
    assert client.api("GET", f"/api/stories/{story_id}").status_code == 404
    assert client.post_form(f"/stories/{story_id}/delete", {"confirm": "yes"}).status_code == 404
    assert get_story(store, other, story_id) is not None
    assert "Private" not in client.get("/stories").text


@pytest.mark.parametrize(
    ("lang", "data", "message"),
    [
        ("en", {"title": "", "text": STRONG_EN, "tags": ["conflict"]}, "Give your story a title."),
        ("nl", {"title": "  ", "text": STRONG_NL}, "Geef je verhaal een titel."),
        ("en", {"title": "T", "text": STRONG_EN, "tags": ["conflict", "karate"]},
         "Unknown question category: karate. Choose from the list."),
        ("nl", {"title": "T", "text": STRONG_NL, "tags": ["karate"]},
         "Onbekende vraagcategorie: karate. Kies er een uit de lijst."),
        ("en", {"title": "T", "text": ""}, "Your story is empty. Write down what happened first."),
        ("en", {"title": "x" * 201, "text": STRONG_EN}, "The title is too long: 201 characters, the limit is 200."),
        ("nl", {"title": "T", "text": "a" * 100_001}, "Je verhaal is te lang: 100001 tekens, het maximum is 100000."),
    ],
)
def test_bad_input_gives_the_form_back_with_a_message(
    client: Client, store: Store, lang: str, data: dict[str, object], message: str
) -> None:
    use_language(client, lang)
    response = client.post_form("/stories", {"story_lang": "auto", **data})
    assert response.status_code == 400
    assert message in response.text and 'role="alert"' in response.text
    assert 'name="title"' in response.text  # the form is shown again, with what was typed
    if data["text"] and len(str(data["text"])) < 1000:
        assert str(data["text"]) in response.text
    assert list_stories(store, store.user_id()) == []


def test_bad_edit_keeps_the_old_story(client: Client, store: Store) -> None:
    use_language(client, "en")
    story_id = add(client, "Kept", WEAK_EN, ["conflict"], lang="en")
    response = client.post_form(f"/stories/{story_id}", {"title": "", "text": WEAK_EN, "tags": ["conflict"]})
    assert response.status_code == 400 and "Give your story a title." in response.text
    saved = get_story(store, store.user_id(), story_id)
    assert saved is not None and saved.title == "Kept"


def test_forms_need_the_csrf_token(client: Client, store: Store) -> None:
    response = client.post("/stories", data={"title": "T", "text": STRONG_EN})
    assert response.status_code == 403
    assert list_stories(store, store.user_id()) == []


# --- JSON API ---


def test_api_create_read_update_delete(client: Client, store: Store) -> None:
    created = client.api("POST", "/api/stories",
                         json={"title": "Clash", "text": STRONG_EN, "tags": ["conflict"], "lang": "en"})
    assert created.status_code == 201
    body = created.json()
    assert body["title"] == "Clash" and body["tags"] == ["conflict"] and body["lang"] == "en"
    assert body["score"] >= 70 and body["feedback"]["score"] == body["score"]
    assert body["feedback"]["schema"] == 1 and body["feedback"]["findings"]
    story_id = body["id"]

    listed = client.api("GET", "/api/stories").json()["stories"]
    assert [s["id"] for s in listed] == [story_id]
    assert client.api("GET", f"/api/stories/{story_id}").json()["score"] == body["score"]

    updated = client.api("PUT", f"/api/stories/{story_id}",
                         json={"title": "Team player", "text": WEAK_NL, "tags": ["teamwork"]})
    assert updated.status_code == 200
    assert updated.json()["lang"] == "nl" and updated.json()["score"] < 70
    assert updated.json()["tags"] == ["teamwork"]

    assert client.api("DELETE", f"/api/stories/{story_id}").status_code == 204
    assert client.api("GET", f"/api/stories/{story_id}").status_code == 404
    assert list_stories(store, store.user_id()) == []


def test_api_unknown_ids_are_json_404s(client: Client) -> None:
    for method, kwargs in (("GET", {}), ("PUT", {"json": {"title": "T", "text": "Text"}}), ("DELETE", {})):
        for story_id in ("999", "99999999999999999999", "abc"):
            response = client.api(method, f"/api/stories/{story_id}", **kwargs)
            assert response.status_code == 404, (method, story_id)
            assert response.json()["error"]["status"] == 404


def test_api_refuses_bad_input_with_a_translated_message(client: Client) -> None:
    use_language(client, "en")
    bad_tag = client.api("POST", "/api/stories", json={"title": "T", "text": STRONG_EN, "tags": ["karate"]})
    assert bad_tag.status_code == 400
    assert bad_tag.json()["error"]["message"] == "Unknown question category: karate. Choose from the list."
    use_language(client, "nl")
    no_title = client.api("POST", "/api/stories", json={"title": "", "text": STRONG_NL})
    assert no_title.status_code == 400 and no_title.json()["error"]["message"] == "Geef je verhaal een titel."
    not_json = client.api("POST", "/api/stories", content=b"nope", headers={"content-type": "application/json"})
    assert not_json.status_code == 422 and "error" in not_json.json()
    assert client.api("GET", "/api/stories").json() == {"stories": []}


def test_api_needs_the_csrf_header(client: Client) -> None:
    response = client.post("/api/stories", json={"title": "T", "text": STRONG_EN})
    assert response.status_code == 403


def test_api_escapes_nothing_but_returns_text_as_given(client: Client) -> None:
    body = client.api("POST", "/api/stories", json={"title": XSS, "text": f"I did it. {XSS}"}).json()
    assert body["title"] == XSS and body["text"] == f"I did it. {XSS}"


# --- the reminder in an interview ---


def start_interview(client: Client, store: Store) -> tuple[str, str]:
    """Start an IT interview; returns its URL and the first question's category."""
    response = client.post_form("/interviews", {"sector": "it", "role": "backend", "level": "medior",
                                                "interview_lang": "en", "questions": "3", "time_limit": "0"},
                                follow_redirects=False)
    assert response.status_code == 303
    url = response.headers["location"]
    interview = store.interview(store.user_id(), int(url.rsplit("/", 1)[1]))
    assert interview is not None
    question = get_question(interview.plan[0])
    assert question is not None
    return url, question.category


def test_a_story_tagged_with_the_questions_category_appears_in_the_interview(client: Client, store: Store) -> None:
    use_language(client, "en")
    url, category = start_interview(client, store)
    other = next(c for c in ("conflict", "targets") if c != category)
    add(client, "Matching story", STRONG_EN, [category], lang="en")
    add(client, "Unrelated story", STRONG_EN, [other], lang="en")
    html = client.get(url).text
    assert "Your stories for this kind of question" in html
    assert "Matching story" in html and "Unrelated story" not in html


def test_the_interview_shows_at_most_three_stories_strongest_first(client: Client, store: Store) -> None:
    use_language(client, "en")
    url, category = start_interview(client, store)
    add(client, "Weak A", WEAK_EN, [category], lang="en")
    add(client, "Strong B", STRONG_EN, [category], lang="en")
    add(client, "Weak C", WEAK_EN, [category], lang="en")
    add(client, "Strong D", STRONG_EN, [category], lang="en")
    html = client.get(url).text
    titles = re.findall(r"<h2>(Weak A|Strong B|Weak C|Strong D)</h2>", html)
    assert titles[:2] == ["Strong D", "Strong B"] and len(titles) == 3


def test_no_reminder_without_matching_stories(client: Client, store: Store) -> None:
    url, _ = start_interview(client, store)
    assert "Your stories for this kind of question" not in client.get(url).text


def test_reminder_escapes_the_story(client: Client, store: Store) -> None:
    url, category = start_interview(client, store)
    add(client, f"Story {XSS}", f"I did it. {XSS}", [category], lang="en")
    html = client.get(url).text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_every_category_has_a_readable_name_in_both_languages() -> None:
    from coach.web.routes.stories import CATEGORY_NAMES, category_name

    assert set(CATEGORY_NAMES) == set(ALL_CATEGORIES)
    for category in ALL_CATEGORIES:
        assert category_name(category, "nl") and category_name(category, "en")
        assert "_" not in category_name(category, "en")
