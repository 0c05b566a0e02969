"""Full mock interviews in Chromium, in Dutch and in English, with feedback highlights and history."""

from __future__ import annotations

from typing import Any

import pytest

from coach.content.bank import load_questions
from tests.browser.conftest import screenshot


def run_interview(page: Any, lang: str, shots: bool = False) -> None:
    page.goto(f"/lang/{lang}?next=/")
    page.select_option("#role", "ae")
    page.select_option("#level", "medior")
    page.select_option("#interview_lang", lang)
    page.fill("#questions", "3")
    if shots:
        screenshot(page, f"start-{lang}")
    page.click("button[type=submit]:has-text('{}')".format("Start het gesprek" if lang == "nl" else "Start the interview"))
    answered = 0
    while "/summary" not in page.url:
        if "/interviews/" in page.url and page.locator("#answer").count():
            question = page.locator("#question-text").inner_text()
            kind = page.locator("form[data-time-limit] input[name=kind]").input_value()
            text = answer_for(question, lang, kind)
            if shots and answered == 0:
                screenshot(page, f"question-{lang}")
            page.fill("#answer", text)
            page.click("form[data-time-limit] button[type=submit]:not(.secondary)")
            answered += 1
            page.wait_for_url("**/answers/**")
            assert page.locator(".score").count() == 1
            if shots and answered == 1:
                screenshot(page, f"feedback-{lang}")
        nxt = page.locator("a.button", has_text="Volgende vraag" if lang == "nl" else "Next question")
        follow = page.locator("a.button", has_text="Beantwoord de doorvraag" if lang == "nl" else "Answer the follow-up")
        summary = page.locator("a.button", has_text="samenvatting" if lang == "nl" else "summary")
        if follow.count():
            follow.first.click()
        elif nxt.count():
            nxt.first.click()
        elif summary.count():
            summary.first.click()
        assert answered < 10
    assert answered >= 3
    if shots:
        screenshot(page, f"summary-{lang}")


def answer_for(question_text: str, lang: str, kind: str) -> str:
    if kind == "follow_up":
        return "Daarmee stond ik op nummer 2 van de 9." if lang == "nl" else "That put me second out of nine."
    for q in load_questions().values():
        if q.text.get(lang) == question_text:
            return q.examples.strong.get(lang)
    return "Vorig jaar heb ik 12 nieuwe klanten binnengehaald." if lang == "nl" else "I won 12 new customers."


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_full_mock_interview(page: Any, lang: str) -> None:
    run_interview(page, lang, shots=True)
    heading = page.locator("h1").inner_text()
    assert ("Samenvatting" if lang == "nl" else "Summary") in heading
    assert page.locator("table tbody tr").count() == 3
    page.goto("/history")
    assert page.locator("table tbody tr").count() >= 1
    page.locator("table tbody tr a").first.click()
    assert page.locator("article.card").count() >= 3
    if lang == "en":
        screenshot(page, "history-detail-en")


def test_feedback_highlights_explain_themselves(page: Any) -> None:
    page.goto("/lang/en?next=/")
    page.select_option("#role", "ae")
    page.fill("#questions", "3")
    page.select_option("#interview_lang", "en")
    page.click("button:has-text('Start the interview')")
    payload = ("My target was €400,000 and I closed €380,000, which is 112% of target. Um, I was, like, third. "
               "<img src=x onerror=alert(1)>")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.fill("#answer", payload)
    page.click("form[data-time-limit] button[type=submit]:not(.secondary)")
    page.wait_for_url("**/answers/**")
    assert not dialogs, "HTML in an answer must never run"
    assert page.locator("div.answer-text").inner_text().count("<img src=x onerror=alert(1)>") == 1
    note = page.locator("li.finding", has_text="don't add up").get_attribute("id")
    warning = page.locator(f'.answer-text [data-notes~="{note}"]').first
    warning.click()
    popover = page.locator(".popover")
    assert popover.is_visible()
    assert "don't add up" in popover.inner_text()
    assert page.locator(".answer-text [title]").count() == 0  # one popover, no tooltip on top of it
    assert page.locator(".answer-text mark[tabindex='0']").count() >= 1
    assert page.locator("tr.mismatch").count() >= 2
    page.locator("summary", has_text="strong example").click()
    asked = page.locator("#question-text").inner_text()
    question = next(q for q in load_questions().values() if q.text.en == asked)
    assert page.locator("details .answer-text").inner_text().startswith(question.examples.strong.en[:30])


def test_phone_width_and_labelled_forms(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    for path in ("/", "/history"):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways at phone width"
        unlabelled = page.evaluate(
            """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => !(e.id && document.querySelector(`label[for="${e.id}"]`)) && !e.closest('label'))
                .map(e => e.name)"""
        )
        assert unlabelled == [], f"unlabelled fields on {path}: {unlabelled}"
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() in ("Skip to content", "Naar de inhoud")
    screenshot(page, "start-phone")
    context.close()
