"""`coach practice` end to end through its input stream, in both languages, and the saved history."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from coach.cli import app
from coach.content.bank import get_question
from coach.practice.plan import make_plan

runner = CliRunner()


def answers_for(plan_ids: tuple[str, ...], lang: str, follow_up_text: str) -> str:
    """Strong example answers for each planned question, and a short answer to any follow-up."""
    blocks = []
    for qid in plan_ids:
        q = get_question(qid)
        assert q is not None
        blocks.append(q.examples.strong.get(lang).replace("\n", " "))
        blocks.append(follow_up_text)  # consumed only when the interviewer follows up
    return "\n\n".join(blocks) + "\n"


def run_practice(lang: str, *extra: str, stdin: str) -> str:
    result = runner.invoke(
        app,
        [
            "practice",
            "--sector",
            "sales",
            "--role",
            "ae",
            "--level",
            "medior",
            "--lang",
            lang,
            "--questions",
            "4",
            "--seed",
            "5",
            *extra,
        ],
        input=stdin,
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_full_interview_in_dutch_is_saved_with_feedback() -> None:
    plan = make_plan("sales", "ae", "medior", "nl", count=4, seed=5)
    output = run_practice(
        "nl", stdin=answers_for(plan.question_ids, "nl", "Daar stond ik op nummer 2 van de 9.")
    )
    assert "Vraag 1/4" in output and "Samenvatting" in output
    assert "Gemiddelde score" in output
    history = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert len(history) == 1
    assert history[0]["status"] == "finished" and history[0]["lang"] == "nl"
    assert len(history[0]["scores"]) == 4
    full = json.loads(runner.invoke(app, ["history", str(history[0]["id"]), "--json"]).stdout)
    first = full["answers"][0]
    assert first["question_id"] == plan.question_ids[0]
    assert first["feedback"]["findings"], "the feedback is saved, not only the score"
    assert first["feedback"]["language"] == "nl"


def test_full_interview_in_english_and_the_closing_question_is_judged() -> None:
    plan = make_plan("sales", "ae", "medior", "en", count=4, seed=5)
    output = run_practice("en", stdin=answers_for(plan.question_ids, "en", "It put me second out of nine."))
    assert "Question 4/4" in output and "Summary" in output
    full = json.loads(runner.invoke(app, ["history", "1", "--json"]).stdout)
    closing = [a for a in full["answers"] if a["question_id"] == "general.questions_for_us"]
    feedback = closing[0]["feedback"] if closing else {}
    judged = {f["criterion"] for f in feedback.get("findings", [])} | set(feedback.get("unclaimed", []))
    assert closing and "interview.candidate_questions" in judged | set(feedback.get("rubric", []))
    assert "interview.candidate_questions" in judged  # judged: a finding, or checked but not claimed


def test_weak_answer_gets_a_follow_up_and_both_are_saved() -> None:
    stdin = "I basically always hit my targets, I'm a results person.\n\nI was second of nine in my team.\n\n"
    output = run_practice("en", stdin=stdin)
    assert "Follow-up:" in output
    full = json.loads(runner.invoke(app, ["history", "1", "--json"]).stdout)
    kinds = [(a["position"], a["kind"]) for a in full["answers"]]
    assert kinds[:2] == [(0, "answer"), (0, "follow_up")]
    assert full["status"] == "abandoned"  # input ended before the last question
    assert "saved" in output


def test_end_of_input_before_any_answer_keeps_an_empty_history_entry() -> None:
    output = run_practice("en", stdin="")
    assert "Interview stopped" in output
    history = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert history[0]["status"] == "abandoned" and history[0]["scores"] == []


def test_history_lists_and_shows_in_human_form() -> None:
    run_practice("nl", stdin="Vorig jaar haalde ik 110% van mijn target van €300.000, nummer 2 van 8.\n\n")
    listing = runner.invoke(app, ["history", "--lang", "nl"], env={"COLUMNS": "200"})
    assert "sales · ae · medior · nl" in listing.stdout
    shown = runner.invoke(app, ["history", "1", "--lang", "nl"])
    assert "110% van mijn target" in shown.stdout and "Score:" in shown.stdout
    missing = runner.invoke(app, ["history", "99", "--lang", "nl"])
    assert missing.exit_code == 2 and "Er is geen gesprek" in missing.stdout


def test_bad_settings_give_a_clear_message() -> None:
    result = runner.invoke(app, ["practice", "--sector", "sales", "--role", "backend", "--lang", "en"])
    assert result.exit_code == 2
    assert "Can't plan that interview" in result.output and "Traceback" not in result.output


def test_again_answers_the_last_question_once_more_and_keeps_both_attempts() -> None:
    plan = make_plan("sales", "ae", "medior", "nl", count=4, seed=5)
    first = get_question(plan.question_ids[0])
    assert first is not None
    strong = first.examples.strong.get("nl").replace("\n", " ")
    # a first attempt that only repeats the question: no follow-up, so the retry is what comes next ("Ik haalde
    # mijn target." is a thin answer, not an echo, and now rightly gets the follow-up about the figure first)
    echo = "Wat waren mijn targets vorig jaar, en hoe heb ik het gedaan?"
    stdin = "/opnieuw\n\n" + echo + "\n\n/opnieuw\n\n" + strong + "\n"
    output = run_practice("nl", stdin=stdin)
    assert "Er is nog geen antwoord dat je opnieuw kunt proberen." in output  # nothing answered yet
    assert "Typ dan /opnieuw" in output
    assert f"Nog een keer: {first.text.get('nl')}" in output
    assert "ten opzichte van je vorige poging" in output
    interview = json.loads(runner.invoke(app, ["history", "--json"]).stdout)[0]
    answers = json.loads(runner.invoke(app, ["history", str(interview["id"]), "--json"]).stdout)["answers"]
    attempts = [(a["position"], a["attempt"], a["kind"]) for a in answers if a["kind"] == "answer"]
    assert attempts == [(0, 1, "answer"), (0, 2, "answer")]
    assert answers[-1]["score"] > answers[0]["score"]
    assert "Vraag 2/4" in output  # the interview goes on after the retry
