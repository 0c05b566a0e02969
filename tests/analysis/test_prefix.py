"""A pattern whose leading \\b moved behind its first character (analysis/prefix.py) finds the same matches."""

from __future__ import annotations

import re

import pytest

from coach.analysis.prefix import leading
from coach.analysis.rules import FLAGS, fold, fold_pattern
from coach.analysis.star import PARTS
from coach.content.bank import load_questions
from coach.lang import load_data

# where \b and the look-behind could part ways: the text's start and end, a word glued to a letter, a digit,
# an underscore or an apostrophe before it, capitals, accented letters, line breaks
EDGES = (
    "ik deed het. Ik deed het. zik deed het. 3ik deed. _ik deed. 'ik deed. éénik\nik\tik",
    "I did it. i did it. AI did it. 2I did it. we had, We had, swe had",
    "één keer, Één keer, geen keer, een keer. de klant, Ode klant",
)


def _texts(lang: str) -> list[str]:
    questions = load_questions().values()
    return [*EDGES, *(q.examples.strong.get(lang) for q in questions), *(q.examples.weak.get(lang) for q in questions)]


def _spans(pattern: str, flags: int, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_star_cues_find_the_same_matches_led(lang: str) -> None:
    data = load_data(lang, "star")
    patterns = [p for part in PARTS for p in data[part]]
    assert sum(leading(p) != p for p in patterns) > len(patterns) // 2  # the rewrite is not a no-op
    for text in _texts(lang):
        folded = fold(text)
        for pattern in patterns:
            led = leading(pattern)
            assert _spans(led, FLAGS, text) == _spans(pattern, FLAGS, text), pattern
            if folded is not None:
                expected = _spans(fold_pattern(pattern), re.UNICODE, folded)
                assert _spans(fold_pattern(led), re.UNICODE, folded) == expected, pattern


def test_a_leading_boundary_moves_behind_the_first_character() -> None:
    assert leading(r"\bik deed\b") == r"i(?<!\wi)k deed\b"
    assert leading(r"\b(?:een|de) klant\b|\bwe\b") == r"(?:e(?<!\we)en|d(?<!\wd)e) klant\b|w(?<!\ww)e\b"
    # re now knows what a match starts with, so it skips ahead instead of trying every position
    assert re.compile(leading(r"\bik deed\b")).match("zik deed", 1) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bw?e\b",  # the first character is optional: no character to lead with
        r"\b(?:a|b)?c",  # the group is optional: the \b still holds before c
        r"\b[ab]c",  # a class, not a character
        r"\b\d+",  # an escape
        r"\b(?:a|\d)",  # one alternative can't lead
        r"(?x)\b a | b",  # verbose: spaces and comments are not what they seem
        r"^\bik",
    ],
)
def test_what_cant_be_read_with_certainty_stays_as_written(pattern: str) -> None:
    assert leading(pattern) == pattern
