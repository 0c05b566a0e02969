"""The sales toolkit in Chromium: the one-pager form with a field-level error and the preview, an objection
drill with a pushback (and the buyer read aloud), and the pitch from outline to feedback."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import screenshot
from tests.sales.support import profile
from tests.sales.test_onepager import _form
from tests.sales.test_pitch import INPUT, STRONG_NL


def test_one_pager_form_shows_problems_at_their_fields_then_saves_and_previews(page: Any) -> None:
    page.goto("/lang/nl?next=/onepager")
    for name, value in _form(profile(periods_1_percent="150%")).items():
        if name == "key_wins":
            page.fill("#key_wins", value)
        else:
            page.locator(f'[name="{name}"]').fill(value)
    page.click("form.onepager-form button[type=submit]")
    field = page.locator('[name="periods.1.percent"]')
    assert field.get_attribute("aria-invalid") == "true"
    message = page.locator("#problem-periods-1-percent-1")
    assert "is 115%, niet 150%" in message.inner_text()
    assert page.locator('[name="periods.0.target"]').input_value() == "€350.000"  # nothing typed is lost
    field.fill("115%")
    page.click("form.onepager-form button[type=submit]")
    page.wait_for_url("**/onepager?saved=1*")
    assert page.locator("#problem-references-1-permission-1").is_visible()  # Eva Smit: no permission yet
    preview = page.frame_locator("iframe.onepager-preview")
    assert preview.locator("h1").inner_text() == "Sanne de Vries"
    assert preview.locator("img.chart").evaluate("img => img.naturalWidth") > 100  # the chart is drawn
    assert preview.locator("text=Eva Smit").count() == 0
    screenshot(page, "onepager-nl")
    with page.expect_download() as download:
        page.click("a[href='/onepager.pdf?doc=en']")
    assert download.value.suggested_filename == "results.pdf"


def test_objection_drill_with_a_pushback_ends_in_feedback(page: Any) -> None:
    page.add_init_script(
        "window.__spoken = []; window.speechSynthesis && (window.speechSynthesis.speak = u => window.__spoken.push(u.text + '|' + u.lang));"
    )
    page.goto("/lang/en?next=/roleplay")
    page.select_option("#objection", "too_expensive")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/roleplay/*")
    assert page.locator("#buyer-line").inner_text().endswith("To be honest, I think it's too expensive.")
    speak = page.locator("button[data-speak]")
    if speak.is_visible():  # this Chromium has speech synthesis: the buyer's words are read in English
        speak.click()
        assert page.evaluate("window.__spoken") == ["To be honest, I think it's too expensive.|en-GB"]
    assert page.locator("[data-time-limit] .timer").inner_text() in ("1:00", "0:59", "0:58")
    page.fill(
        "#answer", "I understand. Expensive compared with what, exactly? Shall we talk again on Thursday?"
    )
    page.click("form[data-time-limit] button[type=submit]")
    page.wait_for_url("**/roleplay/*")
    assert (
        "Every supplier says that. What does it actually get us?" in page.locator("#buyer-line").inner_text()
    )
    page.fill("#answer", "Customers like Van Dijk Transport save 12 hours of planning a week on average.")
    page.click("form[data-time-limit] button[type=submit]")
    page.locator("#feedback").wait_for()
    assert page.locator("#feedback .score").inner_text().startswith("100")
    assert page.locator("#feedback li.f-met").count() == 4
    screenshot(page, "roleplay-en")
    page.goto("/progress")
    assert page.locator("#sales-progress").is_visible()


def test_pitch_from_outline_to_feedback(page: Any) -> None:
    page.goto("/lang/nl?next=/pitch")
    for key, value in INPUT.items():
        page.fill(f"#{key}", value)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/pitch/*")
    outline = page.locator("#outline")
    assert "De concurrent is 20% goedkoper." in outline.inner_text()
    assert "Hoe gaat u nu om met lege kilometers" in outline.inner_text()
    assert (
        page.locator("[data-time-limit] .timer").inner_text().startswith("4:5") or page.locator("[data-time-limit] .timer").inner_text() == "5:00"
    )
    page.fill("#pitch-text", STRONG_NL)
    page.click("form[data-time-limit] button[type=submit]")
    page.locator("#feedback").wait_for()
    assert page.locator("#feedback .score").inner_text().startswith("100")
    assert page.locator("#feedback li[data-key=length].f-met").count() == 1
    screenshot(page, "pitch-nl")
