"""What a data engineer looks at first after a materialisation: tables per family and a preview of each table.

A preview pivots the facts back into the printed grid (rows × phase/year columns, numbers as printed),
so a misread column shows up at a glance in the Dagster UI.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

import dagster as dg

from itdrift_pipeline.defs.markdown import markdown_table
from itdrift_pipeline.model import TABLE_FAMILIES, ExtractionResult, Fact

TableKey = tuple[str, str, str, str | None]  # policy area, family, caption, account


def _table_key(fact: Fact) -> TableKey:
    return (fact.policy_area, fact.table, fact.table_title, fact.account)


def _column_label(fact: Fact) -> str:
    label = fact.phase if fact.fiscal_year is None else f"{fact.phase} {fact.fiscal_year}"
    label = label if fact.period is None else f"{label} {fact.period}"
    return label if fact.measure == "amount" else f"{label} ({fact.measure})"


def tables_by_family(extraction: ExtractionResult) -> dict[str, int]:
    """Distinct tables (policy area × family × caption × account) per family; unknown tables counted too."""
    counts = Counter(key[1] for key in dict.fromkeys(_table_key(f) for f in extraction.facts))
    result = {family: counts.get(family, 0) for family in TABLE_FAMILIES}
    result["unknown"] = len(extraction.unknown_tables)
    return result


def _preview(facts: Iterable[Fact]) -> str:
    rows: dict[tuple[str | None, str], dict[str, str]] = {}
    columns: dict[str, None] = {}
    for fact in facts:
        column = _column_label(fact)
        columns.setdefault(column)
        rows.setdefault((fact.row_code, fact.row_label), {})[column] = fact.as_printed
    headers = ["nr.", "row", *columns]
    return markdown_table(
        headers, [[code, label, *(cells.get(c) for c in columns)] for (code, label), cells in rows.items()]
    )


def table_previews(extraction: ExtractionResult) -> str:
    """Every extracted table as a markdown grid under a heading naming its chapter, family and page."""
    grouped: dict[TableKey, list[Fact]] = {}
    for fact in extraction.facts:
        grouped.setdefault(_table_key(fact), []).append(fact)
    sections = []
    for (policy_area, family, title, account), facts in grouped.items():
        pages = sorted({f.page for f in facts})
        where = f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}–{pages[-1]}"
        heading = f"### {policy_area} · {title} ({family}{', ' + account if account else ''}; {where})"
        sections.append(f"{heading}\n\n{_preview(facts)}")
    return "\n\n".join(sections) or "_no tables extracted_"


# The columns of a fact a data engineer checks first, in the order they read a printed row.
FACT_TABLE_COLUMNS = ("policy_area", "table", "account", "row_code", "row_label", "phase", "fiscal_year",
                      "flow", "as_printed", "value", "unit", "page")
FACT_TABLE_ROWS = 50


def _column_type(annotation: object) -> str:
    text = getattr(annotation, "__name__", None) or str(annotation)
    return text.replace("typing.", "")


def fact_column_schema() -> dg.TableSchema:
    """Every field of model.Fact as a column, with its type: Dagster renders it as the asset's schema."""
    return dg.TableSchema(
        columns=[dg.TableColumn(field.name, _column_type(field.type)) for field in dataclasses.fields(Fact)]
    )


def facts_table(extraction: ExtractionResult, limit: int = FACT_TABLE_ROWS) -> dg.TableMetadataValue:
    """The first `limit` facts as a table Dagster renders natively (numbers as strings: Decimal is exact)."""
    records = [
        dg.TableRecord({column: _cell_value(getattr(fact, column)) for column in FACT_TABLE_COLUMNS})
        for fact in extraction.facts[:limit]
    ]
    schema = dg.TableSchema(columns=[dg.TableColumn(column, "string") for column in FACT_TABLE_COLUMNS])
    return dg.MetadataValue.table(records, schema=schema)


def _cell_value(value: object) -> str | int | bool | None:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)
