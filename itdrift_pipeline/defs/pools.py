"""The "warehouse" concurrency pool: how many warehouse loads may run at once, by warehouse dialect.

SQLite takes one writer, so warehouse_load declares pool="warehouse". A pool without a limit is unlimited,
and a fresh `dagster dev` has no dagster.yaml setting one; the sensor and `itdrift run` therefore give the
pool a limit when the instance has none for it: two slots on SQLite, several on PostgreSQL, whose loads are
transactions that run side by side (a per-document advisory lock keeps two loads of one file apart). A
limit someone set, for the pool or as the instance's default_limit, is never changed.

Two on SQLite, not one: a load takes SQLite's write lock at BEGIN IMMEDIATE (warehouse/dialect.py), so of
two loads one writes and the other waits on the file's lock (30 s busy timeout) and starts the moment it is
free. A load the pool blocks instead waits for Dagster's claim check, a second later at the soonest (and
its step loop spins on the CPU meanwhile); with one slot and two `itdrift run` workers each load queued
behind one still waiting, and 16 of 20 loads of a 20-document run were blocked, ~1 s each.
"""

import logging

import dagster as dg
import sqlalchemy as sa

from itdrift_pipeline import settings
from itdrift_pipeline.warehouse.dialect import is_sqlite

WAREHOUSE_POOL = "warehouse"
# One load writing, one waiting on SQLite's write lock (see above).
SQLITE_WAREHOUSE_SLOTS = 2
# Each PostgreSQL load holds one connection for a few seconds; eight stay far below max_connections (100
# by default) with the webserver, daemon and run workers connected too.
POSTGRES_WAREHOUSE_SLOTS = 8


def warehouse_pool_slots(warehouse_url: str) -> int:
    """The slots the pool gets for this warehouse: two on SQLite (one writes, one waits on the file's
    lock), several on PostgreSQL."""
    return SQLITE_WAREHOUSE_SLOTS if is_sqlite(sa.make_url(warehouse_url)) else POSTGRES_WAREHOUSE_SLOTS


def ensure_warehouse_pool_limit(
    instance: dg.DagsterInstance, log: logging.Logger, warehouse_url: str | None = None
) -> None:
    """Give the pool warehouse_pool_slots(warehouse_url) (default: settings.warehouse_url()) when the
    instance has no limit for it."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return
    if WAREHOUSE_POOL in storage.get_concurrency_keys():
        return
    if instance.get_concurrency_config().pool_config.default_pool_limit is not None:
        return  # dagster.yaml's concurrency.pools.default_limit is the operator's choice
    slots = warehouse_pool_slots(settings.warehouse_url(warehouse_url))
    storage.set_concurrency_slots(WAREHOUSE_POOL, slots)
    log.info(f"pool {WAREHOUSE_POOL!r} had no limit; set to {slots} (loads at once on this warehouse)")


def assign_stranded_loads(instance: dg.DagsterInstance) -> int:
    """Hand free "warehouse" slots to loads left waiting by a race in Dagster's slot claim; the number
    handed.

    A step's claim first asks whether a slot is free and then queues itself, assigned or not by that
    answer. When the load holding the last slot frees it between the two, the freeing side finds nobody
    queued and the new load queues unassigned: the slot stays free and the load waits for ever (seen with
    two `itdrift run` workers on SQLite). Assigning the oldest queued loads while slots are free is what
    the freeing side would have done; `itdrift run` calls this while it waits for its workers.
    """
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return 0
    handed = 0
    while True:
        info = storage.get_concurrency_info(WAREHOUSE_POOL)
        if not info.pending_step_count or info.slot_count <= info.assigned_step_count:
            return handed
        storage.assign_pending_steps([WAREHOUSE_POOL])
        handed += 1
