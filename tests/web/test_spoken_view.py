"""The delivery view of a spoken answer: the pace chart's figures and the one point to work on first."""

from __future__ import annotations

from typing import Any

from coach.web.spoken import first_point, pace_chart


def feedback(seconds: int = 60, fast_from: int | None = None) -> dict[str, Any]:
    """A transcript of `seconds` with two words a second (120 per minute), four a second from `fast_from`."""
    words, text, t = [], "", 0.0
    while t < seconds:
        step = 0.25 if fast_from is not None and t >= fast_from else 0.5
        span = [len(text), len(text) + 4]
        text += "word "
        words.append({"word": "word", "start": round(t, 2), "end": round(t + step * 0.8, 2), "span": span})
        t += step
    return {
        "transcript": {"text": text.strip(), "words": words},
        "delivery": {
            "pauses": [[20.0, 23.0]],
            "fillers": [{"text": "ehm", "span": [0, 4], "start": 0.0, "end": 0.4}],
            "findings": [
                {"criterion": "speech.pauses", "status": "warning", "message": "pauses", "tip": "t1"},
                {"criterion": "speech.fillers", "status": "warning", "message": "fillers", "tip": "t2"},
                {"criterion": "speech.length", "status": "met", "message": "length", "tip": "t3"},
            ],
        },
    }


def test_the_pace_chart_shows_words_per_minute_per_stretch() -> None:
    chart = pace_chart(feedback(60), "en")
    assert chart is not None
    assert 5 <= len(chart.points) <= 13
    inner = [p.wpm for p in chart.points[1:-1]]
    assert all(110 <= wpm <= 130 for wpm in inner), inner  # two words a second, the filler left out
    assert len(chart.pauses) == 1 and len(chart.fillers) == 1
    assert chart.band_wpm == (110, 200)  # lang/en/speech_rate.yaml
    assert chart.points[0].x < chart.points[-1].x


def test_a_speed_up_shows_as_a_rise_in_the_chart() -> None:
    chart = pace_chart(feedback(60, fast_from=30), "nl")
    assert chart is not None
    first, last = chart.points[1], chart.points[-2]
    assert last.wpm > first.wpm * 1.7
    assert last.y < first.y  # drawn higher


def test_too_few_words_draw_no_chart() -> None:
    assert pace_chart(feedback(3), "en") is None


def test_the_first_point_follows_the_order_in_the_data() -> None:
    point = first_point(feedback())
    assert point is not None and point["criterion"] == "speech.fillers"  # fillers come before pauses
    all_fine = feedback()
    for f in all_fine["delivery"]["findings"]:
        f["status"] = "met"
    assert first_point(all_fine) is None
