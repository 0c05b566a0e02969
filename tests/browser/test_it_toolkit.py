"""The IT toolkit in Chromium: the design drill (timed), the explain drill, the stack-gap page."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import screenshot
from tests.toolkit.test_design import GOOD, HALF
from tests.toolkit.test_explain import BAD as EXPLAIN_BAD


def test_design_drill_with_a_timer_names_missing_steps_in_order(page: Any) -> None:
    page.goto("/lang/en?next=/it")
    page.click("a[href='/it/design']")
    page.select_option("#tech", "message_queue")
    page.select_option("#use_case", "order_processing")
    page.select_option("#answer_lang", "en")
    page.select_option("#time_limit", "120")
    page.click("form[method=get] button[type=submit]")
    assert (
        page.locator("#question-text").inner_text()
        == "How would you use a message queue for order processing in a web shop?"
    )
    assert page.locator("[data-time-limit] .timer").is_visible()
    page.fill("#answer", HALF["en"])
    page.click("form[data-time-limit] button[type=submit]")
    page.wait_for_url("**/it/attempts/*")
    missing = page.locator("#missing-steps").inner_text()
    assert (
        missing.index("Alternatives weighed")
        < missing.index("The choice justified")
        < missing.index("When not to use it")
    )
    assert page.locator("[data-step=requirements][data-status=met]").count() == 1
    assert page.locator("#steps-count").inner_text() == "2 of 5 steps"
    screenshot(page, "it-design-en")
    page.locator("a", has_text="Try this question again").click()
    page.wait_for_url("**/it/design?**")
    page.fill("#answer", GOOD["en"])
    page.click("form[data-time-limit] button[type=submit]")
    page.wait_for_url("**/it/attempts/*")
    assert page.locator("#steps-count").inner_text() == "5 of 5 steps"


def test_explain_drill_in_dutch_marks_jargon(page: Any) -> None:
    page.goto("/lang/nl?next=/it/explain?concept=caching%26audience=finance%26answer_lang=nl")
    assert (
        page.locator("#question-text").inner_text() == "Hoe zou je caching uitleggen aan iemand van finance?"
    )
    _, answer = EXPLAIN_BAD["nl"]
    page.fill("#answer", answer)
    page.click("form[data-time-limit] button[type=submit]")
    page.wait_for_url("**/it/attempts/*")
    marks = page.locator("mark.jargon")
    assert marks.count() >= 3
    assert marks.first.get_attribute("title")
    assert page.locator("[data-step=jargon][data-status=missed]").count() == 1
    screenshot(page, "it-explain-nl")


def test_stack_gap_page_from_a_job_ad_and_the_pick_list(page: Any) -> None:
    page.goto("/lang/en?next=/it/stack-gap")
    page.fill("#have", "Java, Spring")
    page.locator("details summary", has_text="Pick from the list").click()
    page.check("#picked_have-azure")
    page.fill("#ad", "You build services in Python with Django on AWS, deployed with GitHub Actions.")
    page.click("form.card button[type=submit]")
    report = page.locator("#gap-report")
    assert report.is_visible()
    items = report.locator(".gap-item")
    assert items.count() == 4
    aws = report.locator(".gap-item", has_text="AWS")
    assert aws.get_attribute("data-status") == "carries"
    assert "Lambda" in aws.inner_text() and "Azure Functions" in aws.inner_text()
    assert report.locator(".gap-item[data-status=gap]", has_text="GitHub Actions").count() == 1
    screenshot(page, "it-stack-gap-en")
