"""Cut an answer into segments, each with the marks (findings, STAR parts, figures, fillers) covering it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


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


# --- The answer as the pages show it -----------------------------------------------------------------
# One <mark> per marked passage (overlapping finding spans merged): one tab stop, one popover, and the
# findings' messages only once on the page (in the findings list, which the mark points at by id). Inside a
# passage the words a finding wants improved are drawn differently from those done well; STAR parts are
# text labels before the sentence that starts them, so colour is never the only cue. Linear in the answer's
# length: a 100 000-character answer stays a small page.

IMPROVE = ("missed", "warning")


@dataclass(frozen=True)
class Passage:
    """A stretch of the answer covered by one or more findings' spans."""

    start: int
    end: int
    keys: tuple[str, ...]  # the ids of the findings' list items
    improve: tuple[tuple[int, int], ...]  # the parts that a finding wants improved (merged, in order)

    @property
    def tone(self) -> str:
        return "improve" if self.improve else "good"


def note_id(prefix: str, index: int) -> str:
    """The id of a finding's list item; the prefix keeps ids apart when a page shows several answers."""
    return f"{prefix}n{index}"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def passages(length: int, findings: list[dict[str, Any]], prefix: str = "") -> list[Passage]:
    """The marked passages of an answer of `length` characters: overlapping finding spans merged."""
    spans: list[tuple[int, int, str, bool]] = []
    for index, finding in enumerate(findings):
        for span in finding.get("spans") or []:
            start, end = max(0, int(span[0])), min(length, int(span[1]))
            if start < end:
                spans.append((start, end, note_id(prefix, index), finding.get("status") in IMPROVE))
    spans.sort()
    result: list[Passage] = []
    group: list[tuple[int, int, str, bool]] = []
    group_end = -1

    def close() -> None:
        if group:
            keys = tuple(dict.fromkeys(key for _, _, key, _ in group))
            improve = tuple(_merge([(s, e) for s, e, _, bad in group if bad]))
            result.append(Passage(group[0][0], group_end, keys, improve))

    for span in spans:
        if group and span[0] < group_end:
            group.append(span)
            group_end = max(group_end, span[1])
        else:
            close()
            group = [span]
            group_end = span[1]
    close()
    return result


def star_starts(feedback: dict[str, Any], length: int) -> list[tuple[int, str]]:
    """Where each STAR part starts (a run of sentences of one part starts once), in answer order."""
    starts: list[tuple[int, int, str]] = []
    for part, ranges in (feedback.get("star") or {}).items():
        for span in ranges or []:
            start, end = int(span[0]), int(span[1])
            if 0 <= start < length and start < end:
                starts.append((start, end, part))
    starts.sort()
    result: list[tuple[int, str]] = []
    previous_part, previous_end = "", -1
    for start, end, part in starts:
        gap = start - previous_end
        if not (part == previous_part and 0 <= gap <= 2):
            result.append((start, part))
        previous_part, previous_end = part, end
    return result


def render_answer(
    text: str,
    feedback: dict[str, Any],
    star_labels: dict[str, str],
    prefix: str = "",
    inserts: list[tuple[int, str]] | None = None,
    findings: list[dict[str, Any]] | None = None,
) -> Markup:
    """The answer as HTML: a <mark> per passage, STAR labels, and `inserts` (offset, HTML) such as pauses."""
    length = len(text)
    events: list[tuple[int, int, str]] = []  # (offset, order at that offset, HTML)
    chosen = findings if findings is not None else feedback.get("findings") or []
    for passage in passages(length, chosen, prefix):
        notes = " ".join(passage.keys)
        events.append(
            (
                passage.start,
                3,
                f'<mark class="mk mk-{passage.tone}" tabindex="0" data-notes="{notes}" '
                f'aria-describedby="{notes}">',
            )
        )
        events.append((passage.end, 0, "</mark>"))
        for start, end in passage.improve:
            events.append((start, 4, '<span class="mk-bad">'))
            events.append((end, -1, "</span>"))
    for start, part in star_starts(feedback, length):
        label = escape(star_labels.get(part, part))
        events.append((start, 2, f'<span class="star-tag star-{part}">{label}</span>'))
    for offset, html in inserts or []:
        events.append((min(max(0, offset), length), 1, html))
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    position = 0
    for offset, _order, html in events:
        if offset > position:
            out.append(str(escape(text[position:offset])))
            position = offset
        out.append(html)
    out.append(str(escape(text[position:])))
    return Markup("".join(out))
