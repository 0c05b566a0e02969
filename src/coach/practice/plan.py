"""Plan a realistic mock interview: an opener, a 60/40 mix of sector and behavioural questions, a closer."""

from __future__ import annotations

import random
from dataclasses import dataclass

from coach.content.bank import load_questions
from coach.content.schema import IT_ROLES, SALES_ROLES, Question

MINUTES_PER_QUESTION = 4.5
SECTOR_SHARE = 0.6
CLOSING_ID = "general.questions_for_us"


class PlanError(ValueError):
    """The settings don't allow a plan (unknown sector, role or level)."""


@dataclass(frozen=True)
class Plan:
    """The questions of one mock interview, in the order they will be asked."""

    sector: str
    role: str
    level: str
    lang: str
    seed: int
    question_ids: tuple[str, ...]


def questions_for(count: int | None, minutes: int | None) -> int:
    """How many questions an interview of `count` questions or `minutes` minutes has (3 to 20)."""
    if count is None:
        count = round((minutes or 30) / MINUTES_PER_QUESTION)
    return max(3, min(20, count))


def _fits(q: Question, role: str, level: str) -> bool:
    return (role in q.roles or "any" in q.roles) and level in q.levels


def _pick(
    rng: random.Random,
    pool: list[Question],
    n: int,
    level: str,
    used_categories: set[str],
    taken: list[Question],
    distinct: bool = True,
) -> list[Question]:
    """Pick up to `n` questions, near-certain ones for the level more often, no two of one category.

    With `distinct` off, a category may repeat (never a question): the last resort for a role with
    few questions.
    """
    chosen: list[Question] = []
    weighted = sorted(pool, key=lambda q: rng.random() * (0.4 if level in q.likely else 1.0))
    for q in weighted:
        if len(chosen) == n:
            break
        if q in taken or q in chosen or (distinct and q.category in used_categories):
            continue
        chosen.append(q)
        used_categories.add(q.category)
    return chosen


def make_plan(
    sector: str,
    role: str,
    level: str,
    lang: str,
    count: int | None = None,
    minutes: int | None = None,
    seed: int | None = None,
) -> Plan:
    """A reproducible interview plan for the settings; the same seed gives the same plan."""
    roles = {"it": IT_ROLES, "sales": SALES_ROLES}
    if sector not in roles:
        raise PlanError(f"sector must be it or sales, not {sector!r}")
    if role not in roles[sector]:
        raise PlanError(f"role for {sector} must be one of {', '.join(roles[sector])}, not {role!r}")
    if level not in ("junior", "medior", "senior"):
        raise PlanError(f"level must be junior, medior or senior, not {level!r}")
    if lang not in ("nl", "en"):
        raise PlanError(f"language must be nl or en, not {lang!r}")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    rng = random.Random(seed)
    total = questions_for(count, minutes)
    bank = [q for q in load_questions().values() if _fits(q, role, level)]

    if sector == "sales":  # the targets question opens practically every sales interview
        openers = [q for q in bank if q.stage == "opening" and q.category == "targets"]
    else:
        openers = [q for q in bank if q.stage == "opening" and q.sector in ("it", "general")]
    if not openers:
        openers = [q for q in bank if q.stage == "opening"]
    opener = rng.choice(sorted(openers, key=lambda q: q.id))
    used = {opener.category}

    middle_n = total - 2
    sector_n = round(middle_n * SECTOR_SHARE)
    sector_pool = sorted(
        (q for q in bank if q.sector == sector and q.stage == "middle" and q is not opener),
        key=lambda q: q.id,
    )
    general_pool = sorted(
        (q for q in bank if q.sector == "general" and q.stage == "middle"),
        key=lambda q: q.id,
    )
    sector_qs = _pick(rng, sector_pool, sector_n, level, used, [opener])
    general_qs = _pick(rng, general_pool, middle_n - len(sector_qs), level, used, [opener])
    short = middle_n - len(sector_qs) - len(general_qs)
    if short > 0:  # a role with few distinct categories: repeat a category rather than end early
        sector_qs += _pick(rng, sector_pool, short, level, used, [opener, *sector_qs], distinct=False)
        short = middle_n - len(sector_qs) - len(general_qs)
        general_qs += _pick(rng, general_pool, short, level, used, [opener, *general_qs], distinct=False)

    middle: list[Question] = []
    s_iter, g_iter = iter(sector_qs), iter(general_qs)
    for i in range(len(sector_qs) + len(general_qs)):
        # Spread behavioural questions evenly between the sector ones.
        want_general = len(general_qs) and (i + 1) % round(1 / (1 - SECTOR_SHARE)) == 0
        nxt = next(g_iter, None) if want_general else next(s_iter, None)
        if nxt is None:
            nxt = next(s_iter, None) or next(g_iter, None)
        if nxt is not None:
            middle.append(nxt)
    ids = (opener.id, *(q.id for q in middle), CLOSING_ID)
    return Plan(sector, role, level, lang, seed, ids)
