"""Builds the HTML reports: one page per municipality and fiscal year, and an index linking them.

Pages are written atomically (temporary file, then rename) so a reader never sees a half-written report.
Beside them, in sources/, the crop of every printed cell a report links to (itdrift_pipeline.reports.crops).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import jinja2
import sqlalchemy as sa

from itdrift_pipeline import settings
from itdrift_pipeline.lexicon import PHASE_LABELS
from itdrift_pipeline.reports import charts
from itdrift_pipeline.reports.crops import write_crops
from itdrift_pipeline.reports.data import ReportData, ReportKey, read_report, report_keys
from itdrift_pipeline.reports.format import danish_number

INDEX_NAME = "index.html"
ACCOUNT_LABELS = {"drift": "Drift", "anlaeg": "Anlæg"}
SIGN_CONVENTION_LABELS = {
    "actual_minus_budget": "+=underskud −=overskud",
    "budget_minus_actual": "+=overskud −=underskud",
}


@dataclass
class BuiltReports:
    index_path: Path
    report_paths: list[Path] = field(default_factory=list)
    crops_rendered: int = 0
    crops_reused: int = 0
    # Source files the warehouse names but the raw directory no longer holds: their figures are not linked.
    sources_missing: list[str] = field(default_factory=list)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("itdrift_pipeline.reports", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["dk"] = danish_number
    environment.filters["account"] = lambda a: ACCOUNT_LABELS.get(a, a or "")
    environment.filters["sign_convention"] = lambda s: SIGN_CONVENTION_LABELS.get(s, "ikke oplyst")
    environment.filters["file_name"] = lambda path: Path(path).name if path else ""
    # Column headings and the findings' phases in the words of the lexicon, the one home of the vocabulary.
    environment.globals["phase"] = PHASE_LABELS
    return environment


def report_file_name(key: ReportKey) -> str:
    """'Næstved Kommune', 2020 -> 'naestved_kommune_2020.html'."""
    return f"{_slug(key.municipality)}_{key.fiscal_year}.html"


def _slug(municipality: str) -> str:
    ascii_name = municipality.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")


def report_file_names(keys: list[ReportKey]) -> dict[ReportKey, str]:
    """One file name per report: the slug name, and where two municipalities share a slug
    ("Høje-Taastrup Kommune", "Høje Taastrup Kommune") each of them gets a short hash of its name as
    printed, so neither report overwrites the other."""
    municipalities_of: dict[str, set[str]] = {}
    for key in keys:
        municipalities_of.setdefault(_slug(key.municipality), set()).add(key.municipality)
    names = {}
    for key in keys:
        slug = _slug(key.municipality)
        if len(municipalities_of[slug]) > 1:
            digest = hashlib.sha256(key.municipality.encode("utf-8")).hexdigest()[:8]
            slug = f"{slug}_{digest}"
        names[key] = f"{slug}_{key.fiscal_year}.html"
    return names


def _file_mode() -> int:
    """The mode open() would give a new file under the process's umask (0644 under the usual 022):
    NamedTemporaryFile creates 0600, which a web server serving the reports cannot read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            umask = next(int(line.split()[1], 8) for line in status if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError):
        umask = 0o022
    return 0o666 & ~umask


def _write_atomically(path: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp",
                                     delete=False) as handle:
        handle.write(text)
    os.chmod(handle.name, _file_mode())
    os.replace(handle.name, path)


def _render_report(
    environment: jinja2.Environment, report: ReportData, generated: str, linked: set[str]
) -> str:
    return environment.get_template("report.html.j2").render(
        report=report,
        linked=linked,
        generated=generated,
        variance_chart=charts.variance_by_activity(report.activities),
        multi_year_chart=charts.multi_year_actuals(report.multi_year),
        index_name=INDEX_NAME,
    )


def build_reports(
    engine: sa.Engine, out_dir: Path, raw_dir: str | os.PathLike[str] | None = None
) -> BuiltReports:
    """Write one report per (municipality, fiscal year) in the warehouse and the index page to out_dir, and
    the crops of the cells they link to, from the PDFs in raw_dir (default: settings.raw_dir())."""
    out_dir.mkdir(parents=True, exist_ok=True)
    environment = _environment()
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    with engine.connect() as connection:
        reports = [read_report(connection, key) for key in report_keys(connection)]

    built = BuiltReports(index_path=out_dir / INDEX_NAME)
    cells = {cell.crop_path: cell for report in reports for cell in report.source_cells()}
    crops = write_crops(list(cells.values()), out_dir, settings.raw_dir(raw_dir))
    built.crops_rendered, built.crops_reused = crops.rendered, crops.reused
    built.sources_missing = crops.missing_files
    entries = []
    file_names = report_file_names([report.key for report in reports])
    for report in reports:
        path = out_dir / file_names[report.key]
        _write_atomically(path, _render_report(environment, report, generated, crops.written))
        built.report_paths.append(path)
        entries.append({"report": report, "file": path.name})
    index = environment.get_template("index.html.j2").render(entries=entries, generated=generated)
    _write_atomically(built.index_path, index)
    return built
