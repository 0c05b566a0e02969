"""The pitch of the employer's product: an outline from what the candidate enters, and feedback on the
pitch they give, with what Dutch B2B buyers expect (direct, data and ROI, all stakeholders, no hard sell).

The pitch is judged by criteria the engine already has (sales.value_selling, sales.stakeholders,
sales.directness) and the role-play's own (roleplay.proof, clarifying_question, next_step, pressure,
discount), plus pitch.no_hype; the length is the time it would take to say it (130 words a minute),
or the measured time of a spoken pitch.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from coach.analysis.engine import analyse, run
from coach.analysis.rules import load_criteria
from coach.analysis.stems import content_stems
from coach.content.objections import get_objection
from coach.i18n import N_, translate
from coach.yaml_files import parse_yaml

WORDS_PER_MINUTE = 130  # a calm pitch, as in a meeting
MIN_SECONDS, MAX_SECONDS = 180, 300  # the 3-5 minute target
MAX_FIELD = 300
MAX_ITEMS = 6
MAX_PITCH_CHARS = 8000
LARGE_BUYERS = re.compile(
    r"\b(?:gemeente\w*|overheid|ministerie|provincie|ziekenhu\w*|bank\w*|verzeker\w*|corporatie\w*|enterprise|"
    r"municipalit\w*|government|hospital\w*|insurer\w*|universit\w*|multinational\w*|corporate\w*)\b",
    re.IGNORECASE,
)
CHECKS = (  # (key, criteria of which one must be met, warning criteria)
    ("direct", ("sales.directness", "pitch.no_hype"), ()),
    ("value", ("roleplay.proof", "sales.value_selling"), ()),
    ("stakeholders", ("sales.stakeholders",), ()),
    ("questions", ("roleplay.clarifying_question", "sales.listening"), ()),
    ("next_step", ("roleplay.next_step",), ()),
    ("no_hard_sell", (), ("roleplay.pressure", "roleplay.discount", "pitch.no_hype")),
)


class PitchError(ValueError):
    """Pitch input that can't be used; `field` names the form field, `message` is an English msgid."""

    def __init__(self, field: str, message: str, **values: Any) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.values = values


@dataclass(frozen=True)
class PitchInput:
    """What the candidate tells Coach about the employer's product."""

    employer: str
    product: str
    usps: tuple[str, ...]
    competitors: tuple[str, ...]
    targets: str
    pains: tuple[str, ...]
    name: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _lines(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = re.split(r"[\n;]", value)
    return tuple(" ".join(str(v).split()) for v in (value or []) if str(v).strip())


def clean_input(raw: dict[str, Any]) -> PitchInput:
    """Validate the pitch fields; raises PitchError at the first field that is wrong."""
    text = {k: " ".join(str(raw.get(k) or "").split()) for k in ("employer", "product", "targets", "name")}
    lists = {k: _lines(raw.get(k)) for k in ("usps", "competitors", "pains")}
    for key in ("employer", "product", "targets"):
        if not text[key]:
            raise PitchError(key, N_("Fill this in."))
    for key in ("usps", "pains"):
        if not lists[key]:
            raise PitchError(key, N_("Give at least one, one per line."))
    for key, value in text.items():
        if len(value) > MAX_FIELD:
            raise PitchError(
                key, N_("Too long: {chars} characters, at most {limit}."), chars=len(value), limit=MAX_FIELD
            )
    for key, items in lists.items():
        if len(items) > MAX_ITEMS:
            raise PitchError(key, N_("At most {limit} lines."), limit=MAX_ITEMS)
        if any(len(item) > MAX_FIELD for item in items):
            raise PitchError(key, N_("Keep each line under {limit} characters."), limit=MAX_FIELD)
    return PitchInput(
        text["employer"],
        text["product"],
        lists["usps"],
        lists["competitors"],
        text["targets"],
        lists["pains"],
        text["name"],
    )


@lru_cache(maxsize=1)
def _blocks() -> dict[str, Any]:
    return parse_yaml(resources.files("coach.content").joinpath("pitch.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def likely_objections(pitch: PitchInput) -> tuple[str, str]:
    """The two objections this pitch will most likely meet: price against a named competitor or in
    general, then procurement for large organisations, the current supplier when there are competitors, or
    the need itself."""
    first = "competitor_cheaper" if pitch.competitors else "too_expensive"
    if LARGE_BUYERS.search(pitch.targets):
        second = "must_go_through_procurement"
    elif pitch.competitors:
        second = "happy_current_supplier"
    else:
        second = "no_need"
    return first, second


def outline(pitch: PitchInput, lang: str) -> dict[str, Any]:
    """The pitch outline in `lang`: opening, discovery questions, value with proof, the two likely objections
    and how to handle them, a close with a next step, and what Dutch buyers expect."""
    lang = "nl" if lang == "nl" else "en"
    blocks = _blocks()
    pain_short = pitch.pains[0][0].lower() + pitch.pains[0][1:]
    values = {
        "name": pitch.name or translate(lang, "[your name]"),
        "employer": pitch.employer,
        "product": pitch.product,
        "targets": pitch.targets,
        "pain_short": pain_short,
    }
    discovery = [blocks["discovery"][lang].format(pain=p[0].lower() + p[1:]) for p in pitch.pains[:3]]
    discovery += [q[lang] for q in blocks["discovery_extra"]]
    objections = []
    for objection_id in likely_objections(pitch):
        objection = get_objection(objection_id)
        if objection is not None:
            objections.append(
                {"id": objection.id, "text": objection.text.get(lang), "handle": objection.good.get(lang)}
            )
    return {
        "opening": blocks["opening"][lang].format(**values),
        "discovery": discovery,
        "value": [blocks["value"][lang].format(usp=u) for u in pitch.usps],
        "objections": objections,
        "close": blocks["close"][lang],
        "dutch_buyers": list(blocks["dutch_buyers"][lang]),
    }


NAMES = {
    "direct": N_("Direct and to the point"),
    "value": N_("Data and ROI"),
    "stakeholders": N_("All stakeholders"),
    "questions": N_("Questions for the buyer"),
    "next_step": N_("A next step"),
    "no_hard_sell": N_("No hard sell"),
    "usps": N_("Your selling points"),
    "length": N_("Length (3 to 5 minutes)"),
}


def pitch_feedback(
    text: str, lang: str, pitch: PitchInput, duration_s: float | None = None
) -> dict[str, Any]:
    """Feedback on a pitch: each expectation met or not (with the criterion's message and tip), the spoken
    length against 3-5 minutes, and a score (an equal share per expectation)."""
    lang = "nl" if lang == "nl" else "en"
    criteria = load_criteria()
    analysis = analyse(text, lang, kind="objection", sector="sales")
    outcomes = {
        cid: run(analysis, criteria[cid]) for cid in {c for _, ids, warn in CHECKS for c in (*ids, *warn)}
    }
    items = []
    for key, wanted, unwanted in CHECKS:
        if wanted:
            hit = next((c for c in wanted if outcomes[c] is not None and outcomes[c].status == "met"), None)  # type: ignore[union-attr]
            source = criteria[hit or wanted[0]]
            status = "met" if hit else "missed"
            if (
                key == "direct" and hit == "pitch.no_hype"
            ):  # plain words count as direct only when the pain comes early
                opening = " ".join(text.split()[:80])
                if not (content_stems(opening, lang) & content_stems(" ".join(pitch.pains), lang)):
                    status, source = "missed", criteria["sales.directness"]
            message, tip = source.message(status, lang), source.tip.get(lang)
        else:
            bad = next(
                (c for c in unwanted if outcomes[c] is not None and outcomes[c].status == "warning"), None
            )  # type: ignore[union-attr]
            status = "warning" if bad else "met"
            source = criteria[bad or unwanted[0]]
            message, tip = source.message(status, lang), source.tip.get(lang)
        items.append(
            {
                "key": key,
                "name": translate(lang, NAMES[key]),
                "status": status,
                "message": message,
                "tip": tip,
            }
        )
    said = content_stems(text, lang)
    named = [u for u in pitch.usps if content_stems(u, lang) & said]
    items.append(
        {
            "key": "usps",
            "name": translate(lang, NAMES["usps"]),
            "status": "met" if named else "missed",
            "message": translate(
                lang,
                N_("You name {count} of your {total} selling points."),
                count=len(named),
                total=len(pitch.usps),
            ),
            "tip": translate(
                lang, N_("Bring in each selling point with what it does for this buyer, and proof.")
            ),
        }
    )
    words = len(text.split())
    seconds = duration_s if duration_s else words / WORDS_PER_MINUTE * 60
    minutes = round(seconds / 60, 1)
    if seconds < MIN_SECONDS:
        length_status, length_message = (
            "missed",
            N_("About {minutes} minutes: too short for a pitch of 3 to 5 minutes."),
        )
    elif seconds > MAX_SECONDS:
        length_status, length_message = (
            "missed",
            N_("About {minutes} minutes: longer than the 5 minutes a buyer gives you."),
        )
    else:
        length_status, length_message = "met", N_("About {minutes} minutes: within 3 to 5 minutes.")
    items.append(
        {
            "key": "length",
            "name": translate(lang, NAMES["length"]),
            "status": length_status,
            "message": translate(
                lang, length_message, minutes=str(minutes).replace(".", ",") if lang == "nl" else minutes
            ),
            "tip": translate(lang, N_("A pitch of 3 to 5 minutes is about 400 to 650 spoken words.")),
        }
    )
    good = sum(1 for i in items if i["status"] == "met")
    return {"score": round(100 * good / len(items)), "items": items, "words": words, "minutes": minutes}
