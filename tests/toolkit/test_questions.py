"""The candidate's questions for the interviewer: specific to the employer or generic, in both languages."""

from __future__ import annotations

import pytest

from coach.content.extras import load_interviewer_questions
from coach.toolkit.questions import MIN_SPECIFIC, it_questions_by_topic, judge, load_data, split_questions

EXAMPLES = load_data().examples


def _cases(kind: str) -> list[pytest.param]:
    return [
        pytest.param(lang, text, id=f"{kind}-{lang}{i}")
        for lang, texts in getattr(EXAMPLES, kind).items()
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(("lang", "text"), _cases("specific"))
def test_specific_examples_are_specific(lang: str, text: str) -> None:
    verdict = judge(text, EXAMPLES.employer, EXAMPLES.about, lang)
    assert [q.specific for q in verdict.questions] == [True], text


@pytest.mark.parametrize(("lang", "text"), _cases("generic"))
def test_generic_examples_are_generic(lang: str, text: str) -> None:
    verdict = judge(text, EXAMPLES.employer, EXAMPLES.about, lang)
    assert [q.specific for q in verdict.questions] == [False], text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_set_of_questions_is_summed_up_with_advice(lang: str) -> None:
    generic = " ".join(EXAMPLES.generic[lang])
    verdict = judge(generic + " " + EXAMPLES.specific[lang][0], EXAMPLES.employer, EXAMPLES.about, lang)
    assert verdict.specific_count == 1 < MIN_SPECIFIC
    assert verdict.advice is not None
    assert verdict.summary.startswith("1 ")
    assert verdict.feedback.question.kind == "candidate_questions"
    strong = judge(" ".join(EXAMPLES.specific[lang]), EXAMPLES.employer, EXAMPLES.about, lang)
    assert strong.advice is None and strong.specific_count == 3


def test_no_questions_at_all() -> None:
    verdict = judge("Nee, ik heb geen vragen, alles is duidelijk.", "Bol", "", "nl")
    assert verdict.questions == () and "geen vragen" in verdict.summary


def test_questions_are_split_per_question_mark() -> None:
    assert split_questions("Ik las over jullie app. Hoe gaat dat? En wie reviewt de code?") == [
        "Ik las over jullie app. Hoe gaat dat?",
        "En wie reviewt de code?",
    ]


def test_it_questions_cover_the_issue_s_topics_without_duplicates() -> None:
    topics = {q.topic for q in load_interviewer_questions()["it"]}
    assert {"deployment", "challenges", "tech_debt", "on_call", "code_review"} <= topics
    groups = dict(it_questions_by_topic("en"))
    assert "On-call" in groups and "Code review" in groups
