"""Loading one extracted and validated document into the star schema, in one transaction.

Idempotent by sha256: a reload deletes the document's rows and inserts the new ones in the same
transaction, so readers see the old rows or the new ones, never a mix, and a failure changes nothing.
A loaded document brings its figures, narrative amounts, notes, chapters and the tables the extractor
could not interpret and the columns it set aside; a rejected or invalid one only its dim_document row and
findings.
"""

from __future__ import annotations

import json
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
    DOCUMENT_TABLES,
    MONEY_PRECISION,
    MONEY_SCALE,
    QUANTITY_PRECISION,
    QUANTITY_SCALE,
    dim_activity,
    dim_document,
    dim_document_chapter,
    dim_fiscal_year,
    dim_municipality,
    dim_policy_area,
    dim_price_basis,
    fact_amount,
    fact_finding,
    fact_narrative_amount,
    fact_note,
    fact_unknown_table,
    fact_unread_column,
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


class DuplicateChapterError(LoadError):
    """One document has two chapters of the same policy area; dim_document_chapter has one per pair."""


@dataclass(frozen=True)
class LoadSummary:
    file: str
    sha256: str
    status: str  # "loaded" | "rejected" | "invalid" (dim_document.status)
    document_id: int
    facts: int
    narrative_amounts: int
    findings: int
    notes: int = 0
    unknown_tables: int = 0
    chapters: int = 0
    unread_columns: int = 0

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
    # An invalid document's extraction is structurally broken: like its figures, its notes, chapters
    # and unread tables are not trusted; its findings say why.
    loaded = status == "loaded"
    facts = extraction.facts if loaded else []
    narrative = extraction.narrative_amounts if loaded else []
    notes = extraction.notes if loaded else []
    unknown_tables = extraction.unknown_tables if loaded else []
    unread_columns = extraction.unread_columns if loaded else []
    chapters = extraction.chapters if loaded else []
    _check_grain(document, facts)
    _check_chapters(document, chapters)
    _check_values(facts, narrative, validation.findings, sqlite_backend)

    with engine.execution_options(**{dialect.WRITER_OPTION: True}).begin() as connection:
        dialect.lock_document(connection, document.sha256)
        _delete_document(connection, document.sha256)
        municipality_id = _municipality(connection, document, status)
        _fiscal_years(connection, document, facts, notes)
        document_id = _insert_document(connection, document, status, municipality_id)
        named = {f.policy_area for f in facts} | {n.policy_area for n in narrative}
        named |= {n.policy_area for n in notes} | {c.policy_area for c in chapters}
        named |= {u.policy_area for u in unknown_tables if u.policy_area}
        named |= {u.policy_area for u in unread_columns}
        named |= {f.policy_area for f in validation.findings if f.policy_area}
        policy_area_ids = _policy_areas(connection, extraction, named)
        activity_ids = _activities(connection, policy_area_ids, facts, narrative)
        _price_bases(connection, facts)
        _insert(connection, fact_amount, _fact_rows(document_id, facts, policy_area_ids, activity_ids))
        _insert(
            connection,
            fact_narrative_amount,
            _narrative_rows(document_id, narrative, policy_area_ids, activity_ids),
        )
        _insert(connection, fact_finding, _finding_rows(document_id, validation.findings, policy_area_ids))
        _insert(connection, dim_document_chapter, _chapter_rows(document_id, chapters, policy_area_ids))
        _insert(connection, fact_note, _note_rows(document_id, notes, policy_area_ids))
        _insert(
            connection, fact_unknown_table, _unknown_table_rows(document_id, unknown_tables, policy_area_ids)
        )
        _insert(
            connection, fact_unread_column, _unread_column_rows(document_id, unread_columns, policy_area_ids)
        )

    summary = LoadSummary(
        file=document.file,
        sha256=document.sha256,
        status=status,
        document_id=document_id,
        facts=len(facts),
        narrative_amounts=len(narrative),
        findings=len(validation.findings),
        notes=len(notes),
        unknown_tables=len(unknown_tables),
        chapters=len(chapters),
        unread_columns=len(unread_columns),
    )
    log.info(
        "%s %s: %d facts, %d narrative amounts, %d findings, %d notes, %d unread tables, %d unread columns",
        document.file,
        status,
        summary.facts,
        summary.narrative_amounts,
        summary.findings,
        summary.notes,
        summary.unknown_tables,
        summary.unread_columns,
    )
    return summary


# --- Checks before the transaction (a bad input never touches the warehouse) ----------------------


def _grain(fact: model.Fact) -> tuple[Any, ...]:
    return tuple(getattr(fact, name) for name in model.FACT_GRAIN)


def _check_grain(document: model.DocumentInfo, facts: list[model.Fact]) -> None:
    # NULLs are distinct in SQL unique constraints, so a duplicate with a null account or year would slip
    # past uq_fact_amount_grain; checking here covers both databases alike.
    duplicates = [key for key, n in Counter(_grain(f) for f in facts).items() if n > 1]
    if duplicates:
        raise DuplicateFactError(
            f"{document.file}: {len(duplicates)} figure(s) printed twice at the same grain, e.g. "
            f"{duplicates[0]}; the extraction must give each printed figure one fact"
        )


def _check_chapters(document: model.DocumentInfo, chapters: list[model.Chapter]) -> None:
    repeated = [name for name, n in Counter(c.policy_area for c in chapters).items() if n > 1]
    if repeated:
        raise DuplicateChapterError(
            f"{document.file}: policy area(s) {repeated} begin more than one chapter; the extraction must "
            "give each policy area of a document one chapter (first_page..last_page)"
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


def stored_documents(engine: sa.Engine) -> dict[str, str]:
    """sha256 -> status of every document the warehouse holds (loaded, rejected or invalid)."""
    with engine.connect() as connection:
        rows = connection.execute(sa.select(dim_document.c.sha256, dim_document.c.status))
        return {sha256: status for sha256, status in rows}


# --- Steps inside the transaction -----------------------------------------------------------------


def _delete_document(connection: sa.Connection, sha256: str) -> None:
    previous = sa.select(dim_document.c.document_id).where(dim_document.c.sha256 == sha256)
    for table in DOCUMENT_TABLES:
        connection.execute(sa.delete(table).where(table.c.document_id.in_(previous)))
    connection.execute(sa.delete(dim_document).where(dim_document.c.sha256 == sha256))


def _municipality(connection: sa.Connection, document: model.DocumentInfo, status: str) -> int | None:
    if document.municipality is None and status == "rejected":
        return None
    name = document.municipality or UNSTATED_MUNICIPALITY
    dialect.insert_ignoring_duplicates(connection, dim_municipality, [{"name": name}], key=["name"])
    return connection.scalar(
        sa.select(dim_municipality.c.municipality_id).where(dim_municipality.c.name == name)
    )


def _fiscal_years(
    connection: sa.Connection,
    document: model.DocumentInfo,
    facts: list[model.Fact],
    notes: list[model.Note],
) -> None:
    years = {f.fiscal_year for f in facts} | {n.fiscal_year for n in notes} | {document.fiscal_year}
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
    connection: sa.Connection, extraction: model.ExtractionResult, names: set[str]
) -> dict[str, int]:
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


# model.PRICE_BASES -> dim_price_basis.basis. A figure whose notes state a price year but not the basis is
# read by definition: in its own year's prices it is current, in another year's it was restated (fixed).
_BASIS_OF = {"current": "current_prices", "fixed": "fixed_prices"}
_KEY_PREFIX = {"current_prices": "current", "fixed_prices": "fixed"}


def _basis(fact: model.Fact) -> str:
    if fact.price_year is None:
        return "unstated"
    if fact.price_basis is not None:
        return _BASIS_OF[fact.price_basis]
    restated = fact.fiscal_year is not None and fact.price_year != fact.fiscal_year
    return "fixed_prices" if restated else "current_prices"


def price_basis_key(price_year: int | None, basis: str = "current_prices") -> str:
    """dim_price_basis key: 'current_2020', 'fixed_2021' or 'unstated'."""
    return UNSTATED_PRICE_BASIS if price_year is None else f"{_KEY_PREFIX[basis]}_{price_year}"


def fact_price_basis(fact: model.Fact) -> str:
    """The dim_price_basis key of a fact, from its price year and the basis its notes state."""
    return price_basis_key(fact.price_year, _basis(fact))


def _price_basis_row(price_year: int | None, basis: str) -> dict[str, Any]:
    if price_year is None:
        return {
            "price_basis": UNSTATED_PRICE_BASIS,
            "price_year": None,
            "basis": "unstated",
            "label_da": "Prisniveau ikke oplyst",
        }
    label = f"{price_year}-priser" if basis == "current_prices" else f"Faste {price_year}-priser"
    return {
        "price_basis": price_basis_key(price_year, basis),
        "price_year": price_year,
        "basis": basis,
        "label_da": label,
    }


def _price_bases(connection: sa.Connection, facts: Iterable[model.Fact]) -> None:
    bases = {(f.price_year, _basis(f)) for f in facts}
    rows = [_price_basis_row(year, basis) for year, basis in sorted(bases, key=lambda b: (b[0] or 0, b[1]))]
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
            "part_of": f.part_of,
            "is_total": f.is_total,
            "phase": f.phase,
            "measure": f.measure,
            "fiscal_year": f.fiscal_year,
            "price_basis": fact_price_basis(f),
            "value_dkk": None if f.measure == "quantity" else f.value,
            "quantity": f.value if f.measure == "quantity" else None,
            "unit": f.unit,
            "source_unit": f.source_unit,
            "as_printed": f.as_printed,
            "sign_convention": f.sign_convention,
            "page": f.page,
            **_bbox(f.bbox),
            "flow": f.flow,
            "year_source": f.year_source,
            "period": f.period,
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
            "phase": n.phase,
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
            **_bbox(f.bbox),
            "compared_page": f.compared_page,
            **{f"compared_{name}": value for name, value in _bbox(f.compared_bbox).items()},
        }
        for sequence, f in enumerate(findings, start=1)
    ]


def _chapter_rows(
    document_id: int, chapters: list[model.Chapter], policy_area_ids: dict[str, int]
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "policy_area_id": policy_area_ids[c.policy_area],
            "title": c.title,
            "committee": c.committee,
            "first_page": c.first_page,
            "last_page": c.last_page,
        }
        for c in chapters
    ]


def _note_rows(
    document_id: int, notes: list[model.Note], policy_area_ids: dict[str, int]
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "sequence": sequence,
            "policy_area_id": policy_area_ids[n.policy_area],
            "table_family": n.table,
            "table_title": n.table_title,
            "kind": n.kind,
            "text": n.text,
            "fiscal_year": n.fiscal_year,
            "price_year": n.price_year,
            "phase": n.phase,
            "sign_convention": n.sign_convention,
            "page": n.page,
            "account": n.account,
            "price_basis": n.price_basis,
        }
        for sequence, n in enumerate(notes, start=1)
    ]


def _unknown_table_rows(
    document_id: int, tables: list[model.UnknownTable], policy_area_ids: dict[str, int]
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "sequence": sequence,
            "policy_area_id": policy_area_ids[u.policy_area] if u.policy_area else None,
            "page": u.page,
            **_bbox(u.bbox),
            "row_count": len(u.cells),
            "cells_json": json.dumps(u.cells, ensure_ascii=False),
            "reason": u.reason,
        }
        for sequence, u in enumerate(tables, start=1)
    ]


def _unread_column_rows(
    document_id: int, columns: list[model.UnreadColumn], policy_area_ids: dict[str, int]
) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "sequence": sequence,
            "policy_area_id": policy_area_ids[u.policy_area],
            "table_family": u.table,
            "table_title": u.table_title,
            "header": u.header,
            "reason": u.reason,
            "page": u.page,
            **_bbox(u.bbox),
        }
        for sequence, u in enumerate(columns, start=1)
    ]


# Bulk inserts: one executemany per table (SQLAlchemy batches them into multi-row INSERTs).


def _insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(sa.insert(table), rows)
