"""Report files: one per municipality even when two names share a slug, readable by a web server."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.reports import build_reports
from itdrift_pipeline.reports.build import report_file_names
from itdrift_pipeline.reports.data import ReportKey
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import load_document, make_engine

SEED_PDF = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


def test_municipalities_sharing_a_slug_get_different_file_names() -> None:
    keys = [
        ReportKey("Høje-Taastrup Kommune", 2020),
        ReportKey("Høje Taastrup Kommune", 2020),
        ReportKey("Næstved Kommune", 2020),
        ReportKey("Høje-Taastrup Kommune", 2021),
    ]
    names = report_file_names(keys)
    assert len(set(names.values())) == 4
    assert names[keys[2]] == "naestved_kommune_2020.html"
    assert names[keys[0]].startswith("hoeje_taastrup_kommune_") and names[keys[0]].endswith("_2020.html")
    assert names[keys[3]] == names[keys[0]].replace("_2020.html", "_2021.html")


def test_both_reports_are_written_readable_by_others(tmp_path: Path) -> None:
    seed = extract_document(SEED_PDF)
    engine = make_engine(f"sqlite:///{tmp_path / 'wh.sqlite'}")
    try:
        for number, municipality in enumerate(("Høje-Taastrup Kommune", "Høje Taastrup Kommune")):
            document = replace(seed.document, municipality=municipality, sha256=f"{number:064x}")
            extraction = replace(seed, document=document)
            assert load_document(engine, extraction, validate_document(extraction)).loaded
        previous = os.umask(0o022)
        try:
            built = build_reports(engine, tmp_path / "reports")
        finally:
            os.umask(previous)
    finally:
        engine.dispose()
    assert len(built.report_paths) == 2 and len(set(built.report_paths)) == 2
    for path in [*built.report_paths, built.index_path]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    index = built.index_path.read_text(encoding="utf-8")
    assert all(path.name in index for path in built.report_paths)
