"""How an answer was said: tempo, fillers over time, long pauses, hedges and speaking time.

The bands and limits per language are data (lang/<lang>/speech_rate.yaml, with their sources); the words of
the findings too (speech/findings.yaml). Fillers and hedges are found with the same rules as in typed answers
(coach.analysis.fillers), then placed in time through the transcript's word timings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from coach.analysis.fillers import find_fillers, find_hedges
from coach.analysis.types import Lang, Span, Status
from coach.lang import load_data
from coach.speech.transcribe import Transcript

Band = Literal["slow", "fine", "fast"]
MIN_WORDS_FOR_RATE = 8  # below this a rate says nothing


@dataclass(frozen=True)
class TimedFiller:
    """A filler word in the transcript: as written, its span in the text, and when it was said."""

    text: str
    span: Span
    start_s: float
    end_s: float


@dataclass(frozen=True)
class Burst:
    """Three or more fillers close together (speech_rate.yaml: fillers.burst_count within burst_window_s)."""

    start_s: float
    end_s: float
    count: int


@dataclass(frozen=True)
class SpeechFinding:
    """A verdict on the delivery, in the answer's language, pointing at words (spans) and moments (times)."""

    criterion: str  # speech.rate, speech.fillers, speech.pauses, speech.length
    status: Status
    message: str
    tip: str
    spans: tuple[Span, ...] = ()
    times: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Delivery:
    """The figures of a spoken answer and the findings about them."""

    language: Lang
    duration_s: float  # the whole recording
    speaking_s: float  # from the first word to the last, pauses included
    words: int
    syllables: int
    wpm: float
    syllables_per_s: float
    band: Band | None  # None when there were too few words to judge the tempo
    fillers: tuple[TimedFiller, ...]
    fillers_per_min: float
    fillers_per_100_words: float
    bursts: tuple[Burst, ...]
    pauses: tuple[tuple[float, float], ...]
    hedges: tuple[Span, ...]
    length_band: Literal["short", "fine", "long"]
    length_range: tuple[int, int]  # the guidance in seconds for this kind of question
    question_kind: str | None
    findings: tuple[SpeechFinding, ...] = ()


def rates(lang: str) -> dict[str, Any]:
    """The bands and limits for `lang` from lang/<lang>/speech_rate.yaml."""
    return load_data("nl" if lang == "nl" else "en", "speech_rate")  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def texts() -> dict[str, Any]:
    """The findings' messages and tips and the CLI's labels, in both languages (speech/findings.yaml)."""
    data: dict[str, Any] = yaml.safe_load(
        resources.files("coach.speech").joinpath("findings.yaml").read_text(encoding="utf-8")
    )
    return data


def label(key: str, lang: str, **values: object) -> str:
    """A label from findings.yaml in `lang`, with `values` filled in."""
    text: str = texts()["labels"][key]["nl" if lang == "nl" else "en"]
    return text.format(**values) if values else text


# --- syllables -------------------------------------------------------------------------------------------

_VOWEL_GROUP = {
    "nl": re.compile(r"[äëïöü][aeiouy]*|[aeiouyàáâèéêìíîòóôùúû]+"),  # ë and ï start a syllable: ide-eën
    "en": re.compile(r"[aeiouy]+"),
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=2)
def _hyphenator(lang: str):  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="nl_NL" if lang == "nl" else "en_GB")


def _vowel_groups(word: str, lang: str) -> int:
    count = len(_VOWEL_GROUP[lang].findall(word))
    if lang == "en" and count > 1:
        if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
            count -= 1  # silent e: "make", but "table", "agree"
        elif re.search(r"[^aeioudt]ed$", word) or re.search(r"[^aeiouyszxhgc]es$", word):
            count -= 1  # "closed", "makes"; but "needed", "changes"
    return count


def _number_syllables(token: str) -> int:
    """A rough count for a number written in digits: about one and a half syllables a digit."""
    digits = sum(c.isdigit() for c in token.split(",")[0].split(".")[0])
    return max(1, round(1.5 * digits))


def count_syllables(word: str, lang: str) -> int:
    """Syllables in one word: pyphen's hyphenation points, corrected by a vowel-group count.

    TeX hyphenation patterns never break off a single letter at either end ("about", "every"), so they count
    too few; the vowel-group count (with a silent-e rule for English) fills that in. Digits are estimated.
    """
    lang = "nl" if lang == "nl" else "en"
    total = 0
    for part in re.findall(r"[^\W\d_]+|\d+(?:[.,]\d+)*", word.lower()):
        if _NUMBER.fullmatch(part):
            total += _number_syllables(part)
            continue
        hyphenated = len(_hyphenator(lang).positions(part)) + 1
        total += max(hyphenated, _vowel_groups(part, lang), 1)
    if "%" in word:
        total += 2  # procent, percent
    if any(sign in word for sign in "€$£"):
        total += 2  # euro, dollar, pond
    return total


# --- timing ----------------------------------------------------------------------------------------------


def _word_spans(transcript: Transcript) -> tuple[Span, ...]:
    if len(transcript.spans) == len(transcript.words):
        return transcript.spans
    spans, position = [], 0
    for w in transcript.words:
        start = transcript.text.find(w.word, position)
        start = position if start < 0 else start
        spans.append((start, start + len(w.word)))
        position = start + len(w.word)
    return tuple(spans)


def _timed(span: Span, spans: tuple[Span, ...], transcript: Transcript) -> tuple[float, float] | None:
    hits = [i for i, (a, b) in enumerate(spans) if a < span[1] and span[0] < b]
    if not hits:
        return None
    return transcript.words[hits[0]].start_s, transcript.words[hits[-1]].end_s


def find_bursts(times: list[float], count: int, window_s: float) -> tuple[Burst, ...]:
    """Stretches where at least `count` of the moments `times` fall within `window_s` seconds, merged."""
    times = sorted(times)
    stretches: list[list[float]] = []
    for i, start in enumerate(times):
        j = i
        while j + 1 < len(times) and times[j + 1] - start <= window_s:
            j += 1
        if j - i + 1 >= count:
            if stretches and start <= stretches[-1][1]:
                stretches[-1][1] = max(stretches[-1][1], times[j])
            else:
                stretches.append([start, times[j]])
    return tuple(Burst(round(a, 2), round(b, 2), sum(a <= t <= b for t in times)) for a, b in stretches)


def find_pauses(transcript: Transcript, longer_than_s: float) -> tuple[tuple[float, float], ...]:
    """Silences between two words longer than `longer_than_s`, as (start_s, end_s)."""
    words = transcript.words
    return tuple(
        (round(a.end_s, 2), round(b.start_s, 2))
        for a, b in zip(words, words[1:], strict=False)
        if b.start_s - a.end_s > longer_than_s
    )


# --- the delivery ----------------------------------------------------------------------------------------


def _kind(question: object) -> str | None:
    if question is None:
        return None
    if isinstance(question, str):
        from coach.analysis.engine import resolve_question

        return resolve_question(question)[1].kind
    return getattr(question, "kind", None)


def _fmt(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    if digits and text.endswith("0" * digits):
        text = text[: -digits - 1]
    return text.replace(".", ",") if lang == "nl" else text


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def _finding(
    criterion: str,
    outcome: str,
    status: Status,
    lang: str,
    values: dict[str, object],
    spans: tuple[Span, ...] = (),
    times: tuple[tuple[float, float], ...] = (),
) -> SpeechFinding:
    entry = texts()[criterion]
    key = "nl" if lang == "nl" else "en"
    message = entry["messages"][outcome][key].format(**values)
    tip = " ".join(entry["tips"][outcome][key].split())
    return SpeechFinding(criterion, status, message, tip, spans, times)


def delivery(transcript: Transcript, lang: str | None = None, question: object = None) -> Delivery:
    """Tempo, fillers, pauses, hedges and speaking time of a transcribed answer, with findings in `lang`.

    `question` is a bank id or free text (as for check()), or a Question; its kind sets the length guidance.
    """
    language: Lang = lang if lang in ("nl", "en") else transcript.language  # type: ignore[assignment]
    limits = rates(language)
    words = [w for w in transcript.words if re.search(r"\w", w.word)]
    spans = _word_spans(transcript)
    speaking = max(words[-1].end_s - words[0].start_s, 0.01) if words else 0.0
    minutes = speaking / 60 if speaking else 0.0
    syllables = sum(count_syllables(w.word, language) for w in words)
    wpm = len(words) / minutes if minutes else 0.0
    sps = syllables / speaking if speaking else 0.0
    band: Band | None = None
    if len(words) >= MIN_WORDS_FOR_RATE:
        bounds = limits["rate"]["syllables_per_s"]
        band = "slow" if sps < bounds["slow_below"] else "fast" if sps > bounds["fast_above"] else "fine"

    fillers: list[TimedFiller] = []
    for text, span in find_fillers(transcript.text, language):
        when = _timed(span, spans, transcript)
        if when is not None:
            fillers.append(TimedFiller(text, span, *when))
    rules = limits["fillers"]
    bursts = find_bursts([f.start_s for f in fillers], rules["burst_count"], rules["burst_window_s"])
    per_min = len(fillers) / minutes if minutes else 0.0
    per_100 = 100 * len(fillers) / len(words) if words else 0.0
    pauses = find_pauses(transcript, limits["pauses"]["long_s"])
    hedges = tuple(find_hedges(transcript.text, language))

    kind = _kind(question)
    low, high = limits["answer_seconds"].get(kind or "default", limits["answer_seconds"]["default"])
    length_band: Literal["short", "fine", "long"] = (
        "short" if speaking < low else "long" if speaking > high else "fine"
    )

    values: dict[str, object] = {
        "wpm": round(wpm),
        "sps": _fmt(sps, language),
        "count": len(fillers),
        "per_min": _fmt(per_min, language),
        "per_100": _fmt(per_100, language),
        "bursts": len(bursts),
        "times": ", ".join(_clock(b.start_s) for b in bursts),
    }
    findings: list[SpeechFinding] = []
    if band is not None:
        findings.append(
            _finding("speech.rate", band, "met" if band == "fine" else "warning", language, values)
        )
    if words:
        filler_spans = tuple(f.span for f in fillers)
        burst_times = tuple((b.start_s, b.end_s) for b in bursts)
        many = len(fillers) >= rules["min_count"] and (
            per_min > rules["max_per_min"] or per_100 > rules["max_per_100_words"]
        )
        outcome = "many" if many else "bursts" if bursts else "few"
        status: Status = "met" if outcome == "few" else "warning"
        findings.append(
            _finding(
                "speech.fillers",
                outcome,
                status,
                language,
                values,
                filler_spans if many or bursts else (),
                burst_times,
            )
        )
        pause_rules = limits["pauses"]
        longest = max((b - a for a, b in pauses), default=0.0)
        pause_values = {
            "count": len(pauses),
            "limit": _fmt(pause_rules["long_s"], language),
            "longest": _fmt(longest, language),
            "times": ", ".join(_clock(a) for a, _ in pauses),
        }
        warn = len(pauses) >= pause_rules["warn_count"] or longest > pause_rules["warn_longest_s"]
        if pauses:
            findings.append(
                _finding(
                    "speech.pauses", "some", "warning" if warn else "met", language, pause_values, (), pauses
                )
            )
        else:
            findings.append(_finding("speech.pauses", "none", "met", language, pause_values))
        length_values = {"seconds": round(speaking), "min": low, "max": high}
        length_status: Status = (
            "missed" if length_band == "short" else "warning" if length_band == "long" else "met"
        )
        findings.append(_finding("speech.length", length_band, length_status, language, length_values))

    return Delivery(
        language=language,
        duration_s=round(transcript.duration_s, 2),
        speaking_s=round(speaking, 2),
        words=len(words),
        syllables=syllables,
        wpm=round(wpm, 1),
        syllables_per_s=round(sps, 2),
        band=band,
        fillers=tuple(fillers),
        fillers_per_min=round(per_min, 2),
        fillers_per_100_words=round(per_100, 2),
        bursts=bursts,
        pauses=pauses,
        hedges=hedges,
        length_band=length_band,
        length_range=(low, high),
        question_kind=kind,
        findings=tuple(findings),
    )
