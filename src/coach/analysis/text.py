"""Split an answer into words and sentences with exact character offsets.

A regular-expression tokenizer instead of spaCy: spaCy's blank pipelines split sentences on punctuation
just as this does, but cost about a second of start-up (import plus pipeline), which the CLI budget
(1.5 s) cannot pay. See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from coach.analysis.types import Span
from coach.lang import load_list

WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s|$)|\n\s*\n|\n(?=\s*[-*•])")


@dataclass(frozen=True)
class Token:
    """A word with its offsets into the answer, and its lower-case form (computed once)."""

    text: str
    start: int
    end: int
    lower: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.lower:
            object.__setattr__(self, "lower", self.text.lower())


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets and the tokens inside it."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@lru_cache(maxsize=4)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_list(lang, "abbreviations"))


def tokenize(text: str) -> list[Token]:
    """Return the words of `text` (letters and digits, with inner hyphens or apostrophes).

    The tokens are made without Token's __init__: a frozen dataclass sets each field through
    object.__setattr__, which made tokenizing a 300-word answer take about a millisecond, a tenth of the
    whole check's budget. Filling the instance's __dict__ directly gives the same Token four times faster.
    """
    tokens: list[Token] = []
    append, new = tokens.append, object.__new__
    for m in WORD_RE.finditer(text):
        token = new(Token)
        word = m.group()
        fields = token.__dict__  # set item by item: no keyword dictionary built per token
        fields["text"] = word
        fields["start"], fields["end"] = m.span()
        fields["lower"] = word.lower()
        append(token)
    return tokens


def split_sentences(text: str, lang: str, tokens: list[Token] | None = None) -> list[Sentence]:
    """Split `text` into sentences; abbreviations such as 'bijv.' or 'e.g.' do not end a sentence."""
    if tokens is None:
        tokens = tokenize(text)
    abbreviations = _abbreviations(lang)
    bounds: list[int] = []
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group().startswith("."):
            before = text[max(0, m.start() - 12) : m.start()].split()
            last = before[-1].lower() + "." if before else ""
            if last in abbreviations or (len(last) == 2 and last[0].isalpha() and m.end() - m.start() == 1):
                continue
            if (
                m.start() > 0
                and text[m.start() - 1].isdigit()
                and m.end() < len(text)
                and text[m.end() : m.end() + 1].isdigit()
            ):
                continue
        bounds.append(m.end())
    sentences: list[Sentence] = []
    starts = [token.start for token in tokens]  # a sentence's tokens are found by bisection, not one by one
    start = 0
    ti = 0
    for end in [*bounds, len(text)]:
        seg_start = start
        while seg_start < end and text[seg_start].isspace():
            seg_start += 1
        seg_end = end
        while seg_end > seg_start and text[seg_end - 1].isspace():
            seg_end -= 1
        first = bisect_left(starts, seg_start, ti)
        ti = bisect_left(starts, end, ti)
        if first < ti:
            sentences.append(Sentence(seg_start, seg_end, tuple(tokens[first:ti])))
        start = end
    return sentences
