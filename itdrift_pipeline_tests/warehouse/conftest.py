"""Warehouse fixtures: one fresh warehouse per test on SQLite (a temp file) and on PostgreSQL (a schema).

PostgreSQL runs when ITDRIFT_TEST_POSTGRES_URL is set (CI sets it); each test gets its own schema through
the connection's search_path and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import make_engine

POSTGRES_ENV = "ITDRIFT_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture(params=BACKENDS)
def warehouse_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database of the test's own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'warehouse' / 'itdrift.sqlite'}"
        return
    base = postgres_url()
    if base is None:
        pytest.skip(
            f"PostgreSQL warehouse tests need {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1/test)"
        )
    schema = f"itdrift_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(warehouse_url: str) -> Iterator[sa.Engine]:
    engine = make_engine(warehouse_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def bi_engine(warehouse_url: str, engine: sa.Engine) -> Iterator[sa.Engine]:
    """A separate plain engine on the same database, as a BI tool would connect (no itdrift code)."""
    reader = sa.create_engine(warehouse_url)
    try:
        yield reader
    finally:
        reader.dispose()


@dataclass(frozen=True)
class Case:
    """A PDF with its extraction and validation, ready to load."""

    path: Path
    extraction: model.ExtractionResult
    validation: model.ValidationResult

    @property
    def file(self) -> str:
        """The file as dim_document and the views record it."""
        return self.extraction.document.file


RAW_DIR = Path(__file__).resolve().parents[2] / "data" / "raw"
SEED_PDF = RAW_DIR / "naestved_regnskab_2020_it.pdf"
BOOK_PDF = RAW_DIR / "naestved_regnskab_2020.pdf"


def extracted_case(path: Path) -> Case:
    """The committed replica PDF through the real extract_document and validate_document."""
    extraction = extract_document(path)
    assert extraction.document.status == "ok", extraction.document.error
    return Case(path, extraction, validate_document(extraction))


@pytest.fixture(scope="session")
def seed_case() -> Case:
    """The IT chapter (4 pages) as published, defects included."""
    return extracted_case(SEED_PDF)


@pytest.fixture(scope="session")
def book_case() -> Case:
    """The book: the same IT chapter plus four invented policy areas; same IT figures, another document."""
    return extracted_case(BOOK_PDF)


def rejected_case(kind: str = "encrypted_pdf") -> Case:
    document = model.DocumentInfo(
        file="locked.pdf",
        sha256="f" * 64,
        pages=None,
        municipality=None,
        report_type=None,
        fiscal_year=None,
        status="rejected",
        error=model.RejectionInfo(kind, "file is password-protected; supply an unencrypted copy"),
        size_bytes=1234,
    )
    extraction = model.ExtractionResult(document=document)
    return Case(Path("locked.pdf"), extraction, validate_document(extraction))


def with_structural_error(case: Case) -> Case:
    """The case with one schema_violation added, as the validator reports a broken extraction."""
    finding = model.Finding(
        rule=model.STRUCTURAL_RULE,
        severity="error",
        sha256=case.extraction.document.sha256,
        file=case.extraction.document.file,
        policy_area="IT",
        table="activity_areas",
        row_code=None,
        row_label=None,
        phase=None,
        fiscal_year=None,
        expected=None,
        shown=None,
        page=2,
        message="test: column 'value' has a null",
    )
    validation = replace(case.validation, findings=[*case.validation.findings, finding])
    return Case(case.path, case.extraction, validation)


def row_counts(engine: sa.Engine) -> dict[str, int]:
    from itdrift_pipeline.warehouse.schema import metadata

    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }
