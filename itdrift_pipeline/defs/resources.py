"""Dagster resources for where the pipeline reads and writes: raw PDFs, the warehouse, the reports.

Every default comes from itdrift_pipeline.settings, so a fresh checkout runs with zero configuration.
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import sqlalchemy as sa

from itdrift_pipeline import settings
from itdrift_pipeline.warehouse import make_engine, stored_documents


def _env_or_default(name: str) -> dg.EnvVar | None:
    """An EnvVar when the variable is set (the UI then shows its name, not a PostgreSQL password);
    None otherwise, so settings supplies the checkout default at run time."""
    return dg.EnvVar(name) if os.environ.get(name) else None


class RawDirectory(dg.ConfigurableResource):
    """The directory the accounts-book PDFs are dropped into (ITDRIFT_RAW_DIR, default data/raw)."""

    path: str | None = None

    def directory(self) -> Path:
        return settings.raw_dir(self.path)

    def pdf_files(self) -> list[Path]:
        """The PDFs in the directory, by name; a missing directory holds none."""
        directory = self.directory()
        if not directory.is_dir():
            return []
        return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")


class Warehouse(dg.ConfigurableResource):
    """The star-schema warehouse (WAREHOUSE_URL, default sqlite:///data/warehouse/itdrift.sqlite)."""

    url: str | None = None

    def resolved_url(self) -> str:
        return settings.warehouse_url(self.url)

    def display_url(self) -> str:
        """The URL with any password masked, for logs and metadata."""
        return sa.make_url(self.resolved_url()).render_as_string(hide_password=True)

    def engine(self) -> sa.Engine:
        """An engine on a warehouse upgraded to the current schema (make_engine runs the migrations)."""
        return make_engine(self.resolved_url())

    def stored_documents(self) -> dict[str, str]:
        """sha256 -> status of every document the warehouse holds now."""
        engine = self.engine()
        try:
            return stored_documents(engine)
        finally:
            engine.dispose()


class ReportsDirectory(dg.ConfigurableResource):
    """Where the HTML reports are written (ITDRIFT_REPORTS_DIR, default data/reports)."""

    path: str | None = None

    def directory(self) -> Path:
        return settings.reports_dir(self.path)


def default_resources() -> dict[str, dg.ConfigurableResource]:
    """The resources of the code location, read from the environment when set."""
    return {
        "raw_directory": RawDirectory(path=_env_or_default("ITDRIFT_RAW_DIR")),
        "warehouse": Warehouse(url=_env_or_default("WAREHOUSE_URL")),
        "reports_directory": ReportsDirectory(path=_env_or_default("ITDRIFT_REPORTS_DIR")),
    }
