"""A mock interview in progress: ask, check, follow up once, save, summarise. No user interface here.

All state lives in the store (the interview's position and pending follow-up), so any process (the CLI,
one of several web workers) can carry an interview on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from coach.analysis.engine import check
from coach.analysis.rules import load_criteria
from coach.analysis.types import Feedback
from coach.content.bank import get_question, load_questions
from coach.content.schema import Question
from coach.practice.plan import Plan
from coach.store.models import Interview
from coach.store.repository import Store
from coach.wire import feedback_to_json

FOLLOW_UP_BELOW = 85  # a strong answer gets no follow-up; a weaker one gets one, as in a real interview


@dataclass
class Turn:
    """The outcome of one submitted answer."""

    question: Question
    feedback: Feedback
    follow_up: str | None
    answer_id: int
    checked_text: str  # the text the feedback's offsets point into (after a follow-up: both answers)


@dataclass
class QuestionResult:
    """What one question ended with: the best feedback across attempts and the follow-up."""

    position: int
    question_id: str
    question_text: str
    score: int
    feedback: dict[str, Any]
    followed_up: bool


@dataclass
class Summary:
    """The end of an interview: score per question, the criteria most often missed, what to practise."""

    results: list[QuestionResult]
    average: int
    most_missed: list[tuple[str, str, int]]  # (criterion id, name in the interview's language, count)
    practise_next: list[tuple[str, str, list[str]]] = field(
        default_factory=list
    )  # (criterion, tip, question ids)


class InterviewSession:
    """Drives one interview over a Store; the CLI and the web app both use it."""

    def __init__(
        self,
        store: Store,
        user_id: int,
        interview_id: int,
        plan: Plan,
        position: int = 0,
        pending_follow_up: str | None = None,
    ) -> None:
        self.store = store
        self.user_id = user_id
        self.interview_id = interview_id
        self.plan = plan
        self.position = position
        self.pending_follow_up = pending_follow_up

    @classmethod
    def start(
        cls, store: Store, user_id: int, plan: Plan, time_limit_s: int | None = None
    ) -> InterviewSession:
        """Save a new interview for `plan` and return its session."""
        interview_id = store.create_interview(
            user_id,
            sector=plan.sector,
            role=plan.role,
            level=plan.level,
            lang=plan.lang,
            seed=plan.seed,
            plan=list(plan.question_ids),
            time_limit_s=time_limit_s,
        )
        return cls(store, user_id, interview_id, plan)

    @classmethod
    def resume(cls, store: Store, user_id: int, interview_id: int) -> InterviewSession | None:
        """Pick up an interview where it was left, or None if the user has none with that id."""
        interview = store.interview(user_id, interview_id)
        return None if interview is None else cls.of(store, interview)

    @classmethod
    def of(cls, store: Store, interview: Interview) -> InterviewSession:
        """The session of an interview already loaded from the store."""
        plan = Plan(
            interview.sector,
            interview.role,
            interview.level,
            interview.lang,
            interview.seed,
            tuple(interview.plan),
        )
        return cls(
            store, interview.user_id, interview.id, plan, interview.position, interview.pending_follow_up
        )

    @property
    def finished(self) -> bool:
        return self.position >= len(self.plan.question_ids)

    @property
    def expected_kind(self) -> str:
        """What the next submission answers: the pending follow-up, or else the current question."""
        return "follow_up" if self.pending_follow_up else "answer"

    def question_at(self, position: int) -> Question:
        """The planned question at `position`."""
        question = get_question(self.plan.question_ids[position])
        if question is None:
            raise LookupError(f"question {self.plan.question_ids[position]} is no longer in the bank")
        return question

    @property
    def question(self) -> Question:
        """The question now being asked."""
        return self.question_at(self.position)

    def question_text(self) -> str:
        """The question now being asked (or the pending follow-up), in the interview's language."""
        return self.pending_follow_up or self.question.text.get(self.plan.lang)

    def submit(
        self,
        answer: str,
        duration_s: float | None = None,
        timed_out: bool = False,
        token: str | None = None,
        extras: dict[str, Any] | None = None,
    ) -> Turn:
        """Check and save the answer to the current question (or to its follow-up), then move on.

        `extras` are saved in the answer's feedback next to the engine's (a spoken answer's `delivery` and
        `transcript`), so history and export keep them.
        """
        question = self.question
        lang = self.plan.lang
        if self.pending_follow_up is not None:
            # The follow-up completes the first answer: judge both together, as the interviewer does.
            first = self.store.latest_answer(self.interview_id, self.position)
            combined = f"{first.text if first else ''}\n\n{answer}".strip()
            feedback, answer_id = self._save(
                self.position,
                question,
                answer,
                self.pending_follow_up,
                "follow_up",
                checked=combined,
                duration_s=duration_s,
                timed_out=timed_out,
                token=token,
                extras=extras,
                attempt=1,  # the first answer to a slot: a second submission of it is refused
            )
            self._move(self.position + 1, None)
            return Turn(question, feedback, None, answer_id, combined)

        feedback, answer_id = self._save(
            self.position,
            question,
            answer,
            question.text.get(lang),
            "answer",
            duration_s=duration_s,
            timed_out=timed_out,
            token=token,
            extras=extras,
            attempt=1,
        )
        follow_up = feedback.follow_up if feedback.score < FOLLOW_UP_BELOW and answer.strip() else None
        if follow_up:
            self._move(self.position, follow_up)
        else:
            self._move(self.position + 1, None)
        return Turn(question, feedback, follow_up, answer_id, answer)

    def retry(
        self,
        position: int,
        answer: str,
        token: str | None = None,
        duration_s: float | None = None,
        extras: dict[str, Any] | None = None,
    ) -> Turn:
        """Another attempt at an already answered question; both attempts are kept. Doesn't move on.

        `extras` as for `submit` (a spoken attempt's `delivery` and `transcript`)."""
        question = self.question_at(position)
        feedback, answer_id = self._save(
            position,
            question,
            answer,
            question.text.get(self.plan.lang),
            "answer",
            duration_s=duration_s,
            token=token,
            extras=extras,
        )
        return Turn(question, feedback, None, answer_id, answer)

    def _save(
        self,
        position: int,
        question: Question,
        answer: str,
        question_text: str,
        kind: str,
        *,
        checked: str | None = None,
        duration_s: float | None = None,
        timed_out: bool = False,
        token: str | None = None,
        extras: dict[str, Any] | None = None,
        attempt: int | None = None,
    ) -> tuple[Feedback, int]:
        """Check `checked` (by default the answer itself) and save the answer with that feedback and the
        `extras`; returns the feedback and the answer's id."""
        lang = self.plan.lang
        checked_text = answer if checked is None else checked
        feedback = check(checked_text, question=question.id, lang=lang)
        feedback = self._held_to_facts(feedback, checked_text)
        answer_id = self.store.add_answer(
            self.user_id,
            interview_id=self.interview_id,
            position=position,
            question_id=question.id,
            question_text=question_text,
            text=answer,
            lang=lang,
            score=feedback.score,
            feedback={**feedback_to_json(feedback), **(extras or {})},
            kind=kind,
            duration_s=duration_s,
            timed_out=timed_out,
            submission_token=token,
            attempt=attempt,
        )
        return feedback, answer_id

    def _held_to_facts(self, feedback: Feedback, text: str) -> Feedback:
        """The feedback with a finding for each figure that contradicts the candidate's results one-pager."""
        if feedback.error is not None or not feedback.numbers:
            return feedback
        from coach.sales.facts import contradictions
        from coach.store.sales import load_profile

        profile, _ = load_profile(self.store, self.user_id)
        if profile is None:
            return feedback
        found = contradictions(text, feedback.language, profile)
        return replace(feedback, findings=(*feedback.findings, *found)) if found else feedback

    def skip_follow_up(self) -> None:
        """Move on without answering the pending follow-up."""
        if self.pending_follow_up is not None:
            self._move(self.position + 1, None)

    def _move(self, position: int, follow_up: str | None) -> None:
        self.position = position
        self.pending_follow_up = follow_up
        self.store.set_cursor(self.interview_id, position, follow_up)

    def finish(self, status: str = "finished") -> Summary:
        """Close the interview (finished, or abandoned part-way) and summarise it."""
        self.store.finish_interview(self.interview_id, status)
        return summarise(self.store, self.user_id, self.interview_id)


def summarise(store: Store, user_id: int, interview_id: int) -> Summary:
    """Score per question, the three criteria most often missed, and what to practise next."""
    interview = store.interview(user_id, interview_id)
    if interview is None:
        raise LookupError(f"no interview {interview_id}")
    lang = interview.lang
    best: dict[int, QuestionResult] = {}
    for answer in interview.answers:
        current = best.get(answer.position)
        followed_up = answer.kind == "follow_up" or bool(current and current.followed_up)
        if current is None or answer.score >= current.score:
            best[answer.position] = QuestionResult(
                answer.position,
                answer.question_id or "",
                _question_text(answer.question_id, lang, answer.question_text),
                answer.score,
                answer.feedback,
                followed_up,
            )
    results = [best[p] for p in sorted(best)]
    missed: Counter[str] = Counter()
    for result in results:
        for finding in result.feedback.get("findings", []):
            if finding["status"] != "met":
                missed[finding["criterion"]] += 1
    criteria = load_criteria()
    most = [(cid, criteria[cid].name.get(lang), n) for cid, n in missed.most_common(3) if cid in criteria]
    asked = set(interview.plan)
    fresh = [
        q
        for q in sorted(load_questions().values(), key=lambda q: q.id)
        if q.id not in asked and q.sector in (interview.sector, "general")
    ]
    practise = []
    for cid, _, _ in most:
        # a delivery habit (length, fillers) is in no question's rubric: any question not asked yet trains it
        drills = [q.id for q in fresh if cid in q.rubric][:3]
        drills = drills or [q.id for q in fresh if q.sector != "general"][:3]
        practise.append((cid, criteria[cid].tip.get(lang).strip(), drills))
    average = round(sum(r.score for r in results) / len(results)) if results else 0
    return Summary(results, average, most, practise)


def final_scores(interview: Interview) -> list[int]:
    """The best score per question of an interview (over attempts and the follow-up), in question order."""
    best: dict[int, int] = {}
    for a in interview.answers:
        best[a.position] = max(best.get(a.position, 0), a.score)
    return [best[p] for p in sorted(best)]


def _question_text(question_id: str | None, lang: str, fallback: str) -> str:
    question = get_question(question_id) if question_id else None
    return question.text.get(lang) if question else fallback
