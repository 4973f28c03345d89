"""The named jobs the sensors and the schedule launch: one document's chain, the reports, the inventory.

Each runs its steps in the run's own process (in_process_executor): a document's three steps take about
three seconds, while the default multiprocess executor spent some 25 s starting a Python process and
loading the code location per step. Documents still run in parallel as separate runs (the run queue's
limit in deploy/dagster.yaml), and warehouse loads still queue on the "warehouse" pool, which the
in-process executor honours too. ITDRIFT_EXECUTOR=celery sends the steps to Celery workers on other
machines instead (defs/executors.py, deploy/scale_out/); the pool is honoured there as well.
"""

import dagster as dg

from itdrift_pipeline.defs.assets import DOCUMENT_ASSETS, raw_documents, reports
from itdrift_pipeline.defs.executors import step_executor

document_chain = dg.define_asset_job(
    name="document_chain",
    selection=DOCUMENT_ASSETS,
    executor_def=step_executor(),
    description="extracted_document → validated_document (with its checks) → warehouse_load for one "
    "document partition; the warehouse load is skipped when the document_structure check fails.",
)

build_reports = dg.define_asset_job(
    name="build_reports",
    selection=[reports],
    executor_def=step_executor(),
    description="The HTML reports, rebuilt from the warehouse views.",
)

observe_raw_directory = dg.define_asset_job(
    name="observe_raw_directory",
    selection=[raw_documents],
    executor_def=step_executor(),
    description="Observes the raw directory's inventory (raw_documents).",
)

JOBS = [document_chain, build_reports, observe_raw_directory]
