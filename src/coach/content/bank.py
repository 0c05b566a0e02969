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
    """Find the bank question closest to `text` in either language, or None when the bank is empty."""
    from rapidfuzz import fuzz, process

    pool = list(questions if questions is not None else load_questions().values())
    if not pool:
        return None
    choices: dict[tuple[str, str], str] = {}
    for q in pool:
        choices[(q.id, "nl")] = _normalise(q.text.nl)
        choices[(q.id, "en")] = _normalise(q.text.en)
    query = _normalise(text)
    if not query:
        return None
    best = process.extractOne(query, choices, scorer=fuzz.token_set_ratio)
    if best is None:
        return None
    _, score, key = best
    partial = fuzz.ratio(query, choices[key])
    by_id = {q.id: q for q in pool}
    # token_set_ratio rewards a query that is a subset; blend with the plain ratio so a
    # one-word query does not count as a perfect match.
    return Match(by_id[key[0]], round((0.7 * score + 0.3 * partial) / 100, 3))


def _normalise(text: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


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
