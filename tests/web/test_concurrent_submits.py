"""Twenty simultaneous submits of one question: one stored answer, the others told plainly, nothing lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from coach.store.repository import Store
from tests.web.conftest import Client, form_value
from tests.web.test_interviews import start

TEXT = "My target was €400,000 and I closed €448,000, which is 112% of target. Tab {n}."


def test_twenty_submits_of_one_question_store_one_answer(client: Client, store: Store) -> None:
    url = start(client)
    page = client.get(url).text
    fields = {name: form_value(page, name) for name in ("position", "kind")}
    client.csrf  # noqa: B018 - set the cookie before the threads start

    def send(n: int) -> tuple[int, str]:
        # every tab has its own form (its own token): twenty different submissions of the same question
        response = client.post_form(url + "/answer", {**fields, "token": f"tab-{n:04d}-token", "text": TEXT.format(n=n)})
        return response.status_code, response.text

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(send, range(20)))
    interview = store.interview(store.user_id(), int(url.rsplit("/", 1)[1]))
    assert interview is not None
    first = [a for a in interview.answers if a.position == 0 and a.kind == "answer"]
    assert len(first) == 1 and first[0].attempt == 1
    statuses = sorted(status for status, _ in results)
    assert 503 not in statuses and 500 not in statuses, statuses
    assert statuses.count(200) >= 1 and set(statuses) <= {200, 409}
    for status, html in results:
        if status == 409:
            assert "already answered" in html and "Tab " in html  # told plainly, and the text given back
            assert f'href="/answers/{first[0].id}"' in html


def test_a_submit_from_an_old_tab_gives_the_text_back(client: Client) -> None:
    url = start(client)
    page = client.get(url).text
    fields = {name: form_value(page, name) for name in ("position", "kind")}
    client.post_form(url + "/answer", {**fields, "token": "first-tab-token", "text": TEXT.format(n=1)})
    late = client.post_form(url + "/answer", {**fields, "token": "second-tab-token", "text": TEXT.format(n=2)})
    assert late.status_code == 409 and "Tab 2." in late.text
