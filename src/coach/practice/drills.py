"""A drill: a short practice interview made of bank questions that all test one criterion."""

from __future__ import annotations

import random

from coach.content.bank import load_questions
from coach.content.schema import Question
from coach.practice.plan import Plan, PlanError

DRILL_ROLE = "any"
DRILL_LEVEL = "medior"
SECTORS = ("it", "sales")  # an interview's sector (general questions belong to both)


def drill_questions(criterion_id: str) -> list[Question]:
    """The bank questions whose rubric contains `criterion_id`, in id order."""
    return sorted(
        (q for q in load_questions().values() if criterion_id in q.rubric),
        key=lambda q: q.id,
    )


def make_drill_plan(
    criterion_id: str, lang: str, sector: str | None = None, count: int = 3, seed: int | None = None
) -> Plan:
    """A reproducible drill of `count` questions (fewer if the bank has fewer) testing `criterion_id`.

    The questions of `sector` come first, then general ones, then the other sector's; within each group
    the seed decides, and a category not used yet goes before a repeated one. The same seed gives the
    same drill. Raises PlanError when no question tests the criterion.
    """
    if lang not in ("nl", "en"):
        raise PlanError(f"language must be nl or en, not {lang!r}")
    if count < 1:
        raise PlanError(f"a drill needs at least one question, not {count}")
    pool = drill_questions(criterion_id)
    if not pool:
        raise PlanError(f"no question in the bank tests {criterion_id!r}")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    rng = random.Random(seed)

    def tier(q: Question) -> int:
        if sector is None:
            return 0
        return 0 if q.sector == sector else 1 if q.sector == "general" else 2

    shuffled = list(pool)
    rng.shuffle(shuffled)
    chosen: list[Question] = []
    categories: set[str] = set()
    for rank in sorted({tier(q) for q in shuffled}):
        group = [q for q in shuffled if tier(q) == rank]
        while group and len(chosen) < count:
            pick = next((q for q in group if q.category not in categories), group[0])
            group.remove(pick)
            chosen.append(pick)
            categories.add(pick.category)
    return Plan(
        _plan_sector(chosen, sector), DRILL_ROLE, DRILL_LEVEL, lang, seed, tuple(q.id for q in chosen)
    )


def _plan_sector(questions: list[Question], preferred: str | None) -> str:
    """The drill's sector, it or sales as for every interview: the one most of its questions belong to.

    General questions belong to either; a drill of only general questions takes the preferred sector,
    else it.
    """
    counts: dict[str, float] = {sector: sum(q.sector == sector for q in questions) for sector in SECTORS}
    if preferred in SECTORS:
        counts[preferred] += 0.5  # breaks a tie, and decides when all questions are general
    return max(SECTORS, key=lambda sector: counts[sector])
