"""Example answers sound like different people, and each is told by someone who could hold the job.

Two ways a bank can go wrong without any single file being wrong: every strong example ends with the same
formula ("Since then I...", "Sindsdien..."), so a candidate learns a template instead of an answer; and an
example is told by the wrong person (an account executive's deal as the model answer to an IT question).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from coach.content.bank import load_questions
from coach.content.schema import IT_ROLES, SALES_ROLES

QUESTIONS = load_questions()
MAX_SHARED_ENDING = 0.15  # the highest share of strong examples whose last sentence opens the same way
SECTOR_ROLES = {"it": set(IT_ROLES), "sales": set(SALES_ROLES), "general": {*IT_ROLES, *SALES_ROLES}}

# How a speaker names their own job: "als accountmanager", "I was an account executive".
_SELF = {
    "nl": r"\b(?:als|ben|was|werk(?:te)? als)\s+(?:(?:senior|junior|medior|de|een|enige)\s+)?",
    "en": r"\b(?:as|I'm|I am|I was|I worked as)\s+(?:an?\s+|the\s+)?(?:(?:senior|junior|lead)\s+)?",
}
SALES_JOBS = {
    "nl": r"(?:account ?executive|account ?manager|accountmanager|sdr|bdr|sales development rep\w*|verkoper|"
    r"salesmanager|sales manager|business developer)\b|\bmijn (?:sales)?(?:target|quota)\b",
    "en": r"(?:account executive|account manager|sdr|bdr|sales development rep\w*|salesperson|sales rep|"
    r"sales manager|business developer)\b|\bmy (?:sales )?(?:target|quota)\b",
}
IT_JOBS = {
    "nl": r"(?:backend|frontend|full-?stack|software|data|devops|test)?\s?(?:developer|ontwikkelaar|engineer|"
    r"tester|programmeur)\b",
    "en": r"(?:backend|frontend|full-?stack|software|data|devops|test|QA)?\s?(?:developer|engineer|tester|"
    r"programmer)\b",
}


def last_sentence_opening(text: str, words: int = 3) -> str:
    """The first `words` words of the text's last sentence, lower-cased: the shape of its ending."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    return " ".join(re.findall(r"[\wÀ-ÿ'’-]+", sentences[-1].lower())[:words]) if sentences else ""


def shared_endings(lang: str) -> list[tuple[str, int]]:
    """Openings of last sentences that more than MAX_SHARED_ENDING of the strong examples share."""
    endings = Counter(last_sentence_opening(q.examples.strong.get(lang)) for q in QUESTIONS.values())
    limit = MAX_SHARED_ENDING * len(QUESTIONS)
    return [(ending, n) for ending, n in endings.most_common() if n > limit]


def speaker_job_problems(questions: dict = QUESTIONS) -> list[str]:  # type: ignore[type-arg]
    """Examples whose speaker, by the stated `role` or by how they name their own job, doesn't fit."""
    problems = []
    for q in questions.values():
        role = q.examples.role
        if role is not None and role not in SECTOR_ROLES[q.sector]:
            problems.append(f"{q.id}: example role {role} is not a {q.sector} role")
        if role is not None and "any" not in q.roles and role not in q.roles:
            problems.append(f"{q.id}: example role {role} is not one of the question's roles {q.roles}")
        for lang in ("nl", "en"):
            for name in ("strong", "weak"):
                text = getattr(q.examples, name).get(lang)
                if q.sector == "it" and re.search(
                    rf"{_SELF[lang]}{SALES_JOBS[lang]}", text, re.IGNORECASE
                ):
                    problems.append(f"{q.id} ({name}, {lang}): told by a salesperson")
                if q.sector == "sales" and "se" not in q.roles and re.search(
                    rf"{_SELF[lang]}{IT_JOBS[lang]}", text, re.IGNORECASE
                ):
                    problems.append(f"{q.id} ({name}, {lang}): told by an engineer")
    return problems


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_strong_examples_do_not_share_a_formula_ending(lang: str) -> None:
    assert shared_endings(lang) == [], (
        f"more than {MAX_SHARED_ENDING:.0%} of the strong examples ({lang}) end the same way; "
        "vary the endings (see docs/content-guide.md)"
    )


def test_last_sentence_opening_reads_the_last_sentence() -> None:
    assert last_sentence_opening("We shipped it. Since then I test first! ") == "since then i"
    assert last_sentence_opening("Eén zin zonder punt") == "eén zin zonder"


def test_every_example_is_told_by_someone_who_fits_the_question() -> None:
    assert speaker_job_problems() == []


def test_the_speaker_check_catches_a_salesperson_answering_an_it_question() -> None:
    it_question = QUESTIONS["it.caching_product_catalogue"]
    story = "Last year, as an account executive in Utrecht, I closed 14 deals and beat my quota by 12%."
    told_by_ae = it_question.model_copy(
        update={"examples": it_question.examples.model_copy(
            update={"strong": it_question.examples.strong.model_copy(update={"en": story})}
        )}
    )
    assert speaker_job_problems({told_by_ae.id: told_by_ae}) == [
        "it.caching_product_catalogue (strong, en): told by a salesperson"
    ]
    labelled_ae = it_question.model_copy(
        update={"examples": it_question.examples.model_copy(update={"role": "ae"})}
    )
    assert speaker_job_problems({labelled_ae.id: labelled_ae}) == [
        "it.caching_product_catalogue: example role ae is not a it role",
        "it.caching_product_catalogue: example role ae is not one of the question's roles ('backend',)",
    ]
