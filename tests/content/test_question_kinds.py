"""Reading the kind of a free-text question (content/kinds.py): the kind picks the rubric, so a wrong kind
gives the wrong feedback. The labelled wordings are in data/question_kinds.yaml; the held-out third is
measured by benchmarks/bench_kinds.py and never asserted here (it would become tuning data)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.content.kinds import FALLBACK, classify, load_kinds, read_kind

LABELLED = yaml.safe_load((Path(__file__).parent / "data" / "question_kinds.yaml").read_text(encoding="utf-8"))
TUNED = [(q["text"], q["kind"]) for q in LABELLED["questions"] if not q["held_out"]]
HELD_OUT = [q["text"] for q in LABELLED["questions"] if q["held_out"]]
KINDS = {kind for kind in load_kinds() if kind != FALLBACK}


def test_the_labelled_set_covers_every_kind_in_both_languages_with_a_third_held_out() -> None:
    questions = LABELLED["questions"]
    assert len(questions) >= 250
    assert {(q["kind"], q["lang"]) for q in questions} == {(k, lang) for k in KINDS for lang in ("nl", "en")}
    assert 0.3 <= len(HELD_OUT) / len(questions) <= 0.4
    assert len({q["text"] for q in questions}) == len(questions)


def test_the_word_model_learns_from_the_tuned_wordings_only() -> None:
    """kinds.yaml `examples` are exactly the tuned wordings of their kind: a held-out one there would
    make the held-out figure a training figure."""
    examples = {(text, kind.id) for kind in load_kinds().values() for text in (*kind.examples.nl, *kind.examples.en)}
    assert examples == set(TUNED)
    assert not {text for text, _ in examples} & set(HELD_OUT)


@pytest.mark.parametrize(("question", "kind"), TUNED)
def test_each_tuned_wording_gets_its_kind(question: str, kind: str) -> None:
    assert classify(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    # a scene set with "stel" is not always a situational question: here the customer objects
    ("Stel dat de inkoper zegt dat jullie te duur zijn. Hoe reageer je?", "objection"),
    ("Suppose the buyer says your price is too high. How do you respond?", "objection"),
    ("De klant zegt: te duur.", "objection"),
    # a technical word in a question for a listener without IT is an explanation, not a design question
    ("Hoe zou je aan een klant uitleggen wat een API is?", "explain"),
    ("Say I'm the CFO and I've never heard of Kubernetes. What is it?", "explain"),
    # a preamble about the topic, then the question in a subordinate clause
    ("Oké, dan wil ik het even hebben over je huidige werkgever. Vertel eens waarom je daar weg wilt.", "motivation"),
    ("So, tell me why you want to leave your current employer.", "motivation"),
    # walking through a CV is an introduction; walking through a way of working is a process
    ("Walk me through your CV, please.", "self_intro"),
    ("Tell me about your approach to cold calling.", "process"),
    ("Hoe pak je een eerste gesprek met een nieuwe klant aan?", "process"),
    # what others say about you is a question about your strengths
    ("Hoe zou jouw teamleider je omschrijven?", "strengths_weaknesses"),
    ("Wat zijn je salariswensen?", "practicalities"),
    ("Kun je iets vertellen over je opleiding?", "self_intro"),
    ("Vertel eens wat over jezelf.", "self_intro"),
    # a preamble that sets the topic, then the question proper
    ("Oké, dan wil ik het even hebben over je team. Wat zou je collega zeggen over hoe je samenwerkt?",
     "strengths_weaknesses"),
    ("Right, let's talk about your team for a moment. What would your colleagues say about working with you?",
     "strengths_weaknesses"),
])
def test_hard_wordings_in_both_languages(question: str, kind: str) -> None:
    assert classify(question) == kind


@pytest.mark.parametrize("question", ["Wat vind je van het weer vandaag?", "What's your favourite colour?"])
def test_a_question_of_no_kind_stays_open(question: str) -> None:
    assert classify(question) == FALLBACK
    assert read_kind(question)[1].by == "none"


def test_the_evidence_quotes_the_question() -> None:
    """A kind comes with its reasons in the question's own words: the pattern's match and cue words."""
    kind, evidence = read_kind("Oké, en wat verwacht je qua salaris?")
    assert kind == "practicalities" and evidence.by == "pattern"
    assert evidence.matched == ("salaris",)
    question = "Heb je nog iets dat je aan ons kwijt wilt of wilt vragen?"  # no pattern: the word model reads it
    kind, words = read_kind(question)
    assert kind == "candidate_questions" and words.by == "words" and words.confidence >= 0.99
    assert words.cues and all(cue in question.lower() for cue in words.cues)


def test_where_several_kinds_match_the_form_of_the_question_wins_over_its_topic() -> None:
    """"Explain caching to the CEO" matches explain (the form) and technical (the topic): the kinds are
    listed by priority, so the explain rubric judges it; a technical question without that form stays
    technical."""
    for question in ("Hoe zou je caching uitleggen aan de CEO?", "How would you explain caching to our CEO?"):
        kind, evidence = read_kind(question)
        assert kind == "explain" and evidence.by == "pattern" and evidence.matched[0] in question
    assert read_kind("Hoe werkt caching in een webapplicatie precies?")[0] == "technical"


def test_the_kind_read_from_free_text_picks_the_rubric_in_the_result() -> None:
    """A free-text question the bank doesn't hold is judged on the rubric of the kind read from it, and
    the result names that kind."""
    from coach import check
    from coach.content.kinds import get_kind

    question = "Oké, dan wil ik het even hebben over je team. Wat zou je collega zeggen over hoe je samenwerkt?"
    feedback = check("Ik denk dat ze zeggen dat ik goed luister en snel help, maar soms te lang doorga.", question)
    assert feedback.question.id is None
    assert feedback.question.kind == "strengths_weaknesses"
    assert set(get_kind("strengths_weaknesses").rubric) <= set(feedback.rubric)
