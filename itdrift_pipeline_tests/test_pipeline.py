"""process_file and `itdrift load`: the real extract -> validate -> load chain on the committed replica."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from itdrift_pipeline import pipeline
from itdrift_pipeline.cli import main
from itdrift_pipeline.pipeline import process_file
from itdrift_pipeline.warehouse import make_engine
from itdrift_pipeline.warehouse.load import LoadError
from itdrift_pipeline_tests.badinputs import make_bad_input
from itdrift_pipeline_tests.corpus import (
    expected_facts,
    expected_narrative_amounts,
    render_seed,
    seed_chapter,
)

SEED_PDF = Path(__file__).resolve().parents[1] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


@pytest.fixture
def warehouse_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'warehouse.sqlite'}"


def test_process_file_loads_the_seed_chapter_through_the_real_stages(warehouse_url):
    engine = make_engine(warehouse_url)
    layout = render_seed()  # in memory: only to count the ground truth

    processed = process_file(SEED_PDF, engine)

    assert processed.loaded
    assert processed.load_summary.facts == len(expected_facts([seed_chapter()], layout))
    assert processed.load_summary.narrative_amounts == len(
        expected_narrative_amounts([seed_chapter()], layout)
    )
    validation = processed.validation
    assert processed.summary_line() == (
        f"naestved_regnskab_2020_it.pdf  loaded  facts={processed.load_summary.facts} "
        f"narrative={processed.load_summary.narrative_amounts}  findings: {validation.count('error')} error, "
        f"{validation.count('warning')} warning, {validation.count('info')} info"
    )
    assert validation.count("error") > 0  # the published chapter's defects
    with engine.connect() as connection:
        actual = connection.execute(
            sa.text(
                "SELECT actual_dkk FROM v_policy_area_result "
                "WHERE policy_area = 'IT' AND fiscal_year = 2020 AND account = 'drift'"
            )
        ).scalar_one()
    assert actual == 45_271_000
    engine.dispose()


def test_process_file_records_a_rejected_pdf(warehouse_url, tmp_path):
    engine = make_engine(warehouse_url)
    encrypted = make_bad_input("encrypted_pdf", tmp_path)

    processed = process_file(encrypted, engine)

    assert not processed.loaded
    assert re.fullmatch(
        rf"{re.escape(encrypted.name)}  rejected  \(encrypted_pdf: .+\)", processed.summary_line()
    )
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT status, rejection_kind FROM dim_document")).one()
        facts = connection.execute(sa.text("SELECT COUNT(*) FROM fact_amount")).scalar_one()
    assert tuple(row) == ("rejected", "encrypted_pdf") and facts == 0
    engine.dispose()


def test_cli_load_prints_one_line_per_document_and_exits_2_on_a_rejection(warehouse_url, tmp_path, capsys):
    not_a_pdf = make_bad_input("not_a_pdf", tmp_path)

    assert main(["load", str(SEED_PDF), "--warehouse", warehouse_url]) == 0
    assert main(["load", str(SEED_PDF), str(not_a_pdf), "--warehouse", warehouse_url]) == 2

    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[:2] for line in lines] == [
        ["naestved_regnskab_2020_it.pdf", "loaded"],
        ["naestved_regnskab_2020_it.pdf", "loaded"],
        [not_a_pdf.name, "rejected"],
    ]
    engine = make_engine(warehouse_url)
    with engine.connect() as connection:
        documents = connection.execute(
            sa.text("SELECT status, COUNT(*) FROM dim_document GROUP BY status")
        ).all()
    assert sorted(documents) == [("loaded", 1), ("rejected", 1)]  # the reload replaced, never duplicated
    engine.dispose()


def test_cli_load_reports_a_failed_load_and_goes_on(warehouse_url, capsys, monkeypatch):
    book = SEED_PDF.with_name("naestved_regnskab_2020.pdf")
    real_load = pipeline.load_document

    def refuse_the_book(engine, extraction, validation):
        if extraction.document.file.endswith(book.name):
            raise LoadError("test: refused")
        return real_load(engine, extraction, validation)

    monkeypatch.setattr(pipeline, "load_document", refuse_the_book)

    assert main(["load", str(book), str(SEED_PDF), "--warehouse", warehouse_url]) == 2

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{book.name}  not loaded  (LoadError: test: refused)"
    assert lines[1].startswith("naestved_regnskab_2020_it.pdf  loaded  ")
    engine = make_engine(warehouse_url)
    with engine.connect() as connection:
        files = connection.execute(sa.text("SELECT file FROM dim_document")).scalars().all()
    assert files == [SEED_PDF.name]
    engine.dispose()
