"""Spoken answers streamed while the candidate speaks: one StreamSession per answer (its submission token).

The browser sends MediaRecorder chunks over a WebSocket (routes/speech_stream.py); each chunk is appended to
a file under the uploads folder at once, so a dropped connection loses nothing: the browser reconnects with
the same token, hears how many bytes arrived and sends the rest (or sends the whole recording as a file
through the ordinary upload). The transcription runs in the speech thread (speech_jobs.executor), a window
at a time (coach.speech.stream); at stop the answer is saved through the ordinary job, with the transcript
made while streaming.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.speech.stream import GrowingDecoder, StreamTranscriber
from coach.store import speech as speech_store
from coach.store.repository import Store
from coach.web import speech_jobs

MAX_STREAM_BYTES = 64 * 1024 * 1024  # ten minutes of opus is far less


@dataclass
class StreamSession:
    """One answer being streamed: where its bytes go, its transcriber, and what the browser was shown."""

    user_id: int
    interview_id: int
    position: int
    kind: str
    token: str
    lang: str
    path: Path
    received: int = 0
    shown: int = 0  # how many words the browser has been sent
    transcriber: StreamTranscriber | None = None
    decoder: GrowingDecoder | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    pumping: bool = False
    finished: bool = False

    def append(self, data: bytes) -> int:
        """Keep a chunk (on disk at once); returns the bytes received so far."""
        with self.path.open("ab") as out:
            out.write(data)
        self.received += len(data)
        return self.received

    def pump(self) -> None:
        """Decode what arrived and transcribe the windows it completes (runs in the speech thread)."""
        try:
            with self.lock:
                if self.finished:
                    return
                transcriber, decoder = self._parts()
                fresh = decoder.new_samples()
                if len(fresh):
                    transcriber.feed(fresh)
        finally:
            self.pumping = False

    def new_words(self) -> list[str]:
        """The words transcribed since the last call."""
        if self.transcriber is None:
            return []
        words = self.transcriber.words
        fresh = [w.word.strip() for w in words[self.shown :]]
        self.shown = len(words)
        return fresh

    def text(self) -> str:
        """Everything transcribed so far."""
        return " ".join(w.word.strip() for w in self.transcriber.words) if self.transcriber else ""

    def finish(self, store: Store) -> int | None:
        """Transcribe the rest, save the answer through a job; returns the job id (None when already done)."""
        with self.lock:
            if self.finished:
                return speech_store.job_by_token(store, self.user_id, self.token)
            transcriber, decoder = self._parts()
            fresh = decoder.new_samples(final=True)
            if len(fresh):
                transcriber.feed(fresh)
            transcript = transcriber.finish()
            self.finished = True
        forget(self.user_id, self.token)
        job_id, created = speech_store.create_job(
            store,
            self.user_id,
            interview_id=self.interview_id,
            position=self.position,
            kind=self.kind,
            token=self.token,
            lang=self.lang,
        )
        upload = speech_jobs.Upload(
            self.path, ".webm", "audio/webm", transcript=transcript if transcript.words else None
        )
        if created:
            speech_jobs.run(store, self.user_id, job_id, upload)
        else:
            speech_jobs.discard(upload)
        return job_id

    def _parts(self) -> tuple[StreamTranscriber, GrowingDecoder]:
        if self.transcriber is None or self.decoder is None:
            self.transcriber = StreamTranscriber(self.lang)  # type: ignore[arg-type]
            self.decoder = GrowingDecoder(self.path)
        return self.transcriber, self.decoder


_sessions: dict[tuple[int, str], StreamSession] = {}
_sessions_lock = threading.Lock()


def stream_path(token: str) -> Path:
    """The file a streamed answer's chunks are appended to."""
    return speech_store.uploads_dir() / f"stream-{token}" / "answer.webm"


def open_session(
    user_id: int, interview_id: int, position: int, kind: str, token: str, lang: str
) -> StreamSession:
    """The session of this answer: the running one (after a dropped connection), else a new one. A file kept
    from before (the server restarted) is picked up and transcribed again from its start."""
    with _sessions_lock:
        known = _sessions.get((user_id, token))
        if known is not None and not known.finished:
            return known
        path = stream_path(token)
        path.parent.mkdir(parents=True, exist_ok=True)
        received = path.stat().st_size if path.is_file() else 0
        session = StreamSession(user_id, interview_id, position, kind, token, lang, path, received=received)
        _sessions[(user_id, token)] = session
        return session


def forget(user_id: int, token: str) -> None:
    """Drop a session from memory (its file is the job's to delete)."""
    with _sessions_lock:
        _sessions.pop((user_id, token), None)


def discard(user_id: int, token: str) -> None:
    """Drop a session and its file (the answer was sent as a whole file instead, or abandoned)."""
    forget(user_id, token)
    with contextlib.suppress(OSError):
        shutil.rmtree(stream_path(token).parent)


def schedule(session: StreamSession) -> Any:
    """Queue a pump of the session in the speech thread unless one is waiting already."""
    if session.pumping or session.finished:
        return None
    session.pumping = True
    return speech_jobs.executor().submit(session.pump)
