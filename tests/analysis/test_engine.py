"""The engine end to end: scores, findings, spans, language, question matching, junk answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach import check
from coach.analysis.engine import evaluate
from coach.content.bank import get_question

ROOT = Path(__file__).resolve().parents[2]
STRONG_NL = (ROOT / "examples" / "answer-en.txt").read_text(encoding="utf-8")


def statuses(feedback) -> dict[str, str]:
    return {f.criterion: f.status for f in feedback.findings}


def test_strong_results_answer_scores_high_and_meets_the_breakdown() -> None:
    feedback = check(STRONG_NL, question="sales.targets_last_year")
    assert feedback.language == "en"
    assert feedback.score >= 70
    # met, and counted in the score; not shown as a tick, whose list of parts readers found wrong (round 8-13)
    outcomes = {c.id: o.status for c, o in evaluate(STRONG_NL, "sales.targets_last_year", "en")[1]}
    assert outcomes["sales.results_breakdown"] == "met"
    assert "sales.results_breakdown" not in statuses(feedback)
    assert (
        "evidence.numbers_consistent" not in statuses(feedback)
        or statuses(feedback)["evidence.numbers_consistent"] == "met"
    )


def test_figures_that_do_not_add_up_give_a_warning_with_the_arithmetic() -> None:
    answer = (ROOT / "examples" / "answer-nl.txt").read_text(encoding="utf-8")
    feedback = check(answer, question="sales.targets_last_year")
    assert feedback.language == "nl"
    finding = next(f for f in feedback.findings if f.criterion == "evidence.numbers_consistent")
    assert finding.status == "warning"
    assert "95" in finding.message and "112" in finding.message
    assert any(answer[s:e] in ("€380.000", "112%") for s, e in finding.spans)


def test_every_span_points_into_the_answer() -> None:
    feedback = check(STRONG_NL, question="sales.targets_last_year")
    for finding in feedback.findings:
        for start, end in finding.spans:
            assert 0 <= start < end <= len(STRONG_NL)
    for number in feedback.numbers:
        assert STRONG_NL[number.span[0] : number.span[1]] == number.text


@pytest.mark.parametrize(
    ("junk", "verdict"),
    [
        ("", "missed"),
        ("   \n\t ", "missed"),
        ("asdkj qwpoe zxmnv lkjhg poiuy trewq asdfg hjkl qwert", "missed"),
        ("What were your targets last year, and how did you perform against them?", "missed"),
        ("I am great. I am great. I am great. I am great. I am great.", "missed"),
        # about nothing of work at all: off-topic is claimed (an answer about work that misses the topic is
        # left to the kind's criteria, as readers judged such crosses mostly wrong)
        ("I like pizza and my cat is called Bob. He sleeps all day in the sun and the weather in Amsterdam is "
         "nice.", "missed"),
    ],
)
def test_junk_never_gets_praise_or_a_good_score(junk: str, verdict: str) -> None:
    feedback = check(junk, question="sales.targets_last_year", lang="en")
    assert feedback.score <= 10
    assert not [f for f in feedback.findings if f.status == "met"]
    relevance = next(f for f in feedback.findings if f.criterion == "relevance.on_topic")
    assert relevance.status == verdict
    assert feedback.next_step is not None and feedback.next_step.criterion == "relevance.on_topic"


def test_free_text_question_is_matched_to_the_bank_and_reported() -> None:
    feedback = check(STRONG_NL, question="What were your sales targets last year and how did you do?")
    assert feedback.question.id == "sales.targets_last_year"
    assert 0.75 <= feedback.question.match <= 1.0


def test_unmatched_free_text_question_of_no_known_kind_gets_the_open_rubric() -> None:
    feedback = check(STRONG_NL, question="Describe the smell of freshly cut grass")
    assert feedback.question.id is None
    assert feedback.question.match < 0.75
    assert feedback.question.kind == "open"
    assert feedback.rubric == ("evidence.concrete_example",)
    assert "structure.star" not in statuses(feedback)


def test_unknown_question_id_is_a_clear_error_in_the_answers_language() -> None:
    feedback = check(
        "Ik heb vorig jaar mijn target gehaald met de hele afdeling.", question="sales.no_such_q"
    )
    assert feedback.error is not None and feedback.error.code == "E004"
    assert "Er is geen vraag" in feedback.error.message


def test_over_long_answer_is_refused_with_a_message() -> None:
    feedback = check("word " * 25_000, lang="en")
    assert feedback.error is not None and feedback.error.code == "E001"
    assert "100000" in feedback.error.message


def test_html_in_the_answer_is_just_text() -> None:
    answer = "<script>alert('x')</script> I closed 12 deals last year as an account executive in Utrecht."
    feedback = check(answer, lang="en")
    assert feedback.error is None
    assert any(n.text == "12 deals" or n.value == 12 for n in feedback.numbers)


def test_language_is_detected_for_dutch_and_english() -> None:
    assert check("Ik heb vorig jaar samen met mijn team de klant behouden.").language == "nl"
    assert check("Last year I kept the customer together with my team.").language == "en"


def test_same_input_gives_the_same_output() -> None:
    assert check(STRONG_NL, question="sales.targets_last_year") == check(
        STRONG_NL, question="sales.targets_last_year"
    )


def test_follow_up_asks_for_what_the_answer_missed() -> None:
    answer = (
        "Last year my target was €400,000 and I closed €440,000, which is 110% of target. Most of it came "
        "from new business with 12 new accounts, at an average deal size of about €36,000. I learned to "
        "qualify harder early on and since then I drop weak leads after the first call."
    )
    feedback = check(answer, question="sales.targets_last_year", lang="en")
    assert feedback.follow_up is not None
    assert "team" in feedback.follow_up.lower()


def test_bank_question_text_is_reported_in_the_answers_language() -> None:
    feedback = check("Ik heb vorig jaar mijn target gehaald.", question="sales.targets_last_year")
    question = get_question("sales.targets_last_year")
    assert question is not None
    assert feedback.question.text == question.text.nl


MEDIUM_NL = (
    "Bij mijn vorige werkgever, een webshop in Utrecht, liep de checkout vaak vast tijdens drukke acties. Ik "
    "kreeg de taak om uit te zoeken waarom. Ik heb de logs doorgenomen, samen met een collega van operations "
    "de database bekeken en gezien dat er een paar trage queries waren. Die heb ik herschreven en we hebben "
    "caching toegevoegd. Daarna liep het een stuk beter en de klachten namen af. Ik heb geleerd dat je eerst "
    "moet meten voordat je gaat optimaliseren."
)


def test_a_little_short_is_a_warning_and_far_too_short_is_capped() -> None:
    question = "it.stuck_technical_problem"  # 90 to 380 words
    little = check(MEDIUM_NL, question=question, lang="nl")  # 80 words, the whole story
    # the whole story told in 80 words is not called short (readers judged that wrong), but the warning
    # still costs its penalty; it doesn't cap
    assert "delivery.length" not in [f.criterion for f in little.findings]
    assert little.score_parts["penalty"] <= -5 and little.score_parts["cap"] == 100
    assert dict((c.id, o.status) for c, o in evaluate(MEDIUM_NL, question, "nl")[1])["structure.star"] == "met"
    thin_text = (
        "Bij mijn vorige werkgever liep een nachtelijke importjob steeds vast. Ik heb eerst de logs van een week "
        "naast elkaar gelegd. Daarna heb ik met een collega van het platformteam gekeken naar de planning van "
        "andere jobs. We zagen dat twee jobs tegelijk dezelfde tabel wilden vergrendelen. Ik heb toen "
        "voorgesteld om de volgorde om te draaien en de job een uur later te laten starten. Dat hebben we in de "
        "volgende sprint opgepakt.")
    thin = check(thin_text, question=question, lang="nl")  # 74 words, and no result
    # "a little short" is claimed only under 53 words (readers judged it wrong on 53 to 79 words whose
    # problem was elsewhere); it still costs its penalty
    assert "delivery.length" not in [f.criterion for f in thin.findings]
    assert thin.score_parts["penalty"] <= -5
    outcome = dict((c.id, o) for c, o in evaluate(thin_text, question, "nl")[1])["delivery.length"]
    assert outcome.status == "warning" and outcome.values["words"] == "74"
    half = " ".join(MEDIUM_NL.split()[:50])  # 50 words: under 60% of 90
    far = check(half, question=question, lang="nl")
    assert next(f for f in far.findings if f.criterion == "delivery.length").status == "missed"
    assert far.score <= 35 and far.score_parts["cap"] == 35
