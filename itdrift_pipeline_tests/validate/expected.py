"""What the validator must report on the corpus documents, as comparable keys, and how to build the
ExtractionResult of a corpus document from its ground truth."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from itdrift_pipeline import model
from itdrift_pipeline_tests.corpus import (
    ChapterData,
    Layout,
    expected_document,
    expected_facts,
    expected_narrative_amounts,
    expected_notes,
)

TOTAL = "Politikområdet i alt"
DIGI = "Digitaliseringspuljen"
OVRIGE = "Øvrige systemer"


def finding_key(finding: model.Finding) -> tuple:
    """(rule, severity, table, row_code, row_label, phase, fiscal_year, shown, expected)."""
    return (
        finding.rule, finding.severity, finding.table, finding.row_code, finding.row_label, finding.phase,
        finding.fiscal_year, finding.shown, finding.expected,
    )


def _key(rule: str, severity: str, table: str, row_code: str | None, row_label: str, phase: str,
         shown: Decimal | int, expected: Decimal | int) -> tuple:
    return (rule, severity, table, row_code, row_label, phase, 2020, Decimal(shown), Decimal(expected))


OVERALL, ACTIVITY, SPECIFIC = "overall_result", "activity_areas", "specific_assumptions"
D = Decimal

# The published defects of the seed chapter (domain.md), shown/expected in 1.000 kr.
SEED_FINDINGS = {
    # Anlæg: 0 - 1.690 = -1.690 under "+=underskud og -=overskud", printed 1.690.
    _key("variance_mismatch", "error", OVERALL, None, "Anlæg", "variance", 1690, -1690),
    # The specific-assumptions total 45.275 against 45.271 in the activity table.
    _key("cross_table_mismatch", "error", SPECIFIC, None, TOTAL, "actual", 45275, 45271),
    # Note 1a's 746.810 kr. and the opening text's 0,8 mio. kr. against 1.559 - 2.151 = -592.
    _key("narrative_mismatch", "error", SPECIFIC, "1.a", DIGI, "variance", D("-746.81"), -592),
    _key("narrative_mismatch", "error", SPECIFIC, "1.a", DIGI, "variance", -800, -592),
    # 1.071 - 1.165 = -94, printed -95.
    _key("variance_mismatch", "warning", ACTIVITY, "2", "IT, inventar og materiel", "variance", -95, -94),
    # Øvrige systemer 16.749 here, 16.748 in the activity table.
    _key("cross_table_mismatch", "warning", SPECIFIC, "5", OVRIGE, "actual", 16749, 16748),
    # Totals one and two units off the sums of their rows.
    _key("sum_mismatch", "warning", ACTIVITY, None, TOTAL, "actual", 45271, 45272),
    _key("sum_mismatch", "warning", SPECIFIC, None, TOTAL, "actual", 45275, 45273),
}

# The seed in "Mio. kr." with one decimal, figures rounded half up from the thousands: 45.275 and 45.271
# are both 45,3, so the cross-table error disappears, while one-decimal rounding gaps appear as warnings.
MIO_FINDINGS = {
    _key("variance_mismatch", "error", OVERALL, None, "Anlæg", "variance", D("1.7"), D("-1.7")),
    _key("narrative_mismatch", "error", SPECIFIC, "1.a", DIGI, "variance", D("-0.8"), D("-0.6")),
    _key("narrative_mismatch", "error", SPECIFIC, "1.a", DIGI, "variance", D("-0.74681"), D("-0.6")),
    _key("variance_mismatch", "warning", ACTIVITY, "5", OVRIGE, "variance", D("-0.1"), D("-0.2")),
    _key("sum_mismatch", "warning", ACTIVITY, None, TOTAL, "revised_budget", D("47.1"), D("47.2")),
    _key("sum_mismatch", "warning", SPECIFIC, None, TOTAL, "budget", D("47.1"), D("47.2")),
}


def truth_extraction(chapters: list[ChapterData], layout: Layout, file: Path) -> model.ExtractionResult:
    """The ExtractionResult a perfect extractor would return for a rendered corpus document."""
    info = expected_document(layout)
    document = model.DocumentInfo(
        file=str(file), sha256="ground-truth", pages=info["pages"], municipality=info["municipality"],
        report_type=info["report_type"], fiscal_year=info["fiscal_year"],
    )
    return model.ExtractionResult(
        document=document,
        facts=expected_facts(chapters, layout),
        notes=expected_notes(chapters, layout),
        narrative_amounts=expected_narrative_amounts(chapters, layout),
    )
