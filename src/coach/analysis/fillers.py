"""Find filler words ("ehm", "uh", "zeg maar", "like") and hedges, with their context rules."""

from __future__ import annotations

import re
from functools import lru_cache

from coach.analysis.rules import FLAGS
from coach.analysis.types import Span
from coach.lang import load_data, load_list


@lru_cache(maxsize=2)
def _filler_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    data = load_data(lang, "fillers")
    return tuple(re.compile(p, FLAGS | re.MULTILINE) for p in [*data["always"], *data["contextual"]])


@lru_cache(maxsize=4)
def _hedge_pattern(lang: str, name: str = "hedges") -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_list(lang, name)), FLAGS)


def find_fillers(text: str, lang: str) -> list[tuple[str, Span]]:
    """Return each filler word as it is written, with its span, in order of appearance."""
    found: dict[Span, str] = {}
    for pattern in _filler_patterns(lang):
        for m in pattern.finditer(text):
            span = m.span("f")
            if span[1] > span[0] and not any(s[0] < span[1] and span[0] < s[1] for s in found):
                found[span] = m.group("f")
    return [(found[span], span) for span in sorted(found)]


@lru_cache(maxsize=2)
def _filler_like_pattern(lang: str) -> re.Pattern[str] | None:
    patterns = load_data(lang, "fillers").get("filler_like") or []
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS | re.MULTILINE) if patterns else None


def find_filler_like(text: str, lang: str, counted: list[tuple[str, Span]] | None = None) -> list[Span]:
    """Spans of words that are fillers in some uses but not counted ("gewoon", "eigenlijk", "so", "yeah"),
    leaving out those that overlap a counted filler (`counted`, as find_fillers gives them)."""
    pattern = _filler_like_pattern(lang)
    if pattern is None:
        return []
    taken = [span for _, span in counted or []]
    found: list[Span] = []
    for m in pattern.finditer(text):
        word = _word_span(m)
        if not any(s[0] < word[1] and word[0] < s[1] for s in taken + found):
            found.append(word)
    return found


def _word_span(m: re.Match[str]) -> Span:
    """The span of a match without the punctuation and spaces a context rule took in front of the word."""
    start, end = m.span()
    said = m.string[start:end]
    stripped = said.lstrip(" ,.;!?\n\t")
    return start + len(said) - len(stripped), end


def find_hedges(text: str, lang: str) -> list[Span]:
    """Return the spans of hedging phrases ("I think", "misschien")."""
    return [m.span() for m in _hedge_pattern(lang).finditer(text) if m.end() > m.start()]


def find_soft_hedges(text: str, lang: str) -> list[Span]:
    """Return the spans of words that are half filler, half hedge ("eigenlijk", "basically")."""
    return [m.span() for m in _hedge_pattern(lang, "hedges_soft").finditer(text) if m.end() > m.start()]
