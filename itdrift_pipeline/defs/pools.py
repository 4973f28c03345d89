"""The "warehouse" concurrency pool: one warehouse load at a time, whatever instance runs the pipeline.

SQLite takes one writer, so warehouse_load declares pool="warehouse". A pool without a limit is unlimited,
and a fresh `dagster dev` has no dagster.yaml setting one; the sensor and `itdrift run` therefore give the
pool one slot when the instance has no limit for it, and never change a limit someone has set.
"""

import logging

import dagster as dg

WAREHOUSE_POOL = "warehouse"
WAREHOUSE_POOL_SLOTS = 1


def ensure_warehouse_pool_limit(instance: dg.DagsterInstance, log: logging.Logger) -> None:
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return
    if WAREHOUSE_POOL in storage.get_concurrency_keys():
        return
    storage.set_concurrency_slots(WAREHOUSE_POOL, WAREHOUSE_POOL_SLOTS)
    log.info(f"pool {WAREHOUSE_POOL!r} had no limit; set to {WAREHOUSE_POOL_SLOTS} (one load at a time)")
