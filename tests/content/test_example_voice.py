"""Example answers sound like different people, and each is told by someone who could hold the job.

Two ways a bank can go wrong without any single file being wrong: every strong example ends with the same
formula ("Since then I...", "Sindsdien..."), so a candidate learns a template instead of an answer; and an
example is told by the wrong person (an account executive's deal as the model answer to an IT question).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from coach.analysis.rules import Bilingual
from coach.content.bank import load_questions
from coach.content.schema import IT_ROLES, SALES_ROLES, SECTOR_OF_ROLE, RoleExample

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


def all_strong(questions: dict = QUESTIONS) -> list[tuple[str, str | None, Bilingual]]:  # type: ignore[type-arg]
    """Every strong example of the bank as (question id, speaker's role, text), the extra ones too."""
    return [(q.id, role, text) for q in questions.values() for role, text in q.examples.strongs()]


def shared_endings(lang: str) -> list[tuple[str, int]]:
    """Openings of last sentences that more than MAX_SHARED_ENDING of the strong examples share."""
    strong = all_strong()
    endings = Counter(last_sentence_opening(text.get(lang)) for _, _, text in strong)
    limit = MAX_SHARED_ENDING * len(strong)
    return [(ending, n) for ending, n in endings.most_common() if n > limit]


def told_by_wrong_sector(sector: str, roles: tuple[str, ...], text: str, lang: str) -> str | None:
    """'a salesperson' or 'an engineer' when `text` names its speaker's job outside `sector`."""
    if sector == "it" and re.search(rf"{_SELF[lang]}{SALES_JOBS[lang]}", text, re.IGNORECASE):
        return "a salesperson"
    if sector == "sales" and "se" not in roles and re.search(
        rf"{_SELF[lang]}{IT_JOBS[lang]}", text, re.IGNORECASE
    ):
        return "an engineer"
    return None


def speaker_job_problems(questions: dict = QUESTIONS) -> list[str]:  # type: ignore[type-arg]
    """Examples whose speaker, by the stated `role` or by how they name their own job, doesn't fit: the
    question's sector, or (for a general question's examples) the sector of the role the example states."""
    problems = []
    for q in questions.values():
        told = [(q.examples.role, "weak", q.examples.weak)]
        told += [(role, "strong" if text is q.examples.strong else f"strong for {role}", text)
                 for role, text in q.examples.strongs()]
        for role, name, text in told:
            if role is not None and role not in SECTOR_ROLES[q.sector]:
                problems.append(f"{q.id}: example role {role} is not a {q.sector} role")
            if role is not None and "any" not in q.roles and role not in q.roles:
                problems.append(f"{q.id}: example role {role} is not one of the question's roles {q.roles}")
            sector = SECTOR_OF_ROLE[role] if role is not None else q.sector
            roles = (role,) if role is not None else q.roles
            for lang in ("nl", "en"):
                wrong = told_by_wrong_sector(sector, roles, text.get(lang), lang)
                if wrong:
                    problems.append(f"{q.id} ({name}, {lang}): told by {wrong}")
    return sorted(set(problems), key=problems.index)


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


def test_every_general_question_has_a_strong_example_from_it_and_from_sales() -> None:
    missing = []
    for q in QUESTIONS.values():
        if q.sector != "general":
            continue
        sectors = {SECTOR_OF_ROLE[role] for role, _ in q.examples.strongs() if role is not None}
        if sectors != {"it", "sales"} or q.examples.role is None:
            missing.append(f"{q.id}: strong examples from {sorted(sectors)}")
    assert missing == []


@pytest.mark.parametrize("sector", ["it", "sales"])
def test_a_general_question_shows_the_example_of_the_sector_being_practised(sector: str) -> None:
    for q in QUESTIONS.values():
        if q.sector != "general":
            continue
        shown = q.examples.strong_for(sector)
        speaker = next(role for role, text in q.examples.strongs() if text is shown)
        assert speaker is not None and SECTOR_OF_ROLE[speaker] == sector, q.id
        assert q.examples.strong_for(None, speaker) is shown  # the role itself picks it too


def test_the_speaker_check_reads_the_role_an_extra_example_states() -> None:
    question = QUESTIONS["general.biggest_mistake"]
    story = "As an account manager in Zwolle I kept 41 of my 44 customers last year."
    extra = RoleExample(role="backend", strong=Bilingual(nl=story, en=story))
    wrong = question.model_copy(
        update={"examples": question.examples.model_copy(update={"more": (extra,)})}
    )
    assert "general.biggest_mistake (strong for backend, en): told by a salesperson" in speaker_job_problems(
        {wrong.id: wrong}
    )


def _figure_problems() -> list[str]:
    """Strong examples whose figures the engine's own arithmetic says don't add up."""
    from coach.analysis.engine import check

    problems = []
    for q in QUESTIONS.values():
        for number, (_, text) in enumerate(q.examples.strongs()):
            for lang in ("nl", "en"):
                found = check(text.get(lang), question=q.id, lang=lang).mismatches
                problems += [f"{q.id} #{number} ({lang}): {m.explanation['en']}" for m in found]
    return problems


def test_the_figures_in_every_strong_example_add_up() -> None:
    # A model answer whose sums are wrong teaches the mistake the engine exists to catch.
    assert _figure_problems() == []


def test_the_figure_check_would_catch_a_strong_example_that_does_not_add_up() -> None:
    from coach.analysis.engine import check

    wrong = "Mijn target was 400.000 euro en ik haalde 448.000 euro, dat is 130% van mijn target."
    assert check(wrong, question="sales.targets_last_year", lang="nl").mismatches
