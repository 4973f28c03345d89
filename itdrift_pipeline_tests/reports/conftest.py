"""A warehouse holding the seed chapter, loaded by the real pipeline, and the reports built from it."""

from pathlib import Path

import pytest

from itdrift_pipeline.pipeline import process_file
from itdrift_pipeline.reports import BuiltReports, build_reports
from itdrift_pipeline.warehouse import make_engine

REPO = Path(__file__).resolve().parents[2]
SEED_PDF = REPO / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory: pytest.TempPathFactory) -> BuiltReports:
    root = tmp_path_factory.mktemp("seed_reports")
    engine = make_engine(f"sqlite:///{root / 'itdrift.sqlite'}")
    try:
        assert process_file(SEED_PDF, engine).loaded
        return build_reports(engine, root / "reports")
    finally:
        engine.dispose()
