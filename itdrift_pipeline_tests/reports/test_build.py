"""Reports built from the warehouse views: one page per municipality and year, Danish numbers, an index."""

from decimal import Decimal
from pathlib import Path

from itdrift_pipeline.reports import BuiltReports, build_reports
from itdrift_pipeline.reports.build import report_file_name
from itdrift_pipeline.reports.data import ReportKey
from itdrift_pipeline.reports.format import danish_number
from itdrift_pipeline.warehouse import make_engine


def test_danish_number_format() -> None:
    assert danish_number(Decimal("45271")) == "45.271"
    assert danish_number(Decimal("-1827000") / 1000) == "-1.827"
    assert danish_number(Decimal("-746.81")) == "-746,81"
    assert danish_number(Decimal("1003472.50")) == "1.003.472,5"
    assert danish_number(None) == ""


def test_report_file_name_is_ascii() -> None:
    assert report_file_name(ReportKey("Næstved Kommune", 2020)) == "naestved_kommune_2020.html"


def test_empty_warehouse_gives_an_index_that_says_so(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    built = build_reports(engine, tmp_path / "reports")
    engine.dispose()
    assert built.report_paths == []
    assert "itdrift run" in built.index_path.read_text(encoding="utf-8")


def test_seed_report_shows_the_published_figures_and_defects(seed_reports: BuiltReports) -> None:
    [path] = seed_reports.report_paths
    assert path.name == "naestved_kommune_2020.html"
    html = path.read_text(encoding="utf-8")
    for printed in ("45.271", "47.098", "-1.827", "-1.003", "44.168", "41.487"):
        assert printed in html, printed
    # Price years of the multi-year chart's points, from the notes via v_multi_year.
    for label in ("2018-priser", "2019-priser", "2020-priser"):
        assert label in html
    assert html.count("<svg") == 2  # variance by activity, multi-year actuals
    # The Anlæg sign defect, with its page.
    assert "variance_mismatch" in html and "side 1" in html
    index = seed_reports.index_path.read_text(encoding="utf-8")
    assert 'href="naestved_kommune_2020.html"' in index
