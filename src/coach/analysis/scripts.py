"""Checks that patterns alone cannot express, registered by name for `extends: script` criteria."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from coach.analysis.checks import checklist_from, checklist_outcome
from coach.analysis.context import Analysis, Outcome
from coach.analysis.fillers import find_filler_like, find_soft_hedges, hedges_of, noticed
from coach.analysis.jargon import find_jargon
from coach.analysis.rules import Criterion, Part, load_criteria
from coach.analysis.stems import cached_content_stems, content_words
from coach.analysis.text import Token
from coach.analysis.types import Span
from coach.lang import load_list

Script = Callable[[Analysis, Criterion], Outcome | None]
SCRIPTS: dict[str, Script] = {}

MEANINGFUL_KINDS = frozenset({"money", "percent", "count", "duration", "rank"})


def script(name: str) -> Callable[[Script], Script]:
    """Register a script check under `name`."""

    def register(fn: Script) -> Script:
        SCRIPTS[name] = fn
        return fn

    return register


def _rate(count: int, words: int) -> float:
    return 100.0 * count / words if words else 0.0


def _fmt(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


@script("star")
def star(analysis: Analysis, criterion: Criterion) -> Outcome:
    """STAR: the situation or task, the candidate's actions and the result must all be told, in any order."""
    from coach.analysis.star import told as star_told

    star = star_told(analysis.text, analysis.sentences, analysis.lang, analysis.star, analysis.cues)

    def told(key: str, _: Part) -> list[Span]:
        if key == "situation":
            return [*star.get("situation", []), *star.get("task", [])]
        return list(star.get(key, []))

    return checklist_from(analysis, criterion, told)


_SIDE_BY_SIDE = re.compile(r"[\s,]*(?:and|en|-|–)?[\s,]*", re.IGNORECASE)
_SCALE_LEFT = re.compile(r"[ \t]?(?:k|m|mln|mio)\b", re.IGNORECASE)


def figures_unsure(analysis: Analysis) -> bool:
    """Whether the figures may be misread or undercut each other, so no tick can rest on them: two figures
    side by side ("a hundred and thirty percent" read as 100 and 30%), a scale left behind a plain number
    ("six hundred K" read as 600), or two different ranks ("number two ... eventually third")."""
    numbers, text = analysis.numbers, analysis.text
    pairs = zip(numbers, numbers[1:], strict=False)
    if any(_SIDE_BY_SIDE.fullmatch(text[a.span[1] : b.span[0]]) for a, b in pairs):
        return True
    if any(n.kind == "plain" and _SCALE_LEFT.match(text, n.span[1]) for n in numbers):
        return True
    return len({n.value for n in numbers if n.kind == "rank"}) > 1


@script("figures")
def figures(analysis: Analysis, criterion: Criterion) -> Outcome:
    """Concrete figures: amounts, percentages, counts, durations or ranks (years alone don't count)."""
    spans = tuple(n.span for n in analysis.numbers if n.kind in MEANINGFUL_KINDS)
    needed = int(criterion.params.get("met", 2))
    values = {"count": str(len(spans))}
    if len(spans) >= needed:
        return Outcome("met", spans, values, claim=not figures_unsure(analysis))
    return Outcome("warning" if spans else "missed", spans, values)


@script("numbers_consistent")
def numbers_consistent(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Figures that should add up do: percentages, parts and totals, averages, ranks."""
    from coach.analysis.arithmetic import find_mismatches

    meaningful = sum(n.kind in MEANINGFUL_KINDS for n in analysis.numbers)
    if not meaningful:
        return None
    mismatches = find_mismatches(analysis.text, analysis.numbers, analysis.lang)
    analysis.mismatches = mismatches
    if not mismatches:  # "consistent" only where every figure was read with certainty
        return Outcome("met", claim=not figures_unsure(analysis)) if meaningful >= 2 else None
    spans = tuple(sorted({s for m in mismatches for s in m.spans}))
    arithmetic = " ".join(m.explanation[analysis.lang] for m in mismatches)
    return Outcome("warning", spans, {"arithmetic": arithmetic})


@script("fillers")
def fillers(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Filler words per 100 words, against a threshold.

    "Few filler words" is claimed only when the counted fillers and the filler-like words the lexicon
    doesn't count ("gewoon", "eigenlijk", "yeah", "so") stay at or under `tick_max_per_100` together; in
    between, the outcome is met for the score but not claimed. "A lot of filler words" is claimed only from
    `claim_from` fillers and `claim_from_per_100` per 100 words: fewer cost their penalty in the score
    without a finding.
    """
    if analysis.words < criterion.params.get("min_words", 20):
        return None
    count = len(analysis.fillers)
    rate = _rate(count, analysis.words)
    values = {"count": str(count), "rate": _fmt(rate, analysis.lang)}
    if count >= criterion.params.get("min_count", 3) and rate > criterion.params.get("max_per_100", 3):
        # the claim counts only the fillers a recruiter would notice (fillers.noticed); the score all of them
        heard_ones = noticed(analysis.text, analysis.fillers)
        shown, shown_rate = len(heard_ones), _rate(len(heard_ones), analysis.words)
        params = criterion.params
        claim = shown >= params.get("claim_from", 0) and shown_rate >= params.get("claim_from_per_100", 0)
        values = {"count": str(shown), "rate": _fmt(shown_rate, analysis.lang)}
        return Outcome("warning", tuple(span for _, span in heard_ones), values, claim=claim)
    like = find_filler_like(analysis.text, analysis.lang, analysis.fillers)
    heard = count + len(like)
    claim = _rate(heard, analysis.words) <= criterion.params.get("tick_max_per_100", 2)
    return Outcome("met", (), {**values, "count": str(heard)}, claim=claim)


@script("hedges")
def hedges(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Hedges ("I think", "misschien") per 100 words, against a threshold (soft hedges such as "eigenlijk" and
    "basically" only withhold the tick).

    "You state things with confidence" is said only of an answer without a single hedge; a few hedges
    under the threshold give no finding either way (None), and so do hedges in an answer to a question that
    asks for a guess or a view. The same hedge twice ("I think" for an opinion) is a habit of speech, not yet
    "often hedging": under `min_count_same` it takes two different hedges. "Often" is claimed only from
    `claim_from` hedges; fewer cost their penalty in the score without a finding.
    """
    if analysis.words < criterion.params.get("min_words", 20):
        return None
    spans = hedges_of(analysis)
    rate = _rate(len(spans), analysis.words)
    values = {"count": str(len(spans)), "rate": _fmt(rate, analysis.lang)}
    forms = {analysis.text[a:b].lower() for a, b in spans}
    varied = len(spans) >= criterion.params.get("min_count_same", 3) or len(forms) >= 2
    dense = rate > criterion.params.get("max_per_100", 2)
    often = len(spans) >= criterion.params.get("min_count", 3) and varied and dense
    if often and not _asks_a_guess(analysis):
        claim = len(spans) >= criterion.params.get("claim_from", 0)
        return Outcome("warning", tuple(spans), values, claim=claim)
    if spans or find_soft_hedges(analysis.text, analysis.lang):
        return None  # "eigenlijk", "basically": no warning of their own, but no praise for confidence either
    # an answer full of "ehm", "ik bedoel" and "en zo" is not confident, hedge or not (readers judged so)
    heard = len(analysis.fillers) + len(find_filler_like(analysis.text, analysis.lang, analysis.fillers))
    calm = _rate(heard, analysis.words) <= criterion.params.get("tick_max_fillers_per_100", 2)
    return Outcome("met", (), values, claim=calm)


def _asks_a_guess(analysis: Analysis) -> bool:
    """Whether the question asks for a guess or a view ("What would your manager say?"), where "I think" and
    "probably" are honest rather than unsure (lang/<lang>/guess_questions.txt)."""
    asked = analysis.question_text
    return asked is not None and _list_pattern(analysis.lang, "guess_questions").search(asked) is not None


@lru_cache(maxsize=8)
def _list_pattern(lang: str, name: str) -> re.Pattern[str]:
    """The patterns of lang/<lang>/<name>.txt as one case-insensitive alternation."""
    return re.compile("|".join(f"(?:{p})" for p in load_list(lang, name)), re.IGNORECASE)


def _sentence_key(tokens: tuple[Token, ...]) -> str:
    return " ".join(t.lower for t in tokens)


def repeated_sentences(analysis: Analysis) -> list[Span]:
    """Spans of sentences (four words or more) that repeat an earlier sentence word for word."""
    if analysis.repeats is not None:
        return analysis.repeats
    seen: set[str] = set()
    repeats: list[Span] = []
    for sentence in analysis.sentences:
        key = _sentence_key(sentence.tokens)
        if len(sentence.tokens) < 4:
            continue
        if key in seen:
            repeats.append(sentence.span)
        seen.add(key)
    analysis.repeats = repeats
    return repeats


@script("repetition")
def repetition(analysis: Analysis, criterion: Criterion) -> Outcome:
    """Sentences said twice, or the same run of words said over and over."""
    repeats = repeated_sentences(analysis)
    words = [t.lower for t in analysis.tokens]
    size = int(criterion.params.get("ngram", 5))
    grams = Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))
    max_repeats = int(criterion.params.get("max_ngram_repeats", 2))
    looped = {g for g, c in grams.items() if c > max_repeats}
    spans: list[Span] = list(repeats)
    if looped:
        for i in range(len(words) - size + 1):
            if tuple(words[i : i + size]) in looped:
                spans.append((analysis.tokens[i].start, analysis.tokens[i + size - 1].end))
    if not spans:
        return Outcome("met")
    return Outcome("warning", tuple(sorted(set(spans))), {"count": str(len(repeats) + len(looped))})


FAR_TOO_SHORT = 0.6  # under this share of the question's minimum the story can't be there: missed (capped)
_LENGTH_VERDICTS = {
    "short": {"nl": "wat aan de korte kant", "en": "a little short"},
    "long": {"nl": "te lang", "en": "too long"},
}


@script("length")
def length(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Answer length against the question's guidance: far too short is missed, a little short or rambling a
    warning.

    Claimed with care, as readers judged: "a good length" only from `tick_from` times the question's
    minimum and from the kind's `good` length (just over the minimum, a good answer to most questions is
    not yet told: 54 generic words to explain something are not "a good length"), and never on an answer
    without anything its question is about (106 words about childcare to "how many office days?" are no
    good length); "a little short" only under `short_claim_below` times the minimum and when what the
    question is about is not all there (a concise answer that tells it all is not too short). Both still
    count in the score.
    """
    from coach.content.kinds import get_kind

    kind = get_kind(analysis.kind or "behavioural")
    bounds = analysis.question.words_range if analysis.question else kind.length
    values = {"words": str(analysis.words), "min": str(bounds.min), "max": str(bounds.max)}
    if analysis.words < FAR_TOO_SHORT * bounds.min:
        return Outcome("missed", (), values)
    if analysis.words < bounds.min or analysis.words > bounds.max:
        short = analysis.words < bounds.min
        verdict = _LENGTH_VERDICTS["short" if short else "long"][analysis.lang]
        claim = not short or (
            analysis.words < criterion.params.get("short_claim_below", 1.0) * bounds.min
            and not _core_complete(analysis)
        )
        return Outcome("warning", (), {**values, "verdict": verdict}, claim=claim)
    good = max(criterion.params.get("tick_from", 1.0) * bounds.min, kind.length.good or 0)
    claim = analysis.words >= good and _core_status(analysis) != "missed"
    return Outcome("met", (), values, claim=claim)


@lru_cache(maxsize=2)
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(load_list(lang, "function_words"))


@lru_cache(maxsize=1)
def _any_function_word() -> frozenset[str]:
    """The function words of both languages (joined once, not on every check)."""
    return _function_words("nl") | _function_words("en")


_VOWEL_RE = re.compile(r"[aeiouyáéíóúëïöü]")


def looks_like_language(analysis: Analysis) -> bool:
    """False for keyboard mash and word salad: real Dutch or English leans on function words."""
    if analysis.words == 0:
        return False
    known = _any_function_word()
    words = [t.lower for t in analysis.tokens]
    share = sum(w in known for w in words) / len(words)
    alphabetic = [w for w in words if w.isalpha()]
    vowelless = sum(1 for w in alphabetic if len(w) > 3 and not _VOWEL_RE.search(w))
    if analysis.words >= 6 and share < 0.08:
        return False
    return not (alphabetic and vowelless / len(alphabetic) > 0.3)


@script("relevance")
def relevance(analysis: Analysis, criterion: Criterion) -> Outcome | None:
    """Does the answer answer the question? Empty, gibberish, echoed, looping or off-topic is missed."""
    lang = analysis.lang
    if analysis.words == 0:
        return Outcome("missed", (), {"reason": _REASONS["empty"][lang]})
    if not looks_like_language(analysis):
        return Outcome("missed", ((0, len(analysis.text)),), {"reason": _REASONS["gibberish"][lang]})
    repeats = repeated_sentences(analysis)
    if analysis.sentences and len(repeats) * 2 >= len(analysis.sentences) and len(repeats) >= 1:
        return Outcome("missed", tuple(repeats), {"reason": _REASONS["repeated"][lang]})
    said = {_sentence_key(s.tokens) for s in analysis.sentences}
    if len(analysis.sentences) >= 3 and len(said) == 1:  # "I am great. I am great. I am great."
        again = tuple(s.span for s in analysis.sentences[1:])
        return Outcome("missed", again, {"reason": _REASONS["repeated"][lang]})
    # each content word with its stem, once: the stems are the answer's topic, the words its evidence
    stemmed = content_words(analysis.tokens, lang)
    answer_stems = {s for _, s in stemmed}
    if analysis.question_text:
        asked = cached_content_stems(analysis.question_text, lang)
        echoed = answer_stems & asked
        if (
            asked
            and answer_stems
            and len(answer_stems - asked) <= max(2, len(answer_stems) // 5)
            and len(echoed) * 2 >= len(asked)  # an echo says most of the question again
            and len(echoed) > len(answer_stems - asked)  # "I always hit my targets" is a (thin) answer
        ):
            return Outcome("missed", ((0, len(analysis.text)),), {"reason": _REASONS["echo"][lang]})
    if analysis.question is None and not analysis.question_text:
        return None  # no question: nothing to be on or off topic about
    if analysis.words < criterion.params.get("min_words_for_topic", 12):
        return None  # too short to tell; the length check speaks to that
    topic: set[str] = set()
    from coach.content.kinds import get_kind

    vocabulary = get_kind(analysis.kind).vocabulary if analysis.kind else None
    texts = [analysis.question_text or "", " ".join(getattr(vocabulary, lang, ()) if vocabulary else ())]
    if analysis.question is not None:
        texts += [*analysis.question.keywords.get(lang), analysis.question.text.get(lang)]
    for text in texts:
        topic |= cached_content_stems(text, lang)
    hits = answer_stems & topic
    shape = _core_status(analysis)
    if shape == "missed" and not hits:
        # Off-topic can't be told from a weak answer about work by its words: readers judged nine in ten of
        # such crosses wrong ("Waar ben je goed in?" - "Boze mensen rustig krijgen", a customer's "too
        # expensive" met with a list of features). Claimed only for an answer that isn't about working life
        # at all; otherwise the criteria of the question's kind say what is missing.
        if analysis.words >= criterion.params.get("min_words_off_topic", 20) and not _about_work(analysis):
            return Outcome("missed", (), {"reason": _REASONS["off_topic"][lang]})
        return None
    if shape == "met" or (shape is None and hits):
        # "answers the question" reads as praise: only where the answer also has the shape its kind asks for.
        # It points at no words: the words shared with the question ("teams", "klanten") were judged no
        # evidence that an answer addresses it (2 of 21 such ticks on round 8, both readers)
        return Outcome("met")
    return None  # no claim either way: a tick needs evidence as much as a cross


def _core_complete(analysis: Analysis) -> bool:
    """Whether every criterion of what the question's kind is about (content/kinds.yaml `rubric`) that ran
    is met: the answer tells all the question asks for."""
    from coach.content.kinds import get_kind

    criteria = load_criteria()
    core = [
        analysis.outcomes[c].status
        for c in get_kind(analysis.kind or "behavioural").rubric
        if c in analysis.outcomes and criteria[c].extends != "avoidance"
    ]
    return bool(core) and all(status == "met" for status in core)


def _about_work(analysis: Analysis) -> bool:
    """Whether the answer names anything of working life (lang/*/work_words.txt)."""
    return _list_pattern(analysis.lang, "work_words").search(analysis.text) is not None


def _core_status(analysis: Analysis) -> str | None:
    """How the answer does on what its kind of question is about (content/kinds.yaml `rubric`): met when
    one of those criteria is met, else warning, else missed; None when none of them ran."""
    from coach.content.kinds import get_kind

    criteria = load_criteria()
    core = [
        analysis.outcomes[c].status
        for c in get_kind(analysis.kind or "behavioural").rubric
        if c in analysis.outcomes and criteria[c].extends != "avoidance"
    ]
    for status in ("met", "warning", "missed"):
        if status in core:
            return status
    return None


_REASONS: dict[str, dict[str, str]] = {
    "empty": {"nl": "Je hebt nog niets geantwoord.", "en": "You haven't answered anything yet."},
    "gibberish": {
        "nl": "Dit leest niet als een antwoord in het Nederlands of Engels.",
        "en": "This does not read as an answer in English or Dutch.",
    },
    "repeated": {
        "nl": "Je herhaalt dezelfde zinnen in plaats van de vraag te beantwoorden.",
        "en": "You repeat the same sentences instead of answering the question.",
    },
    "echo": {
        "nl": "Je herhaalt vooral de vraag, maar beantwoordt hem niet.",
        "en": "You mostly repeat the question rather than answer it.",
    },
    "off_topic": {
        "nl": "Je antwoord sluit niet aan op de vraag.",
        "en": "Your answer is not about what the question asks.",
    },
}


@script("results_breakdown")
def results_breakdown(analysis: Analysis, criterion: Criterion) -> Outcome:
    """The sales results breakdown; a percentage or a rank also counts when found among the figures.

    For a target in meetings or calls (an SDR, the criterion's `bad_patterns`) the revenue parts don't
    apply: new business against upsell, new accounts and deal size are neither asked for nor counted.
    """
    exceptions = criterion.exceptions.compiled(analysis.lang)
    by_kind = {"percentage": "percent", "rank": "rank"}
    if analysis.find(criterion.bad_patterns.compiled(analysis.lang)):
        revenue_only = ("split", "accounts", "deal_size")
        parts = {key: part for key, part in criterion.parts.items() if key not in revenue_only}
        needed = min(criterion.min_met or len(parts), len(parts))
        criterion = criterion.model_copy(update={"parts": parts, "min_met": needed})

    def hits(key: str, part: Part) -> list[Span]:
        found = analysis.find(part.patterns.compiled(analysis.lang), exceptions)
        return found + [n.span for n in analysis.numbers if n.kind == by_kind.get(key)]

    return checklist_from(analysis, criterion, hits)


@script("candidate_questions")
def candidate_questions(analysis: Analysis, criterion: Criterion) -> Outcome:
    """The candidate's own questions for the interviewer: asked at all, and specific or strategic.

    A question counts when its sentence ends in a question mark (also inside quotes). Questions about
    the procedure or tag questions that only seek agreement (the criterion's `exceptions`) and questions
    about terms of employment (`bad_patterns`) are asked but don't count towards `min`; the strategic
    topics (`patterns`) must occur inside a counted question. The warning is claimed only when at least half
    the questions are about the procedure or the terms, or fewer than `min` were asked.
    """
    lang = analysis.lang
    quotes = "'\"\u2019\u201d"
    text = analysis.text
    asked = [s for s in analysis.sentences if text[s.start : s.end].rstrip().rstrip(quotes).endswith("?")]
    shallow = analysis.find(criterion.bad_patterns.compiled(lang))
    aside = analysis.find(criterion.exceptions.compiled(lang))

    def inside(span: Span, sentence_span: Span) -> bool:
        return span[0] < sentence_span[1] and span[1] > sentence_span[0]

    counted = [s for s in asked if not any(inside(x, s.span) for x in shallow + aside)]
    strategic = [
        m for m in analysis.find(criterion.patterns.compiled(lang)) if any(inside(m, s.span) for s in counted)
    ]
    values = {"count": str(len(counted))}
    if not asked:
        return Outcome("missed", tuple(shallow), values)
    if len(counted) >= criterion.min and strategic:
        return Outcome("met", tuple(strategic), values)
    # "mostly about the procedure or the terms" is claimed only when it is so (or when there are too few
    # questions to be about the work): questions about the work in words the topic list lacks ("wie wordt mijn
    # leidinggevende?") were judged wrongly called general
    sure = len(asked) - len(counted) >= len(counted) or len(asked) < criterion.min
    # only questions about the terms or the procedure ("how many vacation days? a lease car?"): every such
    # dev answer was rated 1 or 2, a few scored as strong on their length; held at the top of "not yet"
    limit = criterion.params.get("cap_only_terms")
    cap = int(limit) if limit is not None and not counted else None
    return Outcome("warning", tuple(shallow or [s.span for s in asked]), values, claim=sure, cap=cap)


_JARGON_NOTE = {
    "nl": " Vakjargon dat je luisteraar waarschijnlijk niet kent: {terms}.",
    "en": " Jargon your listener probably won't know: {terms}.",
}
_INSTEAD = {"nl": "zeg liever: {plain}", "en": "say: {plain}"}


@script("explain_simply")
def explain_simply(analysis: Analysis, criterion: Criterion) -> Outcome:
    """Explaining to a non-technical listener: the checklist parts, with every jargon term marked and its
    plain alternative named. Met needs `min_met` parts, among them what it means for the business and a
    plain picture (an analogy or an example). In a jargon dump a closing "is dat duidelijk?" does not count
    as checking understanding, and the explanation is missed (technical, whatever parts it has). One not met
    that uses jargon caps the score at `jargon_cap` (on explain questions: the criterion's `cap_kinds`)."""
    lang = analysis.lang
    exceptions = criterion.exceptions.compiled(lang)
    jargon = find_jargon(analysis.text, lang, analysis.question_text)
    dump = len(jargon) >= criterion.params.get("dump_min", 3) and _rate(
        len(jargon), analysis.words
    ) >= criterion.params.get("dump_per_100", 4)
    found: list[str] = []
    found_keys: set[str] = set()
    missing: list[str] = []
    spans: list[Span] = [j.span for j in jargon]
    follow_up: str | None = None
    for key, part in criterion.parts.items():
        hits = analysis.find(part.patterns.compiled(lang), exceptions)
        if hits and not (dump and key == "check_understanding"):
            found.append(part.label.get(lang))
            found_keys.add(key)
            spans.extend(hits)
            continue
        checked_in_dump = dump and key == "check_understanding"
        missing.append(_CHECK_IN_DUMP[lang] if checked_in_dump else part.label.get(lang))
        if follow_up is None and part.follow_up is not None:
            follow_up = part.follow_up.get(lang)
    outcome = checklist_outcome(criterion, lang, found, missing, sorted(set(spans)), follow_up)
    terms: dict[str, tuple[str, str]] = {}
    for j in jargon:
        said = analysis.text[j.span[0] : j.span[1]]
        terms.setdefault(said.lower(), (said, j.plain))
    note = ""
    if terms:
        shown = list(terms.values())[:8]
        listed = "; ".join(f"{said} ({_INSTEAD[lang].format(plain=plain)})" for said, plain in shown)
        note = _JARGON_NOTE[lang].format(terms=listed)
    status = outcome.status
    plain_picture = bool(found_keys & {"analogy", "example"})
    if status == "met" and (dump or "business" not in found_keys or not plain_picture):
        status = "warning"
    if dump:  # "your explanation has an analogy..." was judged wrong on a jargon dump: it is technical
        status = "missed"
    # an explanation that is not there yet and uses jargon: all ten such dev answers were rated 2 or lower,
    # yet some scored as strong on length and fluency
    cap = int(criterion.params.get("jargon_cap", 45)) if status != "met" and jargon else None
    return Outcome(status, outcome.spans, {**outcome.values, "jargon": note}, outcome.follow_up, cap=cap)


_CHECK_IN_DUMP = {
    "nl": "een uitleg zonder vakjargon (een vraag als 'is dat duidelijk?' helpt pas als de uitleg zelf te "
    "volgen is)",
    "en": "an explanation without jargon (asking 'does that make sense?' only helps once the explanation "
    "itself is plain)",
}
