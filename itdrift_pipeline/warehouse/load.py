"""Loading one extracted and validated document into the star schema, in one transaction.

Idempotent by sha256: a reload deletes the document's rows and inserts the new ones in the same
transaction, so readers see the old rows or the new ones, never a mix, and a failure changes nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.warehouse import dialect
from itdrift_pipeline.warehouse.schema import (
    FACTS,
    MONEY_PRECISION,
    MONEY_SCALE,
    QUANTITY_PRECISION,
    QUANTITY_SCALE,
    dim_activity,
    dim_document,
    dim_fiscal_year,
    dim_municipality,
    dim_policy_area,
    dim_price_basis,
    fact_amount,
    fact_finding,
    fact_narrative_amount,
)

log = logging.getLogger(__name__)

UNSTATED_MUNICIPALITY = "(not stated)"
UNSTATED_PRICE_BASIS = "unstated"

# Which table's label names an activity when tables disagree (activity_areas prints the area's name).
_LABEL_PREFERENCE = {"activity_areas": 0, "specific_assumptions": 1, "overall_result": 2, "other": 3}


class LoadError(Exception):
    """The extraction and validation handed to the loader do not fit together or break the grain."""


class DuplicateFactError(LoadError):
    """Two facts of one document share the fact_amount grain; the extractor produced a duplicate."""


@dataclass(frozen=True)
class LoadSummary:
    file: str
    sha256: str
    status: str  # "loaded" | "rejected" | "invalid" (dim_document.status)
    document_id: int
    facts: int
    narrative_amounts: int
    findings: int

    @property
    def loaded(self) -> bool:
        return self.status == "loaded"


def document_status(extraction: model.ExtractionResult, validation: model.ValidationResult) -> str:
    if extraction.document.status == "rejected":
        return "rejected"
    return "invalid" if validation.structural_errors else "loaded"


def load_document(
    engine: sa.Engine, extraction: model.ExtractionResult, validation: model.ValidationResult
) -> LoadSummary:
    """Replace the warehouse rows of this document (by sha256) with the given extraction and findings.

    Rejected documents get a dim_document row with the rejection and no facts; documents with
    structural findings (schema_violation) get status 'invalid', their findings and no facts.
    """
    document = extraction.document
    if validation.document.sha256 != document.sha256:
        raise LoadError(
            f"validation is of {validation.document.file} ({validation.document.sha256[:12]}), extraction of "
            f"{document.file} ({document.sha256[:12]}); validate the same extraction you load"
        )
    status = document_status(extraction, validation)
    sqlite_backend = dialect.is_sqlite(engine)
    facts = extraction.facts if status == "loaded" else []
    narrative = extraction.narrative_amounts if status == "loaded" else []
    _check_grain(document, facts)
    _check_values(facts, narrative, validation.findings, sqlite_backend)

    with engine.execution_options(**{dialect.WRITER_OPTION: True}).begin() as connection:
        dialect.lock_document(connection, document.sha256)
        _delete_document(connection, document.sha256)
        municipality_id = _municipality(connection, document, status)
        _fiscal_years(connection, document, facts)
        document_id = _insert_document(connection, document, status, municipality_id)
        policy_area_ids = _policy_areas(connection, extraction, facts, narrative, validation.findings)
        activity_ids = _activities(connection, policy_area_ids, facts, narrative)
        _price_bases(connection, facts)
        _insert_facts(connection, _fact_rows(document_id, facts, policy_area_ids, activity_ids))
        _insert_narrative(connection, _narrative_rows(document_id, narrative, policy_area_ids, activity_ids))
        _insert_findings(connection, _finding_rows(document_id, validation.findings, policy_area_ids))

    summary = LoadSummary(
        file=document.file,
        sha256=document.sha256,
        status=status,
        document_id=document_id,
        facts=len(facts),
        narrative_amounts=len(narrative),
        findings=len(validation.findings),
    )
    log.info(
        "%s %s: %d facts, %d narrative amounts, %d findings",
        document.file,
        status,
        summary.facts,
        summary.narrative_amounts,
        summary.findings,
    )
    return summary


# --- Checks before the transaction (a bad input never touches the warehouse) ----------------------


def _grain(fact: model.Fact) -> tuple[Any, ...]:
    return (
        fact.policy_area,
        fact.table,
        fact.table_title,
        fact.account,
        fact.row_label,
        fact.phase,
        fact.measure,
        fact.fiscal_year,
    )


def _check_grain(document: model.DocumentInfo, facts: list[model.Fact]) -> None:
    # NULLs are distinct in SQL unique constraints, so a duplicate with a null account or year would slip
    # past uq_fact_amount_grain; checking here covers both databases alike.
    duplicates = [key for key, n in Counter(_grain(f) for f in facts).items() if n > 1]
    if duplicates:
        raise DuplicateFactError(
            f"{document.file}: {len(duplicates)} figure(s) printed twice at the same grain, e.g. "
            f"{duplicates[0]}; the extraction must give each printed figure one fact"
        )


def _check_values(
    facts: list[model.Fact],
    narrative: list[model.NarrativeAmount],
    findings: list[model.Finding],
    sqlite_backend: bool,
) -> None:
    for fact in facts:
        what = (
            f"{fact.policy_area}/{fact.table}/{fact.row_label}/{fact.phase} {fact.as_printed!r} p.{fact.page}"
        )
        if fact.measure == "quantity":
            dialect.check_exact(
                fact.value,
                scale=QUANTITY_SCALE,
                precision=QUANTITY_PRECISION,
                sqlite_backend=sqlite_backend,
                what=what,
            )
        else:
            dialect.check_exact(
                fact.value,
                scale=MONEY_SCALE,
                precision=MONEY_PRECISION,
                sqlite_backend=sqlite_backend,
                what=what,
            )
    for amount in narrative:
        dialect.check_exact(
            amount.value,
            scale=MONEY_SCALE,
            precision=MONEY_PRECISION,
            sqlite_backend=sqlite_backend,
            what=f"narrative {amount.as_printed!r} p.{amount.page}",
        )
    for finding in findings:
        for value in (finding.expected, finding.shown):
            if value is not None:
                dialect.check_exact(
                    value,
                    scale=QUANTITY_SCALE,
                    precision=QUANTITY_PRECISION,
                    sqlite_backend=sqlite_backend,
                    what=f"finding {finding.rule} p.{finding.page}",
                )


# --- Steps inside the transaction -----------------------------------------------------------------


def _delete_document(connection: sa.Connection, sha256: str) -> None:
    previous = sa.select(dim_document.c.document_id).where(dim_document.c.sha256 == sha256)
    for fact_table in FACTS:
        connection.execute(sa.delete(fact_table).where(fact_table.c.document_id.in_(previous)))
    connection.execute(sa.delete(dim_document).where(dim_document.c.sha256 == sha256))


def _municipality(connection: sa.Connection, document: model.DocumentInfo, status: str) -> int | None:
    if document.municipality is None and status == "rejected":
        return None
    name = document.municipality or UNSTATED_MUNICIPALITY
    dialect.insert_ignoring_duplicates(connection, dim_municipality, [{"name": name}], key=["name"])
    return connection.scalar(
        sa.select(dim_municipality.c.municipality_id).where(dim_municipality.c.name == name)
    )


def _fiscal_years(connection: sa.Connection, document: model.DocumentInfo, facts: list[model.Fact]) -> None:
    years = {f.fiscal_year for f in facts} | {document.fiscal_year}
    rows = [{"fiscal_year": year} for year in sorted(y for y in years if y is not None)]
    dialect.insert_ignoring_duplicates(connection, dim_fiscal_year, rows, key=["fiscal_year"])


def _insert_document(
    connection: sa.Connection, document: model.DocumentInfo, status: str, municipality_id: int | None
) -> int:
    rejection = document.error if status == "rejected" else None
    # A rejected document always carries a kind (ck_dim_document_rejection_kind_iff_rejected); an
    # extractor that forgot the RejectionInfo is recorded as "unknown" rather than refused.
    result = connection.execute(
        sa.insert(dim_document).values(
            sha256=document.sha256,
            file=document.file,
            municipality_id=municipality_id,
            report_type=document.report_type,
            fiscal_year=document.fiscal_year,
            pages=document.pages,
            size_bytes=document.size_bytes,
            status=status,
            rejection_kind=rejection.kind if rejection else ("unknown" if status == "rejected" else None),
            rejection_reason=rejection.message if rejection else None,
            ingested_at=datetime.now(UTC),
        )
    )
    return result.inserted_primary_key[0]


def _policy_areas(
    connection: sa.Connection,
    extraction: model.ExtractionResult,
    facts: list[model.Fact],
    narrative: list[model.NarrativeAmount],
    findings: list[model.Finding],
) -> dict[str, int]:
    names = (
        {f.policy_area for f in facts}
        | {n.policy_area for n in narrative}
        | {f.policy_area for f in findings if f.policy_area}
    )
    if not names:
        return {}
    municipality_name = extraction.document.municipality or UNSTATED_MUNICIPALITY
    dialect.insert_ignoring_duplicates(
        connection, dim_municipality, [{"name": municipality_name}], key=["name"]
    )
    municipality_id = connection.scalar(
        sa.select(dim_municipality.c.municipality_id).where(dim_municipality.c.name == municipality_name)
    )
    committees = {c.policy_area: c.committee for c in extraction.chapters if c.committee}
    rows = [{"municipality_id": municipality_id, "name": name} for name in sorted(names - committees.keys())]
    dialect.insert_ignoring_duplicates(connection, dim_policy_area, rows, key=["municipality_id", "name"])
    # A committee the book states overwrites an older one; a book that does not state it keeps the old.
    rows = [
        {"municipality_id": municipality_id, "name": name, "committee": committees[name]}
        for name in sorted(names & committees.keys())
    ]
    dialect.upsert(connection, dim_policy_area, rows, key=["municipality_id", "name"], update=["committee"])
    found = connection.execute(
        sa.select(dim_policy_area.c.name, dim_policy_area.c.policy_area_id).where(
            dim_policy_area.c.municipality_id == municipality_id, dim_policy_area.c.name.in_(names)
        )
    )
    return {name: policy_area_id for name, policy_area_id in found}


def _activities(
    connection: sa.Connection,
    policy_area_ids: dict[str, int],
    facts: list[model.Fact],
    narrative: list[model.NarrativeAmount],
) -> dict[tuple[str, str], int]:
    labels: dict[tuple[str, str], tuple[int, str]] = {}
    for fact in facts:
        if fact.row_code is None:
            continue
        key = (fact.policy_area, fact.row_code)
        preference = _LABEL_PREFERENCE.get(fact.table, len(_LABEL_PREFERENCE))
        if key not in labels or preference < labels[key][0]:
            labels[key] = (preference, fact.row_label)
    codes = set(labels) | {(n.policy_area, n.row_code) for n in narrative if n.row_code is not None}
    if not codes:
        return {}
    rows = [
        {
            "policy_area_id": policy_area_ids[policy_area],
            "code": code,
            "label": labels[(policy_area, code)][1] if (policy_area, code) in labels else None,
            "parent_code": code.rsplit(".", 1)[0] if "." in code else None,
            "level": code.count(".") + 1,
        }
        for policy_area, code in sorted(codes)
    ]
    labelled = [row for row in rows if row["label"] is not None]
    dialect.upsert(
        connection,
        dim_activity,
        labelled,
        key=["policy_area_id", "code"],
        update=["label", "parent_code", "level"],
    )
    unlabelled = [row for row in rows if row["label"] is None]
    dialect.insert_ignoring_duplicates(connection, dim_activity, unlabelled, key=["policy_area_id", "code"])
    area_names = {area_id: name for name, area_id in policy_area_ids.items()}
    found = connection.execute(
        sa.select(dim_activity.c.policy_area_id, dim_activity.c.code, dim_activity.c.activity_id).where(
            dim_activity.c.policy_area_id.in_(area_names)
        )
    )
    return {(area_names[area_id], code): activity_id for area_id, code, activity_id in found}


def price_basis_key(price_year: int | None) -> str:
    return UNSTATED_PRICE_BASIS if price_year is None else f"current_{price_year}"


def _price_bases(connection: sa.Connection, facts: Iterable[model.Fact]) -> None:
    rows = [
        {
            "price_basis": UNSTATED_PRICE_BASIS,
            "price_year": None,
            "basis": "unstated",
            "label_da": "Prisniveau ikke oplyst",
        }
        if year is None
        else {
            "price_basis": price_basis_key(year),
            "price_year": year,
            "basis": "current_prices",
            "label_da": f"{year}-priser",
        }
        for year in sorted({f.price_year for f in facts}, key=lambda y: (y is not None, y or 0))
    ]
    dialect.insert_ignoring_duplicates(connection, dim_price_basis, rows, key=["price_basis"])


def _bbox(bbox: model.BBox | None) -> dict[str, float | None]:
    x0, top, x1, bottom = bbox if bbox is not None else (None, None, None, None)
    return {"bbox_x0": x0, "bbox_top": top, "bbox_x1": x1, "bbox_bottom": bottom}


def _fact_rows(
    document_id: int,
    facts: list[model.Fact],
    policy_area_ids: dict[str, int],
    activity_ids: dict[tuple[str, str], int],
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "policy_area_id": policy_area_ids[f.policy_area],
            "activity_id": activity_ids.get((f.policy_area, f.row_code)) if f.row_code else None,
            "table_family": f.table,
            "table_title": f.table_title,
            "account": f.account,
            "row_code": f.row_code,
            "row_label": f.row_label,
            "is_total": f.is_total,
            "phase": f.phase,
            "measure": f.measure,
            "fiscal_year": f.fiscal_year,
            "price_basis": price_basis_key(f.price_year),
            "value_dkk": None if f.measure == "quantity" else f.value,
            "quantity": f.value if f.measure == "quantity" else None,
            "unit": f.unit,
            "source_unit": f.source_unit,
            "as_printed": f.as_printed,
            "sign_convention": f.sign_convention,
            "page": f.page,
            **_bbox(f.bbox),
        }
        for f in facts
    ]


def _narrative_rows(
    document_id: int,
    narrative: list[model.NarrativeAmount],
    policy_area_ids: dict[str, int],
    activity_ids: dict[tuple[str, str], int],
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "sequence": sequence,
            "policy_area_id": policy_area_ids[n.policy_area],
            "activity_id": activity_ids.get((n.policy_area, n.row_code)) if n.row_code else None,
            "note": n.note,
            "row_code": n.row_code,
            "kind": n.kind,
            "account": n.account,
            "value_dkk": n.value,
            "to_year": n.to_year,
            "as_printed": n.as_printed,
            "source_unit": n.source_unit,
            "sentence": n.text,
            "page": n.page,
            **_bbox(n.bbox),
        }
        for sequence, n in enumerate(narrative, start=1)
    ]


def _finding_rows(
    document_id: int, findings: list[model.Finding], policy_area_ids: dict[str, int]
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "sequence": sequence,
            "rule": f.rule,
            "severity": f.severity,
            "is_structural": f.rule == model.STRUCTURAL_RULE,
            "policy_area_id": policy_area_ids.get(f.policy_area) if f.policy_area else None,
            "table_family": f.table,
            "table_title": f.table_title,
            "row_code": f.row_code,
            "row_label": f.row_label,
            "phase": f.phase,
            "fiscal_year": f.fiscal_year,
            "expected": f.expected,
            "shown": f.shown,
            "unit": f.unit,
            "page": f.page,
            "message": f.message,
        }
        for sequence, f in enumerate(findings, start=1)
    ]


# Bulk inserts: one executemany per table (SQLAlchemy batches them into multi-row INSERTs).


def _insert_facts(connection: sa.Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(sa.insert(fact_amount), rows)


def _insert_narrative(connection: sa.Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(sa.insert(fact_narrative_amount), rows)


def _insert_findings(connection: sa.Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(sa.insert(fact_finding), rows)
