"""`coach check`: the stable CLI contract of docs/wire-schema.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from coach.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_EN = ROOT / "examples" / "answer-en.txt"
EXAMPLE_NL = ROOT / "examples" / "answer-nl.txt"
runner = CliRunner()

RESULT_KEYS = {
    "schema",
    "id",
    "language",
    "question",
    "score",
    "findings",
    "star",
    "numbers",
    "fillers",
    "stats",
    "follow_up",
    "band",
    "next_step",
    "rubric",
    "score_breakdown",
}


def test_json_output_follows_the_wire_schema() -> None:
    result = runner.invoke(app, ["check", "--json", "--question", "sales.targets_last_year", str(EXAMPLE_EN)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= RESULT_KEYS
    assert data["schema"] == 1
    assert data["question"] == {
        "id": "sales.targets_last_year",
        "text": "What were your targets last year, and how did you perform against them?",
        "match": 1.0,
        "sector": "sales",
        "kind": "sales_results",
        "kind_label": "Your sales results",
    }
    assert data["band"]["id"] in {"not_yet", "on_the_way", "strong", "excellent"} and data["band"]["label"]
    assert "sales.results_breakdown" in data["rubric"]
    parts = data["score_breakdown"]
    assert min(parts["cap"], parts["ceiling"], sum(v for k, v in parts.items() if k not in ("cap", "ceiling"))) \
        == data["score"] or data["score"] == 0
    assert set(data["star"]) == {"situation", "task", "action", "result", "reflection"}
    text = EXAMPLE_EN.read_text(encoding="utf-8")
    for number in data["numbers"]:
        assert text[number["span"][0] : number["span"][1]] == number["text"]
        assert {"text", "span", "value", "kind", "unit"} <= set(number)
    for finding in data["findings"]:
        assert finding["status"] in {"met", "missed", "warning"}
        assert {"criterion", "message", "tip", "spans"} <= set(finding)
    assert data["stats"]["words"] > 50


def test_human_output_shows_score_findings_and_tips_in_dutch() -> None:
    result = runner.invoke(app, ["check", "--question", "sales.targets_last_year", str(EXAMPLE_NL)])
    assert result.exit_code == 0, result.output
    assert "Score: " in result.stdout
    assert "Vraag: Wat waren je targets vorig jaar" in result.stdout
    assert "Tip: " in result.stdout
    assert "kloppen niet" in result.stdout  # the 112% that doesn't fit €380K of €400K


def test_stdin_is_read_when_no_file_is_given() -> None:
    result = runner.invoke(
        app, ["check", "--json", "-"], input="Vorig jaar heb ik 12 nieuwe klanten binnengehaald."
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "nl"


def test_batch_keeps_order_and_ids_and_survives_a_bad_line() -> None:
    lines = [
        json.dumps({"id": "a", "question": "sales.targets_last_year", "answer": EXAMPLE_EN.read_text()}),
        "{not json",
        json.dumps({"id": 7, "answer": 12}),
        "",
        json.dumps({"id": "b", "question": "", "lang": "", "answer": "Ik heb de klant gebeld."}),
    ]
    result = runner.invoke(app, ["check", "--batch"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, 7, "b"]
    assert out[0]["score"] > 60 and "error" not in out[0]
    assert out[1]["error"]["code"] == "E005" and "Line 2" in out[1]["error"]["message"]
    assert out[2]["error"]["code"] == "E005"
    assert out[3]["language"] == "nl"


def test_binary_file_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "answer.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    result = runner.invoke(app, ["check", "--lang", "en", str(path)])
    assert result.exit_code == 2
    assert "not text" in result.stderr
    assert "Traceback" not in result.output


def test_non_utf8_file_gets_a_clear_error_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "antwoord.txt"
    path.write_bytes("Ik heb de klant gebeld over het café.".encode("latin-1"))
    result = runner.invoke(app, ["check", "--lang", "nl", str(path)])
    assert result.exit_code == 2
    assert "geen geldige UTF-8" in result.stderr


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100_001, encoding="utf-8")
    result = runner.invoke(app, ["check", "--lang", "en", str(path)])
    assert result.exit_code == 2
    assert "too long" in result.stderr


def test_missing_file_and_bad_language_are_clear_errors() -> None:
    result = runner.invoke(app, ["check", "--lang", "en", "/nonexistent/answer.txt"])
    assert result.exit_code == 2 and "not found" in result.stderr
    result = runner.invoke(app, ["check", "--lang", "de", str(EXAMPLE_EN)])
    assert result.exit_code == 2 and "nl or en" in result.stderr


def test_empty_answer_scores_zero_with_a_finding() -> None:
    result = runner.invoke(app, ["check", "--json", "--lang", "en", "-"], input="   \n")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["score"] == 0
    assert data["findings"][0]["criterion"] == "relevance.on_topic" or any(
        f["criterion"] == "relevance.on_topic" and f["status"] == "missed" for f in data["findings"]
    )


def test_installed_command_runs() -> None:
    exe = Path(sys.executable).with_name("coach")
    proc = subprocess.run(
        [str(exe), "check", "--json", str(EXAMPLE_EN)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["language"] == "en"
