"""The same Dagster code with the warehouse on PostgreSQL: `itdrift run` loads the seed chapter into a schema
of the test's own and the report reads its views (runs when ITDRIFT_TEST_POSTGRES_URL is set; CI sets it)."""

import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from itdrift_pipeline.defs.runner import materialize_everything

POSTGRES_ENV = "ITDRIFT_TEST_POSTGRES_URL"


@pytest.fixture
def postgres_warehouse_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"needs {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1/test)")
    schema = f"itdrift_dagster_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield sa.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.postgres
def test_itdrift_run_on_a_postgresql_warehouse(
    postgres_warehouse_url: str, raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.setenv("ITDRIFT_REPORTS_DIR", str(tmp_path / "reports"))
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()

    code = materialize_everything(raw_dir=str(raw_dir), warehouse_url=postgres_warehouse_url, out=out)

    assert code == 0, out.getvalue()
    assert "1 document(s) loaded" in out.getvalue()
    engine = sa.create_engine(postgres_warehouse_url)
    with engine.connect() as connection:
        actual = connection.execute(sa.text(
            "SELECT actual_tdkk FROM v_policy_area_result "
            "WHERE policy_area = 'IT' AND fiscal_year = 2020 AND account = 'drift'")).scalar_one()
    engine.dispose()
    assert actual == 45271
    report = (tmp_path / "reports" / "naestved_kommune_2020.html").read_text(encoding="utf-8")
    assert "45.271" in report
