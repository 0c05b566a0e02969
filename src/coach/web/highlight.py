"""Cut an answer into segments, each with the marks (findings, STAR parts, figures, fillers) covering it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Mark:
    """One thing to show on a stretch of the answer."""

    kind: str  # finding | star | number | filler
    css: str  # e.g. "f-warning", "star-result"
    key: str  # which note explains it (a finding's index), or "" for none
    label: str  # short text for screen readers and the tooltip


@dataclass(frozen=True)
class Segment:
    """A stretch of the answer and the marks on it."""

    text: str
    marks: tuple[Mark, ...]

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(m.css for m in self.marks))

    @property
    def keys(self) -> str:
        return " ".join(dict.fromkeys(m.key for m in self.marks if m.key))


def segments(answer: str, feedback: dict[str, Any], star_labels: dict[str, str]) -> list[Segment]:
    """The answer cut at every span boundary of the feedback (wire form), with the marks per segment."""
    spans: list[tuple[int, int, Mark]] = []
    for index, finding in enumerate(feedback.get("findings", [])):
        for start, end in finding.get("spans", []):
            spans.append(
                (start, end, Mark("finding", f"f-{finding['status']}", f"n{index}", finding["message"]))
            )
    for part, ranges in feedback.get("star", {}).items():
        for start, end in ranges:
            spans.append((start, end, Mark("star", f"star-{part}", "", star_labels.get(part, part))))
    for number in feedback.get("numbers", []):
        start, end = number["span"]
        spans.append((start, end, Mark("number", "num", "", number["text"])))
    for filler in feedback.get("fillers", []):
        start, end = filler["span"]
        spans.append((start, end, Mark("filler", "filler", "", filler["text"])))
    length = len(answer)
    spans = [(max(0, s), min(length, e), m) for s, e, m in spans if 0 <= s < e]
    bounds = sorted({0, length, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    result: list[Segment] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start >= end:
            continue
        marks = tuple(m for s, e, m in spans if s <= start and end <= e)
        result.append(Segment(answer[start:end], marks))
    return result
