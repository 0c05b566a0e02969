"""Progress in words that mean it: no "strength" in leaving something out, criteria with few checks shown as
such, and a time axis by day (never the same time three times)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coach.store.repository import Store
from coach.web.routes.progress import _date_axis, compute_progress
from tests.store.support import new_interview
from tests.web.conftest import Client
from tests.web.test_progress import _points, add

FILLERS, STAR, LESSON, FIGURES = "delivery.fillers", "structure.star", "learning.lesson", "evidence.figures"


def _seed(store: Store) -> None:
    user = store.user_id()
    interview = new_interview(store, user)
    moment = datetime(2025, 5, 1, 11, 4)
    for position in range(4):
        statuses = {FILLERS: "met", STAR: "met", FIGURES: "missed" if position else "met"}
        if position == 0:
            statuses[LESSON] = "missed"  # checked once: too few to call weak
        add(store, user, interview, position, 60, statuses, moment + timedelta(seconds=20 * position))


def test_leaving_fillers_out_is_no_strength_and_few_checks_are_said(client: Client, store: Store) -> None:
    _seed(store)
    progress = compute_progress(_points(store), "en")
    strong = [s.criterion_id for s in progress.strongest]
    assert STAR in strong and FILLERS not in strong
    assert [s.criterion_id for s in progress.weakest] == [FIGURES]
    assert LESSON in [s.criterion_id for s in progress.few_checks]
    html = client.get("/progress").text
    assert "What you do well" in html and "What to work on" in html
    assert "Checked too few times to say" in html and "0% of 1 answers" in html


def test_the_time_axis_is_by_day() -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    ax = figure.add_subplot()
    times = [datetime(2025, 5, 1, 11, 4, s, tzinfo=UTC) for s in (0, 20, 40)]
    ax.plot(times, [1, 2, 3])
    _date_axis(ax, "nl", times)
    figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels == ["1 mei"]
    ax2 = figure.add_subplot(2, 1, 2)
    spread = [datetime(2025, 5, d, 11, tzinfo=UTC) for d in (1, 3, 20)]
    ax2.plot(spread, [1, 2, 3])
    _date_axis(ax2, "en", spread)
    figure.canvas.draw()
    labels = [t.get_text() for t in ax2.get_xticklabels() if t.get_text()]
    assert len(labels) == len(set(labels)) and all(":" not in label for label in labels)


def test_progress_lets_you_practise_a_question_for_what_to_work_on(client: Client, store: Store) -> None:
    _seed(store)
    html = client.get("/progress").text
    assert "Or practise one of these questions on its own:" in html
    assert html.count('/practise" class="practise-form"') >= 1
