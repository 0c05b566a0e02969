"""Criteria as data: one YAML file per criterion under analysis/criteria/, its id taken from its path.

`criteria/impact/business.yaml` is the criterion `impact.business`. Its `extends` names one of a few
check types in checks.py; `script` criteria name a registered Python check in scripts.py.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

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

    def compiled(self, lang: str) -> re.Pattern[str] | None:
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


SENTENCE_START = r"(?:(?<![^.!?\n])|(?<=[.!?\n])\s*)"


def anchored(pattern: str) -> str:
    """A pattern that starts by covering its sentence (`[^.!?]*`) is tried only where a sentence starts.

    Unanchored, such a pattern is retried at every character of the sentence, which takes quadratic time.
    """
    return SENTENCE_START + pattern if pattern.startswith("[^.!?]*") else pattern


@lru_cache(maxsize=4096)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{anchored(p)})" for p in patterns), FLAGS)


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


class Part(BaseModel):
    """One element of a checklist criterion."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Bilingual
    patterns: PatternSet = PatternSet()
    follow_up: Bilingual | None = None


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
    min: int = Field(default=1, ge=1)
    min_met: int | None = None
    max_bad_share: float = 0.5
    patterns: PatternSet = PatternSet()
    bad_patterns: PatternSet = PatternSet()
    exceptions: PatternSet = PatternSet()
    parts: dict[str, Part] = {}
    params: dict[str, float] = {}
    messages: Messages
    tip: Bilingual
    follow_up: Bilingual | None = None
    examples: Examples

    @cached_property
    def group(self) -> str:
        return self.id.split(".", 1)[0]

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
