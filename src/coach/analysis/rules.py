"""Criteria as data: one YAML file per criterion under analysis/criteria/, its id taken from its path.

`criteria/impact/business.yaml` is the criterion `impact.business`. Its `extends` names one of a few
check types in checks.py; `script` criteria name a registered Python check in scripts.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from coach.analysis.literals import Alternation, Haystack, ignorecase_haystack
from coach.yaml_files import parse_yaml

CheckType = Literal["existence", "avoidance", "balance", "checklist", "script"]
FLAGS = re.IGNORECASE | re.UNICODE


class Bilingual(BaseModel):
    """A text in Dutch and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class PatternSet(BaseModel):
    """Regular expressions per language."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.nl if lang == "nl" else self.en

    def compiled(self, lang: str) -> Matcher | None:
        return _compile(self.get(lang))

    def errors(self) -> list[str]:
        """Patterns that don't compile, with the reason (checked by the tests, not on every load)."""
        problems = []
        for pattern in (*self.nl, *self.en):
            try:
                re.compile(pattern, FLAGS)
            except re.error as exc:
                problems.append(f"{pattern!r}: {exc}")
        return problems


# The lower-cased text a Matcher searches (rules.fold), as a plain string or as a Haystack that remembers
# the literal tests already made in it (one per answer); None when the text can't be folded.
Folded = str | Haystack | None

SENTENCE_START = r"(?:(?<![^.!?\n])|(?<=[.!?\n])\s*)"


def anchored(pattern: str) -> str:
    """A pattern that starts by covering its sentence (`[^.!?]*`) is tried only where a sentence starts.

    Unanchored, such a pattern is retried at every character of the sentence, which takes quadratic time.
    """
    return SENTENCE_START + pattern if pattern.startswith("[^.!?]*") else pattern


class Matcher:
    """A criterion's patterns, compiled twice: in lower case for lower-cased text, matched case-sensitively
    (three times faster than IGNORECASE in Python's re), and with IGNORECASE for text whose lower case has
    another length ("İ"), where spans would shift. Patterns with a case-sensitive part (`(?-i:IT)`) are only
    compiled with IGNORECASE. The IGNORECASE form is compiled on first use: most answers never need it.

    Each form is an `Alternation` of the patterns, which leaves out the patterns that can't match a text
    (literals.py) and finds the same matches as the one alternation `(?:p1)|(?:p2)|...` would.
    `alive_in` tells which patterns can match in each sentence of an answer at once, from the literal tests
    made in the whole answer."""

    __slots__ = ("source", "patterns", "folded", "_cased")

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        self.source = "|".join(f"(?:{p})" for p in self.patterns)
        foldable = "(?-i:" not in self.source
        self.folded = Alternation([fold_pattern(p) for p in self.patterns], re.UNICODE) if foldable else None
        self._cased: Alternation | None = None

    @property
    def cased(self) -> re.Pattern[str]:
        """The patterns as one alternation with IGNORECASE, for the text as written."""
        return self._ignorecase().whole

    def _ignorecase(self) -> Alternation:
        if self._cased is None:
            self._cased = Alternation(self.patterns, FLAGS)
        return self._cased

    def _form(self, text: str, folded: Folded) -> tuple[Alternation, str, Haystack]:
        """The form to use, the text to search with it (`folded`, `fold(text)`, if there is one and the
        patterns can be folded, else `text`) and the haystack for its literal tests."""
        if folded is not None and self.folded is not None:
            if isinstance(folded, Haystack):
                return self.folded, folded.text, folded
            return self.folded, folded, Haystack(folded)
        return self._ignorecase(), text, ignorecase_haystack(text)

    def alive_in(self, text: str, folded: Folded, spans: Sequence[tuple[int, int]]) -> list[list[int] | None]:
        """For each of `spans` (in order, not overlapping), the patterns that could match its part of `text`
        searched on its own: the `alive` lists for the methods below."""
        alternation, _, haystack = self._form(text, folded)
        return alternation.alive_in(haystack, spans)

    def finditer(self, text: str, folded: Folded, alive: list[int] | None = None) -> Iterator[re.Match[str]]:
        """Matches in `text` (searched in `folded` when possible; the spans are the same). With `alive`,
        only those patterns are tried (from `alive_in`: the others can't match)."""
        return self._run("finditer", text, folded, alive)  # type: ignore[no-any-return]

    def search(self, text: str, folded: Folded, alive: list[int] | None = None) -> bool:
        """Whether the patterns match anywhere in `text`."""
        return self._run("search", text, folded, alive)  # type: ignore[no-any-return]

    def match(self, text: str, folded: Folded, alive: list[int] | None = None) -> bool:
        """Whether the patterns match at the start of `text`."""
        return self._run("match", text, folded, alive)  # type: ignore[no-any-return]

    def _run(self, how: str, text: str, folded: Folded, alive: list[int] | None) -> Any:
        """Alternation.<how> on the form of `text` to search: with `alive`, the plain text and only those
        patterns; else with the haystack that lets the alternation skip patterns itself."""
        if alive is not None:
            alternation, searched = self._plain_form(text, folded)
            return getattr(alternation, how)(searched, None, alive)
        alternation, searched, haystack = self._form(text, folded)
        return getattr(alternation, how)(searched, haystack)

    def count(self, text: str, folded: Folded, alive: list[int] | None = None) -> int:
        """How many times the patterns match in `text` (as `len(findall(...))`)."""
        return sum(1 for _ in self.finditer(text, folded, alive))

    def _plain_form(self, text: str, folded: Folded) -> tuple[Alternation, str]:
        if folded is not None and self.folded is not None:
            return self.folded, folded.text if isinstance(folded, Haystack) else folded
        return self._ignorecase(), text


def fold(text: str) -> str | None:
    """`text` in lower case for folded matching, or None when that changes its length (so its spans)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def fold_pattern(pattern: str) -> str:
    """`pattern` with its letters in lower case; escapes (\\B, \\W, \\S, \\D, \\A, \\Z) stay as they are."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        lowered = pattern[i].lower()
        out.append(lowered if len(lowered) == 1 else pattern[i])
        i += 1
    return "".join(out)


def compile_alternatives(patterns: Iterable[str]) -> Matcher:
    """One Matcher for any of `patterns`."""
    return Matcher(tuple(patterns))


@lru_cache(maxsize=4096)
def _compile(patterns: tuple[str, ...]) -> Matcher | None:
    if not patterns:
        return None
    return compile_alternatives(anchored(p) for p in patterns)


class Messages(BaseModel):
    """What the finding says for each status it can take."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    met: Bilingual | None = None
    missed: Bilingual | None = None
    warning: Bilingual | None = None


class Examples(BaseModel):
    """Answers on which the criterion must pass (good) and fail (bad), in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    good: dict[Literal["nl", "en"], tuple[str, ...]]
    bad: dict[Literal["nl", "en"], tuple[str, ...]]
    question: str | None = None  # the bank question the examples answer, for criteria that need one


class Part(BaseModel):
    """One element of a checklist criterion."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Bilingual
    patterns: PatternSet = PatternSet()
    follow_up: Bilingual | None = None


class QuietWhen(BaseModel):
    """A criterion stays quiet when the answer has more matches of `more` than of `than`: an avoidance
    check reports nothing to avoid, an existence or checklist check makes no claim instead of a cross
    (lone_wolf and teamwork in a story told with "we": the first-person criterion already says so)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    more: PatternSet
    than: PatternSet


class Criterion(BaseModel):
    """A criterion file, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    extends: CheckType
    name: Bilingual
    description: str = Field(min_length=10)
    script: str | None = None
    always: bool = False
    weight: float = Field(default=1.0, ge=0)
    penalty: float = Field(default=0.0, ge=0)
    warning_value: float = Field(default=0.5, ge=0, le=1)  # share of the weight a warning still earns
    cap: dict[Literal["met", "missed", "warning"], int] = {}
    cap_kinds: tuple[str, ...] = ()  # the question kinds (behavioural, ...) the caps hold for; empty: all
    # the question kinds the criterion runs for at all; empty: all (a mortgage named as the ground for a
    # salary is a demand, the same house in a motivation answer is not)
    only_kinds: tuple[str, ...] = ()
    min: int = Field(default=1, ge=1)
    min_met: int | None = None
    max_bad_share: float = 0.5
    patterns: PatternSet = PatternSet()
    bad_patterns: PatternSet = PatternSet()
    exceptions: PatternSet = PatternSet()
    parts: dict[str, Part] = {}
    quiet_when: QuietWhen | None = None
    # no claim at all for a question asked in these words (read in the question, not the answer): value
    # selling is beside the point of a brush-off such as "just send me some information"
    quiet_for: PatternSet = PatternSet()
    # a met outcome is claimed (shown as a tick) only when these also match the answer: "you back your choice
    # with reasons" needs a choice said; without them it counts in the score but is not claimed
    claim_when: PatternSet = PatternSet()
    params: dict[str, float] = {}
    messages: Messages
    tip: Bilingual
    follow_up: Bilingual | None = None
    examples: Examples

    @cached_property
    def group(self) -> str:
        return self.id.split(".", 1)[0]

    def runs_for(self, kind: str | None) -> bool:
        """Whether the criterion runs at all for a question of this kind (`only_kinds`)."""
        return not self.only_kinds or kind in self.only_kinds

    def message(self, status: str, lang: str) -> str:
        bilingual = getattr(self.messages, status)
        if bilingual is None:
            raise ValueError(f"criterion {self.id} has no {status} message")
        return str(bilingual.get(lang))


def _criterion_files() -> list[tuple[str, Traversable]]:
    root = resources.files("coach.analysis").joinpath("criteria")
    found: list[tuple[str, Traversable]] = []
    for group in sorted(root.iterdir(), key=lambda p: p.name):
        if not group.is_dir() or group.name.startswith(("_", ".")):
            continue
        for file in sorted(group.iterdir(), key=lambda p: p.name):
            if file.name.endswith(".yaml"):
                found.append((f"{group.name}.{file.name[:-5]}", file))
    return found


@lru_cache(maxsize=1)
def load_criteria() -> dict[str, Criterion]:
    """Load and validate every criterion file; the id comes from the file's path."""
    criteria: dict[str, Criterion] = {}
    for criterion_id, file in _criterion_files():
        try:
            data = parse_yaml(file.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"criterion {criterion_id}: the file is not valid YAML: {exc}") from exc
        if "id" in data and data["id"] != criterion_id:
            raise ValueError(f"{criterion_id}: id {data['id']!r} does not match the file's path")
        data["id"] = criterion_id
        try:
            criteria[criterion_id] = Criterion.model_validate(data)
        except ValueError as exc:
            raise ValueError(f"criterion {criterion_id}: {exc}") from exc
    return criteria


def rubric_names(rubric: tuple[str, ...], lang: str) -> tuple[list[str], list[str]]:
    """The names of a rubric's criteria in `lang`: what a strong answer has, and what it avoids."""
    criteria = load_criteria()
    known = [criteria[c] for c in rubric if c in criteria]
    has = [c.name.get(lang) for c in known if c.extends != "avoidance"]
    avoids = [c.name.get(lang) for c in known if c.extends == "avoidance"]
    return has, avoids
