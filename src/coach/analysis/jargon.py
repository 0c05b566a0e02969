"""Find IT jargon that a non-technical listener won't follow, with a plain alternative for each term."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.analysis.types import Span
from coach.lang import load_data


@dataclass(frozen=True)
class Jargon:
    """One jargon term found in an answer: the term as listed, its plain alternative, where it was said."""

    term: str
    plain: str
    span: Span


def _pattern(spelling: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s-]+", spelling)]
    return r"(?<![\w/])" + r"[\s-]?".join(words) + r"(?:s|'s|’s|en|es)?(?![\w/])"


@lru_cache(maxsize=2)
def _lexicon(lang: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(term, plain alternative, pattern) per listed term, longest spellings first in each pattern."""
    entries = []
    for term, value in load_data(lang, "jargon")["terms"].items():
        entry = value if isinstance(value, dict) else {"plain": value}
        spellings = sorted([term, *entry.get("also", [])], key=len, reverse=True)
        flags = re.UNICODE if entry.get("case") else re.UNICODE | re.IGNORECASE
        pattern = re.compile("|".join(_pattern(s) for s in spellings), flags)
        entries.append((term, str(entry["plain"]), pattern))
    # longer terms first, so that "API endpoint" is found before "API"
    return tuple(sorted(entries, key=lambda e: len(e[0]), reverse=True))


def find_jargon(text: str, lang: str, asked: str | None = None) -> list[Jargon]:
    """Jargon in `text`, in order of appearance; terms that the question (`asked`) uses itself don't count."""
    found: list[Jargon] = []
    taken: list[Span] = []
    for term, plain, pattern in _lexicon(lang):
        if asked and pattern.search(asked):
            continue
        for m in pattern.finditer(text):
            span = m.span()
            if not any(s[0] < span[1] and span[0] < s[1] for s in taken):
                taken.append(span)
                found.append(Jargon(term, plain, span))
    return sorted(found, key=lambda j: j.span)
