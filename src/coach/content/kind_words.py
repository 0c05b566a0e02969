"""A small naive Bayes over a question's words: reads the kind of a question where the patterns are unsure.

Patterns (content/kinds.yaml) say exactly why they match but miss wordings nobody wrote down; this model
reads any wording, and says why in the question's own words (its cue words). It is trained when first
used, from kinds.yaml `examples` and the bank's questions, so its weights are plain data anyone can read
and change; nothing is stored that a YAML file does not already say.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

SMOOTHING = 0.05  # additive (Lidstone) smoothing of the feature counts per kind (cross-validated)
CUES = 3  # cue words given as evidence
PREFIX = 4  # a word counts by its first letters: cross-validated as well as Snowball stems, and 15x faster
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def features(text: str) -> dict[str, str]:
    """A question's features, each with the words it comes from: words cut to their first PREFIX letters
    (a cheap stem for both languages: "omschrijven", "omschrijft"), and pairs of neighbouring ones.

    Function words stay in: "would you", "heb je ooit" and "walk me" say more about the kind of a question
    than its topic does. Each feature counts once per question (short texts: presence is what matters).
    Cutting words instead of stemming them needs no language and keeps training at load cheap (the CLI's
    start-up budget)."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    cut = [w[:PREFIX] for w in words]
    found = dict(zip(cut, words, strict=True))
    for i in range(len(cut) - 1):
        found.setdefault(f"{cut[i]} {cut[i + 1]}", f"{words[i]} {words[i + 1]}")
    return found


@dataclass(frozen=True)
class WordModel:
    """Per kind, the log-probability of each feature (multinomial naive Bayes, equal priors)."""

    log_likelihood: dict[str, dict[str, float]]
    unseen: dict[str, float]  # per kind, the log-probability of a known feature it never saw

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str, float]], smoothing: float = SMOOTHING) -> WordModel:
        """Count features per kind over (kind, wording, weight) examples. Priors are equal: how many
        questions of a kind the bank holds says nothing about which kind a new question is."""
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for kind, text, weight in examples:
            for feature in features(text):
                counts[kind][feature] += weight
        vocabulary = {f for per_kind in counts.values() for f in per_kind}
        log_likelihood, unseen = {}, {}
        for kind, per_kind in counts.items():
            total = sum(per_kind.values()) + smoothing * len(vocabulary)
            log_likelihood[kind] = {f: math.log((n + smoothing) / total) for f, n in per_kind.items()}
            unseen[kind] = math.log(smoothing / total)
        return cls(log_likelihood, unseen)

    def _log_score(self, kind: str, found: Iterable[str]) -> float:
        per_kind, unseen = self.log_likelihood[kind], self.unseen[kind]
        return sum(per_kind.get(f, unseen) for f in found)

    def posterior(self, found: dict[str, str]) -> dict[str, float]:
        """The probability of each kind given the features (those the model never saw are left out)."""
        known = [f for f in found if any(f in per_kind for per_kind in self.log_likelihood.values())]
        if not known:
            return {}
        logs = {kind: self._log_score(kind, known) for kind in self.log_likelihood}
        top = max(logs.values())
        weights = {kind: math.exp(value - top) for kind, value in logs.items()}
        total = sum(weights.values())
        return {kind: weight / total for kind, weight in weights.items()}

    def cues(self, found: dict[str, str], kind: str, n: int = CUES) -> tuple[str, ...]:
        """The question's words that speak most for `kind`: the features whose log-probability under it
        most exceeds their mean under the other kinds (only those that speak for it)."""
        if kind not in self.log_likelihood:
            return ()
        others = [k for k in self.log_likelihood if k != kind]
        lift = {}
        for feature in found:
            if not any(feature in per_kind for per_kind in self.log_likelihood.values()):
                continue
            own = self.log_likelihood[kind].get(feature, self.unseen[kind])
            rest = sum(self.log_likelihood[k].get(feature, self.unseen[k]) for k in others) / len(others)
            if own - rest > 0:
                lift[feature] = own - rest
        ranked = sorted(lift, key=lambda f: (-lift[f], f))[:n]
        return tuple(found[f] for f in ranked)
