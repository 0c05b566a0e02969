"""What the feedback page shows of a spoken answer: the transcript with its long pauses, and the delivery.

The answer's feedback JSON carries `transcript` (text, words with times and spans) and `delivery` (figures
and findings); these helpers turn them into rows and marks for the templates (installed as Jinja globals).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from coach.i18n import N_, translate
from coach.web.highlight import Segment

BANDS = {"slow": N_("too slow"), "fine": N_("fine"), "fast": N_("too fast")}
LENGTH_BANDS = {"short": N_("too short"), "fine": N_("fine"), "long": N_("too long")}


@dataclass(frozen=True)
class Pause:
    """A long silence between two words of the transcript."""

    seconds: float
    at_s: float


def number(value: float | int | None, lang: str, digits: int = 1) -> str:
    """A figure as the user's language writes it (decimal comma in Dutch), without a trailing .0."""
    if value is None:
        return "–"
    text = f"{float(value):.{digits}f}"
    if digits and text.endswith("." + "0" * digits):
        text = text[: -digits - 1]
    return text.replace(".", ",") if lang == "nl" else text


def clock(seconds: float | None) -> str:
    """Seconds as m:ss."""
    whole = int(round(seconds or 0))
    return f"{whole // 60}:{whole % 60:02d}"


def _pause_offsets(feedback: dict[str, Any]) -> list[tuple[int, Pause]]:
    """Where in the transcript text each long pause falls (after which character), with its length."""
    transcript = feedback.get("transcript") or {}
    delivery = feedback.get("delivery") or {}
    words = transcript.get("words") or []
    found: list[tuple[int, Pause]] = []
    for pause in delivery.get("pauses") or []:
        start, end = float(pause[0]), float(pause[1])
        best = None
        for word in words:
            span = word.get("span")
            if span is None or float(word.get("end", -1)) > start + 0.05:
                continue
            best = int(span[1])
        if best is not None:
            found.append((best, Pause(round(end - start, 1), start)))
    return found


def spoken_transcript(segments: list[Segment], feedback: dict[str, Any]) -> list[Segment | Pause]:
    """The highlighted segments of the answer with a Pause put in after the word where each long pause began.

    The segments may cover more than the transcript (a follow-up is shown after the first answer); the
    transcript is their end.
    """
    text = (feedback.get("transcript") or {}).get("text") or ""
    total = sum(len(s.text) for s in segments)
    shift = max(0, total - len(text))
    cuts = sorted(((offset + shift, pause) for offset, pause in _pause_offsets(feedback)), key=lambda c: c[0])
    items: list[Segment | Pause] = []
    position = 0
    for segment in segments:
        start, end = position, position + len(segment.text)
        piece_start = start
        while cuts and cuts[0][0] <= end:
            offset, pause = cuts.pop(0)
            offset = max(offset, piece_start)
            if offset > piece_start:
                items.append(Segment(segment.text[piece_start - start : offset - start], segment.marks))
                piece_start = offset
            items.append(pause)
        if piece_start < end:
            items.append(Segment(segment.text[piece_start - start :], segment.marks))
        position = end
    items.extend(pause for _, pause in cuts)
    return items


def pause_inserts(text: str, feedback: dict[str, Any], lang: str) -> list[tuple[int, str]]:
    """The long pauses of a spoken answer as (offset into `text`, HTML) to put into the marked answer.

    `text` may hold more than the transcript (a follow-up is shown after the first answer); the
    transcript is its end.
    """
    transcript = (feedback.get("transcript") or {}).get("text") or ""
    shift = max(0, len(text) - len(transcript))
    inserts = []
    for offset, pause in _pause_offsets(feedback):
        seconds = number(pause.seconds, lang)
        label = escape(translate(lang, "pause of {seconds} seconds", seconds=seconds))
        html = f'<span class="pause" role="img" aria-label="{label}">‖ {seconds} s</span>'
        inserts.append((offset + shift, html))
    return inserts


def delivery_rows(feedback: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The delivery figures as (label, value) rows in `lang`."""
    d = feedback.get("delivery") or {}
    if not d:
        return []

    def _(message: str, **values: Any) -> str:
        return translate(lang, message, **values)

    band = d.get("band")
    pauses = d.get("pauses") or []
    longest = max((float(b) - float(a) for a, b in pauses), default=0.0)
    low, high = (d.get("length_range") or [0, 0])[:2]
    rows = [
        (_("Length of the recording"), clock(d.get("duration_s"))),
        (_("Speaking time (first word to last)"), clock(d.get("speaking_s"))),
        (_("Words"), str(d.get("words", 0))),
        (_("Words per minute"), number(d.get("wpm"), lang, 0)),
        (_("Syllables per second"), number(d.get("syllables_per_s"), lang)),
        (
            _("Tempo"),
            _(BANDS[band]) if band in BANDS else _("too few words to judge"),
        ),
        (_("Filler words"), str(len(d.get("fillers") or []))),
        (_("Fillers per minute"), number(d.get("fillers_per_min"), lang)),
        (_("Fillers per 100 words"), number(d.get("fillers_per_100_words"), lang)),
        (
            _("Long pauses"),
            _(
                "{count} (longest {seconds} s, at {times})",
                count=len(pauses),
                seconds=number(longest, lang),
                times=", ".join(clock(float(a)) for a, _ in pauses),
            )
            if pauses
            else _("no long pauses"),
        ),
    ]
    if d.get("length_band") in LENGTH_BANDS and high:
        rows.append(
            (
                _("Length for this kind of question"),
                _(
                    "{verdict} (aim for {low} to {high} seconds)",
                    verdict=_(LENGTH_BANDS[d["length_band"]]),
                    low=low,
                    high=high,
                ),
            )
        )
    return rows


CHART_W, CHART_H, CHART_PAD = 600, 140, 24
MIN_CHART_WORDS = 8


@dataclass(frozen=True)
class PacePoint:
    """One stretch of the answer on the pace chart: where it is drawn and its words per minute."""

    x: float
    y: float
    wpm: int
    start_s: float
    end_s: float


@dataclass(frozen=True)
class PaceChart:
    """What the pace chart draws (an inline SVG, no script): words per minute per stretch of the answer, the
    band of a comfortable pace, the long pauses as grey bars and the fillers as ticks."""

    width: int
    height: int
    points: tuple[PacePoint, ...]
    band: tuple[float, float]  # y of the fast and of the slow limit
    band_wpm: tuple[int, int]
    pauses: tuple[tuple[float, float], ...]  # x and width
    fillers: tuple[float, ...]  # x
    duration_s: float

    @property
    def polyline(self) -> str:
        """The points as an SVG polyline attribute."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def pace_chart(feedback: dict[str, Any], lang: str) -> PaceChart | None:
    """Words per minute over the answer in stretches of 5 seconds or more (about a dozen), or None when the
    answer has too few words to draw."""
    from coach.lang import load_data

    words = (feedback.get("transcript") or {}).get("words") or []
    delivery = feedback.get("delivery") or {}
    if len(words) < MIN_CHART_WORDS:
        return None
    filler_spans = {tuple(f.get("span") or ()) for f in delivery.get("fillers") or []}
    begin = float(words[0]["start"])
    end = max(float(w["end"]) for w in words)
    if end - begin < 10:
        return None
    stretch = max(5.0, (end - begin) / 12)
    count = max(2, round((end - begin) / stretch))
    stretch = (end - begin) / count
    limits = load_data(lang if lang in ("nl", "en") else "en", "speech_rate")["rate"]["words_per_min"]
    slow, fast = int(limits["slow_below"]), int(limits["fast_above"])
    rates = []
    for i in range(count):
        a, b = begin + i * stretch, begin + (i + 1) * stretch
        said = [w for w in words if a <= float(w["start"]) < b or (i == count - 1 and float(w["start"]) == b)]
        said = [w for w in said if tuple(w.get("span") or ()) not in filler_spans]
        rates.append((a, b, len(said) * 60 / stretch))
    top = max(fast + 40, max(r for _, _, r in rates) + 20)
    inner_w, inner_h = CHART_W - 2 * CHART_PAD, CHART_H - 2 * CHART_PAD

    def x_of(seconds: float) -> float:
        return CHART_PAD + (seconds - begin) / (end - begin) * inner_w

    def y_of(wpm: float) -> float:
        return CHART_PAD + inner_h - wpm / top * inner_h

    points = tuple(
        PacePoint(x_of((a + b) / 2), y_of(r), round(r), round(a, 1), round(b, 1)) for a, b, r in rates
    )
    pauses = tuple(
        (x_of(float(p[0])), max(2.0, x_of(float(p[1])) - x_of(float(p[0]))))
        for p in delivery.get("pauses") or []
        if begin <= float(p[0]) <= end
    )
    fillers = tuple(
        x_of(float(f["start"])) for f in delivery.get("fillers") or [] if begin <= float(f["start"]) <= end
    )
    return PaceChart(CHART_W, CHART_H, points, (y_of(fast), y_of(slow)), (slow, fast), pauses, fillers, end)


def first_point(feedback: dict[str, Any]) -> dict[str, Any] | None:
    """The one delivery finding to work on first (the order is in speech/findings.yaml, work_on_first), or
    None when all are fine."""
    from coach.speech.delivery import texts

    order: list[str] = texts()["work_on_first"]["order"]
    open_points = [
        f for f in (feedback.get("delivery") or {}).get("findings") or [] if f.get("status") != "met"
    ]
    ranked = sorted(open_points, key=lambda f: order.index(f["criterion"]) if f["criterion"] in order else 99)
    return ranked[0] if ranked else None


def kept_recordings(request: Any, answer_id: int) -> list[Any]:
    """The recordings kept of one answer of the signed-in user."""
    from coach.store.speech import recordings_for_answer
    from coach.web.deps import get_user

    return recordings_for_answer(request.app.state.store, get_user(request), answer_id)


def keep_audio_on(request: Any) -> bool:
    """Whether the signed-in user keeps recordings after transcription."""
    from coach.store.speech import keep_audio
    from coach.web.deps import get_user

    return keep_audio(request.app.state.store, get_user(request))


def install_template_helpers(env: Any) -> None:
    """Make the helpers available to every template."""
    env.globals.update(
        spoken_transcript=spoken_transcript,
        pace_chart=pace_chart,
        first_delivery_point=first_point,
        delivery_rows=delivery_rows,
        kept_recordings=kept_recordings,
        keep_audio_on=keep_audio_on,
        spoken_number=number,
        spoken_clock=clock,
    )
