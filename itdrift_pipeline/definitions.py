"""The Dagster code location: wires the assets, checks, sensors, schedule and resources of defs/.

Loaded by workspace.yaml, `dagster dev`, `dg dev` and itdrift_pipeline.defs.runner.
"""

import dagster as dg

from itdrift_pipeline.defs.assets import ALL_ASSETS, reports
from itdrift_pipeline.defs.resources import default_resources
from itdrift_pipeline.defs.schedules import nightly_refresh
from itdrift_pipeline.defs.sensors import raw_directory_sensor

# Rebuilds the reports once warehouse loads settle; RUNNING so a started daemon needs no clicks.
reports_automation = dg.AutomationConditionSensorDefinition(
    "reports_automation",
    target=[reports],
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=60,
    description="Materialises the reports after new warehouse loads, once no load is in progress.",
)

defs = dg.Definitions(
    assets=ALL_ASSETS,
    sensors=[raw_directory_sensor, reports_automation],
    schedules=[nightly_refresh],
    resources=default_resources(),
)
