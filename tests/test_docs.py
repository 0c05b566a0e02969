"""Docs that are generated from the code must match it; every command and setting is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.docgen import DOCS, GENERATED


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_doc_is_up_to_date(name: str) -> None:
    expected = GENERATED[name]()
    actual = (DOCS / name).read_text(encoding="utf-8")
    assert actual == expected, f"docs/{name} is stale: run `.venv/bin/python -m coach.docgen`"


def test_readme_names_every_top_level_command() -> None:
    from typer.main import get_command

    from coach.cli import app

    readme = (Path(DOCS).parent / "README.md").read_text(encoding="utf-8")
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert f"coach {name}" in readme, f"README does not mention `coach {name}`"


def test_every_error_code_is_in_the_wire_schema() -> None:
    from coach.errors import MESSAGES

    schema = (DOCS / "wire-schema.md").read_text(encoding="utf-8")
    for code in MESSAGES:
        assert f"| {code} |" in schema
