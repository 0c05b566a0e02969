"""Find the figures in an answer: money, percentages, counts, durations, ranks and plain numbers.

The answer is scanned once for number "atoms" (digits such as "1.250.000" or "14,8K", number words such as
"vierhonderdvijftigduizend" or "one hundred and twelve", ordinals, "anderhalf"), and each atom is widened
by the words around it into one figure: "€" before it makes money, "procent" after it a percentage,
"nummer ... van 12" a rank. Number words are parsed with text2num one run at a time, so every span stays
an exact slice of the answer. The words themselves live in lang/<lang>/numbers.yaml.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from text_to_num import text2num

from coach.analysis.literals import ignorecase_haystack
from coach.analysis.types import Number
from coach.lang import load_data

_SP = r"[ \t\u00a0\u202f]"  # a space inside one figure (never a line break)
_MAX_DIGITS = 18  # longer digit strings are identifiers, not figures
_MAX_RUN_WORDS = 12  # longer runs of number words are not one number
_MAX_RANK = 10_000
_LOOK_BACK = 60  # characters looked at before a number for its prefix words

# A word for the look-around checks: letters first, then letters, digits, apostrophes or inner hyphens
# ("collega's", "SaaS-klanten"); a trailing dot is kept so "nr." and "ca." can be looked up.
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*\.?|[#€$~±]|\d+")
_WORD = r"[^\W\d_][\w'’]*(?:-[\w'’]+)*"
_FOLLOW_RE = re.compile(rf"(?:{_SP}+|-)({_WORD})(?:{_SP}+({_WORD}))?(?:{_SP}+({_WORD}))?(?:{_SP}+({_WORD}))?")
_SENTENCE_BREAK_RE = re.compile(r"[.!?…](?=\s|$)|\n")
_SPACE_GROUPED_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2}|,[-–—]{1,2})?(?!\w)(?![.,]\d)"
)
_WORD_SPLIT_RE = re.compile(r"[\s\-]+")
_NEXT_DIGIT_RE = re.compile(r"[ \t\u00a0\u202f]*\d")
_GROUPED_RE = re.compile(r"[.,\u00a0\u202f]\d{3}(?:\D|$)")
_EUR_HINT_RE = re.compile(r"€|\beur(?:o|os|o's)?\b", re.IGNORECASE)
_USD_HINT_RE = re.compile(r"\$|\busd\b|\bdollars?\b", re.IGNORECASE)

Phrase = tuple[str, ...]

GAP = "…"  # in a phrase from the data: one to four other words ("eindigde … op" = "eindigde het jaar op")
MAX_GAP_WORDS = 4
_GAP_RE = rf"[^\W\d_][\w'’]*(?:-[\w'’]+)*(?:\s+[^\W\d_][\w'’]*(?:-[\w'’]+)*){{0,{MAX_GAP_WORDS - 1}}}"


def phrase_pattern(words: Iterable[Any], guard: bool = True) -> str:
    """Return a regex alternation of literal phrases, longest first, spaces matching any whitespace.

    With `guard`, a phrase that starts or ends with a letter or digit must not be glued to another word.
    A "…" in a phrase stands for one to four words ("eindigde … op").
    """
    items = sorted({str(w).strip() for w in words if str(w).strip()}, key=lambda w: (-len(w), w))
    parts: list[str] = []
    for item in items:
        body = r"\s+".join(_GAP_RE if piece == GAP else re.escape(piece) for piece in item.split())
        if guard and (item[0].isalnum() or item[0] == "_"):
            body = r"(?<!\w)" + body
        if guard and (item[-1].isalnum() or item[-1] == "_"):
            body += r"(?!\w)"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def normalise_phrase(text: str) -> str:
    """Lowercase `text` and squeeze its whitespace, to look a matched phrase up in the data."""
    return " ".join(text.lower().split())


def phrase_key(text: str) -> Phrase:
    """The words of a phrase as a lookup key: lowercased, without a trailing dot ("Nr." -> ("nr",))."""
    return tuple(t.lower().rstrip(".") for t in _TOKEN_RE.findall(text))


@lru_cache(maxsize=4)
def numbers_data(lang: str) -> Mapping[str, Any]:
    """Return lang/<lang>/numbers.yaml (Dutch for "nl", English otherwise), loaded once."""
    data = load_data("nl" if lang == "nl" else "en", "numbers")
    return data if isinstance(data, dict) else {}


def data_list(data: Mapping[str, Any], key: str) -> list[str]:
    """A list from the language data as strings (a mapping gives its keys)."""
    value = data.get(key) or []
    if isinstance(value, Mapping):
        return [str(k) for k in value]
    return [str(v) for v in value] if isinstance(value, list) else []


def _floats(data: Mapping[str, Any], key: str) -> dict[str, float]:
    value = data.get(key) or {}
    return {str(k): float(v) for k, v in value.items()} if isinstance(value, Mapping) else {}


def _units(data: Mapping[str, Any], key: str) -> dict[str, str]:
    value = data.get(key) or {}
    return {normalise_phrase(str(k)): str(v) for k, v in value.items()} if isinstance(value, Mapping) else {}


def _duration(spec: str) -> tuple[str, float]:
    """Read 'months*3' or 'minutes/60' into a unit and a factor."""
    if "*" in spec:
        unit, factor = spec.split("*", 1)
        return unit.strip(), float(factor)
    if "/" in spec:
        unit, divisor = spec.split("/", 1)
        return unit.strip(), 1.0 / float(divisor)
    return spec.strip(), 1.0


def _keys(phrases: Iterable[str]) -> frozenset[Phrase]:
    return frozenset(k for k in (phrase_key(p) for p in phrases if GAP not in p) if k)


def compound_suffixes(data: Mapping[str, Any]) -> tuple[str, ...]:
    """The endings of glued target words ("kwartaaltarget"), from target_compounds in the data."""
    compounds = data.get("target_compounds") or {}
    suffixes = compounds.get("suffixes") if isinstance(compounds, Mapping) else None
    return tuple(str(s).lower() for s in suffixes or [] if str(s).strip())


@dataclass(frozen=True)
class _Lexicon:
    """Compiled patterns and lookup tables for one language."""

    lang: str
    starts: re.Pattern[str]
    openers: re.Pattern[str]  # a superset of `starts` in the answer as IGNORECASE sees it, found faster
    atom: re.Pattern[str]
    not_alone: frozenset[str]
    fractions: dict[str, float]
    ordinals: dict[str, float]
    half_compounds: tuple[str, ...]
    scale_words: dict[str, float]
    scale_abbreviations: dict[str, float]
    money_abbreviations: dict[str, float]
    money_only: dict[str, float]
    half_after: re.Pattern[str]
    scale_after: re.Pattern[str]
    currency_prefixes: tuple[tuple[str, str], ...]  # (as written, unit), longest first
    currency_last_chars: frozenset[str]
    currency_suffix: re.Pattern[str]
    currency_suffixes: dict[str, str]
    money_context: re.Pattern[str]
    money_nouns: frozenset[Phrase]
    money_noun_links: frozenset[str]
    money_cues: frozenset[Phrase]
    money_cue_suffixes: tuple[str, ...]  # glued target words are money cues too ("kwartaaltarget van 150K")
    result_after: frozenset[Phrase]  # "ik heb 380K gehaald": a result verb right after an amount
    target_after: frozenset[Phrase]  # "a 400K target", "een 400K quotum"
    default_currency: str
    percent_after: re.Pattern[str]
    percent_units: dict[str, str]
    rank_markers: frozenset[Phrase]
    rank_top: frozenset[Phrase]
    rank_verbs: frozenset[Phrase]
    rank_of_tail: re.Pattern[str]
    rank_place_after: re.Pattern[str]
    durations: dict[Phrase, tuple[str, float]]
    decimal_after: re.Pattern[str]  # " point two", " komma vijf": spoken decimals after a number word
    digit_words: dict[str, int]
    decimal_not_after: re.Pattern[str]
    count_nouns: frozenset[Phrase]
    gap_stopwords: frozenset[str]


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> _Lexicon:
    data = numbers_data(lang)
    number_words = data_list(data, "number_words")
    morph = phrase_pattern(number_words, guard=False)
    half_all = data_list(data, "and_a_half")
    half_compounds = tuple(h.strip() for h in half_all if " " not in h.strip())
    compound_tail = phrase_pattern(half_compounds, guard=False)
    glue = data_list(data, "number_glue")
    not_glue = rf"(?!{phrase_pattern(glue)})" if glue else ""
    word = rf"{not_glue}(?:{morph})+(?:{compound_tail})?"
    connectors = data_list(data, "number_connectors")
    joint = rf"(?:{_SP}+|-)" + (rf"(?:{phrase_pattern(connectors)}{_SP}+)?" if connectors else "")
    # Bounded, because a run that is too long is read again from its second word, and so on.
    run = rf"{word}(?:{joint}{word}){{0,{_MAX_RUN_WORDS - 1}}}"

    scale_words = {normalise_phrase(k): v for k, v in _floats(data, "scale_words").items()}
    money_only = {normalise_phrase(k): v for k, v in _floats(data, "money_only_scales").items()}
    durations = {phrase_key(k): _duration(v) for k, v in _units(data, "duration_units").items()}
    fractions = {normalise_phrase(k): v for k, v in _floats(data, "fraction_phrases").items()}
    ordinals = {normalise_phrase(k): v for k, v in _floats(data, "ordinal_words").items()}
    scale_abbr = _floats(data, "scale_abbreviations")
    money_abbr = _floats(data, "money_scale_abbreviations")
    scale_alt = phrase_pattern([*scale_words, *money_only])
    duration_alt = phrase_pattern([" ".join(k) for k in durations])
    articles = data_list(data, "scale_articles")

    atom = re.compile(
        r"(?<!\w)(?<![^\W\d_]-)(?<!\d[/:])(?:"
        rf"(?P<frac>(?i:{phrase_pattern(fractions)}))(?=\s+(?i:{scale_alt}|{duration_alt}))"
        rf"|(?P<art>(?i:{phrase_pattern(articles)}))(?=\s+(?i:{scale_alt}))"
        rf"|(?P<ordw>(?i:{phrase_pattern(ordinals)}))"
        r"|(?P<dig>\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
        r"(?P<dash>,[-–—]{1,2}(?!\d))?"
        rf"(?:(?P<ordsuf>(?i:{phrase_pattern(data_list(data, 'ordinal_suffixes'), guard=False)}))"
        rf"|(?P<abbr>{phrase_pattern(scale_abbr, guard=False)})"
        rf"|(?P<mabbr>{phrase_pattern(money_abbr, guard=False)}))?"
        r"(?!\w)(?![.,]\d)(?![/:]\d)"
        rf"|(?P<run>(?i:{run}))(?!\w)"
        r")"
    )
    # Where an atom can begin: a digit, or the first three letters of a number word at the start of a word.
    # Finding these first and trying the atom there is several times faster than searching with the atom.
    glue_set = {g.lower() for g in glue}
    openers = [w for w in [*number_words, *fractions, *ordinals, *articles] if w.lower() not in glue_set]
    openings = sorted({w[:3].lower() for w in openers if w and w[0].isalpha()})
    starts = re.compile(r"\d(?<!\w\d)|(?<!\w)(?i:" + "|".join(re.escape(p) for p in openings) + ")")
    found_openers = _openers(openings)

    prefixes = {str(k): str(v) for k, v in (data.get("currency_symbols") or {}).items()}
    suffixes = _units(data, "currency_words")
    percents = _units(data, "percent_words")
    place_words = phrase_pattern(data_list(data, "rank_place_words"))
    gap_stopwords = {
        w
        for phrase in [
            *data_list(data, "count_gap_stopwords"),
            *[" ".join(k) for k in durations],
            *suffixes,
            *percents,
            *number_words,
            *scale_words,
        ]
        for w in phrase_key(phrase)
    }
    return _Lexicon(
        lang="nl" if lang == "nl" else "en",
        starts=starts,
        openers=found_openers,
        atom=atom,
        not_alone=frozenset(normalise_phrase(w) for w in data_list(data, "not_alone")),
        fractions=fractions,
        ordinals=ordinals,
        half_compounds=tuple(h.lower() for h in half_compounds),
        scale_words=scale_words,
        scale_abbreviations=scale_abbr,
        money_abbreviations=money_abbr,
        money_only=money_only,
        half_after=re.compile(rf"{_SP}+(?i:{phrase_pattern([h for h in half_all if ' ' in h.strip()])})"),
        scale_after=re.compile(
            rf"{_SP}+(?P<word>(?i:{scale_alt}))"
            rf"|{_SP}?(?P<abbr>{phrase_pattern([a for a in scale_abbr if len(a) > 1], guard=False)})(?!\w)"
        ),
        currency_prefixes=tuple(sorted(prefixes.items(), key=lambda kv: -len(kv[0]))),
        currency_last_chars=frozenset(k[-1].upper() for k in prefixes if k),
        currency_suffix=re.compile(
            rf"{_SP}*(?P<c>{phrase_pattern([s for s in suffixes if not s[0].isalnum()], guard=False)})"
            rf"|{_SP}+(?P<w>(?i:{phrase_pattern([s for s in suffixes if s[0].isalnum()])}))"
        ),
        currency_suffixes=suffixes,
        money_context=re.compile(rf"(?i:{phrase_pattern(data_list(data, 'money_context'))})"),
        money_nouns=_keys(data_list(data, "money_nouns")),
        money_noun_links=frozenset(normalise_phrase(w) for w in data_list(data, "money_noun_links")),
        money_cues=_keys(
            [
                *data_list(data, "target_words"),
                *data_list(data, "result_words"),
                *data_list(data, "total_words"),
                *data_list(data, "average_words"),
            ]
        ),
        money_cue_suffixes=compound_suffixes(data),
        result_after=_keys(data_list(data, "result_words")),
        target_after=_keys(data_list(data, "target_words")),
        default_currency=str(data.get("default_currency") or "EUR"),
        percent_after=re.compile(
            rf"{_SP}?(?P<s>{phrase_pattern([p for p in percents if not p[0].isalnum()], guard=False)})"
            rf"|{_SP}+(?P<w>(?i:{phrase_pattern([p for p in percents if p[0].isalnum()])}))"
        ),
        percent_units=percents,
        rank_markers=_keys(data_list(data, "rank_markers")),
        rank_top=_keys(data_list(data, "rank_top")),
        rank_verbs=_keys(data_list(data, "rank_verbs")),
        rank_of_tail=re.compile(
            rf"(?:{_SP}+(?i:{place_words}))?{_SP}+"
            rf"(?i:{phrase_pattern(data_list(data, 'rank_of'))}"
            rf"|{phrase_pattern(data_list(data, 'rank_team_phrases'))})"
            rf"{_SP}+(?:(?i:{phrase_pattern(data_list(data, 'rank_of_articles'))}){_SP}+)?"
        ),
        rank_place_after=re.compile(rf"{_SP}+(?i:{place_words})"),
        durations=durations,
        decimal_after=re.compile(
            rf"{_SP}+(?i:{phrase_pattern(data_list(data, 'decimal_words'))})"
            rf"(?P<d>(?:{_SP}+(?i:{phrase_pattern(data_list(data, 'digit_words'))})){{1,3}})(?!\w)"
        ),
        digit_words={str(k).lower(): int(v) for k, v in (data.get("digit_words") or {}).items()},
        decimal_not_after=re.compile(rf"(?i:{phrase_pattern(data_list(data, 'decimal_not_after'))}){_SP}+\Z"),
        count_nouns=_keys(data_list(data, "count_nouns")),
        gap_stopwords=frozenset(gap_stopwords),
    )


def _openers(openings: list[str]) -> re.Pattern[str]:
    """Where `starts` can match, in the answer as case-insensitive patterns see it (ignorecase_haystack).

    `starts` has a look-behind first and matches case-insensitively, so `re` tries it at every character.
    This pattern, case-sensitive on that text, starts with the set of first characters (a digit or the first
    letter of an opening): `re` then jumps from one such character to the next in C. It matches wherever
    `starts` does (the same characters after case-folding, and a character that is no word character in the
    answer is none in its case-folded form either) and a little more; _scan confirms each place with
    `starts`, so the places tried are the same.
    """
    folded = sorted({ignorecase_haystack.__wrapped__(o).text for o in openings if o})
    firsts: dict[str, list[str]] = {}
    for opening in folded:
        firsts.setdefault(opening[0], []).append(re.escape(opening[1:]))
    after = "".join(f"|(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in firsts.items())
    chars = "".join(re.escape(first) for first in firsts)
    return re.compile(rf"[\d{chars}](?<!\w.)(?:(?<=\d){after})")


@dataclass(slots=True)
class _Atom:
    """A bare number with its place, before the words around it give it a kind."""

    start: int
    end: int  # after the scale word or "and a half", if any
    value: float
    digits: bool = False
    scaled: bool = False  # "K", "miljoen"...
    grouped: bool = False  # "1.250.000", "100 000"
    ordinal: bool = False
    word_ordinal: bool = False
    needs_currency: bool = False  # "5m", "$2B": only money when a currency sign is there
    money_only_end: int = -1  # end of a money-only scale word after the number ("twee ton")
    money_only_value: float = 0.0
    year_like: bool = False
    core_end: int = -1  # end of the bare digits, for "€ 450 000"
    weak: bool = False  # "een", "half a": only a figure together with a scale word or a unit


def parse_digits(raw: str, lang: str, scaled: bool = False) -> float | None:
    """Read digits with Dutch or English separators; None when they are not one number ("1.2.3").

    Several equal separators group ("1.250.000"); one separator followed by 1-2 or 4+ digits is a decimal
    sign in both languages ("€1.2M", "1,5"); followed by exactly 3 digits it groups ("1.200", "1,200"),
    unless it is the language's own decimal sign and a scale word follows ("1,250 miljoen").
    """
    s = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not s or len(s) > _MAX_DIGITS + 6:
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        group = "," if decimal == "." else "."
        whole, fraction = s.rsplit(decimal, 1)
        if group in fraction or decimal in whole:
            return None
        groups = whole.split(group)
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        return _to_float("".join(groups) + "." + fraction)
    if not has_dot and not has_comma:
        return _to_float(s)
    separator = "." if has_dot else ","
    pieces = s.split(separator)
    if len(pieces) > 2:
        if 1 <= len(pieces[0]) <= 3 and all(len(p) == 3 for p in pieces[1:]):
            return _to_float("".join(pieces))
        return None
    whole, fraction = pieces
    decimal_sign = "," if lang == "nl" else "."
    if len(fraction) != 3 or whole == "0" or len(whole) > 3 or (separator == decimal_sign and scaled):
        return _to_float(whole + "." + fraction)
    return _to_float(whole + fraction)


def _to_float(s: str) -> float | None:
    digits = s.replace(".", "")
    if not digits or len(digits.lstrip("0")) > _MAX_DIGITS:
        return None
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@lru_cache(maxsize=2048)
def parse_words(phrase: str, lang: str) -> float | None:
    """Parse one run of number words with text2num; None when it is not one number."""
    try:
        value = text2num(phrase, "nl" if lang == "nl" else "en")
    except Exception:  # text2num raises ValueError, and may raise others on odd input
        return None
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else None


def _round(value: float) -> float:
    rounded = round(value, 6)
    return float(int(rounded)) if rounded.is_integer() and abs(rounded) < 1e15 else rounded


def _run_value(raw: str, lex: _Lexicon) -> float | None:
    """Value of a run of number words, "tweeënhalf" and all."""
    words = [w for w in _WORD_SPLIT_RE.split(raw.lower()) if w]
    if not words or len(words) > _MAX_RUN_WORDS:
        return None
    for i, w in enumerate(words):
        if not w.endswith(lex.half_compounds):  # one test in C for the common case: no "...ënhalf"
            continue
        tail = next((h for h in lex.half_compounds if w.endswith(h) and len(w) > len(h)), None)
        if tail is None:
            continue
        head = parse_words(" ".join([*words[:i], w[: -len(tail)]]), lex.lang)
        if head is None:
            return None
        value = head + 0.5
        for rest in words[i + 1 :]:
            if rest not in lex.scale_words:
                return None
            value *= lex.scale_words[rest]
        return value
    if len(words) == 1 and words[0] in lex.not_alone:
        return None
    return parse_words(" ".join(words), lex.lang)


def _read_atom(m: re.Match[str], text: str, lex: _Lexicon) -> tuple[_Atom | None, int]:
    """Turn an atom match into an _Atom (or None), and say where scanning goes on."""
    start = m.start()
    if m.group("run") is not None:
        raw = m.group("run")
        point = lex.decimal_after.match(text, m.end())
        if point is not None and lex.decimal_not_after.search(text, max(0, start - 12), start):
            point = None  # "at one point two of them left"
        whole = parse_words(" ".join(_WORD_SPLIT_RE.split(raw.lower())), lex.lang) if point else None
        if point is not None and whole is not None:  # "one point two million"
            digits = "".join(str(lex.digit_words.get(w, 0)) for w in point.group("d").lower().split())
            return _widen(text, _Atom(start, point.end(), whole + float("0." + digits)), lex), point.end()
        value = _run_value(raw, lex)
        end = m.end()
        if value is None:  # "twee drie": not one number, so take the first word on its own
            end = start + len(_WORD_SPLIT_RE.split(raw, maxsplit=1)[0])
            value = _run_value(text[start:end], lex) if end < m.end() else None  # one word: read already
            if value is None:
                return None, end
        return _widen(text, _Atom(start, end, value), lex), end
    if m.group("frac") is not None:
        value = lex.fractions.get(normalise_phrase(m.group("frac")), 0.5)
        return _widen(text, _Atom(start, m.end(), value, weak=True), lex), m.end()
    if m.group("art") is not None:
        return _widen(text, _Atom(start, m.end(), 1.0, weak=True), lex), m.end()
    if m.group("ordw") is not None:
        value = lex.ordinals.get(normalise_phrase(m.group("ordw")), 0.0)
        return _Atom(start, m.end(), value, ordinal=True, word_ordinal=True), m.end()
    digits = m.group("dig")
    abbr, mabbr = m.group("abbr"), m.group("mabbr")
    if m.group("ordsuf") is not None:
        value = parse_digits(digits, lex.lang) if digits.isdigit() else None
        if value is None:
            return None, m.end()
        return _Atom(start, m.end(), value, digits=True, ordinal=True), m.end()
    scale = lex.scale_abbreviations.get(abbr, 1.0) if abbr else lex.money_abbreviations.get(mabbr or "", 1.0)
    scaled = bool(abbr or mabbr)
    if not scaled:
        after = lex.scale_after.match(text, m.end())
        scaled = after is not None and (
            after.group("abbr") is not None or normalise_phrase(after.group("word")) not in lex.money_only
        )
    value = parse_digits(digits, lex.lang, scaled=scaled)
    if value is None:
        return None, m.end()
    atom = _Atom(
        start,
        m.end(),
        value * scale,
        digits=True,
        scaled=bool(abbr or mabbr),
        grouped=not (abbr or mabbr) and _GROUPED_RE.search(digits) is not None,
        needs_currency=bool(mabbr),
        year_like=digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100,
        core_end=m.end("dig"),
    )
    return _widen(text, atom, lex), m.end()


def _widen(text: str, atom: _Atom, lex: _Lexicon) -> _Atom:
    """Take in "and a half" and a scale word written after the number ("1,2 miljoen", "twee ton")."""
    half = lex.half_after.match(text, atom.end)
    if half is not None and not atom.weak:
        atom.value, atom.end = atom.value + 0.5, half.end()
    scale = lex.scale_after.match(text, atom.end)
    if scale is not None and not atom.scaled:
        if scale.group("abbr") is not None:
            atom.value *= lex.scale_abbreviations.get(scale.group("abbr"), 1.0)
            atom.end, atom.scaled = scale.end(), True
        else:
            word = normalise_phrase(scale.group("word"))
            if word in lex.money_only:
                atom.money_only_end = scale.end()
                atom.money_only_value = _round(atom.value * lex.money_only[word])
            else:
                atom.value *= lex.scale_words.get(word, 1.0)
                atom.end, atom.scaled = scale.end(), True
    atom.value = _round(atom.value)
    return atom


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    for m in _SENTENCE_BREAK_RE.finditer(text, lo, start):
        lo = m.end()
    hi = _SENTENCE_BREAK_RE.search(text, end, min(len(text), end + 300))
    return lo, hi.start() if hi else min(len(text), end + 300)


_SPACES = " \t\u00a0\u202f"
_SKIP = Number("", (0, 0), 0.0, "")  # a step's verdict: these words are no figure at all


class _Scan:
    """One extraction: the answer, its language data and where the last figure ended."""

    def __init__(self, text: str, lex: _Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.last_end = 0
        self._currency: str | None = None
        self._after_pos = -1
        self._after: list[tuple[str, int]] = []

    def currency(self) -> str:
        """The answer's own currency (the one written most), for money written without a sign."""
        if self._currency is None:
            eur = len(_EUR_HINT_RE.findall(self.text))
            usd = len(_USD_HINT_RE.findall(self.text))
            self._currency = "USD" if usd > eur else self.lex.default_currency
        return self._currency

    def number(
        self, start: int, end: int, value: float, kind: str, unit: str | None = None, of: float | None = None
    ) -> Number:
        return Number(self.text[start:end], (start, end), _round(value), kind, unit, of)

    def before(self, pos: int) -> list[re.Match[str]]:
        """The words just before `pos`, back to the previous figure (at most _LOOK_BACK characters)."""
        return list(_TOKEN_RE.finditer(self.text, max(self.last_end, pos - _LOOK_BACK), pos))

    def ends_with(self, tokens: list[re.Match[str]], phrases: frozenset[Phrase], pos: int) -> int:
        """Start of a phrase from `phrases` that ends right before `pos` (only spaces between), or -1."""
        if not tokens or self.text[tokens[-1].end() : pos].strip():
            return -1
        words = [t.group().lower().rstrip(".") for t in tokens[-4:]]
        for size in range(min(4, len(words)), 0, -1):
            if tuple(words[-size:]) in phrases:
                return tokens[-size].start()
        return -1

    def word_before(self, pos: int) -> tuple[Phrase, int]:
        """The one word right before `pos` (only spaces between) as a lookup key, with its start."""
        text, lo = self.text, max(self.last_end, pos - 24)
        j = pos
        while j > lo and text[j - 1] in _SPACES:
            j -= 1
        k = j
        while k > lo and (text[k - 1].isalnum() or text[k - 1] in "#.'’"):
            k -= 1
        return (text[k:j].lower().rstrip("."),), k

    def after(self, pos: int) -> list[tuple[str, int]]:
        """Up to four words right after `pos` (lowercased, with their ends), stopping at punctuation."""
        if self._after_pos == pos:
            return self._after
        m = _FOLLOW_RE.match(self.text, pos)
        words = [] if m is None else [(m.group(i).lower(), m.end(i)) for i in range(1, 5) if m.group(i)]
        self._after_pos, self._after = pos, words
        return words

    def noun_after(
        self, words: list[tuple[str, int]], nouns: Mapping[Phrase, Any] | frozenset[Phrase], max_gap: int
    ) -> tuple[str, int, int] | None:
        """The first noun from `nouns` after at most `max_gap` other words: (noun, end, gap size)."""
        for gap in range(min(max_gap, len(words) - 1) + 1):
            if gap and words[gap - 1][0].rstrip(".") in self.lex.gap_stopwords:
                return None
            for size in (3, 2, 1):
                if gap + size > len(words):
                    continue
                phrase = tuple(w for w, _ in words[gap : gap + size])
                if phrase in nouns:
                    return " ".join(phrase), words[gap + size - 1][1], gap
            head = words[gap][0]
            if "-" in head:  # "SaaS-klanten": the noun after the last hyphen
                tail = head.rsplit("-", 1)[1]
                if (tail,) in nouns:
                    return tail, words[gap][1], gap
        return None

    def figure(self, atom: _Atom) -> Number | None:
        """Decide what kind of figure an atom is, from the words around it."""
        for step in (self._money, self._percent, self._rank, self._duration, self._count):
            found = step(atom)
            if found is not None:
                return None if found is _SKIP else found
        if atom.weak and not atom.scaled:
            return None
        return self._inferred_money(atom) or self._plain(atom)

    def _currency_prefix(self, pos: int) -> tuple[int, str] | None:
        text = self.text
        end = pos - 1 if pos > 0 and text[pos - 1] in _SPACES else pos
        if end <= self.last_end or text[end - 1].upper() not in self.lex.currency_last_chars:
            return None
        for written, unit in self.lex.currency_prefixes:
            start = end - len(written)
            if start < self.last_end or text[start:end].upper() != written.upper():
                continue
            if written[0].isalpha() and start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            return start, unit
        return None

    def _money(self, atom: _Atom) -> Number | None:
        if atom.ordinal:
            return None
        text, lex = self.text, self.lex
        start, end, value, currency = atom.start, atom.end, atom.value, None
        prefix = self._currency_prefix(atom.start)
        if prefix is not None:
            start, currency = prefix
            if atom.digits and not atom.scaled and atom.core_end == atom.end:
                spaced = _SPACE_GROUPED_RE.match(text, atom.start)
                if spaced is not None and spaced.end() > atom.end:
                    parsed = parse_digits(spaced.group().rstrip("-–—").rstrip(","), lex.lang)
                    if parsed is not None:
                        value, end = parsed, spaced.end()
        only = False
        if atom.money_only_end >= 0:
            lo, hi = _sentence_bounds(text, atom.start, atom.money_only_end)
            if currency is not None or lex.money_context.search(text, lo, hi):
                value, end, only = atom.money_only_value, atom.money_only_end, True
        suffix = lex.currency_suffix.match(text, end)
        if suffix is not None and suffix.group("c") and _NEXT_DIGIT_RE.match(text, suffix.end()):
            suffix = None  # "in 2023 €500K": the sign belongs to the amount after it
        if suffix is not None:
            word = suffix.group("c") or suffix.group("w") or ""
            currency = currency or lex.currency_suffixes.get(normalise_phrase(word))
            end = suffix.end()
        if currency is None and only:
            currency = self.currency()
        if currency is None:
            return _SKIP if atom.needs_currency else None
        return self.number(start, end, value, "money", currency)

    def _percent(self, atom: _Atom) -> Number | None:
        if atom.ordinal or (atom.weak and not atom.scaled):
            return None
        m = self.lex.percent_after.match(self.text, atom.end)
        if m is None:
            return None
        unit = self.lex.percent_units.get(normalise_phrase(m.group("s") or m.group("w") or "%"), "%")
        return self.number(atom.start, m.end(), atom.value, "percent", unit)

    def _rank(self, atom: _Atom) -> Number | None:
        text, lex = self.text, self.lex
        if atom.weak:
            return None
        previous, previous_start = self.word_before(atom.start)
        marker = previous_start if previous in lex.rank_markers else -1
        top = previous_start if previous in lex.rank_top else -1
        if not atom.ordinal and marker < 0 and top < 0:
            return None
        if not 0 < atom.value <= _MAX_RANK or not atom.value.is_integer():
            return None
        start = marker if marker >= 0 else top if top >= 0 else atom.start
        tail = lex.rank_of_tail.match(text, atom.end)
        if tail is not None:
            group = lex.atom.match(text, tail.end())
            if group is not None:
                size, _ = _read_atom(group, text, lex)
                if size is not None and not (size.ordinal or size.weak) and size.value >= 1:
                    return self.number(start, size.end, atom.value, "rank", of=size.value)
        if top >= 0:
            if self.noun_after(self.after(atom.end), lex.count_nouns, 2) is not None:
                return None  # "top 10 klanten" is a count
            return self.number(start, atom.end, atom.value, "rank")
        if marker >= 0:
            return self.number(start, atom.end, atom.value, "rank")
        place = lex.rank_place_after.match(text, atom.end)
        if place is not None:
            return self.number(start, place.end(), atom.value, "rank")
        if self.ends_with(self.before(atom.start), lex.rank_verbs, atom.start) >= 0:
            return self.number(start, atom.end, atom.value, "rank")
        if atom.word_ordinal:
            return _SKIP  # "tweede" on its own is no figure
        return self.number(atom.start, atom.end, atom.value, "plain")

    def _duration(self, atom: _Atom) -> Number | None:
        if atom.ordinal:
            return None
        found = self.noun_after(self.after(atom.end), self.lex.durations, 1)
        if found is None:
            return None
        unit, factor = self.lex.durations[tuple(found[0].split(" "))]
        return self.number(atom.start, found[1], atom.value * factor, "duration", unit)

    def _count(self, atom: _Atom) -> Number | None:
        if atom.ordinal or (atom.weak and not atom.scaled):
            return None
        found = self.noun_after(self.after(atom.end), self.lex.count_nouns, 2)
        if found is None or (atom.year_like and found[2]):
            return None
        return self.number(atom.start, found[1], atom.value, "count", found[0])

    def _inferred_money(self, atom: _Atom) -> Number | None:
        big = atom.scaled or atom.grouped or (not atom.digits and atom.value >= 1000)
        if atom.ordinal or not big or atom.value < 1000:
            return None
        words = self.after(atom.end)
        if words and words[0][0] in self.lex.money_noun_links:
            words = words[1:]
        noun = self.noun_after(words, self.lex.money_nouns, 0)
        if noun is None and self._result_after(atom.end):
            return self.number(atom.start, atom.end, atom.value, "money", self.currency())
        if noun is None:
            before = self.before(atom.start)[-4:]
            keys = [t.group().lower().rstrip(".") for t in before]
            spans = ((i, j) for i in range(len(keys)) for j in range(i + 1, len(keys) + 1))
            suffixes = self.lex.money_cue_suffixes
            if not any(tuple(keys[i:j]) in self.lex.money_cues for i, j in spans) and not (
                suffixes and any(k.endswith(suffixes) for k in keys)
            ):
                return None
        return self.number(atom.start, atom.end, atom.value, "money", self.currency())

    def _result_after(self, pos: int) -> bool:
        """Whether a result verb or a target word stands right after `pos`: Dutch puts the verb last ("ik
        heb 380K gehaald", "1,2 miljoen binnengehaald"); "a 400K target" (not "2,000 target accounts")."""
        words = [w for w, _ in self.after(pos)]
        for size in range(min(3, len(words)), 0, -1):
            phrase = tuple(words[:size])
            if phrase in self.lex.result_after:
                return True
            if phrase in self.lex.target_after:
                rest = words[size : size + 1]
                return not rest or (rest[0],) not in self.lex.count_nouns
        return False

    def _plain(self, atom: _Atom) -> Number | None:
        if atom.word_ordinal:
            return None
        return self.number(atom.start, atom.end, atom.value, "plain")


def _scan(text: str, lex: _Lexicon) -> list[Number]:
    scan = _Scan(text, lex)
    found: list[Number] = []
    pos, size = 0, len(text)
    folded = ignorecase_haystack(text).text
    openers, searched = (lex.openers, folded) if len(folded) == size else (lex.starts, text)
    while pos < size:
        opener = openers.search(searched, pos)
        if opener is None:
            break
        start = opener.start()
        m = lex.atom.match(text, start) if lex.starts.match(text, start) else None
        if m is None or m.end() <= m.start():
            pos = start + 1
            continue
        atom, resume = _read_atom(m, text, lex)
        figure = scan.figure(atom) if atom is not None else None
        if figure is None or figure.span[0] < scan.last_end:
            pos = max(resume, start + 1)
            continue
        found.append(figure)
        pos = scan.last_end = figure.span[1]
    return found


def extract_numbers(text: str, lang: str) -> list[Number]:
    """Return the figures in `text`, sorted by position and never overlapping.

    Each figure's `text` is exactly `text[span[0]:span[1]]`. `lang` is "nl" or "en" (anything else is
    read as English). Never raises: on input it cannot read it returns [].
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _scan(text, _lexicon("nl" if lang == "nl" else "en"))
    except Exception:  # a safety net: extraction must never break feedback; tests call _scan directly
        return []
