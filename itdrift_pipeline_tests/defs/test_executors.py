"""ITDRIFT_EXECUTOR picks where steps run: the run's own process by default, Celery workers on request."""

import dagster as dg
import pytest

from itdrift_pipeline.defs.executors import (
    CELERY_APP_SETTINGS,
    asset_job_executor,
    celery_config,
    step_executor,
)
from itdrift_pipeline.settings import ConfigurationError


def test_a_fresh_checkout_runs_steps_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ITDRIFT_EXECUTOR", raising=False)
    assert step_executor() is dg.in_process_executor
    assert asset_job_executor() is None


def test_celery_is_selected_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITDRIFT_EXECUTOR", "celery")
    assert step_executor().name == "itdrift_celery"
    assert asset_job_executor().name == "itdrift_celery"


def test_a_killed_worker_hands_its_step_back_to_the_broker() -> None:
    assert CELERY_APP_SETTINGS["task_acks_late"] and CELERY_APP_SETTINGS["task_reject_on_worker_lost"]


def test_the_broker_url_is_named_by_its_variable_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITDRIFT_CELERY_BROKER_URL", "pyamqp://itdrift:secret@broker:5672//")
    assert celery_config()["broker"] == {"env": "ITDRIFT_CELERY_BROKER_URL"}


def test_an_unknown_executor_says_which_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITDRIFT_EXECUTOR", "k8s")
    with pytest.raises(ConfigurationError, match="'in_process'.*'celery'"):
        step_executor()
