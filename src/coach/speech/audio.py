"""Check an audio answer before transcribing it: readable, a supported format, not cut off, not too long,
and not silent. Each problem is a coded error (E007, E010-E015, E020, E021) with a message in Dutch or
English.

Decoding uses PyAV, as faster-whisper does, so what passes here is what the transcriber can read.
"""

from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coach.errors import CoachError, input_error

if TYPE_CHECKING:
    import numpy as np

    from coach.speech.transcribe import Transcript

SAMPLE_RATE = 16_000
MAX_SECONDS = 600  # ten minutes: an answer takes one to two; a longer file is a mistake or a whole session
# Demuxer names as FFmpeg reports them: wav, ogg (opus, vorbis), matroska/webm (a browser's MediaRecorder),
# mp3, and mov/mp4/m4a (AAC from phones and Safari).
ACCEPTED_FORMATS = frozenset({"wav", "ogg", "matroska", "webm", "mp3", "mov", "mp4", "m4a"})
SILENCE_PEAK = 0.003  # about -50 dBFS: below this nothing was recorded
# What FFmpeg says while decoding a file that stops midway where no header tells the intended length: a
# MediaRecorder webm cut inside a block, an mp3 shorter than its Xing header says.
CUT_OFF_LOGS = ("File ended prematurely", "filesize and duration do not match")
OGG_PAGE_HEADER = 27


@dataclass(frozen=True)
class AudioInfo:
    """An audio answer that passed the checks: its format, length and 16 kHz mono samples."""

    path: Path
    format: str
    duration_s: float
    samples: np.ndarray


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "nl" else text


def _fail(code: str, lang: str, **values: object) -> CoachError:
    return CoachError(input_error(code, lang, **values))


def validate_audio(path: str | Path, lang: str = "en") -> AudioInfo:
    """Check and decode an audio file; raise CoachError (coded, message in `lang`) when it can't be used."""
    import av

    path = Path(path)
    try:
        size = path.stat().st_size
        readable = path.is_file() and os.access(path, os.R_OK)
    except OSError:
        readable = False
    if not readable:
        raise _fail("E007", lang, path=path)
    if size == 0:
        raise _fail("E010", lang, path=path.name)
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            names = container.format.name.split(",")
            streams = [s for s in container.streams if s.type == "audio"]
            header_s = container.duration / 1_000_000 if container.duration else 0.0
            stream_s = 0.0
            if streams and streams[0].duration and streams[0].time_base:
                stream_s = float(streams[0].duration * streams[0].time_base)
    except (av.error.FFmpegError, OSError, UnicodeDecodeError, ValueError) as exc:
        if _mp4_cut_off(path):  # an m4a from a phone or Safari keeps its index at the end: cut, it's gone
            raise _fail("E021", lang) from exc
        raise _fail("E011", lang, path=path.name) from exc
    if not ACCEPTED_FORMATS.intersection(names):
        raise _fail("E015", lang, format=plain_format(names[0], path))
    if not streams:
        raise _fail("E011", lang, path=path.name)
    if max(header_s, stream_s) > MAX_SECONDS + 1:
        raise _fail(
            "E013", lang, minutes=_number(max(header_s, stream_s) / 60, lang), limit=MAX_SECONDS // 60
        )
    if "wav" in names:
        cut = _wav_cut_off(path)
        if cut is not None:
            raise _fail("E012", lang, seconds=_number(cut[0], lang), expected=_number(cut[1], lang))
    samples, stopped_midway = _decode(path, lang)
    duration = len(samples) / SAMPLE_RATE
    if duration > MAX_SECONDS + 1:
        raise _fail("E013", lang, minutes=_number(duration / 60, lang), limit=MAX_SECONDS // 60)
    declared = stream_s if "mp4" in names else header_s if "matroska" in names else 0.0
    if declared > 0 and duration < declared - max(0.5, 0.05 * declared):
        raise _fail("E012", lang, seconds=_number(duration, lang), expected=_number(declared, lang))
    if stopped_midway or ("ogg" in names and _ogg_cut_off(path)):
        raise _fail("E020", lang, seconds=_number(duration, lang))
    if len(samples) == 0 or float(abs(samples).max()) < SILENCE_PEAK:
        raise _fail("E014", lang)
    return AudioInfo(path, names[0], round(duration, 3), samples)


def _decode(path: Path, lang: str) -> tuple[np.ndarray, bool]:
    """16 kHz mono float samples, decoded the way faster-whisper decodes, and whether FFmpeg said while
    decoding that the file stops midway."""
    import av
    import av.logging
    from faster_whisper.audio import decode_audio

    _hear_ffmpeg_warnings()
    try:
        with av.logging.Capture(local=True) as logs:
            samples: np.ndarray = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise _fail("E011", lang, path=path.name) from exc
    return samples, any(marker in log[2] for log in logs for marker in CUT_OFF_LOGS)


def _hear_ffmpeg_warnings() -> None:
    """Let FFmpeg's warnings reach PyAV (off by default), where `_decode` captures them; any that reach
    Python's logging outside a capture are dropped rather than printed."""
    import logging

    import av.logging

    if av.logging.get_level() != av.logging.WARNING:
        av.logging.set_level(av.logging.WARNING)
        av.logging.set_skip_repeated(False)  # the probe in validate_audio says it first
        libav = logging.getLogger("libav")
        libav.addHandler(logging.NullHandler())
        libav.propagate = False


def _ogg_cut_off(path: Path) -> bool:
    """Whether an Ogg file stops inside a page: walk the pages by their headers to the end of the file."""
    size = path.stat().st_size
    position = 0
    with path.open("rb") as f:
        while position < size:
            f.seek(position)
            header = f.read(OGG_PAGE_HEADER)
            if len(header) < OGG_PAGE_HEADER or header[:4] != b"OggS":
                return len(header) < OGG_PAGE_HEADER  # a damaged page mid-file is for the decoder to judge
            table = f.read(header[26])
            if len(table) < header[26]:
                return True
            position += OGG_PAGE_HEADER + len(table) + sum(table)
    return position > size


def _wav_cut_off(path: Path) -> tuple[float, float] | None:
    """For a WAV file whose data chunk is shorter than its header says: (seconds there, seconds declared)."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return None  # RF64 and odd variants: leave it to the decoder
        position, byte_rate = 12, 0
        while position + 8 <= size:
            f.seek(position)
            chunk_id, chunk_size = struct.unpack("<4sI", f.read(8))
            if chunk_id == b"fmt ":
                fmt = f.read(16)
                if len(fmt) == 16:
                    byte_rate = struct.unpack("<HHIIHH", fmt)[3]
            if chunk_id == b"data":
                if chunk_size in (0, 0xFFFFFFFF) or not byte_rate:
                    return None  # written while streaming: the length was never filled in
                there = size - position - 8
                return (there / byte_rate, chunk_size / byte_rate) if there < chunk_size else None
            position += 8 + chunk_size + (chunk_size & 1)
    return None


def _mp4_cut_off(path: Path) -> bool:
    """Whether an MP4/M4A file stops inside one of its top-level boxes, or ends without its index (moov)."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(12)
        if len(head) < 12 or head[4:8] != b"ftyp":
            return False  # not MP4: for the decoder to judge
        position, found_index = 0, False
        while position + 8 <= size:
            f.seek(position)
            box_size, box_type = struct.unpack(">I4s", f.read(8))
            if box_size == 1:  # a 64-bit size follows the type
                extended = f.read(8)
                if len(extended) < 8:
                    return True
                box_size = struct.unpack(">Q", extended)[0]
            elif box_size == 0:  # the box runs to the end of the file
                box_size = size - position
            if box_size < 8:
                return False  # damaged rather than cut: "can't be read"
            found_index = found_index or box_type == b"moov"
            position += box_size
        return position > size or not found_index


def require_speech(transcript: Transcript, lang: str = "en") -> None:
    """Raise E014 when voice activity detection or the transcriber heard no words."""
    if not transcript.words or transcript.speech_s <= 0:
        raise _fail("E014", lang)


def plain_format(demuxer: str, path: Path) -> str:
    """What kind of file it is, in words a person knows: its extension ("png"), else the decoder's name
    without its technical parts ("png_pipe" -> "png", "image2" -> "image")."""
    suffix = path.suffix.lstrip(".").lower()
    if suffix.isalnum() and len(suffix) <= 5:
        return suffix
    return re.sub(r"\d+$", "", demuxer.split(",")[0].split("_")[0]) or demuxer
