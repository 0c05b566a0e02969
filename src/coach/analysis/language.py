"""Tell Dutch from English."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from coach.analysis.text import tokenize
from coach.analysis.types import Lang
from coach.lang import load_list


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # Low-accuracy mode loads only trigram models: 40 ms instead of 0.5 s, and answers are sentences,
    # not single words, which is where the high-accuracy mode pays off.
    return (
        LanguageDetectorBuilder.from_languages(Language.DUTCH, Language.ENGLISH)
        .with_low_accuracy_mode()
        .build()
    )


@lru_cache(maxsize=2)
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(load_list(lang, "function_words"))


def function_word_counts(text: str) -> dict[Lang, int]:
    """Count the Dutch and the English function words in `text`."""
    words = [t.lower for t in tokenize(text[:20000])]
    nl, en = _function_words("nl"), _function_words("en")
    return {"nl": sum(w in nl for w in words), "en": sum(w in en for w in words)}


def detect_language(text: str, default: Lang = "en") -> Lang:
    """Return "nl" or "en" for `text`; `default` when the text gives too little to go on."""
    sample = text[:5000]
    counts = function_word_counts(sample)
    if counts["nl"] + counts["en"] >= 4:
        # Function words decide clear cases on their own (and mixed answers by majority).
        if counts["nl"] >= 2 * counts["en"]:
            return "nl"
        if counts["en"] >= 2 * counts["nl"]:
            return "en"
    if not any(ch.isalpha() for ch in sample):
        return default
    from lingua import Language

    found = _detector().detect_language_of(sample)
    if found == Language.DUTCH:
        return "nl"
    if found == Language.ENGLISH:
        return "en"
    return default
