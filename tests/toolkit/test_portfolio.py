"""The portfolio check on small git repositories made by the tests; it never runs the repository's code."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coach.toolkit.portfolio import PortfolioError, check_repository, report_json
from tests.toolkit.repos import bare_repo, good_repo, leaky_repo


def _statuses(path: Path, lang: str = "en") -> dict[str, str]:
    return {c.id: c.status for c in check_repository(path, lang).checks}


def test_good_repository_passes(tmp_path: Path) -> None:
    report = check_repository(good_repo(tmp_path / "good"))
    assert report.commits == 5
    assert [c.id for c in report.checks if c.status != "ok"] == []


def test_bare_repository_gets_concrete_fixes(tmp_path: Path) -> None:
    report = check_repository(bare_repo(tmp_path / "bare"), "nl")
    statuses = {c.id: c.status for c in report.checks}
    assert statuses["readme"] == "problem" and statuses["tests"] == "problem"
    for check in ("licence", "ci", "history_size", "commit_messages", "gitignore", "docstrings"):
        assert statuses[check] == "warning", check
    for check in ("env_file", "secrets", "history_secrets", "large_files"):
        assert statuses[check] == "ok", check
    fixes = {c.id: c.fix for c in report.checks}
    assert ".github/workflows/" in fixes["ci"]
    messages = {c.id: c.message for c in report.checks}
    assert "'update'" in messages["commit_messages"] and "Maar 1 commit(s)" in messages["history_size"]


def test_committed_key_env_file_and_binary_are_warning_signs(tmp_path: Path) -> None:
    report = check_repository(leaky_repo(tmp_path / "leaky"))
    checks = {c.id: c for c in report.checks}
    assert checks["secrets"].status == "problem"
    assert "deploy/id_rsa:1 (Private Key)" in checks["secrets"].message
    assert "Zomer2026" not in checks["secrets"].message  # the secret itself is never shown
    assert checks["env_file"].status == "problem" and ".env" in checks["env_file"].message
    assert (
        checks["history_secrets"].status == "problem"
        and "config/old.pem" in checks["history_secrets"].message
    )
    assert (
        checks["large_files"].status == "warning"
        and "assets/video.bin (2.0 MB)" in checks["large_files"].message
    )
    body = report_json(report)
    assert body["problems"] == len(report.problems) and body["checks"][0]["id"] == "readme"


def test_an_empty_repository_and_a_bare_git_directory(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "empty").mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path / "empty")], check=True)
    assert _statuses(tmp_path / "empty")["history_size"] == "warning"
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(good_repo(tmp_path / "src")), str(tmp_path / "b.git")],
        check=True,
    )
    assert _statuses(tmp_path / "b.git")["tests"] == "ok"


def test_not_a_repository(tmp_path: Path) -> None:
    with pytest.raises(PortfolioError) as missing:
        check_repository(tmp_path / "nowhere")
    assert missing.value.code == "not_found"
    with pytest.raises(PortfolioError) as plain:
        check_repository(tmp_path)
    assert plain.value.code == "not_git"


def test_nothing_from_the_repository_runs(tmp_path: Path) -> None:
    """Hooks, an fsmonitor command and a filter in the repository's own config are never executed."""
    repo = good_repo(tmp_path / "trap")
    marker = tmp_path / "ran"
    script = repo / ".git" / "hooks" / "post-checkout"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    for hook in ("pre-commit", "post-merge", "fsmonitor-watchman"):
        os.symlink(script, repo / ".git" / "hooks" / hook)
    with (repo / ".git" / "config").open("a") as config:
        config.write(
            f"[core]\n\tfsmonitor = touch {marker}\n\tpager = touch {marker}\n"
            f'[filter "x"]\n\tsmudge = touch {marker}\n[log]\n\tshowSignature = true\n'
            f"[gpg]\n\tprogram = touch {marker}\n"
        )
    check_repository(repo)
    assert not marker.exists()
