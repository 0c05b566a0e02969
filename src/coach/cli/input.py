"""Read answers from files or standard input, turning bad input into coded errors."""

from __future__ import annotations

import sys
from pathlib import Path

from coach.errors import MAX_ANSWER_CHARS, CoachError, input_error


def decode_answer(data: bytes, lang: str) -> str:
    """Decode bytes as UTF-8 text (a BOM is allowed), refusing binary data and other encodings.

    A few control characters (a stray NUL) don't make a file binary: they are replaced later, as in a
    batch line or the API (coach.wire.clean_text). Binary is undecodable bytes with a NUL, or text that is
    more than 10% control characters.
    """
    head = data[:8192]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if b"\x00" in head:
            raise CoachError(input_error("E002", lang)) from exc
        raise CoachError(input_error("E003", lang, position=exc.start)) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and controls / min(len(text), 8192) > 0.1:
        raise CoachError(input_error("E002", lang))
    return text


def read_answer(source: str | None, lang: str) -> str:
    """Read an answer from a file path, or from standard input when `source` is None or '-'."""
    limit = MAX_ANSWER_CHARS * 4 + 16  # bytes: enough for the character limit in any UTF-8 text
    if source in (None, "-"):
        data = sys.stdin.buffer.read(limit + 1)
    else:
        path = Path(source)
        try:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise CoachError(input_error("E007", lang, path=source)) from exc
    if len(data) > limit:
        raise CoachError(input_error("E001", lang, chars=f"> {MAX_ANSWER_CHARS}", limit=MAX_ANSWER_CHARS))
    return decode_answer(data, lang)
