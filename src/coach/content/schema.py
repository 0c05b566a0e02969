"""The content schema of the question bank, validated when the bank loads and in the tests."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from coach.analysis.rules import Bilingual

Sector = Literal["it", "sales", "general"]
Level = Literal["junior", "medior", "senior"]

IT_ROLES = ("backend", "frontend", "data", "devops", "qa", "lead")
SALES_ROLES = ("sdr", "ae", "am", "se")
ROLES = (*IT_ROLES, *SALES_ROLES)
SECTOR_OF_ROLE = {**dict.fromkeys(IT_ROLES, "it"), **dict.fromkeys(SALES_ROLES, "sales")}

CATEGORIES: dict[str, tuple[str, ...]] = {
    "it": (
        "technical_depth",
        "problem_solving",
        "explain_simply",
        "disagreement",
        "remote_async",
        "mentoring",
        "ai_development",
        "keeping_up",
        "failed_project",
        "it_motivation",
        "it_terms",
    ),
    "sales": (
        "targets",
        "biggest_deal",
        "dry_spell",
        "rejection",
        "remote_selling",
        "tools_crm",
        "dutch_buyers",
        "procurement",
        "objections",
        "difficult_customer",
        "motivation",
        "sales_terms",
    ),
    "general": (
        "teamwork",
        "conflict",
        "leadership",
        "failure",
        "adaptability",
        "pressure",
        "feedback",
        "motivation_fit",
        "closing",
        "practicalities",
    ),
}


class BilingualList(BaseModel):
    """A list of texts in Dutch and English, the same length in both."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: tuple[str, ...] = Field(min_length=1)
    en: tuple[str, ...] = Field(min_length=1)

    def get(self, lang: str) -> tuple[str, ...]:
        return self.nl if lang == "nl" else self.en


def _known_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role family for an example: {role!r}")
    return role


RoleName = Annotated[str, AfterValidator(_known_role)]


class RoleExample(BaseModel):
    """One more strong example answer to the same question, told by someone in `role`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    role: RoleName
    strong: Bilingual


class ExampleAnswers(BaseModel):
    """A strong and a weak example answer in both languages, and more strong ones from other roles.

    `role` is the job of the person speaking in the examples (a role family such as `ae` or `backend`),
    when a file states it; None means "one of the question's roles". tests/content checks that it fits
    the question's sector and roles, so a salesperson's story can't stand as the model answer to an IT
    question. A general question (asked in IT and in sales interviews) has one strong example from each
    sector: `strong` from `role` and the other in `more`, and `strong_for` picks the one that fits the role
    being practised.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    strong: Bilingual
    weak: Bilingual
    role: RoleName | None = None
    more: tuple[RoleExample, ...] = ()

    def strongs(self) -> tuple[tuple[str | None, Bilingual], ...]:
        """Every strong example with the role of its speaker, the main one first."""
        return ((self.role, self.strong), *((extra.role, extra.strong) for extra in self.more))

    def strong_for(self, sector: str | None = None, role: str | None = None) -> Bilingual:
        """The strong example that fits the role (else the sector) being practised; else the main one."""
        found = self.strongs()
        by_role = next((text for speaker, text in found if role and speaker == role), None)
        wanted = SECTOR_OF_ROLE.get(role or "", sector)
        by_sector = next(
            (text for speaker, text in found if speaker and SECTOR_OF_ROLE[speaker] == wanted), None
        )
        return by_role or by_sector or self.strong


class Length(BaseModel):
    """How many words a good spoken or typed answer takes."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: int = Field(ge=1)
    max: int = Field(ge=1)



class Question(BaseModel):
    """One interview question with what it tests, its rubric and its example answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^(it|sales|general)\.[a-z0-9_]+$")
    sector: Sector
    category: str
    kind: str  # one of content/kinds.yaml: self_intro, behavioural, objection, ...
    roles: tuple[str, ...] = Field(min_length=1)
    levels: tuple[Level, ...] = Field(min_length=1)
    likely: tuple[Level, ...] = ()
    text: Bilingual
    tests: Bilingual
    rubric: tuple[str, ...] = Field(min_length=1)
    keywords: BilingualList
    examples: ExampleAnswers
    follow_ups: BilingualList
    mistakes: BilingualList
    length: Length | None = None

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, roles: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [r for r in roles if r not in (*ROLES, "any")]
        if unknown:
            raise ValueError(f"unknown role families: {unknown}")
        return roles

    def model_post_init(self, __context: object) -> None:
        from coach.content.kinds import load_kinds

        if self.kind not in load_kinds():
            raise ValueError(f"{self.id}: kind {self.kind!r} is not one of {tuple(load_kinds())}")
        if self.category not in CATEGORIES[self.sector]:
            raise ValueError(f"{self.id}: category {self.category!r} is not one of {CATEGORIES[self.sector]}")
        if not self.id.startswith(self.sector + "."):
            raise ValueError(f"{self.id}: id must start with its sector {self.sector!r}")

    @property
    def words_range(self) -> Length:
        """How many words a good answer takes: the question's own range, else its kind's."""
        from coach.content.kinds import get_kind

        bounds = get_kind(self.kind).length
        return self.length or Length(min=bounds.min, max=bounds.max)

    @property
    def stage(self) -> str:
        """Where an interview plan puts this question: opening, middle or closing."""
        from coach.content.kinds import get_kind

        return get_kind(self.kind).stage
