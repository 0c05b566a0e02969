"""Web test fixtures: an app over a fresh store, and a client that knows its CSRF token."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from coach.store.repository import Store
from coach.web.app import create_app


class Client(TestClient):
    """A TestClient whose `post_form` adds the CSRF token, as the pages' forms do."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        kwargs.setdefault("base_url", "http://127.0.0.1")  # the app answers only to its own host names
        super().__init__(app, **kwargs)

    @property
    def csrf(self) -> str:
        if not self.cookies.get("coach_csrf"):
            self.get("/")
        return str(self.cookies.get("coach_csrf"))

    def post_form(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.post(url, data={"csrf_token": self.csrf, **(data or {})}, **kwargs)

    def api(self, method: str, url: str, **kwargs: Any) -> Any:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.request(method, url, headers=headers, **kwargs)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'web.db'}")


@pytest.fixture
def client(store: Store) -> Client:
    with Client(create_app(store=store)) as c:
        yield c


def form_value(html: str, name: str) -> str:
    """The value of the first hidden input called `name` in a page."""
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no input {name} in the page"
    return found.group(1)
