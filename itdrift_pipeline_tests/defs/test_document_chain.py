"""The partitioned chain extract → validate (+ checks) → load → reports, materialised in process for the
seed chapter, compared with what `itdrift validate` (validate_document) finds."""

from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import pytest
import sqlalchemy as sa

from itdrift_pipeline.defs import checks
from itdrift_pipeline.defs.assets import ALL_ASSETS, DOCUMENT_ASSETS, reports
from itdrift_pipeline.defs.jobs import JOBS
from itdrift_pipeline.defs.partitions import partition_key_for, source_documents
from itdrift_pipeline.defs.schedules import nightly_refresh
from itdrift_pipeline.defs.sensors import reports_after_loads
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import file_sha256
from itdrift_pipeline.validate import validate_document

SEED = "naestved_regnskab_2020_it.pdf"
NIGHT = datetime(2026, 11, 28, 2, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.fixture
def seed_key(instance: dg.DagsterInstance, raw_dir: Path) -> str:
    key = partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    instance.add_dynamic_partitions(source_documents.name, [key])
    return key


@pytest.fixture
def chain(instance, resources, seed_key) -> dg.ExecuteInProcessResult:
    return dg.materialize(ALL_ASSETS, selection=DOCUMENT_ASSETS, partition_key=seed_key, instance=instance,
                          resources=resources)


def _metadata(result: dg.ExecuteInProcessResult, node: str) -> dict:
    [materialization] = result.asset_materializations_for_node(node)
    return {key: value.value for key, value in materialization.metadata.items()}


def test_materialisations_carry_what_an_engineer_looks_for(chain) -> None:
    extracted = _metadata(chain, "extracted_document")
    assert extracted["status"] == "ok" and extracted["pages"] == 4
    assert extracted["tables_per_family"]["overall_result"] == 2  # Drift and Anlæg
    assert extracted["tables_per_family"]["activity_areas"] == 1
    assert extracted["tables_per_family"]["specific_assumptions"] == 1
    assert "| 5 | Øvrige systemer | 16.748 |" in extracted["table_previews"]
    assert extracted["elapsed_seconds"] > 0

    validated = _metadata(chain, "validated_document")
    assert validated["findings"] == sum(validated[f"findings_{s}"] for s in ("error", "warning", "info"))

    loaded = _metadata(chain, "warehouse_load")
    assert loaded["load_summary"]["status"] == "loaded"
    assert loaded["load_summary"]["facts"] == extracted["facts"]
    assert loaded["warehouse_row_counts"]["fact_amount"] == extracted["facts"]


def test_checks_report_the_same_findings_as_validate_document(chain, raw_dir: Path) -> None:
    cli = validate_document(extract_document(raw_dir / SEED))
    expected: dict[str, Counter] = {}
    for finding in cli.findings:
        expected.setdefault(checks.family_of(finding.rule).check_name, Counter())[finding.severity] += 1

    evaluations = {e.check_name: e for e in chain.get_asset_check_evaluations()}
    assert set(evaluations) == {spec.name for spec in checks.check_specs(dg.AssetKey("validated_document"))}
    for name, evaluation in evaluations.items():
        counts = expected.get(name, Counter())
        reported = {s: evaluation.metadata[f"{s}s"].value for s in ("error", "warning", "info")}
        assert reported == {s: counts.get(s, 0) for s in ("error", "warning", "info")}, name
        assert evaluation.passed == (not counts["error"] and not counts["warning"]), name
        if counts["error"]:
            assert evaluation.severity == dg.AssetCheckSeverity.ERROR
    # The published defects of the seed (shared/domain.md) fail their checks; the structure is sound.
    assert evaluations["document_structure"].passed
    for name in ("variances_follow_sign_convention", "tables_agree", "narrative_matches_tables"):
        assert not evaluations[name].passed, name
    assert "16.749" in evaluations["tables_agree"].metadata["failing_rows"].value.replace("16749", "16.749")


def test_loaded_figures_reach_the_views_and_the_report(chain, instance, resources, tmp_path: Path) -> None:
    engine = sa.create_engine(resources["warehouse"].resolved_url())
    with engine.connect() as connection:
        actual, variance = connection.execute(sa.text(
            "SELECT actual_dkk, variance_dkk FROM v_policy_area_result "
            "WHERE policy_area = 'IT' AND fiscal_year = 2020 AND account = 'drift'")).one()
    engine.dispose()
    assert (int(actual), int(variance)) == (45_271_000, -1_827_000)

    built = dg.materialize(ALL_ASSETS, selection=[reports], instance=instance, resources=resources)
    metadata = _metadata(built, "reports")
    index = Path(metadata["index"])
    assert index.parent == tmp_path / "reports" and index.exists()
    assert metadata["reports"] == 1
    report = (index.parent / "naestved_kommune_2020.html").read_text(encoding="utf-8")
    assert "45.271" in report and "<svg" in report


def test_nightly_schedule_requests_only_what_is_new_or_stale(instance, resources, raw_dir: Path) -> None:
    def tick():
        # Used as a context manager so its resources are torn down within the test.
        with dg.build_schedule_context(instance=instance, resources=resources,
                                       repository_def=_repository(resources),
                                       scheduled_execution_time=NIGHT) as context:
            return nightly_refresh.evaluate_tick(context)

    key = partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    unregistered = tick()  # the sensor never ran: the schedule only reads, so it registers nothing
    assert instance.get_dynamic_partitions(source_documents.name) == []
    assert not unregistered.run_requests and "wait for raw_directory_sensor" in unregistered.skip_message

    instance.add_dynamic_partitions(source_documents.name, [key])
    [first] = tick().run_requests
    assert first.partition_key == key

    dg.materialize(ALL_ASSETS, selection=DOCUMENT_ASSETS, partition_key=key, instance=instance,
                   resources=resources)
    second = tick()
    assert not second.run_requests and "up to date" in second.skip_message


def test_reports_are_rebuilt_once_after_new_loads(chain, instance) -> None:
    def tick(cursor: str | None) -> dg.SensorResult:
        with dg.build_sensor_context(instance=instance, cursor=cursor) as context:
            return reports_after_loads(context)

    first = tick(None)
    [request] = first.run_requests
    assert request.run_key.startswith("reports~")
    assert tick(first.cursor).skip_reason is not None  # nothing loaded since


def _repository(resources) -> dg.RepositoryDefinition:
    return dg.Definitions(assets=ALL_ASSETS, jobs=JOBS, schedules=[nightly_refresh],
                          resources=resources).get_repository_def()
