"""A shared deployment in Chromium: an admin invites a candidate, the candidate makes the account from the
link, a wrong password is refused, the candidate answers and shares with a coach, the coach comments on the
answer, and the candidate sees the comment and the log of the coach's look-ups."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from coach.store.repository import Store
from tests.browser.conftest import screenshot
from tests.services import free_port
from tests.web.accounts_support import PASSWORD, make_account, shared_app

ADMIN, COACH, CANDIDATE = "admin@bureau.example.nl", "coach@bureau.example.nl", "sanne@example.nl"
CANDIDATE_PASSWORD = "mijn eigen wachtwoord 7"


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`coach serve --shared` on loopback over a fresh database, with an admin and a coach made the way
    `coach invite` and an invitation link make them."""
    import uvicorn

    folder = tmp_path_factory.mktemp("shared")
    store = Store(f"sqlite:///{folder / 'shared.db'}")
    app = shared_app(store)
    make_account(store, ADMIN, "admin")
    make_account(store, COACH, "coach")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "the shared server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def new_page(browser: Any, base: str) -> Any:
    """A page in a browser context of its own: its own cookies, so its own person."""
    context = browser.new_context(base_url=base, locale="en-GB", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def sign_in(page: Any, email: str, password: str) -> None:
    page.goto("/lang/en?next=/signin")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form[action='/signin'] button[type=submit]")


def test_invitation_sign_in_sharing_and_a_coach_comment(browser: Any, shared_server: str) -> None:
    # Nobody is signed in: every page leads to the sign-in form.
    admin = new_page(browser, shared_server)
    admin.goto("/")
    assert admin.url.endswith("/signin")

    # The admin signs in and invites a candidate; the link is shown to pass on (no mail server here).
    sign_in(admin, ADMIN, PASSWORD)
    admin.goto("/coach")
    admin.fill("#invite-email", CANDIDATE)
    admin.select_option("#invite-role", "candidate")
    admin.click("form[action='/coach/invitations'] button[type=submit]")
    link = admin.locator("#made-link").input_value()
    assert link.startswith(shared_server + "/invite/")
    admin.context.close()

    # The candidate opens the link, chooses a password and is signed in.
    candidate = new_page(browser, shared_server)
    candidate.goto(link)
    assert CANDIDATE in candidate.locator("main").inner_text()
    candidate.fill("#password", CANDIDATE_PASSWORD)
    candidate.fill("#password-again", CANDIDATE_PASSWORD + "x")
    candidate.click("form button[type=submit]")
    assert "don't match" in candidate.locator("p.error").inner_text()
    candidate.fill("#password", CANDIDATE_PASSWORD)
    candidate.fill("#password-again", CANDIDATE_PASSWORD)
    candidate.click("form button[type=submit]")
    candidate.goto("/account")
    assert f"Signed in as {CANDIDATE}." in candidate.locator("main").inner_text()
    candidate.click("form[action='/signout'] button")
    assert candidate.url.endswith("/signin")

    # A wrong password is refused with a message that says so, and signs nobody in.
    sign_in(candidate, CANDIDATE, "not my password at all")
    error = candidate.locator("#signin-error")
    assert "don't match an account" in error.inner_text()
    assert candidate.locator("#email").input_value() == CANDIDATE
    screenshot(candidate, "signin-wrong-en")
    candidate.goto("/account")
    assert candidate.url.endswith("/signin")

    # With the right one the candidate is in, answers one question and shares with the coach.
    sign_in(candidate, CANDIDATE, CANDIDATE_PASSWORD)
    candidate.goto("/")
    candidate.select_option("#role", "ae")
    candidate.select_option("#interview_lang", "en")
    candidate.fill("#questions", "3")
    candidate.click("button[type=submit]:has-text('Start the interview')")
    answer = "Last year I won 12 new customers by calling 40 firms a week; revenue grew 18% in my region."
    candidate.fill("#answer", answer)
    candidate.click("form[data-time-limit] button[type=submit]:not(.secondary)")
    candidate.wait_for_url("**/answers/**")
    candidate.goto("/account")
    assert "No coach has opened your data." in candidate.locator("main").inner_text()
    candidate.fill("#coach-email", COACH)
    candidate.click("button:has-text('Share my progress')")
    sharing = candidate.locator("section[aria-labelledby=sharing-title]").inner_text()
    assert COACH in sharing and "Stop sharing" in sharing

    # The coach signs in, finds the candidate, opens the answer and leaves a comment.
    coach = new_page(browser, shared_server)
    sign_in(coach, COACH, PASSWORD)
    coach.goto("/coach")
    coach.click(f"a:has-text('{CANDIDATE}')")
    coach.locator("a[href*='/interviews/']").first.click()
    coach.locator("a[href*='/answers/']").first.click()
    assert answer in coach.locator(".answer-text").inner_text()
    remark = "Good numbers. Now say what you did yourself <b>first</b>, then the result."
    coach.fill("#comment-text", remark)
    coach.click("button:has-text('Add comment')")
    assert remark in coach.locator("p.comment").inner_text()
    assert coach.locator("p.comment b").count() == 0
    screenshot(coach, "coach-answer-en")
    coach.context.close()

    # The candidate sees the comment, on which answer, and when the coach looked at what.
    candidate.goto("/account")
    comments = candidate.locator("ul.comments").inner_text()
    assert remark in comments and COACH in comments
    assert candidate.locator("ul.comments a[href^='/answers/']").count() == 1
    log = candidate.locator("ul.access-log li").all_inner_texts()
    assert any(COACH in line and "an answer" in line for line in log)
    assert any("your overview" in line for line in log)
    screenshot(candidate, "account-comment-en")
    candidate.context.close()
