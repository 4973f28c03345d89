"""The documented team deployment, started for real: deploy/dagster.yaml on PostgreSQL, `dagster-daemon` and
`dagster-webserver` from workspace.yaml, the raw-directory sensor picking up three PDFs (the published
chapter with its defects, a clean chapter, a corrupt file), and what a data engineer then sees: one run
per document, one check evaluation per check per document partition, the rows in the warehouse.

Needs ITDRIFT_TEST_POSTGRES_URL like the other PostgreSQL tests (CI sets it; without it CI fails and a
local run skips). The test creates a database of its own for the Dagster instance, with the warehouse in
a schema of that database, and drops it at the end.
"""

import os
import shutil
import subprocess
import time
from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy as sa

from itdrift_pipeline.defs import checks
from itdrift_pipeline.defs.partitions import partition_key_for
from itdrift_pipeline.extract.intake import file_sha256
from itdrift_pipeline_tests.corpus.render import render_chapter_pdf
from itdrift_pipeline_tests.corpus.variants import clean_chapter
from itdrift_pipeline_tests.defs.conftest import SEED_PDF, _start, _stop, instance_settings, warehouse_schema
from itdrift_pipeline_tests.test_definitions import BIN, REPO, _free_port, _graphql, _wait_for

# Daemon and webserver start in ~10 s each, a run worker loads the code location in ~5 s, the three
# document runs take a few seconds each: two minutes is generous on two cores.
DEADLINE_SECONDS = 150

CHECK_EXECUTIONS = """
query Executions($assetKey: AssetKeyInput!, $checkName: String!) {
  assetCheckExecutions(assetKey: $assetKey, checkName: $checkName, limit: 50) {
    partition status runId evaluation { severity } } }
"""
RUNS = """
{ runsOrError { ... on Runs { results { runId jobName status tags { key value } } } } }
"""


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                  "--disable-background-networking", "--virtual-time-budget=20000", "--window-size=1400,1000"]


def _chromium(tmp_path: Path, *args: str) -> str:
    return subprocess.run(
        [shutil.which("chromium") or "chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         *args], capture_output=True, text=True, timeout=90, check=True,
    ).stdout


def _assert_the_ui_shows_the_rejected_document(base: str, partition: str, tmp_path: Path) -> None:
    """Headless Chromium renders the Dagster UI: the corrupt PDF's run is a failure tagged with the
    rejection, and its warehouse_load partition is failed (the other two are materialised)."""
    if not shutil.which("chromium"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is required in CI for the UI screenshot: apt-get install -y chromium")
        print("chromium not installed: the UI screenshot part of the deployment test did not run")
        return
    runs = _chromium(tmp_path, "--dump-dom", f"{base}/runs")
    assert "itdrift/rejected: corrupt_pdf" in runs and "Failure" in runs
    partitions = _chromium(tmp_path, "--dump-dom", f"{base}/assets/warehouse_load?view=partitions")
    assert "Failed (1)" in partitions and "Materialized (2)" in partitions
    screenshot = tmp_path / "rejected_partition.png"
    _chromium(tmp_path, f"--screenshot={screenshot}",
              f"{base}/assets/validated_document?view=checks&partition={partition}")
    data = screenshot.read_bytes()
    # A page Dagster failed to render compresses to a few kilobytes; the checks page does not.
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 30_000


@pytest.mark.deployment
@pytest.mark.postgres
@pytest.mark.browser
def test_sensor_runs_documents_with_per_partition_checks_on_the_postgres_deployment(
    deployment_database: sa.URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse_url = warehouse_schema(deployment_database)

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED_PDF, raw / SEED_PDF.name)
    render_chapter_pdf(clean_chapter(), raw / "digitalisering_2020.pdf")
    (raw / "cut_off.pdf").write_bytes(b"%PDF-1.7\n% an upload that stopped here\n")
    keys = {pdf.name: partition_key_for(pdf, file_sha256(pdf)) for pdf in raw.iterdir()}

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "deploy" / "dagster.yaml", home / "dagster.yaml")
    settings = {
        **instance_settings(deployment_database, home),
        "ITDRIFT_RAW_DIR": str(raw),
        "ITDRIFT_REPORTS_DIR": str(tmp_path / "reports"),
        "WAREHOUSE_URL": warehouse_url.render_as_string(hide_password=False),
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    env = {**os.environ, **settings}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"

    started = time.monotonic()
    daemon = _start([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], env,
                    tmp_path / "daemon.log")
    webserver = _start([str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1",
                        "-p", str(port)], env, tmp_path / "webserver.log")
    try:
        deadline = started + DEADLINE_SECONDS
        with dg.DagsterInstance.from_config(str(home)) as instance:
            assert type(instance.run_storage).__name__ == "PostgresRunStorage"

            def finished_document_runs():
                for process, log in ((daemon, "daemon.log"), (webserver, "webserver.log")):
                    if process.poll() is not None:
                        raise AssertionError(f"{log} exited: {(tmp_path / log).read_text()[-3000:]}")
                runs = [r for r in instance.get_runs() if r.job_name == "document_chain"]
                done = [r for r in runs if r.is_finished]
                return done if len(done) == len(keys) else None

            runs = _wait_for("three finished document_chain runs", finished_document_runs, deadline)
            by_partition = {run.tags["dagster/partition"]: run for run in runs}
            assert set(by_partition) == set(keys.values())
            assert by_partition[keys[SEED_PDF.name]].status == dg.DagsterRunStatus.SUCCESS
            assert by_partition[keys["digitalisering_2020.pdf"]].status == dg.DagsterRunStatus.SUCCESS
            corrupt = by_partition[keys["cut_off.pdf"]]
            assert corrupt.status == dg.DagsterRunStatus.FAILURE
            assert instance.get_run_by_id(corrupt.run_id).tags.get("itdrift/rejected") == "corrupt_pdf"
            records = {r.dagster_run.run_id: r for r in instance.get_run_records()}
            for name, key in keys.items():
                record = records[by_partition[key].run_id]
                print(f"sensor-launched run of {name}: {record.end_time - record.start_time:.1f}s")

        # The webserver on the same PostgreSQL instance answers (the every-page 500 is gone) and
        # shows each check once per document partition.
        _wait_for("the webserver", lambda: _graphql(base, RUNS), deadline)
        latest: dict[tuple[str, str], dict] = {}
        for spec in checks.check_specs(dg.AssetKey("validated_document")):
            executions = _graphql(base, CHECK_EXECUTIONS,
                                  {"assetKey": {"path": ["validated_document"]}, "checkName": spec.name})
            partitions = [e["partition"] for e in executions["assetCheckExecutions"]]
            assert sorted(partitions) == sorted(keys.values()), spec.name  # one per document, none global
            for execution in executions["assetCheckExecutions"]:
                latest[(spec.name, execution["partition"])] = execution
        seed, clean, cut_off = keys[SEED_PDF.name], keys["digitalisering_2020.pdf"], keys["cut_off.pdf"]
        # The published chapter's defects stay visible beside a clean document.
        for name in ("variances_follow_sign_convention", "tables_agree", "narrative_matches_tables"):
            assert latest[(name, seed)]["status"] == "FAILED", name
            assert latest[(name, clean)]["status"] == "SUCCEEDED", name
        assert latest[("document_structure", seed)]["status"] == "SUCCEEDED"
        # The corrupt PDF: its blocking check fails with ERROR, and no other check claims to have passed.
        assert latest[("document_structure", cut_off)]["status"] == "FAILED"
        assert latest[("document_structure", cut_off)]["evaluation"]["severity"] == "ERROR"
        for spec in checks.check_specs(dg.AssetKey("validated_document")):
            if spec.name != "document_structure":
                assert latest[(spec.name, cut_off)]["status"] not in ("SUCCEEDED", "FAILED"), spec.name

        _assert_the_ui_shows_the_rejected_document(base, cut_off, tmp_path)

        warehouse = sa.create_engine(warehouse_url)
        with warehouse.connect() as connection:
            documents = dict(connection.execute(sa.text("SELECT file, status FROM dim_document")).all())
            facts = connection.execute(sa.text(
                "SELECT d.file, count(*) FROM fact_amount f JOIN dim_document d USING (document_id) "
                "GROUP BY d.file")).all()
        warehouse.dispose()
        assert documents == {SEED_PDF.name: "loaded", "digitalisering_2020.pdf": "loaded"}
        assert dict(facts)[SEED_PDF.name] == 77 and dict(facts)["digitalisering_2020.pdf"] > 0
    finally:
        _stop(webserver)
        _stop(daemon)
