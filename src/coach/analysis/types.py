"""Immutable records that the analysis produces: spans, numbers, findings and the feedback."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
Lang = Literal["nl", "en"]
Status = Literal["met", "missed", "warning"]
LANGS: tuple[Lang, Lang] = ("nl", "en")


@dataclass(frozen=True)
class Number:
    """A figure found in an answer, with its exact place and its parsed value."""

    text: str
    span: Span
    value: float
    kind: str  # money | percent | count | duration | rank | plain
    unit: str | None = None  # EUR, USD, %, a counted noun (deals, klanten), months, ...
    of: float | None = None  # for a rank: the size of the group ("3 of 12" -> 12)


@dataclass(frozen=True)
class Mismatch:
    """Figures in one answer that do not add up, with the arithmetic shown in both languages."""

    # percent_of_target | parts_total | count_times_average | rank_in_team | growth_rate | share_of_count
    rule: str
    spans: tuple[Span, ...]
    stated: float
    expected: float
    explanation: dict[str, str]  # {"nl": "...", "en": "..."}


@dataclass(frozen=True)
class Finding:
    """One criterion's verdict on an answer, pointing at the words it is about."""

    criterion: str
    status: Status
    message: str
    tip: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class QuestionRef:
    """Which question an answer was checked against and how sure the match is."""

    id: str | None
    text: str | None
    match: float
    sector: str
    kind: str | None = None  # content/kinds.yaml: self_intro, behavioural, objection, ... (None: no question)


@dataclass(frozen=True)
class Feedback:
    """The full result of checking one answer."""

    language: Lang
    question: QuestionRef
    score: int
    findings: tuple[Finding, ...]
    star: dict[str, tuple[Span, ...]]
    numbers: tuple[Number, ...]
    fillers: tuple[tuple[str, Span], ...]
    words: int
    sentences: int
    follow_up: str | None = None
    mismatches: tuple[Mismatch, ...] = field(default=())
    error: InputError | None = None
    rubric: tuple[str, ...] = ()  # the criteria this answer was judged on (its question's, or its kind's)
    band: str = "not_yet"  # not_yet | on_the_way | strong | excellent (analysis/bands.yaml)
    next_step: Finding | None = None  # the one change that would lift this answer most
    score_parts: dict[str, int] = field(default_factory=dict)  # points per feature, penalty, cap, ceiling
    unclaimed: tuple[str, ...] = ()  # criteria not met that the engine doesn't claim as findings (too unsure)


@dataclass(frozen=True)
class InputError:
    """Why an answer could not be checked: a stable code and a message in the user's language."""

    code: str
    message: str
