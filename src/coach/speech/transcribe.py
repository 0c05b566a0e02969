"""Speech to text with faster-whisper on the CPU: words with their times, in Dutch or English.

The model is loaded once per process and shared; calls are serialised per model, so it is safe to call
from several threads (a web server's workers): on a 2-core machine parallel decoding would only compete
for the same cores.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from coach.analysis.types import Lang, Span

if TYPE_CHECKING:
    import numpy as np

SAMPLE_RATE = 16_000
LANGS: tuple[Lang, Lang] = ("nl", "en")

# Whisper was trained on transcripts that mostly leave out "ehm" and "uh", so it tends to drop them. A prompt
# written with disfluencies nudges it to keep them (measured in docs/benchmarks.md, section Speech: the prompt
# "Um, well, I uh... I think, uhm, yes." kept fillers too but sometimes ended the transcript early, as if the
# answer was over after "yes"; a prompt that stops mid-story does not). Two failures are checked for and
# then the audio is transcribed again without the prompt: Whisper writing out the prompt itself (on audio it
# can hardly make out), and speech that voice activity detection heard but no word covers.
DISFLUENCY_PROMPTS: dict[str, str] = {
    "nl": "Nou, eh, ik was, ehm, bezig met dat, eh, project.",
    "en": "So, uh, I was, um, working on that, uh, project.",
}
# How fillers are kept, per language, decided from the word error rates on human speech in docs/benchmarks.md
# (section Speech on human voices): "prompt" transcribes with the disfluency prompt; "plain" without it;
# "fillers" without it, then a second pass with the prompt that only adds the filler sounds the first lacks
# (it costs time, twice the transcription, not words). On short Dutch answers the
# prompt doubles or triples the errors (0.46 against 0.31 on Common Voice), so Dutch takes "fillers"; in
# English the prompt costs nothing measurable (0.14 either way) and keeps the most fillers.
PromptMode = Literal["prompt", "plain", "fillers"]
# A filler the second pass places in less time than this was not heard: on read speech without fillers
# the prompted pass loops ("ehm, ehm, ehm"), each stamped at one instant (bench_speech_human.py).
FILLER_MIN_S = 0.1
PROMPT_MODES: tuple[PromptMode, ...] = ("prompt", "plain", "fillers")
DEFAULT_MODES: dict[str, PromptMode] = {"nl": "fillers", "en": "prompt"}
FILLER_SOUND = re.compile(r"^(?:e+h*e*m+|e+h+|u+h+m*|u+m+|hmm+|mm+|er+m+)$", re.IGNORECASE)
PROMPT_COPY_SIMILARITY = 0.75
LANGUAGE_SURE = 0.5  # Whisper's language probability above which its choice between nl and en stands
UNCOVERED_SPEECH_S = 1.0  # a stretch of speech this long without a word means words were dropped

TranscribeProgress = Callable[[float, float], None]
"""Called with (seconds_done, seconds_total) as the transcript's segments arrive."""


class Word(NamedTuple):
    """One recognised word with its time in the audio and the model's confidence."""

    word: str
    start_s: float
    end_s: float
    probability: float


@dataclass(frozen=True)
class Transcript:
    """What was said: the text, each word with its time, and the length of the audio."""

    text: str
    words: tuple[Word, ...]
    duration_s: float
    language: Lang
    spans: tuple[Span, ...] = ()  # each word's place in `text`: text[start:end] == word
    speech_s: float = 0.0  # seconds that voice activity detection kept as speech
    prompted: bool = False  # whether the disfluency prompt was used for this transcript

    def words_in(self, span: Span) -> list[int]:
        """Indexes of the words that overlap the character span `span` of the text."""
        return [i for i, (a, b) in enumerate(self.spans) if a < span[1] and span[0] < b]


_models: dict[Path, tuple[Any, threading.Lock]] = {}
_models_lock = threading.Lock()


def load_model(
    model: str | None = None, lang: str = "en", progress: Callable[[int, int], None] | None = None
) -> tuple[Any, threading.Lock]:
    """The faster-whisper model `model` (name or path), fetched on first use and loaded once per process."""
    from coach.speech.models import ensure_model

    path = ensure_model(model, progress=progress, lang=lang).resolve()
    with _models_lock:
        if path not in _models:
            from faster_whisper import WhisperModel

            whisper = WhisperModel(
                str(path), device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 1, num_workers=1
            )
            _models[path] = (whisper, threading.Lock())
        return _models[path]


def forget_model(path: Path) -> None:
    """Drop a loaded model (after it was removed from the cache)."""
    with _models_lock:
        _models.pop(Path(path).resolve(), None)


def detect_language(whisper: Any, samples: np.ndarray) -> Lang:
    """Dutch or English (other languages are not considered).

    Whisper's own language identification first; when it is sure of neither (it often isn't on synthetic or
    accented speech, and then guesses Afrikaans or Latin), the first 30 seconds are decoded as Dutch and as
    English and the language in which the model finds the words more likely wins.
    """
    _, _, probabilities = whisper.detect_language(audio=samples, vad_filter=True)
    scores = dict(probabilities)
    best: Lang = "nl" if scores.get("nl", 0.0) > scores.get("en", 0.0) else "en"
    if scores.get(best, 0.0) >= LANGUAGE_SURE:
        return best
    likelihood = {}
    for lang in LANGS:
        segments, _ = whisper.transcribe(
            samples[: 30 * SAMPLE_RATE],
            language=lang,
            without_timestamps=True,
            vad_filter=True,
            beam_size=1,
            temperature=0.0,
            condition_on_previous_text=False,
        )
        scored = [(s.avg_logprob, len(s.tokens)) for s in segments]
        tokens = sum(n for _, n in scored)
        likelihood[lang] = sum(p * n for p, n in scored) / tokens if tokens else float("-inf")
    return "nl" if likelihood["nl"] > likelihood["en"] else "en"


def transcribe(
    audio_path: str | Path | np.ndarray,
    lang: str | None,
    model: str | None = None,
    progress: TranscribeProgress | None = None,
    *,
    disfluency_prompt: bool | None = None,
    mode: PromptMode | None = None,
    download_progress: Callable[[int, int], None] | None = None,
    ui_lang: str | None = None,
) -> Transcript:
    """Transcribe an audio file (or 16 kHz mono samples) in `lang` ("nl"/"en"; detected when None).

    Words come with start and end times; voice activity detection skips silence. Fillers ("ehm", "uh") are
    kept the way `mode` says ("prompt", "plain" or "fillers", see DEFAULT_MODES; default per language, or
    COACH_SPEECH_MODE); `disfluency_prompt=True/False` is short for "prompt"/"plain". Model errors (E016,
    E017) are raised as CoachError in `ui_lang` (default: `lang`, else English).
    """
    from faster_whisper.audio import decode_audio

    samples = audio_path if not isinstance(audio_path, str | Path) else decode_audio(str(audio_path))
    messages = ui_lang if ui_lang in LANGS else lang if lang in LANGS else "en"
    from coach.speech.models import model_for

    name = model or model_for(lang if lang in LANGS else "nl")  # detection needs a multilingual model
    whisper, lock = load_model(name, messages, download_progress)
    total = len(samples) / SAMPLE_RATE
    progress = _monotonic(progress)
    if lang in LANGS:
        language: Lang = lang
    else:
        with lock:
            language = detect_language(whisper, samples)
        if model is None and model_for(language) != name:
            whisper, lock = load_model(model_for(language), messages, download_progress)
    _require_language(model or model_for(language), language, messages)
    with lock:
        chosen = resolve_mode(language, mode, disfluency_prompt)
        prompt = DISFLUENCY_PROMPTS[language] if chosen == "prompt" else None
        words, info = _run(whisper, samples, language, prompt, progress, total)
        if prompt is not None and (_copies_prompt(prompt, words) or _drops_speech(samples, words)):
            prompt = None
            words, info = _run(whisper, samples, language, None, progress, total)
        if chosen == "fillers":
            words = filler_pass(whisper, samples, words, language)
    if progress is not None:
        progress(total, total)
    text, spans, cleaned = _join(words)
    return Transcript(
        text=text,
        words=tuple(cleaned),
        duration_s=round(float(info.duration), 3),
        language=language,
        spans=tuple(spans),
        speech_s=round(float(info.duration_after_vad), 3),
        prompted=prompt is not None,
    )


def _require_language(name: str, language: str, ui_lang: str) -> None:
    """E022 when an English-only model would have to transcribe Dutch."""
    from coach.errors import CoachError, input_error
    from coach.speech.models import english_only, known_names

    if language == "nl" and english_only(name):
        multilingual = ", ".join(n for n in known_names() if not english_only(n))
        raise CoachError(input_error("E022", ui_lang, model=name, choices=multilingual))


def resolve_mode(language: str, mode: str | None = None, disfluency_prompt: bool | None = None) -> PromptMode:
    """The filler mode: `mode`, else the bool's, else COACH_SPEECH_MODE, else the language's default."""
    if mode in PROMPT_MODES:
        return mode
    if disfluency_prompt is not None:
        return "prompt" if disfluency_prompt else "plain"
    configured = os.environ.get("COACH_SPEECH_MODE", "")
    if configured in PROMPT_MODES:
        return configured
    return DEFAULT_MODES.get(language, "plain")


def filler_pass(
    whisper: Any,
    samples: np.ndarray,
    words: list[Word],
    language: Lang,
    context: str | None = None,
    beam_size: int = 5,
) -> list[Word]:
    """The words plus the filler sounds ("ehm", "uh") that a second pass with the disfluency prompt hears.

    The second pass decides nothing but the fillers: its words are aligned with the first pass's, and only
    filler sounds it has where the first has none are added, at the times the second pass gives them.
    """
    from rapidfuzz.distance import Levenshtein

    prompt = DISFLUENCY_PROMPTS[language] if not context else f"{DISFLUENCY_PROMPTS[language]} {context}"
    # No temperature fallback: where the prompt sets Whisper off inventing, decoding again at higher
    # temperatures only costs time (up to five more passes) for a pass that only looks for fillers.
    prompted, _ = _run(whisper, samples, language, prompt, None, 0.0, beam_size, fallback=False)
    if _copies_prompt(DISFLUENCY_PROMPTS[language], prompted):
        return words
    plain = [_token(w.word) for w in words]
    other = [_token(w.word) for w in prompted]
    added: list[Word] = []
    for op in Levenshtein.opcodes(plain, other):
        if op.tag in ("insert", "replace"):
            for w in prompted[op.dest_start : op.dest_end]:
                token = _token(w.word)
                if w.end_s - w.start_s < FILLER_MIN_S:  # a loop of "ehm, ehm" stamped on one instant
                    continue
                if FILLER_SOUND.match(token) and not any(
                    o.start_s < w.end_s and w.start_s < o.end_s and FILLER_SOUND.match(_token(o.word))
                    for o in words
                ):
                    added.append(w._replace(word=" " + token.lower() + ","))
    if not added:
        return words
    return sorted([*words, *added], key=lambda w: (w.start_s, w.end_s))


def _token(word: str) -> str:
    return re.sub(r"[^\w']", "", word).lower()


def _monotonic(progress: TranscribeProgress | None) -> TranscribeProgress | None:
    """The callback, never told less than before (a second pass without the prompt starts again at 0)."""
    if progress is None:
        return None
    highest = 0.0

    def report(done: float, total: float) -> None:
        nonlocal highest
        if done >= highest:
            highest = done
            progress(done, total)

    return report


def _run(
    whisper: Any,
    samples: np.ndarray,
    language: Lang,
    prompt: str | None,
    progress: TranscribeProgress | None,
    total: float,
    beam_size: int = 5,
    fallback: bool = True,
) -> tuple[list[Word], Any]:
    """One pass of Whisper over the samples: the words with their times, and faster-whisper's info."""
    segments, info = whisper.transcribe(
        samples,
        language=language,
        task="transcribe",
        word_timestamps=True,
        vad_filter=True,
        initial_prompt=prompt,
        beam_size=beam_size,
        **({} if fallback else {"temperature": 0.0}),
    )
    words: list[Word] = []
    for segment in segments:
        for w in segment.words or ():
            words.append(Word(w.word, round(float(w.start), 3), round(float(w.end), 3), float(w.probability)))
        if progress is not None:
            progress(min(float(segment.end), total), total)
    return words, info


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _copies_prompt(prompt: str, words: list[Word]) -> bool:
    """Whether the transcript contains (nearly) the prompt's own words in a row, which speech hardly does."""
    from rapidfuzz.distance import Levenshtein

    wanted = _tokens(prompt)
    said = _tokens(" ".join(w.word for w in words))
    size = len(wanted)
    windows = [said[i : i + size] for i in range(max(1, len(said) - size + 1))]
    return any(
        Levenshtein.normalized_similarity(wanted, window) >= PROMPT_COPY_SIMILARITY for window in windows
    )


def _join(words: list[Word]) -> tuple[str, list[Span], list[Word]]:
    """The text as Whisper spaced it, each word's span in it, and the words without their spaces."""
    parts: list[str] = []
    spans: list[Span] = []
    cleaned: list[Word] = []
    position = 0
    for w in words:
        token = w.word.strip()
        if not token:
            continue
        separator = " " if parts and w.word[:1].isspace() else ""  # no space: the word goes on ("20" "%")
        if separator:
            parts.append(separator)
            position += 1
        spans.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
        cleaned.append(w._replace(word=token))
    return "".join(parts), spans, cleaned


def _drops_speech(samples: np.ndarray, words: list[Word]) -> bool:
    """Whether voice activity detection hears speech (a second or more) where the transcript has no word."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    for chunk in get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=200, speech_pad_ms=50)):
        start, end = chunk["start"] / SAMPLE_RATE, chunk["end"] / SAMPLE_RATE
        if end - start >= UNCOVERED_SPEECH_S and not any(w.start_s < end and start < w.end_s for w in words):
            return True
    return False
