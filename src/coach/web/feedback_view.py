"""What the feedback pages say about a stored answer, as a coach would say it.

The stored feedback is the wire JSON (docs/wire-schema.md) of the moment the answer was checked; answers
saved before the engine gave a band and a next step lack those keys, so both are worked out here from the
score and the findings when missing. Findings are shown in the interface language: a criterion's message
and tip are taken from its file in that language (the stored message's values, such as a word count, are
read back out of the stored text with the answer language's template); where that can't be done the
stored message stays, marked with its own language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from coach.analysis.rules import load_criteria
from coach.analysis.scoring import band as band_of
from coach.analysis.scoring import describe_band
from coach.web.labels import language_label

IMPROVE = ("missed", "warning")
FIX_FIRST = 2  # changes under "fix this first"
WENT_WELL = 3  # findings under "what went well"
QUOTE_CHARS = 160
EXAMPLE_CHARS = 260


@dataclass(frozen=True)
class Note:
    """One finding as the page shows it."""

    index: int  # its place in the stored findings (the id of its list item)
    criterion: str
    status: str
    message: str
    tip: str
    lang: str  # the language message and tip are in
    spans: tuple[tuple[int, int], ...]
    quote: str = ""  # the words of the answer it is about (shortened)
    example: str = ""  # a short example of doing it well, in the answer's language

    @property
    def improve(self) -> bool:
        return self.status in IMPROVE


@dataclass(frozen=True)
class View:
    """The feedback page's parts: band, the changes to make first, what went well, everything else."""

    band: str
    band_label: str
    band_meaning: str
    band_next: str | None
    fix_first: tuple[Note, ...]
    went_well: tuple[Note, ...]
    others: tuple[Note, ...]
    notes: tuple[Note, ...]  # every finding, in stored order
    answer_lang: str
    other_language: str | None  # the answer's language by name, when it differs from the interface's
    spoken: tuple[Note, ...] = ()  # the findings on a spoken answer's delivery


def _template_regex(template: str) -> re.Pattern[str] | None:
    """A regex that reads a message's values back out of the text made from `template`."""
    names = re.findall(r"\{(\w+)\}", template)
    if not names or len(set(names)) != len(names):
        return None
    pattern = ""
    for part in re.split(r"(\{\w+\})", template):
        found = re.fullmatch(r"\{(\w+)\}", part)
        pattern += f"(?P<{found.group(1)}>.+?)" if found else re.escape(part)
    return re.compile(pattern + r"\Z", re.DOTALL)


@lru_cache(maxsize=1)
def _label_pairs() -> dict[str, dict[str, str]]:
    """Every checklist part's label in one language -> the other (to carry values such as {missing} over)."""
    pairs: dict[str, dict[str, str]] = {"nl": {}, "en": {}}
    for criterion in load_criteria().values():
        for part in criterion.parts.values():
            nl, en = part.label.get("nl"), part.label.get("en")
            pairs["nl"][nl] = en
            pairs["en"][en] = nl
    from coach.analysis import scripts

    for words in getattr(scripts, "_LENGTH_VERDICTS", {}).values():  # "wat aan de korte kant" / "a bit short"
        if isinstance(words, dict) and {"nl", "en"} <= set(words):
            pairs["nl"][words["nl"]] = words["en"]
            pairs["en"][words["en"]] = words["nl"]
    return pairs


def _carry_value(value: str, source: str, target: str) -> str | None:
    """A message value in `target`'s language, or None when it holds words we can't carry over."""
    if re.fullmatch(r"[\d.,%€$ +\-/:]*", value):
        if target == "nl" and re.fullmatch(r"\d+\.\d+", value):
            return value.replace(".", ",")
        if target == "en" and re.fullmatch(r"\d+,\d+", value):
            return value.replace(",", ".")
        return value
    pairs = _label_pairs()[source]
    joiner = {"nl": " en ", "en": " and "}
    pieces = re.split(r", |" + re.escape(joiner[source]), value)
    if all(p in pairs for p in pieces):
        carried = [pairs[p] for p in pieces]
        if len(carried) == 1:
            return carried[0]
        return ", ".join(carried[:-1]) + joiner[target] + carried[-1]
    return None


def localise(finding: dict[str, Any], answer_lang: str, lang: str) -> tuple[str, str, str]:
    """A stored finding's message and tip in the interface language when possible: (message, tip, lang)."""
    message, tip = finding.get("message", ""), finding.get("tip", "")
    if answer_lang == lang:
        return message, tip, answer_lang
    criterion = load_criteria().get(finding.get("criterion", ""))
    if criterion is None:
        return message, tip, answer_lang
    try:
        source = criterion.message(finding["status"], answer_lang)
        target = criterion.message(finding["status"], lang)
    except (KeyError, ValueError):
        return message, tip, answer_lang
    if "{" not in target:
        return target, criterion.tip.get(lang), lang
    regex = _template_regex(source)
    found = regex.match(message) if regex else None
    if found is None:
        return message, tip, answer_lang
    values = {}
    for name, value in found.groupdict().items():
        carried = _carry_value(value, answer_lang, lang)
        if carried is None:
            return message, tip, answer_lang
        values[name] = carried
    try:
        return target.format(**values), criterion.tip.get(lang), lang
    except (KeyError, IndexError, ValueError):
        return message, tip, answer_lang


def localise_spoken(finding: dict[str, Any], answer_lang: str, lang: str) -> tuple[str, str, str]:
    """A spoken-delivery finding (speech/findings.yaml) in the interface language when possible."""
    message, tip = finding.get("message", ""), finding.get("tip", "")
    if answer_lang == lang:
        return message, tip, answer_lang
    from coach.speech.delivery import texts

    entry = texts().get(finding.get("criterion", "")) or {}
    for outcome, bilingual in (entry.get("messages") or {}).items():
        source, target = bilingual.get(answer_lang, ""), bilingual.get(lang, "")
        regex = _template_regex(source)
        found = regex.match(message) if regex else None
        if found is None and source != message:
            continue
        values = {}
        for name, value in (found.groupdict() if found else {}).items():
            carried = _carry_value(value, answer_lang, lang)
            if carried is None:
                return message, tip, answer_lang
            values[name] = carried
        tips = (entry.get("tips") or {}).get(outcome) or {}
        try:
            return target.format(**values), tips.get(lang, tip), lang
        except (KeyError, IndexError, ValueError):
            return message, tip, answer_lang
    return message, tip, answer_lang


def _quote(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The words a finding is about: its first span, shortened at a word."""
    for start, end in spans:
        if 0 <= start < end <= len(text):
            words = " ".join(text[start:end].split())
            if len(words) > QUOTE_CHARS:
                words = words[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
            return words
    return ""


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end], shortened at a word."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    sentence = " ".join(text[left:right].split())
    if len(sentence) > EXAMPLE_CHARS:
        sentence = sentence[:EXAMPLE_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence


@lru_cache(maxsize=512)
def example_for(criterion_id: str, question_id: str | None, lang: str, sector: str | None = None) -> str:
    """A short example of meeting a criterion, in the question's context when it is from the bank: the
    sentence of the question's strong example answer for `sector` (else of the criterion's own good
    example) that meets it. Empty when none does (or the criterion points at no words, like length)."""
    from coach.analysis.engine import run_criterion
    from coach.content.bank import get_question

    criterion = load_criteria().get(criterion_id)
    if criterion is None:
        return ""
    question = get_question(question_id) if question_id else None
    candidates: list[tuple[str, str | None]] = []
    if question is not None:
        candidates.append((question.examples.strong_for(sector).get(lang), question.id))
    for good in criterion.examples.good.get(lang, ())[:2]:  # type: ignore[call-overload]
        candidates.append((good, criterion.examples.question))
    for text, qid in candidates:
        if not text:
            continue
        try:
            outcome = run_criterion(text, criterion_id, lang, question=qid)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - an example is a nicety; never break the page for it
            continue
        if outcome is not None and outcome.status == "met" and outcome.spans:
            start, end = outcome.spans[0]
            return _sentence_around(text, start, end)
    return ""


def build(
    feedback: dict[str, Any],
    text: str,
    lang: str,
    score: int,
    question_id: str | None = None,
    examples: bool = True,
    sector: str | None = None,
) -> View:
    """The coach's view of one stored feedback, in the interface language `lang`; examples come from the
    strong example answer that fits `sector` (it or sales) when the question has one per sector."""
    answer_lang = feedback.get("language") or lang
    stored = feedback.get("findings") or []
    notes = []
    for index, finding in enumerate(stored):
        message, tip, note_lang = localise(finding, answer_lang, lang)
        spans = tuple((int(s[0]), int(s[1])) for s in finding.get("spans") or [])
        notes.append(
            Note(index, finding.get("criterion", ""), finding.get("status", ""), message, tip, note_lang,
                 spans)
        )
    band = (feedback.get("band") or {}).get("id") or band_of(int(score or 0))
    kind = (feedback.get("question") or {}).get("kind")
    described = describe_band(band, lang, kind, step=bool(feedback.get("next_step")))
    improve = [n for n in notes if n.improve]
    first = (feedback.get("next_step") or {}).get("criterion")
    ordered = sorted(improve, key=lambda n: (n.criterion != first, n.index)) if first else improve
    fix = []
    for note in ordered[:FIX_FIRST]:
        wanted = examples and note.criterion
        example = example_for(note.criterion, question_id, answer_lang, sector) if wanted else ""
        fix.append(replace(note, quote=_quote(text, note.spans), example=example))
    shown = {n.index for n in fix}
    rubric = set(feedback.get("rubric") or [])
    met = [n for n in notes if n.status == "met"]
    met.sort(key=lambda n: (n.criterion not in rubric, n.index))
    well = met[:WENT_WELL]
    shown |= {n.index for n in well}
    others = tuple(n for n in notes if n.index not in shown)
    spoken = []
    for index, finding in enumerate((feedback.get("delivery") or {}).get("findings") or []):
        message, tip, note_lang = localise_spoken(finding, answer_lang, lang)
        status = finding.get("status", "")
        spoken.append(Note(index, finding.get("criterion", ""), status, message, tip, note_lang, ()))
    return View(
        spoken=tuple(spoken),
        band=band,
        band_label=str(described["label"]),
        band_meaning=str(described["meaning"]),
        band_next=described["next"],
        fix_first=tuple(fix),
        went_well=tuple(well),
        others=others,
        notes=tuple(notes),
        answer_lang=answer_lang,
        other_language=language_label(answer_lang, lang) if answer_lang != lang else None,
    )
