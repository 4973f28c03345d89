"""Check results built from findings: severities, blocking, Pandera failure cases, every rule covered."""

import base64
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import dagster as dg

from itdrift_pipeline.defs import checks
from itdrift_pipeline.defs.sources import CROPPED_FINDINGS, table_page_overviews
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.model import (
    DocumentInfo,
    ExtractionResult,
    Fact,
    Finding,
    RejectionInfo,
    ValidationResult,
)
from itdrift_pipeline.sources import format_bbox, read_png_text
from itdrift_pipeline.validate import validate_document

KEY = dg.AssetKey("validated_document")
DOCUMENT = DocumentInfo(file="x.pdf", sha256="0" * 64, pages=1, municipality="Næstved Kommune",
                        report_type="regnskab", fiscal_year=2020)
FACT = Fact(policy_area="IT", table="activity_areas", table_title="Regnskab på aktivitetsområder",
            account="drift", sign_convention=None, row_code="1", row_label="Udvikling", is_total=False,
            phase="actual", measure="amount", fiscal_year=2020, price_year=2020, value=Decimal(3550000),
            unit="DKK", source_unit="1000 DKK", as_printed="3.550", page=1, bbox=None)
VALIDATOR_RULES = ("schema_violation", "sum_mismatch", "variance_mismatch", "price_year_missing",
                   "price_year_mismatch", "sign_convention_missing", "cross_table_mismatch",
                   "narrative_mismatch", "quantity_price_mismatch")


def _by_name(results: list[dg.AssetCheckResult]) -> dict[str, dg.AssetCheckResult]:
    return {r.check_name: r for r in results}


def test_every_validator_rule_has_a_named_check() -> None:
    assert all(checks.family_of(rule) is not checks.UNCLASSIFIED for rule in VALIDATOR_RULES)
    assert checks.family_of("a_rule_added_later") is checks.UNCLASSIFIED


def test_only_the_structural_check_blocks() -> None:
    specs = {spec.name: spec for spec in checks.check_specs(KEY)}
    assert {name for name, spec in specs.items() if spec.blocking} == {"document_structure"}


def test_structural_failure_is_a_blocking_error_with_pandera_failure_cases() -> None:
    broken = ExtractionResult(document=DOCUMENT, facts=[replace(FACT, phase="regnskabx")])
    validation = validate_document(broken)
    assert validation.structural_errors, "the validator must flag an unknown phase"

    structure = _by_name(checks.check_results(KEY, validation))["document_structure"]

    assert not structure.passed and structure.severity == dg.AssetCheckSeverity.ERROR
    assert "regnskabx" in structure.metadata["pandera_failure_cases"].value
    assert "schema_violation" in structure.metadata["failing_rows"].value


def test_pandera_failure_cases_come_from_the_validation_run_including_type_failures() -> None:
    # The metadata shows the evidence of the run that produced the findings, type pass included.
    broken = ExtractionResult(document=DOCUMENT, facts=[replace(FACT, fiscal_year="2020")])
    validation = validate_document(broken)

    structure = _by_name(checks.check_results(KEY, validation))["document_structure"]

    assert validation.schema_failure_cases == [
        {"schema": "FactTypes", "schema_context": "Column", "column": "fiscal_year",
         "check": "python_type(int | None)", "failure_case": "2020", "index": "0"}
    ]
    assert "| FactTypes | Column | fiscal_year | python_type(int \\| None) | 2020 | 0 |" in (
        structure.metadata["pandera_failure_cases"].value
    )


def test_warnings_alone_fail_with_warn_and_info_passes() -> None:
    def finding(rule: str, severity: str) -> Finding:
        return Finding(rule=rule, severity=severity, sha256=DOCUMENT.sha256, file=DOCUMENT.file,
                       policy_area="IT", table="activity_areas", row_code="2", row_label="IT, inventar",
                       phase="variance", fiscal_year=2020, expected=Decimal(-94), shown=Decimal(-95), page=2,
                       message="rounding", unit="1000 DKK")

    findings = [finding("variance_mismatch", "warning"), finding("sum_mismatch", "info"),
                finding("new_rule", "error")]
    validation = ValidationResult(document=DOCUMENT, findings=findings)
    results = _by_name(checks.check_results(KEY, validation))

    assert not results["variances_follow_sign_convention"].passed
    assert results["variances_follow_sign_convention"].severity == dg.AssetCheckSeverity.WARN
    assert results["totals_add_up"].passed and results["totals_add_up"].metadata["infos"].value == 1
    assert not results["other_rules"].passed  # an unknown rule is never hidden
    assert results["other_rules"].severity == dg.AssetCheckSeverity.ERROR
    assert results["document_structure"].passed


def test_rejected_document_fails_the_blocking_check_and_runs_no_other() -> None:
    # An unreadable PDF must look broken: ERROR on the blocking check (the run and partition fail), and
    # no other check "passes" on a document with nothing in it.
    rejected = replace(DOCUMENT, status="rejected", error=RejectionInfo("encrypted_pdf", "password"))
    [structure] = checks.check_results(KEY, ValidationResult(document=rejected))
    assert structure.check_name == "document_structure"
    assert not structure.passed and structure.severity == dg.AssetCheckSeverity.ERROR
    assert "encrypted_pdf" in structure.metadata["rejected"].value
    assert "totals_add_up" in structure.metadata["checks_not_run"].value


def test_checks_carry_the_document_partitions() -> None:
    partitions = dg.DynamicPartitionsDefinition(name="source_documents")
    assert all(spec.partitions_def == partitions for spec in checks.check_specs(KEY, partitions))


SEED_PDF = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


def _embedded_pngs(markdown: str) -> list[bytes]:
    encoded = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", markdown)
    return [base64.b64decode(data) for data in encoded]


def test_a_failed_check_names_its_cells_with_crops_of_both_cells_it_compares() -> None:
    extraction = extract_document(SEED_PDF)
    validation = validate_document(extraction)
    results = _by_name(checks.check_results(KEY, validation, SEED_PDF))

    tables_agree = results["tables_agree"]
    assert not tables_agree.passed
    cells = tables_agree.metadata["offending_cells"].value
    [finding] = [f for f in validation.findings if f.rule == "cross_table_mismatch" and "45.27" in f.message]
    assert f"| {finding.page} | {format_bbox(finding.bbox)} |" in cells
    pngs = _embedded_pngs(cells)
    # Each cross-table finding: its own cell and the cell it is compared with.
    cross = [f for f in validation.findings if f.rule == "cross_table_mismatch"]
    assert len(pngs) == 2 * min(len(cross), CROPPED_FINDINGS)
    shown = {(read_png_text(p)["itdrift:page"], read_png_text(p)["itdrift:bbox"]) for p in pngs}
    assert (str(finding.page), format_bbox(finding.bbox)) in shown
    assert (str(finding.compared_page), format_bbox(finding.compared_bbox)) in shown
    # Without the PDF the cells are still named.
    assert _embedded_pngs(
        _by_name(checks.check_results(KEY, validation))["tables_agree"].metadata["offending_cells"].value
    ) == []
    structure = results["document_structure"]
    assert structure.passed and "offending_cells" not in structure.metadata


def test_table_page_overviews_show_only_the_pages_with_tables() -> None:
    extraction = extract_document(SEED_PDF)
    markdown = table_page_overviews(extraction, SEED_PDF)
    pages = sorted({f.page for f in extraction.facts})
    assert re.findall(r"### Page (\d+)", markdown) == [str(p) for p in pages]
    pngs = _embedded_pngs(markdown)
    assert len(pngs) == len(pages)
    assert all(read_png_text(png)["itdrift:sha256"] == extraction.document.sha256 for png in pngs)
    assert sum(len(png) for png in pngs) < 150_000 * len(pages)
