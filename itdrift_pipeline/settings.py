"""Where the pipeline reads and writes, from the environment, with defaults for a fresh checkout.

The only place that reads ITDRIFT_* / WAREHOUSE_URL; Dagster resources and the CLI both call it.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_RAW_DIR = "data/raw"
DEFAULT_WAREHOUSE_URL = "sqlite:///data/warehouse/itdrift.sqlite"
DEFAULT_REPORTS_DIR = "data/reports"


class ConfigurationError(Exception):
    """A setting that cannot work (a warehouse that cannot be opened, a missing directory); the message
    is one line saying what is wrong, where, and what to do. The CLI prints it and exits 2."""


def raw_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return Path(override or os.environ.get("ITDRIFT_RAW_DIR") or DEFAULT_RAW_DIR)


def warehouse_url(override: str | None = None) -> str:
    return override or os.environ.get("WAREHOUSE_URL") or DEFAULT_WAREHOUSE_URL


def reports_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return Path(override or os.environ.get("ITDRIFT_REPORTS_DIR") or DEFAULT_REPORTS_DIR)
