"""References: kept with the profile, a warning without permission, on the one-pager only with permission."""

from __future__ import annotations

from datetime import date

from coach.sales.onepager import render_html
from coach.sales.profile import validate
from coach.store.sales import load_profile, save_profile
from tests.sales.support import profile
from tests.sales.test_onepager import _form
from tests.web.conftest import Client


def test_a_reference_without_permission_gets_a_warning_and_stays_off_the_page() -> None:
    found, problems = validate(profile(), "nl", date(2026, 6, 1), "en")
    assert found is not None
    warnings = [(p.field, p.text("en")) for p in problems if p.level == "warning"]
    assert warnings == [
        (
            "references.1.permission",
            "No permission recorded for Eva Smit: this reference stays off the one-pager until you record when they agreed.",
        )
    ]
    html = render_html(found, "en")
    assert "Jan Bakker" in html and "Eva Smit" not in html


def test_once_permission_is_recorded_the_reference_appears(any_store) -> None:  # type: ignore[no-untyped-def]
    user = any_store.user_id()
    save_profile(any_store, user, profile(), "nl")
    saved, problems = load_profile(any_store, user)
    assert saved is not None and [r.name for r in saved.shown_references] == ["Jan Bakker"]
    save_profile(any_store, user, profile(references_1_permission="03-02-2025"), "nl")
    saved, problems = load_profile(any_store, user)
    assert [r.name for r in saved.shown_references] == ["Jan Bakker", "Eva Smit"]
    assert saved.references[1].permission == date(2025, 2, 3)
    assert not [p for p in problems if p.level == "warning"]


def test_a_reference_needs_a_name_and_company(any_store) -> None:  # type: ignore[no-untyped-def]
    found, problems = validate(profile(references_1_company=""), "nl", date(2026, 6, 1))
    assert found is None
    assert [p.field for p in problems if p.level == "error"] == ["references.1.company"]


def test_the_form_shows_the_warning_at_the_reference_and_the_toolkit_page_lists_it(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    assert client.post_form("/onepager", _form(profile()), follow_redirects=False).status_code == 303
    page = client.get("/onepager").text
    assert 'value="Eva Smit"' in page
    assert 'id="problem-references-1-permission-1"' in page
    assert "Geen toestemming vastgelegd voor Eva Smit" in page
    assert "Een paar velden kloppen nog niet" not in page  # a warning is not an error
    assert "Eva Smit" not in client.get("/onepager/preview").text
    assert "Wacht nog op toestemming van: Eva Smit." in client.get("/sales").text
