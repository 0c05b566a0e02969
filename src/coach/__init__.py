"""Coach: interview practice for IT and sales jobs in the Netherlands, in Dutch and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from coach.analysis.types import Feedback


def check(answer: str, question: str | None = None, lang: str | None = None) -> Feedback:
    """Check an interview answer; see coach.analysis.engine.check."""
    from coach.analysis.engine import check as _check

    return _check(answer, question=question, lang=lang)


__all__ = ["check", "__version__"]
