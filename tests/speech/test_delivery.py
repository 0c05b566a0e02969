"""Delivery figures: tempo from espeak-ng's set rate, pauses from word timings, fillers over time."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.speech.delivery import count_syllables, delivery, find_bursts
from coach.speech.transcribe import Transcript, Word, transcribe
from tests.speech_support import speak

TEMPO_TEXT = {
    "en": "In my last job I was the backend developer for the payments team. Our releases took two weeks, so I "
    "proposed continuous delivery. I wrote the pipeline, added tests and trained my colleagues.",
    "nl": "In mijn vorige baan was ik backend ontwikkelaar in het betalingsteam. Onze releases duurden twee "
    "weken, dus ik stelde continuous delivery voor. Ik schreef de pijplijn en trainde mijn collega's.",
}


def made_up(
    text: str, times: list[tuple[float, float]], lang: str = "en", duration: float = 60.0
) -> Transcript:
    """A transcript with the given word times (for the pure parts of delivery)."""
    tokens = text.split()
    words = tuple(Word(t, a, b, 1.0) for t, (a, b) in zip(tokens, times, strict=True))
    return Transcript(" ".join(tokens), words, duration, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "lang", "syllables"),
    [
        ("about", "en", 2),
        ("exceeded", "en", 3),
        ("organisation", "en", 5),
        ("closed", "en", 1),
        ("twelve", "en", 1),
        ("the", "en", 1),
        ("binnengehaald", "nl", 4),
        ("organisatie", "nl", 5),
        ("ideeën", "nl", 3),
        ("eigenlijk", "nl", 3),
        ("20%", "en", 5),
    ],
)
def test_syllables_per_word(word: str, lang: str, syllables: int) -> None:
    assert count_syllables(word, lang) == syllables


def test_three_fillers_within_ten_seconds_are_one_burst() -> None:
    bursts = find_bursts([1.0, 4.0, 9.5, 30.0, 31.0, 45.0, 47.0, 50.0, 52.0], 3, 10.0)
    assert [(b.start_s, b.end_s, b.count) for b in bursts] == [(1.0, 9.5, 3), (45.0, 52.0, 4)]


def test_fillers_are_placed_in_time_and_counted_per_minute_and_per_100_words() -> None:
    text = "Um I think uh we ehm shipped it and then um we grew"
    times = [(i * 1.0, i * 1.0 + 0.5) for i in range(13)]
    result = delivery(made_up(text, times), "en")
    assert [(f.text, f.start_s) for f in result.fillers] == [
        ("Um", 0.0),
        ("uh", 3.0),
        ("ehm", 5.0),
        ("um", 10.0),
    ]
    assert result.fillers_per_100_words == pytest.approx(100 * 4 / 13, abs=0.01)
    assert result.fillers_per_min == pytest.approx(4 / (12.5 / 60), abs=0.01)
    assert len(result.bursts) == 1 and result.bursts[0].count == 4
    assert [h for h in result.hedges] == [(3, 10)]  # "I think"
    finding = next(f for f in result.findings if f.criterion == "speech.fillers")
    assert finding.status == "warning" and "A lot of filler words" in finding.message


def test_long_pauses_come_from_the_word_timings() -> None:
    text = "We had a problem then I fixed it"
    times = [(0, 0.4), (0.5, 0.8), (0.9, 1.0), (1.1, 1.6), (4.2, 4.5), (4.6, 4.7), (4.8, 5.1), (7.5, 7.7)]
    result = delivery(made_up(text, times), "nl")
    assert result.pauses == ((1.6, 4.2), (5.1, 7.5))
    finding = next(f for f in result.findings if f.criterion == "speech.pauses")
    assert finding.status == "warning" and "2 lange stilte(s)" in finding.message


def test_answer_length_follows_the_question_kind() -> None:
    words = " ".join(["word"] * 30)
    short = delivery(
        made_up(words, [(i, i + 0.5) for i in range(30)]), "en", question="sales.targets_last_year"
    )
    assert short.question_kind is not None and short.length_band == "short"
    assert next(f for f in short.findings if f.criterion == "speech.length").status == "missed"
    free = delivery(made_up(words, [(i * 3, i * 3 + 0.5) for i in range(30)]), "en")
    assert free.length_range == (45, 120) and free.length_band == "fine"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("speed", "band"), [(90, "slow"), (150, "fine"), (280, "fast")])
def test_the_tempo_band_follows_espeaks_rate(
    whisper: Path, tmp_path: Path, lang: str, speed: int, band: str
) -> None:
    clip = speak(TEMPO_TEXT[lang], tmp_path / f"{lang}{speed}.wav", voice=lang, speed=speed)
    result = delivery(transcribe(clip, lang), lang)
    assert result.band == band, (result.wpm, result.syllables_per_s)
    if speed == 150:  # espeak-ng's -s is words per minute
        # The speaking time is measured from the audio: the text's own words over it give espeak's rate.
        assert 120 <= len(TEMPO_TEXT[lang].split()) / result.speaking_s * 60 <= 185
        if lang == "en":  # Whisper base hears synthetic Dutch as other, more words (30 become 35-41)
            assert 120 <= result.wpm <= 185


def test_a_three_second_pause_is_one_pause_of_about_three_seconds(
    whisper: Path, clips: dict[str, Path]
) -> None:
    result = delivery(transcribe(clips["pause"], "en"), "en")
    assert len(result.pauses) == 1
    start, end = result.pauses[0]
    assert end - start == pytest.approx(3.0, abs=0.6)
    assert 2.5 < start < 4.5  # after the first sentence
