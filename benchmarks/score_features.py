"""Which features of an answer rank it as blind recruiters do: grouped cross-validation (issue 8).

For every answer of the corpus's dev split this computes candidate features from the engine's outcomes
(engine.evaluate: per-criterion results) and from simple text statistics (words, sentences, figures, names,
first person, STAR parts, hedges...), then measures how well small linear models over named sets of those
features rank answers out of sample, next to word count on the same answers:

- grouped k-fold by question (`qid`): no question is in both the training and the test part of a fold;
- leave-one-round-out: fit on round 1, test on round 2, and the other way round. The rounds were written by
  different writers for different questions, so this is the closest to a fresh holdout.

Spearman is computed on the pooled out-of-fold predictions (overall, Dutch, English) and, for the rounds,
on each test round. The "final" rows run the score as Coach computes it (analysis/scoring.py: the fitted
model plus penalties, caps and ceilings), refitted by benchmarks/fit_score.py's own fit on each training
part, so they measure the shipped pipeline and not only its linear part.

Run: .venv/bin/python benchmarks/score_features.py [--univariate] [--forward] [--sets NAME,...]
Only the dev split is read; the holdout is never looked at.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import fit_score  # noqa: E402
from bench_agreement import load_corpus, spearman  # noqa: E402

from coach.analysis import scoring  # noqa: E402
from coach.analysis.context import Analysis, Outcome  # noqa: E402
from coach.analysis.engine import analyse, evaluate, resolve_question  # noqa: E402
from coach.analysis.fillers import find_hedges  # noqa: E402
from coach.analysis.rules import Criterion  # noqa: E402
from coach.analysis.scripts import repeated_sentences  # noqa: E402
from coach.analysis.stems import cached_content_stems, content_stems  # noqa: E402
from coach.content.kinds import get_kind  # noqa: E402

Row = dict[str, object]
Results = list[tuple[Criterion, Outcome]]

# Simple word lists for the text statistics. Written for this experiment; they are deliberately plain.
PATTERNS: dict[str, dict[str, re.Pattern[str]]] = {
    "i": {
        "en": re.compile(r"\b(?:I|me|my|myself|mine)\b"),
        "nl": re.compile(r"\b(?:ik|mij|me|mijn|mezelf|mijzelf)\b", re.IGNORECASE),
    },
    "we": {
        "en": re.compile(r"\b(?:we|us|our|ours)\b", re.IGNORECASE),
        "nl": re.compile(r"\b(?:we|wij|ons|onze)\b", re.IGNORECASE),
    },
    "habit": {  # how you usually work, rather than what you did
        "en": re.compile(r"\b(?:always|usually|normally|generally|typically|tend to|in general|every time)\b",
                         re.IGNORECASE),
        "nl": re.compile(r"\b(?:altijd|meestal|normaal(?:gesproken)?|gewoonlijk|doorgaans|over het algemeen"
                         r"|elke keer|telkens)\b", re.IGNORECASE),
    },
    "time": {  # a told moment: a year, a month, "last year", "toen"
        "en": re.compile(r"\b(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september"
                         r"|october|november|december|monday|tuesday|wednesday|thursday|friday"
                         r"|last (?:year|month|week|quarter|summer|winter|spring|autumn)|yesterday"
                         r"|(?:a|two|three|few|couple of) (?:years|months|weeks) ago|at the time|back then"
                         r"|that (?:day|week|morning|afternoon|evening))\b", re.IGNORECASE),
        "nl": re.compile(r"\b(?:(?:19|20)\d\d|januari|februari|maart|april|mei|juni|juli|augustus|september"
                         r"|oktober|november|december|maandag|dinsdag|woensdag|donderdag|vrijdag"
                         r"|vorig(?:e)? (?:jaar|maand|week|kwartaal|zomer|winter)|gisteren|toen"
                         r"|(?:een|twee|drie|paar) (?:jaar|maanden|weken) geleden"
                         r"|die (?:dag|week|ochtend|middag))\b",
                         re.IGNORECASE),
    },
    "reason": {  # why: because, so that
        "en": re.compile(r"\b(?:because|so that|since|which meant|that's why|therefore|the reason)\b",
                         re.IGNORECASE),
        "nl": re.compile(r"\b(?:omdat|want|zodat|daardoor|daarom|waardoor|de reden)\b", re.IGNORECASE),
    },
    "contrast": {  # weighing: but, although, on the other hand
        "en": re.compile(r"\b(?:but|however|although|though|on the other hand|trade-?off|downside|instead)\b",
                         re.IGNORECASE),
        "nl": re.compile(r"\b(?:maar|echter|hoewel|aan de andere kant|nadeel|keerzijde|in plaats van)\b",
                         re.IGNORECASE),
    },
    "negative": {  # dismissive or blaming turns the detectors may miss
        "en": re.compile(r"\b(?:never|not my (?:job|problem|fault)|their fault|his fault|her fault|stupid"
                         r"|honestly|to be honest|whatever)\b", re.IGNORECASE),
        "nl": re.compile(r"\b(?:nooit|niet mijn (?:probleem|schuld|taak)|hun schuld|zijn schuld|haar schuld"
                         r"|dom"
                         r"|eerlijk gezegd|eerlijk is eerlijk|boeiend)\b", re.IGNORECASE),
    },
}
RED_FLAGS = ("attitude.blame", "attitude.i_was_right", "attitude.tech_arrogance", "collaboration.lone_wolf",
             "evidence.buzzwords", "attitude.disguised_weakness", "sales.discount_first")
STORY_KINDS = {"behavioural", "situational", "process", "technical", "explain", "sales_results", "objection"}
STATUS = {"met": 1.0, "warning": 0.5, "missed": 0.0}


def engine_run(row: Row) -> tuple[object, Results, Analysis]:
    """The engine's feedback and per-criterion outcomes, and the analysis it worked on."""
    answer, question, lang = str(row["answer"]), str(row["question"]), str(row["lang"])
    feedback, results = evaluate(answer, question, lang)
    q, ref, asked, _ = resolve_question(question)
    analysis = analyse(answer, feedback.language, q, asked, ref.sector, ref.kind)  # type: ignore[attr-defined]
    for criterion, outcome in results:
        analysis.outcomes[criterion.id] = outcome
    return feedback, results, analysis


def _rate(count: int, words: int) -> float:
    return 100 * count / words if words else 0.0


def proper_nouns(analysis: Analysis) -> int:
    """Capitalised words that don't start a sentence (names, products, places, acronyms), "I" aside."""
    count = 0
    for sentence in analysis.sentences:
        for token in sentence.tokens[1:]:
            if token.text[:1].isupper() and token.text not in ("I", "I'm", "I've", "I'd", "I'll"):
                count += 1
    return count


def candidate_features(row: Row) -> dict[str, float]:
    """Every candidate feature of one answer (0 where it doesn't apply)."""
    feedback, results, analysis = engine_run(row)
    lang = analysis.lang
    kind = feedback.question.kind or scoring.DEFAULT_KIND  # type: ignore[attr-defined]
    words = analysis.words
    text = analysis.text
    by_id = {c.id: o for c, o in results}
    counts = scoring.Counts.of(analysis)
    base = scoring.features(results, kind, counts)
    core_part, rubric_part = scoring.content_parts(results, kind)
    parts = scoring.breakdown(results, kind, counts)
    core_ids = set(get_kind(kind).rubric)
    core = [o.status for c, o in results if c.id in core_ids and scoring.counts_toward_base(c)]
    rubric_statuses = [o.status for c, o in results if scoring.counts_toward_base(c)]
    bounds = analysis.question.words_range if analysis.question else get_kind(kind).length
    sentences = max(1, len(analysis.sentences))
    i_count = len(PATTERNS["i"][lang].findall(text))
    we_count = len(PATTERNS["we"][lang].findall(text))
    asked = cached_content_stems(analysis.question_text or "", lang)
    answer_stems = content_stems(text, lang, analysis.tokens)
    vocabulary = set()
    for word in getattr(get_kind(kind).vocabulary, lang, ()):
        vocabulary |= cached_content_stems(word, lang)
    star_parts = {part for part, spans in analysis.star.items() if spans}
    first100 = [t.lower for t in analysis.tokens[:100]]
    flags = sum(by_id[c].status == "warning" for c in RED_FLAGS if c in by_id)
    on_topic = by_id.get("relevance.on_topic")
    length = by_id.get("delivery.length")
    log_words = math.log1p(words)
    story = 1.0 if kind in STORY_KINDS else 0.0
    out = {
        # length
        "log_words": log_words,
        "words": float(words),
        "log_words_rel_min": math.log((words + 1) / bounds.min),
        "too_short": max(0.0, math.log(bounds.min / (words + 1))),
        "too_long": max(0.0, math.log((words + 1) / bounds.max)),
        "length_missed": float(length is not None and length.status == "missed"),
        "length_warning": float(length is not None and length.status == "warning"),
        "sentences": math.log1p(len(analysis.sentences)),
        "words_per_sentence": words / sentences,
        "ttr100": len(set(first100)) / len(first100) if first100 else 0.0,
        # the engine's current features and outcomes
        **{f"f_{name}": value for name, value in base.items()},  # the shipped features
        "core": core_part,
        "rubric": rubric_part,
        "content_plain": (core_part + rubric_part) / 2,  # without the open kind's neutral 0.5
        "delivery_checks": statistics.mean(
            0.0 if by_id[c].status == "warning" else 1.0
            for c in ("delivery.fillers", "delivery.hedges", "delivery.repetition") if c in by_id
        ) if any(c in by_id for c in ("delivery.fillers", "delivery.hedges", "delivery.repetition")) else 1.0,
        "core_met": float("met" in core),
        "core_any": float(any(s != "missed" for s in core)) if core else 0.0,
        "core_value": statistics.mean(STATUS[s] for s in core) if core else 0.0,
        "rubric_met_share": (sum(s == "met" for s in rubric_statuses) / len(rubric_statuses)
                             if rubric_statuses else 0.0),
        "nothing": float(core_part == 0 and rubric_part == 0),
        "red_flags": float(flags),
        "penalty": -float(parts["penalty"]),
        "capped": float(parts["cap"] < 100),
        "on_topic_missed": float(on_topic is not None and on_topic.status == "missed"),
        "on_topic_met": float(on_topic is not None and on_topic.status == "met"),
        "concrete_example": STATUS[by_id["evidence.concrete_example"].status]
        if "evidence.concrete_example" in by_id else 0.5,
        # text statistics
        "figures": math.log1p(len(analysis.numbers)),
        "figures_per_100": _rate(len(analysis.numbers), words),
        "proper_nouns": math.log1p(proper_nouns(analysis)),
        "proper_per_100": _rate(proper_nouns(analysis), words),
        "time_markers": math.log1p(len(PATTERNS["time"][lang].findall(text))),
        "specifics": math.log1p(len(analysis.numbers) + proper_nouns(analysis)
                                + len(PATTERNS["time"][lang].findall(text))),
        "i_per_100": _rate(i_count, words),
        "i_share": i_count / (i_count + we_count) if i_count + we_count else 0.5,
        "i_count": math.log1p(i_count),
        "habit_per_100": _rate(len(PATTERNS["habit"][lang].findall(text)), words),
        "reasons": math.log1p(len(PATTERNS["reason"][lang].findall(text))),
        "contrast": math.log1p(len(PATTERNS["contrast"][lang].findall(text))),
        "negative_per_100": _rate(len(PATTERNS["negative"][lang].findall(text)), words),
        "hedges_per_100": _rate(len(find_hedges(text, lang)), words),
        "fillers_per_100": _rate(len(analysis.fillers), words),
        "repeats": float(len(repeated_sentences(analysis))),
        "question_overlap": len(asked & answer_stems) / len(asked) if asked else 0.0,
        "vocabulary_hits": math.log1p(len(vocabulary & answer_stems)),
        "star_parts": float(len(star_parts)),
        "star_result": float("result" in star_parts),
        "star_reflection": float("reflection" in star_parts),
        "star_action_share": (sum(b - a for a, b in analysis.star.get("action", [])) / len(text))
        if text else 0.0,
        "questions_asked": float(text.count("?")),
        "story_kind": story,
        "log_words_x_story": log_words * story,
    }
    out["developed_x_content"] = scoring._developed(words) * out["content_plain"]  # the old `developed`
    return out


def collect(rows: list[Row]) -> list[dict[str, float]]:
    return [candidate_features(row) for row in rows]


# --- models -------------------------------------------------------------------------------------------

Model = tuple[np.ndarray, float, np.ndarray, np.ndarray]


def ridge(x: np.ndarray, y: np.ndarray, alpha: float, nonneg: bool = False) -> Model:
    """Ridge on standardised columns; returns weights (standardised scale), intercept, means and scales.
    With nonneg, features whose weight comes out negative are dropped and the rest refitted."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    active = list(range(x.shape[1]))
    while True:
        a = z[:, active]
        w_active = np.linalg.solve(a.T @ a + alpha * np.eye(len(active)), a.T @ (y - y.mean()))
        if not nonneg or (w_active >= 0).all():
            break
        active = [i for i, w in zip(active, w_active, strict=True) if w >= 0]
        if not active:
            w_active = np.zeros(0)
            break
    w = np.zeros(x.shape[1])
    w[active] = w_active
    return w, float(y.mean()), mean, scale


def predict(model: Model, x: np.ndarray) -> np.ndarray:
    w, b, mean, scale = model
    return b + ((x - mean) / scale) @ w


def folds_by_question(rows: list[Row], k: int = 10) -> list[np.ndarray]:
    """k folds of whole questions, balanced by size (largest questions first, each to the smallest fold)."""
    sizes: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        sizes[str(row["qid"])].append(i)
    folds: list[list[int]] = [[] for _ in range(k)]
    for _qid, idx in sorted(sizes.items(), key=lambda item: (-len(item[1]), item[0])):
        min(folds, key=len).extend(idx)
    return [np.array(sorted(f)) for f in folds]


def folds_by_round(rows: list[Row]) -> list[np.ndarray]:
    rounds = sorted({int(row["round"]) for row in rows})  # type: ignore[call-overload]
    return [np.array([i for i, row in enumerate(rows) if row["round"] == r]) for r in rounds]


Fitter = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]  # (train idx, test idx, y) -> predictions


def out_of_fold(fitter: Fitter, folds: list[np.ndarray], n: int, y: np.ndarray) -> np.ndarray:
    predicted = np.zeros(n)
    everything = np.arange(n)
    for test in folds:
        train = np.setdiff1d(everything, test)
        predicted[test] = fitter(train, test, y)
    return predicted


def linear(x: np.ndarray, alpha: float, nonneg: bool) -> Fitter:
    def fit(train: np.ndarray, test: np.ndarray, y: np.ndarray) -> np.ndarray:
        return predict(ridge(x[train], y[train], alpha, nonneg), x[test])
    return fit


def rho(pred: Sequence[float], y: Sequence[float], idx: np.ndarray | None = None) -> float:
    if idx is not None:
        pred = [pred[i] for i in idx]
        y = [y[i] for i in idx]
    return spearman(list(pred), list(y))


def report(name: str, rows: list[Row], y: np.ndarray, fitter: Fitter | None,
           values: np.ndarray | None = None) -> dict[str, float]:
    """One line: grouped-CV Spearman overall / nl / en, round 1->2, round 2->1."""
    n = len(rows)
    lang = np.array([str(r["lang"]) for r in rows])
    rnd = [np.array([i for i, r in enumerate(rows) if r["round"] == k]) for k in (1, 2)]
    if fitter is None:  # a plain statistic such as word count: nothing to fit
        assert values is not None
        grouped = rounds = values
    else:
        grouped = out_of_fold(fitter, folds_by_question(rows), n, y)
        rounds = out_of_fold(fitter, folds_by_round(rows), n, y)
    result = {
        "cv": rho(grouped, y),
        "cv_nl": rho(grouped, y, np.where(lang == "nl")[0]),
        "cv_en": rho(grouped, y, np.where(lang == "en")[0]),
        "r1to2": rho(rounds, y, rnd[1]),
        "r2to1": rho(rounds, y, rnd[0]),
        # per language within each test round (predictions of different fits are not pooled), averaged
        "r_nl": statistics.mean(rho(rounds, y, np.intersect1d(r, np.where(lang == "nl")[0])) for r in rnd),
        "r_en": statistics.mean(rho(rounds, y, np.intersect1d(r, np.where(lang == "en")[0])) for r in rnd),
    }
    print(f"{name:34}" + "".join(f"{result[k]:>8.3f}" for k in result))
    return result


def header() -> None:
    print(f"{'':34}{'cv':>8}{'cv nl':>8}{'cv en':>8}{'r1->2':>8}{'r2->1':>8}{'rnd nl':>8}{'rnd en':>8}")


# --- feature sets -------------------------------------------------------------------------------------

# Linear models (ridge on standardised features, signed weights) over named sets of candidate features. These
# measure what the features can carry; the shipped score is measured by the "shipped pipeline" rows below.
SETS: dict[str, tuple[str, ...]] = {
    "log words": ("log_words",),
    "length in the kind's range": ("log_words", "too_short", "too_long"),
    "old: core, rubric, delivery, developed": ("core", "rubric", "delivery_checks", "developed_x_content"),
    "engine outcomes, no length": ("core", "rubric", "delivery_checks", "red_flags", "on_topic_missed",
                                   "concrete_example"),
    "log words + engine outcomes": ("log_words", "core", "rubric", "red_flags", "on_topic_missed",
                                    "concrete_example"),
    "log words + text statistics": ("log_words", "specifics", "i_count", "i_share", "habit_per_100",
                                    "hedges_per_100", "fillers_per_100", "reasons", "question_overlap",
                                    "star_parts"),
    "the five shipped features": tuple(f"f_{name}" for name in scoring.FEATURES),
    "five shipped, content without open": ("f_length", "content_plain", "f_fluency", "f_confidence",
                                           "f_figures"),
    "five shipped + red flags, STAR, names": (*(f"f_{name}" for name in scoring.FEATURES), "red_flags",
                                              "star_parts", "proper_nouns", "time_markers"),
}


def univariate(feats: list[dict[str, float]], rows: list[Row], y: np.ndarray) -> None:
    """Spearman of each feature with the rating: overall, per round, per language, and with what length
    leaves unexplained (the residual of a straight line on log words)."""
    names = list(feats[0])
    words = np.array([f["log_words"] for f in feats])
    residual = y - np.polyval(np.polyfit(words, y, 1), words)
    print(f"{'feature':24}{'all':>7}{'r1':>7}{'r2':>7}{'nl':>7}{'en':>7}{'|len':>7}")
    for name in names:
        v = [f[name] for f in feats]
        cells = [rho(v, y)]
        for pick in (lambda r: r["round"] == 1, lambda r: r["round"] == 2,
                     lambda r: r["lang"] == "nl", lambda r: r["lang"] == "en"):
            idx = np.array([i for i, r in enumerate(rows) if pick(r)])
            cells.append(rho(v, y, idx))
        cells.append(rho(v, list(residual)))
        print(f"{name:24}" + "".join(f"{c:>7.3f}" for c in cells))


def by_kind(feats: list[dict[str, float]], rows: list[Row], y: np.ndarray, names: Sequence[str]) -> None:
    """Spearman, within each intended kind, of features with what length leaves unexplained: a feature
    that matters only for some kinds shows here."""
    words = np.array([f["log_words"] for f in feats])
    residual = y - np.polyval(np.polyfit(words, y, 1), words)
    kinds = sorted({str(r["intended_kind"]) for r in rows})
    print(f"{'kind (beyond length)':22}{'n':>4}" + "".join(f"{n[:9]:>10}" for n in names))
    for kind in kinds:
        idx = np.array([i for i, r in enumerate(rows) if r["intended_kind"] == kind])
        cells = [rho([f[n] for f in feats], list(residual), idx) for n in names]
        print(f"{kind:22}{len(idx):>4}" + "".join(f"{c:>10.3f}" for c in cells))


def forward(feats: list[dict[str, float]], rows: list[Row], y: np.ndarray, alpha: float,
            start: Sequence[str] = ("log_words",), steps: int = 10) -> None:
    """Greedy forward selection by grouped-CV Spearman (the round figures are printed as a check)."""
    names = [n for n in feats[0] if n not in ("words",)]
    chosen = list(start)
    matrix = {n: np.array([f[n] for f in feats]) for n in names}
    header()
    x = np.column_stack([matrix[n] for n in chosen])
    report(" + ".join(chosen), rows, y, linear(x, alpha, False))
    folds = folds_by_question(rows)
    for _ in range(steps):
        best, best_cv = None, -1.0
        for name in names:
            if name in chosen:
                continue
            x = np.column_stack([matrix[n] for n in (*chosen, name)])
            cv = rho(out_of_fold(linear(x, alpha, False), folds, len(rows), y), y)
            if cv > best_cv:
                best, best_cv = name, cv
        assert best is not None
        chosen.append(best)
        x = np.column_stack([matrix[n] for n in chosen])
        report("+ " + best, rows, y, linear(x, alpha, False))


# --- the shipped pipeline -----------------------------------------------------------------------------

def with_caps(results: Results, caps: dict[str, dict[str, int]]) -> Results:
    """The outcomes with some criteria's caps replaced (to measure what a cap does)."""
    if not caps:
        return results
    return [(c.model_copy(update={"cap": caps[c.id]}) if c.id in caps else c, o) for c, o in results]


def shipped(checked: list[fit_score.Checked], ridge: float = fit_score.RIDGE,
            caps: dict[str, dict[str, int]] | None = None, fit_capped: bool = False,
            nothing_cap: int = scoring.NOTHING_CAP) -> Fitter:
    """Fit the shipped model (fit_score.fit) on the training part; score the test part as Coach does
    (scoring.breakdown: the model, penalties, caps and ceilings)."""
    caps = caps or {}
    items = [replace(item, results=with_caps(item.results, caps)) for item in checked]

    def fit(train: np.ndarray, test: np.ndarray, y: np.ndarray) -> np.ndarray:
        shipped_cap, scoring.NOTHING_CAP = scoring.NOTHING_CAP, nothing_cap
        try:
            return _fit(train, test)
        finally:
            scoring.NOTHING_CAP = shipped_cap

    def _fit(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        part = [items[i] for i in train]
        if fit_capped:  # every answer in the fit, capped or not
            x = np.array([[scoring.features(i.results, i.kind, i.counts)[f] for f in scoring.FEATURES]
                          for i in part])
            target = np.array([i.rating - scoring.breakdown(i.results, i.kind, i.counts)["penalty"] / 25
                               for i in part])
        else:
            x, target = fit_score.design(part)
        intercept, weights = fit_score.fit(x, target, ridge)
        model = {"intercept": intercept, **weights}
        return np.array([scoring.total(scoring.breakdown(items[i].results, items[i].kind, items[i].counts,
                                                         model)) for i in test], dtype=float)
    return fit


def shipped_report(rows: list[Row], y: np.ndarray, checked: list[fit_score.Checked], alphas: bool,
                   caps: bool) -> None:
    print("\nthe shipped pipeline (scoring.py: fitted on each training part, with penalties, caps, ceilings)")
    header()
    words = np.array([float(c.feedback.words) for c in checked])
    report("word count", rows, y, None, words)
    report("Coach score as shipped (in-sample)", rows, y, None,
           np.array([float(c.feedback.score) for c in checked]))
    report("shipped, refitted per fold", rows, y, shipped(checked))
    if alphas:
        for ridge in (0.01, 0.1, 0.3, 1.0, 3.0):
            report(f"  ridge {ridge}", rows, y, shipped(checked, ridge))
        report("  fit on capped answers too", rows, y, shipped(checked, fit_capped=True))
    if caps:
        criteria = sorted({c.id for item in checked for c, o in item.results if c.cap})
        report("  no criterion caps", rows, y, shipped(checked, caps=dict.fromkeys(criteria, {})))
        for criterion in criteria:
            report(f"  without {criterion}'s cap", rows, y, shipped(checked, caps={criterion: {}}))
        for value in (10, 35, 50, 64, 100):
            report(f"  off the question's topic: at most {value}", rows, y,
                   shipped(checked, caps={"relevance.on_topic": {"missed": 10, "warning": value}}))
        for value in (39, 50, 64, 100):
            report(f"  none of what is asked: at most {value}", rows, y, shipped(checked, nothing_cap=value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--univariate", action="store_true", help="each feature's Spearman with the rating")
    parser.add_argument("--kinds", action="store_true", help="Spearman of some features within each kind")
    parser.add_argument("--forward", action="store_true", help="greedy forward selection by grouped CV")
    parser.add_argument("--sets", action="store_true", help="linear models over named feature sets")
    parser.add_argument("--alphas", action="store_true",
                        help="the shipped pipeline with other ridge strengths")
    parser.add_argument("--caps", action="store_true", help="the shipped pipeline without each cap")
    parser.add_argument("--alpha", type=float, default=10.0, help="ridge strength of --sets and --forward "
                        "(on standardised features)")
    args = parser.parse_args()
    rows = load_corpus("dev")
    y = np.array([float(r["rating"]) for r in rows])  # type: ignore[arg-type]
    print(f"dev split: {len(rows)} answers, {len({r['qid'] for r in rows})} questions, "
          f"10 folds by question; rounds 1 ({sum(r['round'] == 1 for r in rows)}) and 2 "
          f"({sum(r['round'] == 2 for r in rows)})")
    print("columns: Spearman of out-of-fold predictions: grouped 10-fold (all, nl, en); fitted on round 1 "
          "tested on round 2 and the other way round; per language within the test round (mean of both)")
    if args.univariate or args.kinds or args.forward or args.sets:
        feats = collect(rows)
        if args.univariate:
            univariate(feats, rows, y)
        if args.kinds:
            by_kind(feats, rows, y, ("f_content", "f_fluency", "f_confidence", "f_figures", "red_flags",
                                     "star_parts", "proper_nouns", "i_share"))
        if args.sets:
            header()
            report("word count", rows, y, None, np.array([f["words"] for f in feats]))
            for name, columns in SETS.items():
                x = np.column_stack([[f[c] for f in feats] for c in columns])
                report(name, rows, y, linear(x, args.alpha, False))
        if args.forward:
            forward(feats, rows, y, args.alpha)
    shipped_report(rows, y, fit_score.check_rows(rows), args.alphas, args.caps)


if __name__ == "__main__":
    main()
