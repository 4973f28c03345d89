"""Facts regrouped as the printed tables they came from: rows, columns and cells, in printed order.

Rules compare cells of these grids; a table is identified by (policy area, family, caption, account),
which keeps the Drift and the Anlæg table of "Overordnet regnskabsresultat" apart. Rows and columns both
carry the fact's flow, so the rows marked U and I that share a label stay two rows and an expenditure cell
is only ever compared with expenditure cells; rows carry the row they break down ("Heraf:"), so two "Heraf
i alt" lines are two rows and a breakdown is summed on its own. Columns carry the fact's period too: the
twelve month columns of a monthly table and its "I alt" year column (period None) are thirteen columns, so
a rule reads one month at a time and never adds months into a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from itdrift_pipeline.model import Fact

_PARENT_CODE = re.compile(r"^\d+$")
_SUB_CODE = re.compile(r"^(\d+)\.[a-z]$")


@dataclass(frozen=True)
class TableKey:
    policy_area: str
    table: str
    table_title: str
    account: str | None


@dataclass(frozen=True)
class RowKey:
    row_code: str | None
    row_label: str
    flow: str | None = None
    part_of: str | None = None  # the row this one breaks down ("Heraf:"): never a top-level addend

    @property
    def is_sub_item(self) -> bool:
        return bool(self.row_code and _SUB_CODE.match(self.row_code))

    @property
    def parent_code(self) -> str | None:
        match = _SUB_CODE.match(self.row_code or "")
        return match.group(1) if match else None

    @property
    def is_parent_code(self) -> bool:
        return bool(self.row_code and _PARENT_CODE.match(self.row_code))


@dataclass(frozen=True)
class ColumnKey:
    phase: str
    measure: str
    fiscal_year: int | None
    flow: str | None = None
    period: str | None = None  # model.PERIODS; None for the whole fiscal year


@dataclass
class PrintedTable:
    key: TableKey
    rows: list[RowKey] = field(default_factory=list)
    columns: list[ColumnKey] = field(default_factory=list)
    totals: set[RowKey] = field(default_factory=set)
    cells: dict[tuple[RowKey, ColumnKey], Fact] = field(default_factory=dict)

    def cell(self, row: RowKey, column: ColumnKey) -> Fact | None:
        return self.cells.get((row, column))

    def facts(self) -> list[Fact]:
        return list(self.cells.values())

    def row_by_code(self, row_code: str, flow: str | None = None) -> RowKey | None:
        return next(
            (
                row
                for row in self.rows
                if row.row_code == row_code and row.flow == flow and row not in self.totals
            ),
            None,
        )

    @property
    def total_rows(self) -> list[RowKey]:
        return [row for row in self.rows if row in self.totals]

    @property
    def first_page(self) -> int | None:
        return min((fact.page for fact in self.cells.values()), default=None)


def table_key(fact: Fact) -> TableKey:
    return TableKey(fact.policy_area, fact.table, fact.table_title, fact.account)


def printed_tables(facts: Iterable[Fact]) -> list[PrintedTable]:
    """Group facts into tables; rows and columns keep the order in which the extractor read them."""
    tables: dict[TableKey, PrintedTable] = {}
    # Dicts keep first-seen order with O(1) membership, so 400-row listings group in linear time.
    rows: dict[TableKey, dict[RowKey, None]] = {}
    columns: dict[TableKey, dict[ColumnKey, None]] = {}
    for fact in facts:
        key = table_key(fact)
        table = tables.setdefault(key, PrintedTable(key))
        row = RowKey(fact.row_code, fact.row_label, fact.flow, fact.part_of)
        column = ColumnKey(fact.phase, fact.measure, fact.fiscal_year, fact.flow, fact.period)
        rows.setdefault(key, {})[row] = None
        columns.setdefault(key, {})[column] = None
        if fact.is_total:
            table.totals.add(row)
        # The schema's one_fact_per_printed_cell check reports duplicates; the first one read stands.
        table.cells.setdefault((row, column), fact)
    for key, table in tables.items():
        table.rows, table.columns = list(rows[key]), list(columns[key])
    return list(tables.values())
