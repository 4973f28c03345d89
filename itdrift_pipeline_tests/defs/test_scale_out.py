"""The scale-out set-up, started for real: deploy/scale_out/dagster.yaml on PostgreSQL, two Celery workers as
separate processes on the local RabbitMQ, `dagster-daemon`, and `dagster job backfill` over 20 document
partitions; then the same backfill on one worker (for the wall time), and one where a worker is killed
mid-backfill and the failed partitions, if any, are run again.

Needs ITDRIFT_TEST_POSTGRES_URL and RabbitMQ on 127.0.0.1:5672 (guest/guest); in CI both must be there
(.ci/run starts them), elsewhere the test skips without them. The Dagster instance and the warehouse live in
a database of the test's own, dropped at the end; the workers share the machine's folders, which stand in
for the shared folder of a multi-machine set-up. Every wait has a deadline and every process is killed in a
finally. The workers listen on dagster-celery's one queue ("dagster") on the broker's default vhost, so two
sessions of this test at once on one broker would take each other's steps; CI runs one.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy as sa
from dagster._core.events import DagsterEventType

from itdrift_pipeline.defs.partitions import partition_key_for, source_documents
from itdrift_pipeline.defs.pools import POSTGRES_WAREHOUSE_SLOTS, WAREHOUSE_POOL, ensure_warehouse_pool_limit
from itdrift_pipeline.extract.intake import file_sha256
from itdrift_pipeline_tests.defs.conftest import (
    REPO,
    SEED_PDF,
    _start,
    _stop,
    instance_settings,
    warehouse_schema,
)
from itdrift_pipeline_tests.test_definitions import BIN, _wait_for

DOCUMENTS = 20
BROKER_HOST, BROKER_PORT = "127.0.0.1", 5672
BROKER_URL = f"pyamqp://guest:guest@{BROKER_HOST}:{BROKER_PORT}//"
# One backfill of 20 documents takes about a minute and a half on two cores, with one worker or two.
BACKFILL_SECONDS = 420
STARTUP_SECONDS = 120
# The engine event dagster-celery writes when a worker takes a step; its metadata names the worker.
WORKER_EVENT = "Executing steps"
WORKER_METADATA = "Celery worker"


def _require_broker() -> None:
    try:
        socket.create_connection((BROKER_HOST, BROKER_PORT), timeout=3).close()
    except OSError as error:
        message = f"RabbitMQ is not answering on {BROKER_HOST}:{BROKER_PORT} ({error})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}; CI must run the scale-out test (.ci/run starts rabbitmq-server)")
        pytest.skip(f"{message}; start it (rabbitmq-server -detached) to run the scale-out test")


def _documents(raw: Path) -> dict[str, str]:
    """DOCUMENTS copies of the committed chapter, each with distinct bytes (a trailing PDF comment), so each
    is its own document: partition key -> sha256."""
    seed = SEED_PDF.read_bytes()
    keys = {}
    for number in range(1, DOCUMENTS + 1):
        pdf = raw / f"{SEED_PDF.stem}_copy{number:02d}.pdf"
        pdf.write_bytes(seed + f"\n% copy {number} for the scale-out backfill\n".encode())
        sha256 = file_sha256(pdf)
        keys[partition_key_for(pdf, sha256)] = sha256
    return keys


class Workers:
    """Celery worker processes, each with its own node name (the name the event log records)."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs, self.processes = env, logs, {}

    def start(self, name: str) -> None:
        log = self.logs / f"{name}.log"
        self.processes[name] = _start(
            [str(BIN / "celery"), "-A", "itdrift_pipeline.defs.celery_worker", "worker",
             f"--hostname={name}@%h", "--concurrency=1", "--loglevel=INFO", "--without-gossip"],
            self.env, log)
        _wait_for(f"celery worker {name}", lambda: self._ready(name, log), time.monotonic() + STARTUP_SECONDS)

    def _ready(self, name: str, log: Path) -> bool | None:
        self.check_alive(name)
        return True if " ready." in log.read_text() else None

    def check_alive(self, *names: str) -> None:
        for name in names or self.processes:
            if self.processes[name].poll() is not None:
                log = (self.logs / f"{name}.log").read_text()
                raise AssertionError(f"worker {name} exited: {log[-3000:]}")

    def stop(self, name: str) -> None:
        _stop(self.processes.pop(name))

    def kill(self, name: str) -> None:
        """SIGKILL to the worker and its pool processes: no warm shutdown, no message acknowledged."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)


def _run_backfill(env: dict[str, str], partitions: list[str]) -> str:
    """`dagster job backfill` of document_chain over these partitions; the backfill's id."""
    result = subprocess.run(
        [str(BIN / "dagster"), "job", "backfill", "-w", "workspace.yaml", "-j", "document_chain",
         "--partitions", ",".join(partitions), "--noprompt"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=STARTUP_SECONDS,
    )
    match = re.search(r"Launched backfill job `(\w+)`", result.stdout)
    assert result.returncode == 0 and match, result.stdout + result.stderr
    return match.group(1)


def _backfill_runs(instance: dg.DagsterInstance, backfill_id: str) -> list[dg.DagsterRun]:
    return list(instance.get_runs(filters=dg.RunsFilter(tags={"dagster/backfill": backfill_id})))


def _wait_for_backfill(
    instance: dg.DagsterInstance, backfill_id: str, partitions: int, alive: Callable[[], None]
) -> list[dg.DagsterRun]:
    def finished() -> list[dg.DagsterRun] | None:
        alive()
        runs = _backfill_runs(instance, backfill_id)
        return runs if len(runs) == partitions and all(run.is_finished for run in runs) else None

    return _wait_for(f"backfill {backfill_id}", finished, time.monotonic() + BACKFILL_SECONDS)


def _wall_seconds(instance: dg.DagsterInstance, runs: list[dg.DagsterRun]) -> float:
    """From the first run's creation (the backfill) to the last run's end."""
    records = instance.get_run_records(filters=dg.RunsFilter(run_ids=[run.run_id for run in runs]))
    return max(r.end_time for r in records) - min(r.create_timestamp.timestamp() for r in records)


def _steps_by_worker(instance: dg.DagsterInstance, runs: list[dg.DagsterRun]) -> Counter:
    """Steps per worker node name, from the engine event a worker writes when it takes a step."""
    steps: Counter = Counter()
    for run in runs:
        for entry in instance.all_logs(run.run_id, of_type=DagsterEventType.ENGINE_EVENT):
            event = entry.dagster_event
            metadata = event.engine_event_data.metadata
            if WORKER_EVENT in (event.message or "") and WORKER_METADATA in metadata:
                steps[metadata[WORKER_METADATA].value.partition("@")[0]] += 1
    return steps


def _materializations(instance: dg.DagsterInstance, runs: list[dg.DagsterRun]) -> Counter:
    """(asset, partition) -> materialisations in these runs."""
    counted: Counter = Counter()
    for run in runs:
        for entry in instance.all_logs(run.run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION):
            event = entry.dagster_event
            counted[(event.asset_key.to_user_string(), event.partition)] += 1
    return counted


def _warehouse_documents(url: sa.URL) -> Counter:
    """sha256 -> dim_document rows, for the documents that have facts loaded."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT d.sha256, count(DISTINCT d.document_id) FROM dim_document d "
                "WHERE d.status = 'loaded' AND EXISTS (SELECT 1 FROM fact_amount f "
                "WHERE f.document_id = d.document_id) GROUP BY d.sha256")).all()
            total = connection.execute(sa.text("SELECT count(*) FROM dim_document")).scalar_one()
    finally:
        engine.dispose()
    assert total == sum(count for _, count in rows), "dim_document holds documents without facts"
    return Counter(dict(rows))


@pytest.mark.scale_out
@pytest.mark.postgres
def test_backfill_spreads_over_two_celery_workers_and_survives_a_killed_worker(
    deployment_database: sa.URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _require_broker()

    def report(line: str) -> None:
        """Printed past the capture, so a plain `pytest` run shows the figures of a passing test too."""
        with capsys.disabled():
            print(f"\n[scale_out] {line}", flush=True)

    warehouse_url = warehouse_schema(deployment_database)

    raw = tmp_path / "raw"
    raw.mkdir()
    keys = _documents(raw)
    partitions = sorted(keys)
    home, shared, logs = tmp_path / "dagster_home", tmp_path / "shared", tmp_path / "logs"
    for directory in (home, shared, logs):
        directory.mkdir()
    shutil.copy(REPO / "deploy" / "scale_out" / "dagster.yaml", home / "dagster.yaml")
    settings = {
        **instance_settings(deployment_database, home),
        "DAGSTER_SHARED_DIR": str(shared),
        "ITDRIFT_EXECUTOR": "celery",
        "ITDRIFT_CELERY_BROKER_URL": BROKER_URL,
        "ITDRIFT_RAW_DIR": str(raw),
        "ITDRIFT_REPORTS_DIR": str(tmp_path / "reports"),
        "WAREHOUSE_URL": warehouse_url.render_as_string(hide_password=False),
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    env = {**os.environ, **settings}

    started = time.monotonic()
    workers = Workers(env, logs)
    daemon = None
    with dg.DagsterInstance.from_config(str(home)) as instance:
        try:
            assert type(instance.run_storage).__name__ == "PostgresRunStorage"
            # What the raw-directory sensor does on its first tick; the test stops the sensors so that the
            # backfill is the only thing that launches runs.
            instance.add_dynamic_partitions(source_documents.name, partitions)
            ensure_warehouse_pool_limit(instance, dg.get_dagster_logger(), settings["WAREHOUSE_URL"])
            assert instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).slot_count == \
                POSTGRES_WAREHOUSE_SLOTS
            stop_sensors = [
                subprocess.Popen([str(BIN / "dagster"), "sensor", "stop", sensor, "-w", "workspace.yaml"],
                                 cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for sensor in ("raw_directory_sensor", "reports_after_loads")
            ]
            workers.start("worker1")
            workers.start("worker2")
            for command in stop_sensors:
                assert command.wait(timeout=STARTUP_SECONDS) == 0
            daemon = _start([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], env,
                            logs / "daemon.log")

            def daemon_ready() -> bool | None:
                alive()
                return True if "QUEUED_RUN_COORDINATOR" in instance.get_daemon_heartbeats() else None

            def alive() -> None:
                workers.check_alive()
                if daemon.poll() is not None:
                    log = (logs / "daemon.log").read_text()
                    raise AssertionError(f"dagster-daemon exited: {log[-3000:]}")

            _wait_for("dagster-daemon's run queue", daemon_ready, time.monotonic() + STARTUP_SECONDS)

            # 1. Two workers: every partition materialised once, steps on both workers, every document once.
            first = _wait_for_backfill(instance, _run_backfill(env, partitions), DOCUMENTS, alive)
            assert {run.status for run in first} == {dg.DagsterRunStatus.SUCCESS}
            assert sorted(run.tags["dagster/partition"] for run in first) == partitions
            materialized = _materializations(instance, first)
            for asset in ("extracted_document", "validated_document", "warehouse_load"):
                assert [materialized[(asset, key)] for key in partitions] == [1] * DOCUMENTS, asset
            steps = _steps_by_worker(instance, first)
            report(f"steps per worker, 2 workers: {dict(sorted(steps.items()))}")
            assert set(steps) == {"worker1", "worker2"} and sum(steps.values()) == 3 * DOCUMENTS
            assert _warehouse_documents(warehouse_url) == Counter(dict.fromkeys(keys.values(), 1))

            # 2. The same backfill on one worker, for the wall time (printed, not asserted).
            workers.stop("worker2")
            single = _wait_for_backfill(instance, _run_backfill(env, partitions), DOCUMENTS, alive)
            assert {run.status for run in single} == {dg.DagsterRunStatus.SUCCESS}
            report(f"steps per worker, 1 worker: {dict(_steps_by_worker(instance, single))}")
            assert set(_steps_by_worker(instance, single)) == {"worker1"}
            two, one = _wall_seconds(instance, first), _wall_seconds(instance, single)
            report(f"backfill of {DOCUMENTS} documents, first run created to last run ended: "
                  f"2 workers {two:.1f}s, 1 worker {one:.1f}s")

            # 3. A worker killed mid-backfill: its step goes back to the broker (late acknowledgement); what
            # failed anyway is run again, and then every document is in the warehouse exactly once.
            workers.start("worker3")
            backfill_id = _run_backfill(env, partitions)

            def worker3_busy() -> int | None:
                alive()
                taken = _steps_by_worker(instance, _backfill_runs(instance, backfill_id))["worker3"]
                return taken if taken >= 2 else None

            # The engine event is written as the worker starts a step: the kill lands mid-step.
            taken = _wait_for("worker3 taking steps", worker3_busy, time.monotonic() + BACKFILL_SECONDS)
            unfinished = [run for run in _backfill_runs(instance, backfill_id) if not run.is_finished]
            workers.kill("worker3")
            assert unfinished, "the backfill finished before the worker was killed"
            killed = _wait_for_backfill(instance, backfill_id, DOCUMENTS, alive)
            failed = sorted(run.tags["dagster/partition"] for run in killed
                            if run.status != dg.DagsterRunStatus.SUCCESS)
            report(f"worker3 killed after starting {taken} step(s), {len(unfinished)} run(s) unfinished; "
                  f"steps per worker: {dict(_steps_by_worker(instance, killed))}; "
                  f"{len(failed)} run(s) failed and were run again")
            if failed:
                rerun = _wait_for_backfill(instance, _run_backfill(env, failed), len(failed), alive)
                assert {run.status for run in rerun} == {dg.DagsterRunStatus.SUCCESS}
            assert _warehouse_documents(warehouse_url) == Counter(dict.fromkeys(keys.values(), 1))
            assert instance.get_materialized_partitions(dg.AssetKey("warehouse_load")) == set(partitions)
            report(f"scale-out test: {time.monotonic() - started:.0f}s in all")
        finally:
            if daemon is not None:
                _stop(daemon)
            workers.stop_all()
