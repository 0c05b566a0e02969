"""The results one-pager: HTML with a chart (matplotlib, as SVG), printed to one A4 page by WeasyPrint.

The same HTML is the preview in the web app, so what the candidate sees is what the PDF holds. Both
libraries are imported only when a one-pager is drawn (start-up budget of the CLI).
"""

from __future__ import annotations

import base64
import io
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from coach.i18n import translate
from coach.sales.profile import Profile, money_text, percent_text


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env


def _template() -> str:
    return resources.files("coach.sales").joinpath("templates", "onepager.html").read_text(encoding="utf-8")


def chart_svg(profile: Profile, lang: str) -> str:
    """Two charts side by side as SVG: target against result per period (with % of target), and the split
    between new business and upsell per period."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    periods = profile.periods
    labels = [p.label for p in periods]
    x = list(range(len(periods)))
    fig = Figure(figsize=(7.2, 2.5))
    fig.rcParams = None  # type: ignore[attr-defined]
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    width = 0.38
    scale = 1000.0
    left.bar(
        [i - width / 2 for i in x],
        [p.target / scale for p in periods],
        width,
        label=translate(lang, "Target"),
        color="#b8c7d6",
    )
    bars = left.bar(
        [i + width / 2 for i in x],
        [p.result / scale for p in periods],
        width,
        label=translate(lang, "Result"),
        color="#1f5f8b",
    )
    for bar, p in zip(bars, periods, strict=True):
        left.annotate(
            percent_text(p.percent, lang),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=7,
        )
    left.set_xticks(x, labels, fontsize=7)
    left.set_ylabel(translate(lang, "× €1,000"), fontsize=7)
    left.tick_params(axis="y", labelsize=7)
    left.set_title(translate(lang, "Target and result"), fontsize=8)
    left.legend(fontsize=7, frameon=False)
    left.margins(y=0.15)
    split = [p for p in periods if p.new_business is not None and p.upsell is not None]
    if split:
        sx = list(range(len(split)))
        nb = [p.new_business / scale for p in split]  # type: ignore[operator]
        up = [p.upsell / scale for p in split]  # type: ignore[operator]
        right.bar(sx, nb, 0.6, label=translate(lang, "New business"), color="#1f5f8b")
        right.bar(sx, up, 0.6, bottom=nb, label=translate(lang, "Upsell"), color="#e0a33a")
        right.set_xticks(sx, [p.label for p in split], fontsize=7)
        right.tick_params(axis="y", labelsize=7)
        right.set_title(translate(lang, "New business and upsell"), fontsize=8)
        right.legend(fontsize=7, frameon=False)
        right.margins(y=0.15)
    else:
        right.axis("off")
    for ax in (left, right):
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg")
    return out.getvalue()


def render_html(profile: Profile, lang: str, today: date | None = None) -> str:
    """The one-pager as a standalone HTML page in `lang` (the preview, and the PDF's source)."""
    lang = "nl" if lang == "nl" else "en"

    def _(message: str, **values: Any) -> str:
        return translate(lang, message, **values)

    svg = chart_svg(profile, lang)
    chart = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    moment = today or date.today()
    return (
        _environment()
        .from_string(_template())
        .render(
            profile=profile,
            lang=lang,
            _=_,
            chart=chart,
            money=lambda v: money_text(v, lang),
            percent=lambda v: percent_text(v, lang),
            today=moment.strftime("%d-%m-%Y"),
        )
    )


def render_pdf(profile: Profile, lang: str, today: date | None = None) -> bytes:
    """The one-pager as a one-page A4 PDF in `lang`."""
    from weasyprint import HTML

    return HTML(string=render_html(profile, lang, today)).write_pdf()  # type: ignore[no-any-return]
