"""The Dagster code location: wires the assets, checks, jobs, sensors, schedule and resources of defs/.

Loaded by workspace.yaml (`dagster dev`, `dagster-webserver`) and by `dg dev` through [tool.dg].
"""

import dagster as dg

from itdrift_pipeline.defs.assets import ALL_ASSETS
from itdrift_pipeline.defs.executors import asset_job_executor
from itdrift_pipeline.defs.jobs import JOBS
from itdrift_pipeline.defs.resources import default_resources
from itdrift_pipeline.defs.schedules import nightly_refresh
from itdrift_pipeline.defs.sensors import raw_directory_sensor, reports_after_loads

defs = dg.Definitions(
    assets=ALL_ASSETS,
    jobs=JOBS,
    sensors=[raw_directory_sensor, reports_after_loads],
    schedules=[nightly_refresh],
    resources=default_resources(),
    executor=asset_job_executor(),
)
