"""A document with structural errors: the blocking check stops its warehouse load, `itdrift run` counts it
as rejected data, not as a failed run, and the same bytes are not run again by the same code."""

import io
from dataclasses import replace
from decimal import Decimal

import dagster as dg

from itdrift_pipeline.defs.assets import EXTRACT_VERSION, validated_document, warehouse_load
from itdrift_pipeline.defs.freshness import documents_to_run, up_to_date
from itdrift_pipeline.defs.runner import RunTotals, print_document_progress
from itdrift_pipeline.model import DocumentInfo, ExtractionResult, Fact

DOCUMENT = DocumentInfo(file="broken.pdf", sha256="1" * 64, pages=1, municipality="Næstved Kommune",
                        report_type="regnskab", fiscal_year=2020)
FACT = Fact(policy_area="IT", table="activity_areas", table_title="Regnskab på aktivitetsområder",
            account="drift", sign_convention=None, row_code="1", row_label="Udvikling", is_total=False,
            phase="actual", measure="amount", fiscal_year=2020, price_year=2020, value=Decimal(3550000),
            unit="DKK", source_unit="1000 DKK", as_printed="3.550", page=1, bbox=None)


# A stand-in for the extraction stage (same key, same partitions): an extraction whose one fact has a
# phase no schema knows, as a layout the extractor misreads would produce.
@dg.asset(name="extracted_document", partitions_def=validated_document.partitions_def,
          code_version=EXTRACT_VERSION)
def misread_extraction() -> ExtractionResult:
    return ExtractionResult(document=DOCUMENT, facts=[replace(FACT, phase="regnskabx")])


def test_structural_errors_block_the_load_and_count_as_rejected(instance, resources) -> None:
    instance.add_dynamic_partitions("source_documents", ["broken~111111111111"])

    result = dg.materialize([misread_extraction, validated_document, warehouse_load], instance=instance,
                            resources=resources, partition_key="broken~111111111111", raise_on_error=False)

    assert not result.success
    structure = next(e for e in result.get_asset_check_evaluations() if e.check_name == "document_structure")
    assert not structure.passed and structure.blocking
    assert not result.asset_materializations_for_node("warehouse_load")
    out, totals = io.StringIO(), RunTotals()
    print_document_progress(out, result, totals, "broken.pdf")
    assert totals.failed == [] and totals.loaded == 0
    assert totals.rejected == ["broken.pdf (structural errors: not loaded)"]
    assert "BLOCKED" in out.getvalue()

    # Same bytes, same extract and validate code: the same findings would block again, so neither the
    # nightly schedule nor `itdrift run` runs it (a failed run, by contrast, runs again: test_runner).
    warehouse = resources["warehouse"].display_url()
    # A blocked document never reached the warehouse, so what the warehouse holds does not matter.
    reason = up_to_date(instance, "broken~111111111111", warehouse, stored={})
    assert reason is not None and reason.startswith("blocked by the structural check")
    assert documents_to_run(instance, ["broken~111111111111"], warehouse, stored={}) == []
