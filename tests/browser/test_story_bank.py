"""The story bank in Chromium: write a story, see its feedback and coverage, find it in an interview."""

from __future__ import annotations

from typing import Any

from coach.content.bank import get_question
from coach.practice.plan import make_plan
from tests.browser.conftest import screenshot


def test_story_is_checked_covers_its_category_and_shows_up_in_an_interview(page: Any) -> None:
    story = get_question("general.biggest_mistake")
    assert story is not None
    page.goto("/lang/nl?next=/stories/new")
    page.fill("#title", "Migratie die misliep")
    page.fill("#text", story.examples.strong.nl)
    page.check("#tag-failure")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/stories/*")
    assert page.locator(".score").first.inner_text().startswith(tuple("123456789"))
    assert page.locator(".answer-text [data-notes]").count() >= 1
    screenshot(page, "story-nl")
    page.goto("/stories")
    row = page.locator("table.matrix tr", has_text="Fouten en mislukkingen").first
    assert row.locator("a").count() >= 1, "the failure category links to its story"
    screenshot(page, "stories-nl")
    # An interview with a question of the category 'failure' offers the story as a reminder there.
    def failure_position(seed: int) -> int | None:
        ids = make_plan("it", "backend", "medior", "nl", count=6, seed=seed).question_ids
        return next((i for i, q in enumerate(ids) if get_question(q).category == "failure"), None)  # type: ignore[union-attr]

    seed = next(s for s in range(2000) if failure_position(s) is not None)
    target = failure_position(seed)
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "coach_csrf")
    state = page.request.post("/api/interviews", headers={"X-CSRF-Token": csrf}, data={
        "sector": "it", "role": "backend", "level": "medior", "lang": "nl", "questions": 6, "seed": seed}).json()
    for _ in range(target or 0):
        page.goto(f"/interviews/{state['id']}")
        assert page.locator("details summary", has_text="Jouw verhalen").count() == 0
        page.fill("#answer", "Vorig jaar heb ik bij een bank in Utrecht een migratie geleid met 3 collega's.")
        page.click("form[data-time-limit] button[type=submit]:not(.secondary)")
        page.wait_for_url("**/answers/**")
        page.goto(f"/interviews/{state['id']}")
        if page.locator("form[data-time-limit] input[name=kind]").input_value() == "follow_up":
            page.locator("button", has_text="Sla deze doorvraag over").click()
    page.goto(f"/interviews/{state['id']}")
    page.locator("details summary", has_text="Jouw verhalen").click()
    assert page.locator("details h2", has_text="Migratie die misliep").is_visible()
