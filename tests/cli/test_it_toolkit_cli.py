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
