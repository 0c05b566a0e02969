"""The versioned JSON form of a Feedback (docs/wire-schema.md): what `coach check --json` prints."""

from __future__ import annotations

from typing import Any

from coach.analysis.types import Feedback, InputError

SCHEMA_VERSION = 1


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
        },
        "score": feedback.score,
        "findings": [
            {
                "criterion": f.criterion,
                "status": f.status,
                "message": f.message,
                "tip": f.tip,
                "spans": [list(s) for s in f.spans],
            }
            for f in feedback.findings
        ],
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


def error_to_json(error: InputError, item_id: Any = None, with_schema: bool = False) -> dict[str, Any]:
    """The wire form of an input error; with `with_schema`, a whole result line for a batch."""
    body = {"code": error.code, "message": error.message}
    if with_schema:
        return {"schema": SCHEMA_VERSION, "id": item_id, "error": body}
    return body
