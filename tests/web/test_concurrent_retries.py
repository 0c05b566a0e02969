"""Twenty simultaneous "Try again" submits of one answered question, on SQLite and PostgreSQL.

Every retry form carries its own token: different tokens each store their own attempt (numbered without a
gap or a clash), and the same token sent twice stores once; every request ends on its own feedback page."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from coach.store.repository import Store
from coach.web.app import create_app
from tests.web.conftest import Client
from tests.web.test_interviews import answer, start

FIRST = "I was asked to win back a lost customer. I called, listened, and we signed €120,000 in three months."
RETRY = "Attempt {n}: I won back the customer with a new offer; the deal was worth €{n}0,000 a year."


@pytest.fixture
def any_client(any_store: Store) -> Iterator[Client]:
    with Client(create_app(store=any_store)) as c:
        yield c


def _answered(client: Client) -> tuple[str, str]:
    """A started interview whose first question is answered: its address and the retry form's address."""
    url = start(client)
    answered = answer(client, url, FIRST)
    assert answered.status_code == 200 and "/answers/" in str(answered.url)  # type: ignore[attr-defined]
    assert 'id="try-again"' in answered.text  # type: ignore[attr-defined]
    client.csrf  # noqa: B018 - set the cookie before the threads start
    return url, url + "/retry/0"


def _fire(client: Client, retry_url: str, tokens: list[str]) -> list[tuple[int, str, str]]:
    """POST the retries at once; each request's status, final address and page."""

    def send(job: tuple[int, str]) -> tuple[int, str, str]:
        n, token = job
        response = client.post_form(retry_url, {"token": token, "text": RETRY.format(n=n)})
        return response.status_code, str(response.url), response.text

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        return list(pool.map(send, enumerate(tokens)))


def _attempts(store: Store, url: str) -> list[tuple[int, str]]:
    interview = store.interview(store.user_id(), int(url.rsplit("/", 1)[1]))
    assert interview is not None
    return sorted((a.attempt, a.text) for a in interview.answers if a.position == 0 and a.kind == "answer")


def _answer_id(final_url: str) -> int:
    assert "/answers/" in final_url, final_url
    return int(final_url.rsplit("/", 1)[1])


def test_twenty_simultaneous_retries_each_store_their_own_attempt(any_client: Client, any_store: Store) -> None:
    url, retry_url = _answered(any_client)
    results = _fire(any_client, retry_url, [f"retry-{n:04d}-token" for n in range(20)])

    assert [status for status, _, _ in results] == [200] * 20  # no 503, no 409, no error page
    stored = _attempts(any_store, url)
    assert [attempt for attempt, _ in stored] == list(range(1, 22))  # the first answer and 20 retries
    assert stored[0][1] == FIRST
    assert sorted(text for _, text in stored[1:]) == sorted(RETRY.format(n=n) for n in range(20))
    ids = [_answer_id(final) for _, final, _ in results]
    assert len(set(ids)) == 20  # each request landed on its own attempt's feedback
    for n, answer_id in enumerate(ids):
        saved = any_store.answer(any_store.user_id(), answer_id)
        assert saved is not None and saved.text == RETRY.format(n=n) and saved.attempt >= 2


def test_each_retry_token_sent_twice_at_once_stores_once(any_client: Client, any_store: Store) -> None:
    url, retry_url = _answered(any_client)
    tokens = [f"twice-{n % 10:04d}-token" for n in range(20)]  # ten forms, each sent twice at the same time
    results = _fire(any_client, retry_url, tokens)

    assert [status for status, _, _ in results] == [200] * 20
    stored = _attempts(any_store, url)
    assert [attempt for attempt, _ in stored] == list(range(1, 12))  # the first answer and 10 retries
    ids = [_answer_id(final) for _, final, _ in results]
    for n in range(10):  # both sends of a form show the one attempt it stored
        assert ids[n] == ids[n + 10]
    assert len(set(ids)) == 10
    by_id = {answer_id: any_store.answer(any_store.user_id(), answer_id) for answer_id in set(ids)}
    for n in range(10):
        saved = by_id[ids[n]]
        assert saved is not None and saved.text in (RETRY.format(n=n), RETRY.format(n=n + 10))


def test_a_retry_after_the_others_gets_the_next_attempt(any_client: Client, any_store: Store) -> None:
    _, retry_url = _answered(any_client)
    _fire(any_client, retry_url, [f"early-{n:04d}-token" for n in range(3)])
    late = any_client.post_form(retry_url, {"token": "late-0000-token", "text": RETRY.format(n=99)})
    assert late.status_code == 200
    saved = any_store.answer(any_store.user_id(), _answer_id(str(late.url)))
    assert saved is not None and saved.attempt == 5 and saved.text == RETRY.format(n=99)
