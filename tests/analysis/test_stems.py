"""Word stems (analysis/stems.py) under the web app's thread pool."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import snowballstemmer

from coach.analysis import stems

WORDS = [f"{base}{end}" for base in ("werk", "klant", "gesprek", "verkoop", "ontwikkel", "bespreek")
         for end in ("", "en", "ingen", "ers", "te", "de", "t", "elijk")] * 400


def test_stems_are_right_when_threads_stem_at_once() -> None:
    # a Snowball stemmer keeps the word it works on in its own state; one shared by the web app's thread pool
    # garbled stems (219 of 60,000 corpus words wrong when measured) or raised IndexError
    expected = {w: snowballstemmer.stemmer("dutch").stemWord(w) for w in set(WORDS)}

    def work(chunk: list[str]) -> int:
        return sum(stems._stemmer("nl").stemWord(w) != expected[w] for w in chunk)

    with ThreadPoolExecutor(8) as pool:
        assert sum(pool.map(work, [WORDS[i::8] for i in range(8)])) == 0
