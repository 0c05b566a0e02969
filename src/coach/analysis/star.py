"""Label the sentences of an answer with the STAR(R) part they tell."""

from __future__ import annotations

import re
from functools import lru_cache

from coach.analysis.literals import Haystack
from coach.analysis.prefix import leading
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


# "I think", "ik weet niet meer" or "daar ben ik trots op" puts the speaker in a sentence without an act:
# these asides are taken out before a sentence without a cue counts as the action part ("we won, I think").
_ROLES = "sdr|bdr|developer|ontwikkelaar|tester|engineer|manager|accountmanager|consultant|analist|stagiair"
_ASIDE = {
    "nl": re.compile(
        r"\b(?:ik (?:denk|dacht|geloof|weet|wist|gok|vind|vond|bedoel|hoop|meen)"
        r"|(?:denk|geloof|weet|gok|vind|hoop) ik"
        r"|(?:ben|was) ik (?:\w+ )?(?:trots|blij|tevreden|dankbaar)"
        r"|ik ben (?:\w+ )?(?:trots|blij|tevreden|dankbaar)"
        rf"|ik ben (?:een |de )?(?:\w+ )?(?:{_ROLES}|student|teamleider|verkoper))\b",
        FLAGS,
    ),
    "en": re.compile(
        r"\bI (?:think|thought|guess|believe|suppose|mean|know|knew|hope|feel|felt|don't know|do not know"
        r"|don't remember|can't remember|'m not sure|am not sure|was not sure|wasn't sure"
        r"|'m proud|am proud|was proud)\b"
    ),
}


@lru_cache(maxsize=2)
def _cues(lang: str) -> dict[str, Matcher]:
    data = load_data(lang, "star")
    return {part: compile_alternatives(leading(p) for p in data[part]) for part in PARTS}


@lru_cache(maxsize=2)
def _leads(lang: str) -> dict[str, Matcher]:
    data = load_data(lang, "star").get("lead", {})
    return {part: compile_alternatives(found) for part, found in data.items()}


class Cues:
    """What the STAR cue and lead patterns find in each sentence of one answer, worked out once and shared
    by `segment` and `told` (both ask, sentence by sentence, whether a part's cues occur)."""

    def __init__(
        self, text: str, sentences: list[Sentence], lang: str, haystack: Haystack | None = None
    ) -> None:
        self.cues, self.leads = _cues(lang), _leads(lang)
        folded = haystack.text if haystack is not None and haystack.words else fold(text)  # folded already
        self.chunks = [text[s.start : s.end] for s in sentences]
        self.folded: list[str | None] = (
            [folded[s.start : s.end] for s in sentences] if folded is not None else [None] * len(sentences)
        )
        # the literal tests (literals.py) are made once in the whole answer instead of once per sentence,
        # in the analysis's haystack when given (the criteria's patterns then reuse those tests)
        if haystack is None and folded is not None:
            haystack = Haystack(folded)
        spans = [sentence.span for sentence in sentences]
        self.cue_alive = {part: m.alive_in(text, haystack, spans) for part, m in self.cues.items()}
        self.lead_alive = {part: m.alive_in(text, haystack, spans) for part, m in self.leads.items()}
        self._counts: dict[tuple[int, str], int] = {}
        self._led: dict[tuple[int, str], bool] = {}

    def count(self, i: int, part: str) -> int:
        """How often the cues of `part` occur in sentence `i` (none when no pattern could match there: most
        parts of most sentences, so that is known without a call)."""
        key = (i, part)
        if key not in self._counts:
            alive = self.cue_alive[part][i]
            found = self.cues[part].count(self.chunks[i], self.folded[i], alive) if alive != [] else 0
            self._counts[key] = found
        return self._counts[key]

    def found(self, i: int, part: str) -> bool:
        """Whether a cue of `part` occurs in sentence `i`."""
        if (i, part) in self._counts:
            return self._counts[(i, part)] > 0
        alive = self.cue_alive[part][i]
        return alive != [] and self.cues[part].search(self.chunks[i], self.folded[i], alive)

    def led(self, i: int, part: str) -> bool:
        """Whether sentence `i` starts with a lead of `part` ("Het resultaat was...")."""
        key = (i, part)
        if key not in self._led:
            alive = self.lead_alive[part][i]
            self._led[key] = alive != [] and self.leads[part].match(self.chunks[i], self.folded[i], alive)
        return self._led[key]


def segment(
    text: str, sentences: list[Sentence], lang: str, cues: Cues | None = None
) -> dict[str, list[Span]]:
    """Return, for each STAR(R) part, the spans of the sentences that tell it (`cues`: what the patterns
    find in them, when the caller keeps it for `told`)."""
    found = cues or Cues(text, sentences, lang)
    labelled: dict[str, list[Span]] = {part: [] for part in PARTS}
    n = len(sentences)
    for i, sentence in enumerate(sentences):
        lead = next((part for part in found.leads if found.led(i, part)), None)
        if lead is not None:
            labelled[lead].append(sentence.span)
            continue
        position = (i + 0.5) / n
        scores = {part: 2.0 * found.count(i, part) for part in PARTS}
        if not any(scores.values()):
            bare = _ASIDE[lang].sub(" ", found.chunks[i])
            if _FIRST_PERSON[lang].search(bare) and not _NO_ACTION[lang].search(bare):
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


# A habit, a hypothetical or a generality tells no part of one story ("meestal halen we onze doelen",
# "whenever I get an objection I ..."): such a sentence only counts through its own label.
_HABIT = {
    "nl": re.compile(
        r"\b(?:altijd|meestal|vaak|doorgaans|normaal gesproken|over het algemeen|in het algemeen|gewoonlijk"
        r"|elke keer als|iedere keer als|telkens als)\b|\b(?:als|wanneer) (?:ik|je|we) (?:een|zo'n)\b",
        FLAGS,
    ),
    "en": re.compile(
        r"\b(?:always|usually|normally|generally|typically|often|in general|whenever|every time)\b"
        r"|\b(?:if|when) (?:I|you|we) (?:get|have|see|find|run into|face)\b",
        FLAGS,
    ),
}


def told(
    text: str,
    sentences: list[Sentence],
    lang: str,
    labelled: dict[str, list[Span]],
    cues: Cues | None = None,
) -> dict[str, list[Span]]:
    """Every STAR part an answer tells, wherever it tells it.

    `segment` gives a sentence one part; spoken stories often tell two in one sentence ("we had a renovation
    and I made a schedule") or in another order (the situation after the action, the result in passing). Here
    a sentence tells every part it has a cue or lead for, unless it is a habit or a generality.
    """
    found = cues or Cues(text, sentences, lang)
    parts: dict[str, list[Span]] = {part: list(spans) for part, spans in labelled.items()}
    for i, sentence in enumerate(sentences):
        if _HABIT[lang].search(found.chunks[i]):
            continue
        for part in PARTS:
            if sentence.span in parts[part]:
                continue
            if found.found(i, part) or (part in found.leads and found.led(i, part)):
                parts[part].append(sentence.span)
    return {part: sorted(spans) for part, spans in parts.items()}
