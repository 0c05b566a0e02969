"""Preparation content beside the question bank: questions to ask the interviewer and checklists.

Both live in YAML files in this package (interviewer_questions.yaml, checklists.yaml), keyed by sector.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.analysis.rules import Bilingual
from coach.content.schema import Level
from coach.yaml_files import parse_yaml

QUESTIONS_FILE = "interviewer_questions.yaml"
CHECKLISTS_FILE = "checklists.yaml"
QUESTION_SECTORS: tuple[str, ...] = ("it", "sales", "general")
CHECKLIST_SECTORS: tuple[str, ...] = ("it", "sales", "both")


class InterviewerQuestion(BaseModel):
    """A question the candidate can ask at the end of an interview, and what it uncovers."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: Bilingual
    why: Bilingual
    level: tuple[Level, ...] = Field(min_length=1)
    topic: str | None = Field(default=None, pattern=r"^[a-z][a-z_]*$")  # what it is about (IT toolkit groups)

    @field_validator("level")
    @classmethod
    def _no_repeated_levels(cls, level: tuple[Level, ...]) -> tuple[Level, ...]:
        if len(set(level)) != len(level):
            raise ValueError(f"a level is listed twice: {list(level)}")
        return level

    def fits(self, level: str) -> bool:
        """Whether the question suits a candidate at this level."""
        return level in self.level


class ChecklistItem(BaseModel):
    """One preparation step: a short instruction and how to carry it out."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
    item: Bilingual
    detail: Bilingual


M = TypeVar("M", bound=BaseModel)


def _read(filename: str) -> object:
    text = resources.files("coach.content").joinpath(filename).read_text(encoding="utf-8")
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{filename}: the file is not valid YAML: {exc}") from exc


def _validate(
    data: object, filename: str, model: type[M], sectors: Sequence[str]
) -> dict[str, tuple[M, ...]]:
    """Validate the sector mapping read from `filename`, naming the file and entry on any error."""
    if not isinstance(data, dict):
        raise ValueError(f"{filename}: expected a mapping of sectors {list(sectors)}")
    missing = [s for s in sectors if s not in data]
    unknown = [k for k in data if k not in sectors]
    if missing or unknown:
        raise ValueError(
            f"{filename}: sectors must be exactly {list(sectors)}; missing {missing}, unknown {unknown}"
        )
    result: dict[str, tuple[M, ...]] = {}
    for sector in sectors:
        entries = data[sector]
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"{filename}: {sector}: expected a non-empty list of entries")
        parsed: list[M] = []
        for index, entry in enumerate(entries):
            label = f"{sector}[{index}]"
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                label += f" ({entry['id']})"
            try:
                parsed.append(model.model_validate(entry))
            except ValidationError as exc:
                raise ValueError(f"{filename}: entry {label}: {exc}") from exc
        result[sector] = tuple(parsed)
    return result


def _check_unique_ids(checklists: dict[str, tuple[ChecklistItem, ...]], filename: str) -> None:
    seen: dict[str, str] = {}
    for sector, items in checklists.items():
        for item in items:
            if item.id in seen:
                raise ValueError(
                    f"{filename}: entry {sector} ({item.id}): id already used in sector {seen[item.id]}"
                )
            seen[item.id] = sector


@lru_cache(maxsize=1)
def load_interviewer_questions() -> dict[str, tuple[InterviewerQuestion, ...]]:
    """Load the questions to ask the interviewer, per sector (it, sales, general)."""
    return _validate(_read(QUESTIONS_FILE), QUESTIONS_FILE, InterviewerQuestion, QUESTION_SECTORS)


@lru_cache(maxsize=1)
def load_checklists() -> dict[str, tuple[ChecklistItem, ...]]:
    """Load the preparation checklists, per sector (it, sales, both)."""
    checklists = _validate(_read(CHECKLISTS_FILE), CHECKLISTS_FILE, ChecklistItem, CHECKLIST_SECTORS)
    _check_unique_ids(checklists, CHECKLISTS_FILE)
    return checklists
