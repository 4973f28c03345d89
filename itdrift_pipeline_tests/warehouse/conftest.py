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
from itdrift_pipeline.extract.intake import file_sha256
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import make_engine
from itdrift_pipeline_tests.corpus import (
    expected_chapters,
    expected_document,
    expected_facts,
    expected_narrative_amounts,
    expected_notes,
    render_chapter_pdf,
    render_chapters,
    seed_chapter,
)

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


def ground_truth_case(path: Path, chapters: list, layout) -> Case:
    """The corpus ground truth as an ExtractionResult of the rendered file, validated for real."""
    stated = expected_document(layout)
    document = model.DocumentInfo(
        file=path.name,
        sha256=file_sha256(path),
        pages=stated["pages"],
        municipality=stated["municipality"],
        report_type=stated["report_type"],
        fiscal_year=stated["fiscal_year"],
        size_bytes=path.stat().st_size,
    )
    extraction = model.ExtractionResult(
        document=document,
        chapters=expected_chapters(chapters, layout),
        facts=expected_facts(chapters, layout),
        notes=expected_notes(chapters, layout),
        narrative_amounts=expected_narrative_amounts(chapters, layout),
    )
    return Case(path, extraction, validate_document(extraction))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


@pytest.fixture(scope="session")
def seed_case(corpus_dir: Path) -> Case:
    path = corpus_dir / "naestved_regnskab_2020_it.pdf"
    chapter = seed_chapter()
    layout = render_chapter_pdf(chapter, path)
    return ground_truth_case(path, [chapter], layout)


@pytest.fixture(scope="session")
def book_case(corpus_dir: Path) -> Case:
    """The same chapter inside a book with a title page: same figures, another document."""
    path = corpus_dir / "naestved_regnskab_2020.pdf"
    chapters = [seed_chapter()]
    layout = render_chapters(chapters, path, title_page=True)
    return ground_truth_case(path, chapters, layout)


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
