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
    "unclaimed",
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
    assert "sales.targets_last_year" not in result.stdout  # no internal id, but the kind of question
    assert "verkoopresultaten)" in result.stdout  # Rich wraps the line at 80 columns
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
    out = batch(lines)
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


def strict_json(line: str) -> dict:  # type: ignore[type-arg]
    """Parse one output line as RFC 8259 JSON: NaN and Infinity are refused."""

    def refuse(name: str) -> None:
        raise AssertionError(f"non-standard JSON constant {name} in {line[:80]}")

    line.encode("utf-8")  # no lone surrogates
    return json.loads(line, parse_constant=refuse)  # type: ignore[no-any-return]


def batch(lines: list[str], *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["check", "--batch", *args], input="\n".join(lines) + "\n",
                           env={"COACH_LANG": "en"})  # the language of line errors without --lang
    assert result.exit_code == 0, result.output
    return [strict_json(line) for line in result.stdout.splitlines()]


def test_batch_goes_on_after_lone_surrogates_and_deep_nesting() -> None:
    out = batch([
        '{"id": "\\ud800", "answer": "I closed 12 deals."}',
        '{"id": 2, "answer": "I closed \\udfff 12 deals."}',
        '{"id": 3, "question": "\\ud83d", "answer": "I closed 12 deals.", "lang": "nl"}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": {"a": ' * 50_000 + "1" + "}" * 50_000 + ', "answer": "x"}',
        '{"id": 6, "answer": "I closed 12 deals."}',
    ])
    assert [(o["id"], o.get("error", {}).get("code")) for o in out] == [
        (None, "E005"), (2, "E009"), (3, "E009"), (None, "E005"), (None, "E005"), (6, None)]
    assert "position 9" in out[1]["error"]["message"] and "Je vraag" in out[2]["error"]["message"]
    assert "nested too deeply" in out[3]["error"]["message"]
    assert out[5]["numbers"][0]["value"] == 12


def test_batch_refuses_nan_and_infinity_ids_and_writes_strict_json() -> None:
    out = batch([f'{{"id": {value}, "answer": "I closed 12 deals."}}'
                 for value in ("NaN", "Infinity", "-Infinity", "1e400", "9" * 5000, "1.5")])
    assert [o.get("error", {}).get("code") for o in out] == ["E005"] * 5 + [None]
    assert all(o["id"] is None for o in out[:5]) and out[5]["id"] == 1.5
    assert "4300 digits" in out[4]["error"]["message"]
    assert "Line 4" in out[3]["error"]["message"] and "NaN, Infinity" in out[0]["error"]["message"]


def test_json_prints_the_error_object_of_the_wire_schema(tmp_path: Path) -> None:
    binary = tmp_path / "answer.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    cases = [
        (["--lang", "en", str(binary)], "E002"),
        (["--lang", "de", str(EXAMPLE_EN)], "E006"),
        (["--lang", "en", "/nonexistent/answer.txt"], "E007"),
        (["--lang", "en", "-q", "tell me about \udcff", str(EXAMPLE_EN)], "E009"),
    ]
    for args, code in cases:
        result = runner.invoke(app, ["check", "--json", *args])
        assert result.exit_code == 2, args
        data = strict_json(result.stdout)
        assert set(data) == {"schema", "id", "error"} and data["error"]["code"] == code, args
        assert " ".join(data["error"]["message"].split()) in " ".join(result.stderr.split())
    unknown = runner.invoke(app, ["check", "--json", "--lang", "en", "-q", "it.no_such_question", str(EXAMPLE_EN)])
    assert unknown.exit_code == 2
    assert set(strict_json(unknown.stdout)) == RESULT_KEYS | {"error"}


def test_batch_lang_is_the_default_for_lines_without_their_own() -> None:
    dutch = "Vorig jaar heb ik 12 nieuwe klanten binnengehaald."
    out = batch([json.dumps({"id": 1, "answer": dutch}), json.dumps({"id": 2, "answer": dutch, "lang": "nl"}),
                 json.dumps({"id": 3, "answer": dutch, "lang": ""})], "--lang", "en")
    assert [o["language"] for o in out] == ["en", "nl", "en"]
    assert [o["language"] for o in batch([json.dumps({"answer": dutch})])] == ["nl"]  # detected
    assert "Regel 1" in batch(["{not json"], "--lang", "nl")[0]["error"]["message"]


CONTROLLED = "Last year I closed\x0012 new deals\x0b worth €40,000.\x1b Then I\x7f trained two colleagues.\f"


def test_control_characters_become_spaces_in_the_cli_and_the_batch(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text(CONTROLLED, encoding="utf-8")
    spaced = runner.invoke(app, ["check", "--json", "--lang", "en", "-q", "Why\x00 purple?", "-"],
                           input="".join(" " if c in "\x00\x0b\x1b\x7f\f" else c for c in CONTROLLED))
    single = runner.invoke(app, ["check", "--json", "--lang", "en", "-q", "Why\x00 purple?", str(path)])
    lined = batch([json.dumps({"answer": CONTROLLED, "question": "Why\x00 purple?", "lang": "en"})])[0]
    assert single.exit_code == 0, single.output
    expected = strict_json(spaced.stdout)
    assert strict_json(single.stdout) == expected == lined
    assert expected["question"]["text"] == "Why  purple?"
    assert [CONTROLLED[n["span"][0]:n["span"][1]] for n in expected["numbers"]] == [
        "12 new deals", "€40,000", "two colleagues"]  # offsets into the answer as given


def test_question_over_the_limit_is_a_coded_error_in_the_users_language() -> None:
    long = "Vertel over een keer dat je een target niet haalde. " * 20  # 1040 characters
    result = runner.invoke(app, ["check", "--lang", "nl", "-q", long, str(EXAMPLE_NL)])
    assert result.exit_code == 2 and "Je vraag is te lang: 1040 tekens" in result.stderr
    out = batch([json.dumps({"id": 1, "question": long, "answer": "I closed 12 deals."}),
                 json.dumps({"id": 2, "question": long[:1000], "answer": "I closed 12 deals."})], "--lang", "en")
    assert out[0]["error"]["code"] == "E008" and "Your question is too long" in out[0]["error"]["message"]
    assert out[0]["question"]["text"] is None and "error" not in out[1]


def test_text_output_gives_the_band_and_one_next_step(tmp_path: Path) -> None:
    weak = tmp_path / "weak.txt"
    weak.write_text("Mijn opzegtermijn? Dat weet ik eigenlijk niet precies, dat moet ik nog even opzoeken in mijn "
                    "contract.", encoding="utf-8")
    result = runner.invoke(app, ["check", "--question", "Wat is je opzegtermijn?", "--lang", "nl", str(weak)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Nog niet" in text and "overtuigt een interviewer nog niet" in text
    # no finding the engine is sure of: the next step is what a strong answer to this kind of question gives
    assert "Volgende stap: Wat een sterk antwoord op dit soort vraag geeft: Een helder, rustig antwoord" in text
    figures = tmp_path / "figures.txt"
    figures.write_text("I closed 14 deals, 448,000 euros together: 120% of my 400,000 euro target, second of nine in "
                       "the team. I learned to ask earlier who decides on the budget.", encoding="utf-8")
    result = runner.invoke(app, ["check", "--question", "How did you do against your target?", "--lang", "en",
                                 str(figures)])
    text = " ".join(result.output.split())
    assert "Your figures don't add up" in text and "Next step:" not in text  # the finding is the step
