"""Fixtures for the Dagster shell tests: a raw directory holding copies of the committed replica PDFs, and
for the deployment tests a PostgreSQL database of their own and the processes they start."""

import os
import shutil
import signal
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy as sa

from itdrift_pipeline.defs.resources import RawDirectory, ReportsDirectory, Warehouse

REPO = Path(__file__).resolve().parents[2]
SEED_PDF = REPO / "data" / "raw" / "naestved_regnskab_2020_it.pdf"
POSTGRES_ENV = "ITDRIFT_TEST_POSTGRES_URL"


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


def _postgres_base_url() -> str:
    base = os.environ.get(POSTGRES_ENV)
    if base:
        return base
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{POSTGRES_ENV} must be set in CI; the deployment test is never skipped there")
    pytest.skip(f"needs {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")


@pytest.fixture
def deployment_database() -> Iterator[sa.URL]:
    """A fresh PostgreSQL database for the Dagster instance, dropped afterwards."""
    base = sa.make_url(_postgres_base_url())
    name = f"itdrift_deploy_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def warehouse_schema(database: sa.URL) -> sa.URL:
    """A "warehouse" schema in `database` (beside the Dagster instance's tables), and the URL that loads
    into it."""
    setup = sa.create_engine(database)
    with setup.begin() as connection:
        connection.execute(sa.text("CREATE SCHEMA warehouse"))
    setup.dispose()
    return database.update_query_dict({"options": "-csearch_path=warehouse"})


def instance_settings(database: sa.URL, home: Path) -> dict[str, str]:
    """The environment deploy/dagster.yaml (and deploy/scale_out/dagster.yaml) read: DAGSTER_HOME and the
    PostgreSQL instance storage in `database`."""
    return {
        "DAGSTER_HOME": str(home),
        "DAGSTER_PG_HOST": database.host or "127.0.0.1",
        "DAGSTER_PG_DB": database.database or "",
        "DAGSTER_PG_USER": database.username or "postgres",
        "DAGSTER_PG_PASSWORD": database.password or "unused-with-trust-auth",
    }


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
