"""Export, delete and import again in Chromium: nothing is lost on the way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.browser.conftest import screenshot


def test_export_delete_import_round_trip(page: Any, tmp_path: Path) -> None:
    page.goto("/lang/en?next=/")
    page.select_option("#role", "qa")
    page.fill("#questions", "3")
    page.click("button:has-text('Start the interview')")
    page.fill("#answer", "Last year I tested a payment flow at a bank in Utrecht with 2 colleagues. <b>bold?</b>")
    page.click("form[data-time-limit] button[type=submit]:not(.secondary)")
    page.wait_for_url("**/answers/**")

    page.goto("/data")
    screenshot(page, "data-en")
    with page.expect_download() as info:
        page.locator("a", has_text="Download").first.click()
    exported = tmp_path / "export.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "coach-export" and data["version"] == 1
    texts = [a["text"] for i in data["interviews"] for a in i["answers"]]
    assert any("<b>bold?</b>" in t for t in texts)

    page.goto("/data")
    page.check("#confirm")
    page.click("button.danger")
    page.goto("/history")
    assert page.locator("table tbody tr").count() == 0

    page.goto("/data")
    page.set_input_files("#file", str(exported))
    page.click("button:has-text('Import this file')")
    page.goto("/history")
    assert page.locator("table tbody tr").count() == len(data["interviews"])
    page.locator("table tbody tr a").first.click()
    assert "<b>bold?</b>" in page.locator("div.answer-text").first.inner_text()

    # A file that is not an export is refused with a message, and nothing changes.
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    page.goto("/data")
    page.set_input_files("#file", str(bad))
    page.click("button:has-text('Import this file')")
    assert "export" in page.locator("main").inner_text().lower()
    page.goto("/history")
    assert page.locator("table tbody tr").count() == len(data["interviews"])
