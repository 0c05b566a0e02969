"""The objection-handling role-play: judge an answer, choose the scripted buyer's pushback, give feedback.

A rule-following role-play, not a chatbot: after each answer the buyer pushes back on the first thing the
answer (and the answers before it) missed, in the order of content/roleplay.yaml, at most MAX_PUSHBACKS
times; then the drill ends with feedback. The four parts of a good response and the three things to avoid
are criteria run by the feedback engine (roleplay.* and the sales.* criteria it already has); whether the
answer responds to the objection at all is checked here, by the objection's keywords.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from coach.analysis.engine import analyse, run
from coach.analysis.rules import load_criteria
from coach.analysis.stems import cached_content_stems, content_stems
from coach.analysis.types import Lang, Span
from coach.content.objections import ELEMENTS, FLAGS, Objection, buyer_script
from coach.i18n import N_

MAX_PUSHBACKS = 2
ELEMENT_POINTS = 25
PENALTIES = {"ignored": 25, "discount": 15, "arguing": 15, "pressure": 15}
# Each part is met when any of its criteria is met: the role-play's own, or the sales criterion that says
# the same in a story ("ik vroeg door", "business case").
ELEMENT_CRITERIA: dict[str, tuple[str, ...]] = {
    "acknowledge": ("roleplay.acknowledge",),
    "question": ("roleplay.clarifying_question", "sales.listening"),
    "value": ("roleplay.proof", "sales.value_selling"),
    "next_step": ("roleplay.next_step",),
}
# A thing to avoid is done when any of its criteria warns: a discount offered to the buyer's face
# (roleplay.discount) or told as in a story (sales.discount_first).
FLAG_CRITERIA: dict[str, tuple[str, ...]] = {
    "discount": ("roleplay.discount", "sales.discount_first"),
    "arguing": ("roleplay.arguing",),
    "pressure": ("roleplay.pressure",),
}


@dataclass(frozen=True)
class Judgement:
    """What one answer did: the parts it met and the things to avoid it did, each with its spans."""

    met: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    flags: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "met": {k: [list(s) for s in v] for k, v in self.met.items()},
            "flags": {k: [list(s) for s in v] for k, v in self.flags.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Judgement:
        def spans(part: dict[str, Any]) -> dict[str, tuple[Span, ...]]:
            return {k: tuple((int(a), int(b)) for a, b in v) for k, v in (part or {}).items()}

        return cls(spans(data.get("met", {})), spans(data.get("flags", {})))


def _lang(lang: str) -> Lang:
    return "nl" if lang == "nl" else "en"


def responds_to(answer: str, objection: Objection, lang: str) -> bool:
    """Whether the answer is about the objection: it uses one of its words (by stem), or repeats its text."""
    lang = _lang(lang)
    said = content_stems(answer, lang)
    wanted = set(cached_content_stems(" ".join(objection.keywords.get(lang)), lang))
    wanted |= cached_content_stems(objection.text.get(lang), lang)
    return bool(said & wanted)


def judge(answer: str, objection: Objection, lang: str, about_objection: bool = True) -> Judgement:
    """Run the role-play's criteria over one answer. `about_objection`: the answer replies to the objection
    itself (the first answer, or one after the buyer said it was ignored), so it must respond to it; an
    answer to another pushback ("Okay. And now?") need not name the objection again."""
    language = _lang(lang)
    criteria = load_criteria()
    analysis = analyse(answer, language, kind="objection", sector="sales")
    met: dict[str, tuple[Span, ...]] = {}
    for element, ids in ELEMENT_CRITERIA.items():
        for criterion_id in ids:
            outcome = run(analysis, criteria[criterion_id])
            if outcome is not None and outcome.status == "met":
                met[element] = tuple(outcome.spans)
                break
    flags: dict[str, tuple[Span, ...]] = {}
    for flag, ids in FLAG_CRITERIA.items():
        for criterion_id in ids:
            outcome = run(analysis, criteria[criterion_id])
            if outcome is not None and outcome.status == "warning":
                flags[flag] = tuple(outcome.spans)
                break
    if not answer.strip() or (
        about_objection and "acknowledge" not in met and not responds_to(answer, objection, language)
    ):
        flags["ignored"] = ()
    return Judgement(met, flags)


def missing(judgements: Sequence[Judgement]) -> list[str]:
    """What is still wrong after these answers, in the buyer's order: the latest answer's things to avoid,
    then the parts no answer has met yet."""
    if not judgements:
        return list(ELEMENTS)
    latest = judgements[-1]
    met = {element for j in judgements for element in j.met}
    return [
        key for key in buyer_script().order if (key in latest.flags) or (key in ELEMENTS and key not in met)
    ]


def choose_pushback(judgements: Sequence[Judgement]) -> str | None:
    """The gap the buyer pushes back on next, or None when the drill should end (nothing missing, or the
    buyer has pushed back MAX_PUSHBACKS times already: one pushback per answer after the first)."""
    if len(judgements) > MAX_PUSHBACKS:
        return None
    gaps = missing(judgements)
    return gaps[0] if gaps else None


def pushback_line(objection: Objection, key: str, lang: str, times_before: int = 0) -> str:
    """The buyer's words for pushing back on `key`: the objection's own line first, then the generic ones."""
    lines = list(buyer_script().pushback[key])  # type: ignore[index]
    own = objection.pushback.get(key)  # type: ignore[call-overload]
    if own is not None:
        lines.insert(0, own)
    return lines[min(times_before, len(lines) - 1)].get(lang)


def score(judgements: Sequence[Judgement]) -> int:
    """25 points per part met in any answer, minus a penalty for each thing to avoid done in any answer."""
    met = {element for j in judgements for element in j.met}
    flags = {flag for j in judgements for flag in j.flags}
    value = ELEMENT_POINTS * len(met) - sum(PENALTIES[f] for f in flags)
    return max(0, min(100, value))


def feedback(
    objection: Objection, answers: Sequence[str], judgements: Sequence[Judgement], lang: str
) -> dict[str, Any]:
    """The drill's feedback: score, each part met or missing (in which answer), things to avoid, extras."""
    language = _lang(lang)
    criteria = load_criteria()
    script = buyer_script()
    parts = []
    for element in ELEMENTS:
        criterion = criteria[ELEMENT_CRITERIA[element][0]]
        turn = next((i for i, j in enumerate(judgements) if element in j.met), None)
        status = "met" if turn is not None else "missed"
        parts.append(
            {
                "key": element,
                "name": criterion.name.get(language),
                "status": status,
                "answer": turn,
                "message": criterion.message(status, language),
                "tip": criterion.tip.get(language),
            }
        )
    avoid = []
    for flag in FLAGS:
        turn = next((i for i, j in enumerate(judgements) if flag in j.flags), None)
        if turn is None:
            continue
        if flag == "ignored":
            name, message, tip = script.ignored.name, script.ignored.warning, script.ignored.tip
            avoid.append(
                {
                    "key": flag,
                    "name": name.get(language),
                    "status": "warning",
                    "answer": turn,
                    "message": message.get(language),
                    "tip": tip.get(language),
                }
            )
            continue
        criterion = criteria[FLAG_CRITERIA[flag][0]]
        avoid.append(
            {
                "key": flag,
                "name": criterion.name.get(language),
                "status": "warning",
                "answer": turn,
                "message": criterion.message("warning", language),
                "tip": criterion.tip.get(language),
            }
        )
    extras = []
    if objection.also and answers:
        analysis = analyse("\n\n".join(answers), language, kind="objection", sector="sales")
        for criterion_id in objection.also:
            criterion = criteria[criterion_id]
            outcome = run(analysis, criterion)
            if outcome is None:
                continue
            extras.append(
                {
                    "key": criterion_id,
                    "name": criterion.name.get(language),
                    "status": outcome.status,
                    "message": criterion.message(outcome.status, language),
                    "tip": criterion.tip.get(language),
                }
            )
    return {
        "objection": objection.id,
        "score": score(judgements),
        "parts": parts,
        "avoid": avoid,
        "extras": extras,
        "good": objection.good.get(language),
        "strong": objection.strong.get(language),
        "weak": objection.weak.get(language),
    }


# --- a drill in the store: every turn saved, so any process can carry it on ---

ROLEPLAY = "roleplay"
MAX_ROLEPLAY_ANSWER = 5000  # characters; a role-play answer is a few sentences


class RoleplayError(ValueError):
    """A role-play that can't go on as asked; `message` is an English msgid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def start(store: Any, user_id: int, objection: Objection, lang: str) -> int:
    """Start a role-play on `objection`: the buyer's first line is the objection. Returns the drill id."""
    from coach.store.sales import create_drill

    lang = _lang(lang)
    return create_drill(
        store, user_id, ROLEPLAY, objection.id, lang, [{"role": "buyer", "text": objection.text.get(lang)}]
    )


def judgements_of(turns: Sequence[dict[str, Any]]) -> list[Judgement]:
    """The judgements saved with the candidate's turns."""
    return [Judgement.from_json(t.get("judgement") or {}) for t in turns if t.get("role") == "candidate"]


def respond(
    store: Any,
    user_id: int,
    drill_id: int,
    answer: str,
    *,
    expected_turns: int,
    duration_s: float | None = None,
) -> bool:
    """Judge the candidate's answer and let the buyer push back, or end the drill with feedback.

    False when the answer was not taken: the drill moved on meanwhile (a repeated submit) or is finished.
    Raises RoleplayError for an answer that is too long.
    """
    from coach.content.objections import get_objection
    from coach.store.sales import get_drill, update_drill

    if len(answer) > MAX_ROLEPLAY_ANSWER:
        raise RoleplayError(N_("Your answer is too long for a role-play; keep it to a few sentences."))
    drill = get_drill(store, user_id, drill_id, ROLEPLAY)
    objection = get_objection(drill.item) if drill else None
    if drill is None or objection is None or drill.status != "active" or len(drill.turns) != expected_turns:
        return False
    last_buyer = next((t for t in reversed(drill.turns) if t.get("role") == "buyer"), {})
    about_objection = not last_buyer.get("key") or last_buyer.get("key") == "ignored"
    judgement = judge(answer, objection, drill.lang, about_objection)
    turns = [
        *drill.turns,
        {"role": "candidate", "text": answer, "duration_s": duration_s, "judgement": judgement.to_json()},
    ]
    judgements = judgements_of(turns)
    key = choose_pushback(judgements)
    if key is not None:
        before = sum(1 for t in turns if t.get("role") == "buyer" and t.get("key") == key)
        turns.append({"role": "buyer", "text": pushback_line(objection, key, drill.lang, before), "key": key})
        return update_drill(store, user_id, drill_id, expected_turns=expected_turns, turns=turns)
    answers = [t["text"] for t in turns if t.get("role") == "candidate"]
    result = feedback(objection, answers, judgements, drill.lang)
    return update_drill(
        store,
        user_id,
        drill_id,
        expected_turns=expected_turns,
        turns=turns,
        feedback=result,
        score=result["score"],
    )
