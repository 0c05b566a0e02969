"""Question kinds (content/kinds.yaml): what each kind of question wants, and the kind of free text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.analysis.rules import Bilingual
from coach.content.kind_words import WordModel, features
from coach.yaml_files import parse_yaml

Stage = Literal["opening", "middle", "closing"]
FALLBACK = "open"
_SENTENCE_RE = re.compile(r"[^.?!]+[.?!]*")
BANK_WEIGHT = 1.0  # a bank question counts as much as an example (cross-validated: less or more reads worse)
# how sure the word model alone must be (no pattern matched): cross-validated on the tuned wordings, about
# six in seven of its readings are right from 0.99 on (four in five from 0.95), and a wrong kind (the wrong
# rubric, false crosses) costs more than `open` (fewer findings)
WORDS_ALONE = 0.99


class KindLength(BaseModel):
    """How many words a good answer to a question of this kind takes."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: int = Field(ge=1)
    max: int = Field(ge=1)
    # from how many words "a good length" is said: about the shortest answers blind raters rated strong
    # (4 or 5) in the dev corpus; under it and over `min` no claim is made either way
    good: int | None = Field(default=None, ge=1)


class KindPatterns(BaseModel):
    """Regular expressions over a question's wording that say it is of this kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


class QuestionKind(BaseModel):
    """One kind of interview question (self-introduction, past behaviour, objection, ...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    label: Bilingual
    wants: Bilingual
    stage: Stage
    length: KindLength
    rubric: tuple[str, ...] = Field(min_length=1)
    exclude: tuple[str, ...] = ()
    depth: tuple[str, ...] = ()
    vocabulary: KindPatterns = KindPatterns()  # plain words, not patterns: what its answers talk about
    patterns: KindPatterns
    examples: KindPatterns = KindPatterns()  # wordings of questions of this kind, for the word model


@lru_cache(maxsize=1)
def load_kinds() -> dict[str, QuestionKind]:
    """Every question kind, as content/kinds.yaml lists them."""
    text = resources.files("coach.content").joinpath("kinds.yaml").read_text(encoding="utf-8")
    return {key: QuestionKind.model_validate({"id": key, **value}) for key, value in parse_yaml(text).items()}


def compile_patterns(kinds: Iterable[QuestionKind]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One case-blind pattern per kind that has any: its Dutch and English patterns as alternatives."""
    compiled = []
    for kind in kinds:
        patterns = (*kind.patterns.nl, *kind.patterns.en)
        if patterns:
            compiled.append((kind.id, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)))
    return tuple(compiled)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return compile_patterns(load_kinds().values())


def first_match(question: str, patterns: tuple[tuple[str, re.Pattern[str]], ...] | None = None) -> str:
    """The kind whose patterns match first, in the order of the file; `open` when none does.

    The pattern-only reading (no word model for a question no pattern matches), kept so the benchmark can
    put the patterns' own figure next to the full reading (benchmarks/bench_kinds.py)."""
    hit = _first_hit(" ".join(question.split()), patterns if patterns is not None else _compiled())
    return hit[0] if hit else FALLBACK


def _first_hit(text: str, pairs: tuple[tuple[str, re.Pattern[str]], ...]) -> tuple[str, str] | None:
    """(kind, the words its pattern matched) for the first kind in `pairs` whose patterns match `text`."""
    for kind_id, pattern in pairs:
        if matched := pattern.search(text):
            return kind_id, matched.group().strip()
    return None


@dataclass(frozen=True)
class KindEvidence:
    """Why a question was read as its kind, in the question's own words.

    `matched`: what a pattern of the kind matched (content/kinds.yaml `patterns`); `cues`: the question's
    words that speak most for the kind in the word model (a word pair as two words); `by`: what decided:
    "pattern" (a pattern of this kind matched, the first kind in the file's order of priority), "words" (no
    pattern matched and the word model was sure) or "none" (nothing said enough: `open`)."""

    by: Literal["pattern", "words", "none"]
    matched: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    confidence: float = 0.0  # the word model's probability of the kind (0-1)


def read_kind(
    question: str,
    *,
    patterns: tuple[tuple[str, re.Pattern[str]], ...] | None = None,
    model: WordModel | None = None,
) -> tuple[str, KindEvidence]:
    """The kind of a question from its wording, in Dutch or English, and why.

    The patterns go first. When one kind's patterns match, that kind it is; when several kinds' patterns
    match, the kind listed first in kinds.yaml wins: the file lists the kinds by priority, the form of
    question a candidate must answer to ("heb je nog vragen", "wat verwacht je qua salaris", "stel dat")
    before the topic it is about, so "Hoe zou je caching uitleggen aan de CEO?" is an explain question and
    not a technical one. (A word model choosing among the matching kinds was tried and measured: it read
    89.6% of held-out wordings right against 96.9% for this priority; docs/benchmarks.md.) When no pattern
    matches, the word model (a naive Bayes over words and word pairs, trained on kinds.yaml `examples` and
    the bank's questions) reads the kind, but only when it is sure (WORDS_ALONE); else the last question
    sentence is read alone (a preamble may blur the words), else the question is `open`.
    `patterns` and `model` replace the file's (the benchmark measures other ones with them)."""
    text = " ".join(question.split())
    pairs = patterns if patterns is not None else _compiled()
    model = model if model is not None else word_model()
    found = features(text)
    posterior = model.posterior(found)
    if hit := _first_hit(text, pairs):
        kind_id, said = hit
        return kind_id, KindEvidence(
            "pattern", (said,), model.cues(found, kind_id), _rounded(posterior, kind_id)
        )
    if not posterior:
        return FALLBACK, KindEvidence("none")
    best = max(posterior, key=lambda k: posterior[k])
    cues, confidence = model.cues(found, best), _rounded(posterior, best)
    if posterior[best] < WORDS_ALONE:
        asked = _question_proper(text)
        if asked != text:  # a preamble ("Oké, dan wil ik het even hebben over ...") may blur the words
            return read_kind(asked, patterns=patterns, model=model)
        return FALLBACK, KindEvidence("none", cues=cues, confidence=confidence)
    return best, KindEvidence("words", (), cues, confidence)


def _question_proper(text: str) -> str:
    """The last sentence that asks something (ends in a question mark), else the last sentence: what an
    interviewer asks after setting the topic."""
    sentences: list[str] = [m.group().strip() for m in _SENTENCE_RE.finditer(text) if m.group().strip()]
    asking = [s for s in sentences if s.endswith("?")]
    return (asking or sentences or [text])[-1]


def _rounded(posterior: dict[str, float], kind_id: str) -> float:
    return round(posterior.get(kind_id, 0.0), 3)


def classify(question: str) -> str:
    """The kind of a question from its wording, in Dutch or English; `open` when nothing says."""
    return read_kind(question)[0]


def training_examples() -> list[tuple[str, str, float]]:
    """(kind, wording, weight) for the word model: kinds.yaml `examples`, and the bank's questions at
    BANK_WEIGHT (not `open`: that is what is left when nothing says a kind)."""
    from coach.content.bank import load_questions

    examples = [
        (kind.id, text, 1.0)
        for kind in load_kinds().values()
        for text in (*kind.examples.nl, *kind.examples.en)
    ]
    examples += [
        (q.kind, q.text.get(lang), BANK_WEIGHT)
        for q in load_questions().values()
        if q.kind != FALLBACK
        for lang in ("nl", "en")
    ]
    return examples


@lru_cache(maxsize=1)
def word_model() -> WordModel:
    """The naive Bayes over question words, trained when first needed (a few milliseconds)."""
    return WordModel.train(training_examples())


def get_kind(kind_id: str) -> QuestionKind:
    """The kind with this id (raises KeyError for an unknown one)."""
    return load_kinds()[kind_id]
