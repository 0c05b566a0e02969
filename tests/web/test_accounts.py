"""A shared deployment: sign-in with lockout and a rate limit, invitations, resets, sessions that end,
roles, sharing with a coach, comments, assignments, the access log, export and the account delete."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from coach.store import accounts
from coach.store.models import Invitation
from coach.store.repository import Store
from coach.web.app import create_app
from tests.store.support import new_interview
from tests.web.accounts_support import PASSWORD, make_account, shared_app, signed_in
from tests.web.conftest import Client


@pytest.fixture
def app(any_store: Store):  # type: ignore[no-untyped-def]
    return shared_app(any_store)


def answer_for(store: Store, user: int, text: str = "I fixed the outage in 20 minutes.") -> int:
    from coach.practice.session import InterviewSession

    interview = new_interview(store, user)
    session = InterviewSession.resume(store, user, interview)
    assert session is not None
    return session.submit(text, token=f"t{user}{interview}").answer_id


def test_the_local_mode_needs_no_sign_in_and_has_no_account_pages(store: Store) -> None:
    with Client(create_app(store=store)) as client:
        assert client.get("/").status_code == 200
        assert client.get("/signin").status_code == 404
        assert client.get("/account").status_code == 404
        assert "coach_session" not in client.cookies


def test_a_shared_deployment_sends_pages_to_sign_in_and_the_api_gets_401(app) -> None:  # type: ignore[no-untyped-def]
    with Client(app) as client:
        response = client.get("/", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/signin"
        assert client.get("/api/stories").status_code == 401
        assert client.get("/health").json() == {"status": "ok"}
        assert client.get("/signin").status_code == 200


def test_an_invitation_makes_an_account_once_and_signs_it_in(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    token = accounts.invite(any_store, any_store.user_id("setup"), "New@Example.nl")
    with Client(app) as client:
        assert "new@example.nl" in client.get(f"/invite/{token}").text
        short = client.post_form(f"/invite/{token}", {"password": "short", "password_again": "short"})
        assert short.status_code == 400 and "at least 10 characters" in short.text
        made = client.post_form(
            f"/invite/{token}", {"password": PASSWORD, "password_again": PASSWORD}, follow_redirects=False
        )
        assert made.status_code == 303
        cookie = made.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        assert client.get("/", follow_redirects=False).status_code == 200
    with Client(app) as other:
        again = other.post_form(f"/invite/{token}", {"password": PASSWORD, "password_again": PASSWORD})
        assert again.status_code == 400 and "expired or was used" in again.text


def test_an_expired_invitation_does_nothing(any_store: Store) -> None:
    token = accounts.invite(any_store, any_store.user_id("setup"), "late@example.nl")
    with any_store.session() as s:
        s.execute(update(Invitation).values(expires_at=accounts.utcnow() - timedelta(minutes=1)))
    with pytest.raises(accounts.AccountError, match="expired"):
        accounts.accept_invitation(any_store, token, PASSWORD)
    assert accounts.accounts(any_store) == []


def test_passwords_are_stored_as_argon2_hashes(any_store: Store) -> None:
    user = make_account(any_store, "hash@example.nl")
    stored = accounts.get_account(any_store, user)
    assert stored is not None and stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in stored.password_hash


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    make_account(any_store, "lock@example.nl")
    with Client(app) as client:
        for _ in range(accounts.LOCK_AFTER):
            wrong = client.post_form("/signin", {"email": "lock@example.nl", "password": "not the password"})
            assert wrong.status_code == 400
        right = client.post_form("/signin", {"email": "lock@example.nl", "password": PASSWORD})
        assert right.status_code == 429 and "locked for 15 minutes" in right.text
        assert "coach_session" not in client.cookies


def test_many_failures_from_one_address_are_refused(any_store: Store) -> None:
    make_account(any_store, "limit@example.nl")
    for n in range(accounts.SOURCE_LIMIT):
        with pytest.raises(accounts.AccountError):
            accounts.sign_in(any_store, f"nobody{n}@example.nl", "guess", "10.0.0.9")
    with pytest.raises(accounts.AccountError, match="limited"):
        accounts.sign_in(any_store, "limit@example.nl", PASSWORD, "10.0.0.9")
    assert accounts.sign_in(any_store, "limit@example.nl", PASSWORD, "10.0.0.10") > 0


def test_sign_out_everywhere_ends_every_session(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    make_account(any_store, "two@example.nl")
    first, second = signed_in(app, "two@example.nl"), signed_in(app, "two@example.nl")
    try:
        assert first.get("/account").status_code == 200
        first.post_form("/signout/everywhere")
        assert second.get("/account", follow_redirects=False).status_code == 303
        assert first.get("/account", follow_redirects=False).status_code == 303
    finally:
        first.close()
        second.close()


def test_a_password_change_needs_the_current_one(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    make_account(any_store, "change@example.nl")
    client = signed_in(app, "change@example.nl")
    try:
        new = "a brand new passphrase"
        refused = client.post_form(
            "/account/password", {"current": "wrong one!!", "password": new, "password_again": new}
        )
        assert refused.status_code == 400
        done = client.post_form(
            "/account/password", {"current": PASSWORD, "password": new, "password_again": new}
        )
        assert "Your password has been changed" in done.text
        assert accounts.sign_in(any_store, "change@example.nl", new, "1") > 0
    finally:
        client.close()


def test_a_coach_reset_link_sets_a_new_password_and_ends_old_sessions(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    candidate = make_account(any_store, "cand@example.nl")
    make_account(any_store, "coach@example.nl", "coach")
    old = signed_in(app, "cand@example.nl")
    old.post_form("/account/shares", {"coach_email": "coach@example.nl"})
    coach = signed_in(app, "coach@example.nl")
    try:
        page = coach.post_form(f"/coach/candidates/{candidate}/reset")
        link = page.text.split('id="made-link" readonly value="')[1].split('"')[0]
        path = link.split("127.0.0.1", 1)[1]
        new = "another good passphrase"
        with Client(app) as fresh:
            fresh.post_form(path, {"password": new, "password_again": new})
            assert fresh.get("/account").status_code == 200
        assert old.get("/account", follow_redirects=False).status_code == 303
        assert accounts.sign_in(any_store, "cand@example.nl", new, "2") == candidate
    finally:
        old.close()
        coach.close()


def test_a_coach_sees_only_what_is_shared_comments_and_assigns_and_it_is_logged(
    app, any_store: Store
) -> None:  # type: ignore[no-untyped-def]
    candidate = make_account(any_store, "ann@example.nl")
    make_account(any_store, "coach@example.nl", "coach")
    answer = answer_for(any_store, candidate)
    ann, coach = signed_in(app, "ann@example.nl"), signed_in(app, "coach@example.nl")
    try:
        assert coach.get(f"/coach/candidates/{candidate}").status_code == 404  # not shared yet
        assert ann.get("/coach").status_code == 403  # a candidate is no coach
        assert "ann@example.nl" not in coach.get("/coach").text
        ann.post_form("/account/shares", {"coach_email": "coach@example.nl"})
        overview = coach.get(f"/coach/candidates/{candidate}")
        assert overview.status_code == 200 and "1 answers" in overview.text
        assert "I fixed the outage" in coach.get(f"/coach/candidates/{candidate}/answers/{answer}").text
        coach.post_form(
            f"/coach/candidates/{candidate}/answers/{answer}/comments",
            {"text": "Say what <b>you</b> did yourself."},
        )
        coach.post_form(
            f"/coach/candidates/{candidate}/assignments",
            {"point": "structure.star", "due": "2030-05-01", "note": "Before Friday"},
        )
        page = ann.get("/account").text
        assert "Say what &lt;b&gt;you&lt;/b&gt; did yourself." in page
        assert "Before Friday" in page and "01-05-2030" in page
        assert page.count("coach@example.nl ·") >= 2  # the access log: overview and answer
        ann.post_form(f"/account/shares/{coach_id(any_store)}/withdraw")
        assert coach.get(f"/coach/candidates/{candidate}").status_code == 404
        late = coach.post_form(f"/coach/candidates/{candidate}/answers/{answer}/comments", {"text": "late"})
        assert late.status_code == 404
        assert len(accounts.comments(any_store, candidate)) == 1
    finally:
        ann.close()
        coach.close()


def coach_id(store: Store) -> int:
    found = [a.user_id for a in accounts.accounts(store, "coach")]
    return found[0]


def test_only_an_admin_manages_roles(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    someone = make_account(any_store, "someone@example.nl")
    make_account(any_store, "coach@example.nl", "coach")
    make_account(any_store, "admin@example.nl", "admin")
    coach, admin = signed_in(app, "coach@example.nl"), signed_in(app, "admin@example.nl")
    try:
        assert coach.get("/admin").status_code == 403
        assert coach.post_form(f"/admin/users/{someone}/role", {"role": "admin"}).status_code == 403
        assert (
            coach.post_form("/coach/invitations", {"email": "x@example.nl", "role": "admin"}).status_code
            == 403
        )
        admin.post_form(f"/admin/users/{someone}/role", {"role": "coach"})
        assert accounts.get_account(any_store, someone).role == "coach"  # type: ignore[union-attr]
        made = admin.post_form("/coach/invitations", {"email": "newcoach@example.nl", "role": "coach"})
        assert "/invite/" in made.text
        assert "newcoach@example.nl" in admin.get("/admin").text
    finally:
        coach.close()
        admin.close()


def test_deleting_an_account_leaves_nothing_of_it_in_any_table(app, any_store: Store) -> None:  # type: ignore[no-untyped-def]
    from coach.store.models import User

    gone = make_account(any_store, "gone@example.nl")
    stays = make_account(any_store, "stays@example.nl")
    make_account(any_store, "coach@example.nl", "coach")
    from tests.web.isolation_data import fill_everything

    fill_everything(any_store, gone, coach=make_account(any_store, "other@example.nl", "coach"))
    fill_everything(any_store, stays)
    client = signed_in(app, "gone@example.nl")
    client.post_form("/account/shares", {"coach_email": "coach@example.nl"})
    accounts.add_comment(
        any_store, coach_id(any_store), gone, answer_for(any_store, gone, "A second answer."), "ok"
    )
    accounts.log_access(any_store, coach_id(any_store), gone, "overview")
    try:
        export = client.get("/account/export").json()
        assert export["account"]["email"] == "gone@example.nl" and export["account"]["comments"]
        refused = client.post_form("/account/delete", {"confirm": "yes", "password": "wrong password"})
        assert refused.status_code == 400
        client.post_form("/account/delete", {"confirm": "yes", "password": PASSWORD})
    finally:
        client.close()
    with any_store.session() as s:
        for table, columns in accounts.user_tables():
            for column in columns:
                left = s.scalar(select(func.count()).select_from(table).where(column == gone))
                assert left == 0, f"{table.name}.{column.name} still has rows of the deleted account"
        assert s.get(User, gone) is None
        kept = s.scalar(
            select(func.count()).select_from(accounts.Answer).where(accounts.Answer.user_id == stays)
        )
        assert kept and kept > 0
    assert accounts.sign_in(any_store, "stays@example.nl", PASSWORD, "3") == stays
