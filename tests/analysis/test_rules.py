"""Patterns are matched in lower case against lower-cased text (faster than IGNORECASE) with the same result."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.analysis.rules import compile_alternatives, fold, fold_pattern, load_criteria


def test_folding_lowers_letters_but_not_escapes() -> None:
    assert fold_pattern(r"\bOmzet\B\W\S\D\A[A-Z]+\Z") == r"\bomzet\B\W\S\D\A[a-z]+\Z"


def test_a_case_sensitive_part_keeps_its_case() -> None:
    matcher = compile_alternatives([r"(?-i:IT) manager", r"\bfinance\b"])
    assert matcher.folded is None  # can't be folded: matched with IGNORECASE on the text itself
    text = "The IT manager and it manager and Finance"
    assert [m.group() for m in matcher.finditer(text, fold(text))] == ["IT manager", "Finance"]


def test_text_whose_lower_case_is_longer_is_matched_as_it_is() -> None:
    text = "İstanbul: de OMZET steeg"
    assert fold(text) is None
    matcher = compile_alternatives([r"\bomzet\b"])
    assert [m.span() for m in matcher.finditer(text, fold(text))] == [(13, 18)]


WORDS = [
    "Omzet",
    "KLANTEN",
    "ik",
    "İk",
    "Heb",
    "geleerd",
    "dat",
    "Team",
    "IT",
    "it",
    "CFO",
    "we",
    "samen",
    "I",
    "learned",
    "that",
    "Revenue",
    "ß",
    "Straße",
    "KOSTEN",
    "besloot",
    "Collega",
    "inkoop",
    "en",
    ".",
    ",",
    "?",
]


@settings(deadline=None)  # the first example compiles every criterion's IGNORECASE form
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_folded_matching_finds_what_ignorecase_finds(words: list[str]) -> None:
    text = " ".join(words)
    for criterion in load_criteria().values():
        for patterns in (criterion.patterns, criterion.exceptions, criterion.bad_patterns):
            for lang in ("nl", "en"):
                matcher = patterns.compiled(lang)
                if matcher is None:
                    continue
                expected = [m.span() for m in matcher.cased.finditer(text)]
                assert [m.span() for m in matcher.finditer(text, fold(text))] == expected, criterion.id
