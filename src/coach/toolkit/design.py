"""The design drill: "how would you use X for Y?" for a sensible pair, judged step by step in order.

The catalogue (design.yaml) holds the technologies, the use cases with the technologies that fit them, the
justification's dimensions and the rubric's steps. An answer goes through coach.check() as a technical
question (it.requirements_first, it.alternatives, it.justification, it.risks) and through the criterion
drills.when_not; the steps are reported in the rubric's order, the missing ones named in that order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.analysis.context import Outcome
from coach.analysis.engine import evaluate as engine_evaluate
from coach.analysis.engine import make_finding, run_criterion
from coach.analysis.rules import load_criteria
from coach.analysis.types import Feedback, Span
from coach.toolkit.catalogue import Bilingual, Labelled, any_match, read_data

MIN_TECHNOLOGIES = 40
MIN_USE_CASES = 25
STEP_ORDER = ("requirements", "alternatives", "justification", "risks", "when_not")


class UseCase(BaseModel):
    """A use case and the technologies that make sense for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: str = Field(min_length=3)
    en: str = Field(min_length=3)
    security: bool = False
    fits: tuple[str, ...] = Field(min_length=2)

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Step(BaseModel):
    """One step of the design rubric and the criterion that judges it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    criterion: str
    label: Bilingual


class DesignCatalogue(BaseModel):
    """design.yaml, validated: enough technologies and use cases, every pair made of known ids."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    technologies: dict[str, Bilingual]
    use_cases: dict[str, UseCase]
    dimensions: dict[str, Labelled]
    steps: dict[str, Step]
    question: Bilingual

    @model_validator(mode="after")
    def _consistent(self) -> DesignCatalogue:
        if len(self.technologies) < MIN_TECHNOLOGIES:
            raise ValueError(f"at least {MIN_TECHNOLOGIES} technologies, not {len(self.technologies)}")
        if len(self.use_cases) < MIN_USE_CASES:
            raise ValueError(f"at least {MIN_USE_CASES} use cases, not {len(self.use_cases)}")
        used: set[str] = set()
        for use_id, use in self.use_cases.items():
            unknown = [t for t in use.fits if t not in self.technologies]
            if unknown:
                raise ValueError(f"use case {use_id}: unknown technologies {unknown}")
            if len(set(use.fits)) != len(use.fits):
                raise ValueError(f"use case {use_id}: a technology is listed twice")
            used.update(use.fits)
        unused = sorted(set(self.technologies) - used)
        if unused:
            raise ValueError(f"technologies that fit no use case: {unused}")
        if tuple(self.steps) != STEP_ORDER:
            raise ValueError(f"steps must be {list(STEP_ORDER)} in that order")
        if "security" not in self.dimensions:
            raise ValueError("the dimensions need `security`")
        return self


@lru_cache(maxsize=1)
def load_catalogue() -> DesignCatalogue:
    """The design drill's catalogue."""
    return DesignCatalogue.model_validate(read_data("design.yaml"))


@dataclass(frozen=True)
class DesignPrompt:
    """One pair of the drill: a technology for a use case."""

    tech: str
    use_case: str

    def question(self, lang: str) -> str:
        """The drill's question in `lang`."""
        catalogue = load_catalogue()
        use = catalogue.use_cases[self.use_case].get(lang)
        return catalogue.question.get(lang).format(
            tech=catalogue.technologies[self.tech].get(lang), use=use, Use=use[:1].upper() + use[1:]
        )

    def as_json(self) -> dict[str, str]:
        return {"tech": self.tech, "use_case": self.use_case}


def pairs() -> list[DesignPrompt]:
    """Every sensible pair, by use case then technology as listed."""
    return [DesignPrompt(t, u) for u, use in load_catalogue().use_cases.items() for t in use.fits]


class UnknownPair(ValueError):
    """A technology and use case that the catalogue does not combine."""


def pick(seed: int | None = None, tech: str | None = None, use_case: str | None = None) -> DesignPrompt:
    """A pair at random (the same seed gives the same pair), optionally with the technology or use case given.

    Raises UnknownPair when the given technology and use case don't make a pair.
    """
    candidates = [p for p in pairs() if (tech in (None, p.tech)) and (use_case in (None, p.use_case))]
    if not candidates:
        raise UnknownPair(f"no pair for technology {tech!r} and use case {use_case!r}")
    return random.Random(seed).choice(candidates)


@dataclass(frozen=True)
class StepResult:
    """How an answer did on one step of the rubric."""

    key: str
    label: str
    status: str  # met | missed | warning
    message: str
    tip: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class DesignResult:
    """The drill's verdict: the engine's feedback, the steps in order, and the justification's dimensions."""

    prompt: DesignPrompt
    question: str
    feedback: Feedback
    steps: tuple[StepResult, ...]
    dimensions_named: tuple[str, ...]
    dimensions_missing: tuple[str, ...]

    @property
    def missing(self) -> tuple[StepResult, ...]:
        """The steps not (fully) taken, in the rubric's order."""
        return tuple(s for s in self.steps if s.status != "met")

    @property
    def met_count(self) -> int:
        return sum(1 for s in self.steps if s.status == "met")


SECURITY_MISSING = {
    "nl": "Je onderbouwt je keuze, maar zegt niets over beveiliging, en bij {use} weegt dat zwaar.",
    "en": "You justify your choice but say nothing about security, which weighs heavily for {use}.",
}
DIMENSIONS_NOTE = {
    "nl": " Nog niet genoemd: {missing}.",
    "en": " Not mentioned yet: {missing}.",
}


def _step(
    key: str, step: Step, answer: str, lang: str, outcomes: dict[str, Outcome]
) -> tuple[str, str, str, tuple[Span, ...]]:
    """(status, message, tip, spans) of one step: from the engine's outcome when the criterion ran (the
    drill names every step, claimed as a finding or not), else from running the criterion on its own."""
    criterion = load_criteria()[step.criterion]
    tip = criterion.tip.get(lang)
    if step.criterion in outcomes:
        found = make_finding(criterion, outcomes[step.criterion], lang, len(answer))  # type: ignore[arg-type]
        return found.status, found.message, found.tip, found.spans
    outcome = run_criterion(answer, step.criterion, lang)  # type: ignore[arg-type]
    status = outcome.status if outcome else "missed"
    return status, criterion.message(status, lang), tip, tuple(outcome.spans) if outcome else ()


def evaluate(answer: str, prompt: DesignPrompt, lang: str) -> DesignResult:
    """Judge a design answer: the engine's feedback on the technical question, and the steps in order."""
    catalogue = load_catalogue()
    question = prompt.question(lang)
    feedback, results = engine_evaluate(answer, question=question, lang=lang)
    outcomes = {criterion.id: outcome for criterion, outcome in results}
    use = catalogue.use_cases[prompt.use_case]
    wanted = [k for k in catalogue.dimensions if k != "security" or use.security]
    named = tuple(k for k in wanted if any_match(catalogue.dimensions[k].patterns.get(lang), answer))
    missing_dims = tuple(k for k in wanted if k not in named)
    steps: list[StepResult] = []
    for key, step in catalogue.steps.items():
        status, message, tip, spans = _step(key, step, answer, lang, outcomes)
        if key == "justification":
            if status == "met" and use.security and "security" in missing_dims:
                status = "warning"
                message = SECURITY_MISSING[lang].format(use=use.get(lang))
            if missing_dims:
                labels = ", ".join(catalogue.dimensions[k].label.get(lang) for k in missing_dims)
                message += DIMENSIONS_NOTE[lang].format(missing=labels)
        steps.append(StepResult(key, step.label.get(lang), status, message, tip, spans))
    return DesignResult(prompt, question, feedback, tuple(steps), named, missing_dims)


def result_json(result: DesignResult, lang: str) -> dict[str, Any]:
    """The drill's verdict as JSON (saved with the attempt, returned by the API)."""
    catalogue = load_catalogue()
    return {
        "drill": "design",
        "prompt": result.prompt.as_json(),
        "question": result.question,
        "score": result.feedback.score,
        "band": result.feedback.band,
        "steps": [
            {
                "key": s.key,
                "label": s.label,
                "status": s.status,
                "message": s.message,
                "tip": s.tip,
                "spans": [list(x) for x in s.spans],
            }
            for s in result.steps
        ],
        "missing": [s.key for s in result.missing],
        "dimensions": {
            "named": [catalogue.dimensions[k].label.get(lang) for k in result.dimensions_named],
            "missing": [catalogue.dimensions[k].label.get(lang) for k in result.dimensions_missing],
        },
    }
