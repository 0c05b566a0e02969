"""The buyer objections of the role-play and the scripted buyer's lines, validated when they load."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.analysis.rules import Bilingual
from coach.yaml_files import parse_yaml

Element = Literal["acknowledge", "question", "value", "next_step"]
Flag = Literal["ignored", "discount", "arguing", "pressure"]
ELEMENTS: tuple[Element, ...] = ("acknowledge", "question", "value", "next_step")
FLAGS: tuple[Flag, ...] = ("ignored", "discount", "arguing", "pressure")
CATEGORIES = (
    "price",
    "budget",
    "status_quo",
    "stalling",
    "authority",
    "time",
    "trust",
    "competitor",
    "contract",
    "risk",
    "need",
)


class Keywords(BaseModel):
    """Words per language that show an answer is about the objection (matched by stem)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: tuple[str, ...] = Field(min_length=2)
    en: tuple[str, ...] = Field(min_length=2)

    def get(self, lang: str) -> tuple[str, ...]:
        return self.nl if lang == "nl" else self.en


class Objection(BaseModel):
    """One buyer objection with what a good response does and a weak and a strong example answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    category: Literal[
        "price",
        "budget",
        "status_quo",
        "stalling",
        "authority",
        "time",
        "trust",
        "competitor",
        "contract",
        "risk",
        "need",
    ]
    text: Bilingual
    good: Bilingual
    weak: Bilingual
    strong: Bilingual
    keywords: Keywords
    also: tuple[str, ...] = ()
    pushback: dict[Element | Flag, Bilingual] = Field(default_factory=dict)


class IgnoredTexts(BaseModel):
    """The texts of the 'responds to the objection' check, which is part of the role-play, not a criterion."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Bilingual
    met: Bilingual
    warning: Bilingual
    tip: Bilingual


class BuyerScript(BaseModel):
    """The scripted buyer: in which order gaps are pushed on, and two lines per gap."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    order: tuple[Element | Flag, ...]
    pushback: dict[Element | Flag, tuple[Bilingual, ...]]
    ignored: IgnoredTexts

    @model_validator(mode="after")
    def _complete(self) -> BuyerScript:
        everything = set(ELEMENTS) | set(FLAGS)
        if set(self.order) != everything or len(self.order) != len(everything):
            raise ValueError("order must name every element and flag once")
        for key in everything:
            if len(self.pushback.get(key, ())) < 2:  # type: ignore[call-overload]
                raise ValueError(f"pushback {key} needs two lines")
        return self


class ObjectionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    objections: tuple[Objection, ...]

    @model_validator(mode="after")
    def _unique(self) -> ObjectionFile:
        ids = [o.id for o in self.objections]
        if len(ids) != len(set(ids)):
            raise ValueError("objection ids must be unique")
        return self


def _read(name: str) -> object:
    return parse_yaml(resources.files("coach.content").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_objections() -> tuple[Objection, ...]:
    """Every objection, in file order."""
    return ObjectionFile.model_validate(_read("objections.yaml")).objections


@lru_cache(maxsize=1)
def buyer_script() -> BuyerScript:
    """The scripted buyer's lines."""
    return BuyerScript.model_validate(_read("roleplay.yaml"))


def get_objection(objection_id: str) -> Objection | None:
    """One objection by id, or None."""
    return next((o for o in load_objections() if o.id == objection_id), None)
