"""Isolation on a shared deployment, proved by walking every route the app registers.

Two candidates (the owner A and B) and a coach C with whom nobody shares, plus a candidate D who does share
with C: for every page and JSON route whose path names a row (an interview, answer, story, drill, job,
recording, candidate...), B and C ask for A's row, and C asks for A's rows under D's name; each attempt
must get 403 or 404, and afterwards every row of A and D is exactly as before. Every page without such a
parameter is opened by B and C too, and must not show A's words. A new route is walked automatically; a
path parameter this test doesn't know fails it, so it can't go stale.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

from coach.store.repository import Store
from tests.web.accounts_support import make_account, shared_app, signed_in
from tests.web.isolation_data import MARKER, fill_everything, snapshot

# Path parameters that name a user's row: which of the owner's ids to put there.
OWNED = {
    "interview_id": "interview_id",
    "answer_id": "answer_id",
    "story_id": "story_id",
    "job_id": "job_id",
    "recording_id": "recording_id",
    "attempt_id": "attempt_id",
    "candidate_id": "candidate_id",
    "user_id": "user_id",
    "coach_id": "coach_id",
    "drill_id": None,  # a role-play or a pitch, by the path
}
# Path parameters that name no one's data (bank ids, a drill's kind, a language, a one-time link).
NOT_OWNED = {
    "question_id": "it.production_incident",
    "drill": "design",
    "family": "roleplay",  # a spoken drill answer names its drill in the query, checked per user
    "code": "en",
    "position": "0",
    "token": "x" * 43,
}
FIELDS: dict[str, Any] = {
    "text": "During an outage I restored the service in 20 minutes and wrote the post-mortem.",
    "answer": "During an outage I restored the service in 20 minutes and wrote the post-mortem.",
    "title": "A story",
    "tags": ["conflict"],
    "lang": "en",
    "confirm": "yes",
    "keep_audio": "1",
    "role": "admin",
    "criterion": "structure.star",
    "point": "structure.star",
    "token": "walk-token-0001",
    "submission_token": "walk-token-0002",
    "password": "whatever passphrase",
    "password_again": "whatever passphrase",
    "email": "walk@example.nl",
    "coach_email": "walk@example.nl",
    "note": "walk",
    "due": "2030-01-01",
    "duration_s": "10",
    "position": "0",
    "kind": "answer",
    "slot": "0:answer",
}
PARAM = re.compile(r"{(\w+)(?::\w+)?}")


def registered_routes(app: Any) -> list[tuple[str, str, Any]]:
    """(method, path, dependant) of every route the app answers, however FastAPI nests included routers."""
    found = []
    for route in app.routes:
        contexts = (
            list(route.effective_route_contexts()) if hasattr(route, "effective_route_contexts") else [route]
        )
        for context in contexts:
            dependant = getattr(context, "dependant", None)
            if dependant is None:
                continue  # static files, the docs
            for method in context.methods:
                if method != "HEAD":
                    found.append((method, context.path, dependant))
    return found


def json_body(dependant: Any) -> bool:
    """Whether the route reads a JSON body (a pydantic model) rather than a form."""
    for field in dependant.body_params:
        annotation = field.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
    return False


def url_for(path: str, ids: dict[str, int], candidate: int | None = None) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in NOT_OWNED:
            return str(NOT_OWNED[name])
        if name == "candidate_id" and candidate is not None:
            return str(candidate)
        if name == "drill_id":
            return str(ids["pitch_id"] if path.startswith("/pitch") else ids["roleplay_id"])
        return str(ids[OWNED[name]])  # type: ignore[index]

    return PARAM.sub(value, path)


def attempt(client: Any, method: str, url: str, dependant: Any) -> Any:
    headers = {"X-CSRF-Token": client.csrf}
    if method == "GET":
        return client.get(url, follow_redirects=False)
    if json_body(dependant):
        body = {**FIELDS, "confirm": True, "keep_audio": True}
        return client.request(method, url, json=body, headers=headers, follow_redirects=False)
    files = {"audio": ("answer.webm", b"\x1aE\xdf\xa3not really audio", "audio/webm")}
    data = {k: v for k, v in FIELDS.items() if not isinstance(v, list)}
    return client.request(
        method,
        url,
        data={**data, "csrf_token": client.csrf},
        files=files,
        headers=headers,
        follow_redirects=False,
    )


@pytest.fixture
def world(any_store: Store):  # type: ignore[no-untyped-def]
    owner = make_account(any_store, "owner@example.nl")
    make_account(any_store, "other@example.nl")
    coach = make_account(any_store, "coach@example.nl", "coach")
    sharing = make_account(any_store, "sharing@example.nl")
    owners_coach = make_account(any_store, "ownerscoach@example.nl", "coach")
    ids = fill_everything(any_store, owner, coach=owners_coach)
    fill_everything(any_store, sharing, coach=coach)  # D shares with C
    return any_store, owner, sharing, ids


def test_no_one_reads_or_changes_another_candidates_data_on_any_route(world) -> None:  # type: ignore[no-untyped-def]
    store, owner, sharing, ids = world
    app = shared_app(store)
    before = {owner: snapshot(store, owner), sharing: snapshot(store, sharing)}
    routes = registered_routes(app)
    assert len(routes) > 100  # the walker sees the routers FastAPI nests
    unknown = {
        p for _, path, _ in routes for p in PARAM.findall(path) if p not in OWNED and p not in NOT_OWNED
    }
    assert not unknown, f"tell this test which id these path parameters name: {sorted(unknown)}"
    other, coach = signed_in(app, "other@example.nl"), signed_in(app, "coach@example.nl")
    walked, failures = 0, []
    try:
        for method, path, dependant in routes:
            names = set(PARAM.findall(path))
            if not names & set(OWNED):
                if method == "GET" and not names:
                    for who, client in (("B", other), ("C", coach)):
                        response = client.get(path, follow_redirects=False)
                        if MARKER in response.text:
                            failures.append(f"{who} GET {path} shows the owner's data")
                continue
            tries = [("B", other, None), ("C", coach, None)]
            if "candidate_id" in names and len(names & set(OWNED)) > 1:  # D's own overview is C's to see
                tries.append(("C as D's coach", coach, sharing))
            for who, client, candidate in tries:
                url = url_for(path, ids, candidate)
                if url.count(str(sharing)) and candidate is None:
                    continue
                response = attempt(client, method, url, dependant)
                walked += 1
                if response.status_code not in (403, 404):
                    failures.append(f"{who}: {method} {path} -> {response.status_code}")
                elif MARKER in response.text:
                    failures.append(f"{who}: {method} {path} shows the owner's data in its error")
    finally:
        other.close()
        coach.close()
    assert not failures, "\n".join(failures)
    assert walked > 60
    assert snapshot(store, owner) == before[owner], "a walk changed the owner's rows"
    assert snapshot(store, sharing) == before[sharing], "a walk changed the sharing candidate's rows"
