"""`coach stack-gap` and `coach portfolio` on the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from coach.cli import app

runner = CliRunner()


def test_stack_gap_json() -> None:
    result = runner.invoke(
        app, ["stack-gap", "--have", "Java, Spring, Azure", "--want", "Python, Django, AWS", "--json"]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["have"] == ["Java", "Spring", "Azure"]
    assert [(i["want"], i["status"], i["from"]) for i in body["items"]] == [
        ("Python", "carries", "Java"),
        ("Django", "carries", "Spring"),
        ("AWS", "carries", "Azure"),
    ]
    assert {"concept": "serverless functions", "from": "Azure Functions", "to": "Lambda"} in body["items"][2][
        "services"
    ]


def test_stack_gap_reads_a_job_ad_and_speaks_dutch(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ad = tmp_path / "vacature.txt"
    ad.write_text("Je bouwt services in Go op Google Cloud, met Terraform.", encoding="utf-8")
    result = runner.invoke(app, ["stack-gap", "--have", "Java, AWS", "--ad", str(ad), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "Go · Neem je mee" in result.output
    assert "Leerplan" in result.output


def test_stack_gap_without_a_known_employer_stack_says_what_to_do() -> None:
    result = runner.invoke(app, ["stack-gap", "--have", "Java", "--want", "COBOL"])
    assert result.exit_code == 2
    assert "No technology of the employer was recognised" in result.output


def test_portfolio_json_and_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.toolkit.repos import bare_repo, leaky_repo

    result = runner.invoke(app, ["portfolio", str(leaky_repo(tmp_path / "leaky")), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    statuses = {c["id"]: c["status"] for c in body["checks"]}
    assert statuses["secrets"] == "problem" and statuses["env_file"] == "problem"
    text = runner.invoke(app, ["portfolio", str(bare_repo(tmp_path / "bare")), "--lang", "nl"])
    assert "Er is geen README" in text.output and "Oplossing:" in text.output


def test_portfolio_of_a_folder_that_is_no_repository(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["portfolio", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not a git repository" in " ".join(result.output.split())
