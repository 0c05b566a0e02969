"""Find filler words ("ehm", "uh", "zeg maar", "like") and hedges, with their context rules."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from coach.analysis.literals import Alternation, ignorecase_haystack
from coach.analysis.rules import FLAGS
from coach.analysis.types import Span
from coach.lang import load_data, load_list

if TYPE_CHECKING:
    from coach.analysis.context import Analysis


# The patterns are matched case-insensitively in the answer as written; each is an Alternation, which skips
# a pattern whose words the answer doesn't contain (literals.py) and finds the same matches.


@lru_cache(maxsize=2)
def _filler_patterns(lang: str) -> tuple[Alternation, ...]:
    data = load_data(lang, "fillers")
    return tuple(Alternation((p,), FLAGS | re.MULTILINE) for p in [*data["always"], *data["contextual"]])


# fillers a listener hardly hears as such: a particle that asks for agreement ("dat is lastig, hè")
_PARTICLES = frozenset({"hè", "he"})
# the first word of an answer acknowledging the question ("Ja, ...", "Nou, ...", "Yeah, ...", "Well, ...")
_ACKNOWLEDGEMENTS = frozenset({"ja", "nou", "yeah", "well", "so"})


def noticed(text: str, fillers: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """The fillers a recruiter would notice, for the claim "you use a lot of filler words": all of them but
    the first word of the answer when it acknowledges the question, a "dus" before "ja" ("dus ja" is one
    filler, not two) and the particle "hè". All fillers still count in the score (they predict the blind
    ratings: dev agreement fell by 0.007, 0.748 to 0.741, when the lexicon itself left them out), but readers
    judged "a lot of filler words" wrong on fluent answers counted with them (round 11)."""
    start = len(text) - len(text.lstrip())
    kept = []
    for i, (word, span) in enumerate(fillers):
        said = word.lower()
        if said in _PARTICLES or (span[0] == start and said in _ACKNOWLEDGEMENTS):
            continue
        after = fillers[i + 1] if i + 1 < len(fillers) else None
        joined = after is not None and not text[span[1] : after[1][0]].strip(" ,")
        if said == "dus" and after and after[0].lower() == "ja" and joined:
            continue
        kept.append((word, span))
    return kept


@lru_cache(maxsize=4)
def _hedge_pattern(lang: str, name: str = "hedges") -> Alternation:
    return Alternation(load_list(lang, name), FLAGS)


def find_fillers(text: str, lang: str) -> list[tuple[str, Span]]:
    """Return each filler word as it is written, with its span, in order of appearance."""
    found: dict[Span, str] = {}
    haystack = ignorecase_haystack(text)
    for pattern in _filler_patterns(lang):
        for m in pattern.finditer(text, haystack):
            span = m.span("f")
            if span[1] > span[0] and not any(s[0] < span[1] and span[0] < s[1] for s in found):
                found[span] = m.group("f")
    return [(found[span], span) for span in sorted(found)]


@lru_cache(maxsize=2)
def _filler_like_pattern(lang: str) -> Alternation | None:
    patterns = load_data(lang, "fillers").get("filler_like") or []
    return Alternation(patterns, FLAGS | re.MULTILINE) if patterns else None


def find_filler_like(text: str, lang: str, counted: list[tuple[str, Span]] | None = None) -> list[Span]:
    """Spans of words that are fillers in some uses but not counted ("gewoon", "eigenlijk", "so", "yeah"),
    leaving out those that overlap a counted filler (`counted`, as find_fillers gives them)."""
    pattern = _filler_like_pattern(lang)
    if pattern is None:
        return []
    taken = [span for _, span in counted or []]
    found: list[Span] = []
    for m in pattern.finditer(text, ignorecase_haystack(text)):
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
    found = _hedge_pattern(lang).finditer(text, ignorecase_haystack(text))
    return [m.span() for m in found if m.end() > m.start()]


def hedges_of(analysis: Analysis) -> list[Span]:
    """find_hedges for an analysed answer, found once (the hedges check and the score both count them)."""
    if analysis.hedges is None:
        analysis.hedges = find_hedges(analysis.text, analysis.lang)
    return list(analysis.hedges)


def find_soft_hedges(text: str, lang: str) -> list[Span]:
    """Return the spans of words that are half filler, half hedge ("eigenlijk", "basically")."""
    found = _hedge_pattern(lang, "hedges_soft").finditer(text, ignorecase_haystack(text))
    return [m.span() for m in found if m.end() > m.start()]
