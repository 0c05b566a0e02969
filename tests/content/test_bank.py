"""The question bank: schema, counts, Dutch/English parity, no near-duplicates, rubrics, examples that rank."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coach.analysis.rules import load_criteria
from coach.cli import app
from coach.content.bank import load_questions, match_question, search_questions
from coach.content.schema import CATEGORIES, IT_ROLES, SALES_ROLES
from coach.content.stats import (
    MINIMUM,
    ROLE_MINIMUM,
    STRONG_MARGIN,
    TOTAL_MINIMUM,
    example_scores,
    near_duplicates,
    parity_problems,
    unknown_rubric_ids,
)

QUESTIONS = load_questions()
runner = CliRunner()


def test_bank_has_the_minimum_per_sector() -> None:
    for sector, minimum in MINIMUM.items():
        assert sum(q.sector == sector for q in QUESTIONS.values()) >= minimum, sector
    assert len(QUESTIONS) >= TOTAL_MINIMUM >= 220


def test_every_question_family_and_role_is_covered() -> None:
    for sector, categories in CATEGORIES.items():
        for category in categories:
            assert any(q.sector == sector and q.category == category for q in QUESTIONS.values()), category
    for role in (*IT_ROLES, *SALES_ROLES):
        assert sum(role in q.roles for q in QUESTIONS.values()) >= ROLE_MINIMUM >= 15, role


def test_dutch_and_english_are_in_parity() -> None:
    assert parity_problems() == []


def test_no_near_duplicate_questions() -> None:
    assert near_duplicates() == []


def test_the_duplicate_check_finds_a_reworded_copy() -> None:
    original = QUESTIONS["sales.targets_last_year"]
    copy = original.model_copy(
        update={
            "id": "sales.targets_copy",
            "text": original.text.model_copy(
                update={
                    "en": "How did you do against your targets last year, and what were they?",
                    "nl": "Hoe heb je het vorig jaar gedaan ten opzichte van je targets, en wat waren ze?",
                }
            ),
        }
    )
    assert [
        (a, b) for a, b, _ in near_duplicates([original, copy, QUESTIONS["it.caching_product_catalogue"]])
    ] == [("sales.targets_copy", "sales.targets_last_year")]


def test_every_rubric_id_is_a_criterion() -> None:
    assert unknown_rubric_ids() == []
    criteria = load_criteria()
    for q in QUESTIONS.values():  # a rubric must have something to earn, not only things to avoid
        assert any(criteria[c].extends != "avoidance" and not criteria[c].always for c in q.rubric), q.id


@pytest.mark.parametrize("row", example_scores(), ids=lambda r: f"{r['id']}-{r['lang']}")
def test_engine_scores_the_strong_example_above_its_weak_twin(row: dict[str, object]) -> None:
    assert row["strong"] >= row["weak"] + STRONG_MARGIN, row  # type: ignore[operator]


def test_free_text_matches_the_bank_in_both_languages() -> None:
    assert match_question("Wat waren je targets vorig jaar?").question.id == "sales.targets_last_year"  # type: ignore[union-attr]
    assert match_question("what were your targets last year and how did you do").score >= 0.75  # type: ignore[union-attr]


def test_a_question_matched_again_gets_the_same_match_as_the_whole_bank_gives() -> None:
    asked = "Vertel eens over een keer dat je een fout maakte op je werk"
    first = match_question(asked)
    assert first is not None and first is match_question(asked)  # kept, not scored again
    assert first == match_question(asked, load_questions().values())  # the bank given explicitly: scored


def test_search_finds_by_stem_in_either_language() -> None:
    found = [q.id for q in search_questions("bezwaren", "nl")]
    assert any(QUESTIONS[i].category == "objections" for i in found[:5]), found
    assert {q.id for q in search_questions("objections", "en")} & set(found)


def test_questions_cli_filters_shows_and_reports_stats() -> None:
    listed = json.loads(
        runner.invoke(app, ["questions", "--sector", "sales", "--category", "objections", "--json"]).stdout
    )
    assert listed and {q["category"] for q in listed} == {"objections"}
    shown = runner.invoke(app, ["questions", "show", "sales.targets_last_year", "--lang", "nl"])
    assert (
        shown.exit_code == 0
        and "Waar de interviewer op let" in shown.stdout
        and "Voorbeeld van een sterk antwoord" in shown.stdout
    )
    missing = runner.invoke(app, ["questions", "show", "sales.nope", "--lang", "en"])
    assert missing.exit_code == 2
    stats = runner.invoke(app, ["questions", "--stats", "--json"])
    data = json.loads(stats.stdout)
    assert stats.exit_code == 0 and data["ok"] is True
    assert min(data["by_role"][role] for role in (*IT_ROLES, *SALES_ROLES)) >= data["role_minimum"] == 15
    shown_stats = runner.invoke(app, ["questions", "--stats", "--lang", "nl"]).stdout
    assert "Accountmanager" in shown_stats and "Totaal: " in shown_stats and " am " not in shown_stats
    assert (
        data["by_sector"]["it"] >= 60
        and data["by_sector"]["sales"] >= 50
        and data["by_sector"]["general"] >= 40
    )
    human = runner.invoke(app, ["questions", "--stats", "--lang", "nl"], env={"COLUMNS": "120"})
    assert "Alle controles slagen." in human.stdout


def test_every_question_has_a_kind_whose_criteria_its_rubric_holds_and_none_it_excludes() -> None:
    from coach.content.kinds import load_kinds

    kinds = load_kinds()
    for q in load_questions().values():
        kind = kinds[q.kind]
        assert set(kind.rubric) <= set(q.rubric), f"{q.id}: rubric lacks its kind's {kind.rubric}"
        assert not set(kind.exclude) & set(q.rubric), f"{q.id}: rubric has what {q.kind} excludes"


def test_the_kind_read_from_a_bank_questions_own_wording_is_its_kind_or_none() -> None:
    """The free-text classifier never contradicts the bank: a question typed as it stands in the bank is
    given its own kind, or no kind (`open`), in both languages."""
    from coach.content.kinds import FALLBACK, classify

    wrong = [
        (q.id, lang, classify(q.text.get(lang)))
        for q in load_questions().values()
        for lang in ("nl", "en")
        if classify(q.text.get(lang)) not in (q.kind, FALLBACK)
    ]
    assert len(wrong) <= len(load_questions()) // 10, wrong


def test_an_it_question_names_the_interviewer_not_the_recruiter() -> None:
    # In the Netherlands an engineer or lead asks the IT questions; a recruiter only the motivation and
    # terms-of-employment ones (why IT, being on call).
    recruiter_asks = {"it_motivation", "it_terms"}
    for q in QUESTIONS.values():
        if q.sector == "it" and q.category not in recruiter_asks:
            assert "recruiter" not in (q.tests.nl + q.tests.en).lower(), q.id
