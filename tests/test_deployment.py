"""The deployment's commands, started as the container image and compose file start them (deploy/), against
PostgreSQL: migrations, the web role with several workers in the shared mode, and its health endpoint.
Docker itself can't run here; what it would run can."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from tests.services import free_port

ROOT = Path(__file__).resolve().parents[1]


def compose_commands() -> dict[str, list[str]]:
    services = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())["services"]
    return {name: s["command"] for name, s in services.items() if "command" in s}


def test_the_image_runs_the_web_command_of_the_compose_file() -> None:
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M)
    assert cmd and yaml.safe_load(cmd.group(1)) == compose_commands()["web"]
    assert compose_commands()["worker"] == ["coach", "worker"]
    assert compose_commands()["migrate"] == ["coach", "migrate"]


@pytest.fixture
def database(postgres_url: str):  # type: ignore[no-untyped-def]
    name = "d_" + uuid.uuid4().hex[:12]
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def test_the_compose_commands_run_against_postgresql(database: str, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "COACH_DATABASE_URL": database,
        "COACH_SPEECH_QUEUE": "postgres",
        "COACH_DATA_DIR": str(tmp_path),
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    commands = compose_commands()
    coach = [sys.executable, "-m", "coach"]
    migrate = subprocess.run(
        coach + commands["migrate"][1:], env=env, capture_output=True, text=True, timeout=300
    )
    assert migrate.returncode == 0, migrate.stderr
    web_args = [a if a != "8000" else str(port) for a in commands["web"][1:]]
    web_args[web_args.index("--workers") + 1] = "2"  # two processes are enough to show they share nothing
    web = subprocess.Popen(coach + web_args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline, health = time.monotonic() + 60, None
        while time.monotonic() < deadline and health is None:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/health", headers={"Host": "127.0.0.1"}
                )
                with urllib.request.urlopen(request, timeout=2) as answer:
                    health = answer.read()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        assert health == b'{"status":"ok"}'
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/stories")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401  # the shared mode: nothing without signing in
    finally:
        web.terminate()
        web.wait(timeout=30)
