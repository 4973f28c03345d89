"""Where the pipeline reads and writes, from the environment, with defaults for a fresh checkout.

The only place that reads ITDRIFT_* / WAREHOUSE_URL; Dagster resources, executors and the CLI call it.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_RAW_DIR = "data/raw"
DEFAULT_WAREHOUSE_URL = "sqlite:///data/warehouse/itdrift.sqlite"
DEFAULT_REPORTS_DIR = "data/reports"
# Steps run in the run's own process unless ITDRIFT_EXECUTOR=celery sends them to Celery workers
# (deploy/scale_out/); the broker is RabbitMQ at its standard port, results come back over it (rpc://).
IN_PROCESS_EXECUTOR = "in_process"
CELERY_EXECUTOR = "celery"
DEFAULT_CELERY_BROKER_URL = "pyamqp://guest@localhost:5672//"
DEFAULT_CELERY_BACKEND_URL = "rpc://"


class ConfigurationError(Exception):
    """A setting that cannot work (a warehouse that cannot be opened, a missing directory); the message
    is one line saying what is wrong, where, and what to do. The CLI prints it and exits 2."""


def raw_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return Path(override or os.environ.get("ITDRIFT_RAW_DIR") or DEFAULT_RAW_DIR)


def warehouse_url(override: str | None = None) -> str:
    return override or os.environ.get("WAREHOUSE_URL") or DEFAULT_WAREHOUSE_URL


def reports_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return Path(override or os.environ.get("ITDRIFT_REPORTS_DIR") or DEFAULT_REPORTS_DIR)


def executor() -> str:
    """"in_process" (default) or "celery" (ITDRIFT_EXECUTOR)."""
    value = os.environ.get("ITDRIFT_EXECUTOR") or IN_PROCESS_EXECUTOR
    if value not in (IN_PROCESS_EXECUTOR, CELERY_EXECUTOR):
        raise ConfigurationError(
            f"ITDRIFT_EXECUTOR={value!r} is not an executor; use {IN_PROCESS_EXECUTOR!r} (steps in the run's "
            f"process) or {CELERY_EXECUTOR!r} (steps on Celery workers, see deploy/scale_out/)"
        )
    return value


def celery_broker_url() -> str:
    return os.environ.get("ITDRIFT_CELERY_BROKER_URL") or DEFAULT_CELERY_BROKER_URL


def celery_backend_url() -> str:
    return os.environ.get("ITDRIFT_CELERY_BACKEND_URL") or DEFAULT_CELERY_BACKEND_URL
