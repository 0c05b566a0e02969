"""The bank's counts, language parity and self-consistency (`coach questions --stats`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table

from coach.content.bank import load_questions
from coach.content.schema import ROLES, Question
from coach.i18n import translate as tr

MINIMUM = {"it": 60, "sales": 50, "general": 40}
TOTAL_MINIMUM = 220  # the whole bank
ROLE_MINIMUM = 15  # questions that name a role family (IT) or a sales role as theirs
DUPLICATE_OVERLAP = 0.6  # share of content-word stems two questions have in common, in both languages
STRONG_MARGIN = 15  # a strong example must beat its weak twin by at least this many points


def near_duplicates(pool: list[Question] | None = None) -> list[tuple[str, str, float]]:
    """Pairs of questions that ask the same thing: the same content words (by stem) in both languages.

    Interview questions share their framing ("Tell me about a time..."), so string similarity alone
    flags different questions; the overlap of content words, in Dutch and in English, does not.
    """
    from coach.analysis.stems import cached_content_stems

    questions = sorted(pool if pool is not None else load_questions().values(), key=lambda q: q.id)
    stems = {
        q.id: {lang: cached_content_stems(q.text.get(lang), lang) for lang in ("nl", "en")} for q in questions
    }
    pairs = []
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            overlaps = []
            for lang in ("nl", "en"):
                x, y = stems[a.id][lang], stems[b.id][lang]
                overlaps.append(len(x & y) / len(x | y) if x | y else 1.0)
            if min(overlaps) >= DUPLICATE_OVERLAP:
                pairs.append((a.id, b.id, round(100 * min(overlaps), 1)))
    return pairs


def parity_problems() -> list[str]:
    """Questions whose Dutch and English lists differ in length, or whose two texts are the same."""
    problems = []
    for q in load_questions().values():
        for name in ("follow_ups", "mistakes"):
            field = getattr(q, name)
            if len(field.nl) != len(field.en):
                problems.append(f"{q.id}: {name} has {len(field.nl)} nl and {len(field.en)} en")
        for name in ("text", "tests"):
            field = getattr(q, name)
            if field.nl.strip() == field.en.strip():
                problems.append(f"{q.id}: {name} is the same in nl and en")
        for role, strong in q.examples.strongs():
            if strong.nl.strip() == strong.en.strip():
                problems.append(f"{q.id}: a strong example ({role or 'main'}) is the same in nl and en")
    return problems


def unknown_rubric_ids() -> list[str]:
    """Rubric entries that name no criterion."""
    from coach.analysis.rules import load_criteria

    criteria = load_criteria()
    return [f"{q.id}: {c}" for q in load_questions().values() for c in q.rubric if c not in criteria]


def example_scores() -> list[dict[str, Any]]:
    """The engine's score for every strong example answer (the extra ones of other roles too) and the
    weak example, in both languages: one row per strong example."""
    from coach.analysis.engine import check

    rows = []
    for q in sorted(load_questions().values(), key=lambda q: q.id):
        for lang in ("nl", "en"):
            weak = check(q.examples.weak.get(lang), question=q.id, lang=lang).score
            for role, text in q.examples.strongs():
                strong = check(text.get(lang), question=q.id, lang=lang).score
                rows.append({"id": q.id, "lang": lang, "role": role, "strong": strong, "weak": weak})
    return rows


def bank_stats() -> dict[str, Any]:
    """Everything `coach questions --stats` reports; `ok` is False when a check fails."""
    questions = load_questions().values()
    by_sector = Counter(q.sector for q in questions)
    by_role = Counter(r for q in questions for r in q.roles)
    scores = example_scores()
    inverted = [r for r in scores if r["strong"] < r["weak"] + STRONG_MARGIN]
    result: dict[str, Any] = {
        "total": len(questions),
        "by_sector": dict(sorted(by_sector.items())),
        "minimum": MINIMUM,
        "by_category": dict(sorted(Counter(f"{q.sector}.{q.category}" for q in questions).items())),
        "by_role": dict(sorted(by_role.items())),
        "role_minimum": ROLE_MINIMUM,
        "total_minimum": TOTAL_MINIMUM,
        "by_level": dict(sorted(Counter(lv for q in questions for lv in q.levels).items())),
        "parity_problems": parity_problems(),
        "near_duplicates": near_duplicates(),
        "unknown_rubric_ids": unknown_rubric_ids(),
        "examples": {
            "checked": len(scores),
            "strong_mean": round(sum(r["strong"] for r in scores) / len(scores), 1) if scores else 0,
            "weak_mean": round(sum(r["weak"] for r in scores) / len(scores), 1) if scores else 0,
            "strong_not_above_weak": inverted,
        },
    }
    result["ok"] = (
        all(by_sector.get(s, 0) >= n for s, n in MINIMUM.items())
        and len(questions) >= TOTAL_MINIMUM
        and all(by_role.get(role, 0) >= ROLE_MINIMUM for role in ROLES)
        and not result["parity_problems"]
        and not result["near_duplicates"]
        and not result["unknown_rubric_ids"]
        and not inverted
    )
    return result


def render_stats(stats: dict[str, Any], lang: str, console: Console) -> None:
    """Print the bank's statistics for a person."""
    from babel.numbers import format_decimal

    from coach.web.labels import role_label, sector_label

    locale = "nl_NL" if lang == "nl" else "en_GB"
    table = Table(header_style="bold")
    table.add_column(tr(lang, "Sector"))
    table.add_column(tr(lang, "Questions"), justify="right")
    table.add_column(tr(lang, "Minimum"), justify="right")
    for sector, minimum in stats["minimum"].items():
        table.add_row(sector_label(sector, lang), str(stats["by_sector"].get(sector, 0)), str(minimum))
    console.print(table)
    roles = Table(header_style="bold")
    roles.add_column(tr(lang, "Role"))
    roles.add_column(tr(lang, "Questions"), justify="right")
    roles.add_column(tr(lang, "Minimum"), justify="right")
    for role in ROLES:
        roles.add_row(role_label(role, lang), str(stats["by_role"].get(role, 0)), str(stats["role_minimum"]))
    console.print(roles)
    console.print(tr(lang, "Total: {count} questions, every one in Dutch and English.", count=stats["total"]))
    examples = stats["examples"]
    console.print(
        tr(
            lang,
            "Example answers scored: {n}; strong average {strong}, weak average {weak}.",
            n=examples["checked"],
            strong=format_decimal(examples["strong_mean"], format="0.0", locale=locale),
            weak=format_decimal(examples["weak_mean"], format="0.0", locale=locale),
        )
    )
    problems = [
        (tr(lang, "Language parity problems"), stats["parity_problems"]),
        (
            tr(lang, "Near-duplicate questions"),
            [f"{a} ~ {b} ({s:.0f})" for a, b, s in stats["near_duplicates"]],
        ),
        (tr(lang, "Unknown criteria in rubrics"), stats["unknown_rubric_ids"]),
        (
            tr(lang, "Strong example not clearly above the weak one"),
            [
                f"{r['id']} ({r['lang']}): {r['strong']} vs {r['weak']}"
                for r in examples["strong_not_above_weak"]
            ],
        ),
    ]
    for title, items in problems:
        console.print(f"{title}: {len(items)}", style="red" if items else "green")
        for item in items:
            console.print(f"  • {item}")
    console.print(
        tr(lang, "All checks pass.") if stats["ok"] else tr(lang, "Some checks fail."),
        style="bold green" if stats["ok"] else "bold red",
    )
