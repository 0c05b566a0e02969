"""Word stems (Snowball) for comparing an answer's topic with a question's."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from coach.analysis.text import Token, tokenize
from coach.lang import load_list


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("dutch" if lang == "nl" else "english")


@lru_cache(maxsize=20000)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a lower-case word."""
    return str(_stemmer(lang).stemWord(word))


@lru_cache(maxsize=2)
def _stop(lang: str) -> frozenset[str]:
    return frozenset(load_list(lang, "function_words")) | frozenset(load_list(lang, "stop_words"))


def is_content(token: Token, lang: str) -> bool:
    """Whether a word carries content: not a function word, not one or two letters."""
    return len(token.text) > 2 and token.lower not in _stop(lang)


def content_words(tokens: list[Token], lang: str) -> list[tuple[Token, str]]:
    """The content words among `tokens`, each with its stem (function words and one- or two-letter words
    left out)."""
    return [(t, stem(t.lower, lang)) for t in tokens if is_content(t, lang)]


def content_stems(text: str, lang: str, tokens: list[Token] | None = None) -> set[str]:
    """The stems of the content words in `text`."""
    return {s for _, s in content_words(tokens if tokens is not None else tokenize(text), lang)}


@lru_cache(maxsize=4096)
def cached_content_stems(text: str, lang: str) -> frozenset[str]:
    """content_stems for texts that come back often (question texts and keywords)."""
    return frozenset(content_stems(text, lang))
