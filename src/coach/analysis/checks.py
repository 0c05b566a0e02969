"""The generic check types that criterion files extend (after Vale's existence, occurrence, ...)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from coach.analysis.context import Analysis, Outcome
from coach.analysis.rules import Criterion, Part
from coach.analysis.types import Span


def existence(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Met when the patterns match at least `min` times; missed otherwise (no claim when `quiet_when`
    holds, as when a we-story makes "you don't involve others" beside the point)."""
    lang = analysis.lang
    spans = analysis.find(criterion.patterns.compiled(lang), criterion.exceptions.compiled(lang))
    if len(spans) >= criterion.min:
        # `claim_within`: claimed only when found in the first part of the answer ("you start from the
        # requirements" is not said of a "depends on" in passing at the end); `claim_min_hits`: only with
        # that many places to point at (one "instead of" is no alternative weighed)
        within = criterion.params.get("claim_within", 1.0)
        enough = len(set(spans)) >= criterion.params.get("claim_min_hits", 0)
        return Outcome("met", tuple(spans), claim=spans[0][0] <= within * len(analysis.text) and enough)
    return None if _quiet(analysis, criterion) else Outcome("missed")


def avoidance(analysis: Analysis, criterion: Criterion) -> Outcome:
    """A warning when the patterns match (something to avoid, such as blaming); met otherwise.

    Met as well when the criterion's `quiet_when` holds: its `more` wording outnumbers its `than` wording.
    """
    lang = analysis.lang
    spans = analysis.find(criterion.patterns.compiled(lang), criterion.exceptions.compiled(lang))
    if len(spans) < criterion.min:
        return Outcome("met", tuple(spans))
    if _quiet(analysis, criterion):
        return Outcome("met")
    return Outcome("warning", tuple(spans))


def _quiet(analysis: Analysis, criterion: Criterion) -> bool:
    quiet = criterion.quiet_when
    if quiet is None:
        return False
    more = analysis.find(quiet.more.compiled(analysis.lang))
    than = analysis.find(quiet.than.compiled(analysis.lang))
    return len(more) > len(than)


def balance(analysis: Analysis, criterion: Criterion) -> Outcome:
    """Weighs wanted (`patterns`) against unwanted (`bad_patterns`) wording, e.g. "I" against "we".

    Met when the unwanted share stays at or under `max_bad_share`; a warning when it is over it (claimed from
    `claim_min_share`); missed when neither kind of wording occurs.
    """
    lang = analysis.lang
    exceptions = criterion.exceptions.compiled(lang)
    good = analysis.find(criterion.patterns.compiled(lang), exceptions)
    bad = analysis.find(criterion.bad_patterns.compiled(lang), exceptions)
    if not good and not bad:
        return Outcome("missed")
    share = len(bad) / (len(good) + len(bad))
    values = {"good": str(len(good)), "bad": str(len(bad)), "share": f"{round(share * 100)}"}
    if share > criterion.max_bad_share and len(bad) >= criterion.min:
        # `claim_min_share`: claimed only when the unwanted wording clearly dominates (two "I"s beside four
        # "we"s may well be the key actions)
        claim = share >= criterion.params.get("claim_min_share", 0)
        return Outcome("warning", tuple(bad), values, claim=claim)
    return Outcome("met", tuple(good), values)


def checklist(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Counts which parts of a checklist the answer covers; names the missing ones in the message.

    Met when at least `min_met` parts (all, when not set) are covered; a warning when some are;
    missed when none are (no claim when `quiet_when` holds). The follow-up is that of the first missing
    part that has one.
    """
    exceptions = criterion.exceptions.compiled(analysis.lang)
    outcome = checklist_from(
        analysis, criterion, lambda _, part: analysis.find(part.patterns.compiled(analysis.lang), exceptions)
    )
    if outcome.status == "met" and len(set(outcome.spans)) < criterion.params.get("claim_min_hits", 0):
        # too little said to claim the tick ("if it fails you retry" is no account of the risks)
        return dataclasses.replace(outcome, claim=False)
    return None if outcome.status == "missed" and _quiet(analysis, criterion) else outcome


def checklist_from(
    analysis: Analysis, criterion: Criterion, hits_for: Callable[[str, Part], list[Span]]
) -> Outcome:
    """A checklist whose parts are found by `hits_for(key, part)` (patterns, STAR parts, figures...)."""
    lang = analysis.lang
    found: list[str] = []
    missing: list[str] = []
    spans: list[Span] = []
    follow_up: str | None = None
    for key, part in criterion.parts.items():
        hits = hits_for(key, part)
        if hits:
            found.append(part.label.get(lang))
            spans.extend(hits)
        else:
            missing.append(part.label.get(lang))
            if follow_up is None and part.follow_up is not None:
                follow_up = part.follow_up.get(lang)
    return checklist_outcome(criterion, lang, found, missing, spans, follow_up)


def checklist_outcome(
    criterion: Criterion,
    lang: str,
    found: list[str],
    missing: list[str],
    spans: list[tuple[int, int]],
    follow_up: str | None,
) -> Outcome:
    """Turn the covered and missing parts of a checklist into an outcome."""
    needed = criterion.min_met or len(criterion.parts)
    joiner = " en " if lang == "nl" else " and "
    values = {
        "found": _join(found, joiner),
        "missing": _join(missing, joiner),
        "count": str(len(found)),
        "total": str(len(found) + len(missing)),
    }
    if len(found) >= needed:
        status = "met"
    elif found:
        status = "warning"
    else:
        status = "missed"
    return Outcome(status, tuple(sorted(spans)), values, follow_up)


def _join(items: list[str], joiner: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + joiner + items[-1]


CHECKS: dict[str, Callable[[Analysis, Criterion], Outcome | None]] = {
    "existence": existence,
    "avoidance": avoidance,
    "balance": balance,
    "checklist": checklist,
}
