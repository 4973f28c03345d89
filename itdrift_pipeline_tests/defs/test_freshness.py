"""freshness.up_to_date, the decision of the nightly schedule and `itdrift run`: a chain materialised in
order, by the current code versions, into the same warehouse needs no run; anything else does."""

from dataclasses import replace

import dagster as dg

from itdrift_pipeline.defs.assets import EXTRACT_VERSION, validated_document, warehouse_load
from itdrift_pipeline.defs.freshness import documents_to_run, up_to_date
from itdrift_pipeline.model import ExtractionResult
from itdrift_pipeline_tests.defs.test_blocking import DOCUMENT, FACT

KEY = "tiny~222222222222"
TINY = replace(DOCUMENT, file="tiny.pdf", sha256="2" * 64)


def _extraction(code_version: str) -> dg.AssetsDefinition:
    """A stand-in for the extraction stage (same key and partitions) at the given code version: one
    well-formed table row, so the chain loads in a fraction of a second."""

    @dg.asset(name="extracted_document", partitions_def=validated_document.partitions_def,
              code_version=code_version)
    def one_fact_extraction() -> ExtractionResult:
        return ExtractionResult(document=TINY, facts=[FACT, replace(FACT, phase="revised_budget")])

    return one_fact_extraction


def _run(instance, resources, selection, code_version: str = EXTRACT_VERSION) -> dg.ExecuteInProcessResult:
    chain = [_extraction(code_version), validated_document, warehouse_load]
    return dg.materialize(chain, selection=selection, instance=instance, resources=resources,
                          partition_key=KEY)


def test_a_chain_loaded_by_the_current_code_is_up_to_date_until_it_is_not(instance, resources) -> None:
    instance.add_dynamic_partitions("source_documents", [KEY])
    warehouse = resources["warehouse"]
    url = warehouse.display_url()

    def current(key: str = KEY, into: str = url) -> str | None:
        return up_to_date(instance, key, into, warehouse.stored_documents())

    assert current() is None  # never materialised

    _run(instance, resources, None)
    reason = current()
    assert reason is not None and reason.startswith(f"loaded: 2 facts into {url}")
    assert documents_to_run(instance, [KEY], url, warehouse.stored_documents()) == []
    # Loaded into another warehouse: that one does not have the document yet.
    assert current(into="sqlite:///elsewhere.sqlite") is None
    # The same warehouse URL, but the file was deleted or replaced: it no longer holds the document.
    assert up_to_date(instance, KEY, url, stored={}) is None

    # Re-extracted since the load (e.g. one asset materialised from the UI): the chain is out of order.
    _run(instance, resources, ["extracted_document"])
    assert current() is None
    _run(instance, resources, None)
    assert current() is not None

    # Materialised by another extraction code version than the current one: stale.
    _run(instance, resources, None, code_version=f"{EXTRACT_VERSION}-old")
    assert documents_to_run(instance, [KEY], url, warehouse.stored_documents()) == [KEY]
