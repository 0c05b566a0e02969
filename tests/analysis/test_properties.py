"""Property tests: check() never raises on any string, spans stay inside, output is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import check

WORDS = st.sampled_from(
    [
        "ik",
        "heb",
        "I",
        "closed",
        "€450K",
        "112%",
        "nummer 3 van 12",
        "ehm",
        "zeg maar",
        "like",
        ",",
        ".",
        "target",
        "team",
        "<b>",
        "\n",
        "1,2 miljoen",
        "third out of twelve",
        "we",
        "learned",
        "geleerd",
        "?",
    ]
)
ANSWERS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=ANSWERS, lang=st.sampled_from([None, "nl", "en"]))
def test_check_never_raises_and_spans_lie_inside(answer: str, lang: str | None) -> None:
    feedback = check(answer, question="sales.targets_last_year", lang=lang)
    assert 0 <= feedback.score <= 100
    for finding in feedback.findings:
        for start, end in finding.spans:
            assert 0 <= start <= end <= len(answer)
    for number in feedback.numbers:
        assert answer[number.span[0] : number.span[1]] == number.text
    for text, (start, end) in feedback.fillers:
        assert answer[start:end] == text
    for spans in feedback.star.values():
        for start, end in spans:
            assert 0 <= start <= end <= len(answer)


@settings(max_examples=60, deadline=None)
@given(answer=ANSWERS)
def test_same_input_same_output(answer: str) -> None:
    assert check(answer) == check(answer)
