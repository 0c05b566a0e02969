"""check_audio() and `coach check --audio`: the same engine as typed answers, plus delivery and transcript."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.errors import CoachError
from coach.speech import check_audio

runner = CliRunner()
DELIVERY_KEYS = {
    "duration_s",
    "wpm",
    "syllables_per_s",
    "fillers_per_min",
    "fillers_per_100_words",
    "pauses",
    "bursts",
    "band",
}


def test_importing_speech_loads_no_model() -> None:
    import subprocess

    code = "import sys, coach.speech; assert 'faster_whisper' not in sys.modules and 'ctranslate2' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_check_audio_runs_the_text_engine_on_the_transcript(whisper: Path, clips: dict[str, Path]) -> None:
    spoken = check_audio(clips["en"], question="sales.targets_last_year", lang="en")
    assert spoken.feedback.language == "en"
    assert spoken.feedback.question.id == "sales.targets_last_year"
    assert any(n.kind == "percent" for n in spoken.feedback.numbers)  # "15%" as Whisper writes it
    assert spoken.feedback.words == pytest.approx(len(spoken.transcript.words), abs=3)
    assert spoken.delivery.band == "fine"
    assert {f.criterion for f in spoken.findings} == {
        "speech.rate",
        "speech.fillers",
        "speech.pauses",
        "speech.length",
    }


def test_dutch_audio_gets_feedback_and_delivery_in_dutch(whisper: Path, clips: dict[str, Path]) -> None:
    spoken = check_audio(clips["nl"], lang="nl")
    assert spoken.transcript.language == spoken.feedback.language == "nl"
    assert spoken.delivery.duration_s == pytest.approx(spoken.transcript.duration_s, abs=0.01)
    assert spoken.delivery.words >= 15 and spoken.delivery.band is not None
    assert any("seconden" in f.message for f in spoken.findings)


def test_noise_without_speech_is_e014_after_voice_activity_detection(whisper: Path, tmp_path: Path) -> None:
    from tests.speech_support import noise

    with pytest.raises(CoachError) as caught:
        check_audio(noise(tmp_path / "hiss.wav", 4), lang="nl")
    assert caught.value.error.code == "E014"


def test_json_output_has_delivery_and_transcript(whisper: Path, clips: dict[str, Path]) -> None:
    result = runner.invoke(app, ["check", "--audio", str(clips["pause"]), "--lang", "en", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == 1 and data["language"] == "en"
    assert set(data["delivery"]) >= DELIVERY_KEYS
    assert len(data["delivery"]["pauses"]) == 1
    transcript = data["transcript"]
    assert "manager" in transcript["text"]
    first = transcript["words"][0]
    assert set(first) >= {"word", "start", "end"}
    assert transcript["text"][first["span"][0] : first["span"][1]] == first["word"]
    for finding in data["findings"]:
        for start, end in finding["spans"]:
            assert 0 <= start < end <= len(transcript["text"])


def test_human_output_shows_the_transcript_and_a_delivery_section(
    whisper: Path, clips: dict[str, Path]
) -> None:
    result = runner.invoke(
        app, ["check", "--audio", str(clips["pause"]), "--lang", "nl"], env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    assert "manager" in result.output
    assert "Presentatie" in result.output
    assert "Lange stiltes: 1" in result.output
    assert "Tempo:" in result.output


def test_bad_audio_in_the_cli_is_exit_2_with_the_error_object(tmp_path: Path) -> None:
    empty = tmp_path / "answer.webm"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", "--audio", str(empty), "--lang", "nl", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout.splitlines()[0]) == {
        "schema": 1,
        "id": None,
        "error": {
            "code": "E010",
            "message": "Het audiobestand is leeg (0 bytes): answer.webm. Neem je antwoord opnieuw op.",
        },
    }


def test_practice_speak_without_recording_support_is_a_clear_exit_2() -> None:
    from coach.speech.record import recording_problem

    result = runner.invoke(app, ["practice", "--speak", "--lang", "nl"])
    if recording_problem("nl") is None:
        pytest.skip("this machine can record; the interview would start")
    assert result.exit_code == 2
    assert "coach check --audio BESTAND" in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_no_input_device_is_e018(monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.speech.record import recording_problem

    class NoDevice(Exception):
        pass

    def query_devices(kind: str | None = None) -> dict[str, object]:
        raise NoDevice("Error querying device -1")

    monkeypatch.setitem(sys.modules, "sounddevice", types.SimpleNamespace(query_devices=query_devices))
    problem = recording_problem("nl")
    assert problem is not None and problem.code == "E018"
    assert "geen microfoon" in problem.message
