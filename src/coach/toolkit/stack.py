"""Stack-gap talking points: the candidate's stack against the employer's, from a table of equivalences.

stack.yaml holds the technologies (with other spellings and a kind), pairs whose concepts carry over (with
what to learn in each direction), the same cloud services under AWS, Azure and GCP names, and per kind what
carries over and the first steps of a learning plan. A stack is read from a list ("Java, Spring, Azure") or
from a job ad (every technology named in it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.toolkit.catalogue import Bilingual, read_data

CLOUDS = ("aws", "azure", "gcp")


class Technology(BaseModel):
    """A technology, its other spellings and its kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    also: tuple[str, ...] = ()
    kind: str
    case: bool = False


class Kind(BaseModel):
    """A kind of technology: what carries over within it, and a learning plan's first steps."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Bilingual
    carries: Bilingual
    plan: dict[str, tuple[str, ...]]


class Pair(BaseModel):
    """Two technologies whose concepts carry over, and what to learn coming to each of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    between: tuple[str, str]
    one_way: bool = False
    carries: Bilingual
    learn: dict[str, Bilingual]


class CloudService(BaseModel):
    """One cloud service concept under each provider's name."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    concept: Bilingual
    aws: str = Field(min_length=2)
    azure: str = Field(min_length=2)
    gcp: str = Field(min_length=2)


class TalkingPoints(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    carry: Bilingual
    related: Bilingual
    gap: Bilingual


class StackTable(BaseModel):
    """stack.yaml, validated: known ids, pairs in both directions unless one-way, full cloud rows."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    talking_point: TalkingPoints
    kinds: dict[str, Kind]
    technologies: dict[str, Technology]
    pairs: tuple[Pair, ...]
    cloud: tuple[CloudService, ...]

    @model_validator(mode="after")
    def _consistent(self) -> StackTable:
        for tech_id, tech in self.technologies.items():
            if tech.kind not in self.kinds:
                raise ValueError(f"technology {tech_id}: unknown kind {tech.kind!r}")
        for kind_id, kind in self.kinds.items():
            if set(kind.plan) != {"nl", "en"} or len(kind.plan["nl"]) != len(kind.plan["en"]):
                raise ValueError(f"kind {kind_id}: a plan in nl and en with the same number of steps")
        seen: set[frozenset[str]] = set()
        for pair in self.pairs:
            a, b = pair.between
            label = f"pair {a}-{b}"
            for tech_name in (a, b):
                if tech_name not in self.technologies:
                    raise ValueError(f"{label}: unknown technology {tech_name!r}")
            if a == b or frozenset((a, b)) in seen:
                raise ValueError(f"{label}: listed twice or with itself")
            seen.add(frozenset((a, b)))
            if self.technologies[a].kind != self.technologies[b].kind:
                raise ValueError(f"{label}: both must be of the same kind")
            wanted = {b} if pair.one_way else {a, b}
            if set(pair.learn) != wanted:
                raise ValueError(
                    f"{label}: `learn` must name exactly {sorted(wanted)} (both ways unless one_way)"
                )
        spellings: dict[str, str] = {}
        for tech_id, tech in self.technologies.items():
            for spelling in (tech.name, *tech.also):
                key = spelling.lower()
                if key in spellings and spellings[key] != tech_id:
                    raise ValueError(f"spelling {spelling!r} belongs to {spellings[key]} and {tech_id}")
                spellings[key] = tech_id
        if not all(c in self.technologies for c in CLOUDS):
            raise ValueError(f"technologies must include the clouds {CLOUDS}")
        return self

    def directions(self) -> dict[tuple[str, str], Pair]:
        """Every direction a pair holds in: (from, to) -> pair."""
        found: dict[tuple[str, str], Pair] = {}
        for pair in self.pairs:
            a, b = pair.between
            found[(a, b)] = pair
            if not pair.one_way:
                found[(b, a)] = pair
        return found


@lru_cache(maxsize=1)
def load_table() -> StackTable:
    """The equivalence table."""
    return StackTable.model_validate(read_data("stack.yaml"))


@dataclass(frozen=True)
class ParsedStack:
    """A stack as read: the known technologies (ids, in order) and the words that matched none."""

    known: tuple[str, ...]
    unknown: tuple[str, ...] = ()


def _lookup() -> dict[str, str]:
    table = load_table()
    return {s.lower(): t for t, tech in table.technologies.items() for s in (tech.name, *tech.also)}


SEPARATORS = re.compile(r"\s*(?:[,;|\n+]|/(?!\s*(?:CD|cd)\b)|\band\b|\ben\b|&)\s*")


def parse_stack(text: str) -> ParsedStack:
    """Read a list such as "Java, Spring Boot / Azure and Postgres" (any case) into known ids."""
    lookup = _lookup()
    known: list[str] = []
    unknown: list[str] = []
    for piece in SEPARATORS.split(text or ""):
        piece = piece.strip(" ()[]'\"").rstrip(".")
        if not piece:
            continue
        found = lookup.get(piece.lower())
        if found is None:
            unknown.append(piece)
        elif found not in known:
            known.append(found)
    return ParsedStack(tuple(known), tuple(dict.fromkeys(unknown)))


@lru_cache(maxsize=1)
def _ad_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = load_table()
    patterns = []
    for tech_id, tech in table.technologies.items():
        spellings = sorted((tech.name, *tech.also), key=len, reverse=True)
        body = "|".join(re.escape(s) for s in spellings)
        flags = 0 if tech.case else re.IGNORECASE
        patterns.append((tech_id, re.compile(rf"(?<![\w.#+-])(?:{body})(?![\w#+]|\.\w)", flags)))
    return tuple(patterns)


def stack_from_ad(ad: str) -> ParsedStack:
    """The technologies a job ad names, in the order they first appear (longer names win on overlap)."""
    hits: list[tuple[int, int, str]] = []
    for tech_id, pattern in _ad_patterns():
        for m in pattern.finditer(ad or ""):
            hits.append((m.start(), m.end(), tech_id))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    taken: list[tuple[int, int]] = []
    order: list[str] = []
    for start, end, tech_id in hits:
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        if tech_id not in order:
            order.append(tech_id)
    return ParsedStack(tuple(order))


@dataclass(frozen=True)
class GapItem:
    """One technology the employer wants: already had, carried over from one the candidate has, related
    (same kind), or a real gap with a learning plan; with what the candidate can say."""

    want: str
    status: str  # have | carries | related | gap
    have: str | None = None
    carries: str = ""
    learn: str = ""
    plan: tuple[str, ...] = ()
    talking_point: str = ""
    services: tuple[tuple[str, str, str], ...] = ()  # cloud: (concept, have's name, want's name)


@dataclass(frozen=True)
class GapReport:
    """The whole comparison, in one language."""

    have: ParsedStack
    want: ParsedStack
    items: tuple[GapItem, ...] = field(default=())

    def of(self, status: str) -> list[GapItem]:
        return [i for i in self.items if i.status == status]


def name(tech_id: str) -> str:
    """A technology's display name."""
    return load_table().technologies[tech_id].name


def _plan(kind: str, want: str, lang: str) -> tuple[str, ...]:
    """The learning plan's steps for `want`, each starting with a capital."""
    steps = (step.format(want=name(want)) for step in load_table().kinds[kind].plan[lang])
    return tuple(step[:1].upper() + step[1:] for step in steps)


def compare(have: ParsedStack, want: ParsedStack, lang: str) -> GapReport:
    """What of `have` carries over to each technology in `want`, and the learning plan for the real gaps."""
    table = load_table()
    directions = table.directions()
    points = table.talking_point
    items: list[GapItem] = []
    for w in want.known:
        kind = table.technologies[w].kind
        if w in have.known:
            items.append(GapItem(w, "have"))
            continue
        source = next((h for h in have.known if (h, w) in directions), None)
        if source is not None:
            pair = directions[(source, w)]
            carries, learn = pair.carries.get(lang), pair.learn[w].get(lang)
            services: tuple[tuple[str, str, str], ...] = ()
            if kind == "cloud":
                services = tuple(
                    (row.concept.get(lang), getattr(row, source), getattr(row, w)) for row in table.cloud
                )
            point = points.carry.get(lang).format(
                have=name(source), carries=carries, want=name(w), learn=learn
            )
            items.append(GapItem(w, "carries", source, carries, learn, (), point, services))
            continue
        related = next((h for h in have.known if table.technologies[h].kind == kind), None)
        if related is not None:
            carries = table.kinds[kind].carries.get(lang)
            point = points.related.get(lang).format(want=name(w), have=name(related), carries=carries)
            plan = _plan(kind, w, lang)
            items.append(GapItem(w, "related", related, carries, "", plan, point))
            continue
        plan = _plan(kind, w, lang)
        point = points.gap.get(lang).format(want=name(w))
        items.append(GapItem(w, "gap", None, "", "", plan, point))
    return GapReport(have, want, tuple(items))


def report_json(report: GapReport) -> dict[str, Any]:
    """The comparison as JSON (`coach stack-gap --json`, the API)."""
    return {
        "have": [name(t) for t in report.have.known],
        "want": [name(t) for t in report.want.known],
        "unknown": {"have": list(report.have.unknown), "want": list(report.want.unknown)},
        "items": [
            {
                "want": name(i.want),
                "status": i.status,
                "from": name(i.have) if i.have else None,
                "carries": i.carries,
                "learn": i.learn,
                "plan": list(i.plan),
                "talking_point": i.talking_point,
                "services": [{"concept": c, "from": a, "to": b} for c, a, b in i.services],
            }
            for i in report.items
        ],
    }


def all_technologies() -> list[tuple[str, str, str]]:
    """(id, name, kind) of every technology, by kind then name (for the pick lists)."""
    table = load_table()
    return sorted(
        ((t, tech.name, tech.kind) for t, tech in table.technologies.items()),
        key=lambda x: (x[2], x[1].lower()),
    )
