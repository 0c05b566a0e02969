"""The role-play: which gap the buyer pushes back on, per missed element and per language; the drill."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.content.objections import get_objection
from coach.practice.roleplay import ROLEPLAY, choose_pushback, judge, respond, score, start
from coach.store.sales import get_drill, list_drills

PRICE = get_objection("too_expensive")
assert PRICE is not None

# For each gap: an answer that misses exactly that (nl, en); the buyer must push back on it.
MISSING_ONE = {
    "acknowledge": (
        "Te duur vergeleken met wat precies? Klanten als Van Dijk Transport besparen gemiddeld 12 uur per week. Zullen we donderdag uw cijfers doorrekenen?",
        "Expensive compared with what? Customers like Van Dijk Transport save 12 hours a week on average. Shall we run your numbers on Thursday?",
    ),
    "question": (
        "Dat begrijp ik. Klanten als Van Dijk Transport besparen gemiddeld 12 uur per week. Zullen we donderdag uw cijfers doorrekenen?",
        "I understand. Customers like Van Dijk Transport save 12 hours a week on average. Shall we run your numbers on Thursday?",
    ),
    "value": (
        "Dat begrijp ik. Te duur vergeleken met wat precies? Zullen we donderdag verder praten?",
        "I understand. Expensive compared with what, exactly? Shall we talk again on Thursday?",
    ),
    "next_step": (
        "Dat begrijp ik. Te duur vergeleken met wat? Klanten als Van Dijk Transport besparen gemiddeld 12 uur per week.",
        "I understand. Expensive compared with what? Customers like Van Dijk Transport save 12 hours a week on average.",
    ),
    "discount": (
        "Dat begrijp ik. Waarmee vergelijkt u ons? Ik geef u meteen 10% korting. Klanten als Van Dijk besparen gemiddeld 12 uur per week. Zullen we donderdag bellen?",
        "I understand. What are you comparing us with? I'll give you a 10% discount right away. Customers like Van Dijk save 12 hours a week on average. Shall we call on Thursday?",
    ),
    "arguing": (
        "Dat klopt gewoon niet, onze prijs is marktconform. Waarmee vergelijkt u ons? Klanten als Van Dijk besparen gemiddeld 12 uur per week. Zullen we donderdag bellen?",
        "That's simply not true, our price is in line with the market. What are you comparing us with? Customers like Van Dijk save 12 hours a week on average. Shall we call on Thursday?",
    ),
    "pressure": (
        "Dat begrijp ik. Waarmee vergelijkt u ons? Klanten als Van Dijk besparen gemiddeld 12 uur per week. Deze aanbieding geldt alleen vandaag, dus u moet nu beslissen.",
        "I understand. What are you comparing us with? Customers like Van Dijk save 12 hours a week on average. This offer is only valid today, so you need to decide now.",
    ),
    "ignored": (
        "Wij zijn marktleider in planningssoftware met een mooi dashboard.",
        "We are the market leader in planning software with a great dashboard.",
    ),
}
GOOD = {
    "nl": "Helder. Te duur vergeleken met wat? Klanten als Van Dijk Transport besparen gemiddeld 12 uur per week. Zullen we donderdag uw cijfers doorrekenen?",
    "en": "Fair enough. Expensive compared with what? Customers like Van Dijk Transport save 12 hours a week on average. Shall we run your numbers on Thursday?",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("gap", sorted(MISSING_ONE))
def test_buyer_pushes_back_on_what_the_answer_missed(gap: str, lang: str) -> None:
    answer = MISSING_ONE[gap][0 if lang == "nl" else 1]
    assert choose_pushback([judge(answer, PRICE, lang)]) == gap


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_good_answer_gets_no_pushback_and_full_marks(lang: str) -> None:
    judgement = judge(GOOD[lang], PRICE, lang)
    assert choose_pushback([judgement]) is None
    assert score([judgement]) == 100


def test_parts_met_in_a_later_answer_count_and_the_buyer_stops_after_two_pushbacks() -> None:
    first = judge("Dat begrijp ik.", PRICE, "nl")
    assert choose_pushback([first]) == "question"
    second = judge("Waarmee vergelijkt u ons?", PRICE, "nl", about_objection=False)
    assert choose_pushback([first, second]) == "value"
    third = judge("Geen idee.", PRICE, "nl", about_objection=False)
    assert choose_pushback([first, second, third]) is None  # two pushbacks given: the drill ends
    assert score([first, second, third]) == 50


def test_the_drill_is_saved_with_pushback_and_feedback(any_store) -> None:  # type: ignore[no-untyped-def]
    user = any_store.user_id()
    drill_id = start(any_store, user, PRICE, "en")
    assert respond(any_store, user, drill_id, MISSING_ONE["value"][1], expected_turns=1)
    assert not respond(any_store, user, drill_id, "a repeated submit", expected_turns=1)
    drill = get_drill(any_store, user, drill_id, ROLEPLAY)
    assert [t["role"] for t in drill.turns] == ["buyer", "candidate", "buyer"]
    assert drill.turns[2]["key"] == "value"
    assert (
        drill.turns[2]["text"] == "Every supplier says that. What does it actually get us?"
    )  # the objection's own line
    assert respond(
        any_store,
        user,
        drill_id,
        "At a similar wholesaler in Tilburg wrong deliveries fell by 40%.",
        expected_turns=3,
    )
    drill = get_drill(any_store, user, drill_id, ROLEPLAY)
    assert drill.status == "finished" and drill.score == 100
    assert [d.id for d in list_drills(any_store, user, ROLEPLAY)] == [drill_id]


def test_cli_roleplay_runs_to_feedback(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    answers = "Dat begrijp ik.\n\nWaarmee vergelijkt u ons? Bij een vergelijkbare klant daalden de kosten met 20%.\n\nZullen we donderdag uw cijfers doornemen?\n\n"
    result = CliRunner().invoke(
        app, ["roleplay", "--lang", "nl", "--objection", "too_expensive"], input=answers
    )
    assert result.exit_code == 0, result.output
    assert "Koper: Eerlijk gezegd vind ik het te duur." in result.output
    assert "Koper: U weet nog niet eens waarom ik dit zeg." in result.output
    assert "Score: 100/100" in result.output
