"""The `coach check` contract (docs/wire-schema.md): how input text is taken in, and the versioned JSON
form of a Feedback that `coach check --json`, `--batch` and the JSON API give back."""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING, Any

from coach.analysis.scoring import describe_band
from coach.analysis.types import Feedback, Finding, InputError

if TYPE_CHECKING:
    from coach.speech import SpokenFeedback

SCHEMA_VERSION = 1

# Control characters other than tab, line feed and carriage return (C0, DEL and C1).
CONTROL_CHARS = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]")


def clean_text(text: str) -> str:
    """Replace control characters (not tab, newline, carriage return) by spaces, so offsets still hold."""
    return CONTROL_CHARS.sub(" ", text)


def dumps(result: dict[str, Any]) -> str:
    """One line of strict JSON (RFC 8259): NaN and Infinity become null; raises on a lone surrogate."""
    try:
        line = json.dumps(result, ensure_ascii=False, allow_nan=False)
    except ValueError:
        line = json.dumps(_finite(result), ensure_ascii=False, allow_nan=False)
    line.encode("utf-8")  # UnicodeEncodeError on a lone surrogate, before anything is written
    return line


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def feedback_to_json(feedback: Feedback, item_id: Any = None) -> dict[str, Any]:
    """Turn a Feedback into the wire object; `item_id` is the batch line's id."""
    result: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "id": item_id,
        "language": feedback.language,
        "question": {
            "id": feedback.question.id,
            "text": feedback.question.text,
            "match": feedback.question.match,
            "sector": feedback.question.sector,
            "kind": feedback.question.kind,
            "kind_label": kind_label(feedback.question.kind, feedback.language),
        },
        "score": feedback.score,
        "band": {
            "id": feedback.band,
            **describe_band(
                feedback.band, feedback.language, feedback.question.kind, step=feedback.next_step is not None
            ),
        },
        "score_breakdown": dict(feedback.score_parts),
        "rubric": list(feedback.rubric),
        "next_step": finding_to_json(feedback.next_step) if feedback.next_step else None,
        "unclaimed": list(feedback.unclaimed),
        "findings": [finding_to_json(f) for f in feedback.findings],
        "star": {
            part: [list(s) for s in feedback.star.get(part, ())]
            for part in ("situation", "task", "action", "result", "reflection")
        },
        "numbers": [
            {
                "text": n.text,
                "span": list(n.span),
                "value": n.value,
                "kind": n.kind,
                "unit": n.unit,
                "of": n.of,
            }
            for n in feedback.numbers
        ],
        "fillers": [{"text": text, "span": list(span)} for text, span in feedback.fillers],
        "stats": {"words": feedback.words, "sentences": feedback.sentences},
        "follow_up": feedback.follow_up,
    }
    if feedback.error is not None:
        result["error"] = error_to_json(feedback.error)
    return result


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """The wire form of one finding."""
    return {
        "criterion": finding.criterion,
        "status": finding.status,
        "message": finding.message,
        "tip": finding.tip,
        "spans": [list(s) for s in finding.spans],
    }


def kind_label(kind: str | None, lang: str) -> str | None:
    """The name of a question kind in `lang` (None when no question was given)."""
    from coach.content.kinds import load_kinds

    found = load_kinds().get(kind) if kind else None
    return found.label.get(lang) if found else None


def spoken_extras(spoken: SpokenFeedback) -> dict[str, Any]:
    """The `delivery` and `transcript` keys that a spoken answer adds to its saved feedback."""
    wire = spoken_to_json(spoken)
    return {"delivery": wire["delivery"], "transcript": wire["transcript"]}


def spoken_to_json(spoken: SpokenFeedback, item_id: Any = None) -> dict[str, Any]:
    """The wire object of a spoken answer: the typed-answer keys plus `delivery` and `transcript`."""
    result = feedback_to_json(spoken.feedback, item_id)
    d = spoken.delivery
    result["delivery"] = {
        "duration_s": d.duration_s,
        "speaking_s": d.speaking_s,
        "words": d.words,
        "wpm": d.wpm,
        "syllables_per_s": d.syllables_per_s,
        "band": d.band,
        "fillers_per_min": d.fillers_per_min,
        "fillers_per_100_words": d.fillers_per_100_words,
        "fillers": [
            {"text": f.text, "span": list(f.span), "start": f.start_s, "end": f.end_s} for f in d.fillers
        ],
        "bursts": [{"start": b.start_s, "end": b.end_s, "count": b.count} for b in d.bursts],
        "pauses": [[start, end] for start, end in d.pauses],
        "hedges": [list(span) for span in d.hedges],
        "length_band": d.length_band,
        "length_range": list(d.length_range),
        "question_kind": d.question_kind,
        "findings": [
            {
                "criterion": f.criterion,
                "status": f.status,
                "message": f.message,
                "tip": f.tip,
                "spans": [list(span) for span in f.spans],
                "times": [list(t) for t in f.times],
            }
            for f in d.findings
        ],
    }
    t = spoken.transcript
    result["transcript"] = {
        "text": t.text,
        "language": t.language,
        "duration_s": t.duration_s,
        "words": [
            {
                "word": w.word,
                "start": w.start_s,
                "end": w.end_s,
                "probability": round(w.probability, 3),
                "span": list(span),
            }
            for w, span in zip(t.words, t.spans, strict=False)
        ],
    }
    return result


def error_to_json(error: InputError, item_id: Any = None, with_schema: bool = False) -> dict[str, Any]:
    """The wire form of an input error; with `with_schema`, a whole result line for a batch."""
    body = {"code": error.code, "message": error.message}
    if with_schema:
        return {"schema": SCHEMA_VERSION, "id": item_id, "error": body}
    return body
