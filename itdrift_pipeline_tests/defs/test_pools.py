"""The "warehouse" pool's limit: two loads on SQLite (one writing, one waiting on its lock), several on
PostgreSQL, an operator's own
limit (per pool or the instance's default_limit) left alone."""

import logging

import dagster as dg

from itdrift_pipeline.defs.pools import (
    POSTGRES_WAREHOUSE_SLOTS,
    SQLITE_WAREHOUSE_SLOTS,
    WAREHOUSE_POOL,
    assign_stranded_loads,
    ensure_warehouse_pool_limit,
    warehouse_pool_slots,
)

LOG = logging.getLogger(__name__)
POSTGRES_URL = "postgresql+psycopg://itdrift@db.example.internal:5432/itdrift"


def _slots(instance: dg.DagsterInstance) -> int:
    return instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).slot_count


def test_sqlite_lets_one_load_wait_on_its_lock_and_postgres_loads_side_by_side() -> None:
    assert warehouse_pool_slots("sqlite:///data/warehouse/itdrift.sqlite") == SQLITE_WAREHOUSE_SLOTS == 2
    assert warehouse_pool_slots(POSTGRES_URL) == POSTGRES_WAREHOUSE_SLOTS > 1


def test_two_sqlite_loads_claim_a_slot_at_once_and_a_third_waits(instance) -> None:
    """Two `itdrift run` workers' loads never wait for the pool (SQLite's own lock orders them)."""
    ensure_warehouse_pool_limit(instance, LOG, "sqlite:///data/warehouse/itdrift.sqlite")
    storage = instance.event_log_storage
    assert storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-a", "warehouse_load").is_claimed
    assert storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-b", "warehouse_load").is_claimed
    assert not storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-c", "warehouse_load").is_claimed


def test_the_limit_follows_the_warehouse_dialect(instance) -> None:
    ensure_warehouse_pool_limit(instance, LOG, POSTGRES_URL)
    assert _slots(instance) == POSTGRES_WAREHOUSE_SLOTS


def test_the_default_warehouse_comes_from_the_environment(instance, monkeypatch) -> None:
    monkeypatch.setenv("WAREHOUSE_URL", POSTGRES_URL)
    ensure_warehouse_pool_limit(instance, LOG)
    assert _slots(instance) == POSTGRES_WAREHOUSE_SLOTS


def test_a_limit_someone_set_is_kept(instance) -> None:
    instance.event_log_storage.set_concurrency_slots(WAREHOUSE_POOL, 3)
    ensure_warehouse_pool_limit(instance, LOG, POSTGRES_URL)
    assert _slots(instance) == 3


def test_an_instance_default_limit_is_kept() -> None:
    with dg.instance_for_test(overrides={"concurrency": {"pools": {"default_limit": 2}}}) as instance:
        ensure_warehouse_pool_limit(instance, LOG, POSTGRES_URL)
        assert WAREHOUSE_POOL not in instance.event_log_storage.get_concurrency_keys()


def test_a_load_queued_just_after_the_slot_was_freed_is_handed_the_slot(instance) -> None:
    storage = instance.event_log_storage
    storage.set_concurrency_slots(WAREHOUSE_POOL, 1)
    assert storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-a", "warehouse_load").is_claimed
    # run-b's claim asks first: no slot is free...
    assert not storage.has_unassigned_slots(WAREHOUSE_POOL)
    # ...then run-a frees its slot, finding nobody queued, and only then does run-b queue itself.
    storage.free_concurrency_slot_for_step("run-a", "warehouse_load")
    storage.add_pending_step(WAREHOUSE_POOL, "run-b", "warehouse_load", should_assign=False)
    stranded = storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-b", "warehouse_load")
    assert not stranded.is_assigned and not stranded.is_claimed  # Dagster alone would wait for ever

    assert assign_stranded_loads(instance) == 1
    assert storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-b", "warehouse_load").is_claimed


def test_nothing_is_handed_while_the_slot_is_taken(instance) -> None:
    storage = instance.event_log_storage
    storage.set_concurrency_slots(WAREHOUSE_POOL, 1)
    assert storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-a", "warehouse_load").is_claimed
    assert not storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-b", "warehouse_load").is_assigned
    assert assign_stranded_loads(instance) == 0
    assert not storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-b", "warehouse_load").is_claimed
    storage.free_concurrency_slot_for_step("run-a", "warehouse_load")  # Dagster hands it on by itself
    assert storage.claim_concurrency_slot(WAREHOUSE_POOL, "run-b", "warehouse_load").is_claimed
