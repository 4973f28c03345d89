"""Reports built from the warehouse views: one page per municipality and year, Danish numbers, an index."""

import re
import shutil
from decimal import Decimal
from pathlib import Path

from itdrift_pipeline.pipeline import process_file
from itdrift_pipeline.reports import BuiltReports, build_reports
from itdrift_pipeline.reports.build import report_file_name
from itdrift_pipeline.reports.data import ReportKey
from itdrift_pipeline.reports.format import danish_number
from itdrift_pipeline.warehouse import make_engine
from itdrift_pipeline_tests.reports.conftest import SEED_PDF


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


def _links(html: str) -> list[str]:
    return re.findall(r'<a class="src" href="([^"]+)"', html)


def test_every_printed_figure_links_to_a_crop_written_beside_the_report(seed_reports: BuiltReports) -> None:
    [path] = seed_reports.report_paths
    html = path.read_text(encoding="utf-8")
    # Columns the report computes itself (the recomputed variance, a rule's expected value) are printed
    # nowhere; every other figure cell links to its source.
    computed = {"activities": {4}, "findings-table": {0}}
    for table in ("overall-result", "activities", "multi-year-table", "findings-table"):
        body = html.split(f'id="{table}"', 1)[1].split("</table>", 1)[0].split("<tbody>", 1)[1]
        for row in re.findall(r"<tr.*?</tr>", body, re.S):
            for column, cell in enumerate(re.findall(r'<td class="num">(.*?)</td>', row, re.S)):
                if cell.strip() and column not in computed.get(table, set()):
                    assert 'class="src"' in cell, (table, column, cell)
    links = _links(html)
    assert links and all((path.parent / link).is_file() for link in links)
    assert all(link.startswith("sources/") and link.endswith(".png") for link in links)
    # The cross-table findings show both cells they compare.
    assert "sammenlignet med" in html.split('id="findings-table"', 1)[1]


def test_a_rebuild_reuses_the_crops_and_a_missing_pdf_leaves_figures_unlinked(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'itdrift.sqlite'}")
    pdf = tmp_path / "raw" / SEED_PDF.name
    pdf.parent.mkdir()
    shutil.copy(SEED_PDF, pdf)
    try:
        assert process_file(pdf, engine).loaded
        first = build_reports(engine, tmp_path / "reports", raw_dir=pdf.parent)
        again = build_reports(engine, tmp_path / "reports", raw_dir=pdf.parent)
        pdf.unlink()
        missing = build_reports(engine, tmp_path / "elsewhere", raw_dir=pdf.parent)
    finally:
        engine.dispose()
    assert first.crops_rendered > 50 and first.crops_reused == 0
    assert again.crops_rendered == 0 and again.crops_reused == first.crops_rendered
    assert [Path(name).name for name in missing.sources_missing] == [pdf.name]
    html = missing.report_paths[0].read_text(encoding="utf-8")
    assert "45.271" in html and not _links(html)
