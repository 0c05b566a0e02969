"""Helpers for tests that need saved interviews and answers at a chosen moment."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coach.store.models import Answer
from coach.store.repository import Store


def new_interview(store: Store, user: int, sector: str = "it") -> int:
    return store.create_interview(
        user,
        sector=sector,
        role="backend",
        level="medior",
        lang="en",
        seed=1,
        plan=["it.production_incident"],
    )


def backdate(store: Store, answer_id: int, when: datetime) -> None:
    """Give a saved answer another moment of saving."""
    with store.session() as s:
        s.get(Answer, answer_id).created_at = when  # type: ignore[union-attr]


def without_ids(document: dict[str, Any]) -> Any:
    """The export without what an import changes: ids and the export's own time."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip({k: v for k, v in document.items() if k != "exported_at"})
