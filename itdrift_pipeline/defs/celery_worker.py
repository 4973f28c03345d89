"""The Celery app of a scale-out worker: dagster-celery's step task, configured like the executor.

Start one per machine (or several), with the environment of the runs (DAGSTER_PG_*, WAREHOUSE_URL,
ITDRIFT_RAW_DIR, ITDRIFT_CELERY_BROKER_URL):
    celery -A itdrift_pipeline.defs.celery_worker worker --hostname=worker1@%h --concurrency=2
"""

from dagster_celery.executor import CeleryExecutor
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from itdrift_pipeline import settings
from itdrift_pipeline.defs.executors import CELERY_APP_SETTINGS

app = make_app(
    CeleryExecutor.for_cli(
        broker=settings.celery_broker_url(),
        backend=settings.celery_backend_url(),
        config_source=CELERY_APP_SETTINGS,
    ).app_args()
)

execute_plan = create_task(app)
