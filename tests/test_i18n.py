"""Every interface text (code and templates) has a Dutch translation, and placeholders survive translation."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

SRC = Path(__file__).resolve().parents[1] / "src" / "coach"
KEYWORDS = {"tr": (2,), "translate": (2,), "_": None, "N_": None}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")]
SAME_IN_BOTH = {
    "percentage",
    "Score: {score}/100",
    "Tip: {tip}",
    "Status",
    "Sector",
    "Score",
    "Minimum",
    "Feedback",
    "Medior",
    "Junior",
    "Senior",
    "Tip:",
    "New business",
    "Target",
    "Upsell",
    "Tools",
    "Tools: {tools}",
    "Pitch",
    "Opening",
    "Account",
    "Accounts",
    "Account: {email}",
    "Coach",
    "Link",
}


def source_messages() -> set[str]:
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(SRC), method_map=METHODS, keywords=KEYWORDS):
        if isinstance(message, str):
            found.add(message)
    return found


def dutch_catalog():  # type: ignore[no-untyped-def]
    folder = resources.files("coach.locale").joinpath("nl", "LC_MESSAGES")
    merged = None
    for po in sorted(folder.iterdir(), key=lambda p: p.name):
        if not po.name.endswith(".po"):
            continue
        with po.open("rb") as handle:
            part = read_po(handle, locale="nl")
        if merged is None:
            merged = part
            continue
        for message in part:
            if message.id:
                assert message.id not in merged, f"{message.id!r} is translated in two .po files"
                merged[message.id] = message
    return merged


def test_templates_are_scanned_too() -> None:
    assert "Practise a job interview" in source_messages()


def test_every_interface_text_has_a_dutch_translation() -> None:
    catalog = dutch_catalog()
    missing = sorted(m for m in source_messages() if not (catalog.get(m) and catalog.get(m).string))
    assert not missing, "untranslated: " + "; ".join(missing)


def test_translations_keep_their_placeholders_and_are_really_translated() -> None:
    for message in dutch_catalog():
        if not message.id:
            continue
        placeholders = set(re.findall(r"\{[^}]*\}", message.id))
        assert placeholders == set(re.findall(r"\{[^}]*\}", message.string)), message.id
        if message.id not in SAME_IN_BOTH:
            assert message.string != message.id, f"not translated: {message.id}"


def test_no_stale_translations() -> None:
    used = source_messages()
    stale = sorted(m.id for m in dutch_catalog() if m.id and m.id not in used)
    assert not stale, "translations for texts no longer in the code: " + "; ".join(stale)
