"""Every main page: labelled fields, no sideways scrolling at phone width, a screenshot for the docs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import screenshot

PAGES = ["/", "/history", "/progress", "/questions", "/questions/sales.targets_last_year", "/stories",
         "/stories/new", "/prepare", "/data", "/settings"]


def _with_an_answer(page: Any) -> str:
    """Answer one question so that interview, feedback and progress pages have something to show."""
    page.goto("/lang/en?next=/")
    page.select_option("#role", "devops")
    page.fill("#questions", "3")
    page.click("button:has-text('Start the interview')")
    interview = page.url
    page.fill("#answer", "Last year I moved our CI pipeline to GitHub Actions with 2 colleagues; builds went "
                         "from 20 to 8 minutes and I learned to measure before changing anything.")
    page.click("form[data-time-limit] button[type=submit]:not(.secondary)")
    page.wait_for_url("**/answers/**")
    return interview


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_main_pages_are_labelled_and_fit_a_phone(browser: Any, live_server: str, lang: str) -> None:
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    interview = _with_an_answer(page)
    page.goto(f"/lang/{lang}?next=/")
    for path in [*PAGES, interview]:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways at phone width ({overflow}px)"
        unlabelled = page.evaluate(
            """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => !(e.id && document.querySelector(`label[for="${e.id}"]`)) && !e.closest('label')
                             && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                .map(e => e.name || e.id)"""
        )
        assert unlabelled == [], f"unlabelled fields on {path}: {unlabelled}"
        assert page.locator("h1").count() >= 1, f"{path} has no heading"
    context.close()


def test_screenshots_of_the_main_pages(page: Any) -> None:
    _with_an_answer(page)
    for path, name in [("/progress", "progress-en"), ("/questions", "questions-en"),
                       ("/questions/it.explain_api_to_marketing", "question-detail-en"), ("/prepare", "prepare-en"),
                       ("/settings", "settings-en")]:
        page.goto(path)
        screenshot(page, name)
        assert page.locator("main").inner_text().strip()
