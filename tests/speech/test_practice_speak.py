"""`coach practice --speak` end to end, with the microphone replaced by a WAV file (the transcriber is real)."""

from __future__ import annotations

import sys
import types
import wave
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app

runner = CliRunner()


def fake_microphone(recording: Path) -> types.SimpleNamespace:
    """A stand-in for the sounddevice module whose input stream plays `recording` (16 kHz mono 16-bit)."""
    with wave.open(str(recording), "rb") as source:
        frames = source.readframes(source.getnframes())

    class RawInputStream:
        def __init__(self, samplerate: int, channels: int, dtype: str, callback) -> None:  # type: ignore[no-untyped-def]
            assert (samplerate, channels, dtype) == (16_000, 1, "int16")
            self.callback = callback

        def __enter__(self) -> RawInputStream:
            for start in range(0, len(frames), 3200):
                chunk = frames[start : start + 3200]
                self.callback(chunk, len(chunk) // 2, None, None)
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    return types.SimpleNamespace(
        query_devices=lambda kind=None: {"name": "test microphone", "max_input_channels": 1},
        RawInputStream=RawInputStream,
    )


def test_a_spoken_interview_is_recorded_transcribed_checked_and_saved(
    whisper: Path, clips: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", fake_microphone(clips["en"]))
    result = runner.invoke(
        app,
        [
            "practice",
            "--speak",
            "--sector",
            "sales",
            "--role",
            "ae",
            "--lang",
            "en",
            "--questions",
            "3",
            "--seed",
            "1",
        ],
        input="\n" * 10,
        env={"COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    assert "Recording... press Enter to stop" in result.output
    assert "pipeline" in result.output  # the transcript is shown
    assert result.output.count("Delivery") >= 3
    assert "Summary" in result.output

    from coach.store.repository import Store

    store = Store()
    answers = store.interviews(store.user_id())[0].answers
    assert answers and all("pipeline" in a.text for a in answers)
    assert all({"delivery", "transcript"} <= set(a.feedback) for a in answers)
