"""Word stems (Snowball) for comparing an answer's topic with a question's."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from coach.analysis.text import Token, tokenize
from coach.lang import load_list

_local = threading.local()


def _stemmer(lang: str) -> Any:
    """This thread's Snowball stemmer for `lang`: a stemmer keeps the word it works on in its own state, so
    two threads sharing one (the web app checks answers in a thread pool) garble each other's stems or
    raise IndexError inside snowballstemmer."""
    stemmers: dict[str, Any] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if lang not in stemmers:
        import snowballstemmer

        stemmers[lang] = snowballstemmer.stemmer("dutch" if lang == "nl" else "english")
    return stemmers[lang]


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
