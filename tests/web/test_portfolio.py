"""The portfolio page: a local path in, the report out; clear messages for paths that aren't repositories."""

from __future__ import annotations

from pathlib import Path

from tests.toolkit.repos import leaky_repo
from tests.web.conftest import Client


def test_report_for_a_repository_with_a_committed_key(client: Client, tmp_path: Path) -> None:
    repo = leaky_repo(tmp_path / "leaky")
    page = client.post_form("/it/portfolio", {"path": str(repo)})
    assert page.status_code == 200
    assert 'data-check="secrets" data-status="problem"' in page.text
    assert "deploy/id_rsa:1 (Private Key)" in page.text
    api = client.api("POST", "/api/it/portfolio", json={"path": str(repo)})
    assert api.status_code == 200 and api.json()["commits"] == 4


def test_paths_that_are_no_repository(client: Client, tmp_path: Path) -> None:
    client.cookies.set("coach_lang", "nl")
    page = client.post_form("/it/portfolio", {"path": str(tmp_path)})
    assert page.status_code == 400 and "is geen git-repository" in page.text
    assert client.post_form("/it/portfolio", {"path": "  "}).status_code == 400
    missing = client.api("POST", "/api/it/portfolio", json={"path": str(tmp_path / "nope")})
    assert missing.status_code == 400 and "bestaat niet" in missing.text and "De map " in missing.text
