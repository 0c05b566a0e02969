"""Translations of the interface (CLI and web) with gettext catalogues read by Babel.

Messages are written in English in the code (`tr(lang, "Score")`, `_("Score")` in templates) and
translated in the .po files of locale/<lang>/LC_MESSAGES/ (one file per area of the app: messages.po,
web.po, ...; they are merged). The files are compiled in memory on first use, so no build step is
needed. Content (questions, criteria) carries its own nl/en texts and does not go through gettext.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache
from importlib import resources

LANGUAGES = ("nl", "en")


@lru_cache(maxsize=4)
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations for `lang`; English is the source language."""
    if lang != "nl":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    folder = resources.files("coach.locale").joinpath(lang, "LC_MESSAGES")
    catalog = None
    for po in sorted(folder.iterdir(), key=lambda p: p.name):
        if not po.name.endswith(".po"):
            continue
        with po.open("rb") as handle:
            part = read_po(handle, locale=lang)
        if catalog is None:
            catalog = part
        else:
            for message in part:
                if message.id:
                    catalog[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translate(lang: str, message: str, **values: object) -> str:
    """Translate `message` into `lang` and fill in `values`."""
    text = translations(lang).gettext(message)
    return text.format(**values) if values else text


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark `message` for translation where it is defined; translate it later with translate()."""
    return message


def user_language(preferred: str | None = None) -> str:
    """The language to talk to the user in: `preferred` if given, else from the environment (LANG)."""
    if preferred in LANGUAGES:
        return preferred  # type: ignore[return-value]
    env = os.environ.get("COACH_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "nl" if env.lower().startswith("nl") else "en"
