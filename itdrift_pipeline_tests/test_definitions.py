"""The code location loads: in process, through the `dagster` CLI, and in a real dagster-webserver."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from itdrift_pipeline.definitions import defs

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LOCATION = "itdrift_pipeline"

EXPECTED_ASSETS = {"raw_documents", "extracted_document", "validated_document", "warehouse_load", "reports"}
EXPECTED_CHECKS = {
    "document_structure", "totals_add_up", "variances_follow_sign_convention", "price_years_stated",
    "sign_conventions_stated", "tables_agree", "narrative_matches_tables", "quantity_times_price",
    "other_rules",
}


def test_definitions_are_loadable() -> None:
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    assert {key.to_user_string() for key in graph.get_all_asset_keys()} == EXPECTED_ASSETS
    assert {key.name for key in graph.asset_check_keys} == EXPECTED_CHECKS
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.group_name and node.description and node.owners, key
        # An observation has no code version: it produces nothing.
        assert node.code_version or node.is_observable, key
        assert any(tag.startswith("dagster/kind/") for tag in node.tags), key
    assert graph.get(dg.AssetKey("raw_documents")).is_observable


def test_asset_graph_snapshot() -> None:
    """The shape of the graph, written out so that an unintended change shows up in review."""
    graph = defs.resolve_asset_graph()
    edges = {
        (parent.to_user_string(), key.to_user_string())
        for key in graph.get_all_asset_keys()
        for parent in graph.get(key).parent_keys
    }
    # raw_documents is an observation without a data edge: every partition is keyed by its own bytes, so
    # a new file in the directory must not mark the other documents "Unsynced".
    assert edges == {
        ("extracted_document", "validated_document"),
        ("extracted_document", "warehouse_load"),
        ("validated_document", "warehouse_load"),
        ("warehouse_load", "reports"),
    }
    partitioned = {k.to_user_string() for k in graph.get_all_asset_keys() if graph.get(k).partitions_def}
    assert partitioned == {"extracted_document", "validated_document", "warehouse_load"}
    assert graph.get(dg.AssetKey("warehouse_load")).pools == {"warehouse"}
    blocking = {key.name for key in graph.asset_check_keys if graph.get_check_spec(key).blocking}
    assert blocking == {"document_structure"}
    # One check history per document partition (AssetCheckSpec.partitions_def, a 1.13 preview).
    assert all(graph.get_check_spec(key).partitions_def is not None for key in graph.asset_check_keys)


def test_named_jobs_run_in_process() -> None:
    jobs = {name: defs.resolve_job_def(name) for name in ("document_chain", "build_reports",
                                                          "observe_raw_directory")}
    assert all(job.executor_def.name == "in_process" for job in jobs.values())
    assert jobs["document_chain"].partitions_def is not None
    repository = defs.get_repository_def()
    assert {job.name for job in repository.get_sensor_def("raw_directory_sensor").jobs} == {
        "document_chain", "observe_raw_directory"}
    assert repository.get_sensor_def("reports_after_loads").job_name == "build_reports"
    assert repository.get_schedule_def("nightly_refresh").job_name == "document_chain"


def test_dg_and_dagster_dev_share_the_code_location_name() -> None:
    # `dg dev` names the location after [tool.dg.project] (else the folder); workspace.yaml and
    # [tool.dagster] name it for `dagster dev`. One name, so both find the same sensor cursors.
    import tomllib

    import yaml

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    workspace = yaml.safe_load((REPO / "workspace.yaml").read_text(encoding="utf-8"))
    names = {
        pyproject["tool"]["dg"]["project"]["code_location_name"],
        pyproject["tool"]["dagster"]["code_location_name"],
        *(entry["python_module"]["location_name"] for entry in workspace["load_from"]),
    }
    assert names == {LOCATION}


def test_dagster_cli_validates_the_workspace(tmp_path: Path) -> None:
    completed = subprocess.run(
        [str(BIN / "dagster"), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO, env={**os.environ, "DAGSTER_HOME": str(tmp_path)}, capture_output=True, text=True,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _graphql(base: str, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"{base}/graphql", data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = json.load(response)
    assert "errors" not in payload, payload
    return payload["data"]


LOCATION_QUERY = """
{ workspaceOrError { ... on Workspace { locationEntries { name
    locationOrLoadError { __typename ... on PythonError { message } } } } } }
"""

ASSETS_QUERY = """
{ assetNodes { assetKey { path } groupName
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } } } }
"""

AUTOMATION_QUERY = """
query Automation($repository: RepositorySelector!) {
  schedulesOrError(repositorySelector: $repository) {
    __typename ... on Schedules { results { name cronSchedule executionTimezone scheduleState { status } } } }
  sensorsOrError(repositorySelector: $repository) {
    __typename ... on Sensors { results { name sensorState { status } } } } }
"""
REPOSITORY = {"repositoryName": "__repository__", "repositoryLocationName": LOCATION}


def _wait_for(what: str, probe, deadline: float):
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = probe()
            if value is not None:
                return value
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = error
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}; last error: {last_error}")


@pytest.mark.webserver
def test_webserver_lists_assets_checks_schedule_and_sensor(tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "webserver.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO, env={**os.environ, "DAGSTER_HOME": str(tmp_path)}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120

        def server_info():
            if server.poll() is not None:
                raise AssertionError(f"webserver exited: {(tmp_path / 'webserver.log').read_text()[-3000:]}")
            with urllib.request.urlopen(f"{base}/server_info", timeout=5) as response:
                return json.load(response)

        assert "dagster_webserver_version" in _wait_for("/server_info", server_info, deadline)

        def location():
            entries = _graphql(base, LOCATION_QUERY)["workspaceOrError"]["locationEntries"]
            entry = next((e for e in entries if e["name"] == LOCATION), None)
            return entry["locationOrLoadError"] if entry and entry["locationOrLoadError"] else None

        loaded = _wait_for("the code location", location, deadline)
        assert loaded["__typename"] == "RepositoryLocation", loaded

        nodes = _graphql(base, ASSETS_QUERY)["assetNodes"]
        assert {"/".join(n["assetKey"]["path"]) for n in nodes} == EXPECTED_ASSETS
        checks = {
            check["name"]: check["blocking"]
            for node in nodes if node["assetChecksOrError"].get("checks")
            for check in node["assetChecksOrError"]["checks"]
        }
        assert set(checks) == EXPECTED_CHECKS
        assert checks["document_structure"] is True

        automation = _graphql(base, AUTOMATION_QUERY, {"repository": REPOSITORY})
        schedules = {s["name"]: s for s in automation["schedulesOrError"]["results"]}
        sensors = {s["name"]: s["sensorState"]["status"] for s in automation["sensorsOrError"]["results"]}
        nightly = schedules["nightly_refresh"]
        assert (nightly["cronSchedule"], nightly["executionTimezone"]) == ("0 2 * * *", "Europe/Copenhagen")
        assert nightly["scheduleState"]["status"] == "RUNNING"
        assert sensors["raw_directory_sensor"] == "RUNNING"
        assert sensors["reports_after_loads"] == "RUNNING"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()


def test_team_deployment_example_is_a_valid_instance_config(tmp_path: Path) -> None:
    """deploy/dagster.yaml passes Dagster's own instance-config schema (storage, queue, pools)."""
    from dagster._core.instance.config import dagster_instance_config

    (tmp_path / "dagster.yaml").write_text((REPO / "deploy" / "dagster.yaml").read_text())
    env = {"DAGSTER_PG_HOST": "db", "DAGSTER_PG_DB": "dagster", "DAGSTER_PG_USER": "dagster",
           "DAGSTER_PG_PASSWORD": "secret"}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        config, _ = dagster_instance_config(str(tmp_path))
    assert "postgres" in config["storage"]
    # No default_limit: the warehouse pool's limit follows the warehouse dialect (defs/pools.py).
    assert config["concurrency"]["pools"] == {"granularity": "op"}
