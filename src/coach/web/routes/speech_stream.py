"""Streamed spoken answers over a WebSocket: chunks in, words out while the candidate speaks, feedback at
stop.

Protocol (JSON text frames, audio as binary frames):
  client → {"type": "start", "csrf": <the page's CSRF token>, "token": <answer token>,
            "slot": "position:kind"}
  server → {"type": "ready", "received": <bytes already kept for this token>, "text": <words so far>}
  client → binary MediaRecorder chunks, in order, starting at byte `received`
  server → {"type": "words", "text": "..."} as windows are transcribed
  client → {"type": "stop", "size": <bytes sent in all>}
  server → {"type": "done", "answer_url": ...} or {"type": "error", "message": ...}
The handshake must come from this site (Origin matches Host) and echo the CSRF cookie, like every form.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from fastapi.concurrency import run_in_threadpool

from coach.i18n import N_, translate
from coach.practice.session import InterviewSession
from coach.store import speech as speech_store
from coach.web import speech_jobs, speech_stream
from coach.web.deps import CSRF_COOKIE, LANG_COOKIE, get_user
from coach.web.routes.speech import STALE, TOKEN, job_json

router = APIRouter()

REFUSED = N_("This page isn't allowed to send recordings. Reload the page and try again.")
INCOMPLETE = N_("Part of the recording did not arrive. Send it again as a file.")
POLL_S = 0.5


def _same_origin(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    host = websocket.headers.get("host", "")
    return origin is not None and urlsplit(origin).netloc == host


def _lang(websocket: WebSocket) -> str:
    cookie = websocket.cookies.get(LANG_COOKIE)
    return cookie if cookie in ("nl", "en") else "en"


async def _refuse(websocket: WebSocket, message: str) -> None:
    await websocket.send_json({"type": "error", "message": message})
    await websocket.close(code=1008)


@router.websocket("/ws/interviews/{interview_id}/speech")
async def stream_answer(websocket: WebSocket, interview_id: int) -> None:
    """Receive a spoken answer in chunks, send its words back as they are transcribed, save it at stop."""
    await websocket.accept()
    lang = _lang(websocket)
    store = websocket.app.state.store
    try:
        hello: dict[str, Any] = await websocket.receive_json()
    except (WebSocketDisconnect, ValueError, KeyError):
        return
    expected = websocket.cookies.get(CSRF_COOKIE) or ""
    sent = hello.get("csrf") if isinstance(hello.get("csrf"), str) else ""
    token, slot = hello.get("token"), hello.get("slot")
    if (
        not _same_origin(websocket)
        or not expected
        or not secrets.compare_digest(expected, str(sent))
        or not isinstance(token, str)
        or not TOKEN.match(token)
        or not isinstance(slot, str)
        or ":" not in slot
    ):
        await _refuse(websocket, translate(lang, REFUSED))
        return
    position_text, kind = slot.split(":", 1)
    user = get_user(websocket)  # type: ignore[arg-type]
    session_row = await run_in_threadpool(InterviewSession.resume, store, user, interview_id)
    if not position_text.isdigit() or kind not in ("answer", "follow_up", "retry") or session_row is None:
        await _refuse(websocket, translate(lang, REFUSED))
        return
    position = int(position_text)
    if kind != "retry" and (
        session_row.finished or position != session_row.position or kind != session_row.expected_kind
    ):
        await websocket.send_json(
            {"type": "error", "message": translate(lang, STALE), "next_url": f"/interviews/{interview_id}"}
        )
        await websocket.close()
        return
    stream = speech_stream.open_session(user, interview_id, position, kind, token, session_row.plan.lang)
    await websocket.send_json({"type": "ready", "received": stream.received, "text": stream.text()})
    stream.shown = len(stream.transcriber.words) if stream.transcriber else 0
    while True:
        try:
            message = await asyncio.wait_for(websocket.receive(), timeout=POLL_S)
        except TimeoutError:
            message = None
        except WebSocketDisconnect:
            return  # the session and its file stay: the browser reconnects or sends the file
        if message is not None and message.get("type") == "websocket.disconnect":
            return
        words = stream.new_words()
        if words:
            with contextlib.suppress(RuntimeError):
                await websocket.send_json({"type": "words", "text": " ".join(words)})
        if message is None:
            continue
        if message.get("bytes") is not None:
            data: bytes = message["bytes"]
            if stream.received + len(data) > speech_stream.MAX_STREAM_BYTES:
                await _refuse(websocket, translate(lang, INCOMPLETE))
                return
            stream.append(data)
            speech_stream.schedule(stream)
            continue
        try:
            import json

            body = json.loads(message.get("text") or "{}")
        except ValueError:
            continue
        if body.get("type") == "stop":
            if isinstance(body.get("size"), int) and body["size"] != stream.received:
                await websocket.send_json(
                    {"type": "error", "message": translate(lang, INCOMPLETE), "received": stream.received}
                )
                continue
            loop = asyncio.get_running_loop()
            job_id = await loop.run_in_executor(speech_jobs.executor(), stream.finish, store)
            job = (
                None if job_id is None else await run_in_threadpool(speech_store.get_job, store, user, job_id)
            )
            reply = job_json(job, lang) if job is not None else {}
            await websocket.send_json({"type": "done", **reply, "text": stream.text()})
            await websocket.close()
            return
        if body.get("type") == "cancel":
            speech_stream.discard(user, token)
            await websocket.close()
            return
