"""Fixtures for the Dagster shell tests: a raw directory holding copies of the committed replica PDFs."""

import shutil
from pathlib import Path

import dagster as dg
import pytest

from itdrift_pipeline.defs.resources import RawDirectory, ReportsDirectory, Warehouse

REPO = Path(__file__).resolve().parents[2]
SEED_PDF = REPO / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "raw"
    directory.mkdir()
    shutil.copy(SEED_PDF, directory / SEED_PDF.name)
    return directory


@pytest.fixture
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


@pytest.fixture
def resources(raw_dir: Path, tmp_path: Path) -> dict[str, dg.ConfigurableResource]:
    return {
        "raw_directory": RawDirectory(path=str(raw_dir)),
        "warehouse": Warehouse(url=f"sqlite:///{tmp_path / 'warehouse' / 'itdrift.sqlite'}"),
        "reports_directory": ReportsDirectory(path=str(tmp_path / "reports")),
    }
