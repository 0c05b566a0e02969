"""The figures table of the feedback page: what a candidate would call a figure, in the interface's format.

Years ("2023") and technical names with a digit ("N+1", "S3", "HTTP/2") are not figures a candidate
quoted as evidence, so they are left out; a unit written after a number ("900 ms", "3 GB") is kept; numbers
are written as the interface language writes them (Babel: 600.000 in Dutch, 600,000 in English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal

from coach.i18n import N_, translate

KIND_NAMES = {
    "money": N_("amount"),
    "percent": N_("percentage"),
    "count": N_("count"),
    "duration": N_("duration"),
    "rank": N_("rank"),
    "plain": N_("number"),
}
CURRENCY_SIGNS = {"EUR": "€", "USD": "$"}
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
TECHNICAL_NAME = re.compile(r"[A-Za-z][+\-/]?\d|\d[+\-/]?[A-Za-z]\w*[+\-]")
YEAR = re.compile(r"(?:19|20)\d\d")
UNIT_AFTER = re.compile(r"^[\d.,\s]+\s*([A-Za-zµ]{1,6})$")
DURATION_UNITS = {
    "days": N_("days"),
    "weeks": N_("weeks"),
    "months": N_("months"),
    "years": N_("years"),
    "hours": N_("hours"),
    "minutes": N_("minutes"),
}


@dataclass(frozen=True)
class FigureRow:
    """One row of the table: the figure as written, what kind it is, and its value."""

    text: str
    kind: str
    value: str
    span: tuple[int, int]


def is_figure(number: dict[str, Any]) -> bool:
    """False for a year or a technical name, which the engine may read as a plain number."""
    text = str(number.get("text", "")).strip()
    if number.get("kind") == "plain" and YEAR.fullmatch(text):
        return False
    return not TECHNICAL_NAME.search(text)


def format_value(number: dict[str, Any], lang: str) -> str:
    """A figure's value as the interface language writes it, with its unit."""
    locale = LOCALES.get(lang, "en_GB")
    value = float(number.get("value") or 0)
    kind, unit = number.get("kind"), number.get("unit")
    digits = "#,##0.##" if value != int(value) else "#,##0"
    text = str(format_decimal(value, format=digits, locale=locale))
    if kind == "money" and unit in CURRENCY_SIGNS:
        return f"{CURRENCY_SIGNS[unit]} {text}" if lang == "nl" else f"{CURRENCY_SIGNS[unit]}{text}"
    if kind == "percent":
        return f"{text}%"
    if kind == "rank" and number.get("of"):
        return f"{text} / {format_decimal(number['of'], format='#,##0', locale=locale)}"
    if kind == "duration" and unit in DURATION_UNITS:
        return f"{text} {translate(lang, DURATION_UNITS[unit])}"
    written = UNIT_AFTER.match(str(number.get("text", "")).strip())
    if kind == "plain" and written:
        return f"{text} {written.group(1)}"
    return text


def figure_rows(numbers: list[dict[str, Any]], lang: str) -> list[FigureRow]:
    """The table's rows for the stored figures of an answer."""
    return [
        FigureRow(
            str(n.get("text", "")),
            translate(lang, KIND_NAMES.get(str(n.get("kind")), KIND_NAMES["plain"])),
            format_value(n, lang),
            (int(n["span"][0]), int(n["span"][1])),
        )
        for n in numbers
        if is_figure(n)
    ]
