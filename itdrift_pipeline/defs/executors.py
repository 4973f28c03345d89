"""Where the steps of a run execute: in the run's own process (default) or on Celery workers.

ITDRIFT_EXECUTOR=celery (settings.executor) puts dagster-celery's executor on the named jobs and on the
asset jobs the UI and asset backfills launch; the workers run itdrift_pipeline.defs.celery_worker's app,
built from the same celery_config, so the two sides never disagree. See deploy/scale_out/.
"""

from __future__ import annotations

import os
from typing import Any

import dagster as dg

from itdrift_pipeline import settings

# A step's message is acknowledged when the step has finished, not when a worker takes it: a worker that
# dies mid-step hands the step back to the broker and another worker runs it. With Celery's default (ack
# on receipt) the step is lost and its run waits for the result forever. One message at a time per worker
# process, so a busy worker holds no queue of steps another could run.
CELERY_APP_SETTINGS: dict[str, Any] = {
    "task_acks_late": True,
    "task_reject_on_worker_lost": True,
    "worker_prefetch_multiplier": 1,
}


def celery_config() -> dict[str, Any]:
    """dagster-celery's executor config. The broker and backend URLs are named by their variable when set,
    so the run's config in the UI shows the name, not a password."""

    def url(variable: str, default: str) -> str | dict[str, str]:
        return {"env": variable} if os.environ.get(variable) else default

    return {
        "broker": url("ITDRIFT_CELERY_BROKER_URL", settings.DEFAULT_CELERY_BROKER_URL),
        "backend": url("ITDRIFT_CELERY_BACKEND_URL", settings.DEFAULT_CELERY_BACKEND_URL),
        "config_source": CELERY_APP_SETTINGS,
    }


def _celery_executor() -> dg.ExecutorDefinition:
    try:
        from dagster_celery import celery_executor
    except ImportError as error:
        raise settings.ConfigurationError(
            "ITDRIFT_EXECUTOR=celery needs dagster-celery: pip install -e '.[scale_out]'"
        ) from error
    return celery_executor.configured(celery_config(), name="itdrift_celery")


def step_executor() -> dg.ExecutorDefinition:
    """The named jobs' executor: their steps in the run's process, or on Celery workers."""
    if settings.executor() == settings.CELERY_EXECUTOR:
        return _celery_executor()
    return dg.in_process_executor


def asset_job_executor() -> dg.ExecutorDefinition | None:
    """The executor of ad-hoc materialisations and asset backfills: Celery when selected, else None
    (Dagster's default, a process per step)."""
    if settings.executor() == settings.CELERY_EXECUTOR:
        return _celery_executor()
    return None
