"""Follow-up questions fit any good answer, not only the story in the example answer.

The interviewer's next question is shown and asked whatever the candidate told. A general question has two
strong examples (one from an IT candidate, one from a sales candidate), so a follow-up that names a detail
of one of them ("What if the security officer had still said no after the DPIA?") asks the other half of
the candidates about something they never said. The same goes for a follow-up in an IT or sales question
that names a figure or a name only its example contains ("those 500 customer cases", "Noor", "Redis").

The check is on words, so it can only catch a detail that is spelled out; a follow-up that assumes a story
in plain words ("How did you prepare the customers?") still needs a reader. It looks for:
- in a general question: a figure, an acronym or a content word of five letters or more that one strong
  example uses and the other doesn't, which the question's own text, guidance and common mistakes don't
  use either, and which is not shared interview vocabulary (used in the question texts, guidance, mistakes
  or follow-ups of at least two questions in the bank). Figures and acronyms count even when shared;
- in an IT or sales question with one strong example: a figure, an acronym or a capitalised name in the
  middle of a sentence that the example uses and the question's own text, guidance and mistakes don't.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pytest

from coach.analysis.stems import content_stems, stem
from coach.content.bank import load_questions
from coach.content.schema import BilingualList, Question

QUESTIONS = load_questions()
LANGS = ("nl", "en")
MIN_WORD = 5  # shorter words are mostly function words and everyday verbs
SHARED_BY = 2  # a word used by this many questions' neutral texts is interview vocabulary, not a detail

# Everyday words a recruiter asks everyone about, which one example happens to use and no other
# question's text does. Keyed by question, so a new story detail elsewhere is still caught.
EVERYDAY: dict[str, frozenset[str]] = {
    "general.notice_period_start": frozenset({"vakanties"}),  # "Heb je al geplande vakanties?"
}

_TERM = re.compile(r"\d[\d.,]*\d|\d|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“(]\s*)$")


def _is_figure_or_acronym(word: str) -> bool:
    return word[0].isdigit() or (len(word) >= 2 and word.isupper())


def _terms(text: str, lang: str, *, names_only: bool = False) -> dict[str, str]:
    """The distinctive terms of `text`, as {key: word}: figures (key without separators), acronyms, and
    capitalised words in the middle of a sentence (names), and unless `names_only`, content words of
    MIN_WORD letters or more (key: stem)."""
    found: dict[str, str] = {}
    for match in _TERM.finditer(text):
        word = match.group()
        if word[0].isdigit():
            found[re.sub(r"[.,]", "", word)] = word
        elif _is_figure_or_acronym(word):
            found[word.lower()] = word
        elif word[0].isupper() and not _SENTENCE_START.search(text[: match.start()]):
            found[word.lower()] = word  # a name: Noor, Pune, Redis, January
        elif names_only:
            continue
        elif len(word) >= MIN_WORD and content_stems(word, lang):  # not a function or stop word
            found[stem(word.lower(), lang)] = word
    return found


def _neutral_texts(q: Question, lang: str) -> list[str]:
    """Texts shown whatever the candidate answered."""
    return [q.text.get(lang), q.tests.get(lang), *q.mistakes.get(lang), *q.follow_ups.get(lang)]


@cache
def _shared_vocabulary(lang: str, names_only: bool) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for q in QUESTIONS.values():
        counts.update(
            {key for text in _neutral_texts(q, lang) for key in _terms(text, lang, names_only=names_only)}
        )
    return frozenset(key for key, n in counts.items() if n >= SHARED_BY)


def story_details(q: Question, lang: str) -> dict[str, set[str]]:
    """{follow-up: the words in it that only an example answer of `q` gives a reason to say}."""
    strongs = [text.get(lang) for _, text in q.examples.strongs()]
    names_only = len(strongs) == 1
    own_texts = [q.text.get(lang), q.tests.get(lang), *q.mistakes.get(lang)]
    own = {key for text in own_texts for key in _terms(text, lang, names_only=names_only)}
    in_examples = [set(_terms(text, lang, names_only=names_only)) for text in strongs]
    shared = _shared_vocabulary(lang, names_only)
    everyday = EVERYDAY.get(q.id, frozenset())
    found: dict[str, set[str]] = {}
    for follow_up in q.follow_ups.get(lang):
        details = {
            word
            for key, word in _terms(follow_up, lang, names_only=names_only).items()
            if key not in own
            and sum(key in example for example in in_examples) == 1
            and (_is_figure_or_acronym(word) or key not in shared)
            and word.lower() not in everyday
        }
        if details:
            found[follow_up] = details
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_general_follow_ups_name_nothing_only_one_example_told(lang: str) -> None:
    problems = {
        q.id: found for q in QUESTIONS.values() if q.sector == "general" and (found := story_details(q, lang))
    }
    assert problems == {}


@pytest.mark.parametrize("lang", LANGS)
def test_it_and_sales_follow_ups_name_no_figure_or_name_from_the_example(lang: str) -> None:
    problems = {
        q.id: found for q in QUESTIONS.values() if q.sector != "general" and (found := story_details(q, lang))
    }
    assert problems == {}


def _with_follow_ups(q: Question, nl: str, en: str) -> Question:
    return q.model_copy(update={"follow_ups": BilingualList(nl=(nl,), en=(en,))})


def _flagged(q: Question, lang: str) -> set[str]:
    return {word for words in story_details(q, lang).values() for word in words}


def test_the_check_catches_a_detail_from_one_example_and_passes_a_neutral_follow_up() -> None:
    general = QUESTIONS["general.challenged_during_presentation"]
    told = _with_follow_ups(  # its follow-up before it was made neutral: the DPIA is the IT example's story
        general,
        "Wat had je gedaan als de security officer na de DPIA nog steeds nee had gezegd?",
        "What would you have done if the security officer had still said no after the DPIA?",
    )
    assert "DPIA" in _flagged(told, "nl")
    assert "DPIA" in _flagged(told, "en")
    neutral = _with_follow_ups(
        general,
        "Wat had je gedaan als die persoon na afloop nog steeds niet overtuigd was?",
        "What would you have done if that person still wasn't convinced afterwards?",
    )
    assert _flagged(neutral, "nl") == _flagged(neutral, "en") == set()


def test_the_check_catches_a_name_from_a_single_example_but_not_a_figure_the_question_gives() -> None:
    it = QUESTIONS["it.growing_team_member"]
    told = _with_follow_ups(  # its follow-up before: Noor is the example's colleague
        it,
        "Hoe wist je dat Noor klaar was voor die verantwoordelijkheid?",
        "How did you know Noor was ready for that responsibility?",
    )
    assert _flagged(told, "nl") == _flagged(told, "en") == {"Noor"}
    scenario = QUESTIONS["it.load_testing_ticket_sale"]  # the question and its example both say 50,000
    asked = _with_follow_ups(
        scenario,
        "En als het er geen 50.000 maar twee keer zoveel worden?",
        "And if it's not 50,000 but twice as many?",
    )
    assert _flagged(asked, "nl") == _flagged(asked, "en") == set()
