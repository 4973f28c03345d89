"""The nightly schedule's definition: 02:00 in Copenhagen, running by default."""

import dagster as dg

from itdrift_pipeline.defs.schedules import nightly_refresh


def test_nightly_at_two_copenhagen_time_and_running_by_default() -> None:
    assert nightly_refresh.cron_schedule == "0 2 * * *"
    assert nightly_refresh.execution_timezone == "Europe/Copenhagen"
    assert nightly_refresh.default_status == dg.DefaultScheduleStatus.RUNNING
