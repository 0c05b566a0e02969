"""Transcribe while the candidate speaks: finished stretches of speech are transcribed as they arrive.

Audio comes in as 16 kHz samples (StreamTranscriber.feed) or as the growing file a browser's MediaRecorder
sends in chunks (GrowingDecoder). Once enough audio has gathered, it is cut in a pause that voice activity
detection found and that window is transcribed, with the end of what was already said as Whisper's prompt,
so each window keeps the context a whole-file transcription has. At stop only the rest is left; when that
rest is short (where Whisper is least accurate), the last window is transcribed again together with it: the
tail is corrected. The words of each window go to `on_words` as soon as they are known.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.analysis.types import Lang
from coach.speech.transcribe import (
    DISFLUENCY_PROMPTS,
    SAMPLE_RATE,
    PromptMode,
    Transcript,
    Word,
    _copies_prompt,
    _join,
    _run,
    filler_pass,
    load_model,
    resolve_mode,
)

if TYPE_CHECKING:
    import numpy as np

MIN_WINDOW_S = 10.0  # transcribe once this much audio waits and a pause allows a cut
MAX_WINDOW_S = 24.0  # cut even without a pause (Whisper sees 30 seconds at a time)
PAUSE_S = 0.35  # a pause at least this long may end a window
SHORT_TAIL_S = 3.0  # at stop, a rest shorter than this is transcribed again with the window before it
CONTEXT_CHARS = 200  # how much of what was said goes into the prompt of the next window

WordsCallback = Callable[[list[Word]], None]


class StreamTranscriber:
    """Feed samples while the candidate speaks; `finish()` returns the transcript of everything."""

    def __init__(
        self,
        lang: Lang,
        model: str | None = None,
        mode: PromptMode | None = None,
        on_words: WordsCallback | None = None,
        min_window_s: float = MIN_WINDOW_S,
    ) -> None:
        import numpy as np

        from coach.speech.models import model_for

        self.lang: Lang = lang
        self.model = model or model_for(lang)
        self.mode = resolve_mode(lang, mode)
        self.on_words = on_words
        self.min_window_s = min_window_s
        self._chunks: list[np.ndarray] = []
        self._samples = np.zeros(0, dtype=np.float32)
        self._done = 0  # samples transcribed so far
        self._windows: list[tuple[int, int, list[Word]]] = []  # (start, end, words) per window
        self._lock = threading.Lock()
        self.speech_s = 0.0

    @property
    def seconds(self) -> float:
        """Audio received so far."""
        return (len(self._samples) + sum(len(c) for c in self._chunks)) / SAMPLE_RATE

    @property
    def words(self) -> list[Word]:
        """The words transcribed so far."""
        return [w for _, _, words in self._windows for w in words]

    def feed(self, samples: np.ndarray) -> list[Word]:
        """Add audio; transcribe the windows it completes; returns their words."""
        with self._lock:
            self._chunks.append(samples.astype("float32", copy=False))
            return self._advance(final=False)

    def finish(self) -> Transcript:
        """Transcribe what is left (correcting a short tail) and return the whole transcript."""
        with self._lock:
            self._advance(final=True)
            text, spans, words = _join(self.words)
            return Transcript(
                text=text,
                words=tuple(words),
                duration_s=round(len(self._samples) / SAMPLE_RATE, 3),
                language=self.lang,
                spans=tuple(spans),
                speech_s=round(self.speech_s, 3),
                prompted=self.mode == "prompt",
            )

    def _gather(self) -> np.ndarray:
        import numpy as np

        if self._chunks:
            self._samples = np.concatenate([self._samples, *self._chunks])
            self._chunks = []
        return self._samples

    def _advance(self, final: bool) -> list[Word]:
        samples = self._gather()
        new: list[Word] = []
        while True:
            waiting = (len(samples) - self._done) / SAMPLE_RATE
            if final:
                if waiting <= 0.05:
                    break
                cut = len(samples)
            else:
                if waiting < self.min_window_s:
                    break
                found = self._cut(samples)
                if found is None:
                    break
                cut = found
            start = self._done
            if final and (cut - start) / SAMPLE_RATE < SHORT_TAIL_S and self._windows:
                start, _, _ = self._windows.pop()  # the tail with the window before it: context for both
            words = self._transcribe(samples, start, cut, final)
            self._windows.append((start, cut, words))
            self._done = cut
            new += words
            if self.on_words is not None and words:
                self.on_words(words)
        return new

    def _cut(self, samples: np.ndarray) -> int | None:
        """Where the next window ends: in the last finished pause after MIN_WINDOW_S, or at MAX_WINDOW_S."""
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        region = samples[self._done :]
        chunks = get_speech_timestamps(region, VadOptions(min_silence_duration_ms=int(PAUSE_S * 1000)))
        earliest = int(self.min_window_s * SAMPLE_RATE)
        latest = int(MAX_WINDOW_S * SAMPLE_RATE)
        if not chunks:  # silence only: nothing to transcribe, move on
            return self._done + len(region) - SAMPLE_RATE // 2 if len(region) > latest else None
        best = None
        for before, after in zip(chunks, chunks[1:], strict=False):
            middle = (before["end"] + after["start"]) // 2
            if earliest <= middle <= latest:
                best = middle
        last_end = chunks[-1]["end"]
        if len(region) - last_end >= PAUSE_S * SAMPLE_RATE and earliest <= last_end <= latest:
            best = min(len(region), last_end + int(PAUSE_S * SAMPLE_RATE / 2))
        if best is None and len(region) >= latest:
            best = latest
        return None if best is None else self._done + best

    def _led_in(
        self, whisper: Any, samples: np.ndarray, start: int, end: int, context: str
    ) -> tuple[list[Word], Any]:
        """The window transcribed after the last LEAD_IN_S seconds before it (heard first, Whisper goes on
        from there instead of skipping the window's first words); the lead-in's own words are dropped."""
        lead = min(start, int(LEAD_IN_S * SAMPLE_RATE))
        words, info = _run(whisper, samples[start - lead : end], self.lang, context or None, None, 0.0)
        shift = lead / SAMPLE_RATE
        kept = [
            w._replace(start_s=round(max(0.0, w.start_s - shift), 3), end_s=round(w.end_s - shift, 3))
            for w in words
            if w.end_s > shift + 0.1
        ]
        return kept, info

    def _context(self, before: int) -> str:
        said = " ".join(w.word.strip() for s, _, words in self._windows if s < before for w in words)
        return said[-CONTEXT_CHARS:].split(" ", 1)[-1] if len(said) > CONTEXT_CHARS else said

    def _transcribe(self, samples: np.ndarray, start: int, end: int, final: bool = False) -> list[Word]:
        """One window's words. The last one (after stop, when the candidate waits) gets one pass only, led
        in by the end of the window before it, which the retries of the other windows end with anyway."""
        whisper, lock = load_model(self.model, self.lang)
        window = samples[start:end]
        context = self._context(start)
        prompt = context or None
        if self.mode == "prompt" and not context:  # as in a whole file: the prompt starts it off, then
            prompt = DISFLUENCY_PROMPTS[self.lang]  # what was said is the context
        offset = start / SAMPLE_RATE
        with lock:
            if final and start > 0:
                words, info = self._led_in(whisper, samples, start, end, context)
                gap = _uncovered_s(window, words)  # voice activity detection: run it once per transcript
                if gap >= TAIL_GAP_S:  # the lead-in made Whisper drop the last words
                    again, info_again = _run(whisper, window, self.lang, prompt, None, 0.0)
                    if _uncovered_s(window, again) < gap:
                        words, info = again, info_again
            else:
                words, info = _run(whisper, window, self.lang, prompt, None, 0.0)
            if (
                not (final and start > 0)
                and prompt is not None
                and (
                    _copies_prompt(DISFLUENCY_PROMPTS[self.lang], words)
                    or _repeats(context, words)
                    or _skips_speech(window, words)
                )
            ):  # as in transcribe(): the prompt (disfluency or context) made Whisper skip or repeat speech
                again, info_again = _run(whisper, window, self.lang, None, None, 0.0)
                if _uncovered_s(window, again) < _uncovered_s(window, words) or _repeats(context, words):
                    words, info = again, info_again
            if not final and start > 0 and _skips_speech(window, words):  # with the window before's end
                led, info_led = self._led_in(whisper, samples, start, end, context)
                if _uncovered_s(window, led) < _uncovered_s(window, words):
                    words, info = led, info_led
            words = _heard(window, words)
            if self.mode == "fillers" and words:  # greedy: this pass only looks for "ehm" and "uh"
                words = filler_pass(whisper, window, words, self.lang, context or None, beam_size=1)
        self.speech_s += float(info.duration_after_vad)
        return [
            w._replace(start_s=round(w.start_s + offset, 3), end_s=round(w.end_s + offset, 3)) for w in words
        ]


REPEAT_WORDS = 6  # this many words in a row from the context again: Whisper copied its prompt
LONGEST_WORD_S = 1.0  # a word stamped longer than this covers speech it did not write
LEAD_IN_S = 3.0  # seconds of the window before that the last window is transcribed after
TAIL_GAP_S = 0.5  # at stop, this much speech without words gets the last window a second pass without lead-in


def _tokens(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text.lower())


def _repeats(context: str, words: list[Word]) -> bool:
    """Whether the window's text holds REPEAT_WORDS words in a row that are also in a row in the context."""
    said = _tokens(" ".join(w.word for w in words))
    before = " ".join(_tokens(context))
    return (
        any(" ".join(said[i : i + REPEAT_WORDS]) in before for i in range(len(said) - REPEAT_WORDS + 1))
        if before
        else False
    )


def _uncovered_s(samples: np.ndarray, words: list[Word]) -> float:
    """Seconds of speech (voice activity detection) that no word covers, each word counted at most
    LONGEST_WORD_S back from its end (Whisper stretches a word over speech it left out)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    covered = [(max(w.start_s, w.end_s - LONGEST_WORD_S), w.end_s) for w in words]
    missing = 0.0
    for chunk in get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=200, speech_pad_ms=50)):
        start, end = chunk["start"] / SAMPLE_RATE, chunk["end"] / SAMPLE_RATE
        step = 0.1
        t = start
        while t < end:
            if not any(a - 0.15 <= t <= b + 0.15 for a, b in covered):
                missing += step
            t += step
    return missing


def _skips_speech(samples: np.ndarray, words: list[Word]) -> bool:
    """Whether a second or more of speech has no word."""
    return _uncovered_s(samples, words) >= 1.0


def _heard(samples: np.ndarray, words: list[Word]) -> list[Word]:
    """The words placed where voice activity detection hears speech: a prompt with context can make Whisper
    go on "saying" it over the silence at the end of a window."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    chunks = [
        (c["start"] / SAMPLE_RATE, c["end"] / SAMPLE_RATE)
        for c in get_speech_timestamps(samples, VadOptions(speech_pad_ms=200))
    ]
    return [w for w in words if any(a < w.end_s and w.start_s < b for a, b in chunks)]


class GrowingDecoder:
    """Decodes a file that keeps growing (MediaRecorder chunks appended): the samples not returned before."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.returned = 0

    def new_samples(self, final: bool = False) -> np.ndarray:
        """The samples after the ones returned before; without `final` the last half second is held back
        (the last chunk may end inside a frame)."""
        import numpy as np

        samples = decode_partial(self.path)
        usable = len(samples) if final else max(0, len(samples) - SAMPLE_RATE // 2)
        if usable <= self.returned:
            return np.zeros(0, dtype=np.float32)
        fresh = samples[self.returned : usable]
        self.returned = usable
        return fresh


def decode_partial(path: Path) -> np.ndarray:
    """16 kHz mono samples of as much of `path` as can be decoded (a file cut midway gives what is there)."""
    import av
    import numpy as np

    pieces: list[Any] = []
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            try:
                for frame in container.decode(audio=0):
                    for out in resampler.resample(frame):
                        pieces.append(out.to_ndarray().reshape(-1))
            except (av.error.FFmpegError, ValueError):
                pass  # the last chunk is still arriving
    except (av.error.FFmpegError, OSError, ValueError):
        return np.zeros(0, dtype=np.float32)
    if not pieces:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(pieces).astype(np.float32) / 32768.0
