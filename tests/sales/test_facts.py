"""Practice answers are held to the one-pager's figures."""

from __future__ import annotations

from datetime import date

import pytest

from coach.practice.plan import Plan
from coach.practice.session import InterviewSession
from coach.sales.facts import contradictions
from coach.sales.profile import validate
from coach.store.sales import save_profile
from tests.sales.support import profile

PROFILE, _ = validate(profile(), "nl", date(2026, 6, 1))


@pytest.mark.parametrize(
    ("lang", "answer", "sheet", "said"),
    [
        ("nl", "Vorig jaar haalde ik 150% van mijn target.", "115%", "150%"),
        ("en", "Last year I hit 150% of my quota.", "115%", "150%"),
        ("nl", "In 2024 was ik nummer 5 van 12 in mijn team.", "nummer 2 van 12", "nummer 5 van 12"),
        ("en", "My average deal size was €40K.", "€21,500", "€40K"),
    ],
)
def test_a_contradicting_figure_gets_a_finding_at_its_words(
    lang: str, answer: str, sheet: str, said: str
) -> None:
    assert PROFILE is not None
    found = contradictions(answer, lang, PROFILE)
    assert len(found) == 1
    start, end = found[0].spans[0]
    assert answer[start:end] == said
    assert sheet in found[0].message and said in found[0].message
    assert found[0].status == "warning"


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("nl", "Vorig jaar haalde ik 115% van mijn target en stond ik tweede van de twaalf."),
        ("en", "In 2023 I reached 106% of my target."),
        ("nl", "Ons team haalde 150% van het teamtarget."),
        ("nl", "Ik haalde zo'n 120% van mijn target."),
    ],
)
def test_figures_that_agree_or_are_about_others_get_none(lang: str, answer: str) -> None:
    assert PROFILE is not None
    assert contradictions(answer, lang, PROFILE) == []


def test_a_practice_answer_is_held_to_the_saved_one_pager(any_store) -> None:  # type: ignore[no-untyped-def]
    user = any_store.user_id()
    save_profile(any_store, user, profile(), "nl")
    plan = Plan("sales", "ae", "medior", "nl", 1, ("sales.targets_last_year",))
    interview_id = any_store.create_interview(
        user, sector="sales", role="ae", level="medior", lang="nl", seed=1, plan=list(plan.question_ids)
    )
    session = InterviewSession(any_store, user, interview_id, plan)
    turn = session.submit("Vorig jaar had ik een target van €400.000 en haalde ik 150% van mijn target.")
    messages = [f.message for f in turn.feedback.findings if f.criterion == "onepager.facts"]
    assert messages == ["Op je one-pager staat 115%, hier zeg je 150%."]
    saved = any_store.latest_answer(interview_id, 0)
    assert any(f["criterion"] == "onepager.facts" for f in saved.feedback["findings"])
