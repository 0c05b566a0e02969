"""Check that the figures in an answer add up, and explain the sums that don't, in Dutch and English.

Four rules, each run only when the roles of the figures are clear (a wrong warning costs more trust than a
missed one):

- percent_of_target: a target, a result and a percentage framed as attainment ("112% van mijn target",
  "I hit 112%") must agree: result / target × 100, within 2 percentage points.
- parts_total: parts introduced by a split word ("waarvan", "of which") must add up to the total they
  split, within 5%; percentages that split one whole ("60% new business, 40% upsell") must add up to 100.
- count_times_average: a count of deals × the average deal size must be about the total (within 15%).
- rank_in_team: a position cannot be beyond the size of the group ("nummer 14 van de 12", or "nummer 10"
  in a team of 8).
- growth_rate: the percentage said to be a change ("van 3% naar 4%, een stijging van 10%") must be the
  relative change (33%, within 10%) or, for two percentages, the difference in points (1 procentpunt).
- share_of_count: a share of a number of deals ("twaalf deals, een derde nieuwe klanten, vijf nieuwe
  logo's") must match the number given for that group (a third of 12 is 4), within one deal.

A softened figure ("zo'n €500K", "ruim 110%", "bijna €400K") stands for a range: one step of its own
rounding (€100K for €500K, €10K for €340K), at most approximation_margin in the data (15%, 5 points for a
percentage); either way for "about", one way for "ruim"/"bijna", open-ended for "meer dan"/"minder dan".
A sum is flagged only when no values in the ranges make it add up within the rule's tolerance.

A figure's role comes from the nearest keyword before it in the same sentence (or, failing that, just
after it, in the same clause). Keywords may be glued ("kwartaaltarget"; "teamtarget" is the team's) or
have a gap ("eindigde het kwartaal op"). "€192.000 op €150.000" makes the first amount the result and the
second its target; "van €150K naar €200K" gives both amounts one role; after "inclusief"/"including" no
earlier keyword applies; one deal's amount ("de deal van €60.000") is never a result or target. A target
and a result of different periods (a month's target, a quarter's result; 2023 against 2024) are not
compared, and of several targets the one of the result's period is taken. The answer is tokenized once
and keywords are looked up in a phrase table, which keeps a check of a 300-word answer well under a
millisecond. Keywords and explanation templates live in lang/<lang>/numbers.yaml.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.analysis.numbers import (
    GAP,
    MAX_GAP_WORDS,
    compound_suffixes,
    data_list,
    numbers_data,
    parse_digits,
    phrase_key,
    phrase_pattern,
)
from coach.analysis.types import LANGS, Lang, Mismatch, Number, Span

PERCENT_TOLERANCE = 2.0  # percentage points
SUM_TOLERANCE = 0.05  # relative, for parts against their total
PRODUCT_TOLERANCE = 0.15  # relative, for count × average against the total
# ... when the average is softened ("about 40K"): the 15% is for an average rounded in the telling, and the
# softened average's range already holds that, so only this much more ("14 deals of about 40K, so around
# 800K" is 560K against 800K: within the 15% on top of both ranges, but not a sum a recruiter lets pass)
SOFT_PRODUCT_TOLERANCE = 0.05
APPROXIMATE_MARGIN = 0.15  # "ongeveer €500K": €425K to €575K (the default; the language data may differ)
APPROXIMATE_POINTS = 5.0  # "ongeveer 112%": 107% to 117%

_WORDS_BEFORE = 7  # how far back a keyword may stand from the figure it labels
_WORDS_AFTER = 3
_PERIOD_WORDS_BEFORE = 8  # how far back in its clause a word may name a figure's period ("dat kwartaal")
_PERIOD_WORDS_AFTER = 5
_CLAUSE_PUNCT_RE = re.compile(r"[,;:()\[\]–—]")
_GAP_TEXT_RE = re.compile(r"[\w\s'’-]*")  # what may stand between the words of "eindigde … op"
_CHANGE_BEFORE_RE = re.compile(r"(?<!\w)(?:van|from|tussen|between)\s*\Z", re.IGNORECASE)
_CHANGE_TO_RE = re.compile(r"\s*(?:naar|op|tot|to|into|en|and)\s*", re.IGNORECASE)
_ROLE_AFTER_STOP_RE = re.compile(r"[,;:()\[\]–—]")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_PERIODS_PER_TARGET = (2, 3, 4, 6, 12)  # a target of a year or quarter split into halves, quarters, months
_SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)|\n")
# The same words as numbers.phrase_key uses, so phrases from the data and from the answer line up.
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*\.?|[#€$~±]|\d+")
_ROLES = ("split", "average", "target", "result", "total")  # on a tie, the first wins
_CATEGORIES = {
    "team": "team_words",
    "colleague": "colleague_words",
    "partial": "partial_words",
    "growth": "growth_words",
    "approximate": "approximate_words",
    "clause": "clause_breaks",
    "period": "partial_period_words",
    "current": "current_period_words",
    "scope": "rank_scope_words",
    "single": "single_deal_words",
}

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    """Keyword tables and the few small patterns of one language."""

    table: dict[Phrase, tuple[str, ...]]  # phrase -> the categories it belongs to
    sizes: dict[str, tuple[int, ...]]  # first word of a phrase -> the lengths of its phrases, longest first
    gapped: tuple[tuple[Phrase, Phrase, str], ...]  # "eindigde … op": (head, tail, category)
    compound_suffixes: tuple[str, ...]
    compound: re.Pattern[str]  # a glued target word, its pieces before the suffix in group "p"
    compound_piece: re.Pattern[str]
    compound_periods: dict[str, str]  # piece -> period ("" when the piece names none)
    team_pieces: frozenset[str]
    period_cues: dict[str, str]
    team_size_before: re.Pattern[str]
    attainment_before: re.Pattern[str]
    attainment_after: re.Pattern[str]
    attainment_followers: frozenset[str]
    target_after: re.Pattern[str]
    above_target: re.Pattern[str]
    below_target: re.Pattern[str]
    of_whole: re.Pattern[str]
    of_only: re.Pattern[str]
    of_tail: re.Pattern[str]
    target_word: re.Pattern[str]
    result_against: re.Pattern[str]
    glue_only: re.Pattern[str]
    period_after: re.Pattern[str]
    target_mentioned: re.Pattern[str]
    percent_result_link: re.Pattern[str]
    category_new: re.Pattern[str]
    deal_units: frozenset[str]
    count_nouns: frozenset[str]
    team_units: frozenset[Phrase]
    colleague_units: frozenset[Phrase]
    rank_top: frozenset[Phrase]
    hedges: dict[Phrase, str]  # "zo'n" -> "about", "ruim" -> "over", "bijna" -> "under"...
    change_from: re.Pattern[str]  # "van" / "from" right before the first figure of a change
    change_to: re.Pattern[str]  # " naar " / " to " alone between the two figures of a change
    change_from_words: frozenset[str]
    change_words: frozenset[str]
    change_glue: frozenset[str]
    shares: re.Pattern[str]  # "een derde", "a third", "de helft"...
    share_ids: dict[str, str]  # phrase as written (normalised) -> "third"
    share_values: dict[str, float]
    share_glue: frozenset[str]
    hedge_words: frozenset[str]
    margin: float  # how far a softened figure may be off, relative
    margin_points: float  # ... and at most this many percentage points for a percentage


def _alt(data: Mapping[str, Any], *keys: str) -> str:
    return phrase_pattern([w for key in keys for w in data_list(data, key)])


@lru_cache(maxsize=4)
def _rules(lang: str) -> _Rules:
    data = numbers_data(lang)
    categories = data.get("split_categories") or {}
    sources: dict[str, list[str]] = {f"role:{r}": data_list(data, f"{r}_words") for r in _ROLES}
    sources.update({name: data_list(data, key) for name, key in _CATEGORIES.items()})
    sources["new"] = [str(w) for w in categories.get("new") or []]
    sources["existing"] = [str(w) for w in categories.get("existing") or []]
    table: dict[Phrase, list[str]] = {}
    for category, phrases in sources.items():
        for phrase in phrases:
            key = phrase_key(phrase)
            if key and category not in table.setdefault(key, []):
                table[key].append(category)

    gapped: list[tuple[Phrase, Phrase, str]] = []
    for category, phrases in list(sources.items()):
        sources[category] = [p for p in phrases if GAP not in p]
        for phrase in phrases:
            head, _, tail = phrase.partition(GAP)
            if tail and phrase_key(head) and phrase_key(tail):
                gapped.append((phrase_key(head), phrase_key(tail), category))
    compounds = data.get("target_compounds") or {}
    compounds = compounds if isinstance(compounds, Mapping) else {}
    pieces = compounds.get("pieces") or {}
    piece_periods = {
        _squeeze(k): str(v or "") for k, v in (pieces.items() if isinstance(pieces, Mapping) else [])
    }
    team_pieces = {_squeeze(str(w)) for w in compounds.get("team_pieces") or []}
    suffixes = compound_suffixes(data)
    piece_alt = phrase_pattern([*piece_periods, *team_pieces], guard=False)
    personal_alt = phrase_pattern(piece_periods, guard=False)
    suffix_alt = phrase_pattern(suffixes, guard=False)
    # A glued target word of the candidate's own ("kwartaaltarget"), for the patterns below.
    personal = rf"(?<!\w)(?:{personal_alt}s?-?)+{suffix_alt}(?!\w)" if suffixes and piece_periods else "(?!)"

    det = _alt(data, "determiners")
    target = rf"(?:{_alt(data, 'target_words')}|{personal})"
    qualifier = _alt(data, "target_qualifiers")
    of_words = phrase_pattern(["van", "of", "to", "met", "with", "uit", "consisting of", "bestaande uit"])
    flags = re.IGNORECASE
    glue = _alt(
        data, "glue_words", "result_words", "attainment_before", "approximate_words"
    )  # "dus dik 110%"
    plain_results = phrase_pattern(w for w in data_list(data, "result_words") if GAP not in w)
    return _Rules(
        table={k: tuple(v) for k, v in table.items()},
        sizes=_sizes(table),
        team_size_before=re.compile(rf"{_alt(data, 'team_words')}\s+{of_words}\s+(?:{det}\s+)?\Z", flags),
        attainment_before=re.compile(
            rf"{_alt(data, 'attainment_before')}(?:\s+{_alt(data, 'approximate_words')})?[\s(]*\Z", flags
        ),
        attainment_after=re.compile(rf"[\s(]*{_alt(data, 'attainment_after')}", flags),
        gapped=tuple(gapped),
        compound_suffixes=suffixes,
        compound=re.compile(rf"(?P<p>(?:{piece_alt}s?)+){suffix_alt}", flags),
        compound_piece=re.compile(piece_alt, flags),
        compound_periods=piece_periods,
        team_pieces=frozenset(team_pieces),
        period_cues={
            str(k).lower(): str(v) for k, v in (data.get("period_cues") or {}).items() if str(v).strip()
        },
        target_after=re.compile(
            rf"\W*(?:{of_words}\s+)?(?:{det}\s+)?(?:{qualifier}\s+){{0,2}}(?P<t>{target})", flags
        ),
        above_target=re.compile(
            rf"\W*{_alt(data, 'above_words')}\s+(?:{det}\s+)?(?:{qualifier}\s+){{0,2}}{target}", flags
        ),
        below_target=re.compile(
            rf"\W*{_alt(data, 'below_words')}\s+(?:{det}\s+)?(?:{qualifier}\s+){{0,2}}{target}", flags
        ),
        attainment_followers=frozenset(w.lower() for w in data_list(data, "attainment_followers")),
        of_whole=re.compile(rf"\s+{phrase_pattern(['van', 'of'])}\s+(?:{det}\s+)?(?P<w>[^\W\d_]+)", flags),
        of_only=re.compile(rf"\s+{phrase_pattern(['van', 'of'])}\s+(?:{det}\s+)?\Z", flags),
        target_word=re.compile(rf"\s*(?:{qualifier}\s+){{0,2}}{target}", flags),
        of_tail=re.compile(rf"\s*(?:{phrase_pattern(['van', 'of'])}\s*)?", flags),
        result_against=re.compile(
            rf"\s*(?:{plain_results}\s+)?"  # "380K gehaald op een target van 400K"
            rf"{_alt(data, 'result_against')}(?:\s+{det})?\s*(?:(?:[^\W\d_]+\s+)?(?P<t>{target}))?",
            flags,
        ),
        glue_only=re.compile(
            rf"(?:[\s,;:()\[\]–—-]|{glue})*\Z",
            flags,
        ),
        period_after=re.compile(
            rf"\s*{_alt(data, 'period_words')}\s*(?P<p>{phrase_pattern(data.get('duration_units') or {})})",
            flags,
        ),
        target_mentioned=re.compile(target, flags),
        percent_result_link=re.compile(rf"[\s,]*{_alt(data, 'percent_result_links')}\s*", flags),
        category_new=re.compile(phrase_pattern(categories.get("new") or []), flags),
        deal_units=frozenset(w.lower() for w in data_list(data, "deal_units")),
        count_nouns=frozenset(w.lower() for w in data_list(data, "count_nouns")),
        team_units=frozenset(phrase_key(w) for w in data_list(data, "team_words")),
        colleague_units=frozenset(phrase_key(w) for w in data_list(data, "colleague_words")),
        rank_top=frozenset(phrase_key(w) for w in data_list(data, "rank_top")),
        hedges=_hedges(data),
        change_from=re.compile(rf"(?<!\w){phrase_pattern(data_list(data, 'change_from'))}\s*\Z", flags),
        change_to=re.compile(rf"\s*{phrase_pattern(data_list(data, 'change_to'))}\s*", flags),
        change_from_words=_word_set(data, "change_from"),
        change_words=_word_set(data, "change_words"),
        change_glue=_word_set(data, "change_glue"),
        shares=re.compile(phrase_pattern(data_list(data, "share_fractions")), flags),
        share_ids={
            " ".join(str(k).lower().split()): str(v) for k, v in _mapping(data, "share_fractions").items()
        },
        share_values={str(k): float(v) for k, v in _mapping(data, "share_values").items()},
        share_glue=_word_set(data, "share_glue"),
        hedge_words=_word_set(data, "approximate_words"),
        margin=float(_margin(data).get("relative", APPROXIMATE_MARGIN)),
        margin_points=float(_margin(data).get("percent_points", APPROXIMATE_POINTS)),
    )


def _hedges(data: Mapping[str, Any]) -> dict[Phrase, str]:
    words = data.get("approximate_words") or {}
    if not isinstance(words, Mapping):  # a plain list: every word means "about"
        return {phrase_key(str(w)): "about" for w in data_list(data, "approximate_words")}
    return {phrase_key(str(k)): str(v) for k, v in words.items() if phrase_key(str(k))}


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key) or {}
    return value if isinstance(value, Mapping) else {}


def _word_set(data: Mapping[str, Any], key: str) -> frozenset[str]:
    """Every word of the phrases in a list from the data, as the answer's words are looked up."""
    return frozenset(w for phrase in data_list(data, key) for w in phrase_key(phrase))


def _margin(data: Mapping[str, Any]) -> Mapping[str, Any]:
    margin = data.get("approximation_margin") or {}
    return margin if isinstance(margin, Mapping) else {}


def _squeeze(text: str) -> str:
    """A piece of a glued word as it is written inside the word: lowercased, without spaces or hyphens."""
    return "".join(text.lower().replace("-", " ").split())


def _sizes(table: Mapping[Phrase, Sequence[str]]) -> dict[str, tuple[int, ...]]:
    """For each first word of a phrase in `table`, the lengths of the phrases it starts, longest first: a
    word is looked up only as the start of phrases that exist."""
    sizes: dict[str, set[int]] = {}
    for phrase in table:
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in sizes.items()}


@lru_cache(maxsize=512)
def _compound(word: str, lang: str) -> tuple[frozenset[str], bool] | None:
    """A glued target word ("kwartaaltarget", "teamtarget"): the periods its pieces name and whether it is
    the team's target; None when `word` is no such word."""
    rules = _rules(lang)
    if not rules.compound_suffixes or not word.endswith(rules.compound_suffixes):
        return None
    m = rules.compound.fullmatch(word.replace("-", ""))
    if m is None:
        return None
    pieces = [_squeeze(p.group()) for p in rules.compound_piece.finditer(m.group("p"))]
    periods = frozenset(rules.compound_periods[p] for p in pieces if rules.compound_periods.get(p))
    return periods, any(p in rules.team_pieces for p in pieces)


@dataclass
class _Figure:
    """A number with what the words around it say about it."""

    n: Number
    sentence: int
    index: int  # place in _Answer.figures
    role: str | None = None  # split | average | target | result | total
    role_before: bool = False  # the role comes from a keyword before the figure
    team: bool = False  # about the team, not the candidate ("het team haalde €3M")
    period: str | None = None  # "€5K per maand" -> "maand"
    hedge: str | None = None  # "about", "over", "more", "under" or "less" ("zo'n €500K", "ruim", "bijna")
    role_span: tuple[int, int] | None = None  # the keyword the role came from
    versus: _Figure | None = None  # "€192.000 op €150.000": the result's target, or the target's result
    single: bool = False  # one deal's amount ("de deal van €60.000"), not a result or target of a period

    @property
    def start(self) -> int:
        return self.n.span[0]

    @property
    def end(self) -> int:
        return self.n.span[1]

    @property
    def achieved(self) -> bool:
        return self.role in ("result", "total") and not self.team


class _Answer:
    """The answer cut into sentences and words, with keywords found and every figure's role worked out."""

    def __init__(self, text: str, numbers: Iterable[Number], rules: _Rules, lang: str) -> None:
        self.text = text
        self.rules = rules
        self.lang = lang
        self.sentence_starts = [0]
        self.sentence_ends: list[int] = []
        for m in _SENTENCE_END_RE.finditer(text):
            self.sentence_ends.append(m.end())
            self.sentence_starts.append(m.end())
        self.sentence_ends.append(len(text))
        self._find_keywords()
        valid = sorted((n for n in numbers if 0 <= n.span[0] < n.span[1] <= len(text)), key=lambda n: n.span)
        kept: list[Number] = []
        for n in valid:  # overlapping figures would make the windows meaningless
            if n.kind == "plain" and _YEAR_RE.fullmatch(n.text):
                continue  # "mijn target voor 2023 was €750K": a year is a period, not a figure
            if not kept or n.span[0] >= kept[-1].span[1]:
                kept.append(n)
        self.figures = [_Figure(n, self.sentence_of(n.span[0]), i) for i, n in enumerate(kept)]
        self.by_sentence: dict[int, list[_Figure]] = {}
        for fig in self.figures:
            self.by_sentence.setdefault(fig.sentence, []).append(fig)
        self.floors = [self._floor(i) for i in range(len(self.figures))]
        for fig in self.figures:
            self._label(fig)
        for fig in self.figures:
            self._label_change(fig)
        for fig in self.figures:
            self._label_against(fig)

    # --- words and keywords

    def _find_keywords(self) -> None:
        """Find every keyword phrase once: role words without overlaps (longest first), other lists freely."""
        tokens = list(_TOKEN_RE.finditer(self.text))
        self.token_starts = [t.start() for t in tokens]
        words = [t.group().lower().rstrip(".") for t in tokens]
        self.words = words
        table, sizes_of = self.rules.table, self.rules.sizes
        suffixes = self.rules.compound_suffixes
        self.hits: dict[str, list[tuple[int, int]]] = {}
        role_free_from = 0
        # only the words that start a phrase or end in a target suffix do anything below (most don't)
        wanted = {w for w in set(words) if w in sizes_of or (suffixes and w.endswith(suffixes))}
        for j in [j for j, word in enumerate(words) if word in wanted]:
            word = words[j]
            sizes = sizes_of.get(word)
            if sizes is None:
                if suffixes and word.endswith(suffixes) and j >= role_free_from:
                    compound = _compound(word, self.lang)
                    if compound is not None:  # "kwartaaltarget"; "teamtarget" is the team's
                        span = (tokens[j].start(), tokens[j].end())
                        self.hits.setdefault("role:target", []).append(span)
                        if compound[1]:
                            self.hits.setdefault("team", []).append(span)
                        role_free_from = j + 1
                continue
            best_role: tuple[int, str] | None = None
            for size in sizes:
                if size > len(words) - j:
                    continue
                categories = table.get(tuple(words[j : j + size]))
                if not categories:
                    continue
                span = (tokens[j].start(), tokens[j + size - 1].end())
                for category in categories:
                    if category.startswith("role:"):
                        if best_role is None and j >= role_free_from:
                            best_role = (size, category)
                    elif not self.hits.get(category) or self.hits[category][-1][0] != span[0]:
                        self.hits.setdefault(category, []).append(span)
            if best_role is not None:
                size, category = best_role
                self.hits.setdefault(category, []).append((tokens[j].start(), tokens[j + size - 1].end()))
                role_free_from = j + size
        self._find_gapped(tokens)
        roles = [(s, e, c[5:]) for c in (f"role:{r}" for r in _ROLES) for s, e in self.hits.get(c, [])]
        self.roles = sorted(roles)
        self.role_starts = [r[0] for r in self.roles]

    def _find_gapped(self, tokens: Sequence[re.Match[str]]) -> None:
        """Find phrases with a gap ("eindigde het kwartaal op", "ended the year at"): one to four words
        between head and tail, no punctuation and no role keyword among them."""
        words, table, text = self.words, self.rules.table, self.text
        added: set[str] = set()
        where: dict[str, list[int]] = {}  # each word's positions: a phrase is tried only where its head is
        for j, word in enumerate(words):
            where.setdefault(word, []).append(j)
        for head, tail, category in self.rules.gapped:
            n_head, n_tail = len(head), len(tail)
            for j in where.get(head[0], ()):
                if j >= len(words) - n_head - n_tail:
                    break
                if tuple(words[j : j + n_head]) != head:
                    continue
                first = j + n_head
                for k in range(first, min(first + MAX_GAP_WORDS + 1, len(words) - n_tail + 1)):
                    word = words[k]
                    if k > first and tuple(words[k : k + n_tail]) == tail:
                        gap = text[tokens[first - 1].end() : tokens[k].start()]
                        if _GAP_TEXT_RE.fullmatch(gap):
                            span = (tokens[j].start(), tokens[k + n_tail - 1].end())
                            self.hits.setdefault(category, []).append(span)
                            added.add(category)
                        break
                    roles = table.get((word,), ())
                    if not word[:1].isalpha() or any(c.startswith("role:") for c in roles):
                        break
                    if _compound(word, self.lang) is not None:
                        break
        for category in added:
            self.hits[category] = sorted(set(self.hits[category]))

    def has(self, category: str, lo: int, hi: int) -> bool:
        """Whether a phrase of `category` lies inside text[lo:hi]."""
        spans = self.hits.get(category)
        if not spans:
            return False
        k = bisect.bisect_left(spans, (lo, -1))
        while k < len(spans) and spans[k][0] < hi:
            if spans[k][1] <= hi:
                return True
            k += 1
        return False

    def spans_of(self, category: str, lo: int, hi: int) -> list[tuple[int, int]]:
        spans = self.hits.get(category, [])
        k = bisect.bisect_left(spans, (lo, -1))
        found = []
        while k < len(spans) and spans[k][0] < hi:
            if spans[k][1] <= hi:
                found.append(spans[k])
            k += 1
        return found

    def roles_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        k = bisect.bisect_left(self.role_starts, lo)
        found = []
        while k < len(self.roles) and self.roles[k][1] <= hi:
            found.append(self.roles[k])
            k += 1
        return found

    # --- sentences and windows

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def sentence_text(self, sentence: int) -> tuple[int, int]:
        return self.sentence_starts[sentence], self.sentence_ends[sentence]

    def in_sentence(self, sentence: int) -> list[_Figure]:
        return self.by_sentence.get(sentence, [])

    def words_between(self, lo: int, hi: int) -> int:
        return max(0, bisect.bisect_left(self.token_starts, hi) - bisect.bisect_left(self.token_starts, lo))

    def window_before(self, i: int, words: int = _WORDS_BEFORE) -> tuple[int, int]:
        """The last `words` words before figure i, back to the sentence start or the previous figure."""
        fig, lo = self.figures[i], self.floors[i]
        first = bisect.bisect_left(self.token_starts, lo)
        end = bisect.bisect_left(self.token_starts, fig.start)
        if end - first > words:
            lo = self.token_starts[end - words]
        return lo, fig.start

    def window_after(self, i: int, words: int = _WORDS_AFTER) -> tuple[int, int]:
        """The first `words` words after figure i, up to the sentence end or the next figure."""
        fig = self.figures[i]
        hi = self.sentence_ends[fig.sentence]
        if i + 1 < len(self.figures) and self.figures[i + 1].start < hi:
            hi = self.figures[i + 1].start
        k = bisect.bisect_left(self.token_starts, fig.end) + words
        if k < len(self.token_starts) and self.token_starts[k] < hi:
            hi = self.token_starts[k]
        return fig.end, hi

    def _floor(self, i: int) -> int:
        """Where the words that may describe figure i begin: the sentence start, the previous figure, the end
        of that figure's own "of my target", or a change of subject ("maar", "but")."""
        text, rules, fig = self.text, self.rules, self.figures[i]
        lo = self.sentence_starts[fig.sentence]
        if i > 0 and self.figures[i - 1].end > lo:
            prev = self.figures[i - 1]
            lo = prev.end
            if prev.n.kind == "percent":
                between = text[lo : fig.start]
                target = (
                    rules.target_after.match(between)
                    or rules.above_target.match(between)
                    or rules.below_target.match(between)
                )
                own = target or rules.attainment_after.match(between)
                # "114% van mijn target van €150.000": the target's own figure keeps the word "target"
                if own is not None and not (
                    target is not None and rules.of_only.match(between, target.end())
                ):
                    lo += own.end()
        for _, end in self.spans_of("clause", lo, fig.start):
            lo = end
        return lo

    # --- roles

    def _label(self, fig: _Figure) -> None:
        lo, hi = self.window_before(fig.index)
        before = self.roles_in(lo, hi)
        a_lo, a_hi = self.window_after(fig.index)
        stop = _ROLE_AFTER_STOP_RE.search(self.text, a_lo, a_hi)  # "€200K, en ik haalde": the next one's
        after = self.roles_in(a_lo, stop.start() if stop is not None else a_hi)
        prev = self.figures[fig.index - 1] if fig.index > 0 else None
        if (
            before
            and after
            and prev is not None
            and not prev.role_before
            and prev.role_span == before[-1][:2]
            and prev.role != after[0][2]
            and self.words_between(prev.end, before[-1][0]) < self.words_between(before[-1][1], fig.start)
        ):
            # "€14,800 on average, so about €500K in total": "on average" is the €14,800's, and the €500K
            # has its own keyword after it
            before = before[:-1]
        if before:
            fig.role, fig.role_before, fig.role_span = before[-1][2], True, before[-1][:2]
        else:
            fig.role = after[0][2] if after else None
            fig.role_span = after[0][:2] if after else None
        fig.team = self.has("team", self.window_before(fig.index, 4)[0], hi)
        hedges = self.spans_of("approximate", self.window_before(fig.index, 3)[0], hi)
        if hedges and not self.text[hedges[-1][1] : fig.start].strip():
            # "zo'n 500K", "ruim €450K"; not "ik haalde mijn target ruim: €192.000"
            s, e = hedges[-1]
            fig.hedge = self.rules.hedges.get(phrase_key(self.text[s:e]), "about")
        if fig.n.kind == "money":
            deal = self.spans_of("single", self.window_before(fig.index, 3)[0], hi)
            next_word = self.window_after(fig.index, 1)  # "the €60,000 deal"
            fig.single = bool(deal and not self.roles_in(deal[-1][1], hi)) or self.has("single", *next_word)
        period = self.rules.period_after.match(self.text, fig.end, self.sentence_ends[fig.sentence])
        fig.period = period.group("p").lower() if period else None

    def _label_change(self, fig: _Figure) -> None:
        """'van €150.000 op €200.000', 'from €150K to €200K': the second amount plays the first one's role
        (two targets, say, so neither is checked)."""
        if fig.index == 0:
            return
        prev = self.figures[fig.index - 1]
        if prev.sentence != fig.sentence or (prev.n.kind, prev.n.unit) != (fig.n.kind, fig.n.unit):
            return
        if not _CHANGE_TO_RE.fullmatch(self.text, prev.end, fig.start):
            return
        if _CHANGE_BEFORE_RE.search(self.text, max(0, prev.start - 12), prev.start):
            fig.role, fig.role_before, fig.team = prev.role, prev.role_before, prev.team

    def _label_against(self, fig: _Figure) -> None:
        """'€520K on a €500K quota', '€450K op een target van €400K', '€192.000 op €150.000': the first figure
        is the result, the second its target."""
        if fig.n.kind not in ("money", "count") or fig.team:
            return
        nxt = self.figures[fig.index + 1] if fig.index + 1 < len(self.figures) else None
        if nxt is not None and nxt.sentence != fig.sentence:
            nxt = None
        hi = nxt.start if nxt is not None else self.sentence_ends[fig.sentence]
        between = self.text[fig.end : min(hi, fig.end + 80)]
        m = self.rules.result_against.match(between)
        if m is None:
            return
        rest = between[m.end() :]
        pair = (
            nxt is not None
            and (nxt.n.kind, nxt.n.unit) == (fig.n.kind, fig.n.unit)
            and not nxt.team
            and len(between) < 80
        )
        unsure = fig.role is None or (fig.role == "target" and not fig.role_before)
        if m.group("t") is not None or (not rest.strip() and nxt is not None and nxt.role == "target"):
            if not (unsure or fig.role == "result" or self._reached_target(fig)):
                return
            fig.role = "result"
            if pair and nxt is not None and nxt.role == "target" and self.rules.of_tail.fullmatch(rest):
                fig.versus, nxt.versus = nxt, fig
            return
        # "€192.000 op €150.000, 128%": two bare amounts, about a target
        if not pair or nxt is None or rest.strip() or m.group("t") is not None or nxt.role is not None:
            return
        if not (unsure or fig.role == "result" or self._reached_target(fig)):
            return
        if _CHANGE_BEFORE_RE.search(self.text, max(0, fig.start - 12), fig.start):
            return  # "van €150.000 op €200.000": a change, not a result against a target
        s_start, s_end = self.sentence_text(fig.sentence)
        after = self.figures[nxt.index + 1] if nxt.index + 1 < len(self.figures) else None
        percent_next = after is not None and after.sentence == fig.sentence and after.n.kind == "percent"
        if not (percent_next or self.rules.target_mentioned.search(self.text, s_start, s_end)):
            return
        fig.role, nxt.role, nxt.role_before = "result", "target", True
        fig.versus, nxt.versus = nxt, fig

    def _reached_target(self, fig: _Figure) -> bool:
        """'ik haalde mijn target ruim: €192.000 op ...': the target word is what was reached, and the figure
        after it is the result."""
        if fig.role != "target" or not fig.role_before:
            return False
        roles = [role for _, _, role in self.roles_in(*self.window_before(fig.index))]
        return "result" in roles[:-1] and roles[-1] == "target"

    def periods(self, fig: _Figure) -> frozenset[str]:
        """The periods named in figure's own clause: before it, and after it up to a comma or the next
        figure ("dat kwartaal haalde ik €192.000", "€50.000 per maand", "mijn kwartaaltarget van")."""
        starts = self.token_starts
        end = bisect.bisect_left(starts, fig.start)
        first = max(bisect.bisect_left(starts, self.floors[fig.index]), end - _PERIOD_WORDS_BEFORE)
        hi = self.sentence_ends[fig.sentence]
        if fig.index + 1 < len(self.figures):
            nxt = self.figures[fig.index + 1]
            hi = min(hi, max(fig.end, nxt.start))
            if nxt.role_before and nxt.sentence == fig.sentence:  # "€400K en mijn Q4-target €100K"
                keywords = self.roles_in(*self.window_before(nxt.index))
                if keywords and keywords[-1][0] >= fig.end:
                    hi = min(hi, keywords[-1][0])
        punct = _CLAUSE_PUNCT_RE.search(self.text, fig.end, hi)
        if punct is not None:
            hi = punct.start()
        after = bisect.bisect_left(starts, fig.end)
        last = min(bisect.bisect_left(starts, hi), after + _PERIOD_WORDS_AFTER)
        found = self._periods_in(range(first, end)) | self._periods_in(range(after, last))
        if not found:  # "het eerste kwartaal liep slecht, maar in het tweede haalde ik €171K"
            lo = self.sentence_starts[fig.sentence]
            if fig.index > 0 and self.figures[fig.index - 1].end > lo:
                lo = self.figures[fig.index - 1].end
            found = self._periods_in(range(bisect.bisect_left(starts, lo), first))
        return found

    def _periods_in(self, tokens: range) -> frozenset[str]:
        found: set[str] = set()
        for k in tokens:
            period = self.rules.period_cues.get(self.words[k])
            if period:
                found.add(period)
            elif _YEAR_RE.fullmatch(self.words[k]):
                found.add(self.words[k])  # "in 2023": a year of its own, not the same as 2024
            compound = _compound(self.words[k], self.lang)
            if compound is not None:
                found.update(compound[0])
        return frozenset(found)


# --- formatting the explanation -----------------------------------------------------------------------


def _fmt_plain(value: float, lang: str, decimals: int = 2) -> str:
    fmt = numbers_data(lang).get("formatting") or {}
    decimal, group = str(fmt.get("decimal", ".")), str(fmt.get("group", ","))
    rounded = float(round(value, decimals))
    if rounded.is_integer():
        whole, fraction = f"{int(rounded):,}", ""
    else:
        whole, fraction = f"{rounded:,.{decimals}f}".rstrip("0").split(".")
    whole = whole.replace(",", group)
    return whole + (decimal + fraction if fraction else "")


def _fmt_money(value: float, unit: str | None, lang: str) -> str:
    fmt = numbers_data(lang).get("formatting") or {}
    sign = {"EUR": "€", "USD": "$"}.get(unit or "", "")
    if abs(value) >= 1e9:
        return f"{sign}{_fmt_plain(value / 1e9, lang)} {fmt.get('billion', 'billion')}"
    if abs(value) >= 1e6:
        return f"{sign}{_fmt_plain(value / 1e6, lang)} {fmt.get('million', 'million')}"
    if abs(value) >= 1000 and round(value) % 1000 == 0:
        return f"{sign}{int(round(value) // 1000)}{fmt.get('thousand', 'K')}"
    return f"{sign}{_fmt_plain(value, lang, 0 if abs(value) >= 1000 else 2)}"


def _fmt_percent(value: float, lang: str) -> str:
    return f"{_fmt_plain(value, lang, 1)}%"


def _fmt_figure(n: Number, lang: str, answer_lang: str) -> str:
    """A figure for an explanation in `lang`; a counted noun is kept only in the answer's own language."""
    if n.kind == "money":
        return _fmt_money(n.value, n.unit, lang)
    if n.kind == "percent":
        return _fmt_percent(n.value, lang)
    if n.kind == "duration" and lang == answer_lang:
        return " ".join(n.text.split())  # "40 minuten" as said; the other language gets the bare number
    unit = f" {n.unit}" if n.kind == "count" and n.unit and lang == answer_lang else ""
    return _fmt_plain(n.value, lang) + unit


def _explain(key: str, values: Mapping[Lang, Mapping[str, str]]) -> dict[str, str]:
    """Fill the template `key` of each language with that language's `values`."""
    out: dict[str, str] = {}
    for lang in LANGS:
        messages = numbers_data(lang).get("messages") or {}
        out[lang] = str(messages.get(key, "")).format_map(dict(values[lang]))
    return out


def _mismatch(
    rule: str, figures: Sequence[_Figure], stated: float, expected: float, explanation: dict[str, str]
) -> Mismatch:
    spans: tuple[Span, ...] = tuple(sorted({f.n.span for f in figures}))
    return Mismatch(rule, spans, round(stated, 2), round(expected, 2), explanation)


# --- the rules ----------------------------------------------------------------------------------------


Interval = tuple[float, float]


def _bounds(fig: _Figure, rules: _Rules) -> Interval:
    """The values a figure may stand for: its own value, or a range when it is softened ("zo'n €500K":
    €425K to €575K; "ruim €500K": €500K to €575K; "bijna 112%": 107% to 112%; "meer dan": no upper limit)."""
    return _soften(fig.n.value, fig.hedge, rules, points=fig.n.kind == "percent")


def _soften(
    value: float, hedge: str | None, rules: _Rules, points: bool = False, stepped: bool = True
) -> Interval:
    """The range a value softened by `hedge` stands for: one step of its own rounding ("about €340K": €10K;
    "about €500K": €100K), at most the margin of the data (15%; `points`: a percentage, at most 5 points).
    `stepped=False` (a fraction such as "a third"): the margin alone."""
    if hedge is None:
        return value, value
    margin = abs(value) * rules.margin
    if points:
        margin = min(margin, rules.margin_points)
    if stepped:
        margin = min(margin, _rounding_step(value))
    low, high = {
        "about": (value - margin, value + margin),
        "over": (value, value + margin),
        "more": (value, float("inf")),
        "under": (value - margin, value),
        "less": (0.0, value),
    }.get(hedge, (value - margin, value + margin))
    return max(low, 0.0), high


def _rounding_step(value: float) -> float:
    """The step a figure is rounded to, read from its last significant digit: 340000 -> 10000, 500000 ->
    500000, 1550000 -> 50000 (a final 5 rounds to fives), 112 -> 1, 2.5 -> 0.5."""
    value = abs(value)
    if value == 0:
        return 0.0
    step = 10.0 ** math.floor(math.log10(value))
    while step > 1e-6 and not math.isclose(value / step, round(value / step), abs_tol=1e-6):
        step /= 10
    digit = round(value / step) % 10
    return step * 5 if digit == 5 else step


def _gap(a: Interval, b: Interval) -> float:
    """How far apart two ranges of values are (0 when they overlap)."""
    return max(0.0, a[0] - b[1], b[0] - a[1])


def _sum(intervals: Iterable[Interval]) -> Interval:
    items = list(intervals)
    return sum(i[0] for i in items), sum(i[1] for i in items)


def _ratio(top: Interval, bottom: Interval) -> Interval:
    """top / bottom as a range (bottom above 0)."""
    low = top[0] / bottom[1] if bottom[1] != float("inf") else 0.0
    high = top[1] / bottom[0] if bottom[0] > 0 else float("inf")
    return low, high


def _unique(figures: Sequence[_Figure]) -> _Figure | None:
    """The figure if all of `figures` state one value (a figure repeated counts once), else None."""
    values = {(f.n.value, f.n.unit) for f in figures}
    return figures[-1] if len(values) == 1 else None


def _periods_agree(a: _Figure, b: _Figure, years: frozenset[str]) -> bool:
    pa = None if a.period in years else a.period
    pb = None if b.period in years else b.period
    return pa == pb


def _framing(answer: _Answer, i: int) -> str | None:
    """How percentage i is framed: "attain", "attain_after" (of the result just before it), "above",
    "below", or None when it is not about reaching the target (growth, a share, part of the year)."""
    text, rules = answer.text, answer.rules
    fig = answer.figures[i]
    _, s_end = answer.sentence_text(fig.sentence)
    nxt = answer.figures[i + 1] if i + 1 < len(answer.figures) else None
    hi = min(s_end, nxt.start if nxt is not None else len(text), fig.end + 80)
    after = text[fig.end : hi]
    lo = answer.floors[i]
    prev = answer.figures[i - 1] if i > 0 and answer.figures[i - 1].sentence == fig.sentence else None
    if answer.has("period", lo, fig.start) or answer.has("period", fig.end, min(hi, fig.end + 40)):
        return None  # "in Q1 zat ik op 18%": part of the year
    if prev is not None and prev.n.kind == "duration" and prev.end >= lo:
        return None  # "na vier maanden op 38%"
    if rules.above_target.match(after):
        return "above"
    if rules.below_target.match(after):
        return "below"
    if answer.has("growth", *answer.window_after(i, 2)) or answer.has("growth", *answer.window_before(i, 2)):
        return None
    target = rules.target_after.match(after)
    if target is not None:
        rest = after[target.end() :].split()
        if rest and rest[0].lower().strip(".,;:!?") in rules.count_nouns:
            return None  # "60% of my target accounts"
        return "attain"
    if rules.attainment_after.match(after):
        return "attain"
    target_next = nxt is not None and nxt.role == "target" and nxt.sentence == fig.sentence
    if target_next and rules.of_only.match(after):
        return "attain"  # "110% of my €1M target"
    if rules.of_whole.match(after):
        return None  # "30% van de teamomzet": a share of something else
    ends_clause = not after.strip() or after.lstrip()[0] in ".,;:!?)]"
    follower = after.split()[0].lower() if after.split() else ""
    if rules.attainment_before.search(text, answer.window_before(i, 6)[0], fig.start) and (
        ends_clause or follower in rules.attainment_followers
    ):
        return "attain"  # "I hit 112%." but not "I hit 99.9% uptime"
    after_result = prev is not None and prev.n.kind == "money" and prev.role not in ("target", "average")
    after_versus = prev is not None and prev.role == "target" and prev.versus is not None
    between = text[prev.end : fig.start] if prev is not None else ""
    word = rules.target_word.match(between) if after_versus else None
    if word is not None:
        between = between[word.end() :]  # "€448K on a €400K target, 112%"
    if (after_result or after_versus) and ends_clause and rules.glue_only.match(between):
        return "attain_after"  # "€448K (112%)", "€448K gehaald, dus 112%."
    return None


def _percent_of_target(answer: _Answer, years: frozenset[str]) -> list[Mismatch]:
    figures = answer.figures
    framed: list[tuple[_Figure, str]] = []
    for fig in figures:
        kind = _framing(answer, fig.index) if fig.n.kind == "percent" and fig.n.unit == "%" else None
        if kind is not None:
            framed.append((fig, kind))
    if not framed:
        return []
    framed_starts: dict[int, list[int]] = {}
    for fig, _ in framed:
        framed_starts.setdefault(fig.sentence, []).append(fig.start)
    all_targets = [f for f in figures if f.role == "target" and not f.team]
    all_results = [f for f in figures if f.achieved and f.n.kind in ("money", "count")]
    found: list[Mismatch] = []
    for pct, kind in framed:
        if pct.team:
            continue
        result: _Figure | None = None
        nxt = figures[pct.index + 1] if pct.index + 1 < len(figures) else None
        if kind == "attain_after":
            result = figures[pct.index - 1]
            if result.role == "target" and result.versus is not None:
                result = result.versus  # "€192.000 op €150.000, 128%"
        elif (
            nxt is not None
            and nxt.sentence == pct.sentence
            and nxt.n.kind in ("money", "count")
            and nxt.role in (None, "result", "total")
            and answer.rules.percent_result_link.fullmatch(answer.text, pct.end, nxt.start)
        ):
            result = nxt  # "ik haalde 112% met €448.000"
        else:
            rivals = [start for start in framed_starts[pct.sentence] if start != pct.start]
            since = max([r for r in rivals if r < pct.start], default=-1)
            same = [
                f for f in answer.in_sentence(pct.sentence) if f.achieved and f.n.kind in ("money", "count")
            ]
            before = [f for f in same if since < f.start < pct.start]
            if before:
                result = before[-1]
                if any(
                    result.end <= f.start < pct.start
                    and (f.n.kind, f.n.unit) == (result.n.kind, result.n.unit)
                    and f.role not in ("target", "average")
                    and f.versus is not result
                    for f in answer.in_sentence(pct.sentence)
                ):
                    continue  # another amount stands between the result and its percentage: unclear
            elif same and not rivals:
                result = same[0]
            elif len(framed) == 1:
                result = _unique(all_results)
        if result is None or result.single or result.team:
            continue  # one deal's amount is not what a percentage of target is about
        fits = (result.n.kind, result.n.unit)
        periods = answer.periods(result) | answer.periods(pct)
        if result.versus is not None and result.versus.role == "target":
            targets = [result.versus]  # "€192.000 op €150.000"
        else:
            near = [f for f in answer.in_sentence(pct.sentence) if f.role == "target" and f.n.kind == fits[0]]
            if near and all(f.team for f in near):
                continue  # "ons teamtarget van €2M haalden we met €2,2M, 110%": about the team
            targets = [f for f in all_targets if f.sentence == pct.sentence and (f.n.kind, f.n.unit) == fits]
            if not targets and (result.sentence == pct.sentence or len(framed) == 1):
                targets = [f for f in all_targets if (f.n.kind, f.n.unit) == fits]
            if periods and len({f.n.value for f in targets}) > 1:
                # a month's and a quarter's target: the one of the result's period, if just one
                targets = [f for f in targets if answer.periods(f) == periods]
        target = _unique(targets)
        if target is None or target is result or target.n.value <= 0 or target.single:
            continue
        target_periods = answer.periods(target)
        if periods and target_periods and periods != target_periods:
            continue  # a month's target against a quarter's result, or unclear which period is meant
        if target.sentence != result.sentence and (
            answer.has("current", *answer.sentence_text(target.sentence))
            or answer.has("current", *answer.sentence_text(result.sentence))
        ):
            continue  # "dit jaar is mijn target €500K" is not what last year's result is measured against
        if not _periods_agree(target, result, years):
            continue
        attainment = result.n.value / target.n.value * 100
        expected = {"above": attainment - 100, "below": 100 - attainment}.get(kind, attainment)
        tolerance = max(PERCENT_TOLERANCE, abs(expected) * 0.02)
        rules = answer.rules
        low, high = (100 * v for v in _ratio(_bounds(result, rules), _bounds(target, rules)))
        reached = {"above": (low - 100, high - 100), "below": (100 - high, 100 - low)}.get(kind, (low, high))
        if _gap(reached, _bounds(pct, rules)) <= tolerance:
            continue
        if (
            kind in ("attain", "attain_after")
            and periods - {"year"}
            and not any(_YEAR_RE.fullmatch(p) for p in periods)
            and not target_periods
            and target.sentence != result.sentence
            and any(abs(pct.n.value - attainment * n) <= tolerance * n for n in _PERIODS_PER_TARGET)
        ):
            continue  # "In Q4 haalde ik €171K, 114%" of a quarter's share of a target of €600K: unclear
        key = f"percent_{kind}_target" if kind in ("above", "below") else "percent_of_target"
        shown = float(round(expected)) if abs(expected - round(expected)) < 0.05 else expected
        values = {
            lang: {
                "result": _fmt_figure(result.n, lang, answer.lang),
                "target": _fmt_figure(target.n, lang, answer.lang),
                "expected": _fmt_percent(shown, lang),
                "stated": _fmt_percent(pct.n.value, lang),
            }
            for lang in LANGS
        }
        found.append(
            _mismatch(
                "percent_of_target", (pct, target, result), pct.n.value, expected, _explain(key, values)
            )
        )
    return found


def _split_total(answer: _Answer, split: tuple[int, int], unit: str | None) -> _Figure | None:
    """The figure a split word divides: just before it in its sentence, or a result in the sentence before."""
    sentence = answer.sentence_of(split[0])
    s_start, _ = answer.sentence_text(sentence)
    before = [
        f
        for f in answer.in_sentence(sentence)
        if f.end <= split[0] and f.n.kind == "money" and f.n.unit == unit and f.role != "average"
    ]
    if before:
        last = before[-1]
        return last if answer.words_between(last.end, split[0]) <= 4 else None
    if answer.words_between(s_start, split[0]) > 2 or sentence == 0:
        return None
    for earlier in (sentence - 1, sentence - 2):
        if earlier < 0:
            break
        candidates = [
            f
            for f in answer.in_sentence(earlier)
            if f.n.kind == "money" and f.n.unit == unit and f.role != "average" and not f.team
        ]
        if not candidates:
            continue
        if answer.rules.target_mentioned.search(answer.text, *split):
            targets = [f for f in candidates if f.role == "target"]
            return targets[-1] if targets else None
        achieved = [f for f in candidates if f.achieved]
        return achieved[-1] if achieved else None  # "van die omzet" points at a result, nothing else
    return None


def _parts_total(answer: _Answer) -> list[Mismatch]:
    found: list[Mismatch] = []
    for sentence, figures in answer.by_sentence.items():
        if sum(f.n.kind == "money" for f in figures) < 2:
            continue
        s_start, s_end = answer.sentence_text(sentence)
        for split in ((s, e) for s, e, role in answer.roles_in(s_start, s_end) if role == "split"):
            if answer.has("partial", split[0], s_end):
                continue
            parts: list[_Figure] = []
            edge = split[1]
            for fig in figures:
                if fig.start < split[1] or fig.n.kind != "money":
                    continue
                labelled = fig.role_before and fig.role in ("target", "average", "result", "total")
                if parts and (
                    answer.has("clause", edge, fig.start) or labelled or fig.n.unit != parts[0].n.unit
                ):
                    break
                if not parts and fig.role_before and fig.role in ("target", "average"):
                    break
                parts.append(fig)
                edge = fig.end
            if len(parts) < 2:
                continue
            total = _split_total(answer, split, parts[0].n.unit)
            if total is None or total.n.value <= 0 or total in parts:
                continue
            summed = sum(p.n.value for p in parts)
            summed_range = _sum(_bounds(p, answer.rules) for p in parts)
            if _gap(summed_range, _bounds(total, answer.rules)) <= SUM_TOLERANCE * total.n.value:
                continue
            values = {
                lang: {
                    "parts": " + ".join(_fmt_figure(p.n, lang, answer.lang) for p in parts),
                    "sum": _fmt_money(summed, total.n.unit, lang),
                    "total": _fmt_figure(total.n, lang, answer.lang),
                }
                for lang in LANGS
            }
            found.append(
                _mismatch(
                    "parts_total", (total, *parts), total.n.value, summed, _explain("parts_total", values)
                )
            )
    return found


def _percent_split(answer: _Answer) -> list[Mismatch]:
    text, rules = answer.text, answer.rules
    found: list[Mismatch] = []
    for sentence, figures in answer.by_sentence.items():
        percents = [f for f in figures if f.n.kind == "percent" and f.n.unit == "%"]
        if len(percents) < 2:
            continue
        s_start, s_end = answer.sentence_text(sentence)
        if answer.has("partial", s_start, s_end) or answer.has("growth", s_start, s_end):
            continue
        shares: list[_Figure] = []
        groups: set[str] = set()
        wholes: set[str] = set()
        usable = True
        for fig in percents:
            if _framing(answer, fig.index) is not None:
                continue
            a_lo, a_hi = answer.window_after(fig.index, 4)
            b_lo, b_hi = answer.window_before(fig.index, 2)
            group = next(
                (g for g in ("new", "existing") if answer.has(g, a_lo, a_hi) or answer.has(g, b_lo, b_hi)),
                None,
            )
            if group is None:
                usable = False
                break
            whole = rules.of_whole.match(text, fig.end, s_end)
            if whole is not None:
                wholes.add(whole.group("w").lower())
            shares.append(fig)
            groups.add(group)
        if not usable or len(shares) < 2 or groups != {"new", "existing"} or len(wholes) > 1:
            continue
        summed = sum(f.n.value for f in shares)
        if _gap(_sum(_bounds(f, rules) for f in shares), (100.0, 100.0)) <= PERCENT_TOLERANCE:
            continue
        values = {
            lang: {
                "parts": " + ".join(_fmt_percent(f.n.value, lang) for f in shares),
                "sum": _fmt_percent(summed, lang),
            }
            for lang in LANGS
        }
        found.append(_mismatch("parts_total", shares, summed, 100.0, _explain("percent_split", values)))
    return found


def _count_times_average(answer: _Answer, years: frozenset[str]) -> list[Mismatch]:
    rules, figures = answer.rules, answer.figures
    averages = [f for f in figures if f.n.kind == "money" and f.role == "average" and not f.team]
    if not averages:
        return []
    deals = [
        f for f in figures if f.n.kind == "count" and (f.n.unit or "") in rules.deal_units and not f.team
    ]
    mentions_existing = bool(answer.hits.get("existing"))
    found: list[Mismatch] = []
    for average in averages:
        if average.period is not None and average.period not in years:
            continue  # "gemiddeld €5K per maand" is not a deal size
        same = [f for f in deals if f.sentence == average.sentence]
        count = same[0] if len(same) == 1 else _unique(deals) if not same else None
        if count is None or count.n.value <= 0:
            continue
        told = answer.sentence_text(count.sentence)
        if count.sentence != average.sentence and _NOT_WON.search(answer.text, *told):
            continue  # "two deals slipped out of Q3" are no part of the total closed (round 9: judged wrong)
        if _ON_TOP.search(answer.text, average.end, answer.sentence_text(average.sentence)[1]):
            continue  # "42 deals, about 18K on average, and a few really big ones on top" (round 10)
        money = [
            f for f in figures if f.n.kind == "money" and f.n.unit == average.n.unit and f is not average
        ]
        achieved = [f for f in money if f.achieved]
        near = [f for f in achieved if f.sentence == average.sentence]
        total = near[-1] if near else _unique(achieved) or _implied_total(figures, average)
        if total is None or total.n.value <= 0 or not _periods_agree(total, average, years):
            continue
        if total.sentence != count.sentence and any(
            f.n.kind in ("plain", "count") and 0 < f.n.value < count.n.value and f.index < total.index
            for f in answer.in_sentence(total.sentence)
        ):
            continue  # "19 deals ... two of those deals, together around 180K": a part's total (round 13)
        product = count.n.value * average.n.value
        c_low, c_high = _bounds(count, rules)
        a_low, a_high = _bounds(average, rules)
        product_range = (c_low * a_low, c_high * a_high)
        tolerance = PRODUCT_TOLERANCE if average.hedge is None else SOFT_PRODUCT_TOLERANCE
        if _gap(product_range, _bounds(total, rules)) <= tolerance * total.n.value:
            continue
        if any(
            _gap(product_range, _bounds(f, rules)) <= tolerance * f.n.value
            for f in money
            if f.n.value > 0 and f.role != "target"  # the quota is no part of what was sold
        ):
            continue  # the count covers one part of the total ("16 new accounts" = the new business)
        if product < total.n.value and (rules.category_new.search(count.n.text) or mentions_existing):
            continue  # new accounts only, next to upsell: the total holds more than these deals
        values = {
            lang: {
                "count": _fmt_plain(count.n.value, lang),
                "average": _fmt_figure(average.n, lang, answer.lang),
                "product": _fmt_money(product, average.n.unit, lang),
                "total": _fmt_figure(total.n, lang, answer.lang),
            }
            for lang in LANGS
        }
        found.append(
            _mismatch(
                "count_times_average",
                (count, average, total),
                total.n.value,
                product,
                _explain("count_times_average", values),
            )
        )
    return found


# deals that were not won: a count of them, told apart from the average, is no count of the deals closed
_NOT_WON = re.compile(
    r"(?i)\b(?:slip(?:ped|s)?|lost|losing|fell through|pushed (?:out|back)|verloren|doorgeschoven|geschoven|"
    r"afgehaakt|niet doorgegaan|gingen niet door|ging niet door|liepen mis|liep mis)\b"
)
# more deals than the count times the average: "and a few really big ones on top", "plus twee grote deals"
_ON_TOP = re.compile(
    r"(?i)\b(?:on top|plus (?:a|one|two|three|some|een|twee|drie|nog)|daar ?bovenop"
    r"|daarnaast (?:nog )?(?:een|twee|drie)"
    r"|(?:and|en) (?:a few|some|een paar|nog een paar) (?:\w+ ){0,2}(?:big|large|grote|flinke))\b"
)
# a bare amount with a scale word ("een half miljoen", "about 1.2 million", "500K")
_SCALED = re.compile(r"(?i)\b(?:miljoen|million|mln|miljard|billion|duizend|thousand|ton)\b|\d\s?[km]\b")


def _implied_total(figures: Sequence[_Figure], average: _Figure) -> _Figure | None:
    """The total of "23 deals of €14.800 on average, so about half a million" when no word marks it as a
    result in the average's currency: the one amount after the average in its sentence and larger than it,
    either in that currency with no role of its own (or an "average" that only borrowed the keyword before
    it: "an average of €14,800 each, so roughly half a million"), or said without a currency but with a scale
    word ("dus dan kom je op een half miljoen", "so about 500K in total", "gemiddeld zo'n 40K per deal, dus
    rond de 800K in totaal", where the second amount borrows "gemiddeld" too)."""
    bare = [
        f
        for f in figures
        if f.sentence == average.sentence
        and f.index > average.index
        and f.n.value > average.n.value
        and not f.team
        and (
            (f.n.kind == "money" and f.n.unit == average.n.unit and f.role in (None, "average"))
            or (f.n.kind == "plain" and f.role not in ("target", "split") and _SCALED.search(f.n.text))
        )
    ]
    if len(bare) != 1:
        return None
    money = dataclasses.replace(bare[0].n, kind="money", unit=average.n.unit)
    return dataclasses.replace(bare[0], n=money, role="total")


def _team_sizes(answer: _Answer, sentences: Iterable[int]) -> list[tuple[_Figure, float]]:
    text, rules = answer.text, answer.rules
    sizes: list[tuple[_Figure, float]] = []
    for fig in (f for sentence in sentences for f in answer.in_sentence(sentence)):
        if fig.n.kind not in ("count", "plain") or not fig.n.value.is_integer():
            continue
        unit = phrase_key(fig.n.unit or "")
        if fig.n.kind == "count" and unit in rules.team_units:
            sizes.append((fig, fig.n.value + (1 if unit in rules.colleague_units else 0)))
            continue
        lo, _ = answer.window_before(fig.index, 5)
        if rules.team_size_before.search(text, lo, fig.start):
            sizes.append((fig, fig.n.value))
    return sizes


def _rank_values(position: float, size: float) -> dict[Lang, dict[str, str]]:
    return {lang: {"position": _fmt_plain(position, lang), "size": _fmt_plain(size, lang)} for lang in LANGS}


def _rank_in_team(answer: _Answer) -> list[Mismatch]:
    found: list[Mismatch] = []
    for rank in answer.figures:
        if rank.n.kind != "rank":
            continue
        position = rank.n.value
        if rank.n.of is not None:
            if position > rank.n.of:
                explanation = _explain("rank_beyond_group", _rank_values(position, rank.n.of))
                found.append(_mismatch("rank_in_team", (rank,), position, rank.n.of, explanation))
            continue
        if phrase_key(rank.n.text)[:1] in answer.rules.rank_top:
            continue  # "top 3" is not one position
        if answer.has("scope", *answer.sentence_text(rank.sentence)):
            continue  # "landelijk nummer 12": a bigger group than the team
        sizes = _team_sizes(answer, (rank.sentence - 1, rank.sentence, rank.sentence + 1))
        if len({s for _, s in sizes}) != 1:
            continue
        team, size = sizes[-1]
        if position > size:
            explanation = _explain("rank_team_size", _rank_values(position, size))
            found.append(_mismatch("rank_in_team", (team, rank), position, size, explanation))
    return found


_JOIN_PUNCT_RE = re.compile(r"[\s,;:()+\-–—]*")  # what may stand between the words of a change or a share


def _only_words(answer: _Answer, lo: int, hi: int, allowed: frozenset[str], most: int) -> list[str] | None:
    """The words in text[lo:hi] when there are at most `most` of them, all from `allowed`, with nothing but
    light punctuation around them; else None."""
    first = bisect.bisect_left(answer.token_starts, lo)
    last = bisect.bisect_left(answer.token_starts, hi)
    words = answer.words[first:last]
    if len(words) > most or any(w not in allowed for w in words):
        return None
    rest = _TOKEN_RE.sub(" ", answer.text[lo:hi])
    return words if _JOIN_PUNCT_RE.fullmatch(rest) else None


def _leading_words(answer: _Answer, lo: int, hi: int, allowed: frozenset[str]) -> list[str]:
    """The words at the start of text[lo:hi] that are all from `allowed` ("rise" in "10% rise, after I")."""
    first = bisect.bisect_left(answer.token_starts, lo)
    last = bisect.bisect_left(answer.token_starts, hi)
    words: list[str] = []
    for word in answer.words[first:last]:
        if word not in allowed:
            break
        words.append(word)
    return words


_CHANGE_KINDS = frozenset({"percent", "money", "count", "duration"})


def _change_pairs(answer: _Answer) -> list[tuple[_Figure, _Figure]]:
    """'van 3% naar 4%', 'from €200K to €300K': two figures of one kind, the second what the first became."""
    rules, text, figures = answer.rules, answer.text, answer.figures
    pairs = []
    for a, b in zip(figures, figures[1:], strict=False):
        if a.sentence != b.sentence or b.n.kind not in _CHANGE_KINDS:
            continue
        if not rules.change_to.fullmatch(text, a.end, b.start):
            continue
        if not rules.change_from.search(text, max(answer.sentence_starts[a.sentence], a.start - 12), a.start):
            continue
        if a.n.kind == "plain" and b.n.kind in ("count", "duration", "percent"):
            a = _unit_of(a, b, answer.lang)  # "van 10 naar 4 dagen", "from 45 to 12 minutes"
        if (a.n.kind, a.n.unit) == (b.n.kind, b.n.unit):
            pairs.append((a, b))
    return pairs


_LEADING_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def _unit_of(bare: _Figure, unit: _Figure, lang: str) -> _Figure:
    """A bare number read in the unit of the figure after it ("10" in "van 10 naar 4 dagen")."""
    written = _LEADING_DIGITS_RE.match(unit.n.text)
    number = parse_digits(written.group(), lang) if written is not None else None
    if not number:
        return bare
    value = bare.n.value * unit.n.value / number  # a quarter is 3 months: the same factor for both
    return _Figure(
        Number(bare.n.text, bare.n.span, value, unit.n.kind, unit.n.unit), bare.sentence, bare.index
    )


def _stated_change(answer: _Answer, a: _Figure, b: _Figure) -> _Figure | None:
    """The percentage said to be the size of the change: 'van 3% naar 4%, een stijging van 10%', 'from 3% to
    4%, a 10% rise', 'conversion rose 10%, from 3% to 4%'."""
    rules, figures = answer.rules, answer.figures
    allowed = rules.change_glue | rules.change_words
    after = figures[b.index + 1] if b.index + 1 < len(figures) else None
    if after is not None and after.sentence == b.sentence and after.n.kind == "percent":
        between = _only_words(answer, b.end, after.start, allowed, 5)
        if between is not None:
            _, hi = answer.window_after(after.index, 2)
            following = _leading_words(answer, after.end, hi, rules.change_words | rules.change_glue)
            plus = "+" in answer.text[b.end : after.start]
            if plus or any(w in rules.change_words for w in [*between, *following]):
                return after
    before = figures[a.index - 1] if a.index > 0 else None
    if before is not None and before.sentence == a.sentence and before.n.kind == "percent":
        between = _only_words(answer, before.end, a.start, allowed | rules.change_from_words, 5)
        if between is not None:
            lo, _ = answer.window_before(before.index, 2)
            preceding = answer.words[
                bisect.bisect_left(answer.token_starts, lo) : bisect.bisect_left(
                    answer.token_starts, before.start
                )
            ]
            if any(w in rules.change_words for w in [*between, *preceding]):
                return before
    return None


def _points(value: float, lang: str) -> str:
    """'1 procentpunt', '9 percentage points'."""
    messages = numbers_data(lang).get("messages") or {}
    template = messages.get("points_one" if value == 1 else "points_many", "{points}")
    return str(template).format(points=_fmt_plain(value, lang, 1))


def _growth_rate(answer: _Answer) -> list[Mismatch]:
    rules = answer.rules
    found: list[Mismatch] = []
    for a, b in _change_pairs(answer):
        c = _stated_change(answer, a, b)
        if c is None or a.n.value <= 0 or a.n.value == b.n.value:
            continue
        relative = abs(b.n.value - a.n.value) / a.n.value * 100
        points = abs(b.n.value - a.n.value) if a.n.kind == "percent" else None
        stated = _bounds(c, rules)
        if c.n.unit == "pp":
            if points is None or _gap(stated, (points, points)) <= max(0.1, 0.05 * points):
                continue
        else:
            if _gap(stated, (relative, relative)) <= max(1.0, 0.1 * relative):
                continue
            if points is not None and _gap(stated, (points, points)) <= max(0.1, 0.1 * points):
                continue  # "van 3% naar 4%, 1% hoger": the difference in points, loosely said
        key = "growth_up" if b.n.value > a.n.value else "growth_down"
        values: dict[Lang, dict[str, str]] = {}
        for lang in LANGS:
            messages = numbers_data(lang).get("messages") or {}
            shown = ""
            if points is not None:
                shown = str(messages.get("growth_points", "")).format(points=_points(points, lang))
            stated_text = _points(c.n.value, lang) if c.n.unit == "pp" else _fmt_percent(c.n.value, lang)
            values[lang] = {
                "start": _fmt_figure(a.n, lang, answer.lang),
                "end": _fmt_figure(b.n, lang, answer.lang),
                "expected": _fmt_percent(relative, lang),
                "points": shown,
                "stated": stated_text,
            }
        found.append(_mismatch("growth_rate", (a, b, c), c.n.value, relative, _explain(key, values)))
    return found


def _names(answer: _Answer, category: str, fig: _Figure, hi: int) -> bool:
    """Whether a phrase of `category` starts inside the figure's own words ("8 new customers")."""
    return any(fig.start <= s < fig.end for s, _ in answer.spans_of(category, fig.start, hi))


def _share_of_count(answer: _Answer) -> list[Mismatch]:
    """'twaalf deals, een derde nieuwe klanten, vijf nieuwe logo's': a third of 12 is 4, not 5."""
    rules, text, figures = answer.rules, answer.text, answer.figures
    found: list[Mismatch] = []
    for whole in figures:
        if whole.n.kind != "count" or (whole.n.unit or "") not in rules.deal_units or whole.team:
            continue
        _, s_end = answer.sentence_text(whole.sentence)
        nxt = figures[whole.index + 1] if whole.index + 1 < len(figures) else None
        nxt = nxt if nxt is not None and nxt.sentence == whole.sentence else None
        limit = min(s_end, nxt.start if nxt is not None else s_end, whole.end + 60)
        m = rules.shares.search(text, whole.end, limit)
        percent: _Figure | None = None
        if m is not None:
            share_start, share_end = m.span()
            share_id = rules.share_ids.get(" ".join(m.group().lower().split()), "")
            if share_id not in rules.share_values:
                continue
            value = rules.share_values[share_id]
            low, high = value, value
        elif nxt is not None and nxt.n.kind == "percent" and nxt.n.unit == "%" and 0 < nxt.n.value < 100:
            percent, share_id, value = nxt, "", nxt.n.value / 100  # "12 deals, 25% new business, 5 new logos"
            share_start, share_end = nxt.start, nxt.end
            low, high = (v / 100 for v in _bounds(nxt, rules))
        else:
            continue
        if _only_words(answer, whole.end, share_start, rules.share_glue | rules.hedge_words, 3) is None:
            continue
        if m is not None:
            hedge = answer.spans_of("approximate", max(whole.end, share_start - 30), share_start)
            if hedge and not text[hedge[-1][1] : share_start].strip():
                kind = rules.hedges.get(phrase_key(text[hedge[-1][0] : hedge[-1][1]]), "about")
                low, high = _soften(value, kind, rules, stepped=False)
        # the group the share is about, right after it: "nieuwe klanten", "new business"
        group = None
        for name in ("new", "existing"):
            spans = answer.spans_of(name, share_end, s_end)
            if spans and (group is None or spans[0][0] < group[1][0]):
                group = (name, spans[0])
        if group is None or _only_words(answer, share_end, group[1][0], rules.share_glue, 3) is None:
            continue
        name, (_, group_end) = group
        part = next((f for f in figures if f.start >= group_end), None)
        if part is None or part.sentence != whole.sentence or part.n.kind != "count" or part.team:
            continue
        if any(whole.end <= f.start < part.start and f is not percent for f in figures):
            continue
        other = "existing" if name == "new" else "new"
        lead_in = _only_words(answer, group_end, part.start, rules.share_glue, 3)
        own = _names(answer, name, part, s_end)
        if lead_in is None or _names(answer, other, part, s_end):
            continue
        if not own and (part.n.unit or "") not in rules.deal_units:
            continue
        expected = (whole.n.value * low, whole.n.value * high)
        if _gap(expected, _bounds(part, rules)) < 1:
            continue
        point = whole.n.value * value
        values: dict[Lang, dict[str, str]] = {}
        for lang in LANGS:
            names = _mapping(numbers_data(lang), "share_names")
            values[lang] = {
                "share": _fmt_percent(value * 100, lang) if percent else str(names.get(share_id, "")),
                "count": _fmt_figure(whole.n, lang, answer.lang),
                "expected": _fmt_plain(point, lang, 1),
                "stated": _fmt_plain(part.n.value, lang),
            }
        explanation = {
            lang: text_[:1].upper() + text_[1:] for lang, text_ in _explain("share_of_count", values).items()
        }
        involved = (whole, percent, part) if percent is not None else (whole, part)
        found.append(_mismatch("share_of_count", involved, part.n.value, point, explanation))
    return found


@lru_cache(maxsize=4)
def _year_words(lang: str) -> frozenset[str]:
    units = numbers_data(lang).get("duration_units") or {}
    return frozenset(str(k).lower() for k, v in units.items() if str(v) == "years")


def _check(text: str, numbers: Sequence[Number], lang: str) -> list[Mismatch]:
    lang = "nl" if lang == "nl" else "en"
    answer = _Answer(text, numbers, _rules(lang), lang)
    years = _year_words(lang)
    found = [
        *_percent_of_target(answer, years),
        *_parts_total(answer),
        *_percent_split(answer),
        *_count_times_average(answer, years),
        *_rank_in_team(answer),
        *_growth_rate(answer),
        *_share_of_count(answer),
    ]
    unique: dict[tuple[str, tuple[Span, ...]], Mismatch] = {}
    for mismatch in found:
        unique.setdefault((mismatch.rule, mismatch.spans), mismatch)
    return sorted(unique.values(), key=lambda m: (m.spans[0] if m.spans else (0, 0), m.rule))


def find_mismatches(text: str, numbers: list[Number], lang: str) -> list[Mismatch]:
    """Return the figures in `text` that don't add up, each with the sum shown in Dutch and English.

    `numbers` are the figures of `text` (from extract_numbers); `lang` ("nl" or "en") chooses the
    keywords that give figures their roles. Figures whose roles are unclear are left alone. Never raises.
    """
    if not isinstance(text, str) or not text or not numbers:
        return []
    try:
        return _check(text, numbers, lang)
    except Exception:  # a safety net: a consistency check must never break feedback; tests call _check
        return []


@dataclass(frozen=True)
class Role:
    """A figure with the role the words around it give it (for comparing answers with known facts)."""

    number: Number
    role: str | None  # split | average | target | result | total | None
    team: bool  # about the team, not the candidate
    hedged: bool  # softened: "zo'n", "ruim", "about"


def figure_roles(text: str, numbers: list[Number], lang: str) -> list[Role]:
    """Every figure of `text` with its role, as the mismatch rules see it. Never raises."""
    if not isinstance(text, str) or not text or not numbers:
        return []
    lang = "nl" if lang == "nl" else "en"
    try:
        answer = _Answer(text, numbers, _rules(lang), lang)
    except Exception:  # like find_mismatches: a fact check must never break feedback
        return []
    return [Role(f.n, f.role, f.team, f.hedge is not None) for f in answer.figures]
