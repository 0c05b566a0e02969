"""The explain-it-simply drill: a concept, a listener; checks on jargon, analogy, impact, checking, length.

The answer goes through coach.check() as an "explain" question (it.explain_simply with the jargon lexicon);
the drill adds what depends on the listener: their jargon sensitivity (terms they know, terms that are jargon
for them in particular), an analogy from their world, impact in their terms. The checklist's patterns for an
analogy, impact and checking understanding are read from it.explain_simply, not copied.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

import coach
from coach.analysis.jargon import find_jargon
from coach.analysis.rules import load_criteria
from coach.analysis.text import split_sentences, tokenize
from coach.analysis.types import Feedback, Span
from coach.toolkit.catalogue import Bilingual, PatternSet, any_match, read_data

MIN_CONCEPTS = 25
EXPLAIN_CRITERION = "it.explain_simply"


class Audience(BaseModel):
    """A non-technical listener: how to name them, the words of their world, what impact means to them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: str
    en: str
    world: PatternSet
    impact: PatternSet
    known: dict[str, tuple[str, ...]] = {}
    extra: dict[str, dict[str, str]] = {}

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Length(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min: int = Field(ge=1)
    max: int = Field(ge=1)


class ExplainCatalogue(BaseModel):
    """explain.yaml, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    question: Bilingual
    length: Length
    concepts: dict[str, Bilingual]
    analogy_extra: PatternSet
    audiences: dict[str, Audience]
    labels: dict[str, Bilingual]
    messages: dict[str, Bilingual]

    @model_validator(mode="after")
    def _enough(self) -> ExplainCatalogue:
        if len(self.concepts) < MIN_CONCEPTS:
            raise ValueError(f"at least {MIN_CONCEPTS} concepts, not {len(self.concepts)}")
        needed = {"marketing", "finance", "ceo", "customer", "sales_colleague"}
        if not needed <= set(self.audiences):
            raise ValueError(f"audiences must include {sorted(needed)}")
        for name, audience in self.audiences.items():
            for lang in ("nl", "en"):
                if not audience.world.get(lang) or not audience.impact.get(lang):
                    raise ValueError(f"audience {name}: world and impact patterns in {lang}")
        return self


@lru_cache(maxsize=1)
def load_catalogue() -> ExplainCatalogue:
    """The explain drill's catalogue."""
    return ExplainCatalogue.model_validate(read_data("explain.yaml"))


@dataclass(frozen=True)
class ExplainPrompt:
    """One round of the drill: a concept for a listener."""

    concept: str
    audience: str

    def question(self, lang: str) -> str:
        catalogue = load_catalogue()
        return catalogue.question.get(lang).format(
            concept=catalogue.concepts[self.concept].get(lang),
            audience=catalogue.audiences[self.audience].get(lang),
        )

    def as_json(self) -> dict[str, str]:
        return {"concept": self.concept, "audience": self.audience}


class UnknownPrompt(ValueError):
    """A concept or audience that the catalogue does not have."""


def pick(seed: int | None = None, concept: str | None = None, audience: str | None = None) -> ExplainPrompt:
    """A concept and an audience at random (the same seed gives the same pair), or the ones given."""
    catalogue = load_catalogue()
    if concept is not None and concept not in catalogue.concepts:
        raise UnknownPrompt(f"unknown concept {concept!r}")
    if audience is not None and audience not in catalogue.audiences:
        raise UnknownPrompt(f"unknown audience {audience!r}")
    rng = random.Random(seed)
    return ExplainPrompt(
        concept or rng.choice(sorted(catalogue.concepts)), audience or rng.choice(sorted(catalogue.audiences))
    )


@dataclass(frozen=True)
class JargonTerm:
    """A term the listener won't follow, where it was said, and what to say instead."""

    said: str
    plain: str
    span: Span


@dataclass(frozen=True)
class Check:
    """One of the drill's checks on an answer."""

    key: str
    label: str
    status: str  # met | warning | missed
    message: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ExplainResult:
    """The drill's verdict: the engine's feedback, the jargon found, and the checks in order."""

    prompt: ExplainPrompt
    question: str
    feedback: Feedback
    jargon: tuple[JargonTerm, ...]
    checks: tuple[Check, ...]
    words: int

    @property
    def met_count(self) -> int:
        return sum(1 for c in self.checks if c.status == "met")


DUMP_TERMS = 3  # this many jargon terms make the answer a jargon dump: "does that make sense?" won't save it


def _extra_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", term)]
    return re.compile(r"(?<![\w/])" + r"[\s-]?".join(words) + r"(?:s|en)?(?![\w/])", re.IGNORECASE)


def audience_jargon(text: str, prompt: ExplainPrompt, lang: str, asked: str) -> list[JargonTerm]:
    """Jargon for this listener: the lexicon's terms (minus those they know and those the question uses),
    plus the terms that are jargon for them in particular."""
    audience = load_catalogue().audiences[prompt.audience]
    known = {k.lower() for k in audience.known.get(lang, ())}
    found = [
        JargonTerm(text[j.span[0] : j.span[1]], j.plain, j.span)
        for j in find_jargon(text, lang, asked)
        if j.term.lower() not in known
    ]
    taken = [t.span for t in found]
    for term, plain in audience.extra.get(lang, {}).items():
        if _extra_pattern(term).search(asked):
            continue
        for m in _extra_pattern(term).finditer(text):
            if not any(s[0] < m.end() and m.start() < s[1] for s in taken):
                taken.append(m.span())
                found.append(JargonTerm(m.group(0), plain, m.span()))
    return sorted(found, key=lambda t: t.span)


def _part_spans(key: str, text: str, lang: str) -> list[Span]:
    part = load_criteria()[EXPLAIN_CRITERION].parts[key]
    return any_match(part.patterns.get(lang), text)


def evaluate(answer: str, prompt: ExplainPrompt, lang: str) -> ExplainResult:
    """Judge an explanation for its listener."""
    catalogue = load_catalogue()
    audience = catalogue.audiences[prompt.audience]
    who = audience.get(lang)
    question = prompt.question(lang)
    feedback = coach.check(answer, question=question, lang=lang)
    checks: list[Check] = []

    def label(key: str) -> str:
        return catalogue.labels[key].get(lang)

    def say(key: str, **values: Any) -> str:
        return catalogue.messages[key].get(lang).format(**values)

    jargon = audience_jargon(answer, prompt, lang, question)
    if jargon:
        listed: dict[str, str] = {}
        for term in jargon:
            listed.setdefault(term.said.lower(), f"{term.said} ({say('instead', plain=term.plain)})")
        status = "missed" if len(jargon) >= DUMP_TERMS else "warning"
        message = say("jargon_some", count=len(jargon), audience=who, terms="; ".join(listed.values()))
        checks.append(Check("jargon", label("jargon"), status, message, tuple(t.span for t in jargon)))
    else:
        checks.append(Check("jargon", label("jargon"), "met", say("jargon_met", audience=who)))

    tokens = tokenize(answer)
    sentences = split_sentences(answer, lang, tokens)
    analogies = sorted(
        set(_part_spans("analogy", answer, lang) + any_match(catalogue.analogy_extra.get(lang), answer))
    )
    world = any_match(audience.world.get(lang), answer)
    in_analogy = [
        w
        for w in world
        if any(s.start <= a[0] < s.end and s.start <= w[0] < s.end for a in analogies for s in sentences)
    ]
    if analogies and in_analogy:
        checks.append(
            Check("analogy", label("analogy"), "met", say("analogy_met"), tuple(analogies + in_analogy))
        )
    elif analogies:
        checks.append(
            Check(
                "analogy", label("analogy"), "warning", say("analogy_other", audience=who), tuple(analogies)
            )
        )
    else:
        checks.append(Check("analogy", label("analogy"), "missed", say("analogy_none", audience=who)))

    impact = any_match(audience.impact.get(lang), answer) or _part_spans("business", answer, lang)
    if impact:
        checks.append(Check("impact", label("impact"), "met", say("impact_met"), tuple(impact)))
    else:
        checks.append(Check("impact", label("impact"), "missed", say("impact_none", audience=who)))

    checked = _part_spans("check_understanding", answer, lang)
    if checked and len(jargon) >= DUMP_TERMS:
        checks.append(Check("check", label("check"), "warning", say("check_dump"), tuple(checked)))
    elif checked:
        checks.append(Check("check", label("check"), "met", say("check_met"), tuple(checked)))
    else:
        checks.append(Check("check", label("check"), "missed", say("check_none")))

    words = feedback.words or len(tokens)
    bounds = catalogue.length
    if words < bounds.min:
        checks.append(
            Check(
                "length",
                label("length"),
                "warning",
                say("length_short", words=words, min=bounds.min, max=bounds.max),
            )
        )
    elif words > bounds.max:
        checks.append(
            Check(
                "length",
                label("length"),
                "warning",
                say("length_long", words=words, min=bounds.min, max=bounds.max),
            )
        )
    else:
        checks.append(Check("length", label("length"), "met", say("length_met", words=words)))
    return ExplainResult(prompt, question, feedback, tuple(jargon), tuple(checks), words)


def result_json(result: ExplainResult) -> dict[str, Any]:
    """The drill's verdict as JSON (saved with the attempt, returned by the API)."""
    return {
        "drill": "explain",
        "prompt": result.prompt.as_json(),
        "question": result.question,
        "score": result.feedback.score,
        "band": result.feedback.band,
        "words": result.words,
        "jargon": [{"said": j.said, "plain": j.plain, "span": list(j.span)} for j in result.jargon],
        "steps": [
            {
                "key": c.key,
                "label": c.label,
                "status": c.status,
                "message": c.message,
                "spans": [list(s) for s in c.spans],
            }
            for c in result.checks
        ],
        "missing": [c.key for c in result.checks if c.status != "met"],
    }
