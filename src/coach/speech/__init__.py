"""Spoken practice: check an answer given aloud. Audio stays on this machine; transcription runs locally.

check_audio() validates the file, transcribes it with Whisper (faster-whisper, CPU), runs the same engine as
typed answers over the transcript, and measures the delivery. Importing this package loads no model: the
model is fetched (once) and loaded on the first call.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.analysis.types import Feedback
    from coach.speech.delivery import Delivery, SpeechFinding
    from coach.speech.models import DownloadProgress
    from coach.speech.transcribe import TranscribeProgress, Transcript


@dataclass(frozen=True)
class SpokenFeedback:
    """Feedback on a spoken answer: the text feedback on the transcript, the transcript and the delivery."""

    feedback: Feedback
    transcript: Transcript
    delivery: Delivery

    @property
    def findings(self) -> tuple[SpeechFinding, ...]:
        """The delivery findings (tempo, fillers, pauses, speaking time)."""
        return self.delivery.findings


def check_audio(
    path: str | Path,
    question: str | None = None,
    lang: str | None = None,
    model: str | None = None,
    progress: TranscribeProgress | None = None,
    *,
    ui_lang: str | None = None,
    download_progress: DownloadProgress | None = None,
    transcript: Transcript | None = None,
) -> SpokenFeedback:
    """Check a spoken answer in an audio file (webm/ogg/opus, wav, mp3, m4a; at most ten minutes).

    `question` is a bank id or free text; `lang` "nl" or "en" (detected when None); `model` a Whisper model
    name or folder (default: COACH_WHISPER_MODEL or "base", fetched once). `progress(seconds_done,
    seconds_total)` follows the transcription. Raises coach.errors.CoachError with a coded message (E006,
    E007, E010-E017, E020, E021) in `ui_lang` (default: `lang`, else English) when the audio or model can't
    be used. A `transcript` made while the answer was streamed (coach.speech.stream) is used as it is.
    """
    from coach.analysis.engine import check
    from coach.errors import CoachError, input_error
    from coach.speech.audio import require_speech, validate_audio
    from coach.speech.delivery import delivery
    from coach.speech.transcribe import transcribe

    messages = ui_lang if ui_lang in ("nl", "en") else lang if lang in ("nl", "en") else "en"
    if lang is not None and lang not in ("nl", "en"):
        raise CoachError(input_error("E006", messages, value=lang))
    if transcript is None:
        audio = validate_audio(path, messages)
        transcript = transcribe(
            audio.samples, lang, model, progress, download_progress=download_progress, ui_lang=messages
        )
    require_speech(transcript, messages)
    feedback = check(transcript.text, question=question, lang=transcript.language)
    # The delivery findings say the same as the text ones about fillers and length, measured in time
    # (per minute, seconds of speech): show those, not both. The score is left as the engine made it.
    shown = tuple(f for f in feedback.findings if f.criterion not in SPOKEN_REPLACES)
    feedback = replace(feedback, findings=shown)
    return SpokenFeedback(feedback, transcript, delivery(transcript, transcript.language, question))


SPOKEN_REPLACES = frozenset({"delivery.fillers", "delivery.length"})


__all__ = ["SpokenFeedback", "check_audio"]
