"""Audio is checked before it is transcribed: each problem has its code and a message in nl and en."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

import pytest

from coach.errors import CoachError
from coach.speech.audio import MAX_SECONDS, validate_audio
from tests.speech_support import silence, tone, tool


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> dict[str, Path]:
    """Files that can't be used: empty, cut off, text, too long, silent, and an unsupported format."""
    folder = tmp_path_factory.mktemp("broken")
    empty = folder / "empty.wav"
    empty.write_bytes(b"")
    cut = folder / "cut.wav"
    cut.write_bytes(clips["en"].read_bytes()[:20_000])
    text = folder / "notes.wav"
    text.write_text("These are my notes for the interview, not a recording.\n", encoding="utf-8")
    aiff = folder / "answer.aiff"
    subprocess.run(["sox", str(clips["en"]), str(aiff)], check=True, timeout=60)
    return {
        "E010": empty,
        "E012": cut,
        "E011": text,
        "E013": silence(folder / "eleven-minutes.wav", 11 * 60),
        "E014": silence(folder / "silence.wav", 3),
        "E015": aiff,
    }


EXPECTED = {
    "E010": {"en": "empty (0 bytes)", "nl": "leeg (0 bytes)"},
    "E011": {"en": "can't be read as audio", "nl": "kan niet als audio worden gelezen"},
    "E012": {"en": "cut off", "nl": "afgebroken"},
    "E013": {"en": "the limit is 10 minutes", "nl": "het maximum is 10 minuten"},
    "E014": {"en": "No speech can be heard", "nl": "geen spraak te horen"},
    "E015": {"en": "not supported (aiff)", "nl": "niet ondersteund (aiff)"},
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_bad_file_gives_its_code_and_a_message_in_the_requested_language(
    broken: dict[str, Path], code: str, lang: str
) -> None:
    with pytest.raises(CoachError) as caught:
        validate_audio(broken[code], lang)
    assert caught.value.error.code == code
    assert EXPECTED[code][lang] in caught.value.error.message


def test_a_missing_file_is_e007(tmp_path: Path) -> None:
    with pytest.raises(CoachError) as caught:
        validate_audio(tmp_path / "nothing.webm", "nl")
    assert caught.value.error.code == "E007"
    assert "niet gevonden" in caught.value.error.message


def test_the_cut_off_message_says_how_long_the_file_is_and_should_be(broken: dict[str, Path]) -> None:
    with pytest.raises(CoachError) as caught:
        validate_audio(broken["E012"], "nl")
    assert "houdt op na 0,6 s" in caught.value.error.message


@pytest.mark.parametrize("kind", ["ogg", "opus", "mp3", "webm", "live-webm"])
def test_a_compressed_file_cut_in_half_is_cut_off(clips: dict[str, Path], tmp_path: Path, kind: str) -> None:
    # A streamed webm has no duration in its header, as MediaRecorder writes it. An mp3 without the length
    # header that LAME and FFmpeg write (sox writes none) is a valid shorter file when cut: not tested.
    if kind in ("live-webm", "mp3"):
        source = tmp_path / ("whole.webm" if kind == "live-webm" else "whole.mp3")
        command = [tool("ffmpeg"), "-v", "error", "-i", str(clips["en"])]
        if kind == "mp3":
            subprocess.run([*command, str(source)], check=True, timeout=60)
        else:
            with source.open("wb") as out:
                subprocess.run(
                    [*command, "-c:a", "libopus", "-f", "webm", "-"], stdout=out, check=True, timeout=60
                )
        assert validate_audio(source, "en").duration_s > 10  # whole, it passes
    else:
        source = clips[kind]
    data = source.read_bytes()
    half = tmp_path / f"half{source.suffix}"
    half.write_bytes(data[: len(data) // 2])
    with pytest.raises(CoachError) as caught:
        validate_audio(half, "nl")
    assert caught.value.error.code in {"E012", "E020"}
    assert "De opname is afgebroken" in caught.value.error.message
    there = re.search(r"na (\d+(?:,\d)?) s", caught.value.error.message)
    assert there is not None
    whole_s = validate_audio(source, "nl").duration_s
    assert float(there[1].replace(",", ".")) == pytest.approx(whole_s / 2, rel=0.25)  # half of it is there


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_m4a_cut_before_its_index_is_cut_off_not_unreadable(
    clips: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    data = clips["m4a"].read_bytes()
    assert data.find(b"moov") > len(data) // 2  # written as phones do: the index after the audio
    half = tmp_path / "half.m4a"
    half.write_bytes(data[: len(data) // 2])
    with pytest.raises(CoachError) as caught:
        validate_audio(half, lang)
    assert caught.value.error.code == "E021"
    assert (
        "De opname is afgebroken" if lang == "nl" else "The recording is cut off"
    ) in caught.value.error.message
    not_audio = tmp_path / "notes.m4a"  # no MP4 header at all: not audio, rather than cut off
    not_audio.write_text("dit zijn mijn aantekeningen\n" * 20, encoding="utf-8")
    with pytest.raises(CoachError) as unreadable:
        validate_audio(not_audio, lang)
    assert unreadable.value.error.code == "E011"


def test_the_length_limit_is_checked_from_the_header_before_decoding(tmp_path: Path) -> None:
    long_tone = tone(tmp_path / "tone.wav", MAX_SECONDS + 30)
    with pytest.raises(CoachError) as caught:
        validate_audio(long_tone, "en")
    assert caught.value.error.code == "E013"
    assert "10.5 minutes" in caught.value.error.message


@pytest.mark.parametrize("kind", ["en", "ogg", "mp3", "webm", "opus", "m4a"])
def test_the_accepted_formats_pass_and_decode_to_16_khz(clips: dict[str, Path], kind: str) -> None:
    info = validate_audio(clips[kind], "en")
    reference = validate_audio(clips["en"], "en").duration_s
    assert info.duration_s == pytest.approx(reference, abs=0.2)
    assert len(info.samples) == pytest.approx(info.duration_s * 16_000, abs=16)


def test_an_image_sent_as_audio_is_named_in_plain_words(tmp_path: Path) -> None:
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    for name in ("recording", "recording.png"):  # an upload saved without its extension, and with it
        path = tmp_path / name
        path.write_bytes(png)
        with pytest.raises(CoachError) as caught:
            validate_audio(path, "en")
        message = caught.value.error.message
        assert "_pipe" not in message and "(png)" in message, message
