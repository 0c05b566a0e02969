"""Progress: scores and criteria over time as server-drawn SVG charts and tables, and drills to practise.

The charts are drawn with matplotlib (Agg, imported on first use) into inline SVG; the same figures are
on the page as text, for screen readers and as a fallback.
"""

from __future__ import annotations

import io
import re
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from markupsafe import Markup, escape

from coach.analysis.rules import Criterion, load_criteria
from coach.content.bank import get_question
from coach.i18n import translate
from coach.practice.drills import drill_questions, make_drill_plan
from coach.practice.plan import PlanError
from coach.practice.session import InterviewSession
from coach.store.drills import drill_progress
from coach.store.progress import AnswerPoint, best_attempts, usual_language, usual_sector
from coach.web.deps import LangDep, StoreDep, UserDep, render
from coach.web.routes.it_toolkit import drill_name
from coach.web.sales_views import drills_context

router = APIRouter()

MIN_OCCURRENCES = 3  # a criterion needs this many checked answers before it counts as strong or weak
LISTED = 3  # strongest and weakest criteria in the tables
TREND_CRITERIA = 5  # criteria in the chart over time
TREND_WINDOW = 10  # the trend shows the share met in the criterion's last this many answers
BARS_PER_SIDE = 5  # strongest and weakest criteria in the bar chart
DRILL_SIZE = 3  # questions in a drill
CHART_WIDTH = 5.6  # inches; with 10-point text the charts stay legible when shrunk to a phone's width

_CHART_LOCK = threading.Lock()  # matplotlib's rc settings are global: draw one chart at a time
_CHART_CACHE: OrderedDict[tuple[Any, ...], dict[str, Markup]] = OrderedDict()  # same answers, same charts
_CHART_CACHE_SIZE = 8
_COLOURS = ("#1f5fbf", "#b3261e", "#1b7f3b", "#a15c00", "#6a3d9a")


@dataclass(frozen=True)
class CriterionStat:
    """How often one criterion was met in the best answers it was checked in."""

    criterion_id: str
    name: str
    checked: int
    met: int
    avoidance: bool  # met means "didn't do it": never a strength to point out

    @property
    def rate(self) -> float:
        return self.met / self.checked if self.checked else 0.0

    @property
    def percent(self) -> int:
        return round(self.rate * 100)


@dataclass(frozen=True)
class Session:
    """One interview (or one day of answers outside an interview): its time and best answers."""

    started: datetime
    interview_id: int | None
    points: tuple[AnswerPoint, ...]

    @property
    def average(self) -> int:
        return round(sum(p.score for p in self.points) / len(self.points))


@dataclass
class Progress:
    """Everything the progress page shows, in the UI language."""

    points: list[AnswerPoint]
    sessions: list[Session]
    stats: list[CriterionStat]
    trend: list[tuple[CriterionStat, list[tuple[datetime, float]]]] = field(default_factory=list)
    strongest: list[CriterionStat] = field(default_factory=list)
    weakest: list[CriterionStat] = field(default_factory=list)
    bars: list[tuple[CriterionStat, str]] = field(default_factory=list)  # (criterion, strong | weak)
    few_checks: list[CriterionStat] = field(default_factory=list)  # checked too rarely to call it either

    @property
    def average(self) -> int:
        return round(sum(p.score for p in self.points) / len(self.points)) if self.points else 0


def outcomes(feedback: dict[str, Any]) -> dict[str, bool]:
    """The criteria an answer was checked on, each with whether it was met.

    Met avoidance criteria (blaming, "I was right"...) are left out of the feedback, and so are all met
    criteria of an answer that misses the question; an avoidance criterion that was run but reported
    nothing counts as met when the answer was on topic (one that runs only for other kinds of question,
    `only_kinds`, was not run).
    """
    criteria = load_criteria()
    findings = feedback.get("findings") or []
    result = {f["criterion"]: f["status"] == "met" for f in findings if f.get("criterion") in criteria}
    if not result or not result.get("relevance.on_topic", True):
        return result
    asked = feedback.get("question") or {}
    question = get_question(asked.get("id") or "")
    rubric = question.rubric if question is not None else ()
    kind = asked.get("kind")
    for criterion in criteria.values():
        if not criterion.runs_for(kind):
            continue
        if criterion.extends == "avoidance" and (criterion.always or criterion.id in rubric):
            result.setdefault(criterion.id, True)
    return result


def _sessions(points: list[AnswerPoint]) -> list[Session]:
    groups: dict[tuple[Any, ...], list[AnswerPoint]] = defaultdict(list)
    for p in points:
        key = ("interview", p.interview_id) if p.interview_id is not None else ("day", p.created_at.date())
        groups[key].append(p)
    sessions = [
        Session(min(p.created_at for p in group), group[0].interview_id, tuple(group))
        for group in groups.values()
    ]
    return sorted(sessions, key=lambda s: (s.started, s.interview_id or 0))


def _stat(criterion: Criterion, results: list[bool], lang: str) -> CriterionStat:
    return CriterionStat(
        criterion.id, criterion.name.get(lang), len(results), sum(results), criterion.extends == "avoidance"
    )


def compute_progress(points: list[AnswerPoint], lang: str) -> Progress:
    """Sessions, criterion met rates, the trend of the most-checked criteria, strongest and weakest."""
    criteria = load_criteria()
    sessions = _sessions(points)
    per_answer = {p.answer_id: outcomes(p.feedback) for p in points}
    results: dict[str, list[bool]] = defaultdict(list)
    for p in points:
        for cid, met in per_answer[p.answer_id].items():
            results[cid].append(met)
    stats = {cid: _stat(criteria[cid], met, lang) for cid, met in results.items()}
    progress = Progress(points, sessions, sorted(stats.values(), key=lambda s: s.criterion_id))

    # The criteria every answer gets (length, filler words...) would always fill the trend chart:
    # the questions' own criteria come first.
    by_checks = sorted(
        stats.values(), key=lambda s: (criteria[s.criterion_id].always, -s.checked, s.criterion_id)
    )
    for stat in by_checks[:TREND_CRITERIA]:
        line: list[tuple[datetime, float]] = []
        history: list[bool] = []
        for session in sessions:
            seen = [
                per_answer[p.answer_id][stat.criterion_id]
                for p in session.points
                if stat.criterion_id in per_answer[p.answer_id]
            ]
            if seen:
                history += seen
                recent = history[-TREND_WINDOW:]
                day = session.started.replace(hour=12, minute=0, second=0, microsecond=0)
                if line and line[-1][0] == day:  # the time axis is by day: a day's last value stands
                    line.pop()
                line.append((day, 100 * sum(recent) / len(recent)))
        progress.trend.append((stat, line))

    eligible = [s for s in stats.values() if s.checked >= MIN_OCCURRENCES]
    weak = sorted((s for s in eligible if s.rate < 1), key=lambda s: (s.rate, -s.checked, s.criterion_id))
    progress.weakest = weak[:LISTED]
    progress.few_checks = sorted(
        (s for s in stats.values() if s.checked < MIN_OCCURRENCES), key=lambda s: (s.rate, s.criterion_id)
    )
    # A strength is something done, not something left out: "few filler words" or "no blaming" is no
    # strength to point out, so the criteria every answer gets and avoidance criteria are not listed.
    strong = sorted(
        (
            s
            for s in eligible
            if s.rate > 0
            and not s.avoidance
            and not criteria[s.criterion_id].always
            and s not in progress.weakest
        ),
        key=lambda s: (-s.rate, -s.checked, s.criterion_id),
    )
    progress.strongest = strong[:LISTED]
    shown_weak = weak[:BARS_PER_SIDE]
    shown_strong = [s for s in strong if s not in shown_weak][:BARS_PER_SIDE]
    progress.bars = sorted(
        [(s, "strong") for s in shown_strong] + [(s, "weak") for s in shown_weak],
        key=lambda item: (-item[0].rate, item[0].criterion_id),
    )
    return progress


# --- charts -------------------------------------------------------------------------------------------


def _new_figure(height: float, left: float = 0.7, bottom: float = 0.5) -> Any:
    """A figure CHART_WIDTH inches wide with fixed margins in inches (a layout engine would draw twice)."""
    from matplotlib.figure import Figure

    width = CHART_WIDTH
    figure = Figure(figsize=(width, height), dpi=100)
    figure.subplots_adjust(
        left=left / width, right=1 - 0.15 / width, bottom=bottom / height, top=1 - 0.35 / height
    )
    return figure, figure.add_subplot()


def _style_axes(ax: Any) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e4e8ef", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=10)


def _date_axis(ax: Any, lang: str, times: list[datetime]) -> None:
    """A time axis by day: one tick per day (or per few days), labelled with the date, never a time."""
    from datetime import timedelta

    from babel.dates import format_date
    from matplotlib.dates import DayLocator, num2date
    from matplotlib.ticker import FuncFormatter

    first, last = min(times), max(times)
    days = (last.date() - first.date()).days
    tz = first.tzinfo
    if days == 0:  # one day: one tick in its middle
        noon = first.replace(hour=12, minute=0, second=0, microsecond=0)
        ax.set_xlim(noon - timedelta(hours=12), noon + timedelta(hours=12))
        ax.set_xticks([noon])
    else:
        ax.xaxis.set_major_locator(DayLocator(interval=max(1, -(-(days + 1) // 7)), tz=tz))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: format_date(num2date(value, tz=tz), "d MMM", locale=lang))
    )


def _score_chart(progress: Progress, lang: str) -> Any:
    figure, ax = _new_figure(3.3, bottom=0.9)
    _style_axes(ax)
    times = [p.created_at for p in progress.points]
    ax.plot(
        times,
        [p.score for p in progress.points],
        linestyle="none",
        marker="o",
        markersize=4,
        alpha=0.55,
        color="#5b6473",
        gid="score-points",
        label=translate(lang, "Best answer to a question"),
    )
    ax.plot(
        [s.started for s in progress.sessions],
        [s.average for s in progress.sessions],
        linestyle="-",
        marker="s",
        markersize=5,
        linewidth=2,
        color="#1f5fbf",
        gid="score-average",
        label=translate(lang, "Average per interview"),
    )
    ax.set_ylim(0, 100)
    ax.set_title(translate(lang, "Score over time"), fontsize=12)
    ax.set_ylabel(translate(lang, "Score out of 100"), fontsize=10)
    ax.set_xlabel(translate(lang, "Date"), fontsize=10)
    _date_axis(ax, lang, times)
    figure.legend(loc="lower center", ncols=2, fontsize=9, frameon=False)
    return figure


def _trend_chart(progress: Progress, lang: str) -> Any:
    """One small panel per criterion, sharing the time axis: easier to read than crossing lines."""
    from matplotlib.figure import Figure

    rows = len(progress.trend)
    width, height = CHART_WIDTH, 0.75 + 0.9 * rows
    figure = Figure(figsize=(width, height), dpi=100)
    figure.subplots_adjust(
        left=0.7 / width, right=1 - 0.15 / width, bottom=0.5 / height, top=1 - 0.6 / height, hspace=0.8
    )
    axes = figure.subplots(rows, 1, sharex=True, squeeze=False)[:, 0]
    times = [t for _, line in progress.trend for t, _ in line]
    for index, ((stat, line), ax) in enumerate(zip(progress.trend, axes, strict=True)):
        _style_axes(ax)
        colour = _COLOURS[index % len(_COLOURS)]
        xs, ys = [t for t, _ in line], [v for _, v in line]
        ax.fill_between(xs, ys, color=colour, alpha=0.12, linewidth=0)
        ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.6, color=colour, gid=f"trend-{index}")
        ax.set_ylim(0, 105)
        ax.set_yticks([0, 50, 100], ["0%", "50%", "100%"])
        title = stat.name
        if stat.checked < MIN_OCCURRENCES:
            title += " " + translate(lang, "(checked {n}×: too few to say)", n=stat.checked)
        ax.set_title(title, loc="left", fontsize=10, pad=3)
    axes[0].figure.suptitle(
        translate(lang, "How often you met each criterion"), fontsize=12, x=0.7 / width, ha="left"
    )
    axes[-1].set_xlabel(translate(lang, "Interview date"), fontsize=10)
    _date_axis(axes[-1], lang, times)
    return figure


def _bar_chart(progress: Progress, lang: str) -> Any:
    names = [stat.name for stat, _ in progress.bars]
    left = min(3.0, 0.25 + 0.076 * max(len(n) for n in names))  # room for the names at 10 points
    figure, ax = _new_figure(1.0 + 0.32 * len(progress.bars), left=left, bottom=0.5)
    _style_axes(ax)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e4e8ef", linewidth=0.8)
    rates = [stat.percent for stat, _ in progress.bars]
    colours = ["#1b7f3b" if side == "strong" else "#b3261e" for _, side in progress.bars]
    bars = ax.barh(range(len(names)), rates, color=colours, height=0.6)
    for index, bar in enumerate(bars):
        bar.set_gid(f"bar-{index}")
    ax.bar_label(bars, labels=[f"{r}%" for r in rates], padding=3, fontsize=9)
    ax.set_yticks(range(len(names)), names, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, 112)
    ax.set_title(translate(lang, "Your strongest and weakest criteria"), fontsize=12)
    ax.set_xlabel(translate(lang, "Met (% of answers)"), fontsize=10)
    return figure


def _to_svg(figure: Any, name: str, title: str) -> Markup:
    """The figure as inline SVG: no XML prologue or metadata, its ids prefixed with `name`, labelled."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    ids = set(re.findall(r'\sid="([^"]+)"', svg))
    svg = re.sub(
        r'(\sid="|#)([A-Za-z_][\w.\-]*)',
        lambda m: f"{m.group(1)}{name}-{m.group(2)}" if m.group(2) in ids else m.group(0),
        svg,
    )
    label = f' role="img" aria-label="{escape(title)}" class="progress-chart"'
    return Markup(svg.replace("<svg", "<svg" + label, 1))


def render_charts(progress: Progress, lang: str) -> dict[str, Markup]:
    """The progress charts as inline SVG (only those with something to show); the last few are kept."""
    key = (
        lang,
        tuple((p.answer_id, p.interview_id, p.created_at, p.score) for p in progress.points),
        tuple((s.criterion_id, s.checked, s.met) for s in progress.stats),
        tuple((stat.criterion_id, tuple(line)) for stat, line in progress.trend),
    )
    with _CHART_LOCK:
        cached = _CHART_CACHE.get(key)
        if cached is None:
            cached = _draw_charts(progress, lang)
            _CHART_CACHE[key] = cached
            while len(_CHART_CACHE) > _CHART_CACHE_SIZE:
                _CHART_CACHE.popitem(last=False)
        else:
            _CHART_CACHE.move_to_end(key)
        return dict(cached)


def _draw_charts(progress: Progress, lang: str) -> dict[str, Markup]:
    import matplotlib

    matplotlib.use("Agg")
    charts: dict[str, Markup] = {}
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "coach"}):
        if progress.points:
            charts["scores"] = _to_svg(
                _score_chart(progress, lang), "scores", translate(lang, "Score over time")
            )
        if progress.trend:
            charts["trend"] = _to_svg(
                _trend_chart(progress, lang), "trend", translate(lang, "How often you met each criterion")
            )
        if progress.bars:
            charts["bars"] = _to_svg(
                _bar_chart(progress, lang), "bars", translate(lang, "Your strongest and weakest criteria")
            )
    return charts


@lru_cache(maxsize=64)
def _drillable(criterion_id: str) -> bool:
    return bool(drill_questions(criterion_id))


# --- routes -------------------------------------------------------------------------------------------


@router.get("/progress")
def progress_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Scores and criteria over time, strongest and weakest criteria, and what to practise next."""
    progress = compute_progress(best_attempts(store, user), lang)
    criteria = load_criteria()
    practise = [
        (stat, criteria[stat.criterion_id].tip.get(lang).strip(), _drillable(stat.criterion_id))
        for stat in progress.weakest
    ]
    sector = usual_sector(store, user)
    questions = {
        stat.criterion_id: sorted(
            drill_questions(stat.criterion_id), key=lambda q: (q.sector not in (sector, "general"), q.id)
        )[:DRILL_SIZE]
        for stat in progress.weakest
    }
    return render(
        request,
        "progress.html",
        lang,
        progress=progress,
        charts=render_charts(progress, lang) if progress.points else {},
        practise=practise,
        it_drills=[(drill_name(p.drill, lang), p) for p in drill_progress(store, user)],
        practise_questions=questions,
        drill_lang=usual_language(store, user) or lang,
        trend_window=TREND_WINDOW,
        drill_size=DRILL_SIZE,
        min_occurrences=MIN_OCCURRENCES,
        **drills_context(store, user, lang),
    )


@router.post("/drills")
def start_drill(  # type: ignore[no-untyped-def]
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    criterion: Annotated[str, Form(max_length=100)],
    drill_lang: Annotated[str, Form(alias="lang", max_length=5)],
):
    """Start a drill (a short practice interview on one criterion), then ask its first question."""
    if drill_lang not in ("nl", "en"):
        raise HTTPException(status_code=400, detail=translate(lang, "Choose Dutch or English for the drill."))
    try:
        plan = make_drill_plan(criterion, drill_lang, sector=usual_sector(store, user), count=DRILL_SIZE)
    except PlanError as exc:
        raise HTTPException(
            status_code=400, detail=translate(lang, "There are no practice questions for that point yet.")
        ) from exc
    session = InterviewSession.start(store, user, plan)
    return RedirectResponse(f"/interviews/{session.interview_id}", status_code=303)
