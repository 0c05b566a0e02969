"""The design drill: a catalogue of sensible pairs, and its rubric's steps judged in order, in both languages."""

from __future__ import annotations

import pytest

from coach.analysis.engine import resolve_question
from coach.toolkit.design import (
    MIN_TECHNOLOGIES,
    MIN_USE_CASES,
    STEP_ORDER,
    DesignPrompt,
    UnknownPair,
    evaluate,
    load_catalogue,
    pairs,
    pick,
)

QUEUE = DesignPrompt("message_queue", "order_processing")
LEDGER = DesignPrompt("event_sourcing", "ledger")

GOOD = {
    "en": (
        "First I'd want to know how many orders we handle on a peak day and what the business needs: must "
        "payment and stock be updated within seconds, and what happens if a step fails? Let's assume a few "
        "thousand orders an hour around Black Friday. I'd compare a message queue with a simple database table "
        "that a background job polls, and with Kafka. I'd choose a managed queue such as RabbitMQ because it "
        "absorbs peaks, scales by adding consumers, costs little and the team can maintain it without running "
        "a cluster; Kafka is more expensive to operate. The main risk is that a message is processed twice, so "
        "I'd make the handlers idempotent and add a dead-letter queue with monitoring. At a few hundred orders "
        "a day I wouldn't use a queue at all; a plain table with a background job does the job then."
    ),
    "nl": (
        "Eerst wil ik weten hoeveel orders we op een piekdag verwerken en wat de business nodig heeft: moeten "
        "betaling en voorraad binnen seconden kloppen, en wat gebeurt er als een stap faalt? Laten we zeggen "
        "een paar duizend orders per uur rond Black Friday. Ik zou een message queue vergelijken met een gewone "
        "databasetabel die een achtergrondjob uitleest, en met Kafka. Ik kies een beheerde queue zoals RabbitMQ "
        "omdat die pieken opvangt, schaalt door extra consumers toe te voegen, weinig kost en het team hem kan "
        "beheren zonder eigen cluster; Kafka is duurder in onderhoud. Het grootste risico is dat een bericht "
        "twee keer wordt verwerkt, dus ik maak de verwerking idempotent en zet een dead-letter queue met "
        "monitoring op. Bij een paar honderd orders per dag zou ik geen queue nemen; dan volstaat een gewone "
        "tabel met een achtergrondjob."
    ),
}
BAD = {
    "en": "I'd use RabbitMQ with three queues, one for payment, one for stock and one for shipping. It's what we used at my previous job and it works great.",
    "nl": "Ik zou RabbitMQ nemen met drie queues, een voor betaling, een voor voorraad en een voor verzending. Dat gebruikten we bij mijn vorige werkgever ook en het werkt prima.",
}
# Requirements and risks, nothing in between and no limit: the missing steps are named in the rubric's order.
HALF = {
    "en": (
        "First I'd want to know how many orders we expect on a peak day and how fast payment must be confirmed. "
        "Then I'd put RabbitMQ between the shop and the warehouse. The main risk is that a message is processed "
        "twice, so I'd make the handlers idempotent and monitor the dead-letter queue."
    ),
    "nl": (
        "Eerst wil ik weten hoeveel orders we op een piekdag verwachten en hoe snel een betaling bevestigd moet "
        "zijn. Dan zet ik RabbitMQ tussen de webshop en het magazijn. Het grootste risico is dat een bericht "
        "twee keer wordt verwerkt. Daarom maak ik de verwerking idempotent en krijgen we een alert als de dead-letter queue volloopt."
    ),
}


def test_catalogue_is_big_enough_and_every_technology_fits_somewhere() -> None:
    catalogue = load_catalogue()
    assert len(catalogue.technologies) >= MIN_TECHNOLOGIES
    assert len(catalogue.use_cases) >= MIN_USE_CASES
    used = {p.tech for p in pairs()}
    assert used == set(catalogue.technologies)
    assert tuple(catalogue.steps) == STEP_ORDER


def test_the_named_examples_of_the_issue_are_pairs() -> None:
    found = {(p.tech, p.use_case) for p in pairs()}
    for pair in [
        ("message_queue", "order_processing"),
        ("cache", "product_catalogue"),
        ("feature_flags", "mobile_app"),
        ("event_sourcing", "ledger"),
    ]:
        assert pair in found


def test_only_sensible_pairs_are_offered() -> None:
    with pytest.raises(UnknownPair):
        pick(tech="feature_flags", use_case="ledger")
    assert pick(seed=3, use_case="ledger").use_case == "ledger"
    assert pick(seed=5) == pick(seed=5)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_pair_is_asked_as_a_technical_question(lang: str) -> None:
    wrong = []
    for prompt in pairs():
        _, ref, _, _ = resolve_question(prompt.question(lang))
        if ref.kind != "technical":
            wrong.append((prompt.question(lang), ref.kind))
    assert not wrong


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_good_answer_takes_every_step(lang: str) -> None:
    result = evaluate(GOOD[lang], QUEUE, lang)
    assert [s.key for s in result.steps] == list(STEP_ORDER)
    assert [s.status for s in result.steps] == ["met"] * 5
    assert result.missing == ()
    assert result.feedback.score >= 70


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bad_answer_misses_every_step_in_order(lang: str) -> None:
    result = evaluate(BAD[lang], QUEUE, lang)
    assert [s.key for s in result.missing] == list(STEP_ORDER)
    assert result.feedback.band == "not_yet"  # the lowest band, whatever the fitted weights
    assert set(result.dimensions_missing) >= {"scalability", "cost", "maintainability"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_missing_steps_are_named_in_order(lang: str) -> None:
    result = evaluate(HALF[lang], QUEUE, lang)
    statuses = {s.key: s.status for s in result.steps}
    assert statuses["requirements"] == "met" and statuses["risks"] == "met"
    assert [s.key for s in result.missing] == ["alternatives", "justification", "when_not"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_security_counts_where_it_matters(lang: str) -> None:
    """The same well-reasoned answer without a word on security is not enough for a ledger."""
    answer = GOOD[lang].replace("orders", "boekingen" if lang == "nl" else "bookings")
    result = evaluate(answer, LEDGER, lang)
    justification = next(s for s in result.steps if s.key == "justification")
    assert justification.status == "warning"
    assert "security" in result.dimensions_missing
    assert "security" not in evaluate(GOOD[lang], QUEUE, lang).dimensions_missing
