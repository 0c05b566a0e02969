"""The feedback engine: an answer (and optionally its question) in, explained feedback out."""

from __future__ import annotations

import contextlib
import dataclasses
import re

from coach.analysis.checks import CHECKS
from coach.analysis.context import Analysis, Outcome
from coach.analysis.fillers import find_fillers
from coach.analysis.language import detect_language
from coach.analysis.rules import Criterion, fold, load_criteria
from coach.analysis.scoring import Counts, band, breakdown, total
from coach.analysis.scripts import SCRIPTS
from coach.analysis.star import Cues, segment
from coach.analysis.text import split_sentences, tokenize
from coach.analysis.types import Feedback, Finding, Lang, QuestionRef
from coach.content.bank import get_question, match_question
from coach.content.kinds import FALLBACK, classify, get_kind
from coach.content.schema import Question
from coach.errors import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, input_error

# Checks whose crosses rest on counting (words, fillers, hedges, figures) rather than on recognising a
# paraphrase: claimed as findings even when they are not the next step (see confident()).
COUNTED = frozenset({
    "delivery.length",
    "delivery.fillers",
    "delivery.hedges",
    "delivery.repetition",
    "evidence.numbers_consistent",
    "relevance.on_topic",
})
QUESTION_ID_RE = re.compile(r"^(it|sales|general)\.[a-z0-9_]+$")
MATCH_THRESHOLD = 0.85  # below, look-alikes ("a conflict" vs "giving feedback") were wrong as often as right
EXACT_THRESHOLD = 0.97  # this close, a bank question is the question, whatever the wording's kind
SECTOR_THRESHOLD = 0.5
DEFAULT_KIND = "behavioural"  # an answer checked without a question is most often a story
# A story checked on its own, with no question (the story bank, `coach check` without --question), is a
# prepared STARR story meant for many questions: it is held to everything such a story should carry.
STORY_RUBRIC = (
    "structure.star",
    "evidence.concrete_example",
    "evidence.figures",
    "evidence.first_person",
    "impact.business",
    "collaboration.teamwork",
    "learning.lesson",
)


def analyse(
    text: str,
    lang: Lang,
    question: Question | None = None,
    question_text: str | None = None,
    sector: str = "general",
    kind: str | None = None,
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
        kind=question.kind if question else kind,
    )
    analysis.cues = Cues(text, sentences, lang, analysis.haystack)
    analysis.star = segment(text, sentences, lang, analysis.cues)
    analysis.fillers = find_fillers(text, lang)
    return analysis


def run(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Run one criterion over an analysed answer (none for a question its `quiet_for` names, or of a kind
    its `only_kinds` leaves out)."""
    if not criterion.runs_for(analysis.kind):
        return None
    asked = analysis.question_text
    quiet = criterion.quiet_for.compiled(analysis.lang) if asked else None
    if asked and quiet is not None and next(quiet.finditer(asked, fold(asked)), None):
        return None
    if criterion.extends == "script":
        if criterion.script is None or criterion.script not in SCRIPTS:
            raise ValueError(f"criterion {criterion.id} names an unknown script {criterion.script!r}")
        outcome = SCRIPTS[criterion.script](analysis, criterion)
    else:
        outcome = CHECKS[criterion.extends](analysis, criterion)
    evidence = criterion.claim_when.compiled(analysis.lang)
    if outcome is not None and outcome.status == "met" and outcome.claim and evidence is not None:
        return outcome if analysis.find(evidence) else dataclasses.replace(outcome, claim=False)
    return outcome


def run_criterion(text: str, criterion_id: str, lang: Lang, question: str | None = None) -> Outcome | None:
    """Run a single criterion over `text` (used by the criteria's example tests)."""
    q = get_question(question) if question else None
    return run(analyse(text, lang, q), load_criteria()[criterion_id])


def make_finding(criterion: Criterion, outcome: Outcome, lang: Lang, length: int) -> Finding:
    """The finding a candidate sees; its spans always point at words of the answer (never outside it)."""
    message = criterion.message(outcome.status, lang)
    with contextlib.suppress(KeyError, IndexError, ValueError):
        message = message.format(**outcome.values)
    spans = tuple((a, b) for a, b in outcome.spans if 0 <= a < b <= length)
    return Finding(criterion.id, outcome.status, message, criterion.tip.get(lang), spans)  # type: ignore[arg-type]


def confident(criterion: Criterion, outcome: Outcome, next_step: str | None) -> bool:
    """Whether the engine claims this outcome as a finding (docs/scoring.md, "Precision before recall").

    Judged blind by readers on real answers, ticks held up, but crosses of what an answer lacks were wrong
    about half the time, because patterns miss what people say in other words. So the engine claims what
    went well, red flags (things to avoid), counted checks (length, fillers, hedges, figures that don't add
    up, an empty or off-topic answer, "we" against "I"), words it can point at (jargon found) and the one
    next step; other crosses, about what an answer lacks, still count in the score but are not claimed.
    Nor is an outcome its check marks as not to be claimed (Outcome.claim), whatever its status.
    """
    if not outcome.claim:
        return False
    if outcome.status == "met" or criterion.id == next_step or criterion.extends in ("avoidance", "balance"):
        return True
    return criterion.id in COUNTED or bool(outcome.values.get("jargon"))


STRONG_BANDS = frozenset({"strong", "excellent"})
# content crosses whose check claims them only when it is sure, in every band: counted, not recognised
# (interview.candidate_questions: fewer questions than asked for, or most of them about the procedure or the
# terms; evidence.first_person: "we" against "I", claimed from three to one)
SURE_CROSSES = frozenset({"interview.candidate_questions", "evidence.first_person"})
# whole-answer praise that only an answer in the strong band earns: "you state things with confidence" was
# judged wrong on nervous answers below it (2 of 3 in the band "on the way" on round 7)
STRONG_ONLY = frozenset({"delivery.hedges"})
# "a good length" only on an excellent answer: on others, readers judged it praise the answer hadn't earned (a
# ramble, an answer of empty phrases; 5 of 36 on the round-5 holdout, 3 of 17 in the strong band, 0 of 9 in
# the excellent band)
# "your answer is concrete" on a practical question likewise: readers found it on a salary range of 4,000 to
# 6,000 and on "three, four months? maybe sooner" (2 of 10 in the strong band on dev, 2 of 6 on round 6)
# "addresses the question" likewise, after round 7 (5 of 19 wrong in the strong band: an evasive answer, a
# life story, buzzwords without a design; 0 of 17 in the excellent band)
EXCELLENT_ONLY = frozenset({"delivery.length", "interview.practicalities", "relevance.on_topic"})
# never claimed as a tick: "you don't repeat yourself" rests on a check for repeats in the same words, and
# readers found answers that say the same thing in other words or end on a recap of every point (4 of 43)
# "the figures you give are consistent": the checks cover the sums a recruiter does on the spot, not every
# relation (readers found shares adding up to 105%, a growth rate off by half, a notice period said twice
# differently, and the tick on answers whose only figures were the question's: 7 of 21 on round 6)
# content ticks whose message lists what the answer has, held back after rounds 8-13 even on excellent answers
# (the current engine still made claims readers had judged wrong): "a set approach - the steps in order, why,
# a real example" on an anecdote or a generic routine (11 of 56), "a clear picture of your results" naming
# an average deal size or a new-business split the answer lacks, or a conversion rate as the share of target
# (7 of 28), "backed with 4 concrete figures" on the weakest of many or on figures that restate the question
# (4 of 24), "what your work meant for the business" on "more tickets"
NOT_PRAISED = frozenset({
    "delivery.repetition",
    "evidence.numbers_consistent",
    "structure.steps",
    "sales.results_breakdown",
    "evidence.figures",
    "impact.business",
})
# "too long" on an answer in the strong band only from this share of the question's maximum: readers judged it
# wrong on dense answers a little over it (171 words against 160, 298 against 260, 309 against 300: 3 of 4
# in the strong band on dev); on weaker answers a little over the maximum was a ramble, rightly flagged
FAR_TOO_LONG = 1.25
# "a little short" only below this many words and below the strong band: readers judged it wrong on answers of
# 53 to 79 words whose problem was elsewhere, and on a compact, complete strong answer of 56 words (5 of 17
# such claims on rounds 8-13, none below 53 words)
A_LITTLE_SHORT = 53
# "few filler words" and "you state things with confidence" only from this many words: a count of none in a
# curt 30-word non-answer is no evidence of either (round 13)
PRAISE_MIN_WORDS = 40


def hold_back(
    results: list[tuple[Criterion, Outcome]], score: int, words: int
) -> list[tuple[Criterion, Outcome]]:
    """The outcomes with `claim` off where the engine can't be sure of them (docs/scoring.md, "Precision").

    A finding about content (a criterion that is not counted, a red flag or a delivery habit) is claimed only
    where the score agrees with it: a tick only on an excellent answer (on weaker answers such ticks were
    judged wrong one time in four, and still one in nine in the strong band: a question mark taken for a
    figure, an alternative waved away taken for one weighed, a motivation that names the company only). A
    cross of what the answer lacks is not claimed at all, except the questions for the interviewer and
    "we" against "I", which their checks count (SURE_CROSSES), and jargon, which it points at: on strong
    answers such crosses were mostly wrong (the situation or result told in other words), on answers "on
    the way" one in three, and on fresh holdouts still about half of them in the lowest band (7 of 15 on
    rounds 8-10: a concrete situation named in other words, a role-play read as another kind of question).
    They count in the score. "Too long" on a strong answer only when far over the maximum (FAR_TOO_LONG);
    "a little short" only under A_LITTLE_SHORT words and below the strong band.
    Whole-answer praise is held back where readers found it unearned: "you state things with confidence"
    below the strong band, "addresses the question" and "a good length" below the excellent band, "few
    filler words" and "confident" on fewer than PRAISE_MIN_WORDS words, and the ticks of NOT_PRAISED always.
    No content tick beside a red flag, no STAR tick where the actions are told with "we".
    """
    level = band(score)
    strong, excellent = level in STRONG_BANDS, level == "excellent"
    we_story = any(c.id == "evidence.first_person" and o.status != "met" for c, o in results)
    flagged = any(c.extends == "avoidance" and o.status == "warning" and o.claim for c, o in results)

    def doubtful(criterion: Criterion, outcome: Outcome) -> bool:
        if outcome.status == "met":
            if criterion.id in ("delivery.fillers", "delivery.hedges") and words < PRAISE_MIN_WORDS:
                return True
            if criterion.id in NOT_PRAISED:
                return True
            if criterion.id in EXCELLENT_ONLY:
                return not excellent
            if criterion.id in STRONG_ONLY:
                return not strong
            if criterion.id == "structure.star" and we_story:
                return True
            # no "reasoned approach" beside a red flag
            return content(criterion) and (not excellent or flagged)
        if criterion.id == "delivery.length" and outcome.status == "warning":
            said = int(outcome.values.get("words", words))
            least, most = int(outcome.values.get("min", 0)), int(outcome.values.get("max", 0))
            if said < least:  # "a little short"
                return strong or said >= A_LITTLE_SHORT
            return strong and most < said <= FAR_TOO_LONG * most  # "too long", a little over
        if outcome.values.get("jargon"):
            return False  # the jargon terms are words it can point at, not a part it failed to recognise
        if criterion.id in SURE_CROSSES:
            return False
        return content(criterion)

    unsure = [outcome.claim and doubtful(criterion, outcome) for criterion, outcome in results]
    return [
        (criterion, dataclasses.replace(outcome, claim=False) if held else outcome)
        for (criterion, outcome), held in zip(results, unsure, strict=True)
    ]


def content(criterion: Criterion) -> bool:
    """Whether a criterion judges what an answer says (not a count, a delivery habit or a red flag)."""
    flag = criterion.extends == "avoidance" or criterion.penalty > 0
    return criterion.id not in COUNTED and criterion.group != "delivery" and not flag


def choose_next_step(
    results: list[tuple[Criterion, Outcome]],
    rubric: tuple[str, ...],
    kind: str | None,
) -> tuple[Criterion, Outcome] | None:
    """The one change that would lift this answer most, as a coach would pick it.

    In order: answer the question at all; drop a red flag (the warning with the highest penalty); then
    what this kind of question is about (content/kinds.yaml); then length when far too short; then the
    rubric criterion not met that weighs most; then a delivery habit. Only what the engine claims can be
    the step: None when nothing is left to fix or the engine is not sure what is (advice worded as what
    the question's kind asks for was judged wrong four times in ten on answers on the way: the answer gave
    it in other words; the band then says what this kind of question asks for, as guidance, not as a
    finding: scoring.describe_band).
    """
    core = set(get_kind(kind or DEFAULT_KIND).rubric)
    by_id = {criterion.id: (criterion, outcome) for criterion, outcome in results}

    def first(candidates: list[tuple[Criterion, Outcome]]) -> tuple[Criterion, Outcome] | None:
        return candidates[0] if candidates else None

    not_met = [(c, o) for c, o in results if o.status != "met" and o.claim]  # a step is something we can say
    relevance = by_id.get("relevance.on_topic")
    if relevance and relevance[1].status == "missed":
        return relevance
    flags = sorted((item for item in not_met if item[0].penalty > 0), key=lambda item: -item[0].penalty)
    length = by_id.get("delivery.length")
    return (
        first(flags)
        or first([item for item in not_met if item[0].id in core and item[0].extends != "avoidance"])
        or (length if length and length[1].status == "missed" else None)
        or first(sorted((item for item in not_met if item[0].id in rubric), key=lambda item: -item[0].weight))
        or first(not_met)
    )


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
    """Look up a bank id or match free text; returns the question, its reference, the asked text, an error.

    Free text gets the bank question it matches closely, unless its wording says it is another kind of
    question (then the match is a look-alike, not the same question); otherwise it keeps the kind its
    wording shows (content/kinds.yaml) and is judged on that kind's rubric.
    """
    if not question or not question.strip():
        return None, QuestionRef(None, None, 0.0, "general"), None, None
    asked = question.strip()
    if QUESTION_ID_RE.match(asked):
        found = get_question(asked)
        if found is None:
            return None, QuestionRef(None, asked, 0.0, "general"), None, asked
        return found, QuestionRef(found.id, None, 1.0, found.sector, found.kind), None, None
    kind = classify(asked)
    match = match_question(asked)
    if match is None:
        return None, QuestionRef(None, asked, 0.0, "general", kind), asked, None
    same_kind = kind in (FALLBACK, match.question.kind)
    if match.score >= MATCH_THRESHOLD and (same_kind or match.score >= EXACT_THRESHOLD):
        q = match.question
        return q, QuestionRef(q.id, asked, match.score, q.sector, q.kind), asked, None
    sector = match.question.sector if match.score >= SECTOR_THRESHOLD else "general"
    if kind == FALLBACK and match.score >= MATCH_THRESHOLD:
        kind = match.question.kind
    return None, QuestionRef(None, asked, match.score, sector, kind), asked, None


def rubric_for(question: Question | None, kind: str | None) -> tuple[str, ...]:
    """The criteria an answer is judged on: its bank question's rubric, else its kind's."""
    if question is not None:
        return question.rubric
    if kind is None:
        return STORY_RUBRIC
    return get_kind(kind).rubric


def check(answer: str, question: str | None = None, lang: str | None = None) -> Feedback:
    """Check an interview answer and explain what is strong and what is missing.

    `question` is a bank id or free text (matched to the closest bank question); `lang` is "nl" or
    "en", detected when not given. Never raises on a string answer: input that can't be checked gives
    a Feedback whose `error` says why.
    """
    return evaluate(answer, question, lang)[0]


def evaluate(
    answer: str, question: str | None = None, lang: str | None = None
) -> tuple[Feedback, list[tuple[Criterion, Outcome]]]:
    """check(), and the outcome of every criterion that ran (for fitting and explaining the score)."""
    if not isinstance(answer, str):
        raise TypeError("answer must be a str")
    if question is not None and len(question) > MAX_QUESTION_CHARS:
        said: Lang = lang if lang in ("nl", "en") else detect_language(answer[:MAX_ANSWER_CHARS])  # type: ignore[assignment]
        too_long = input_error("E008", said, chars=len(question), limit=MAX_QUESTION_CHARS)
        unasked = QuestionRef(None, None, 0.0, "general")
        return Feedback(said, unasked, 0, (), {}, (), (), 0, 0, error=too_long), []
    q, ref, asked, unknown_id = resolve_question(question)
    language: Lang = lang if lang in ("nl", "en") else detect_language(answer[:MAX_ANSWER_CHARS])  # type: ignore[assignment]
    if q is not None:
        ref = QuestionRef(ref.id, q.text.get(language), ref.match, ref.sector, ref.kind)
    error = None
    if unknown_id is not None:
        error = input_error("E004", language, question=unknown_id)
    elif len(answer) > MAX_ANSWER_CHARS:
        error = input_error("E001", language, chars=len(answer), limit=MAX_ANSWER_CHARS)
    elif lang is not None and lang not in ("nl", "en"):
        error = input_error("E006", language, value=lang)
    if error is not None:
        return Feedback(language, ref, 0, (), {}, (), (), 0, 0, error=error, rubric=()), []

    analysis = analyse(answer, language, q, asked, ref.sector, ref.kind)
    criteria = load_criteria()
    rubric = rubric_for(q, ref.kind)
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
    parts = breakdown(results, ref.kind, Counts.of(analysis))
    value = total(parts)
    results = hold_back(results, value, analysis.words)
    praise = relevant and parts["cap"] == 100  # no praise on an answer a finding caps
    step = choose_next_step(results, rubric, ref.kind)
    step_id = step[0].id if step else None
    next_step = make_finding(*step, language, len(answer)) if step is not None else None
    findings = tuple(
        make_finding(criterion, outcome, language, len(answer))
        for criterion, outcome in results
        if (outcome.status != "met" or (praise and criterion.extends != "avoidance"))
        and confident(criterion, outcome, step_id)
    )
    unclaimed = tuple(c.id for c, o in results if o.status != "met" and not confident(c, o, step_id))
    follow_up = choose_follow_up(results, rubric, language) if relevant else None
    feedback = Feedback(
        language=language,
        question=ref,
        score=value,
        findings=findings,
        star={part: tuple(spans) for part, spans in analysis.star.items()},
        numbers=tuple(analysis.numbers),
        fillers=tuple(analysis.fillers),
        words=analysis.words,
        sentences=len(analysis.sentences),
        follow_up=follow_up,
        mismatches=tuple(analysis.mismatches),
        rubric=rubric,
        band=band(value),
        next_step=next_step,
        score_parts=parts,
        unclaimed=unclaimed,
    )
    return feedback, results
