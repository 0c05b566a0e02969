"""The literal tests (analysis/literals.py) only skip patterns that can't match: matches stay the same."""

from __future__ import annotations

import re

import pytest

from coach.analysis.literals import (
    _INDEXES,
    MIN_TEXT,
    Alternation,
    Haystack,
    LiteralIndex,
    _possible,
    _scanner,
    _trie_scanner,
    ignorecase_haystack,
    needs,
    needs_all,
)
from coach.analysis.rules import fold, load_criteria
from coach.content.bank import load_questions


def _long_texts(lang: str) -> list[str]:
    """Answers long enough for the literal tests to run: the bank's examples, a few joined together."""
    examples = [q.examples.strong.get(lang) for q in load_questions().values()]
    examples += [q.examples.weak.get(lang) for q in load_questions().values()]
    return [" ".join(examples[i : i + 4]) for i in range(0, 160, 4)]


def test_criteria_find_what_the_whole_alternation_finds() -> None:
    for lang in ("nl", "en"):
        for text in _long_texts(lang):
            folded = fold(text)
            assert folded is not None and len(folded) >= MIN_TEXT
            haystack = Haystack(folded)
            for criterion in load_criteria().values():
                for patterns in (criterion.patterns, criterion.exceptions, criterion.bad_patterns):
                    matcher = patterns.compiled(lang)
                    if matcher is None or matcher.folded is None:
                        continue
                    expected = [m.span() for m in matcher.folded.whole.finditer(folded)]
                    assert [m.span() for m in matcher.finditer(text, haystack)] == expected, criterion.id


def test_a_pattern_is_skipped_only_without_its_words() -> None:
    alternation = Alternation((r"\bmijn (?:eigen )?fout\b", r"\bvorig jaar\b"), re.UNICODE)
    text = "dit was vorig jaar, toen ik bij een webshop werkte en de checkout sneller moest maken. " * 7
    assert alternation.alive(Haystack(text)) == [1]
    assert [m.group() for m in alternation.finditer(text, Haystack(text))][:1] == ["vorig jaar"]
    needed = needs(r"\bmijn (?:eigen )?fout\b") or frozenset()
    assert needed and all("mijn" in words for _, words in needed)  # "mijn" is a whole word in every match


def test_a_pattern_is_skipped_when_any_of_its_needed_words_is_missing() -> None:
    # "mijn " is in the text, "fout" is not: every match of the first pattern needs both
    alternation = Alternation((r"\bmijn (?:eigen )?fout\b", r"\bmijn team\b"), re.UNICODE)
    text = "dit was mijn team, vorig jaar, toen ik bij een webshop werkte en de checkout sneller maakte. " * 7
    assert any(all("fout" in s for s, _ in need) for need in needs_all(alternation.patterns[0]))
    assert alternation.alive(Haystack(text)) == [1]
    assert [m.group() for m in alternation.finditer(text, Haystack(text))][:1] == ["mijn team"]


def test_a_word_before_whitespace_is_a_whole_word() -> None:
    pattern = r"\b(?:niet|nooit)\s+goed\b"
    assert {("niet", ("niet",)), ("nooit", ("nooit",))} in (needs(pattern), *needs_all(pattern))
    # "nietje" holds "niet" but not as a word: the pattern can't match, and is skipped
    alternation = Alternation((r"\b(?:niet|nooit)\s+\w+",), re.UNICODE)
    assert alternation.alive(Haystack("een nietje in het papier, verder helemaal in orde. " * 12)) == []


def test_ignorecase_haystack_keeps_the_length_and_folds_as_re_does() -> None:
    text = "İstanbul ſoftware KELVIN µ ΣΑΣ " * 20
    haystack = ignorecase_haystack(text)
    assert len(haystack.text) == len(text)
    for word in ("istanbul", "software", "kelvin"):
        assert re.search(word, text, re.IGNORECASE) and word in haystack.text


def test_each_sentence_finds_what_the_whole_alternation_finds_in_it() -> None:
    alternation = Alternation((r"\bik (?:heb|had)\b", r"\bwe (?:hebben|hadden)\b", r"\bvorig jaar\b"), re.UNICODE)
    text = "vorig jaar had ik een idee. ik heb het gedeeld. we hadden geen tijd, ik had wel zin. " * 8
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    alive = alternation.alive_in(Haystack(text), spans)
    assert any(found and len(found) > 1 for found in alive)
    for (start, end), found in zip(spans, alive, strict=True):
        sentence = text[start:end]
        expected = [m.span() for m in alternation.whole.finditer(sentence)]
        assert [m.span() for m in alternation.finditer(sentence, None, found)] == expected



def test_the_scanner_finds_exactly_the_strings_that_occur() -> None:
    # overlapping strings, strings inside others, at the very start and end, and characters re escapes
    strings = ["ik ", "ik heb", "heb", "k he", "eb ge", "ge", "mijn fout", "fout", "out", "a.b", "(x)", "€ 5", "e"]
    for scan in (_scanner(strings), _trie_scanner(strings)):
        for text in (
            "ik heb geen fout gemaakt",
            "mijn foutje: ik hebt het",
            "(x) kost € 5, a.b is geen axb",
            "",
            "e",
            "heb",
            "xik heb gekregen uit mijn fout",
        ):
            assert scan(text) == {s for s in strings if s in text}, text


def test_the_shared_index_tells_what_the_literal_tests_tell() -> None:
    # the alternatives the index leaves (the clauses that hold, looked up) are those the literal tests
    # one by one leave, on the criteria's patterns and on answers long enough for the tests; the places
    # of strings are those a search finds
    for lang in ("nl", "en"):
        matchers = [
            matcher
            for criterion in load_criteria().values()
            for patterns in (criterion.patterns, criterion.exceptions, criterion.bad_patterns)
            if (matcher := patterns.compiled(lang)) is not None and matcher.folded is not None
        ]
        for k, text in enumerate(_long_texts(lang)[:10]):
            folded = fold(text)
            assert folded is not None
            haystack, plain = Haystack(folded), Haystack(folded)
            if k:  # every alternation has its clauses in the index by now: the index answers for each
                assert haystack.met(len(_INDEXES[True].clauses)) is not None
            for matcher in matchers:
                alternation = matcher.folded
                assert alternation is not None
                by_index = alternation.alive(haystack)
                tests = alternation._tests or []
                one_by_one = [i for i, needed in enumerate(tests) if _possible(needed, plain.has)]
                assert by_index == one_by_one, matcher.patterns
                # where the alternatives' first strings are: none searched for where the scan found none
                for string in {s for starts in alternation.starts if starts for s in starts}:
                    assert haystack.at(string) == plain.at(string), string


def test_both_scanners_find_the_criteria_strings_that_occur() -> None:
    for lang in ("nl", "en"):
        for criterion in load_criteria().values():  # every criterion's clauses in the index
            matcher = criterion.patterns.compiled(lang)
            if matcher is not None and matcher.folded is not None:
                matcher.folded.alive(Haystack(" ".join(_long_texts(lang)[:1]).lower()))
    known = _INDEXES[True].scan().known
    assert len(known) > 1000
    scanners = (_scanner(known), _trie_scanner(known))
    for lang in ("nl", "en"):
        for text in _long_texts(lang)[:3]:
            folded = text.lower()
            expected = {s for s in known if s in folded}
            assert all(scan(folded) == expected for scan in scanners)


def test_a_short_text_is_tested_once_a_long_one_was(monkeypatch: pytest.MonkeyPatch) -> None:
    alternation = Alternation((r"\bmijn (?:eigen )?fout\b", r"\bvorig jaar\b"), re.UNICODE)
    short = "dit was vorig jaar, toen ik bij een webshop werkte."
    monkeypatch.setattr(Alternation, "warm", False)
    assert alternation.alive(Haystack(short)) is None  # the CLI on one short answer: no analysis
    long = (short + " ") * 12
    assert alternation.alive(Haystack(long)) == [1]
    assert Alternation.warm
    assert alternation.alive(Haystack(short)) == [1]
    assert [m.span() for m in alternation.finditer(short, Haystack(short))] == [
        m.span() for m in alternation.whole.finditer(short)
    ]


def test_the_case_insensitive_index_tells_what_the_literal_tests_tell() -> None:
    from coach.analysis.fillers import _filler_patterns, _hedge_pattern

    for lang in ("nl", "en"):
        alternations = [*_filler_patterns(lang), _hedge_pattern(lang), _hedge_pattern(lang, "hedges_soft")]
        for k, text in enumerate(_long_texts(lang)[:6]):
            haystack = ignorecase_haystack.__wrapped__(text)
            plain = ignorecase_haystack.__wrapped__(text)
            if k:
                assert haystack.met(len(_INDEXES[False].clauses)) is not None
            for alternation in alternations:
                by_index = alternation.alive(haystack)
                tests = alternation._tests or []
                assert by_index == [i for i, needed in enumerate(tests) if _possible(needed, plain.has)]
                found = [m.span() for m in alternation.finditer(text, haystack)]
                assert found == [m.span() for m in alternation.whole.finditer(text)]


def test_the_index_numbers_each_clause_once_when_threads_add_them() -> None:
    import threading

    index = LiteralIndex(words=True)
    needs_ = [frozenset({(f"woord{i} ", (f"woord{i}",)), (f"term{i % 7}", ())}) for i in range(300)]

    def add(step: int) -> None:
        for need in needs_[step::3] + needs_:
            index.clause(need)
            index.scan()

    threads = [threading.Thread(target=add, args=(k % 3,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(index.clauses.values()) == list(range(len(needs_)))
    scan = index.scan()
    assert scan.clauses == len(needs_)
    text = "in woord7 en term3 " * 40
    met = scan.met(scan.found(text), frozenset(text.split()))
    assert {n for n in range(len(needs_)) if met >> n & 1} == {index.clauses[needs_[7]]} | {
        index.clauses[need] for i, need in enumerate(needs_) if i % 7 == 3
    }

