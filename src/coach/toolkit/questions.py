"""The candidate's own questions for the interviewer: judged by the engine (interview.candidate_questions)
and, per question, for being specific to the employer (questions.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict

import coach
from coach.analysis.types import Feedback
from coach.content.extras import InterviewerQuestion, load_interviewer_questions
from coach.toolkit.catalogue import Bilingual, PatternSet, any_match, read_data
from coach.toolkit.stack import name, stack_from_ad

MIN_SPECIFIC = 2
MAX_ABOUT_CHARS = 2000


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    employer: str
    about: str
    specific: dict[str, tuple[str, ...]]
    generic: dict[str, tuple[str, ...]]


class QuestionsData(BaseModel):
    """questions.yaml, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    ask: Bilingual
    topics: dict[str, Bilingual]
    research: PatternSet
    messages: dict[str, Bilingual]
    examples: Examples


@lru_cache(maxsize=1)
def load_data() -> QuestionsData:
    """The specificity check's patterns, messages and examples."""
    return QuestionsData.model_validate(read_data("questions.yaml"))


def it_questions_by_topic(lang: str) -> list[tuple[str, list[InterviewerQuestion]]]:
    """The IT questions to ask the interviewer, grouped by topic name in `lang` (topics in file order)."""
    data = load_data()
    groups: dict[str, list[InterviewerQuestion]] = {}
    for question in load_interviewer_questions()["it"]:
        if question.topic:
            groups.setdefault(question.topic, []).append(question)
    return [(data.topics[t].get(lang) if t in data.topics else t, qs) for t, qs in groups.items()]


@dataclass(frozen=True)
class JudgedQuestion:
    """One of the candidate's questions: specific to the employer or not, and why."""

    text: str
    specific: bool
    message: str


@dataclass(frozen=True)
class QuestionsVerdict:
    """All the candidate's questions judged: the engine's feedback, and each one's specificity."""

    feedback: Feedback
    questions: tuple[JudgedQuestion, ...]
    summary: str
    advice: str | None

    @property
    def specific_count(self) -> int:
        return sum(1 for q in self.questions if q.specific)


STOP = {"de", "het", "een", "en", "van", "voor", "met", "the", "and", "for", "with", "our", "your", "jullie"}


def _terms(about: str) -> list[str]:
    """What the candidate noted about the employer: the technologies named, and the phrases between commas."""
    techs = [name(t) for t in stack_from_ad(about).known]
    phrases = [
        p.strip() for p in re.split(r"[,;\n]", about) if len(p.strip()) >= 3 and p.strip().lower() not in STOP
    ]
    return list(dict.fromkeys(techs + phrases))


def split_questions(text: str) -> list[str]:
    """The questions in `text`: each part that ends in a question mark, with what leads up to it."""
    found = []
    for part in re.findall(r"[^?\n]*\?", text):
        part = part.strip(" \t-*•")
        if len(part) > 3:
            found.append(part)
    return found


def judge(text: str, employer: str, about: str, lang: str) -> QuestionsVerdict:
    """Judge the candidate's questions for the interviewer (`employer`: its name, `about`: notes on it)."""
    data = load_data()
    say = {k: v.get(lang) for k, v in data.messages.items()}
    who = employer.strip() or say["this_employer"]
    feedback = coach.check(text, question=data.ask.get(lang), lang=lang)
    terms = _terms(about[:MAX_ABOUT_CHARS])
    judged = []
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    for question in split_questions(text):
        context = " ".join(s for s in sentences if s and (s in question or question in s)) or question
        reason = None
        if employer.strip() and re.search(
            rf"(?<!\w){re.escape(employer.strip())}(?!\w)", context, re.IGNORECASE
        ):
            reason = say["names_employer"].format(employer=employer.strip())
        if reason is None:
            term = next(
                (t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", context, re.IGNORECASE)), None
            )
            if term:
                reason = say["mentions"].format(term=term)
        if reason is None and any_match(data.research.get(lang), context):
            reason = say["research"]
        message = say["specific"].format(employer=who, reason=reason) if reason else say["generic"]
        judged.append(JudgedQuestion(question, reason is not None, message))
    specific = sum(1 for q in judged if q.specific)
    if not judged:
        return QuestionsVerdict(feedback, (), say["none"], None)
    summary = say["summary"].format(specific=specific, total=len(judged), employer=who)
    return QuestionsVerdict(
        feedback, tuple(judged), summary, None if specific >= MIN_SPECIFIC else say["advice"]
    )


def verdict_json(verdict: QuestionsVerdict) -> dict[str, Any]:
    """The verdict as JSON."""
    return {
        "score": verdict.feedback.score,
        "findings": [
            {"criterion": f.criterion, "status": f.status, "message": f.message}
            for f in verdict.feedback.findings
        ],
        "questions": [
            {"text": q.text, "specific": q.specific, "message": q.message} for q in verdict.questions
        ],
        "specific": verdict.specific_count,
        "summary": verdict.summary,
        "advice": verdict.advice,
    }
