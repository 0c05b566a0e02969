"""The questions to ask the interviewer and the preparation checklists: schema, counts and language sanity."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest

from coach.analysis.rules import Bilingual
from coach.content.extras import (
    CHECKLISTS_FILE,
    QUESTIONS_FILE,
    ChecklistItem,
    InterviewerQuestion,
    _validate,
    load_checklists,
    load_interviewer_questions,
)

QUESTION_MINIMUMS = {"it": 10, "sales": 10, "general": 8}
CHECKLIST_MINIMUMS = {"it": 6, "sales": 6, "both": 6}

# Common function words: a Dutch text should use at least one Dutch one, an English text an English one.
DUTCH_WORDS = frozenset(
    {
        "je",
        "jij",
        "jouw",
        "jullie",
        "de",
        "het",
        "een",
        "van",
        "wat",
        "hoe",
        "met",
        "voor",
        "op",
        "er",
        "dat",
        "te",
        "naar",
        "bij",
        "en",
        "welke",
        "waar",
        "wie",
    }
)
ENGLISH_WORDS = frozenset(
    {
        "the",
        "you",
        "your",
        "how",
        "what",
        "do",
        "is",
        "a",
        "an",
        "to",
        "of",
        "and",
        "for",
        "with",
        "in",
        "it",
        "which",
        "who",
    }
)
# Words that belong to only one of the two languages: their presence in the other is a copy-paste slip.
DUTCH_ONLY = frozenset(
    {
        "je",
        "jij",
        "jouw",
        "jullie",
        "het",
        "een",
        "van",
        "wat",
        "hoe",
        "niet",
        "naar",
        "bij",
        "ook",
        "voor",
        "welke",
        "zijn",
        "wordt",
    }
)
ENGLISH_ONLY = frozenset(
    {"the", "you", "your", "and", "with", "what", "how", "which", "this", "that", "does"}
)
# House style: the candidate is addressed with je/jij, never the formal u/uw.
FORMAL_DUTCH = {"u", "uw"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z'\"])", text.strip()) if s])


def _questions() -> list[tuple[str, InterviewerQuestion]]:
    return [(sector, q) for sector, qs in load_interviewer_questions().items() for q in qs]


def _items() -> list[tuple[str, ChecklistItem]]:
    return [(sector, item) for sector, items in load_checklists().items() for item in items]


def _texts() -> list[tuple[str, Bilingual]]:
    texts: list[tuple[str, Bilingual]] = []
    for sector, q in _questions():
        texts += [(f"question {sector}: {q.text.en}", q.text), (f"why {sector}: {q.text.en}", q.why)]
    for sector, item in _items():
        texts += [(f"item {sector}.{item.id}", item.item), (f"detail {sector}.{item.id}", item.detail)]
    return texts


def test_schemas_load() -> None:
    questions = load_interviewer_questions()
    checklists = load_checklists()
    assert set(questions) == {"it", "sales", "general"}
    assert set(checklists) == {"it", "sales", "both"}
    assert all(isinstance(q, InterviewerQuestion) for qs in questions.values() for q in qs)
    assert all(isinstance(i, ChecklistItem) for items in checklists.values() for i in items)


def test_loaders_are_cached() -> None:
    assert load_interviewer_questions() is load_interviewer_questions()
    assert load_checklists() is load_checklists()


@pytest.mark.parametrize("sector, minimum", QUESTION_MINIMUMS.items())
def test_question_counts(sector: str, minimum: int) -> None:
    assert len(load_interviewer_questions()[sector]) >= minimum


@pytest.mark.parametrize("sector, minimum", CHECKLIST_MINIMUMS.items())
def test_checklist_counts(sector: str, minimum: int) -> None:
    assert len(load_checklists()[sector]) >= minimum


def test_every_level_has_questions_in_every_sector() -> None:
    for sector, questions in load_interviewer_questions().items():
        for level in ("junior", "medior", "senior"):
            assert any(q.fits(level) for q in questions), f"{sector} has no question for {level}"


def test_texts_non_empty_in_both_languages() -> None:
    for label, text in _texts():
        assert text.nl.strip(), f"{label}: empty Dutch"
        assert text.en.strip(), f"{label}: empty English"


def test_no_duplicate_ids() -> None:
    ids = [item.id for _, item in _items()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_duplicate_texts(lang: str) -> None:
    for name, values in {
        "question": [q.text.get(lang) for _, q in _questions()],
        "why": [q.why.get(lang) for _, q in _questions()],
        "item": [i.item.get(lang) for _, i in _items()],
        "detail": [i.detail.get(lang) for _, i in _items()],
    }.items():
        normalised = [v.strip().lower() for v in values]
        dupes = sorted({v for v in normalised if normalised.count(v) > 1})
        assert not dupes, f"duplicate {name} texts ({lang}): {dupes}"


def test_dutch_and_english_differ() -> None:
    for label, text in _texts():
        nl, en = text.nl.strip().lower(), text.en.strip().lower()
        assert nl != en, f"{label}: Dutch and English are identical"
        assert SequenceMatcher(None, nl, en).ratio() < 0.8, f"{label}: Dutch looks copied from English"


def test_dutch_reads_as_dutch() -> None:
    for label, text in _texts():
        words = _words(text.nl)
        assert words & DUTCH_WORDS, f"{label}: no common Dutch word in {text.nl!r}"
        assert not words & ENGLISH_ONLY, f"{label}: English words {words & ENGLISH_ONLY} in {text.nl!r}"
        assert not words & FORMAL_DUTCH, f"{label}: formal u/uw in {text.nl!r}; house style is je/jij"


def test_english_reads_as_english() -> None:
    for label, text in _texts():
        words = _words(text.en)
        assert words & ENGLISH_WORDS, f"{label}: no common English word in {text.en!r}"
        assert not words & DUTCH_ONLY, f"{label}: Dutch words {words & DUTCH_ONLY} in {text.en!r}"


def test_question_shape() -> None:
    for sector, q in _questions():
        for lang in ("nl", "en"):
            assert q.text.get(lang).rstrip().endswith("?"), f"{sector}: not a question: {q.text.get(lang)!r}"
            why = q.why.get(lang)
            assert _sentences(why) == 1, f"{sector}: 'why' should be one sentence: {why!r}"
            assert why.rstrip().endswith("."), f"{sector}: 'why' should end with a full stop: {why!r}"


def test_questions_are_not_salary_first() -> None:
    money = re.compile(r"\b(salaris|salary|vakantiedagen|holidays?|leave|bonus)\b", re.IGNORECASE)
    for sector, q in _questions():
        assert not money.search(q.text.nl) and not money.search(q.text.en), f"{sector}: {q.text.en!r}"


def test_checklist_shape() -> None:
    for sector, item in _items():
        for lang in ("nl", "en"):
            line = item.item.get(lang)
            assert len(line) <= 90 and not line.rstrip().endswith((".", "?")), f"{sector}.{item.id}: {line!r}"
            count = _sentences(item.detail.get(lang))
            assert 1 <= count <= 3, f"{sector}.{item.id} ({lang}): {count} sentences in detail"


def test_bad_entry_names_file_and_entry() -> None:
    detail = {"nl": "Zo doe je het.", "en": "This is how."}
    data = {
        "it": [{"id": "ok_item", "item": {"nl": "Doe dit", "en": "Do this"}, "detail": detail}],
        "sales": [{"id": "broken_item", "item": {"nl": "Doe dat"}, "detail": detail}],
        "both": [],
    }
    with pytest.raises(ValueError, match=r"checklists\.yaml: entry sales\[0\] \(broken_item\)"):
        _validate(data, CHECKLISTS_FILE, ChecklistItem, ("it", "sales", "both"))


def test_bad_level_is_rejected() -> None:
    entry = {"text": {"nl": "Hoe?", "en": "How?"}, "why": {"nl": "Dit.", "en": "This."}, "level": ["expert"]}
    data = {"it": [entry], "sales": [entry], "general": [entry]}
    with pytest.raises(ValueError, match=r"interviewer_questions\.yaml: entry it\[0\]"):
        _validate(data, QUESTIONS_FILE, InterviewerQuestion, ("it", "sales", "general"))


def test_missing_sector_is_rejected() -> None:
    with pytest.raises(ValueError, match="checklists.yaml: sectors must be exactly"):
        _validate({"it": []}, CHECKLISTS_FILE, ChecklistItem, ("it", "sales", "both"))
