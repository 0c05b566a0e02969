"""Spoken answers to drills: a recording answers a role-play turn, a pitch, a design or an explain drill.

The audio is made with espeak-ng; the real Whisper "base" model transcribes it (tests/speech_support.py). The
drill receives the transcript as if it had been typed and gives its feedback.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Any

import pytest

from coach.store.drills import list_attempts
from coach.store.repository import Store
from coach.store.sales import get_drill
from coach.store.speech import uploads_dir
from tests.speech_support import speak
from tests.web.conftest import Client, form_value

ROLEPLAY = "I understand. Too expensive compared to what exactly? Shall we talk again on Thursday?"
PITCH = (
    "Good morning, I am Sanne from RouteWise. Empty kilometres cost hauliers thousands of euros a year. "
    "How do you plan your trips now? RouteWise plans two hundred trips in ten minutes. "
    "Shall we book a demo next Tuesday?"
)
DESIGN = (
    "First the requirement: orders must never get lost, even at peak load. "
    "I would compare a message queue with direct calls to the warehouse service."
)
EXPLAIN = "An API is like a waiter in a restaurant: you ask for a dish and the kitchen sends it back."
PITCH_INPUT = {
    "employer": "RouteWise",
    "product": "planning software for hauliers",
    "usps": "Plans 200 trips in ten minutes\nConnects to AFAS and Exact",
    "competitors": "PlanPro",
    "targets": "mid-sized hauliers",
    "pains": "Empty kilometres\nPlanning by hand in Excel",
    "name": "Sanne",
    "pitch_lang": "en",
}


@pytest.fixture(scope="module")
def audio(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("drill-audio")
    said = {"roleplay": ROLEPLAY, "pitch": PITCH, "design": DESIGN, "explain": EXPLAIN}
    return {name: speak(text, folder / f"{name}.wav").read_bytes() for name, text in said.items()}


def send(client: Client, page: str, data: bytes) -> dict[str, Any]:
    """Upload a recording as the recorder on the page does, and follow the job until it ends."""
    recorder = page[page.index('id="speak"') :]
    url = html.unescape(re.search(r'data-upload-url="([^"]+)"', recorder).group(1))  # type: ignore[union-attr]
    assert url.startswith("/api/drills/")
    fields = {"token": form_value(recorder, "token"), "slot": form_value(recorder, "slot")}
    response = client.api("POST", url, data=fields, files={"file": ("answer.wav", data, "audio/wav")})
    assert response.status_code == 202, response.text
    status = response.json()
    deadline = time.monotonic() + 300
    while status["status"] not in ("done", "failed"):
        assert time.monotonic() < deadline, status
        time.sleep(0.3)
        status = client.get(status["status_url"]).json()
    assert status["status"] == "done", status
    assert not (uploads_dir().exists() and list(uploads_dir().iterdir()))  # the upload is gone
    return status


def test_a_spoken_answer_answers_a_role_play_turn_and_the_buyer_pushes_back(
    client: Client, store: Store, whisper: Path, audio: dict[str, bytes]
) -> None:
    client.cookies.set("coach_lang", "en")
    response = client.post_form(
        "/roleplay", {"objection": "too_expensive", "time_limit": "60"}, follow_redirects=False
    )
    url = response.headers["location"]
    drill_id = int(url.split("?")[0].rsplit("/", 1)[1])
    page = client.get(url).text
    assert 'id="audio-form"' in page and "/static/speech.js" in page
    done = send(client, page, audio["roleplay"])
    assert done["answer_url"] == f"/roleplay/{drill_id}?limit=60"
    drill = get_drill(store, store.user_id(), drill_id, "roleplay")
    assert drill is not None
    answer = drill.turns[1]
    assert answer["role"] == "candidate" and "thursday" in answer["text"].lower()
    assert answer["judgement"] and answer["duration_s"] > 2  # judged as a typed answer, with the time spoken
    assert drill.turns[2]["role"] == "buyer" and drill.turns[2]["key"]  # the buyer pushes back
    after = client.get(done["answer_url"]).text
    assert "Thursday" in after and 'name="slot" value="3"' in after  # the next turn can be spoken too


def test_a_spoken_pitch_gets_the_pitch_feedback(
    client: Client, store: Store, whisper: Path, audio: dict[str, bytes]
) -> None:
    client.cookies.set("coach_lang", "en")
    response = client.post_form("/pitch", PITCH_INPUT, follow_redirects=False)
    drill_id = int(response.headers["location"].rsplit("/", 1)[1])
    done = send(client, client.get(f"/pitch/{drill_id}").text, audio["pitch"])
    assert done["answer_url"] == f"/pitch/{drill_id}#feedback"
    drill = get_drill(store, store.user_id(), drill_id, "pitch")
    assert drill is not None and drill.status != "active" and drill.feedback
    assert "tuesday" in drill.turns[0]["text"].lower() and "minutes" in drill.turns[0]["text"].lower()
    page = client.get(f"/pitch/{drill_id}").text
    assert 'id="feedback"' in page and 'id="audio-form"' not in page


@pytest.mark.parametrize(
    ("drill", "query", "key"),
    [
        ("design", "tech=message_queue&use_case=order_processing", "warehouse"),
        ("explain", "concept=api&audience=marketing", "restaurant"),
    ],
)
def test_a_spoken_answer_to_an_it_drill_is_judged_and_saved(
    client: Client, store: Store, whisper: Path, audio: dict[str, bytes], drill: str, query: str, key: str
) -> None:
    client.cookies.set("coach_lang", "en")
    page = client.get(f"/it/{drill}?{query}&answer_lang=en").text
    done = send(client, page, audio[drill])
    assert re.fullmatch(r"/it/attempts/\d+", done["answer_url"])
    attempts = list_attempts(store, store.user_id())
    assert len(attempts) == 1 and attempts[0].drill == drill and key in attempts[0].text.lower()
    assert attempts[0].steps_total > 0 and attempts[0].duration_s
    result = client.get(done["answer_url"]).text
    assert "steps" in result or "checks" in result
    assert key in result.lower()


def test_a_drill_recording_for_a_turn_that_is_gone_is_not_taken(client: Client, store: Store) -> None:
    client.cookies.set("coach_lang", "en")
    response = client.post_form("/roleplay", {"objection": "too_expensive"}, follow_redirects=False)
    drill_id = int(response.headers["location"].split("?")[0].rsplit("/", 1)[1])
    fields = {"token": "abcdefgh12345678", "slot": "x"}
    files = {"file": ("a.wav", b"RIFF", "audio/wav")}
    assert (
        client.api(
            "POST", f"/api/drills/roleplay/audio?drill={drill_id}", data=fields, files=files
        ).status_code
        == 400
    )
    other = client.api(
        "POST", "/api/drills/roleplay/audio?drill=999999", data={**fields, "slot": "1"}, files=files
    )
    assert other.status_code == 400
    assert client.api("POST", "/api/drills/nope/audio", data=fields, files=files).status_code == 404
