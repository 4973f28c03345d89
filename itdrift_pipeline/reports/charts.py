"""The report's charts: Vega-Lite specs built with Altair, rendered to inline SVG by vl-convert.

Inline SVG keeps a report one self-contained file that opens offline (no CDN JavaScript). Values are
converted to float here only to place marks; every printed label is formatted from the Decimal.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import vl_convert

from itdrift_pipeline.reports.format import danish_number

SURPLUS, DEFICIT, UNSTATED = "overskud", "underskud", "fortegn ikke oplyst"


def _variance_meaning(variance: float, sign_convention: str | None) -> str:
    """Whether a printed variance is a surplus, read through the table's own sign convention."""
    if sign_convention == "actual_minus_budget":
        return SURPLUS if variance < 0 else DEFICIT
    if sign_convention == "budget_minus_actual":
        return SURPLUS if variance > 0 else DEFICIT
    return UNSTATED


# The smallest chart: rendered once by start_renderer.
_FIRST_CHART = '{"data": {"values": [{"x": 1}]}, "mark": "bar", "encoding": {"x": {"field": "x"}}}'


def start_renderer() -> None:
    """Start vl-convert's renderer, which takes about half a second on its first chart of a process, so
    that a caller with idle time (`itdrift run` while its workers load documents) pays it then."""
    vl_convert.vegalite_to_svg(vl_spec=_FIRST_CHART, format_locale="da-DK")


def _svg(chart: alt.TopLevelMixin) -> str:
    # Danish axis numbers ("-1.100", "45.000"), matching the tables.
    return vl_convert.vegalite_to_svg(vl_spec=chart.to_json(), format_locale="da-DK")


def variance_by_activity(activities: list[dict[str, Any]]) -> str | None:
    """Horizontal bars of Over-/underskud per aktivitetsområde (level 1), coloured by what the sign means."""
    rows = [
        {
            "activity": f"{a['policy_area']} · {a['activity_code']} {a['activity_label']}",
            "variance": float(a["variance_printed_tdkk"]),
            "label": danish_number(a["variance_printed_tdkk"]),
            "meaning": _variance_meaning(float(a["variance_printed_tdkk"]), a["variance_sign_convention"]),
        }
        for a in activities
        if a["activity_level"] == 1 and a["variance_printed_tdkk"] is not None
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    order = list(frame["activity"])
    # A quarter more room beyond the longest bars, for their value labels.
    domain = [min(frame["variance"].min(), 0) * 1.25, max(frame["variance"].max(), 0) * 1.25 or 1.0]
    base = alt.Chart(frame).encode(
        y=alt.Y("activity:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("variance:Q", title="Over-/underskud, 1.000 kr.", scale=alt.Scale(domain=domain, nice=True)),
    )
    bars = base.mark_bar(height=14).encode(
        color=alt.Color(
            "meaning:N",
            title="Betydning",
            scale=alt.Scale(domain=[SURPLUS, DEFICIT, UNSTATED], range=["#2e7d32", "#c62828", "#9e9e9e"]),
        )
    )
    # Labels sit just outside the bar's end: right of a positive bar, left of a negative one.
    right = base.mark_text(align="left", dx=4, fontSize=11).encode(text="label:N").transform_filter(
        alt.datum.variance >= 0)
    left = base.mark_text(align="right", dx=-4, fontSize=11).encode(text="label:N").transform_filter(
        alt.datum.variance < 0)
    chart = (bars + right + left).properties(width=520, height=max(60, 22 * len(rows)),
                                        title="Over-/underskud pr. aktivitetsområde")
    return _svg(chart)


def multi_year_actuals(points: list[dict[str, Any]]) -> str | None:
    """Regnskab by year per policy area and account, each point labelled with its price year."""
    rows = [
        {
            "series": f"{p['policy_area']} – {'anlæg' if p['account'] == 'anlaeg' else 'drift'}",
            "year": str(p["fiscal_year"]),
            "actual": float(p["actual_tdkk"]),
            "price_label": f"{danish_number(p['actual_tdkk'])} ({p['price_year']}-priser)"
            if p["price_year"] is not None
            else f"{danish_number(p['actual_tdkk'])} (prisår ikke oplyst)",
        }
        for p in points
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title="Regnskabsår", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("actual:Q", title="Regnskab, 1.000 kr."),
        color=alt.Color("series:N", title="Politikområde"),
    )
    lines = base.mark_line(point=True)
    labels = base.mark_text(dy=-10, fontSize=10).encode(text="price_label:N")
    chart = (lines + labels).properties(width=520, height=300,
                                         title="Regnskab over flere år, med prisår for hvert punkt")
    return _svg(chart)
