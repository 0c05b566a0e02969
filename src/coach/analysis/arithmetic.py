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

A figure's role comes from the nearest keyword before it in the same sentence (or, failing that, just
after it); the keywords and the explanation templates live in lang/<lang>/numbers.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.analysis.numbers import data_list, numbers_data, phrase_key, phrase_pattern
from coach.analysis.types import LANGS, Mismatch, Number, Span

PERCENT_TOLERANCE = 2.0  # percentage points
SUM_TOLERANCE = 0.05  # relative, for parts against their total
PRODUCT_TOLERANCE = 0.15  # relative, for count × average against the total
APPROXIMATE_FACTOR = 2.5  # "ongeveer", "ruim", "about": tolerances are this much wider

_WORDS_BEFORE = 7  # how far back a keyword may stand from the figure it labels
_WORDS_AFTER = 3
_SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)|\n")
_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")
_CONNECTOR_RE = re.compile(r"\s*[(\[,;:–—-]?\s*\Z")


@dataclass(frozen=True)
class _Rules:
    """Compiled keyword patterns of one language."""

    roles: re.Pattern[str]  # named groups: split, average, target, result, total
    team: re.Pattern[str]
    team_size_before: re.Pattern[str]
    colleague_words: frozenset[str]
    partial: re.Pattern[str]
    growth: re.Pattern[str]
    approximate: re.Pattern[str]
    attainment_before: re.Pattern[str]
    target_after: re.Pattern[str]
    above_target: re.Pattern[str]
    below_target: re.Pattern[str]
    of_whole: re.Pattern[str]
    of_only: re.Pattern[str]
    clause_break: re.Pattern[str]
    category_new: re.Pattern[str]
    category_existing: re.Pattern[str]
    period_after: re.Pattern[str]
    deal_units: frozenset[str]
    count_nouns: frozenset[str]
    target_mentioned: re.Pattern[str]
    rank_top: frozenset[tuple[str, ...]]
    attainment_after: re.Pattern[str]
    result_against: re.Pattern[str]
    glue_only: re.Pattern[str]
    partial_period: re.Pattern[str]


def _alt(data: Mapping[str, Any], *keys: str) -> str:
    return phrase_pattern([w for key in keys for w in data_list(data, key)])


@lru_cache(maxsize=4)
def _rules(lang: str) -> _Rules:
    data = numbers_data(lang)
    det = _alt(data, "determiners")
    target = _alt(data, "target_words")
    categories = data.get("split_categories") or {}
    durations = phrase_pattern(data.get("duration_units") or {})
    team = _alt(data, "team_words")
    of_words = phrase_pattern(["van", "of", "to", "met", "with", "uit", "consisting of", "bestaande uit"])
    flags = re.IGNORECASE
    return _Rules(
        roles=re.compile(
            rf"(?P<split>{_alt(data, 'split_words')})|(?P<average>{_alt(data, 'average_words')})"
            rf"|(?P<target>{target})|(?P<result>{_alt(data, 'result_words')})"
            rf"|(?P<total>{_alt(data, 'total_words')})",
            flags,
        ),
        team=re.compile(team, flags),
        team_size_before=re.compile(rf"{team}\s+{of_words}\s+(?:{det}\s+)?\Z", flags),
        colleague_words=frozenset(w.lower() for w in data_list(data, "colleague_words")),
        partial=re.compile(_alt(data, "partial_words"), flags),
        growth=re.compile(_alt(data, "growth_words"), flags),
        approximate=re.compile(_alt(data, "approximate_words"), flags),
        attainment_before=re.compile(
            rf"{_alt(data, 'attainment_before')}(?:\s+{_alt(data, 'approximate_words')})?[\s(]*\Z", flags
        ),
        target_after=re.compile(
            rf"\A\W*(?:{of_words}\s+)?(?:{det}\s+)?(?:[^\W\d_]+\s+)?(?P<t>{target})", flags
        ),
        above_target=re.compile(
            rf"\A\W*{_alt(data, 'above_words')}\s+(?:{det}\s+)?(?:[^\W\d_]+\s+)?{target}", flags
        ),
        below_target=re.compile(
            rf"\A\W*{_alt(data, 'below_words')}\s+(?:{det}\s+)?(?:[^\W\d_]+\s+)?{target}", flags
        ),
        of_whole=re.compile(rf"\A\s+{phrase_pattern(['van', 'of'])}\s+(?:{det}\s+)?(?P<w>[^\W\d_]+)", flags),
        of_only=re.compile(rf"\A\s+{phrase_pattern(['van', 'of'])}\s+(?:{det}\s+)?\Z", flags),
        clause_break=re.compile(_alt(data, "clause_breaks"), flags),
        category_new=re.compile(phrase_pattern(categories.get("new") or []), flags),
        category_existing=re.compile(phrase_pattern(categories.get("existing") or []), flags),
        period_after=re.compile(rf"\A\s*{_alt(data, 'period_words')}\s*(?P<p>{durations})", flags),
        deal_units=frozenset(w.lower() for w in data_list(data, "deal_units")),
        count_nouns=frozenset(w.lower() for w in data_list(data, "count_nouns")),
        target_mentioned=re.compile(target, flags),
        rank_top=frozenset(phrase_key(w) for w in data_list(data, "rank_top")),
        attainment_after=re.compile(rf"\A[\s(]*{_alt(data, 'attainment_after')}", flags),
        result_against=re.compile(
            rf"\A\s*{_alt(data, 'result_against')}(?:\s+{det})?\s*(?:(?:[^\W\d_]+\s+)?(?P<t>{target}))?",
            flags,
        ),
        glue_only=re.compile(
            rf"\A(?:[\s,;:()\[\]–—-]|{_alt(data, 'glue_words', 'result_words', 'attainment_before')})*\Z",
            flags,
        ),
        partial_period=re.compile(_alt(data, "partial_period_words"), flags),
    )


@dataclass
class _Figure:
    """A number with what the words around it say about it."""

    n: Number
    sentence: int
    role: str | None = None  # target | result | total | average | split
    role_before: bool = False  # the role comes from a keyword before the figure
    team: bool = False  # about the team, not the candidate ("het team haalde €3M")
    period: str | None = None  # "€5K per maand" -> "maand"
    approximate: bool = False

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
    """The answer cut into sentences, with every figure's role worked out once."""

    def __init__(self, text: str, numbers: Iterable[Number], rules: _Rules) -> None:
        self.text = text
        self.rules = rules
        self.sentence_starts = [0]
        self.sentence_ends: list[int] = []
        for m in _SENTENCE_END_RE.finditer(text):
            self.sentence_ends.append(m.end())
            self.sentence_starts.append(m.end())
        self.sentence_ends.append(len(text))
        valid = sorted((n for n in numbers if 0 <= n.span[0] < n.span[1] <= len(text)), key=lambda n: n.span)
        kept: list[Number] = []
        for n in valid:  # overlapping figures would make the windows meaningless
            if not kept or n.span[0] >= kept[-1].span[1]:
                kept.append(n)
        self.figures = [_Figure(n, self.sentence_of(n.span[0])) for n in kept]
        self.floors = [self._floor(i) for i in range(len(self.figures))]
        for i, fig in enumerate(self.figures):
            self._label(i, fig)
        for i, fig in enumerate(self.figures):
            self._label_against(i, fig)

    def _floor(self, i: int) -> int:
        """Where the words that may describe figure i begin: the sentence start, the previous figure, the
        end of that figure's own "of my target", or a change of subject ("maar", "but")."""
        text, rules, fig = self.text, self.rules, self.figures[i]
        lo = self.sentence_starts[fig.sentence]
        if i > 0 and self.figures[i - 1].end > lo:
            prev = self.figures[i - 1]
            lo = prev.end
            if prev.n.kind == "percent":
                own = rules.target_after.match(text[lo : fig.start]) or rules.attainment_after.match(
                    text[lo : fig.start]
                )
                if own is not None:
                    lo += own.end()
        for m in rules.clause_break.finditer(text, lo, fig.start):
            lo = m.end()
        return lo

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def window_before(self, i: int, words: int = _WORDS_BEFORE) -> tuple[int, int]:
        """The last `words` words before figure i, back to the sentence start or the previous figure."""
        fig, lo = self.figures[i], self.floors[i]
        found = list(_WORD_RE.finditer(self.text, lo, fig.start))
        return (found[-words].start() if len(found) >= words else lo), fig.start

    def window_after(self, i: int, words: int = _WORDS_AFTER) -> tuple[int, int]:
        """The first `words` words after figure i, up to the sentence end or the next figure."""
        fig = self.figures[i]
        hi = self.sentence_ends[fig.sentence]
        if i + 1 < len(self.figures) and self.figures[i + 1].start < hi:
            hi = self.figures[i + 1].start
        found = _WORD_RE.finditer(self.text, fig.end, hi)
        last = fig.end
        for count, m in enumerate(found, start=1):
            last = m.end()
            if count >= words:
                break
        return fig.end, last

    def _label(self, i: int, fig: _Figure) -> None:
        text, rules = self.text, self.rules
        lo, hi = self.window_before(i)
        before = list(rules.roles.finditer(text, lo, hi))
        if before:
            fig.role, fig.role_before = before[-1].lastgroup, True
        else:
            a_lo, a_hi = self.window_after(i)
            after = rules.roles.search(text, a_lo, a_hi)
            fig.role = after.lastgroup if after else None
        near_lo, _ = self.window_before(i, 4)
        fig.team = rules.team.search(text, near_lo, hi) is not None
        fig.approximate = rules.approximate.search(text, self.window_before(i, 3)[0], hi) is not None
        period = rules.period_after.match(text, fig.end, self.sentence_ends[fig.sentence])
        fig.period = period.group("p").lower() if period else None

    def _label_against(self, i: int, fig: _Figure) -> None:
        """ "€520K on a €500K quota", "€450K op een target van €400K": the first figure is the result."""
        if fig.role is not None or fig.n.kind not in ("money", "count") or fig.team:
            return
        nxt = self.figures[i + 1] if i + 1 < len(self.figures) else None
        hi = (
            nxt.start
            if nxt is not None and nxt.sentence == fig.sentence
            else self.sentence_ends[fig.sentence]
        )
        between = self.text[fig.end : hi]
        m = self.rules.result_against.match(between)
        if m is None:
            return
        if m.group("t") is not None or (
            not between[m.end() :].strip() and nxt is not None and nxt.role == "target"
        ):
            fig.role = "result"

    def in_sentence(self, sentence: int) -> list[_Figure]:
        return [f for f in self.figures if f.sentence == sentence]

    def sentence_text(self, sentence: int) -> tuple[int, int]:
        return self.sentence_starts[sentence], self.sentence_ends[sentence]


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


def _fmt_figure(n: Number, lang: str) -> str:
    if n.kind == "money":
        return _fmt_money(n.value, n.unit, lang)
    if n.kind == "percent":
        return _fmt_percent(n.value, lang)
    unit = f" {n.unit}" if n.kind == "count" and n.unit else ""
    return _fmt_plain(n.value, lang) + unit


def _explain(key: str, values: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
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


def _tolerance(base: float, figures: Iterable[_Figure]) -> float:
    return base * APPROXIMATE_FACTOR if any(f.approximate for f in figures) else base


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
    if rules.partial_period.search(text, lo, fig.start) or rules.partial_period.search(after[:40]):
        return None  # "in Q1 zat ik op 18%": part of the year
    if prev is not None and prev.n.kind == "duration" and prev.end >= lo:
        return None  # "na vier maanden op 38%"
    if rules.above_target.match(after):
        return "above"
    if rules.below_target.match(after):
        return "below"
    a_lo, a_hi = answer.window_after(i, 2)
    if rules.growth.search(text, a_lo, a_hi) or rules.growth.search(text, *answer.window_before(i, 2)):
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
    if rules.attainment_before.search(text, answer.window_before(i, 6)[0], fig.start):
        return "attain"
    ends_clause = not after.strip() or after.lstrip()[0] in ".,;:!?)]"
    after_result = prev is not None and prev.n.kind == "money" and prev.role not in ("target", "average")
    if (
        after_result
        and ends_clause
        and prev is not None
        and rules.glue_only.match(text[prev.end : fig.start])
    ):
        return "attain_after"  # "€448K (112%)", "€448K gehaald, dus 112%."
    return None


def _percent_of_target(answer: _Answer, years: frozenset[str]) -> list[Mismatch]:
    figures = answer.figures
    framed: list[tuple[int, _Figure, str]] = []
    for i, fig in enumerate(figures):
        kind = _framing(answer, i) if fig.n.kind == "percent" and fig.n.unit == "%" else None
        if kind is not None:
            framed.append((i, fig, kind))
    found: list[Mismatch] = []
    for i, pct, kind in framed:
        if pct.team:
            continue
        result: _Figure | None = None
        if kind == "attain_after":
            result = figures[i - 1]
        else:
            rivals = [f.start for _, f, _ in framed if f.sentence == pct.sentence and f is not pct]
            since = max([r for r in rivals if r < pct.start], default=-1)
            same = [
                f for f in answer.in_sentence(pct.sentence) if f.achieved and f.n.kind in ("money", "count")
            ]
            before = [f for f in same if since < f.start < pct.start]
            if before:
                result = before[-1]
            elif same and not rivals:
                result = same[0]
            elif len(framed) == 1:
                result = _unique([f for f in figures if f.achieved and f.n.kind in ("money", "count")])
        if result is None:
            continue

        def fits(f: _Figure, r: _Figure = result) -> bool:
            return f.role == "target" and not f.team and f.n.kind == r.n.kind and f.n.unit == r.n.unit

        targets = [f for f in answer.in_sentence(pct.sentence) if fits(f)]
        if not targets and (result.sentence == pct.sentence or len(framed) == 1):
            targets = [f for f in figures if fits(f)]
        target = _unique(targets)
        if target is None or target is result or target.n.value <= 0:
            continue
        if not _periods_agree(target, result, years):
            continue
        attainment = result.n.value / target.n.value * 100
        expected = {"above": attainment - 100, "below": 100 - attainment}.get(kind, attainment)
        tolerance = max(_tolerance(PERCENT_TOLERANCE, (pct, target, result)), abs(expected) * 0.02)
        if abs(pct.n.value - expected) <= tolerance:
            continue
        key = f"percent_{kind}_target" if kind in ("above", "below") else "percent_of_target"
        r_n, t_n, p_n = result.n, target.n, pct.n
        shown = float(round(expected)) if abs(expected - round(expected)) < 0.05 else expected
        found.append(
            _mismatch(
                "percent_of_target",
                (pct, target, result),
                pct.n.value,
                expected,
                _explain(
                    key,
                    {
                        lang: {
                            "result": _fmt_figure(r_n, lang),
                            "target": _fmt_figure(t_n, lang),
                            "expected": _fmt_percent(shown, lang),
                            "stated": _fmt_percent(p_n.value, lang),
                        }
                        for lang in LANGS
                    },
                ),
            )
        )
    return found


def _split_total(answer: _Answer, split: re.Match[str], unit: str | None) -> _Figure | None:
    """The figure a split word divides: just before it in its sentence, or a result in the sentence before."""
    text, rules = answer.text, answer.rules
    sentence = answer.sentence_of(split.start())
    s_start, _ = answer.sentence_text(sentence)
    before = [
        f
        for f in answer.in_sentence(sentence)
        if f.end <= split.start() and f.n.kind == "money" and f.n.unit == unit and f.role != "average"
    ]
    if before:
        last = before[-1]
        return last if len(_WORD_RE.findall(text, last.end, split.start())) <= 4 else None
    if len(_WORD_RE.findall(text, s_start, split.start())) > 2 or sentence == 0:
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
        achieved = [f for f in candidates if f.achieved]
        if achieved:
            return achieved[-1]
        if rules.target_mentioned.search(split.group()):
            targets = [f for f in candidates if f.role == "target"]
            return targets[-1] if targets else None
        return candidates[0] if len(candidates) == 1 else None
    return None


def _parts_total(answer: _Answer) -> list[Mismatch]:
    text, rules = answer.text, answer.rules
    found: list[Mismatch] = []
    for split in rules.roles.finditer(text):
        if split.lastgroup != "split":
            continue
        sentence = answer.sentence_of(split.start())
        _, s_end = answer.sentence_text(sentence)
        if rules.partial.search(text, split.start(), s_end):
            continue
        parts: list[_Figure] = []
        edge = split.end()
        for fig in answer.in_sentence(sentence):
            if fig.start < split.end() or fig.n.kind != "money":
                continue
            between = text[edge : fig.start]
            if parts and (
                rules.clause_break.search(between)
                or (fig.role_before and fig.role in ("target", "average", "result", "total"))
                or fig.n.unit != parts[0].n.unit
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
        if abs(summed - total.n.value) <= _tolerance(SUM_TOLERANCE, (total, *parts)) * total.n.value:
            continue
        part_ns = [p.n for p in parts]
        t_n = total.n
        found.append(
            _mismatch(
                "parts_total",
                (total, *parts),
                t_n.value,
                summed,
                _explain(
                    "parts_total",
                    {
                        lang: {
                            "parts": " + ".join(_fmt_figure(n, lang) for n in part_ns),
                            "sum": _fmt_money(summed, t_n.unit, lang),
                            "total": _fmt_figure(t_n, lang),
                        }
                        for lang in LANGS
                    },
                ),
            )
        )
    return found


def _percent_split(answer: _Answer) -> list[Mismatch]:
    text, rules = answer.text, answer.rules
    found: list[Mismatch] = []
    sentences = sorted({f.sentence for f in answer.figures if f.n.kind == "percent"})
    for sentence in sentences:
        s_start, s_end = answer.sentence_text(sentence)
        if rules.partial.search(text, s_start, s_end) or rules.growth.search(text, s_start, s_end):
            continue
        shares: list[_Figure] = []
        groups: set[str] = set()
        wholes: set[str] = set()
        usable = True
        for i, fig in enumerate(answer.figures):
            if fig.sentence != sentence or fig.n.kind != "percent" or fig.n.unit != "%":
                continue
            if _framing(answer, i) is not None:
                continue
            a_lo, a_hi = answer.window_after(i, 4)
            b_lo, b_hi = answer.window_before(i, 2)
            group = None
            for name, pattern in (("new", rules.category_new), ("existing", rules.category_existing)):
                if pattern.search(text, a_lo, a_hi) or pattern.search(text, b_lo, b_hi):
                    group = group or name
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
        if abs(summed - 100) <= _tolerance(PERCENT_TOLERANCE, shares):
            continue
        share_ns = [f.n for f in shares]
        found.append(
            _mismatch(
                "parts_total",
                shares,
                summed,
                100.0,
                _explain(
                    "percent_split",
                    {
                        lang: {
                            "parts": " + ".join(_fmt_percent(n.value, lang) for n in share_ns),
                            "sum": _fmt_percent(summed, lang),
                        }
                        for lang in LANGS
                    },
                ),
            )
        )
    return found


def _count_times_average(answer: _Answer, years: frozenset[str]) -> list[Mismatch]:
    text, rules = answer.text, answer.rules
    figures = answer.figures
    found: list[Mismatch] = []
    deals = [
        f for f in figures if f.n.kind == "count" and (f.n.unit or "") in rules.deal_units and not f.team
    ]
    for average in figures:
        if average.n.kind != "money" or average.role != "average" or average.team:
            continue
        if average.period is not None and average.period not in years:
            continue  # "gemiddeld €5K per maand" is not a deal size
        same = [f for f in deals if f.sentence == average.sentence]
        count = same[0] if len(same) == 1 else _unique(deals) if not same else None
        if count is None or count.n.value <= 0:
            continue
        money = [
            f for f in figures if f.n.kind == "money" and f.n.unit == average.n.unit and f is not average
        ]
        achieved = [f for f in money if f.achieved]
        near = [f for f in achieved if f.sentence == average.sentence]
        total = near[-1] if near else _unique(achieved)
        if total is None or total.n.value <= 0 or not _periods_agree(total, average, years):
            continue
        product = count.n.value * average.n.value
        tolerance = _tolerance(PRODUCT_TOLERANCE, (count, average, total))
        if abs(product - total.n.value) <= tolerance * total.n.value:
            continue
        if any(abs(product - f.n.value) <= tolerance * f.n.value for f in money if f.n.value > 0):
            continue  # the count covers one part of the total ("16 new accounts" = the new business)
        subset = rules.category_new.search(count.n.text) or rules.category_existing.search(text)
        if product < total.n.value and subset:
            continue
        c_n, a_n, t_n = count.n, average.n, total.n
        found.append(
            _mismatch(
                "count_times_average",
                (count, average, total),
                t_n.value,
                product,
                _explain(
                    "count_times_average",
                    {
                        lang: {
                            "count": _fmt_plain(c_n.value, lang),
                            "average": _fmt_figure(a_n, lang),
                            "product": _fmt_money(product, a_n.unit, lang),
                            "total": _fmt_figure(t_n, lang),
                        }
                        for lang in LANGS
                    },
                ),
            )
        )
    return found


def _team_sizes(answer: _Answer, sentences: Iterable[int]) -> list[tuple[_Figure, float]]:
    text, rules = answer.text, answer.rules
    sizes: list[tuple[_Figure, float]] = []
    wanted = set(sentences)
    for i, fig in enumerate(answer.figures):
        if fig.sentence not in wanted or fig.n.kind not in ("count", "plain") or not fig.n.value.is_integer():
            continue
        unit = (fig.n.unit or "").lower()
        if fig.n.kind == "count" and rules.team.fullmatch(unit):
            sizes.append((fig, fig.n.value + (1 if unit in rules.colleague_words else 0)))
            continue
        lo, _ = answer.window_before(i, 5)
        if rules.team_size_before.search(text, lo, fig.start):
            sizes.append((fig, fig.n.value))
    return sizes


def _rank_values(position: float, size: float) -> dict[str, dict[str, str]]:
    return {lang: {"position": _fmt_plain(position, lang), "size": _fmt_plain(size, lang)} for lang in LANGS}


def _rank_in_team(answer: _Answer) -> list[Mismatch]:
    found: list[Mismatch] = []
    for rank in answer.figures:
        if rank.n.kind != "rank":
            continue
        position = rank.n.value
        if rank.n.of is not None:
            if position > rank.n.of:
                size = rank.n.of
                found.append(
                    _mismatch(
                        "rank_in_team",
                        (rank,),
                        position,
                        size,
                        _explain("rank_beyond_group", _rank_values(position, size)),
                    )
                )
            continue
        if phrase_key(rank.n.text)[:1] in answer.rules.rank_top:
            continue  # "top 3" is not one position
        sizes = _team_sizes(answer, (rank.sentence - 1, rank.sentence, rank.sentence + 1))
        if len({s for _, s in sizes}) != 1:
            continue
        team, size = sizes[-1]
        if position > size:
            found.append(
                _mismatch(
                    "rank_in_team",
                    (team, rank),
                    position,
                    size,
                    _explain("rank_team_size", _rank_values(position, size)),
                )
            )
    return found


@lru_cache(maxsize=4)
def _year_words(lang: str) -> frozenset[str]:
    units = numbers_data(lang).get("duration_units") or {}
    return frozenset(str(k).lower() for k, v in units.items() if str(v) == "years")


def _check(text: str, numbers: Sequence[Number], lang: str) -> list[Mismatch]:
    lang = "nl" if lang == "nl" else "en"
    answer = _Answer(text, numbers, _rules(lang))
    years = _year_words(lang)
    found = [
        *_percent_of_target(answer, years),
        *_parts_total(answer),
        *_percent_split(answer),
        *_count_times_average(answer, years),
        *_rank_in_team(answer),
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
