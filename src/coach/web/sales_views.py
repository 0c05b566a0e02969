"""What history and progress show of the sales toolkit: finished role-plays and pitches, and their scores."""

from __future__ import annotations

from collections import Counter
from typing import Any

from coach.content.objections import load_objections
from coach.i18n import translate
from coach.store.repository import Store
from coach.store.sales import list_drills


def drills_context(store: Store, user: int, lang: str) -> dict[str, Any]:
    """`drills` (finished, newest first), `drill_names` (objection texts, pitched employers), `drill_stats`
    ((label, count, average, last score) per kind) and `roleplay_missed` (the part most often missing)."""
    drills = list_drills(store, user)
    names = {o.id: o.text.get(lang) for o in load_objections()}
    stats = []
    for kind, label in (("roleplay", translate(lang, "Role-play")), ("pitch", translate(lang, "Pitch"))):
        scores = [d.score or 0 for d in drills if d.kind == kind]
        if scores:
            stats.append((label, len(scores), round(sum(scores) / len(scores)), scores[0]))
    missed: Counter[str] = Counter()
    for d in drills:
        if d.kind == "roleplay":
            for part in (d.feedback or {}).get("parts", []):
                if part.get("status") != "met":
                    missed[part.get("name", "")] += 1
    return {
        "drills": drills,
        "drill_names": names,
        "drill_stats": stats,
        "roleplay_missed": missed.most_common(1)[0][0] if missed else "",
    }
