"""The results profile behind the one-pager: its fields as entered, and their validation, field by field.

Figures are read as people write them ("€ 450.000", "1,2 mln", "115%") by the engine's own figure reader
(analysis/numbers.py), and checked against each other with the engine's tolerances (analysis/arithmetic.py):
the percentage of target within 2 points, new business plus upsell against the result within 5%, new
accounts times the average deal against the new business within 15%, shares adding up to 100%, a rank
inside its team. A key win is checked like an answer, by the engine's mismatch rules. Every problem names
its field and is an English msgid with values, translated where it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coach.analysis.arithmetic import PERCENT_TOLERANCE, PRODUCT_TOLERANCE, SUM_TOLERANCE, find_mismatches
from coach.analysis.numbers import extract_numbers
from coach.i18n import N_, translate

MAX_PERIODS = 8
MAX_WINS = 5
MAX_TOOLS = 12
MAX_REFERENCES = 8
MAX_LINE = 160  # a key win is one line on the page
MAX_TEXT = 120  # names, roles, period labels, what a reference can speak to
PERIOD_FIELDS = (
    "period",
    "target",
    "result",
    "percent",
    "rank",
    "team_size",
    "new_business",
    "upsell",
    "new_accounts",
    "average_deal",
)
REFERENCE_FIELDS = ("name", "company", "role", "speaks_to", "permission")
_INT_RE = re.compile(r"^\s*(?:nr\.?\s*|nummer\s*|#)?(\d{1,6})\s*(?:e|de|ste|st|nd|rd|th)?\s*$", re.IGNORECASE)
_DATE_RES = (
    re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$"),  # 2025-03-14
    re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$"),  # 14-03-2025
)


@dataclass(frozen=True)
class Problem:
    """One problem at one field: `field` as the form names it ("periods.0.percent"), an English msgid."""

    field: str
    message: str
    values: dict[str, Any] = field(default_factory=dict)
    level: str = "error"  # error (not saved, nothing drawn) | warning (saved; shown)

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        return translate(lang, self.message, **self.values)


@dataclass(frozen=True)
class Period:
    """One year or quarter, as figures (money in euros)."""

    label: str
    target: float
    result: float
    percent: float
    rank: int | None = None
    team_size: int | None = None
    new_business: float | None = None
    upsell: float | None = None
    new_accounts: int | None = None
    average_deal: float | None = None


@dataclass(frozen=True)
class Reference:
    """A reference customer; only one with recorded permission goes on the one-pager."""

    name: str
    company: str
    role: str
    speaks_to: str
    permission: date | None


@dataclass(frozen=True)
class Profile:
    """A validated results profile: what the one-pager shows and what practice answers are held to."""

    name: str
    role: str
    periods: tuple[Period, ...]
    sales_cycle: str = ""
    key_wins: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    @property
    def shown_references(self) -> tuple[Reference, ...]:
        """The references with recorded permission (the only ones on the one-pager)."""
        return tuple(r for r in self.references if r.permission is not None)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def normalise(raw: dict[str, Any]) -> dict[str, Any]:
    """The profile's fields as text, the way the form shows them (from a form, YAML or the store)."""
    periods = [
        {key: _text((p or {}).get(key)) for key in PERIOD_FIELDS} for p in (raw.get("periods") or []) if p
    ]
    refs = [
        {key: _text((r or {}).get(key)) for key in REFERENCE_FIELDS}
        for r in (raw.get("references") or [])
        if r
    ]
    wins = raw.get("key_wins") or []
    tools = raw.get("tools") or []
    if isinstance(wins, str):
        wins = wins.splitlines()
    if isinstance(tools, str):
        tools = tools.split(",")
    return {
        "name": _text(raw.get("name")),
        "role": _text(raw.get("role")),
        "sales_cycle": _text(raw.get("sales_cycle")),
        "periods": [p for p in periods if any(p.values())],
        "key_wins": [str(w).strip() for w in wins if str(w).strip()],
        "tools": [_text(t) for t in tools if _text(t)],
        "references": [r for r in refs if any(r.values())],
    }


class _Checker:
    def __init__(self, lang: str, ui: str | None = None) -> None:
        self.lang = "nl" if lang == "nl" else "en"  # the language the figures are written in
        self.ui = "nl" if (ui or lang) == "nl" else "en"  # the language of the messages' figures
        self.problems: list[Problem] = []

    def error(self, where: str, message: str, **values: Any) -> None:
        self.problems.append(Problem(where, message, values))

    def warn(self, where: str, message: str, **values: Any) -> None:
        self.problems.append(Problem(where, message, values, "warning"))

    def text(self, where: str, value: str, required: bool = False, limit: int = MAX_TEXT) -> str:
        if required and not value:
            self.error(where, N_("Fill this in."))
        elif len(value) > limit:
            self.error(
                where, N_("Too long: {chars} characters, at most {limit}."), chars=len(value), limit=limit
            )
        return value

    def money(
        self, where: str, value: str, required: bool = False, share: bool = False
    ) -> tuple[float, str] | None:
        """An amount (kind "money") or, with `share`, a percentage of the result (kind "percent")."""
        if not value:
            if required:
                self.error(where, N_("Fill this in."))
            return None
        found = [n for n in extract_numbers(value, self.lang) if n.kind != "duration"]
        if len(found) != 1 or (found[0].kind == "percent" and not share):
            self.error(where, N_("Write one amount, for example €450.000 or 1,2 mln."))
            return None
        number = found[0]
        if number.value < 0:
            self.error(where, N_("An amount can't be negative."))
            return None
        return number.value, "percent" if number.kind == "percent" else "money"

    def percent(self, where: str, value: str) -> float | None:
        if not value:
            return None
        found = extract_numbers(value if "%" in value or "procent" in value else f"{value}%", self.lang)
        if len(found) != 1 or found[0].kind != "percent":
            self.error(where, N_("Write a percentage, for example 115%."))
            return None
        return found[0].value

    def count(self, where: str, value: str, smallest: int = 0) -> int | None:
        if not value:
            return None
        m = _INT_RE.match(value)
        number = int(m.group(1)) if m else None
        if number is None:
            found = extract_numbers(value, self.lang)
            if len(found) == 1 and float(found[0].value).is_integer():
                number = int(found[0].value)
        if number is None or number < smallest:
            self.error(where, N_("Write a whole number of at least {least}."), least=smallest)
            return None
        return number

    def when(self, where: str, value: str, today: date) -> date | None:
        for pattern in _DATE_RES:
            m = pattern.match(value)
            if not m:
                continue
            parts = [int(g) for g in m.groups()]
            year, month, day = parts if pattern is _DATE_RES[0] else (parts[2], parts[1], parts[0])
            try:
                moment = date(year, month, day)
            except ValueError:
                break
            if moment > today:
                self.error(where, N_("This date is in the future."))
                return None
            return moment
        self.error(where, N_("Write a date, for example 14-03-2025."))
        return None


def money_text(value: float, lang: str) -> str:
    """An amount in euros as the one-pager and the messages show it: € 460.000 / €460,000."""
    from babel.numbers import format_decimal

    amount = format_decimal(round(value), format="#,##0", locale="nl_NL" if lang == "nl" else "en_GB")
    return f"€\u00a0{amount}" if lang == "nl" else f"€{amount}"


def percent_text(value: float, lang: str) -> str:
    """A percentage with at most one decimal: 112,5% / 112.5%."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


def _period(c: _Checker, i: int, p: dict[str, str]) -> Period | None:
    at = f"periods.{i}."
    label = c.text(at + "period", p["period"], required=True, limit=40)
    target = c.money(at + "target", p["target"], required=True)
    result = c.money(at + "result", p["result"], required=True)
    percent = c.percent(at + "percent", p["percent"])
    rank = c.count(at + "rank", p["rank"], 1)
    team = c.count(at + "team_size", p["team_size"], 1)
    new_business = c.money(at + "new_business", p["new_business"], share=True)
    upsell = c.money(at + "upsell", p["upsell"], share=True)
    accounts = c.count(at + "new_accounts", p["new_accounts"])
    average = c.money(at + "average_deal", p["average_deal"])
    lang = c.ui
    if target is not None and target[0] == 0:
        c.error(at + "target", N_("A target of zero can't be compared with a result."))
        target = None
    if target is None or result is None:
        return None
    attained = result[0] / target[0] * 100
    if percent is not None and abs(percent - attained) > PERCENT_TOLERANCE:
        c.error(
            at + "percent",
            N_("{result} of a {target} target is {expected}, not {stated}."),
            result=money_text(result[0], lang),
            target=money_text(target[0], lang),
            expected=percent_text(round(attained, 1), lang),
            stated=percent_text(percent, lang),
        )
    if rank is not None and team is None:
        c.error(at + "team_size", N_("Give the size of the team too, so that the rank means something."))
    if rank is not None and team is not None and rank > team:
        c.error(at + "rank", N_("Number {rank} can't be in a team of {size}."), rank=rank, size=team)
    nb = up = None
    kinds = {k for k in (new_business, upsell) if k is not None for k in [k[1]]}
    if new_business is not None and upsell is not None and kinds == {"percent"}:
        if abs(new_business[0] + upsell[0] - 100) > 1:
            c.error(
                at + "upsell",
                N_("The shares of new business and upsell add up to {total}, not 100%."),
                total=percent_text(new_business[0] + upsell[0], lang),
            )
        else:
            nb, up = result[0] * new_business[0] / 100, result[0] * upsell[0] / 100
    else:
        nb = None if new_business is None else _amount(new_business, result[0])
        up = None if upsell is None else _amount(upsell, result[0])
        if nb is not None and up is not None and abs(nb + up - result[0]) > SUM_TOLERANCE * result[0]:
            c.error(
                at + "upsell",
                N_("New business {new} plus upsell {upsell} is {total}, but the result is {result}."),
                new=money_text(nb, lang),
                upsell=money_text(up, lang),
                total=money_text(nb + up, lang),
                result=money_text(result[0], lang),
            )
        for where, part in ((at + "new_business", nb), (at + "upsell", up)):
            if part is not None and part > result[0] * (1 + SUM_TOLERANCE):
                c.error(
                    where,
                    N_("This is more than the whole result ({result})."),
                    result=money_text(result[0], lang),
                )
        if nb is not None and up is None and nb <= result[0]:
            up = result[0] - nb
        elif up is not None and nb is None and up <= result[0]:
            nb = result[0] - up
    if accounts is not None and average is not None and nb is not None and accounts > 0:
        product = accounts * average[0]
        if abs(product - nb) > PRODUCT_TOLERANCE * nb:
            c.error(
                at + "average_deal",
                N_("{count} new accounts of {average} on average make {total}, but new business is {new}."),
                count=accounts,
                average=money_text(average[0], lang),
                total=money_text(product, lang),
                new=money_text(nb, lang),
            )
    return Period(
        label,
        target[0],
        result[0],
        round(percent if percent is not None else attained, 1),
        rank,
        team,
        nb,
        up,
        accounts,
        None if average is None else average[0],
    )


def _amount(value: tuple[float, str], whole: float) -> float:
    return whole * value[0] / 100 if value[1] == "percent" else value[0]


def validate(
    raw: dict[str, Any], lang: str, today: date | None = None, ui: str | None = None
) -> tuple[Profile | None, list[Problem]]:
    """Check a profile (from the form, a YAML file or the store) whose figures are written in `lang`;
    returns the profile (None when there is an error) and every problem, errors and warnings, each at its
    field, as English msgids whose figures are written for `ui` (default: `lang`)."""
    today = today or date.today()
    data = normalise(raw)
    c = _Checker(lang, ui)
    name = c.text("name", data["name"], required=True)
    role = c.text("role", data["role"])
    cycle = c.text("sales_cycle", data["sales_cycle"], limit=40)
    if cycle and not any(n.kind == "duration" for lg in ("nl", "en") for n in extract_numbers(cycle, lg)):
        c.error("sales_cycle", N_("Write a length of time, for example 3 months or 6 weeks."))
    periods = data["periods"]
    if not periods:
        c.error("periods", N_("Add at least one year or quarter with its target and result."))
    if len(periods) > MAX_PERIODS:
        c.error("periods", N_("At most {limit} years or quarters fit on one page."), limit=MAX_PERIODS)
    parsed = [_period(c, i, p) for i, p in enumerate(periods[:MAX_PERIODS])]
    seen: set[str] = set()
    for i, p in enumerate(periods[:MAX_PERIODS]):
        label = p["period"].lower()
        if label and label in seen:
            c.error(f"periods.{i}.period", N_("This year or quarter is already in the list."))
        seen.add(label)
    wins = data["key_wins"]
    if len(wins) > MAX_WINS:
        c.error("key_wins", N_("At most {limit} key wins fit on one page."), limit=MAX_WINS)
    for i, win in enumerate(wins[:MAX_WINS]):
        where = f"key_wins.{i}"
        if len(win) > MAX_LINE:
            c.error(
                where,
                N_("Keep a key win to one line: {chars} characters, at most {limit}."),
                chars=len(win),
                limit=MAX_LINE,
            )
            continue
        for mismatch in find_mismatches(win, extract_numbers(win, c.lang), c.lang):
            c.error(
                where, N_("The figures don't add up: {explanation}"), explanation=mismatch.explanation[c.ui]
            )
    tools = data["tools"]
    if len(tools) > MAX_TOOLS:
        c.error("tools", N_("At most {limit} tools fit on one page."), limit=MAX_TOOLS)
    references = []
    if len(data["references"]) > MAX_REFERENCES:
        c.error("references", N_("At most {limit} references."), limit=MAX_REFERENCES)
    for i, r in enumerate(data["references"][:MAX_REFERENCES]):
        at = f"references.{i}."
        ref_name = c.text(at + "name", r["name"], required=True)
        company = c.text(at + "company", r["company"], required=True)
        ref_role = c.text(at + "role", r["role"])
        speaks = c.text(at + "speaks_to", r["speaks_to"], limit=MAX_LINE)
        permission = c.when(at + "permission", r["permission"], today) if r["permission"] else None
        if not r["permission"]:
            c.warn(
                at + "permission",
                N_(
                    "No permission recorded for {name}: this reference stays off the one-pager "
                    "until you record when they agreed."
                ),
                name=ref_name or company,
            )
        references.append(Reference(ref_name, company, ref_role, speaks, permission))
    if any(p.level == "error" for p in c.problems) or any(p is None for p in parsed):
        return None, c.problems
    profile = Profile(
        name,
        role,
        tuple(p for p in parsed if p is not None),
        cycle,
        tuple(wins),
        tuple(tools),
        tuple(references),
    )
    return profile, c.problems


def by_field(problems: list[Problem], lang: str) -> dict[str, list[tuple[str, str]]]:
    """The problems per field, as (level, message in `lang`), for showing them at their fields."""
    out: dict[str, list[tuple[str, str]]] = {}
    for p in problems:
        out.setdefault(p.field, []).append((p.level, p.text(lang)))
    return out
