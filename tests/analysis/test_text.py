"""Words, sentences, language, filler words and STAR(R) parts."""

from __future__ import annotations

import pytest

from coach.analysis.fillers import find_fillers, find_hedges
from coach.analysis.language import detect_language
from coach.analysis.star import segment
from coach.analysis.text import split_sentences, tokenize


def sentences(text: str, lang: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, lang)]


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    text = "Ik werkte o.a. bij Coolblue. We groeiden 1.5 keer! Klaar?\n\nNieuwe alinea"
    assert sentences(text, "nl") == [
        "Ik werkte o.a. bij Coolblue.",
        "We groeiden 1.5 keer!",
        "Klaar?",
        "Nieuwe alinea",
    ]
    assert sentences("We used e.g. Kafka. It worked.", "en") == ["We used e.g. Kafka.", "It worked."]


def test_tokens_keep_offsets_and_inner_hyphens() -> None:
    text = "Cross-sell bij 's-Hertogenbosch, €450K"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Cross-sell", "bij", "s-Hertogenbosch", "450K"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vorig jaar heb ik mijn target gehaald met het team", "nl"),
        ("Ik was de lead developer en ik heb de migratie gedaan", "nl"),
        ("Last year I hit my target together with the team", "en"),
        ("I was lead developer on the migration to Kubernetes", "en"),
        ("Ik heb als accountmanager gewerkt bij een scale-up", "nl"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "lang", "fillers"),
    [
        ("Ehm, ik heb, zeg maar, de klant gebeld.", "nl", ["Ehm", "zeg maar"]),
        ("Dus heb ik de klant gebeld en dus kwam er een deal.", "nl", []),
        ("Wat ik eigenlijk wilde weten was de prijs.", "nl", []),
        ("Het was eigenlijk, ja, eigenlijk best lastig.", "nl", ["eigenlijk", "ja", "eigenlijk"]),
        ("Um, I called the customer, you know, and uh, it worked.", "en", ["Um", "you know", "uh"]),
        ("I like Python and I would like to learn Rust.", "en", []),
        ("It was, like, really hard.", "en", ["like"]),
    ],
)
def test_fillers_in_context(text: str, lang: str, fillers: list[str]) -> None:
    assert [f for f, _ in find_fillers(text, lang)] == fillers


def test_hedges_are_found() -> None:
    assert len(find_hedges("I think it maybe helped, probably.", "en")) == 3
    assert len(find_hedges("Ik denk dat het misschien hielp.", "nl")) == 2


def test_star_parts_are_labelled_in_order() -> None:
    text = (
        "Last year I worked as an account manager at a SaaS company in Utrecht. My task was to win back a "
        "customer. First I called the IT manager and listened to the complaints. As a result they renewed for "
        "three years. I learned to call early when something is late."
    )
    parts = segment(text, split_sentences(text, "en"), "en")
    labelled = {part: [text[s:e][:12] for s, e in spans] for part, spans in parts.items()}
    assert labelled == {
        "situation": ["Last year I "],
        "task": ["My task was "],
        "action": ["First I call"],
        "result": ["As a result "],
        "reflection": ["I learned to"],
    }


@pytest.mark.parametrize(
    ("text", "lang", "result"),
    [
        ("Ik heb de queries herschreven. Daarna liep het een stuk beter en de klachten namen af.", "nl", "Daarna liep "),
        ("Ik heb de planning omgegooid. Er kwamen flink minder klachten binnen.", "nl", "Er kwamen fl"),
        ("I rewrote the slow queries. After that everything ran much better.", "en", "After that e"),
        ("I changed how we plan releases. Afterwards there were fewer incidents.", "en", "Afterwards t"),
    ],
)
def test_a_result_without_a_figure_is_still_the_result(text: str, lang: str, result: str) -> None:
    parts = segment(text, split_sentences(text, lang), lang)
    assert [text[s:e][:12] for s, e in parts["result"]] == [result]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ik werk graag samen. Ik ben een echte teamspeler. Ik zou altijd eerst luisteren.", "nl"),
        ("I'm a real people person. I always go the extra mile. I would first listen to the customer.", "en"),
    ],
)
def test_self_descriptions_and_hypotheticals_are_not_the_action(text: str, lang: str) -> None:
    parts = segment(text, split_sentences(text, lang), lang)
    assert parts["action"] == []


def test_an_uncued_sentence_with_ik_still_counts_as_action() -> None:
    text = "Ik pakte de telefoon en legde het uit aan de klant."
    assert segment(text, split_sentences(text, "nl"), "nl")["action"] == [(0, len(text))]
