"""Transcription while speaking (coach.speech.stream): windows cut in pauses as the audio arrives, the context
carried from window to window, a short tail transcribed again, and a growing browser file decoded as it
grows. Real Whisper base model; audio made with espeak-ng."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.speech.stream import GrowingDecoder, StreamTranscriber, decode_partial
from coach.speech.transcribe import SAMPLE_RATE, transcribe
from tests.speech.conftest import transcode
from tests.speech_support import joined, silence, speak

SENTENCES = [
    "Last year I led the migration of our payment service at a bank in Utrecht.",
    "My task was to move two million customers without downtime.",
    "I planned the work with three colleagues and we tested every step.",
    "As a result we finished two weeks early and complaints dropped by forty percent.",
]


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 20 seconds of English with a short pause after each sentence and a short last sentence."""
    folder = tmp_path_factory.mktemp("stream")
    parts = []
    for number, sentence in enumerate(SENTENCES):
        parts += [speak(sentence, folder / f"s{number}.wav"), silence(folder / f"p{number}.wav", 0.7)]
    parts.append(speak("Thank you.", folder / "end.wav"))
    return joined(folder / "answer.wav", *parts)


def samples_of(path: Path) -> np.ndarray:
    from faster_whisper.audio import decode_audio

    return decode_audio(str(path))


def words_of(text: str) -> list[str]:
    import re

    return re.findall(r"[a-z0-9']+", text.lower())


def test_words_come_before_the_end_and_the_streamed_text_matches_the_whole_file(
    whisper: Path, answer: Path
) -> None:
    from rapidfuzz.distance import Levenshtein

    audio = samples_of(answer)
    arrived: list[str] = []
    streamer = StreamTranscriber("en", mode="plain", on_words=lambda ws: arrived.extend(w.word for w in ws))
    before_stop = []
    for start in range(0, len(audio), SAMPLE_RATE // 4):
        before_stop += streamer.feed(audio[start : start + SAMPLE_RATE // 4])
    assert before_stop, "no window was transcribed before stop"
    assert len(before_stop) == len(arrived)
    streamed = streamer.finish()
    whole = transcribe(audio, "en", mode="plain")
    distance = Levenshtein.normalized_distance(words_of(whole.text), words_of(streamed.text))
    assert distance <= 0.1, (whole.text, streamed.text)
    assert "thank" in streamed.text.lower()  # the short tail is there
    assert [w.start_s for w in streamed.words] == sorted(w.start_s for w in streamed.words)
    assert streamed.words[-1].end_s <= streamed.duration_s + 0.1


def test_a_short_tail_is_transcribed_again_with_the_window_before_it(whisper: Path, answer: Path) -> None:
    audio = samples_of(answer)
    streamer = StreamTranscriber("en", mode="plain")
    streamer.feed(audio[: len(audio) - SAMPLE_RATE])  # all but the last second: "Thank you."
    windows_before = list(streamer._windows)
    assert windows_before
    streamer.finish()
    last_start = streamer._windows[-1][0]
    assert last_start == windows_before[-1][0], "the tail was transcribed on its own"


def test_a_growing_browser_file_is_decoded_as_it_grows(answer: Path, tmp_path: Path) -> None:
    webm = transcode(answer, tmp_path / "answer.webm", "webm", "libopus", 48_000).read_bytes()
    growing = tmp_path / "growing.webm"
    growing.write_bytes(webm[: len(webm) // 3])
    decoder = GrowingDecoder(growing)
    first = decoder.new_samples()
    assert 0 < len(first) < len(samples_of(answer))
    with growing.open("ab") as out:
        out.write(webm[len(webm) // 3 :])
    rest = decoder.new_samples(final=True)
    total = len(first) + len(rest)
    assert abs(total - len(decode_partial(tmp_path / "answer.webm"))) == 0
    assert abs(total / SAMPLE_RATE - len(samples_of(answer)) / SAMPLE_RATE) < 0.2
