"""Spoken answers to drills: where a transcript goes, and handing it to the drill as if it had been typed.

A transcription job of kind "drill" (coach.web.speech_jobs) carries a target: the drill family, which drill
and turn (sales role-play, pitch) or which prompt (IT design, explain it simply), and the language spoken.
When the transcript is ready, `deliver` calls the same function as the drill's typed form and returns the
page that shows the result, so the recorder partial (_speak.html) and speech.js go on as for an interview.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.i18n import N_, translate

FAMILIES = ("roleplay", "pitch", "design", "explain")
PROMPT_FIELDS = {"design": ("tech", "use_case"), "explain": ("concept", "audience")}
MOVED_ON = N_(
    "The drill moved on while your answer was being transcribed, so it was not saved. "
    "Answer from where the drill is now."
)


class Rejected(Exception):  # noqa: N818 - the drill did not take the answer; the message is for the user
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _int(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 12 else None


def target_for(
    store: Any, user: int, family: str, params: Mapping[str, Any], slot: Any
) -> dict[str, Any] | None:
    """The target of a spoken answer from the upload's query and slot (the turn), or None when it is not valid
    or not the user's drill."""
    from coach.store.sales import get_drill

    if family in ("roleplay", "pitch"):
        drill_id, turn = _int(params.get("drill")), _int(slot)
        drill = get_drill(store, user, drill_id, family) if drill_id is not None else None
        if drill is None or turn is None:
            return None
        target: dict[str, Any] = {"family": family, "drill": drill.id, "turn": turn, "lang": drill.lang}
        if family == "roleplay":
            target["limit"] = _int(params.get("limit")) or 0
        return target
    if family in PROMPT_FIELDS:
        lang = params.get("answer_lang")
        prompt = {k: str(params.get(k) or "")[:100] for k in PROMPT_FIELDS[family]}
        if lang not in ("nl", "en") or not all(prompt.values()):
            return None
        return {"family": family, "prompt": prompt, "lang": lang}
    return None


def page_url(target: Mapping[str, Any]) -> str:
    """Where the drill is, to go back to after a failed transcription."""
    family = target.get("family")
    if family == "roleplay":
        return f"/roleplay/{target['drill']}?limit={target.get('limit', 0)}"
    if family == "pitch":
        return f"/pitch/{target['drill']}"
    prompt = target.get("prompt") or {}
    query = "&".join(f"{k}={v}" for k, v in prompt.items())
    return f"/it/{family}?{query}&answer_lang={target.get('lang', 'en')}"


def still_open(store: Any, user: int, target: Mapping[str, Any]) -> bool:
    """Whether the drill still waits for this answer (the turn it was recorded for)."""
    from coach.store.sales import get_drill

    if target.get("family") not in ("roleplay", "pitch"):
        return True
    drill = get_drill(store, user, int(target["drill"]), str(target["family"]))
    return drill is not None and drill.status == "active" and len(drill.turns) == int(target["turn"])


def deliver(
    store: Any,
    user: int,
    target: Mapping[str, Any],
    text: str,
    duration_s: float | None,
    ui_lang: str,
    token: str,
) -> str:
    """Give the transcript to the drill exactly as the typed form does; the page with the result.
    Raises Rejected (message in `ui_lang`) when the drill does not take it."""
    from fastapi import HTTPException

    family = target.get("family")
    if not still_open(store, user, target):
        raise Rejected(translate(ui_lang, MOVED_ON))
    if family == "roleplay":
        from coach.practice.roleplay import RoleplayError, respond

        try:
            taken = respond(
                store,
                user,
                int(target["drill"]),
                text,
                expected_turns=int(target["turn"]),
                duration_s=duration_s,
            )
        except RoleplayError as exc:
            raise Rejected(translate(ui_lang, exc.message)) from None
        if not taken:
            raise Rejected(translate(ui_lang, MOVED_ON))
        return page_url(target)
    if family == "pitch":
        from coach.sales.pitch import MAX_PITCH_CHARS
        from coach.store.sales import get_drill
        from coach.web.routes import pitch

        problem = pitch.problem(text)
        if problem is not None:
            raise Rejected(translate(ui_lang, problem, limit=MAX_PITCH_CHARS))
        pitch.submit(store, user, get_drill(store, user, int(target["drill"]), "pitch"), text, duration_s)
        return f"/pitch/{target['drill']}#feedback"
    if family in PROMPT_FIELDS:
        from coach.web.routes import it_toolkit

        try:
            cleaned = it_toolkit._clean(text, ui_lang)
            attempt_id = it_toolkit.submit(
                store,
                user,
                str(family),
                dict(target["prompt"]),
                cleaned,
                str(target["lang"]),
                ui_lang,
                it_toolkit._duration(duration_s),
                token=token[:64],
            )
        except HTTPException as exc:
            raise Rejected(str(exc.detail)) from None
        return f"/it/attempts/{attempt_id}"
    raise Rejected(translate(ui_lang, MOVED_ON))
