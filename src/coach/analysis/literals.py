"""Skip the regular expressions that cannot match an answer, found by the words every match must contain.

Python's `re` tries every alternative of a pattern at every position of the text: a criterion with forty
phrasings costs forty tries per character, though most of its phrasings share no word with the answer. A
pattern such as `\\bmijn (?:grote |eigen )?fout\\b` can only match a text that contains "mijn " and "fout";
"is 'fout' in the answer" is one fast substring search. So before an alternation runs, each of its
alternatives whose required words are all absent is left out, and only the rest are searched.

This never changes a result. An alternative left out has no match anywhere in the text, so the
alternation of the others finds exactly the same matches (`Alternation.finditer` merges the matches of
the alternatives that are left just as `re` would: the leftmost first, and at one position the first
alternative in order). When the analysis can't tell what a pattern needs (a character class, a
back-reference, a flag it doesn't follow), it assumes nothing and the pattern always runs.

The literals of all alternations are tested at once (`LiteralIndex`, one for the folded answer the
criteria search and one for case-insensitive searches): one scan of the answer finds which of them occur,
and each alternation then only looks up its alternatives' clauses in the result, instead of making a
substring test per literal (about 1,400 per 300-word answer, spread over every criterion).

What a pattern needs is read from the parse tree of Python's own regular-expression parser (`re._parser`,
private but stable since Python 3.0 as `sre_parse`); anything it doesn't know makes it assume nothing.
"""

from __future__ import annotations

import _sre
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES
from typing import Any, ClassVar

try:
    import ahocorasick_rs
except ImportError:  # a dependency; without it the literals are found with `re` alone (see _scanner)
    ahocorasick_rs = None  # type: ignore[assignment]

MAX_EXACT = 64  # the most strings a part of a pattern is spelled out into ("(?:a|b)(?:c|d)": 4)
MAX_STARTS = 8  # a pattern's first item is spelled out whole; what follows only while it stays this few
MAX_ALL = 8  # the most strings of one set `needs_all` tests (each costs a look-up in every long answer)
# characters (about 80 words): in a process that has not yet searched a longer text, every pattern runs
# whole in a shorter one (see Alternation.alive)
MIN_TEXT = 500

# Under IGNORECASE, `re` matches a character when both lower-case to the same character, or to characters
# it treats as one ("i" and dotless "ı", "s" and long "ſ", Greek sigma and final sigma: re/_casefix.py).
# Mapping each such group to one character makes "can these match?" a plain substring test.
_CANON = {code: min(code, *others) for code, others in _EXTRA_CASES.items() if min(code, *others) != code}
_CANON_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_CANON)) + "]")
_DOTTED_I = "\u0130"  # "İ": str.lower() gives two characters, `re` compares it as "i"

# A string every match contains, and the words in it that every match has as whole words: in
# `\\bmijn (?:eigen )?fout\\b` the string "mijn " must occur, and "mijn" as a word of its own. Testing that
# a word is among the text's words is a set look-up; testing a substring scans the whole text, which is
# slow for the many strings an answer doesn't contain. So the words are tested first.
Literal = tuple[str, tuple[str, ...]]
Needed = frozenset[Literal] | None  # one of these is in every match; None: nothing is known

# the literals with one string: the whole words of each, and the numbers of its clauses (LiteralIndex)
InClauses = list[tuple[tuple[str, ...], frozenset[int]]]

_MARK = "\x00"  # stands for \b in the strings spelled out for `needs` (a text never has it: see `needs`)
_WORD_RE = re.compile(r"\w+")


class Haystack:
    """A text as the literal tests see it, remembering what was looked up in it: the patterns of one answer
    look for the same few strings ("ik ", "we ") again and again.

    `words`: whether the whole-word tests hold, which they do when the patterns search this very text
    (not for `ignorecase_haystack`, whose letters are lower-cased copies)."""

    __slots__ = ("text", "words", "_has", "_at", "_words", "_starts", "_within", "_found", "_met")

    def __init__(self, text: str, words: bool = True) -> None:
        self.text = text
        self.words = words
        self._has: dict[Literal, bool] = {}
        self._at: dict[str, list[int]] = {}
        self._words: frozenset[str] | None = None
        self._starts: dict[frozenset[str], list[int]] = {}
        self._within: dict[tuple[tuple[int, int], ...], dict[str, set[int]]] = {}
        # what the shared index found in the text: the strings it knew then and those that occur, and how
        # many clauses it knew with the clauses that hold (`met`)
        self._found: tuple[frozenset[str], frozenset[str]] | None = None
        self._met: tuple[int, int] | None = None

    def word_set(self) -> frozenset[str]:
        """The words of the text (runs of word characters)."""
        if self._words is None:
            self._words = frozenset(_WORD_RE.findall(self.text))
        return self._words

    def has(self, literal: Literal) -> bool:
        """Whether the literal occurs in the text (its words as whole words)."""
        found = self._has.get(literal)
        if found is None:
            string, words = literal
            if words and self.words and not (self._words or self.word_set()).issuperset(words):
                found = False
            elif self._found is not None and string in self._found[0]:
                found = string in self._found[1]  # the index scanned for it already
            else:
                found = string in self.text
            self._has[literal] = found
        return found

    def met(self, clauses: int) -> int | None:
        """The clauses of the shared index (`_INDEXES`) that hold in this text (bit n set for clause n), when
        known for its first `clauses` clauses (an alternation's all have lower numbers); the text is
        scanned on the first call.

        None when the index has learnt clauses since the scan that it has not yet built its scanner for:
        only while alternations are analysed for the first time (the scanner is rebuilt for the next text,
        not for each alternation, as a rebuild takes in every literal)."""
        if self._met is None or self._met[0] < clauses:
            index = _INDEXES[self.words]
            if self._met is not None and index.built() < clauses:
                return None
            scan = index.scan()
            found = scan.found(self.text)
            self._found = scan.known, found
            self._met = scan.clauses, scan.met(found, self.word_set() if self.words else frozenset())
        return self._met[1]

    def at(self, s: str) -> list[int]:
        """Every position where `s` occurs in the text, overlapping ones too."""
        positions = self._at.get(s)
        if positions is None:
            positions = self._at[s] = []
            if self._found is not None and s in self._found[0] and s not in self._found[1]:
                return positions  # the index's scan found it nowhere
            i = self.text.find(s)
            while i >= 0:
                positions.append(i)
                i = self.text.find(s, i + 1)
        return positions

    def within(self, spans: tuple[tuple[int, int], ...]) -> dict[str, set[int]]:
        """A memo for `Alternation.alive_in`: for each string looked up, which of `spans` hold it whole
        (the STAR cues and leads of one answer ask about the same sentences and often the same strings)."""
        memo = self._within.get(spans)
        if memo is None:
            memo = self._within[spans] = {}
        return memo

    def starts(self, strings: frozenset[str]) -> list[int]:
        """Every position where one of `strings` occurs, in order (kept: alternatives of different
        criteria often start alike, "ik " or "we ")."""
        positions = self._starts.get(strings)
        if positions is None:
            found: set[int] = set()
            for s in self.occurring(strings):
                found.update(self.at(s))
            positions = self._starts[strings] = sorted(found)
        return positions

    def occurring(self, strings: frozenset[str]) -> frozenset[str]:
        """`strings` without those the index's scan found nowhere in the text (two set operations instead
        of a look-up per string: most strings asked about don't occur)."""
        if self._found is None:
            return strings
        known, found = self._found
        return (strings & found) | (strings - known)


@lru_cache(maxsize=8)
def ignorecase_haystack(text: str) -> Haystack:
    """`text` as case-insensitive patterns see it (the same length), for `needs(..., ignorecase=True)`.

    Kept for the last few texts: the fillers, hedges and case-sensitive criteria of one answer all ask for
    it (five times per check), and lower-casing plus `translate` cost a quarter of a millisecond each time
    on a 300-word answer. The translation is skipped when the text has none of the characters it maps
    (one scan in C instead of a dictionary look-up per character)."""
    if _DOTTED_I in text:
        text = text.replace(_DOTTED_I, "i")
    lowered = text.lower()
    if _CANON_RE.search(lowered) is not None:
        lowered = lowered.translate(_CANON)
    return Haystack(lowered, words=False)


def _char(code: int, ignorecase: bool) -> str:
    if not ignorecase:
        return chr(code)
    lowered = _sre.unicode_tolower(code)
    return chr(_CANON.get(lowered, lowered))


@lru_cache(maxsize=256)
def _parse(pattern: str, flags: int) -> Any:
    """Python's parse of `pattern` (kept for the three readings of it below), or None."""
    try:
        return sre_parse.parse(pattern, flags)
    except re.error:
        return None


@lru_cache(maxsize=8192)
def needs(pattern: str, flags: int = 0) -> Needed:
    """Strings of which every match of `pattern` contains at least one, or None when that can't be told.

    With IGNORECASE in `flags` the strings are in lower case, to be looked for in `ignorecase_haystack`.
    """
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    ignorecase = bool(parsed.state.flags & re.IGNORECASE)
    if ignorecase != bool(flags & re.IGNORECASE) or _MARK in pattern:  # an inline (?i) not known about
        return None
    strings = _sequence(parsed.data, ignorecase, True)[1]
    return None if strings is None else _literals(strings)


@lru_cache(maxsize=8192)
def needs_all(pattern: str, flags: int = 0) -> tuple[frozenset[Literal], ...]:
    """Every set of strings (beside `needs`) of which every match of `pattern` contains at least one:
    `\\bmijn (?:eigen )?fout\\b` needs "mijn " and also "fout". A text that lacks all strings of one of
    them has no match; testing them all rules out far more alternatives than `needs` alone (whose common
    words, "ik " or "dat ", most answers have). Empty when nothing more is known."""
    parsed = _parse(pattern, flags)
    first = needs(pattern, flags)
    if parsed is None or first is None:
        return ()
    ignorecase = bool(parsed.state.flags & re.IGNORECASE)
    every: list[frozenset[str]] = []
    _sequence(parsed.data, ignorecase, True, every)
    found = {_literals(strings) for strings in map(_reduced, every)} - {first}
    # not too many strings, and none so short that every text has it (unless it is a whole word: a set
    # look-up)
    found = {need for need in found if len(need) <= MAX_ALL and all(len(s) >= 3 or w for s, w in need)}
    # a set that another one implies is left out: where each string of B contains one of A, B present is A
    # present ("ik heb" needed makes "ik " needed too)
    kept = [a for a in found if not any(b != a and _implies(b, a) for b in (first, *found))]
    return tuple(sorted(kept, key=lambda need: (len(need), sorted(need))))


def _implies(b: frozenset[Literal], a: frozenset[Literal]) -> bool:
    """Whether a text with one of the literals `b` has one of the literals `a`."""
    return all(any(sa in sb and set(wa) <= set(wb) for sa, wa in a) for sb, wb in b)


def _literals(strings: frozenset[str]) -> frozenset[Literal]:
    """The needed strings (with \\b marked) as literals: the string without the marks, and its whole words
    (a run of word characters with a non-word character or a \\b on both sides); without those that
    contain another with no more whole words ("vorig" is enough for "vorige")."""
    found: list[Literal] = []
    for marked in strings:
        found.append((marked.replace(_MARK, ""), _whole_words(marked)))
    return frozenset(
        (s, w)
        for s, w in found
        if not any((o, ow) != (s, w) and o in s and set(ow) <= set(w) for o, ow in found)
    )


def _sequence(
    items: Iterable[tuple[Any, Any]],
    ignorecase: bool,
    marks: bool = False,
    every: list[frozenset[str]] | None = None,
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(every string the sequence can match, if few; what every match of it contains). With `marks`, a
    \\b is spelled out as _MARK. With `every`, each set of strings that every match contains one of (the
    second item is the cheapest of them to test) is added to it."""
    run: set[str] | None = {""}  # the strings the items since the last open-ended one spell out
    whole = True  # whether every item so far could be spelled out
    candidates: list[frozenset[str]] = []

    def close() -> None:
        if run is not None and all(s.replace(_MARK, "") for s in run):
            candidates.append(frozenset(run))

    for op, av in items:
        exact, need = _node(op, av, ignorecase, marks, every)
        if need:
            candidates.append(need)
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_EXACT:
            run = {a + b for a, b in product(run, exact)}
            close()  # the run so far is needed too, and may be cheaper to test than the whole run
            continue
        boundary = marks and exact is None and _nonword(op, av)
        if boundary and run is not None:  # a word before or after `\\s+` ends or starts there: whole
            run = {s + _MARK for s in run}
        close()
        whole = False
        run = set(exact) if exact is not None else {_MARK if boundary else ""}
    close()
    if every is not None:
        every.extend(candidates)
    best = min(map(_reduced, candidates), key=_cost, default=None)
    return (frozenset(run) if whole and run is not None else None), best


_NONWORD_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)


def _nonword(op: Any, av: Any) -> bool:
    """Whether every match of a parsed item is one or more characters that are not word characters
    (`\\s+`, `\\W`): a word just before or after it is whole."""
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, inner = av
        return low >= 1 and len(inner) == 1 and _nonword(*inner[0])
    if op is not sre.IN:
        return False
    return all(
        (kind is sre.CATEGORY and value in _NONWORD_CATEGORIES)
        or (kind is sre.LITERAL and _WORD_RE.match(chr(value)) is None)
        for kind, value in av
    )


def _reduced(strings: frozenset[str]) -> frozenset[str]:
    """`strings` without those that contain another of them (finding "vorig" is enough for "vorige")."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _cost(strings: frozenset[str]) -> tuple[bool, int, int]:
    """Which needed strings to test: not strings so short that most texts have them; then the fewest
    scans of the text (a string with a whole word in it is mostly ruled out by a set look-up)."""
    shortest = min(len(s.replace(_MARK, "")) for s in strings)
    return shortest < 3, sum(1 if _whole_words(s) else 8 for s in strings), -shortest


def _whole_words(marked: str) -> tuple[str, ...]:
    """The runs of word characters in `marked` with a non-word character or a \\b on both sides."""
    return tuple(m.group() for m in _WORD_RE.finditer(marked) if m.start() > 0 and m.end() < len(marked))


def _node(
    op: Any, av: Any, ignorecase: bool, marks: bool = False, every: list[frozenset[str]] | None = None
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(every string the item can match, if few; what every match of it contains) for one parsed item.
    With `every`, what every match of a group it must match contains is added to it (not of a branch:
    a match takes only one)."""
    if op is sre.LITERAL:
        char = _char(av, ignorecase)
        return frozenset({char}), frozenset({char})
    if op is sre.IN:
        items = av
        if all(kind is sre.LITERAL for kind, _ in items):
            chars = frozenset(_char(code, ignorecase) for _, code in items)
            return chars, chars
        return None, None
    if op is sre.BRANCH:
        branches = [_sequence(branch, ignorecase, marks) for branch in av[1]]
        exacts = [exact for exact, _ in branches if exact is not None]
        exact = None
        if len(exacts) == len(branches):
            union = frozenset[str]().union(*exacts)
            exact = union if len(union) <= MAX_EXACT else None
        wanted = [need for _, need in branches if need]
        need = frozenset[str]().union(*wanted) if len(wanted) == len(branches) else None
        return exact, need
    if op is sre.SUBPATTERN:
        _, add_flags, _, inner = av
        if add_flags & re.IGNORECASE and not ignorecase:  # case-insensitive inside a case-sensitive pattern
            return None, None
        return _sequence(inner, ignorecase, marks, every)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ignorecase, marks, every)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, inner = av
        exact, need = _sequence(inner, ignorecase, marks, every if low >= 1 else None)
        if exact is not None and low == high and len(exact) ** low <= MAX_EXACT:
            return frozenset("".join(parts) for parts in product(exact, repeat=low)), need if low else None
        if exact is not None and (low, high) == (0, 1):
            return exact | {""}, None
        return None, need if low >= 1 else None
    if op is sre.AT and marks and av is sre.AT_BOUNDARY:
        return frozenset({_MARK}), None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""}), None  # zero-width: adds nothing to the matched text
    return None, None  # any character, a category, a back-reference: nothing known


@lru_cache(maxsize=8192)
def prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` starts with (as `needs` gives them), or None."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    ignorecase = bool(parsed.state.flags & re.IGNORECASE)
    if ignorecase != bool(flags & re.IGNORECASE):
        return None
    return _starts(parsed.data, ignorecase)


def _starts(items: Iterable[tuple[Any, Any]], ignorecase: bool) -> frozenset[str] | None:
    """What every match of a parsed sequence starts with: the strings its leading items spell out."""
    run = {""}
    for op, av in items:
        exact, _ = _node(op, av, ignorecase)
        if run != {""} and (exact is None or len(run) * len(exact) > MAX_STARTS):
            break  # enough to go on: each more string to look for costs a search of the text
        if exact is not None and len(run) * len(exact) <= MAX_EXACT:
            run = {a + b for a, b in product(run, exact)}
            continue
        head = _item_starts(op, av, ignorecase)
        if head is not None and len(run) * len(head) <= MAX_EXACT:
            run = {a + b for a, b in product(run, head)}
        break
    if "" in run:
        return None
    return frozenset(s for s in run if not any(o != s and s.startswith(o) for o in run))


def _item_starts(op: Any, av: Any, ignorecase: bool) -> frozenset[str] | None:
    """What every match of one item that can't be spelled out whole starts with, or None."""
    if op is sre.SUBPATTERN:
        _, add_flags, _, inner = av
        return None if add_flags & re.IGNORECASE and not ignorecase else _starts(inner, ignorecase)
    if op is sre.BRANCH:
        heads = [head for head in (_starts(branch, ignorecase) for branch in av[1]) if head is not None]
        return frozenset[str]().union(*heads) if len(heads) == len(av[1]) else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _starts(av[2], ignorecase)
    return None


@lru_cache(maxsize=8192)
def splittable(pattern: str, flags: int = 0) -> bool:
    """Whether `pattern` run on its own finds what it finds as one alternative of a longer alternation:
    no back-references (their group numbers shift) and no empty match (re treats those specially)."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return False
    return parsed.getwidth()[0] > 0 and not _has_groupref(parsed.data)


def _has_groupref(items: Iterable[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True
        if op is sre.BRANCH and any(_has_groupref(b) for b in av[1]):
            return True
        if op is sre.SUBPATTERN and _has_groupref(av[3]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and _has_groupref(av[2]):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _has_groupref(av[1]):
            return True
        if op is sre.ATOMIC_GROUP and _has_groupref(av):
            return True
    return False


@lru_cache(maxsize=8192)
def _by_string(need: frozenset[Literal]) -> tuple[frozenset[str], dict[str, list[Literal]]]:
    """The strings of the literals `need`, and the literals with each string."""
    literals: dict[str, list[Literal]] = {}
    for literal in need:
        literals.setdefault(literal[0], []).append(literal)
    return frozenset(literals), literals


def _possible(tests: Sequence[frozenset[Literal]], has: Callable[[Literal], bool]) -> bool:
    """Whether each of the sets `tests` has a literal that `has` finds (a loop: this runs thousands of
    times per answer)."""
    for need in tests:
        for literal in need:
            if has(literal):
                break
        else:
            return False
    return True


class LiteralIndex:
    """Every clause (a set of literals of which a match contains one, as `needs` and `needs_all` give
    them) of every alternation analysed so far that searches one kind of text, to tell at once which of
    them hold in a text. There are two (`_INDEXES`): one for the folded answer that the criteria search
    (a Haystack with `words`), one for `ignorecase_haystack` (fillers, hedges, a few criteria).

    A clause holds when one of its literals occurs: its string is in the text and, with `words`, its
    whole words are among the text's words (as `Haystack.has` tests it). The strings of all clauses are
    found in one scan (`_scanner`); then each string found brings the clauses of its literals whose words
    the text has. An alternation's alternative can match only where each of its clauses holds, a subset
    test per alternative on sets of numbers. The scan also looks for the strings the alternatives start with
    (`prefixes`), whose places `Alternation` asks for: about 400 per answer, most of which don't occur,
    each a search of the whole text (`Haystack.at`) unless the scan says it is not there.

    Answers may be checked in several threads (the web app): clauses are added under a lock, and a text is
    scanned with a `Scan` that never changes once built."""

    def __init__(self, words: bool) -> None:
        self.words = words
        self.clauses: dict[frozenset[Literal], int] = {}
        # each string, with the clauses each of its literals (the string with some whole words) is in
        self._strings: dict[str, dict[tuple[str, ...], list[int]]] = {}
        self._added = 0  # clauses and strings added, to tell when the scan is out of date
        self._lock = threading.Lock()
        self._scan = Scan(0, 0, {}, words)

    def clause(self, need: frozenset[Literal]) -> int:
        """The number of the clause `need` (a new one is numbered on from the last)."""
        number = self.clauses.get(need)
        if number is None:
            with self._lock:
                number = self.clauses.get(need)
                if number is None:
                    number = len(self.clauses)
                    for string, words in need:
                        self._strings.setdefault(string, {}).setdefault(words, []).append(number)
                    self.clauses[need] = number
                    self._added += 1
        return number

    def add(self, strings: Iterable[str]) -> None:
        """Have the scan find `strings` too (what alternatives start with: `Haystack.at` then knows
        without a search of the text where most of them are not)."""
        new = [string for string in strings if string not in self._strings]
        if new:
            with self._lock:
                for string in new:
                    if string not in self._strings:
                        self._strings[string] = {}
                        self._added += 1

    def scan(self) -> Scan:
        """The scan for every clause so far (built again when clauses were added since the last one)."""
        scan = self._scan
        if scan.added != self._added:
            with self._lock:
                scan = self._scan
                if scan.added != self._added:
                    strings = {
                        s: [(w, frozenset(n)) for w, n in by.items()] for s, by in self._strings.items()
                    }
                    scan = self._scan = Scan(len(self.clauses), self._added, strings, self.words)
        return scan

    def built(self) -> int:
        """How many clauses the last scan built covers."""
        return self._scan.clauses


class Scan:
    """The strings of the first `clauses` clauses of the index, as one scanner, and the clauses each
    literal with the string is in (see LiteralIndex).

    A set of clauses is an int, with bit n set for clause n: `met` ORs the sets of the literals found
    (a literal such as "ik " is in hundreds of clauses) and an alternative's test is an AND, each a few
    machine words. The literals are sorted by what they need beside their string, so that most tests are
    set operations: a literal with no whole word holds when its string occurs; one that is a single whole
    word ("fout" in `\\bfout\\b`) when the text has that word (its string then occurs too); any other when
    its string occurs and the text has all its words."""

    __slots__ = ("clauses", "added", "known", "_found", "_bare", "_word", "_other")

    def __init__(self, clauses: int, added: int, strings: dict[str, InClauses], words: bool) -> None:
        self.clauses = clauses
        self.added = added
        self.known = frozenset(strings)
        self._found = _scanner(self.known)
        self._bare: dict[str, int] = {}
        self._word: dict[str, int] = {}
        self._other: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for string, literals in strings.items():
            for needed, numbers in literals:
                bits = _bits(numbers)
                if not needed or not words:  # without `words`, a literal holds when its string occurs
                    self._bare[string] = self._bare.get(string, 0) | bits
                elif needed == (string,):
                    self._word[string] = self._word.get(string, 0) | bits
                else:
                    self._other.setdefault(string, []).append((needed, bits))

    def found(self, text: str) -> frozenset[str]:
        """The strings that occur in `text`."""
        return self._found(text)

    def met(self, found: frozenset[str], words: frozenset[str]) -> int:
        """The clauses that hold in a text that has the strings `found` and the words `words`."""
        bare, word, other = self._bare, self._word, self._other
        met = 0
        for string in found & bare.keys():
            met |= bare[string]
        for string in words & word.keys():
            met |= word[string]
        for string in found & other.keys():
            for needed, bits in other[string]:
                if words.issuperset(needed):
                    met |= bits
        return met


def _bits(numbers: Iterable[int]) -> int:
    """The set of clause numbers `numbers` as an int (bit n for clause n)."""
    bits = 0
    for n in numbers:
        bits |= 1 << n
    return bits


def _scanner(strings: Iterable[str]) -> Callable[[str], frozenset[str]]:
    """A function giving the `strings` that occur in a text, by one scan of it.

    An Aho-Corasick automaton (ahocorasick-rs, in Rust) reports every occurrence of every string in one
    pass: 0.03 ms on a 300-word answer for the 8,000 or so strings of all criteria, built in 10 ms. Without
    the package, the same strings are found with Python's `re` (`_trie_scanner`), four times slower.
    """
    known = [s for s in strings if s]
    if ahocorasick_rs is None or not known:
        return _trie_scanner(known)
    # store_patterns: the strings are returned as stored, not sliced from the text (twice as fast)
    automaton = ahocorasick_rs.AhoCorasick(known, store_patterns=True)
    return lambda text: frozenset(automaton.find_matches_as_strings(text, overlapping=True))


def _trie_scanner(strings: Iterable[str]) -> Callable[[str], frozenset[str]]:
    """`_scanner` with Python's `re` alone: one regular-expression scan of the text.

    The strings make one trie, written as a pattern (`ik |ikzelf|in` as `i(?:k(?: |zelf)|n)`), inside a
    look-ahead so that it is tried at every position of the text: at each it captures the longest of the
    strings that starts there (each optional tail is greedy). Every string that occurs is a prefix of what
    is captured where it starts, so the strings found are exactly those that lie within a capture, found
    by slicing each (distinct) capture once and kept for later texts. `re` tries the trie's branches one
    by one: about 0.4 ms on a 300-word answer, still less than the substring tests it replaces.
    """
    known = frozenset(s for s in strings if s)
    trie: dict[str, Any] = {}
    for string in known:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}  # a string ends here

    def written(node: dict[str, Any]) -> str:
        tails = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not tails:
            return ""
        either = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        return f"(?:{either})?" if "" in node else either

    pattern = re.compile(f"(?=({written(trie)}))" if known else "(?!)")  # (?!) never matches
    inside: dict[str, frozenset[str]] = {}  # each capture seen, with the strings within it

    def scan(text: str) -> frozenset[str]:
        found: set[str] = set()
        for longest in set(pattern.findall(text)):
            within = inside.get(longest)
            if within is None:
                n = len(longest)
                slices = (longest[i:j] for i in range(n) for j in range(i + 1, n + 1))
                within = inside[longest] = frozenset(s for s in slices if s in known)
            found |= within
        return frozenset(found)

    return scan


_INDEXES = {True: LiteralIndex(words=True), False: LiteralIndex(words=False)}  # by Haystack.words


class Alternation:
    """`(?:p1)|(?:p2)|...` compiled with `flags`, searched with only the alternatives that can match.

    `haystack` in the methods is the searched text itself for a case-sensitive alternation, and
    `ignorecase_haystack(text)` for one with IGNORECASE (the same length as the text); None runs the
    whole alternation. `alive` (from `alive()`) names the alternatives to try.

    An alternative whose matches all start with known strings (`prefixes`: "\\b(?:ik|we) besloten" starts
    with "ik besloten" or "we besloten") is tried only where one of them occurs in the text; the others
    are searched for as `re` would, from each position on.
    """

    __slots__ = (
        "patterns", "flags", "needs", "more", "starts", "split", "_whole", "_parts", "_tests", "_clauses",
    )
    warm: ClassVar[bool] = False  # whether an alternation has searched a long text (see `alive`)

    def __init__(self, patterns: Sequence[str], flags: int) -> None:
        self.patterns = tuple(patterns)
        self.flags = flags
        self._whole: re.Pattern[str] | None = None
        self._parts: list[re.Pattern[str] | None] = [None] * len(self.patterns)
        self.split = False
        self.needs: tuple[Needed, ...] = ()
        self.more: tuple[tuple[frozenset[Literal], ...], ...] = ()  # what else each needs (`needs_all`)
        self.starts: tuple[frozenset[str] | None, ...] = ()
        self._tests: list[tuple[frozenset[Literal], ...]] | None = None
        # for each index (by Haystack.words): how many clauses it had when this alternation's were added,
        # and the set of each alternative's clauses
        self._clauses: dict[bool, tuple[int, list[int]]] = {}

    def _analyse(self) -> None:
        """Read what each alternative needs, on the first text `alive` tests (it costs about a second for
        all criteria together: kept out of the CLI's start-up on a short answer, see `alive`)."""
        if self._tests is not None:
            return
        self.split = all(splittable(p, self.flags) for p in self.patterns)
        self.needs = tuple(needs(p, self.flags) for p in self.patterns)
        self.more = tuple(needs_all(p, self.flags) for p in self.patterns)
        # what each alternative needs, all sets together, the cheapest to test first
        pairs = zip(self.needs, self.more, strict=True)
        self.starts = tuple(prefixes(p, self.flags) for p in self.patterns)
        self._tests = [() if need is None else (need, *more) for need, more in pairs]

    @property
    def whole(self) -> re.Pattern[str]:
        """The patterns as one alternation, compiled on first use."""
        if self._whole is None:
            self._whole = re.compile("|".join(f"(?:{p})" for p in self.patterns), self.flags)
        return self._whole

    def part(self, i: int) -> re.Pattern[str]:
        """Alternative `i` on its own, compiled on first use."""
        compiled = self._parts[i]
        if compiled is None:
            compiled = self._parts[i] = re.compile(self.patterns[i], self.flags)
        return compiled

    def alive(self, haystack: Haystack | None) -> list[int] | None:
        """The alternatives that could match; None when that can't be told.

        Also None for a short text (under MIN_TEXT characters) as long as no alternation has searched a
        longer one: reading what the patterns need costs about a second for all criteria together, which
        the CLI checking one short answer would pay for nothing. A process that checks long answers (the
        web app, a batch, a benchmark) pays it once, and then the tests pay on any text: a check of a
        50-word answer takes half the time.
        """
        if haystack is None:
            return None
        if len(haystack.text) < MIN_TEXT:
            if not Alternation.warm:
                return None
        elif not Alternation.warm:
            Alternation.warm = True
        self._analyse()
        tests = self._tests
        assert tests is not None
        # the clauses that hold are known at once (LiteralIndex), unless the index is out of date
        numbered = self._clauses.get(haystack.words)
        if numbered is None:
            index = _INDEXES[haystack.words]
            index.add(string for starts in self.starts if starts is not None for string in starts)
            clauses = [_bits(index.clause(need) for need in needed) for needed in tests]
            numbered = self._clauses[haystack.words] = len(index.clauses), clauses
        count, clauses = numbered
        met = haystack.met(count)
        if met is not None:
            return [i for i, needed in enumerate(clauses) if needed & met == needed]
        has = haystack.has
        return [i for i, needed in enumerate(tests) if _possible(needed, has)]

    def alive_in(self, haystack: Haystack, spans: Sequence[tuple[int, int]]) -> list[list[int] | None]:
        """For each of `spans` (sorted, not overlapping) of the haystack's text, the alternatives that
        could match in that part of it searched as a string of its own (every needed string of a match
        lies inside it); all None for a short text."""
        alive_here = self.alive(haystack)
        if alive_here is None:
            return [None] * len(spans)
        starts = [start for start, _ in spans]
        memo = haystack.within(tuple(spans))
        alive: list[list[int]] = [[] for _ in spans]

        def holding(need: frozenset[Literal]) -> set[int]:
            """The spans that hold one of the literals `need` whole."""
            hit: set[int] = set()
            strings, literals = _by_string(need)
            for s in haystack.occurring(strings):
                if not any(haystack.has(literal) for literal in literals[s]):
                    continue
                held = memo.get(s)
                if held is None:
                    held = memo[s] = set()
                    for p in haystack.at(s):
                        k = bisect_right(starts, p) - 1
                        if k >= 0 and p + len(s) <= spans[k][1]:
                            held.add(k)
                hit |= held
            return hit

        for i in alive_here:
            need = self.needs[i]
            if need is None:
                for found in alive:
                    found.append(i)
                continue
            hit = holding(need)
            for other in self.more[i]:
                if not hit:
                    break
                hit &= holding(other)
            for k in hit:
                alive[k].append(i)
        return list(alive)

    def _finders(self, text: str, haystack: Haystack | None, alive: list[int]) -> list[Finder]:
        return [_finder(self.part(i), text, haystack, self.starts[i]) for i in alive]

    def finditer(
        self, text: str, haystack: Haystack | None, alive: list[int] | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of the alternation in `text`, as `self.whole.finditer(text)` gives them."""
        if alive is None:
            alive = self.alive(haystack)
        if alive is None or not self.split:  # self.split is known once alive() has told anything
            return self.whole.finditer(text) if alive is None or alive else iter(())
        if len(alive) == 1 and (self.starts[alive[0]] is None or haystack is None):
            return self.part(alive[0]).finditer(text)  # one alternative: re's own scan
        return _merged(self._finders(text, haystack, alive))

    def search(self, text: str, haystack: Haystack | None, alive: list[int] | None = None) -> bool:
        """Whether the alternation matches anywhere in `text`."""
        if alive is None:
            alive = self.alive(haystack)
        if alive is None or not self.split:
            return (alive is None or bool(alive)) and self.whole.search(text) is not None
        return any(find(0) is not None for find in self._finders(text, haystack, alive))

    def match(self, text: str, haystack: Haystack | None, alive: list[int] | None = None) -> bool:
        """Whether the alternation matches at the start of `text`."""
        if alive is None:
            alive = self.alive(haystack)
        if alive is None or not self.split:
            return (alive is None or bool(alive)) and self.whole.match(text) is not None
        return any(self.part(i).match(text) is not None for i in alive)


Finder = Callable[[int], "re.Match[str] | None"]  # the first match starting at or after a position


def _finder(
    pattern: re.Pattern[str],
    text: str,
    haystack: Haystack | None,
    starts: frozenset[str] | None,
) -> Finder:
    """`pattern.search(text, pos)` as a function of pos; where the matches' first characters are known,
    it tries `pattern.match` only where they occur (the same match: a match at a position doesn't depend
    on where the search began, as look-behinds and \\b see the whole string)."""
    if starts is None or haystack is None:
        return lambda pos: pattern.search(text, pos)
    positions = haystack.starts(starts)
    if len(positions) > len(text) // 4:  # too common to be worth it
        return lambda pos: pattern.search(text, pos)

    def find(pos: int) -> re.Match[str] | None:
        for i in positions[bisect_left(positions, pos) :]:
            m = pattern.match(text, i)
            if m is not None:
                return m
        return None

    return find


def _merged(finders: list[Finder]) -> Iterator[re.Match[str]]:
    """The matches of `(?:p0)|(?:p1)|...` from each alternative's finder (in the alternatives' order).

    `re` scans left to right: at the first position where any alternative matches, the first alternative
    that matches there wins, and the scan goes on from the end of that match. Each alternative's next match
    is kept until the scan passes its start. No alternative matches the empty string (`splittable`), so the
    scan never stays in place.
    """
    heads = [find(0) for find in finders]
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for i, m in enumerate(heads):
            if m is None:
                continue
            if m.start() < pos:
                m = heads[i] = finders[i](pos)
                if m is None:
                    continue
            if best is None or m.start() < best.start():
                best = m
        if best is None:
            return
        yield best
        pos = best.end()
