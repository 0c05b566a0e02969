"""Label the sentences of an answer with the STAR(R) part they tell."""

from __future__ import annotations

import re
from functools import lru_cache

from coach.analysis.rules import FLAGS, Matcher, compile_alternatives, fold
from coach.analysis.text import Sentence
from coach.analysis.types import Span
from coach.lang import load_data

PARTS = ("situation", "task", "action", "result", "reflection")
_FIRST_PERSON = {"nl": re.compile(r"\bik\b", FLAGS), "en": re.compile(r"\bI\b")}
# A sentence about the speaker that tells no action: a self-description, a habit or a hypothetical. Without a
# cue, such a sentence is not counted as the action part ("I'm a real people person", "ik zou altijd...").
_NO_ACTION = {
    "nl": re.compile(
        r"\bik (?:ben (?:een|erg|heel|zeer|echt|best|altijd|iemand)|zie mezelf|vind mezelf|beschouw mezelf"
        r"|zou|(?:\w+ )?(?:altijd|meestal|vaak|graag)|hou (?:er )?van|houd (?:er )?van)\b",
        FLAGS,
    ),
    "en": re.compile(
        r"\bI(?: am|'m) (?:a|an|very|really|quite|always|someone)\b|\bI (?:see|consider) myself\b"
        r"|\bI(?: would|'d)\b|\bI (?:always|usually|often|tend to|like to|love to|love)\b"
    ),
}


@lru_cache(maxsize=2)
def _cues(lang: str) -> dict[str, Matcher]:
    data = load_data(lang, "star")
    return {part: compile_alternatives(data[part]) for part in PARTS}


@lru_cache(maxsize=2)
def _leads(lang: str) -> dict[str, Matcher]:
    data = load_data(lang, "star").get("lead", {})
    return {part: compile_alternatives(found) for part, found in data.items()}


def _match(matcher: Matcher, chunk: str, folded_chunk: str | None) -> bool:
    pattern, searched = matcher.choose(chunk, folded_chunk)
    return pattern.match(searched) is not None


def _count(matcher: Matcher, chunk: str, folded_chunk: str | None) -> int:
    pattern, searched = matcher.choose(chunk, folded_chunk)
    return len(pattern.findall(searched))


def segment(text: str, sentences: list[Sentence], lang: str) -> dict[str, list[Span]]:
    """Return, for each STAR(R) part, the spans of the sentences that tell it."""
    cues, leads = _cues(lang), _leads(lang)
    folded = fold(text)
    labelled: dict[str, list[Span]] = {part: [] for part in PARTS}
    n = len(sentences)
    for i, sentence in enumerate(sentences):
        chunk = text[sentence.start : sentence.end]
        folded_chunk = folded[sentence.start : sentence.end] if folded is not None else None
        lead = next((part for part, m in leads.items() if _match(m, chunk, folded_chunk)), None)
        if lead is not None:
            labelled[lead].append(sentence.span)
            continue
        position = (i + 0.5) / n
        scores = {part: 2.0 * _count(cues[part], chunk, folded_chunk) for part in PARTS}
        if not any(scores.values()):
            if _FIRST_PERSON[lang].search(chunk) and not _NO_ACTION[lang].search(chunk):
                labelled["action"].append(sentence.span)
            continue
        if position <= 0.3:
            scores["situation"] += 0.5
            scores["task"] += 0.25
        if position >= 0.6:
            scores["result"] += 0.5
            scores["reflection"] += 0.5
        best = max(PARTS, key=lambda part: scores[part])
        labelled[best].append(sentence.span)
    return labelled
