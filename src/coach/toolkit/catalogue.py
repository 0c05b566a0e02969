"""Shared pieces of the toolkit's catalogues: reading a data file, bilingual text, pattern lists."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from coach.analysis.rules import Bilingual, PatternSet
from coach.yaml_files import parse_yaml

__all__ = ["Bilingual", "PatternSet", "Labelled", "read_data", "any_match", "compiled"]


class Labelled(BaseModel):
    """A label in both languages with the patterns that find it in an answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Bilingual
    patterns: PatternSet


def read_data(filename: str) -> Any:
    """Parse one of the toolkit's YAML files, naming the file on an error."""
    text = resources.files("coach.toolkit").joinpath(filename).read_text(encoding="utf-8")
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{filename}: the file is not valid YAML: {exc}") from exc


@lru_cache(maxsize=512)
def compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for any of `patterns`."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.UNICODE)


def any_match(patterns: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """The spans in `text` where any of `patterns` matches."""
    pattern = compiled(patterns)
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
