"""A shared deployment under load: simulated candidates who think between answers.

Run: .venv/bin/python benchmarks/bench_load.py [--levels 5,10,20,40,80] [--seconds 30] [--factor 20]
     [--workers 4]

Starts a throw-away PostgreSQL server on 127.0.0.1 (initdb + pg_ctl, as tests/services.py does), applies
`coach migrate`, makes one candidate account per simulated candidate, and starts `coach serve --shared
--no-migrate --workers N` on a loopback port. Every simulated candidate signs in, starts an interview and
then loops: think, typing one answer every 60-90 s, with three page views (their feedback page, history,
progress or the question bank) spread over the thinking time. To keep the run short the think time is divided
by --factor: one simulated candidate makes the requests of `factor` real ones, so the table reports the
equivalent number of real candidates (simulated x factor). The number of concurrent candidates ramps up
level by level; each level runs --seconds and every loop is bounded in count and in time. The table gives
p50/p95 of an answer's feedback (POST /api/interviews/{id}/answers) and of page views, and the last line the
highest level whose p95 for an answer stayed under 300 ms. Everything stays on loopback. Not run by the
test suite (it takes minutes and measures the machine as much as the code).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.services import PostgresServer, free_port  # noqa: E402

from coach.content.bank import get_question  # noqa: E402

ANSWER = get_question("sales.targets_last_year").examples.strong.en
PASSWORD = "load test passphrase 1"
TARGET_MS = 300.0
THINK = (60.0, 90.0)  # real seconds between two typed answers
PAGES_PER_THINK = 3
MAX_ANSWERS_PER_CANDIDATE = 200  # a bound on every loop, whatever the level's duration
GIVE_UP_P95_MS = 2000.0  # stop ramping once answers are this slow: further levels only queue


def coach_env(database_url: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "COACH_DATABASE_URL": database_url, "PYTHONPATH": path}


def coach_command() -> list[str]:
    return [str(Path(sys.executable).with_name("coach"))]


def make_accounts(database_url: str, count: int) -> list[str]:
    """`count` candidate accounts, made from invitations as people make them; their e-mail addresses."""
    from coach.store import accounts
    from coach.store.repository import Store

    store = Store(database_url)
    issuer = store.user_id("setup")
    emails = [f"candidate{n}@load.example.nl" for n in range(count)]
    for email in emails:
        accounts.accept_invitation(store, accounts.invite(store, issuer, email, "candidate"), PASSWORD)
    store.engine.dispose()
    return emails


def start_server(database_url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [*coach_command(), "serve", "--shared", "--no-migrate", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)],
        env=coach_env(database_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start")


class Candidate:
    """One signed-in candidate with an interview under way."""

    def __init__(self, base: str, email: str) -> None:
        self.client = httpx.AsyncClient(base_url=base, timeout=30)
        self.email = email
        self.headers: dict[str, str] = {}
        self.interview = 0
        self.last_answer = 0
        self.answers = 0

    async def sign_in(self) -> None:
        await self.client.get("/signin")
        token = self.client.cookies["coach_csrf"]
        r = await self.client.post("/signin", data={"email": self.email, "password": PASSWORD,
                                                     "csrf_token": token})
        if r.status_code not in (200, 303) or "coach_session" not in self.client.cookies:
            raise RuntimeError(f"sign-in failed: {r.status_code}")
        self.headers = {"X-CSRF-Token": token}
        await self.new_interview()

    async def new_interview(self) -> None:
        r = await self.client.post("/api/interviews", json={"sector": "sales", "role": "ae", "lang": "en",
                                                            "questions": 20}, headers=self.headers)
        r.raise_for_status()
        self.interview = r.json()["id"]

    async def answer(self) -> float:
        start = time.perf_counter()
        r = await self.client.post(f"/api/interviews/{self.interview}/answers", json={"text": ANSWER},
                                   headers=self.headers)
        elapsed = (time.perf_counter() - start) * 1000
        r.raise_for_status()
        body = r.json()
        self.answers += 1
        self.last_answer = body.get("answer_id") or body.get("id") or self.last_answer
        if body["state"]["finished"]:
            await self.new_interview()
        return elapsed

    async def view(self, rng: random.Random) -> float:
        pages = ["/history", "/progress", "/questions"]
        if self.last_answer:
            pages.append(f"/answers/{self.last_answer}")
        start = time.perf_counter()
        r = await self.client.get(rng.choice(pages))
        elapsed = (time.perf_counter() - start) * 1000
        r.raise_for_status()
        return elapsed


async def think_and_work(candidate: Candidate, factor: float, until: float, seed: int,
                         answer_ms: list[float], page_ms: list[float], errors: list[str]) -> None:
    """Until the level ends: think (page views in between), then type an answer. Starts at a random point
    of a think, so the candidates don't all answer at once."""
    rng = random.Random(seed)
    first = True
    while time.monotonic() < until and candidate.answers < MAX_ANSWERS_PER_CANDIDATE:
        think = rng.uniform(*THINK) / factor
        if first:
            think *= rng.random()
            first = False
        pause = think / (PAGES_PER_THINK + 1)
        try:
            for _ in range(PAGES_PER_THINK):
                await asyncio.sleep(pause)
                if time.monotonic() >= until:
                    return
                page_ms.append(await candidate.view(rng))
            await asyncio.sleep(pause)
            if time.monotonic() >= until:
                return
            answer_ms.append(await candidate.answer())
        except (httpx.HTTPError, KeyError) as exc:
            errors.append(type(exc).__name__)
            if len(errors) > 1000:
                return


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


async def run(base: str, emails: list[str], levels: list[int], seconds: float, factor: float) -> None:
    candidates: list[Candidate] = []
    best = 0
    print(f"{'simulated':>9}{'real eq.':>9}{'answers':>8}{'ans p50':>9}{'ans p95':>9}"
          f"{'pages':>7}{'page p50':>9}{'page p95':>9}{'errors':>7}")
    try:
        for level in levels:
            while len(candidates) < level:  # sign the new ones in before the clock starts (argon2 is slow)
                fresh = range(len(candidates), min(level, len(candidates) + 5))
                batch = [Candidate(base, emails[i]) for i in fresh]
                await asyncio.wait_for(asyncio.gather(*(c.sign_in() for c in batch)), timeout=120)
                candidates.extend(batch)
            answer_ms: list[float] = []
            page_ms: list[float] = []
            errors: list[str] = []
            until = time.monotonic() + seconds
            await asyncio.wait_for(
                asyncio.gather(*(
                    think_and_work(c, factor, until, level * 1000 + n, answer_ms, page_ms, errors)
                    for n, c in enumerate(candidates)
                )),
                timeout=seconds + 120,
            )
            p95 = percentile(answer_ms, 0.95)
            pages = f"{len(page_ms):>7}{percentile(page_ms, 0.5):>9.0f}{percentile(page_ms, 0.95):>9.0f}"
            print(f"{level:>9}{round(level * factor):>9}{len(answer_ms):>8}{percentile(answer_ms, 0.5):>9.0f}"
                  f"{p95:>9.0f}{pages}{len(errors):>7}", flush=True)
            if p95 < TARGET_MS and not errors:
                best = level
            if p95 > GIVE_UP_P95_MS:
                print(f"(stopped ramping: answer p95 over {GIVE_UP_P95_MS:.0f} ms)")
                break
    finally:
        await asyncio.gather(*(c.client.aclose() for c in candidates), return_exceptions=True)
    print(f"highest level with answer p95 < {TARGET_MS:.0f} ms: {best} simulated candidates "
          f"= about {round(best * factor)} real candidates (think time 60-90 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="5,10,20,40,80", help="concurrent simulated candidates per level")
    parser.add_argument("--seconds", type=float, default=30.0, help="duration of each level")
    parser.add_argument("--factor", type=float, default=20.0, help="think time divided by this")
    parser.add_argument("--workers", type=int, default=4, help="`coach serve` worker processes")
    args = parser.parse_args()
    levels = sorted({int(n) for n in args.levels.split(",") if n.strip()})
    if not levels or levels[-1] > 500 or args.seconds > 600 or args.factor < 1:
        parser.error("levels up to 500 candidates, at most 600 s a level, a factor of at least 1")
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"{os.cpu_count()} cores, load {load:.1f} at the start; PostgreSQL on loopback; {args.workers} web "
          f"worker(s); think {THINK[0]:.0f}-{THINK[1]:.0f} s / {args.factor:g}, {PAGES_PER_THINK} page views "
          f"per think; {args.seconds:g} s per level")
    pg = PostgresServer()
    url = pg.start()
    proc = None
    try:
        subprocess.run([*coach_command(), "migrate"], env=coach_env(url), check=True, capture_output=True,
                       timeout=300)
        emails = make_accounts(url, levels[-1])
        proc, base = start_server(url, args.workers)
        asyncio.run(warm_up(base, emails[0], args.workers))
        asyncio.run(run(base, emails, levels, args.seconds, args.factor))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        pg.stop()


async def warm_up(base: str, email: str, workers: int) -> None:
    """Load the criteria and the bank in every worker: a few answers and pages on several connections."""
    candidates = [Candidate(base, email) for _ in range(workers * 2)]
    try:
        for c in candidates:
            await c.sign_in()
        rng = random.Random(0)
        for _ in range(3):
            await asyncio.gather(*(c.answer() for c in candidates))
            await asyncio.gather(*(c.view(rng) for c in candidates))
    finally:
        await asyncio.gather(*(c.client.aclose() for c in candidates), return_exceptions=True)


if __name__ == "__main__":
    main()
