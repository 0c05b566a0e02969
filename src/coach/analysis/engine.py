"""The feedback engine: an answer (and optionally its question) in, explained feedback out."""

from __future__ import annotations

import contextlib
import re
from functools import lru_cache
from importlib import resources

from coach.analysis.checks import CHECKS
from coach.analysis.context import Analysis, Outcome
from coach.analysis.fillers import find_fillers
from coach.analysis.language import detect_language
from coach.analysis.rules import Criterion, load_criteria
from coach.analysis.scoring import score
from coach.analysis.scripts import SCRIPTS
from coach.analysis.star import segment
from coach.analysis.text import split_sentences, tokenize
from coach.analysis.types import Feedback, Finding, Lang, QuestionRef
from coach.content.bank import get_question, match_question
from coach.content.schema import Question
from coach.errors import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, input_error
from coach.yaml_files import parse_yaml

QUESTION_ID_RE = re.compile(r"^(it|sales|general)\.[a-z0-9_]+$")
MATCH_THRESHOLD = 0.75
SECTOR_THRESHOLD = 0.5


@lru_cache(maxsize=1)
def default_rubrics() -> dict[str, tuple[str, ...]]:
    """The rubric per sector for answers whose question is not in the bank."""
    text = resources.files("coach.content").joinpath("rubrics.yaml").read_text(encoding="utf-8")
    return {sector: tuple(ids) for sector, ids in parse_yaml(text).items()}


def analyse(
    text: str,
    lang: Lang,
    question: Question | None = None,
    question_text: str | None = None,
    sector: str = "general",
) -> Analysis:
    """Take an answer apart: words, sentences, figures, STAR(R) parts and fillers."""
    from coach.analysis.numbers import extract_numbers

    tokens = tokenize(text)
    sentences = split_sentences(text, lang, tokens)
    analysis = Analysis(
        text=text,
        lang=lang,
        tokens=tokens,
        sentences=sentences,
        numbers=extract_numbers(text, lang),
        sector=question.sector if question else sector,
        question=question,
        question_text=question_text or (question.text.get(lang) if question else None),
    )
    analysis.star = segment(text, sentences, lang)
    analysis.fillers = find_fillers(text, lang)
    return analysis


def run(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Run one criterion over an analysed answer."""
    if criterion.extends == "script":
        if criterion.script is None or criterion.script not in SCRIPTS:
            raise ValueError(f"criterion {criterion.id} names an unknown script {criterion.script!r}")
        return SCRIPTS[criterion.script](analysis, criterion)
    return CHECKS[criterion.extends](analysis, criterion)


def run_criterion(text: str, criterion_id: str, lang: Lang, question: str | None = None) -> Outcome | None:
    """Run a single criterion over `text` (used by the criteria's example tests)."""
    q = get_question(question) if question else None
    return run(analyse(text, lang, q), load_criteria()[criterion_id])


def _finding(criterion: Criterion, outcome: Outcome, lang: Lang) -> Finding:
    message = criterion.message(outcome.status, lang)
    with contextlib.suppress(KeyError, IndexError, ValueError):
        message = message.format(**outcome.values)
    return Finding(criterion.id, outcome.status, message, criterion.tip.get(lang), outcome.spans)  # type: ignore[arg-type]


def choose_follow_up(
    results: list[tuple[Criterion, Outcome]], rubric: tuple[str, ...], lang: Lang
) -> str | None:
    """The one question an interviewer would ask next, from what the answer got wrong or left out.

    First a red flag (a warning such as "I was right" or blaming), then the first rubric criterion not met,
    then a missing part of a checklist that was otherwise met (such as the rank in a results breakdown).
    """

    def own(criterion: Criterion, outcome: Outcome) -> str | None:
        return outcome.follow_up or (criterion.follow_up.get(lang) if criterion.follow_up else None)

    for criterion, outcome in results:
        if outcome.status == "warning" and criterion.extends == "avoidance" and criterion.follow_up:
            return criterion.follow_up.get(lang)
    for criterion, outcome in results:
        if outcome.status != "met" and criterion.id in rubric and own(criterion, outcome):
            return own(criterion, outcome)
    for criterion, outcome in results:
        if criterion.id in rubric and outcome.follow_up:
            return outcome.follow_up
    return None


def resolve_question(question: str | None) -> tuple[Question | None, QuestionRef, str | None, str | None]:
    """Look up a bank id or match free text; returns the question, its reference, the asked text, an error."""
    if not question or not question.strip():
        return None, QuestionRef(None, None, 0.0, "general"), None, None
    asked = question.strip()
    if QUESTION_ID_RE.match(asked):
        found = get_question(asked)
        if found is None:
            return None, QuestionRef(None, asked, 0.0, "general"), None, asked
        return found, QuestionRef(found.id, None, 1.0, found.sector), None, None
    match = match_question(asked)
    if match is None:
        return None, QuestionRef(None, asked, 0.0, "general"), asked, None
    if match.score >= MATCH_THRESHOLD:
        return (
            match.question,
            QuestionRef(match.question.id, asked, match.score, match.question.sector),
            asked,
            None,
        )
    sector = match.question.sector if match.score >= SECTOR_THRESHOLD else "general"
    return None, QuestionRef(None, asked, match.score, sector), asked, None


def check(answer: str, question: str | None = None, lang: str | None = None) -> Feedback:
    """Check an interview answer and explain what is strong and what is missing.

    `question` is a bank id or free text (matched to the closest bank question); `lang` is "nl" or
    "en", detected when not given. Never raises on a string answer: input that can't be checked gives
    a Feedback whose `error` says why.
    """
    if not isinstance(answer, str):
        raise TypeError("answer must be a str")
    if question is not None and len(question) > MAX_QUESTION_CHARS:
        said: Lang = lang if lang in ("nl", "en") else detect_language(answer[:MAX_ANSWER_CHARS])  # type: ignore[assignment]
        too_long = input_error("E008", said, chars=len(question), limit=MAX_QUESTION_CHARS)
        unasked = QuestionRef(None, None, 0.0, "general")
        return Feedback(said, unasked, 0, (), {}, (), (), 0, 0, error=too_long)
    q, ref, asked, unknown_id = resolve_question(question)
    language: Lang = lang if lang in ("nl", "en") else detect_language(answer[:MAX_ANSWER_CHARS])  # type: ignore[assignment]
    if q is not None and ref.text is None or q is not None:
        ref = QuestionRef(ref.id, q.text.get(language), ref.match, ref.sector)
    error = None
    if unknown_id is not None:
        error = input_error("E004", language, question=unknown_id)
    elif len(answer) > MAX_ANSWER_CHARS:
        error = input_error("E001", language, chars=len(answer), limit=MAX_ANSWER_CHARS)
    elif lang is not None and lang not in ("nl", "en"):
        error = input_error("E006", language, value=lang)
    if error is not None:
        return Feedback(language, ref, 0, (), {}, (), (), 0, 0, error=error)

    analysis = analyse(answer, language, q, asked, ref.sector)
    criteria = load_criteria()
    rubric = q.rubric if q is not None else default_rubrics()[ref.sector]
    ids = list(dict.fromkeys([*rubric, *(c.id for c in criteria.values() if c.always)]))
    results: list[tuple[Criterion, Outcome]] = []
    for criterion_id in ids:
        criterion = criteria[criterion_id]
        outcome = run(analysis, criterion)
        if outcome is not None:
            analysis.outcomes[criterion_id] = outcome
            results.append((criterion, outcome))

    relevant = analysis.outcomes.get("relevance.on_topic", Outcome("met")).status == "met"
    if not relevant:  # say first that the answer doesn't answer the question
        results.sort(key=lambda item: item[0].id != "relevance.on_topic")
    findings = tuple(
        _finding(criterion, outcome, language)
        for criterion, outcome in results
        if outcome.status != "met" or (relevant and criterion.extends != "avoidance")
    )
    follow_up = choose_follow_up(results, rubric, language) if relevant else None
    return Feedback(
        language=language,
        question=ref,
        score=score(results, analysis.question.kind if analysis.question else None),
        findings=findings,
        star={part: tuple(spans) for part, spans in analysis.star.items()},
        numbers=tuple(analysis.numbers),
        fillers=tuple(analysis.fillers),
        words=analysis.words,
        sentences=len(analysis.sentences),
        follow_up=follow_up,
        mismatches=tuple(analysis.mismatches),
    )
