"""Spoken answers in the web app: upload, transcription job, feedback with transcript and delivery, privacy.

Audio is made in the test with espeak-ng and sox; the transcription uses the real Whisper "base" model
(fetched once per test run, see tests/speech_support.py).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from coach.store.repository import Store
from coach.store.speech import (
    create_job,
    keep_audio,
    list_recordings,
    recording_path,
    recordings_dir,
    uploads_dir,
)
from coach.web.app import create_app
from coach.web.highlight import segments
from coach.web.spoken import Pause, delivery_rows, spoken_transcript
from tests.speech_support import joined, noise, silence, speak, tone
from tests.web.conftest import Client, form_value

PART_ONE = (
    "Last year I led the migration of our payment service at a bank in Utrecht. "
    "My task was to move two million customers without downtime."
)
PART_TWO = (
    "I planned the work with three colleagues and we tested every step. "
    "As a result we finished two weeks early and complaints dropped by forty percent."
)
SHORT = "I closed twelve new customers last year and I learned to plan my week better."




@pytest.fixture(scope="session")
def audio(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test recordings, made once."""
    folder = tmp_path_factory.mktemp("audio")
    one = speak(PART_ONE, folder / "one.wav")
    two = speak(PART_TWO, folder / "two.wav")
    gap = silence(folder / "gap.wav", 3.0)
    return {
        "answer": joined(folder / "answer.wav", one, gap, two),  # about 20 s with a 3 s pause
        "short": speak(SHORT, folder / "short.wav"),
        "silence": silence(folder / "silence.wav", 4.0),
        "noise": noise(folder / "noise.wav", 4.0),
    }


def start_interview(client: Client, lang: str = "en") -> tuple[int, str]:
    client.cookies.set("coach_lang", lang)
    response = client.post_form(
        "/interviews",
        {"sector": "sales", "role": "ae", "level": "medior", "interview_lang": lang, "questions": "3"},
    )
    assert response.status_code == 200
    interview_id = int(str(response.url).rstrip("/").rsplit("/", 1)[1])
    return interview_id, response.text


def upload(
    client: Client, interview_id: int, page: str, data: bytes, name: str = "answer.wav", kind: str = "audio/wav",
    slot: str | None = None,
) -> Any:
    """Send a recording as the page's script does (multipart with the X-CSRF-Token header)."""
    fields = {"token": form_value(page, "token") + "-a", "slot": slot or form_value(page, "slot")}
    return client.api("POST", f"/api/interviews/{interview_id}/audio", data=fields, files={"file": (name, data, kind)})


def wait(client: Client, status: dict[str, Any], timeout: float = 300) -> dict[str, Any]:
    """Poll the job's status until it is done or failed."""
    deadline = time.monotonic() + timeout
    seen = {status["stage"]}
    while status["status"] not in ("done", "failed"):
        assert time.monotonic() < deadline, f"the job did not finish: {status}"
        time.sleep(0.3)
        response = client.get(status["status_url"])
        assert response.status_code == 200
        status = response.json()
        seen.add(status["stage"])
    status["seen"] = seen
    return status


def answers(store: Store, interview_id: int) -> list[Any]:
    interview = store.interview(store.user_id(), interview_id)
    assert interview is not None
    return list(interview.answers)


def leftovers() -> list[Path]:
    folder = uploads_dir()
    return list(folder.iterdir()) if folder.exists() else []


# --- with the model --------------------------------------------------------------------------------------------


def test_a_spoken_answer_is_transcribed_checked_and_shown_with_its_delivery(
    client: Client, store: Store, whisper: Path, audio: dict[str, Path]
) -> None:
    interview_id, page = start_interview(client)
    started = time.monotonic()
    response = upload(client, interview_id, page, audio["answer"].read_bytes())
    assert response.status_code == 202
    job = response.json()
    assert job["status"] in ("queued", "running") and job["status_url"] == f"/api/speech/jobs/{job['id']}"
    # The server keeps answering while it transcribes, and another worker over the same database can report.
    before = time.monotonic()
    assert client.get("/history").status_code == 200
    assert time.monotonic() - before < 2
    with Client(create_app(store=Store(store.engine.url.render_as_string(hide_password=False)))) as other_worker:
        assert other_worker.get(job["status_url"]).json()["id"] == job["id"]
    done = wait(client, job)
    took = time.monotonic() - started
    print(f"\n20 s spoken answer through the web: {took:.1f} s from upload to saved answer")
    assert done["status"] == "done", done
    assert "transcribing" in done["seen"] or "done" in done["seen"]

    saved = answers(store, interview_id)
    assert len(saved) == 1
    answer = saved[0]
    text = answer.text.lower()
    for word in ("migration", "payment", "utrecht", "colleagues", "finished"):
        assert word in text, (word, answer.text)
    assert answer.kind == "answer" and answer.position == 0
    assert answer.duration_s and 15 < answer.duration_s < 30
    assert answer.feedback["transcript"]["text"] == answer.text
    delivery = answer.feedback["delivery"]
    assert delivery["words"] > 30 and delivery["wpm"] > 60 and delivery["syllables_per_s"] > 1
    assert delivery["band"] in ("slow", "fine", "fast")
    assert len(delivery["pauses"]) >= 1  # the 3 s gap between the two parts
    assert answer.feedback["findings"]  # the same engine as typed answers
    assert leftovers() == []  # the upload is gone
    assert list_recordings(store, store.user_id()) == []

    html = client.get(done["answer_url"]).text
    assert "Your spoken answer (transcript)" in html
    assert "Utrecht" in html
    assert "How you said it" in html and "Words per minute" in html and "Syllables per second" in html
    wpm = re.search(r"Words per minute</th><td>(\d+)</td>", html)
    assert wpm and int(wpm.group(1)) > 60
    assert 'class="pause"' in html and "pause of 3" in html
    # evidence highlights, as for typed answers: a mark wherever a finding points at words of the transcript
    pointing = any(f.get("spans") for f in answer.feedback["findings"])
    assert ("data-notes=" in html) is pointing
    assert "Fillers per 100 words" in html and "Long pauses" in html
    # The interview moved on as after a typed answer (a follow-up or the next question).
    assert client.get(f"/interviews/{interview_id}").status_code == 200
    interview = store.interview(store.user_id(), interview_id)
    assert interview is not None and (interview.pending_follow_up or interview.position == 1)


def test_keep_audio_on_keeps_the_recording_lists_it_and_delete_removes_it(
    client: Client, store: Store, whisper: Path, audio: dict[str, Path]
) -> None:
    user = store.user_id()
    assert keep_audio(store, user) is False
    assert client.post_form("/settings/speech", {"keep_audio": "1"}).status_code == 200
    assert keep_audio(store, user) is True
    interview_id, page = start_interview(client)
    # The page's form without JavaScript: multipart with the csrf_token field, then the job page.
    response = client.post(
        f"/interviews/{interview_id}/audio",
        data={"csrf_token": client.csrf, "token": form_value(page, "token") + "-a", "slot": form_value(page, "slot")},
        files={"file": ("my answer.wav", audio["short"].read_bytes(), "audio/wav")},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/speech/jobs/")
    job_url = response.headers["location"]
    progress = client.get(job_url, follow_redirects=False)
    if progress.status_code == 200:
        assert 'http-equiv="refresh"' in progress.text and "<progress" in progress.text
    job_id = int(job_url.rsplit("/", 1)[1])
    done = wait(client, client.get(f"/api/speech/jobs/{job_id}").json())
    assert done["status"] == "done", done
    finished = client.get(job_url, follow_redirects=False)
    assert finished.status_code == 303 and finished.headers["location"] == done["answer_url"]

    kept = list_recordings(store, user)
    assert len(kept) == 1
    recording = kept[0]
    path = recording_path(user, recording)
    assert path.is_file() and path.stat().st_size == audio["short"].stat().st_size
    assert recording.answer_id == answers(store, interview_id)[0].id
    assert leftovers() == []
    settings = client.get("/settings").text
    assert f"/recordings/{recording.id}/audio" in settings and "Kept recordings" in settings
    feedback = client.get(done["answer_url"]).text
    assert f'src="/recordings/{recording.id}/audio"' in feedback
    served = client.get(f"/recordings/{recording.id}/audio")
    assert served.status_code == 200 and served.headers["content-type"] == "audio/wav"
    assert served.content == audio["short"].read_bytes()

    deleted = client.post_form(f"/recordings/{recording.id}/delete", follow_redirects=False)
    assert deleted.status_code == 303
    assert not path.exists() and list_recordings(store, user) == []
    assert client.post_form(f"/recordings/{recording.id}/delete").status_code == 404
    assert client.get(f"/recordings/{recording.id}/audio").status_code == 404
    assert "No recordings are kept." in client.get("/settings").text


def test_a_repeated_upload_with_the_same_token_gives_the_same_job_and_answer(
    client: Client, store: Store, whisper: Path, audio: dict[str, Path]
) -> None:
    interview_id, page = start_interview(client)
    first = upload(client, interview_id, page, audio["short"].read_bytes()).json()
    again = upload(client, interview_id, page, audio["short"].read_bytes()).json()
    assert again["id"] == first["id"]
    done = wait(client, first)
    assert done["status"] == "done"
    third = upload(client, interview_id, page, audio["short"].read_bytes())
    assert third.json() == {"status": "done", "answer_url": done["answer_url"]}
    assert len(answers(store, interview_id)) == 1
    assert leftovers() == []


def test_try_again_aloud_keeps_both_attempts_and_the_spoken_one_has_its_delivery(
    client: Client, store: Store, whisper: Path, audio: dict[str, Path]
) -> None:
    interview_id, page = start_interview(client, "en")
    client.cookies.set("coach_lang", "nl")  # an English interview, the pages in Dutch
    typed = client.post_form(
        f"/interviews/{interview_id}/answer",
        {"token": form_value(page, "token"), "position": "0", "kind": "answer", "text": "I met my target."},
    )
    assert typed.status_code == 200
    first = answers(store, interview_id)[0]
    before = store.interview(store.user_id(), interview_id)
    assert before is not None
    # The feedback page offers the same recorder for a new attempt, in Dutch.
    assert 'value="0:retry"' in typed.text and "Of doe het nog een keer hardop" in typed.text
    assert "/static/speech.js" in typed.text
    done = wait(client, upload(client, interview_id, typed.text, audio["short"].read_bytes()).json())
    assert done["status"] == "done", done

    first_again, second = answers(store, interview_id)
    assert first_again.id == first.id and first_again.text == "I met my target."
    assert (second.position, second.kind, second.attempt) == (0, "answer", first.attempt + 1)
    assert "customers last year" in second.text and second.feedback["delivery"]["wpm"] > 60
    assert second.duration_s and 3 < second.duration_s < 10
    interview = store.interview(store.user_id(), interview_id)
    # a retry doesn't move the interview on (a thin first answer may keep it on a follow-up of this question)
    assert interview is not None and interview.position == before.position
    html = client.get(done["answer_url"]).text
    delta = second.score - first.score
    assert f"({delta:+d} vergeleken met poging {first.attempt})" in html
    assert "Je ingesproken antwoord (uitgeschreven)" in html


def test_a_spoken_retry_of_a_question_not_yet_answered_is_404(client: Client, store: Store) -> None:
    interview_id, page = start_interview(client)
    response = upload(client, interview_id, page, b"RIFF", slot="2:retry")
    assert response.status_code == 404
    assert leftovers() == []


def test_noise_without_speech_is_no_speech_heard_and_saves_nothing(
    client: Client, store: Store, whisper: Path, audio: dict[str, Path]
) -> None:
    interview_id, page = start_interview(client)
    status = wait(client, upload(client, interview_id, page, audio["noise"].read_bytes()).json())
    assert status["status"] == "failed"
    assert status["error"]["code"] == "E014"
    assert "No speech can be heard" in status["error"]["message"]
    assert status["next_url"] == f"/interviews/{interview_id}"
    assert answers(store, interview_id) == [] and leftovers() == []


# --- bad input (no model needed: the audio is refused before transcription) ---------------------------------


def _truncated(path: Path) -> bytes:
    data = path.read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("case", "code", "english", "dutch"),
    [
        ("text", "E011", "can't be read as audio", "kan niet als audio worden gelezen"),
        ("silence", "E014", "No speech can be heard", "Er is geen spraak te horen"),
        ("truncated", "E012", "The recording is cut off", "De opname is afgebroken"),
        ("long", "E013", "the limit is 10 minutes", "het maximum is 10 minuten"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bad_audio_gets_a_clear_message_in_the_users_language_and_nothing_is_stored(
    client: Client, store: Store, audio: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    case: str, code: str, english: str, dutch: str, lang: str,
) -> None:
    monkeypatch.setenv("COACH_WHISPER_MODEL", str(tmp_path / "no-model"))  # refused before any model is needed
    data = {
        "text": b"This is not audio at all, just a text file renamed to .wav\n" * 20,
        "silence": audio["silence"].read_bytes(),
        "truncated": _truncated(audio["short"]) if case == "truncated" else b"",
        "long": tone(tmp_path / "long.wav", 605).read_bytes() if case == "long" else b"",
    }[case]
    interview_id, page = start_interview(client, lang)
    status = wait(client, upload(client, interview_id, page, data).json(), timeout=120)
    assert status["status"] == "failed", status
    assert status["error"]["code"] == code
    assert (dutch if lang == "nl" else english) in status["error"]["message"]
    if case == "text":
        assert "answer.wav" in status["error"]["message"]  # the file as the user named it
    assert answers(store, interview_id) == []
    assert leftovers() == []
    interview = store.interview(store.user_id(), interview_id)
    assert interview is not None and interview.position == 0 and interview.pending_follow_up is None
    failed_page = client.get(status["page_url"])
    assert failed_page.status_code == 200 and (dutch if lang == "nl" else english) in failed_page.text.replace(
        "&#39;", "'"
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_empty_file_is_refused_at_once_with_its_name_escaped(client: Client, store: Store, lang: str) -> None:
    interview_id, page = start_interview(client, lang)
    response = upload(client, interview_id, page, b"", name="<img src=x onerror=alert(1)>.wav")
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert ("leeg (0 bytes)" if lang == "nl" else "empty (0 bytes)") in message
    form = client.post(
        f"/interviews/{interview_id}/audio",
        data={"csrf_token": client.csrf, "token": form_value(page, "token") + "-b", "slot": form_value(page, "slot")},
        files={"file": ("<img src=x onerror=alert(1)>.wav", b"", "audio/wav")},
    )
    assert form.status_code == 400
    assert "<img src=x" not in form.text and "&lt;img src=x onerror=alert(1)&gt;.wav" in form.text
    assert answers(store, interview_id) == [] and leftovers() == []
    assert client.get("/api/speech/jobs/1").status_code == 404  # no job was made


def test_an_upload_without_a_file_or_with_a_bad_form_is_refused(client: Client) -> None:
    interview_id, page = start_interview(client)
    slot = form_value(page, "slot")
    no_file = client.api("POST", f"/api/interviews/{interview_id}/audio",
                         data={"token": "abcdefgh12", "slot": slot}, files={"other": ("x.txt", b"x", "text/plain")})
    assert no_file.status_code == 400
    assert no_file.json()["error"]["message"] == "Choose an audio file or record your answer first."
    bad = client.api("POST", f"/api/interviews/{interview_id}/audio",
                     data={"token": "no spaces allowed", "slot": slot}, files={"file": ("a.wav", b"RIFF", "audio/wav")})
    assert bad.status_code == 400


def test_the_upload_needs_the_csrf_token(client: Client, store: Store, audio: dict[str, Path]) -> None:
    interview_id, page = start_interview(client)
    fields = {"token": form_value(page, "token") + "-a", "slot": form_value(page, "slot")}
    files = {"file": ("a.wav", audio["short"].read_bytes(), "audio/wav")}
    assert client.post(f"/api/interviews/{interview_id}/audio", data=fields, files=files).status_code == 403
    assert client.post(f"/interviews/{interview_id}/audio", data=fields, files=files).status_code == 403
    wrong = client.post(f"/api/interviews/{interview_id}/audio", data=fields, files=files,
                        headers={"X-CSRF-Token": "x" * 40})
    assert wrong.status_code == 403
    assert leftovers() == [] and answers(store, interview_id) == []


def test_a_stale_form_goes_back_to_the_current_question(client: Client, audio: dict[str, Path]) -> None:
    interview_id, page = start_interview(client)
    data = audio["short"].read_bytes()
    stale = upload(client, interview_id, page, data, slot="2:answer")
    assert stale.status_code == 409 and stale.json()["next_url"] == f"/interviews/{interview_id}"
    wrong_kind = upload(client, interview_id, page, data, slot="0:follow_up")
    assert wrong_kind.status_code == 409
    form = client.post(
        f"/interviews/{interview_id}/audio",
        data={"csrf_token": client.csrf, "token": "stale-form-1", "slot": "1:answer"},
        files={"file": ("a.wav", data, "audio/wav")},
        follow_redirects=False,
    )
    assert form.status_code == 303 and form.headers["location"] == f"/interviews/{interview_id}"
    assert leftovers() == []


def test_unknown_ids_are_404(client: Client, store: Store, audio: dict[str, Path]) -> None:
    _, page = start_interview(client)
    for url in ("/api/speech/jobs/999", "/speech/jobs/999", "/recordings/999/audio", "/speech/jobs/99999999999"):
        assert client.get(url).status_code == 404, url
    assert client.post_form("/recordings/999/delete").status_code == 404
    assert client.api("DELETE", "/api/recordings/999").status_code == 404
    assert upload(client, 999, page, audio["short"].read_bytes()).status_code == 404
    # Another user's job is not there for this user.
    other = store.user_id("someone-else")
    job_id, created = create_job(store, other, interview_id=None, position=0, kind="answer", token="other-token-1",
                                 lang="en")
    assert created
    assert client.get(f"/api/speech/jobs/{job_id}").status_code == 404


def test_the_interview_page_has_the_speak_section_and_its_script(client: Client) -> None:
    interview_id, page = start_interview(client)
    assert '<script src="/static/speech.js" defer></script>' in page
    assert "Speak your answer" in page and 'id="record-start"' in page and 'id="record-level"' in page
    assert f'action="/interviews/{interview_id}/audio"' in page and 'enctype="multipart/form-data"' in page
    assert 'accept="audio/*,.webm,.ogg,.opus,.wav,.mp3,.m4a"' in page
    assert 'id="speak-question" hidden' in page  # shown by the script only when a voice exists
    assert "deleted as soon as it has been transcribed" in page
    assert "speech.js" not in client.get("/").text  # only on the interview page
    script = client.get("/static/speech.js")
    assert script.status_code == 200 and "MediaRecorder" in script.text and "createAnalyser" in script.text
    assert "X-CSRF-Token" in script.text and "speechSynthesis" in script.text
    _, dutch = start_interview(client, "nl")
    assert "Spreek je antwoord in" in dutch and "Start de opname" in dutch
    assert "Coach mag je microfoon niet gebruiken" in dutch  # the denied-permission message for the script


def test_settings_page_and_api_in_both_languages(client: Client, store: Store) -> None:
    page = client.get("/settings")
    assert page.status_code == 200 and "Keep my recordings" in page.text and 'name="keep_audio"' in page.text
    assert "checked" not in page.text.split('name="keep_audio"')[1].split(">")[0]
    assert client.post("/settings/speech", data={"keep_audio": "1"}).status_code == 403  # no CSRF token
    assert client.post_form("/settings/speech", {"keep_audio": "1"}).status_code == 200
    assert "Your settings have been saved." in client.get("/settings?saved=1").text
    assert client.api("GET", "/api/speech/settings").json() == {"keep_audio": True}
    assert client.api("PUT", "/api/speech/settings", json={"keep_audio": False}).json() == {"keep_audio": False}
    assert keep_audio(store, store.user_id()) is False
    assert client.api("GET", "/api/recordings").json() == []
    client.cookies.set("coach_lang", "nl")
    dutch = client.get("/settings").text
    assert "Instellingen" in dutch and "Bewaar mijn opnames" in dutch and "Er worden geen opnames bewaard." in dutch


def test_a_recording_listed_for_one_user_is_not_served_to_another(client: Client, store: Store) -> None:
    from coach.store.speech import keep_recording

    other = store.user_id("someone-else")
    source = uploads_dir() / "x.wav"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(b"RIFF....WAVE")
    recording_id = keep_recording(store, other, source, answer_id=None, suffix=".wav", content_type="audio/wav",
                                  duration_s=1.0, question_text="<script>x</script>")
    assert client.get(f"/recordings/{recording_id}/audio").status_code == 404
    assert client.post_form(f"/recordings/{recording_id}/delete").status_code == 404
    assert (recordings_dir(other)).is_dir() and list_recordings(store, other)


# --- the feedback page of a spoken answer, without the model ---------------------------------------------------


def _spoken_feedback(text: str) -> dict[str, Any]:
    words, position, spans = [], 0, []
    for index, word in enumerate(text.split(" ")):
        spans.append((position, position + len(word)))
        start = index * 0.4 + (3.0 if index >= 3 else 0.0)
        words.append({"word": word, "start": start, "end": start + 0.3, "span": [position, position + len(word)]})
        position += len(word) + 1
    return {
        "language": "en",
        "findings": [{"criterion": "x", "status": "warning", "message": "<b>careful</b>", "tip": "t",
                      "spans": [[0, 4]]}],
        "star": {},
        "numbers": [],
        "fillers": [{"text": "um", "span": [text.index(" um ") + 1, text.index(" um ") + 3]}] if " um " in text else [],
        "transcript": {"text": text, "language": "en", "duration_s": 9.0, "words": words},
        "delivery": {
            "duration_s": 9.0, "speaking_s": 8.0, "words": 8, "wpm": 60.0, "syllables_per_s": 1.5, "band": "slow",
            "fillers": [{"text": "um"}], "fillers_per_min": 7.5, "fillers_per_100_words": 12.5,
            "pauses": [[1.1, 4.2]], "length_band": "short", "length_range": [60, 120],
            "findings": [{"criterion": "speech.rate", "status": "warning", "message": "You speak very slowly",
                          "tip": "Practise aloud"}],
        },
    }


def test_the_feedback_page_marks_pauses_and_fillers_and_escapes_the_transcript(client: Client, store: Store) -> None:
    text = "<script>alert(1)</script> said um so then I closed deals"
    user = store.user_id()
    answer_id = store.add_answer(user, interview_id=None, position=0, question_id=None, question_text="Q?",
                                 text=text, lang="en", score=40, feedback=_spoken_feedback(text))
    html = client.get(f"/answers/{answer_id}").text
    assert "<script>alert" not in html and "&lt;scr</span></mark>ipt&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;careful&lt;/b&gt;" in html
    assert 'class="pause"' in html and "pause of 3.1 seconds" in html
    assert re.search(r'<p class="fillers" lang="en">[^<]*um</p>', html)  # the filler words, listed once
    assert "too slow" in html and "You speak very slowly" in html and "Practise aloud" in html
    assert re.search(r"Fillers per minute</th><td>7.5</td>", html)
    assert "too short (aim for 60 to 120 seconds)" in html
    client.cookies.set("coach_lang", "nl")
    dutch = client.get(f"/answers/{answer_id}").text
    assert "Hoe je het zei" in dutch and "te langzaam" in dutch and "stilte van 3,1 seconden" in dutch
    assert re.search(r"Stopwoordjes per minuut</th><td>7,5</td>", dutch)


def test_pauses_go_after_the_word_where_they_began() -> None:
    text = "one two three four five"
    feedback = _spoken_feedback(text)
    items = spoken_transcript(segments(text, feedback, {}), feedback)
    rendered = "".join(f"[{i.seconds}]" if isinstance(i, Pause) else i.text for i in items)
    assert rendered == "one two three[3.1] four five"
    # A follow-up is shown after the first answer: the pause moves with the transcript.
    combined = "First answer.\n\n" + text
    items = spoken_transcript(segments(combined, {"findings": []}, {}), feedback)
    rendered = "".join(f"[{i.seconds}]" if isinstance(i, Pause) else i.text for i in items)
    assert rendered == "First answer.\n\none two three[3.1] four five"
    assert delivery_rows({}, "en") == []


def test_uploads_left_behind_by_a_stopped_server_are_swept(tmp_path: Path) -> None:
    import os

    from coach.web.speech_jobs import sweep_uploads

    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        (folder / "answer.webm").write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    sweep_uploads(tmp_path)
    assert not old.exists() and new.exists()
    sweep_uploads(tmp_path / "missing")  # no uploads folder yet: nothing to do


def test_an_upload_over_the_limit_is_refused_before_it_is_read(store: Store, audio: dict[str, Path]) -> None:
    from coach.web.settings import Settings

    with Client(create_app(settings=Settings(max_upload_bytes=10_000), store=store)) as small:
        interview_id, page = start_interview(small)
        response = upload(small, interview_id, page, audio["short"].read_bytes())
        assert response.status_code == 413
        assert "too large" in response.json()["error"]["message"]
        assert leftovers() == [] and answers(store, interview_id) == []


def test_a_spoken_follow_up_is_shown_after_the_first_answer(
    client: Client, store: Store, whisper: Path, audio: dict[str, Path]
) -> None:
    interview_id, page = start_interview(client)
    first = client.post_form(
        f"/interviews/{interview_id}/answer",
        {"text": "I did well.", "token": form_value(page, "token"), "position": "0", "kind": "answer"},
    )
    assert first.status_code == 200
    follow_up = client.get(f"/interviews/{interview_id}").text
    assert form_value(follow_up, "slot") == "0:follow_up"
    done = wait(client, upload(client, interview_id, follow_up, audio["short"].read_bytes()).json())
    assert done["status"] == "done", done
    saved = answers(store, interview_id)
    assert [a.kind for a in saved] == ["answer", "follow_up"]
    assert "customers" in saved[1].text.lower() and "transcript" in saved[1].feedback
    html = client.get(done["answer_url"]).text
    transcript = re.sub(r"<[^>]+>", "", html.split('class="answer-text transcript"')[1].split("</div>")[0])
    assert transcript.index("I did well.") < transcript.lower().index("customers")
    interview = store.interview(store.user_id(), interview_id)
    assert interview is not None and interview.position == 1 and interview.pending_follow_up is None
