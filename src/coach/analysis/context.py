"""Everything the criteria look at, computed once per answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.analysis.literals import Haystack
from coach.analysis.rules import Matcher, fold
from coach.analysis.text import Sentence, Token
from coach.analysis.types import Lang, Mismatch, Number, Span

if TYPE_CHECKING:
    from coach.analysis.star import Cues
    from coach.content.schema import Question


@dataclass(frozen=True)
class Outcome:
    """What a check decided: a status, the evidence, and values for the message's placeholders.

    `claim` False: the outcome counts in the score but is not shown as a finding, because the check can't
    say it with confidence (a length in range but short of what a good answer takes, few counted fillers
    beside filler-like words the lexicon doesn't count).
    """

    status: str  # met | missed | warning
    spans: tuple[Span, ...] = ()
    values: dict[str, str] = field(default_factory=dict)
    follow_up: str | None = None
    claim: bool = True
    cap: int | None = None  # a cap this outcome sets on the score, beside the criterion's `cap` per status


@dataclass
class Analysis:
    """An answer taken apart: words, sentences, figures, STAR(R) parts and filler words."""

    text: str
    lang: Lang
    tokens: list[Token]
    sentences: list[Sentence]
    numbers: list[Number]
    sector: str
    question: Question | None = None
    question_text: str | None = None
    kind: str | None = None  # the question's kind (content/kinds.yaml); None when no question was given
    star: dict[str, list[Span]] = field(default_factory=dict)
    fillers: list[tuple[str, Span]] = field(default_factory=list)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    repeats: list[Span] | None = None  # repeated sentences, computed once (scripts.repeated_sentences)
    folded: str | None = field(init=False)  # the text in lower case for the patterns (rules.fold)
    # the folded text with the literal tests made in it (literals.py), shared by every pattern of the answer
    haystack: Haystack | None = field(init=False)
    # what each pattern (and its exceptions) found, for patterns that more than one check runs
    found: dict[tuple[Matcher, Matcher | None], list[Span]] = field(init=False, default_factory=dict)
    hedges: list[Span] | None = None  # the hedges, found once (fillers.find_hedges)
    cues: Cues | None = None  # what the STAR cues find per sentence, shared by star.segment and star.told

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self.haystack = Haystack(self.folded) if self.folded is not None else None

    @property
    def words(self) -> int:
        return len(self.tokens)

    def find(self, pattern: Matcher | None, exceptions: Matcher | None = None) -> list[Span]:
        """Spans where `pattern` matches, leaving out those that overlap a match of `exceptions`."""
        if pattern is None:
            return []
        known = self.found.get((pattern, exceptions))
        if known is not None:
            return list(known)
        spans = [m.span() for m in pattern.finditer(self.text, self.haystack) if m.end() > m.start()]
        if exceptions is not None and spans:
            found = exceptions.finditer(self.text, self.haystack)
            excluded = [m.span() for m in found if m.end() > m.start()]
            spans = [s for s in spans if not _overlaps_any(s, excluded)]
        self.found[(pattern, exceptions)] = spans
        return list(spans)


def _overlaps_any(span: Span, ranges: list[Span]) -> bool:
    """Whether `span` overlaps one of `ranges` (sorted by start, as finditer gives them)."""
    from bisect import bisect_left

    i = bisect_left(ranges, (span[1], -1))  # ranges starting before span's end are candidates
    return any(ranges[j][1] > span[0] for j in range(max(0, i - 50), i))
