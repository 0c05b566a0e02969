"""The question bank: load, validate, look up and match questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from coach.content.schema import Question
from coach.yaml_files import parse_yaml


@lru_cache(maxsize=1)
def load_questions() -> dict[str, Question]:
    """Load every question file under content/questions/<sector>/; the id comes from the path."""
    root = resources.files("coach.content").joinpath("questions")
    questions: dict[str, Question] = {}
    for sector_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not sector_dir.is_dir() or sector_dir.name.startswith(("_", ".")):
            continue
        for file in sorted(sector_dir.iterdir(), key=lambda p: p.name):
            if not file.name.endswith(".yaml"):
                continue
            question_id = f"{sector_dir.name}.{file.name[:-5]}"
            try:
                data = parse_yaml(file.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise ValueError(f"question {question_id}: the file is not valid YAML: {exc}") from exc
            if "id" in data and data["id"] != question_id:
                raise ValueError(f"{question_id}: id {data['id']!r} does not match the file's path")
            data["id"] = question_id
            data.setdefault("sector", sector_dir.name)
            try:
                questions[question_id] = Question.model_validate(data)
            except ValueError as exc:
                raise ValueError(f"question {question_id}: {exc}") from exc
    return questions


def get_question(question_id: str) -> Question | None:
    """Return the question with this id, or None."""
    return load_questions().get(question_id)


@dataclass(frozen=True)
class Match:
    """The bank question closest to a free-text question, and how close it is (0-1)."""

    question: Question
    score: float


def match_question(text: str, questions: Iterable[Question] | None = None) -> Match | None:
    """Find the bank question closest to `text` in either language, or None when the bank is empty.

    Every question is scored on the whole wording (a blend of token-set and plain similarity), so two
    questions that both contain every word of `text` are told apart by how close they are, never by their
    order in the bank; equal scores go to the shorter question, then the id.
    """
    if questions is None:
        bank = load_questions()
        return _match_in_bank(text, id(bank))
    return _closest(text, list(questions))


@lru_cache(maxsize=1024)
def _match_in_bank(text: str, bank: int) -> Match | None:
    """match_question against the whole bank (`bank`: which load of it), kept for the last questions
    asked: a candidate practises one question many times, and scoring it against every bank wording
    took a third of checking an answer to a typed question (Match is frozen, so it can be shared)."""
    return _closest(text, list(load_questions().values()))


def _closest(text: str, pool: list[Question]) -> Match | None:
    """The question of `pool` closest to `text` (see match_question)."""
    from rapidfuzz import fuzz

    query = _normalise(text)
    if not pool or not query:
        return None
    best: tuple[float, int, str] | None = None
    best_question: Question | None = None
    for q in pool:
        for wording in (q.text.nl, q.text.en):
            choice = _normalised_wording(wording)
            if choice == query:
                return Match(q, 1.0)
            # token_set_ratio rewards a query that is a subset; the plain ratio keeps a one-word query
            # from counting as a perfect match and tells apart questions that share all its words.
            blended = 0.7 * fuzz.token_set_ratio(query, choice) + 0.3 * fuzz.ratio(query, choice)
            key = (blended, -len(choice), q.id)
            if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and q.id < best[2]):
                best, best_question = key, q
    assert best is not None and best_question is not None
    return Match(best_question, round(best[0] / 100, 3))


def _normalise(text: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


@lru_cache(maxsize=4096)
def _normalised_wording(wording: str) -> str:
    """_normalise for a bank question's wording, done once per process: every free-text question is
    compared with all of them (it took four fifths of checking an answer to a typed question)."""
    return _normalise(wording)


def search_questions(query: str, lang: str) -> list[Question]:
    """Questions whose text, guidance or keywords contain every word of `query` (by stem), best first."""
    from coach.analysis.stems import content_stems

    wanted = content_stems(query, lang) or content_stems(query, "en" if lang == "nl" else "nl")
    if not wanted:
        return []
    scored: list[tuple[int, str, Question]] = []
    for q in load_questions().values():
        haystack = " ".join(
            [
                q.text.nl,
                q.text.en,
                q.tests.nl,
                q.tests.en,
                *q.keywords.nl,
                *q.keywords.en,
                q.category.replace("_", " "),
            ]
        )
        stems = content_stems(haystack, "nl") | content_stems(haystack, "en")
        hits = len(wanted & stems)
        if hits == len(wanted):
            in_text = len(wanted & (content_stems(q.text.get(lang), lang)))
            scored.append((-(hits + in_text), q.id, q))
    return [q for _, _, q in sorted(scored, key=lambda item: (item[0], item[1]))]
