"""The one-pager's figures as the candidate's facts: a practice answer that says otherwise gets a finding.

Compared: a percentage of target (the engine gives it the role target or result), a rank in a team, an
average deal size. A figure is contradicted only when it matches none of the one-pager's years or quarters
(within the engine's tolerances), so a quarter mentioned in an answer is not held against the year.
"""

from __future__ import annotations

from coach.analysis.arithmetic import PERCENT_TOLERANCE, PRODUCT_TOLERANCE, figure_roles
from coach.analysis.numbers import extract_numbers
from coach.analysis.types import Finding
from coach.i18n import N_, translate
from coach.sales.profile import Profile, money_text, percent_text

CRITERION = "onepager.facts"  # not a criterion file: the finding's source, for history and export


def _finding(lang: str, span: tuple[int, int], sheet: str, said: str) -> Finding:
    return Finding(
        CRITERION,
        "warning",
        translate(lang, N_("Your one-pager says {sheet}, here you say {said}."), sheet=sheet, said=said),
        translate(
            lang, N_("Use the same figures everywhere; a recruiter compares your answer with your one-pager.")
        ),
        (span,),
    )


def contradictions(text: str, lang: str, profile: Profile) -> list[Finding]:
    """Findings for the figures of `text` that contradict the one-pager."""
    lang = "nl" if lang == "nl" else "en"
    found: list[Finding] = []
    periods = profile.periods
    for role in figure_roles(text, extract_numbers(text, lang), lang):
        n = role.number
        if role.team:
            continue
        if n.kind == "percent" and role.role in ("target", "result") and not role.hedged:
            values = [p.percent for p in periods]
            if values and all(abs(n.value - v) > PERCENT_TOLERANCE for v in values):
                nearest = min(values, key=lambda v: abs(v - n.value))
                found.append(_finding(lang, n.span, percent_text(nearest, lang), n.text))
        elif n.kind == "rank" and n.of:
            pairs = [(p.rank, p.team_size) for p in periods if p.rank is not None and p.team_size is not None]
            if pairs and (int(n.value), int(n.of)) not in pairs:
                rank, size = pairs[-1]
                found.append(
                    _finding(
                        lang,
                        n.span,
                        translate(lang, N_("number {rank} of {size}"), rank=rank, size=size),
                        n.text,
                    )
                )
        elif n.kind == "money" and role.role == "average" and not role.hedged:
            values = [p.average_deal for p in periods if p.average_deal]
            if values and all(abs(n.value - v) > PRODUCT_TOLERANCE * v for v in values):
                nearest = min(values, key=lambda v: abs(v - n.value))
                found.append(_finding(lang, n.span, money_text(nearest, lang), n.text))
    return found
