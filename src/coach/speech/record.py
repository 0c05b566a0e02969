"""Record an answer from the default microphone into a WAV file (sounddevice + PortAudio, both optional).

Without the `sounddevice` package, without the PortAudio library or without an input device, recording is
not possible: recording_problem() says why with a coded message (E019, E018) instead of a traceback.
"""

from __future__ import annotations

import threading
import wave
from collections.abc import Callable
from pathlib import Path

from coach.analysis.types import InputError
from coach.errors import input_error
from coach.speech.audio import MAX_SECONDS

RATE = 16_000


def recording_problem(lang: str = "en") -> InputError | None:
    """Why recording can't work here (E019: no sounddevice or PortAudio; E018: no microphone), or None."""
    try:
        import sounddevice
    except ImportError:
        return input_error("E019", lang, detail="the Python package sounddevice is not installed")
    except OSError as exc:  # sounddevice is there, the PortAudio library is not
        return input_error("E019", lang, detail=str(exc))
    try:
        device = sounddevice.query_devices(kind="input")
    except Exception:  # PortAudio raises its own error type when there is no default input device
        return input_error("E018", lang)
    if not device or int(device.get("max_input_channels", 0)) < 1:
        return input_error("E018", lang)
    return None


def record(
    path: Path,
    stop: threading.Event,
    max_seconds: int = MAX_SECONDS,
    on_audio: Callable[[bytes], None] | None = None,
) -> float:
    """Record 16 kHz mono from the default microphone into `path` until `stop` is set; returns the seconds.
    `on_audio` gets each block of 16-bit samples as it is recorded (to transcribe while speaking)."""
    import sounddevice

    frames = 0
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)

        def write(data, count, _time, _status) -> None:  # type: ignore[no-untyped-def]
            nonlocal frames
            out.writeframes(bytes(data))
            if on_audio is not None:
                on_audio(bytes(data))
            frames += count
            if frames >= max_seconds * RATE:
                stop.set()

        with sounddevice.RawInputStream(samplerate=RATE, channels=1, dtype="int16", callback=write):
            stop.wait()
    return frames / RATE
