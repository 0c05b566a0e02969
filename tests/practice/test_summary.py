"""The interview summary (coach.practice.session.summarise): what was missed most, and what to practise."""

from __future__ import annotations

from coach.practice.session import summarise


def test_a_delivery_habit_missed_most_still_gets_questions_to_practise(any_store) -> None:  # type: ignore[no-untyped-def]
    # delivery.length is in no question's rubric: before, "what to practise next" offered no questions for it
    user = any_store.user_id()
    plan = ["sales.targets_last_year"]
    interview = any_store.create_interview(user, sector="sales", role="ae", level="medior", lang="en", seed=1, plan=plan)
    finding = {"criterion": "delivery.length", "status": "missed", "message": "Too short."}
    any_store.add_answer(user, interview_id=interview, position=0, question_id=plan[0], question_text="Targets?",
                         text="I always hit my targets.", lang="en", score=20, feedback={"findings": [finding]})
    summary = summarise(any_store, user, interview)
    assert [cid for cid, _, _ in summary.most_missed] == ["delivery.length"]
    (cid, tip, drills), = summary.practise_next
    assert cid == "delivery.length" and tip
    assert len(drills) == 3 and plan[0] not in drills and all(d.startswith("sales.") for d in drills)
