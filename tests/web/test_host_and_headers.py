"""The server answers only to its own host names, sends security headers everywhere, and answers HEAD."""

from __future__ import annotations

import pytest

from coach.store.repository import Store
from coach.web.app import create_app
from coach.web.security import allowed_hosts, host_name
from coach.web.settings import Settings
from tests.web.conftest import Client


@pytest.mark.parametrize("host", ["evil.example", "attacker.test:8000", "127.0.0.1.evil.example"])
def test_a_foreign_host_name_gets_nothing(client: Client, host: str) -> None:
    response = client.get("/api/export", headers={"host": host})
    assert response.status_code == 400
    assert "127.0.0.1" in response.text and "interview" not in response.text.lower()
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_loopback_names_are_served(client: Client, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


def test_the_host_named_with_host_or_the_setting_is_served(store: Store) -> None:
    settings = Settings(host="coach.lan", allowed_hosts=("coach.example.nl",))
    with Client(create_app(settings, store=store)) as c:
        assert c.get("/", headers={"host": "coach.lan:8000"}).status_code == 200
        assert c.get("/", headers={"host": "coach.example.nl"}).status_code == 200
        assert c.get("/", headers={"host": "other.example.nl"}).status_code == 400
    assert "0.0.0.0" not in allowed_hosts(Settings(host="0.0.0.0"))
    assert host_name("[::1]:80") == "::1" and host_name("Localhost:8000") == "localhost"


@pytest.mark.parametrize("url", ["/", "/history", "/static/app.css", "/api/export", "/no-such-page"])
def test_every_response_has_security_headers(client: Client, url: str) -> None:
    response = client.get(url)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("url", ["/", "/questions", "/progress", "/api/export", "/static/app.js"])
def test_head_is_answered_where_get_is(client: Client, url: str) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_an_unexpected_error_page_has_the_headers_too(store: Store) -> None:
    app = create_app(store=store)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with Client(app, raise_server_exceptions=False) as c:
        response = c.get("/boom")
    assert response.status_code == 500 and "Traceback" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
