"""v_fact_source and the finding cells: where every figure and finding is printed, and its crop's name."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from itdrift_pipeline.warehouse import load_document


def query(engine: sa.Engine, sql: str) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(sa.text(sql)).mappings()]


def whole(value: float) -> int:
    return int(Decimal(repr(value)).quantize(Decimal(1), ROUND_HALF_UP))


def test_every_figure_has_its_file_page_box_and_crop_path(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    rows = query(bi_engine, "SELECT * FROM v_fact_source")

    assert len(rows) == len(seed_case.extraction.facts)
    prefix = f"sources/{seed_case.extraction.document.sha256[:16]}/"
    for row in rows:
        box = (row["bbox_x0"], row["bbox_top"], row["bbox_x1"], row["bbox_bottom"])
        # Named by document, page and box in whole points, the same on SQLite and PostgreSQL.
        assert row["crop_path"] == f"{prefix}p{row['page']}_" + "_".join(str(whole(v)) for v in box) + ".png"
    [it_total] = [r for r in rows if r["as_printed"] == "45.271" and r["is_total"] == 1
                  and r["table_family"] == "overall_result" and r["account"] == "drift"]
    assert it_total["page"] == 1
    assert it_total["crop_path"] == f"{prefix}p1_414_327_440_336.png"


def test_a_cross_table_finding_names_both_cells_it_compares(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    findings = query(bi_engine, "SELECT * FROM v_findings WHERE rule = 'cross_table_mismatch'")

    assert findings
    for finding in findings:
        assert finding["crop_path"] and finding["compared_crop_path"]
        assert finding["crop_path"] != finding["compared_crop_path"]
        assert finding["bbox_x0"] is not None and finding["compared_bbox_x0"] is not None
    narrative = query(bi_engine, "SELECT * FROM v_findings WHERE rule = 'narrative_mismatch' "
                                 "AND severity = 'error'")
    assert narrative and all(f["compared_page"] is not None for f in narrative)
