"""Render time and size of the feedback page: a typical answer, and a 100 000-character answer.

Run: .venv/bin/python benchmarks/bench_feedback_page.py [--runs 20]
An in-process app over a fresh SQLite database (FastAPI's TestClient: no network, no server start-up);
each answer is submitted once, then its feedback page and its interview's history page are fetched `runs`
times after a warm-up. Prints p50/p95 in milliseconds and the page size in bytes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.web.conftest import Client, form_value  # noqa: E402

from coach.content.bank import get_question  # noqa: E402
from coach.store.repository import Store  # noqa: E402
from coach.web.app import create_app  # noqa: E402

TYPICAL = get_question("sales.targets_last_year").examples.strong.en  # type: ignore[union-attr]
DENSE = (
    "My target was €400,000 and I closed €448,000, which is 112%. I called 40 customers, honestly, and I "
    "think we basically grew 15% in 2023 because I, um, listened first. "
)


def submit(client: Client, text: str) -> tuple[str, str]:
    """Start an interview and answer its first question; (feedback path, history path)."""
    started = client.post_form("/interviews", {"role": "ae", "level": "medior", "interview_lang": "en",
                                               "questions": "3"})
    page = started.text
    interview = started.url.path
    answered = client.post_form(interview + "/answer", {"text": text, "token": form_value(page, "token"),
                                                        "position": "0", "kind": "answer"})
    return answered.url.path, "/history/" + interview.rsplit("/", 1)[1]


def timed(client: Client, path: str, runs: int) -> tuple[float, float, int]:
    client.get(path)  # warm-up
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        size = len(response.content)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)], size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder, Client(
        create_app(store=Store(f"sqlite:///{folder}/bench.db"))
    ) as client:
        rows = []
        answers = (("typical (strong example)", TYPICAL), ("100,000 characters", (DENSE * 700)[:100_000]))
        for name, text in answers:
            start = time.perf_counter()
            feedback, history = submit(client, text)
            checked = (time.perf_counter() - start) * 1000
            words = len(text.split())
            for page, path in (("feedback", feedback), ("history", history)):
                p50, p95, size = timed(client, path, runs)
                rows.append((name, words, page, p50, p95, size, checked))
    print(f"{runs} fetches per page after a warm-up; in-process, SQLite")
    print(f"{'answer':26} {'words':>6} {'page':9} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10} "
          f"{'submit ms':>10}")
    for name, words, page, p50, p95, size, checked in rows:
        print(f"{name:26} {words:>6} {page:9} {p50:>8.1f} {p95:>8.1f} {size:>10,} {checked:>10.0f}")


if __name__ == "__main__":
    main()
