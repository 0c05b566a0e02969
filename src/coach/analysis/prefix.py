"""Let Python's `re` skip ahead to where a pattern can start: `\\bword` written as `w(?<!\\ww)ord`.

Before searching, `re` reads what a pattern must start with: a literal prefix ("ik ") or a set of first
characters; it then jumps from one such place to the next in C, and tries the pattern only there. A
pattern that starts with `\\b` has neither, so `re` tries it at every character of the text: most cue
patterns start with `\\b`, and a search of a 20-word sentence cost several microseconds each.

`\\bw` (w a word character) matches where `w(?<!\\ww)` matches, and only there: both need a `w` at the
position and no word character before it (the look-behind, two characters wide, fails at the text's start,
so its negation holds there as `\\b` does). A `\\b` in front of a group of alternatives goes into each
alternative (`\\b(?:a|b)` is `(?:\\ba|\\bb)`: the same test at the same place, before the same branches, in
the same order), and a pattern's top-level alternatives are rewritten one by one. So a rewritten pattern
finds exactly the matches, spans and groups of the pattern as written; where a part can't be read with
certainty (a quantifier after the word character or the group, an escape, a class), it is left as it is.

Under IGNORECASE `re` knows only the set of first characters (in both cases), not a prefix: the gain there
is about half a search's time, against nine tenths for a case-sensitive pattern such as a STAR cue's folded
form; the fillers and hedges, matched with IGNORECASE and mostly skipped by the literal tests, gained
nothing measurable and are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_QUANTIFIERS = ("?", "*", "+", "{")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=4096)
def leading(pattern: str) -> str:
    """`pattern` with each `\\b` before a word character it starts with moved behind that character."""
    try:
        verbose = re.compile(pattern).flags & re.VERBOSE
    except re.error:
        return pattern
    pieces = None if verbose else _alternatives(pattern)  # in verbose mode, a comment may hold a `|`
    if pieces is None:
        return pattern
    return "|".join(_lead(piece) for piece in pieces)


def _lead(piece: str) -> str:
    """One alternative (no top-level `|`) rewritten, or as it is."""
    if not piece.startswith("\\b"):
        return piece
    rest = piece[2:]
    if rest.startswith("(?:"):
        close = _closing(rest)
        if close is None or rest[close + 1 : close + 2] in _QUANTIFIERS:
            return piece
        inner = _alternatives(rest[3:close])
        if inner is None:
            return piece
        led = [_lead("\\b" + alternative) for alternative in inner]
        if any(alternative.startswith("\\b") for alternative in led):
            return piece  # one alternative keeps its \b in front: re can't skip ahead anyway
        return "(?:" + "|".join(led) + ")" + rest[close + 1 :]
    first = rest[:1]
    if first and _WORD_CHAR.match(first) and rest[1:2] not in _QUANTIFIERS:
        return f"{first}(?<!\\w{first}){rest[1:]}"
    return piece


def _alternatives(pattern: str) -> list[str] | None:
    """`pattern` split at its top-level `|`; None when a piece doesn't compile on its own (the split, then,
    was not where it seemed: inside a class or a group)."""
    pieces: list[str] = []
    start = 0
    for i, char, depth in _scan(pattern):
        if char is None:
            return None
        if char == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
    pieces.append(pattern[start:])
    for piece in pieces:
        try:
            re.compile(piece)
        except re.error:
            return None
    return pieces


def _closing(text: str) -> int | None:
    """The index of the `)` that closes the `(` at text[0], or None."""
    for i, char, depth in _scan(text):
        if char is None:
            return None
        if char == ")" and depth == 0:
            try:
                re.compile(text[: i + 1])
            except re.error:
                return None
            return i
    return None


def _scan(text: str) -> Iterator[tuple[int, str | None, int]]:
    """The characters of `text` outside escapes and character classes, each with its index and the depth
    of groups around it once it is read (a `(` counts itself, a `)` no longer); a char None, at the end,
    for a class that never closes."""
    depth = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            end = _class_end(text, i)
            if end is None:
                yield i, None, depth
                return
            i = end + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield i, char, depth
        i += 1


def _class_end(text: str, start: int) -> int | None:
    """The index of the `]` that closes the character class opening at text[start]."""
    i = start + 1
    if text[i : i + 1] == "^":
        i += 1
    if text[i : i + 1] == "]":  # a `]` first in a class is a literal
        i += 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "]":
            return i
        i += 1
    return None
