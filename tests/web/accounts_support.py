"""Helpers for tests of a shared deployment: accounts made through an invitation, signed-in clients."""

from __future__ import annotations

from typing import Any

from coach.store import accounts
from coach.store.repository import Store
from coach.web.app import create_app
from coach.web.settings import Settings
from tests.web.conftest import Client

PASSWORD = "correct horse battery"


def shared_app(store: Store) -> Any:
    """The web app in the shared mode over `store`."""
    return create_app(Settings(shared=True), store=store)


def make_account(store: Store, email: str, role: str = "candidate", password: str = PASSWORD) -> int:
    """An account made the way people make one: an invitation, accepted; returns its user id."""
    issuer = store.user_id("setup")
    return accounts.accept_invitation(store, accounts.invite(store, issuer, email, role), password)


def signed_in(app: Any, email: str, password: str = PASSWORD) -> Client:
    """A client (entered, so call close()) signed in as `email`."""
    client = Client(app)
    client.__enter__()
    response = client.post_form("/signin", {"email": email, "password": password}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client
