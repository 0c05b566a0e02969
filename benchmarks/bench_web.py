"""Latency of submitting an answer and getting its feedback, with 1, 10 and 50 concurrent clients.

Run: .venv/bin/python benchmarks/bench_web.py [--requests 20] [--workers 1]
Starts `coach serve` on a loopback port, once over SQLite and once over a throw-away PostgreSQL server
(Debian's postgresql, started with initdb + pg_ctl), and prints p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.services import PostgresServer, free_port  # noqa: E402

from coach.content.bank import get_question  # noqa: E402

ANSWER = get_question("sales.targets_last_year").examples.strong.en  # type: ignore[union-attr]


def start_server(database_url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "COACH_DATABASE_URL": database_url}
    exe = Path(sys.executable).with_name("coach")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port), "--workers", str(workers)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/", timeout=1)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def client_run(base: str, requests: int) -> list[float]:
    """One client: start an interview, then answer and time each submit."""
    with httpx.Client(base_url=base, timeout=60) as c:
        c.get("/")
        headers = {"X-CSRF-Token": c.cookies["coach_csrf"]}
        times: list[float] = []
        while len(times) < requests:
            state = c.post("/api/interviews", json={"sector": "sales", "role": "ae", "lang": "en",
                                                    "questions": 20}, headers=headers).json()
            for _ in range(20):
                if len(times) >= requests:
                    break
                start = time.perf_counter()
                r = c.post(f"/api/interviews/{state['id']}/answers", json={"text": ANSWER}, headers=headers)
                times.append((time.perf_counter() - start) * 1000)
                r.raise_for_status()
                if r.json()["state"]["finished"]:
                    break
        return times


def measure(base: str, clients: int, requests: int) -> tuple[float, float, float]:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(lambda _: client_run(base, requests), range(clients)))
    elapsed = time.perf_counter() - started
    times = sorted(t for r in results for t in r)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, len(times) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20, help="answers per client")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; {args.requests} answers per client; {args.workers} server worker(s)")
    print(f"{'database':<12}{'clients':>8}{'p50 ms':>10}{'p95 ms':>10}{'answers/s':>11}")
    pg = PostgresServer()
    with tempfile.TemporaryDirectory() as folder:
        for name, url in (("sqlite", f"sqlite:///{folder}/bench.db"), ("postgresql", None)):
            if url is None:
                url = pg.start()
            proc, base = start_server(url, args.workers)
            try:
                client_run(base, 5)  # warm-up: the first requests load the criteria and the bank
                for clients in (1, 10, 50):
                    p50, p95, rate = measure(base, clients, args.requests)
                    print(f"{name:<12}{clients:>8}{p50:>10.1f}{p95:>10.1f}{rate:>11.1f}")
            finally:
                proc.terminate()
                proc.wait(timeout=10)
    pg.stop()


if __name__ == "__main__":
    main()
