"""Spoken answers streamed over the WebSocket: words while speaking, a dropped connection loses nothing, and
the handshake keeps the app's CSRF and same-origin rules. Real Whisper base model, audio made with espeak-ng."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from coach.store.repository import Store
from tests.speech.conftest import transcode
from tests.speech_support import joined, silence, speak
from tests.web.conftest import Client, form_value
from tests.web.test_speech import PART_ONE, PART_TWO, answers, start_interview

ORIGIN = {"origin": "http://127.0.0.1"}  # the web client's own host (the app answers only to its own)


@pytest.fixture(scope="module")
def webm(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A 20-second English answer with a pause, as a browser's MediaRecorder sends it (webm/opus)."""
    folder = tmp_path_factory.mktemp("stream")
    wav = joined(
        folder / "answer.wav",
        speak(PART_ONE, folder / "one.wav"),
        silence(folder / "gap.wav", 1.5),
        speak(PART_TWO, folder / "two.wav"),
        silence(folder / "end.wav", 1.0),
    )
    return transcode(wav, folder / "answer.webm", "webm", "libopus", 48_000).read_bytes()


def hello(client: Client, page: str, csrf: str | None = None) -> dict[str, Any]:
    return {
        "type": "start",
        "csrf": client.csrf if csrf is None else csrf,
        "token": form_value(page, "token") + "-s",
        "slot": form_value(page, "slot"),
    }


def send(ws: Any, data: bytes, size: int = 4096) -> None:
    for i in range(0, len(data), size):
        ws.send_bytes(data[i : i + size])


def test_a_dropped_connection_loses_nothing_and_the_answer_is_saved_whole(
    client: Client, store: Store, whisper: Path, webm: bytes
) -> None:
    interview_id, page = start_interview(client)
    url = f"ws://127.0.0.1/ws/interviews/{interview_id}/speech"
    half = len(webm) // 2
    with client.websocket_connect(url, headers=ORIGIN) as ws:
        ws.send_json(hello(client, page))
        assert ws.receive_json() == {"type": "ready", "received": 0, "text": ""}
        send(ws, webm[:half])
    # the connection dropped in the middle of the answer: the server kept every byte that arrived
    with client.websocket_connect(url, headers=ORIGIN) as ws:
        ws.send_json(hello(client, page))
        ready = ws.receive_json()
        assert ready["type"] == "ready"
        # every frame the server took in before the drop is kept; frames still in flight when the socket
        # closed may not have arrived (a CI run saw 114,688 of 121,975), and the client resends from there
        assert 0 < ready["received"] <= half
        send(ws, webm[ready["received"] :])
        ws.send_json({"type": "stop", "size": len(webm)})
        messages = []
        while not messages or messages[-1]["type"] not in ("done", "error"):
            messages.append(ws.receive_json())
    done = messages[-1]
    assert done["type"] == "done", done
    assert done["answer_url"].startswith("/answers/")
    saved = answers(store, interview_id)
    assert len(saved) == 1
    text = saved[0].text.lower()
    assert "payment" in text and "colleagues" in text  # both halves, before and after the drop
    page = client.get(done["answer_url"])
    assert page.status_code == 200
    assert 'class="pace-chart"' in page.text  # the delivery view: pace over the answer
    assert 'id="delivery-first"' in page.text  # and the one point to work on first


def test_a_stop_before_everything_arrived_asks_for_the_rest(
    client: Client, whisper: Path, webm: bytes
) -> None:
    interview_id, page = start_interview(client, "nl")
    with client.websocket_connect(f"ws://127.0.0.1/ws/interviews/{interview_id}/speech", headers=ORIGIN) as ws:
        ws.send_json(hello(client, page))
        ws.receive_json()
        send(ws, webm[:5000])
        ws.send_json({"type": "stop", "size": len(webm)})
        reply = ws.receive_json()
        while reply["type"] == "words":
            reply = ws.receive_json()
    assert reply["type"] == "error"
    assert reply["received"] == 5000
    assert "bestand" in reply["message"]  # in Dutch: send the rest as a file


@pytest.mark.parametrize("problem", ["csrf", "origin"])
def test_the_handshake_needs_the_csrf_token_and_this_site(client: Client, problem: str) -> None:
    interview_id, page = start_interview(client)
    headers = {"origin": "http://evil.example"} if problem == "origin" else ORIGIN
    with client.websocket_connect(f"ws://127.0.0.1/ws/interviews/{interview_id}/speech", headers=headers) as ws:
        ws.send_json(hello(client, page, csrf="wrong-token" if problem == "csrf" else None))
        reply = ws.receive_json()
    assert reply["type"] == "error"
    assert "isn't allowed to send recordings" in reply["message"]


def test_a_websocket_to_another_host_name_is_refused(client: Client) -> None:
    # DNS rebinding works for WebSockets too: a page on another name must not reach the stream
    interview_id, _ = start_interview(client)
    with pytest.raises(WebSocketDisconnect), client.websocket_connect(
        f"ws://rebound.example/ws/interviews/{interview_id}/speech", headers={"origin": "http://rebound.example"}
    ) as ws:
        ws.receive_json()
