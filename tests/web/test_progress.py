"""The progress page: SVG charts over seeded answers, strongest and weakest criteria, drills, empty state."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from html import escape as html_escape
from html import unescape
from typing import Any

from coach.analysis.rules import load_criteria
from coach.content.bank import get_question
from coach.store.models import Interview
from coach.store.repository import Store
from coach.web.routes.progress import compute_progress, outcomes
from tests.store.support import backdate, new_interview
from tests.web.conftest import Client, form_value

SVG = "{http://www.w3.org/2000/svg}"


def feedback(question_id: str, score: int, statuses: dict[str, str]) -> dict[str, Any]:
    """Feedback in wire form with one finding per criterion."""
    findings = [
        {"criterion": c, "status": s, "message": "", "tip": "", "spans": []} for c, s in statuses.items()
    ]
    return {
        "schema": 1,
        "language": "en",
        "question": {"id": question_id},
        "score": score,
        "findings": findings,
    }


def add(
    store: Store,
    user: int,
    interview: int | None,
    position: int,
    score: int,
    statuses: dict[str, str],
    when: datetime,
    question_id: str = "it.production_incident",
    kind: str = "answer",
) -> int:
    answer_id = store.add_answer(
        user,
        interview_id=interview,
        position=position,
        question_id=question_id,
        question_text="Question?",
        text="My answer.",
        lang="en",
        score=score,
        feedback=feedback(question_id, score, statuses),
        kind=kind,
    )
    backdate(store, answer_id, when)
    return answer_id


STAR, FIGURES, LESSON = "structure.star", "evidence.figures", "learning.lesson"


def seed(store: Store) -> int:
    """Two interviews: 4 answered questions (one retried, one followed up) on 1 May, 3 on 8 May."""
    user = store.user_id()
    first = new_interview(store, user)
    day1, day2 = datetime(2025, 5, 1, 10), datetime(2025, 5, 8, 10)
    add(store, user, first, 0, 40, {STAR: "missed", FIGURES: "missed", LESSON: "met"}, day1)
    add(store, user, first, 0, 70, {STAR: "met", FIGURES: "missed", LESSON: "met"}, day1)  # a better retry
    add(store, user, first, 1, 50, {STAR: "met", FIGURES: "missed", LESSON: "met"}, day1)
    add(store, user, first, 1, 30, {STAR: "missed", FIGURES: "missed"}, day1)  # a worse retry
    add(store, user, first, 2, 60, {STAR: "met", FIGURES: "missed", LESSON: "met"}, day1)
    add(store, user, first, 3, 20, {STAR: "missed", FIGURES: "missed"}, day1)
    add(store, user, first, 3, 45, {STAR: "met", FIGURES: "warning"}, day1, kind="follow_up")
    second = new_interview(store, user)
    add(store, user, second, 0, 80, {STAR: "met", FIGURES: "met", LESSON: "met"}, day2)
    add(store, user, second, 1, 90, {STAR: "met", FIGURES: "missed", LESSON: "met"}, day2)
    add(store, user, second, 2, 85, {STAR: "met", FIGURES: "missed", LESSON: "met"}, day2)
    return user


def charts(html: str) -> dict[str, ET.Element]:
    """Every inline SVG of a page, parsed (so each is well-formed XML), by its id prefix."""
    found = {}
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        root = ET.fromstring(svg)
        assert root.tag == SVG + "svg" and root.get("role") == "img" and root.get("aria-label")
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids))
        found[ids[0].split("-")[0]] = root
    return found


def group(root: ET.Element, gid: str) -> ET.Element:
    matches = [el for el in root.iter(SVG + "g") if el.get("id", "").endswith(gid)]
    assert len(matches) == 1, gid
    return matches[0]


def markers(root: ET.Element, gid: str) -> int:
    return len(list(group(root, gid).iter(SVG + "use")))


def test_empty_state_says_so_and_links_to_the_start_page(client: Client) -> None:
    html = client.get("/progress").text
    assert "There is nothing to show yet" in html
    assert 'href="/"' in html and "<svg" not in html
    client.cookies.set("coach_lang", "nl")
    assert "Er is nog niets te zien" in client.get("/progress").text


def test_charts_have_one_point_per_best_answer_and_one_per_interview(client: Client, store: Store) -> None:
    seed(store)
    response = client.get("/progress")
    assert response.status_code == 200
    svgs = charts(response.text)
    assert set(svgs) == {"scores", "trend", "bars"}
    assert markers(svgs["scores"], "score-points") == 7  # 4 + 3 questions, best attempt each
    assert markers(svgs["scores"], "score-average") == 2  # one per interview
    for index in range(3):  # star, figures and lesson were checked in both interviews
        assert markers(svgs["trend"], f"trend-{index}") == 2
    bars = [g for g in svgs["bars"].iter(SVG + "g") if re.fullmatch(r"bars-bar-\d+", g.get("id", ""))]
    assert len(bars) == len(compute_progress(_points(store), "en").bars) >= 3
    assert "Score over time" in response.text and "Interview date" in response.text


def _points(store: Store) -> Any:
    from coach.store.progress import best_attempts

    return best_attempts(store, store.user_id())


def test_rates_use_the_best_attempts(store: Store) -> None:
    seed(store)
    progress = compute_progress(_points(store), "en")
    rates = {s.criterion_id: (s.met, s.checked) for s in progress.stats}
    assert rates[STAR] == (7, 7)
    assert rates[FIGURES] == (1, 7)
    assert rates[LESSON] == (6, 6)
    assert [s.criterion_id for s in progress.weakest][0] == FIGURES
    assert STAR in [s.criterion_id for s in progress.strongest]
    assert [round(v) for _, v in dict((s.criterion_id, line) for s, line in progress.trend)[FIGURES]] == [
        0,
        14,
    ]
    assert progress.average == round((70 + 50 + 60 + 45 + 80 + 90 + 85) / 7)


def test_avoidance_criteria_count_as_met_when_not_reported() -> None:
    clean = outcomes(feedback("it.production_incident", 80, {STAR: "met"}))
    assert clean["attitude.blame"] is True and clean[STAR] is True
    blamed = outcomes(feedback("it.production_incident", 50, {STAR: "met", "attitude.blame": "warning"}))
    assert blamed["attitude.blame"] is False
    off_topic = outcomes(feedback("it.production_incident", 10, {"relevance.on_topic": "missed"}))
    assert "attitude.blame" not in off_topic
    assert outcomes({"findings": []}) == {}


def test_a_red_flag_for_other_kinds_of_question_does_not_count_as_met() -> None:
    story = feedback("it.production_incident", 80, {STAR: "met"})
    story["question"]["kind"] = "behavioural"
    assert "attitude.demands" not in outcomes(story)  # only run on practical questions
    salary = feedback("general.salary_expectations", 70, {"interview.practicalities": "met"})
    salary["question"]["kind"] = "practicalities"
    assert outcomes(salary)["attitude.demands"] is True


def test_strongest_and_weakest_in_dutch_with_tips_and_drill_buttons(client: Client, store: Store) -> None:
    seed(store)
    client.cookies.set("coach_lang", "nl")
    html = client.get("/progress").text
    criteria = load_criteria()
    assert criteria[FIGURES].name.nl in html  # "Concrete cijfers"
    assert criteria[STAR].name.nl in html
    assert "Wat je goed doet" in html and "Waar je aan kunt werken" in html
    assert "14% van 7 antwoorden" in html
    assert "Datum van het gesprek" in html and "Je score in de loop van de tijd" in html  # chart labels translated
    assert criteria[FIGURES].tip.nl.strip() in unescape(html)
    assert 'action="/drills"' in html and f'name="criterion" value="{FIGURES}"' in html


def test_drill_starts_an_interview_on_the_criterion(client: Client, store: Store) -> None:
    seed(store)
    html = client.get("/progress").text
    assert f'value="{FIGURES}"' in html
    response = client.post_form("/drills", {"criterion": FIGURES, "lang": "nl"}, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/interviews/\d+", location)
    with store.session() as s:
        drill = s.get(Interview, int(location.rsplit("/", 1)[1]))
        assert drill is not None
        plan, lang, sector = list(drill.plan), drill.lang, drill.sector
    assert len(plan) == 3 and lang == "nl" and sector == "it"  # the user's usual sector
    assert all(FIGURES in get_question(q).rubric for q in plan)  # type: ignore[union-attr]
    page = client.get(location)
    asked = html_escape(get_question(plan[0]).text.nl)  # type: ignore[union-attr]  # "collega's" is escaped
    assert page.status_code == 200 and asked in page.text
    assert form_value(page.text, "position") == "0"


def test_drill_refuses_what_it_cannot_plan(client: Client) -> None:
    assert client.post_form("/drills", {"criterion": "no.such", "lang": "en"}).status_code == 400
    refused = client.post_form("/drills", {"criterion": "delivery.fillers", "lang": "en"})
    assert refused.status_code == 400 and "no practice questions" in refused.text
    assert client.post_form("/drills", {"criterion": FIGURES, "lang": "de"}).status_code == 400
    assert client.post("/drills", data={"criterion": FIGURES, "lang": "en"}).status_code == 403  # no CSRF


def test_every_answer_criterion_gets_a_tip_but_only_rubric_ones_a_drill(client: Client, store: Store) -> None:
    user = store.user_id()
    first = new_interview(store, user)
    for position in range(3):
        add(
            store, user, first, position, 30, {"delivery.length": "missed", STAR: "met"}, datetime(2025, 5, 1)
        )
    html = client.get("/progress").text
    assert load_criteria()["delivery.length"].name.en in html
    assert "any mock interview is practice for it" in html
    assert 'value="delivery.length"' not in html


def test_only_the_users_own_answers_count(client: Client, store: Store) -> None:
    other = store.user_id("someone-else")
    theirs = new_interview(store, other)
    add(store, other, theirs, 0, 90, {STAR: "met"}, datetime(2025, 5, 1))
    assert "There is nothing to show yet" in client.get("/progress").text


def test_interview_driven_through_the_client_shows_up(client: Client) -> None:
    started = client.post_form(
        "/interviews",
        {"sector": "it", "role": "backend", "level": "medior", "interview_lang": "en", "questions": "3"},
    )
    url = str(started.url)
    page = client.get(url).text
    client.post_form(
        url + "/answer",
        {
            "text": "I fixed a bug <script>alert(1)</script> with my team.",
            "token": form_value(page, "token"),
            "position": "0",
            "kind": "answer",
        },
    )
    html = client.get("/progress").text
    svgs = charts(html)
    assert markers(svgs["scores"], "score-points") == 1
    assert "<script>alert" not in html  # answers are never shown here, let alone unescaped


def test_dates_are_shown_on_the_users_clock_not_in_utc(client: Client, store: Store, amsterdam: None) -> None:
    """23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam: the tables, the chart's axis and the CLI say so."""
    user = store.user_id()
    first = new_interview(store, user)
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    add(store, user, first, 0, 60, {STAR: "met"}, late)
    add(store, user, first, 1, 70, {STAR: "met"}, late + timedelta(minutes=20))
    with store.session() as s:
        s.get(Interview, first).created_at = late  # type: ignore[union-attr]
    assert "02-03-2026 00:30" in client.get("/history").text
    assert "02-03-2026 00:30" in client.get(f"/history/{first}").text
    progress = client.get("/progress").text
    assert "02-03-2026 00:30" in progress and "01-03-2026" not in progress
    assert "00:30" in progress and "23:30" not in progress  # the score chart's time ticks (one day)

    from typer.testing import CliRunner

    from coach.cli import app

    same_store = {"COACH_DATABASE_URL": store.engine.url.render_as_string(hide_password=False), "COLUMNS": "160"}
    listed = CliRunner().invoke(app, ["history"], env=same_store)
    assert "2026-03-02 00:30" in listed.output
    as_json = json.loads(CliRunner().invoke(app, ["history", "--json"], env=same_store).output)
    assert as_json[0]["created_at"] == "2026-03-01T23:30:00+00:00"  # the wire keeps UTC, with its offset
