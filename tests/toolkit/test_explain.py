"""The explain-it-simply drill: concepts and listeners, and its checks on good and bad answers in both languages."""

from __future__ import annotations

import pytest

from coach.analysis.engine import resolve_question
from coach.toolkit.explain import MIN_CONCEPTS, ExplainPrompt, UnknownPrompt, evaluate, load_catalogue, pick

API_MARKETING = ExplainPrompt("api", "marketing")
CACHING_FINANCE = ExplainPrompt("caching", "finance")

GOOD = {
    "en": (
        API_MARKETING,
        (
            "Think of an API as the order form between two shops: our web shop fills in a fixed form and the "
            "warehouse sends the stock back, just like a campaign brief that every agency fills in the same way. "
            "For you it means the campaign page can show live stock, so fewer customers click on products that "
            "are sold out and conversion goes up. For example, when we launched the spring campaign, the page "
            "stopped showing sold-out shoes within minutes. Does that make sense so far?"
        ),
    ),
    "nl": (
        CACHING_FINANCE,
        (
            "Caching kun je zien als een kasboek dat je op je bureau houdt in plaats van elke keer het archief in "
            "te lopen: de cijfers die je het vaakst nodig hebt, liggen meteen klaar. Voor jullie betekent het dat "
            "het maandrapport in seconden opent in plaats van minuten, en dat we minder serverkosten hebben: "
            "ongeveer tweeduizend euro per jaar. Het risico is dat een getal even verouderd is, daarom verversen "
            "we het elk uur. Kun je het tot nu toe volgen?"
        ),
    ),
}
BAD = {
    "en": (
        API_MARKETING,
        "An API is a REST endpoint that returns JSON payloads; we call it from the backend with an OAuth token and cache the response. Does that make sense?",
    ),
    "nl": (
        CACHING_FINANCE,
        "Caching betekent dat we de query-resultaten in Redis zetten, zodat de latency van de backend daalt en de throughput stijgt. Is dat duidelijk?",
    ),
}


def test_catalogue_has_the_concepts_and_listeners() -> None:
    catalogue = load_catalogue()
    assert len(catalogue.concepts) >= MIN_CONCEPTS
    assert {"marketing", "finance", "ceo", "customer", "sales_colleague"} <= set(catalogue.audiences)
    with pytest.raises(UnknownPrompt):
        pick(concept="quantum_teleport")
    assert pick(seed=9) == pick(seed=9)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_prompt_is_asked_as_an_explain_question(lang: str) -> None:
    catalogue = load_catalogue()
    wrong = []
    for concept in catalogue.concepts:
        for audience in catalogue.audiences:
            question = ExplainPrompt(concept, audience).question(lang)
            if resolve_question(question)[1].kind != "explain":
                wrong.append(question)
    assert not wrong


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_good_explanation_passes_every_check(lang: str) -> None:
    prompt, answer = GOOD[lang]
    result = evaluate(answer, prompt, lang)
    assert {c.key: c.status for c in result.checks} == dict.fromkeys(
        ["jargon", "analogy", "impact", "check", "length"], "met"
    )
    assert result.jargon == ()
    assert result.feedback.score >= 50


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_jargon_dump_fails_and_each_term_is_marked_with_a_plain_alternative(lang: str) -> None:
    prompt, answer = BAD[lang]
    result = evaluate(answer, prompt, lang)
    statuses = {c.key: c.status for c in result.checks}
    assert statuses["jargon"] == "missed"
    assert statuses["analogy"] == "missed" and statuses["impact"] == "missed"
    assert statuses["check"] != "met"  # "is that clear?" after a jargon dump does not count
    assert statuses["length"] == "warning"
    said = {j.said.lower() for j in result.jargon}
    assert {"en": {"rest", "json", "backend", "token"}, "nl": {"latency", "backend", "throughput"}}[
        lang
    ] <= said
    for term in result.jargon:
        assert answer[term.span[0] : term.span[1]] == term.said and term.plain
    assert result.feedback.band == "not_yet"  # the lowest band, whatever the fitted weights


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_analogy_from_another_world_is_only_half_right(lang: str) -> None:
    text = {
        "en": "Think of a cache like a fridge in your kitchen: the food you eat most is close by. For you it saves money every month.",
        "nl": "Een cache is net als de koelkast in je keuken: wat je het vaakst eet, staat dichtbij. Voor jullie bespaart het elke maand geld.",
    }[lang]
    checks = {c.key: c.status for c in evaluate(text, CACHING_FINANCE, lang).checks}
    assert checks["analogy"] == "warning"


def test_the_listener_decides_what_is_jargon() -> None:
    text = (
        "The API is like the order form at a trade fair: you fill it in and the deal goes to the warehouse."
    )
    sales = evaluate(text, ExplainPrompt("containers", "sales_colleague"), "en")
    ceo = evaluate(text, ExplainPrompt("containers", "ceo"), "en")
    assert not any(j.said == "API" for j in sales.jargon)  # a sales colleague knows what an API is
    assert any(j.said == "API" for j in ceo.jargon)
    sprint = evaluate(
        "We work in a sprint of two weeks, a bit like a building renovation.",
        ExplainPrompt("agile", "ceo"),
        "en",
    )
    assert [j.said for j in sprint.jargon] == []  # the question itself says "sprints"
    stack = evaluate("Our stack is like the engine room of a ship.", ExplainPrompt("cloud", "ceo"), "en")
    assert [j.plain for j in stack.jargon] == ["the technology we use"]
