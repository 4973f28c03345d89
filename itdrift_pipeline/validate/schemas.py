"""Pandera schemas of the extraction contract: what a well-formed fact, note, narrative amount and table is.

A failure here is structural (rule model.STRUCTURAL_RULE, severity error) and blocks loading; each failure
case becomes one Finding naming the check, which is named after the rule it enforces.

Records are checked in two passes: first every field's Python type against model.py's annotation (a
fiscal_year of '2020' is refused, never coerced), then the values of the records whose types are right.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, get_args, get_type_hints

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrorReason
from pandera.typing import Series

from itdrift_pipeline.model import (
    ACCOUNTS,
    FACT_GRAIN,
    FLOWS,
    MEASURES,
    NARRATIVE_KINDS,
    NOTE_KINDS,
    PERIODS,
    PHASES,
    PRICE_BASES,
    SIGN_CONVENTIONS,
    SOURCE_UNITS,
    STRUCTURAL_RULE,
    TABLE_FAMILIES,
    YEAR_SOURCES,
    DocumentInfo,
    ExtractionResult,
    Fact,
    Finding,
    NarrativeAmount,
    Note,
    UnreadColumn,
)
from itdrift_pipeline.validate.figures import MONEY_MEASURES, column_label, row_name
from itdrift_pipeline.validate.tables import PrintedTable, printed_tables

ROW_CODE_PATTERN = r"^\d+(\.[a-z])?$"
NOTE_NUMBER_PATTERN = r"^\d+[a-z]?$"
NOT_BLANK = r"^\s*\S"
# Pandera reports every failing row of a dataframe check with all its columns, which costs about 0.2 ms a
# row in pandas (the mixed benchmark book's repeated chapters fail uniqueness on every fact). A finding needs
# only the row, which the check's own boolean output gives; Pandera's report keeps this many rows as evidence.
EVIDENCE_ROWS = 20
# A report of year Y prints actuals back to about Y-10 and budget projections (overslagsår) to Y+4.
YEARS_BEFORE_REPORT = 10
YEARS_AFTER_REPORT = 4


def _year_in_report_range(df: pd.DataFrame, column: str) -> pd.Series:
    year = pd.to_numeric(df[column], errors="coerce")
    report = pd.to_numeric(df["report_fiscal_year"], errors="coerce")
    within = (year >= report - YEARS_BEFORE_REPORT) & (year <= report + YEARS_AFTER_REPORT)
    return year.isna() | report.isna() | within


def _is_finite_decimal(value: Any) -> bool:
    return isinstance(value, Decimal) and value.is_finite()


class FactSchema(pa.DataFrameModel):
    """One printed figure of a table (model.Fact), with the report's fiscal year for range checks."""

    policy_area: Series[str] = pa.Field(str_matches=NOT_BLANK)
    table: Series[str] = pa.Field(isin=TABLE_FAMILIES)
    table_title: Series[str] = pa.Field(str_matches=NOT_BLANK)
    account: Series[str] = pa.Field(isin=ACCOUNTS, nullable=True)
    sign_convention: Series[str] = pa.Field(isin=SIGN_CONVENTIONS, nullable=True)
    row_code: Series[str] = pa.Field(str_matches=ROW_CODE_PATTERN, nullable=True)
    row_label: Series[str] = pa.Field(str_matches=NOT_BLANK)
    is_total: Series[bool] = pa.Field(coerce=True)
    phase: Series[str] = pa.Field(isin=PHASES)
    measure: Series[str] = pa.Field(isin=MEASURES)
    fiscal_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)
    price_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)
    value: Series[object]
    unit: Series[str] = pa.Field(str_matches=NOT_BLANK)
    source_unit: Series[str] = pa.Field(isin=SOURCE_UNITS, nullable=True)
    as_printed: Series[str] = pa.Field(str_matches=NOT_BLANK)
    page: Series[pd.Int64Dtype] = pa.Field(ge=1, coerce=True)
    flow: Series[str] = pa.Field(isin=FLOWS, nullable=True)
    year_source: Series[str] = pa.Field(isin=YEAR_SOURCES, nullable=True)
    price_basis: Series[str] = pa.Field(isin=PRICE_BASES, nullable=True)
    period: Series[str] = pa.Field(isin=PERIODS, nullable=True)
    part_of: Series[str] = pa.Field(str_matches=NOT_BLANK, nullable=True)
    report_fiscal_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)

    class Config:
        strict = True

    @pa.check("value", name="value_is_a_finite_decimal")
    def value_is_a_finite_decimal(cls, value: Series[object]) -> Series[bool]:
        return value.map(_is_finite_decimal)

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def fiscal_year_within_report_range(cls, df: pd.DataFrame) -> Series[bool]:
        return _year_in_report_range(df, "fiscal_year")

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def price_year_within_report_range(cls, df: pd.DataFrame) -> Series[bool]:
        return _year_in_report_range(df, "price_year")

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def money_is_stored_in_dkk(cls, df: pd.DataFrame) -> Series[bool]:
        money = df["measure"].isin(MONEY_MEASURES)
        return ~money | ((df["unit"] == "DKK") & df["source_unit"].isin(SOURCE_UNITS))

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def quantity_has_no_source_unit(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["measure"] != "quantity") | df["source_unit"].isna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def sign_convention_only_on_variances(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["phase"] == "variance") | df["sign_convention"].isna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def variance_is_an_amount(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["phase"] != "variance") | (df["measure"] == "amount")

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def year_source_only_with_fiscal_year(cls, df: pd.DataFrame) -> Series[bool]:
        return df["fiscal_year"].notna() | df["year_source"].isna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def period_only_with_fiscal_year(cls, df: pd.DataFrame) -> Series[bool]:
        # "Jan" is a month of a year; a month column whose year no header, caption or title states is
        # no figure of any year, and would meet the whole year's figures in no grain.
        return df["fiscal_year"].notna() | df["period"].isna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def fixed_prices_name_their_price_year(cls, df: pd.DataFrame) -> Series[bool]:
        # "omregnet til 2021-priser": a fixed price level is another year's, so that year must be read.
        return (df["price_basis"] != "fixed") | df["price_year"].notna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def budget_estimate_is_after_the_report_year(cls, df: pd.DataFrame) -> Series[bool]:
        # An overslagsår follows the budget year; the report year's own budget is phase budget.
        year = pd.to_numeric(df["fiscal_year"], errors="coerce")
        report = pd.to_numeric(df["report_fiscal_year"], errors="coerce")
        estimate = df["phase"] == "budget_estimate"
        return ~estimate | year.isna() | report.isna() | (year > report)

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def one_fact_per_printed_cell(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df[list(FACT_GRAIN)].astype(str).duplicated(keep=False)


class NoteSchema(pa.DataFrameModel):
    """One statement under a table (model.Note): price-year, sign-convention and other notes."""

    policy_area: Series[str] = pa.Field(str_matches=NOT_BLANK)
    table: Series[str] = pa.Field(isin=TABLE_FAMILIES, nullable=True)
    table_title: Series[str] = pa.Field(nullable=True)
    kind: Series[str] = pa.Field(isin=NOTE_KINDS)
    text: Series[str] = pa.Field(str_matches=NOT_BLANK)
    fiscal_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)
    price_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)
    phase: Series[str] = pa.Field(isin=PHASES, nullable=True)
    sign_convention: Series[str] = pa.Field(isin=SIGN_CONVENTIONS, nullable=True)
    page: Series[pd.Int64Dtype] = pa.Field(ge=1, coerce=True)
    account: Series[str] = pa.Field(isin=ACCOUNTS, nullable=True)
    price_basis: Series[str] = pa.Field(isin=PRICE_BASES, nullable=True)
    report_fiscal_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)

    class Config:
        strict = True

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def price_basis_only_on_price_year_notes(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["kind"] == "price_year") | df["price_basis"].isna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def price_year_note_names_column_and_price_year(cls, df: pd.DataFrame) -> Series[bool]:
        named = df["fiscal_year"].notna() & df["price_year"].notna() & df["phase"].notna()
        # "Beløbene er i løbende priser" names no column: it speaks of every column of its table.
        scope_wide = df["fiscal_year"].isna() & df["phase"].isna()
        return (df["kind"] != "price_year") | named | scope_wide

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def variance_sign_note_states_convention(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["kind"] != "variance_sign") | df["sign_convention"].notna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def fiscal_year_within_report_range(cls, df: pd.DataFrame) -> Series[bool]:
        return _year_in_report_range(df, "fiscal_year")

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def price_year_within_report_range(cls, df: pd.DataFrame) -> Series[bool]:
        return _year_in_report_range(df, "price_year")


class NarrativeAmountSchema(pa.DataFrameModel):
    """One amount quoted in the chapter's text (model.NarrativeAmount), always a magnitude in DKK."""

    policy_area: Series[str] = pa.Field(str_matches=NOT_BLANK)
    note: Series[str] = pa.Field(str_matches=NOTE_NUMBER_PATTERN, nullable=True)
    row_code: Series[str] = pa.Field(str_matches=ROW_CODE_PATTERN, nullable=True)
    kind: Series[str] = pa.Field(isin=NARRATIVE_KINDS)
    value: Series[object]
    unit: Series[str] = pa.Field(isin=["DKK"])
    to_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)
    page: Series[pd.Int64Dtype] = pa.Field(ge=1, coerce=True)
    text: Series[str] = pa.Field(str_matches=NOT_BLANK)
    as_printed: Series[str] = pa.Field(str_matches=NOT_BLANK)
    source_unit: Series[str] = pa.Field(isin=SOURCE_UNITS)
    account: Series[str] = pa.Field(isin=ACCOUNTS, nullable=True)
    phase: Series[str] = pa.Field(isin=PHASES, nullable=True)
    report_fiscal_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)

    class Config:
        strict = True

    @pa.check("value", name="value_is_a_non_negative_decimal")
    def value_is_a_non_negative_decimal(cls, value: Series[object]) -> Series[bool]:
        # The text says "overskud på X" / "underskud på X": the direction is in `kind`, never in the sign.
        return value.map(lambda v: _is_finite_decimal(v) and v >= 0)

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def carry_over_names_its_target_year(cls, df: pd.DataFrame) -> Series[bool]:
        carry_over = df["kind"] == "carry_over_requested"
        return carry_over == df["to_year"].notna()

    @pa.dataframe_check(n_failure_cases=EVIDENCE_ROWS)
    def to_year_within_report_range(cls, df: pd.DataFrame) -> Series[bool]:
        return _year_in_report_range(df, "to_year")


class UnreadColumnSchema(pa.DataFrameModel):
    """A figure column set aside because its header could not be read (model.UnreadColumn): it gives no
    facts, but it must say where it is and why, or the warehouse could not show what is missing."""

    policy_area: Series[str] = pa.Field(str_matches=NOT_BLANK)
    table: Series[str] = pa.Field(isin=TABLE_FAMILIES)
    table_title: Series[str] = pa.Field(str_matches=NOT_BLANK)
    header: Series[str] = pa.Field(str_matches=NOT_BLANK)
    reason: Series[str] = pa.Field(str_matches=NOT_BLANK)
    page: Series[pd.Int64Dtype] = pa.Field(ge=1, coerce=True)
    report_fiscal_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, coerce=True)

    class Config:
        strict = True


# --- Python types: the first pass, so no value check ever coerces or compares a mistyped field ---------


def _allowed_types(annotation: Any) -> tuple[type, ...]:
    """`int | None` -> (int, NoneType); `str` -> (str,)."""
    return get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)


def _type_name(allowed: tuple[type, ...]) -> str:
    return " | ".join("None" if t is type(None) else t.__name__ for t in allowed)


def has_type(value: Any, allowed: tuple[type, ...]) -> bool:
    # bool is an int to isinstance, but True is no fiscal year.
    return isinstance(value, allowed) and (bool in allowed or not isinstance(value, bool))


def _python_type_check(annotation: Any) -> pa.Check:
    allowed = _allowed_types(annotation)
    # ignore_na=False: a float NaN in an `int | None` field is a wrong type, not a None.
    return pa.Check(
        lambda value: has_type(value, allowed),
        element_wise=True,
        ignore_na=False,
        name=f"python_type({_type_name(allowed)})",
    )


def record_type_schema(record_type: type, columns: Sequence[str]) -> pa.DataFrameSchema:
    """One object column per field, each checked against the field's annotation in model.py."""
    hints = get_type_hints(record_type)
    return pa.DataFrameSchema(
        # nullable=True: whether None is allowed is the annotation's business, said by the type check.
        {name: pa.Column(object, checks=_python_type_check(hints[name]), nullable=True) for name in columns},
        name=f"{record_type.__name__}Types",
        strict=True,
    )


# --- Table families: which columns each printed table must (and must not) have ---------------------

_COLUMN_FLAGS = {
    "actual_amount": ("actual", "amount"),
    "original_budget_amount": ("original_budget", "amount"),
    "revised_budget_amount": ("revised_budget", "amount"),
    "budget_amount": ("budget", "amount"),
    "variance_amount": ("variance", "amount"),
    "quantity": (None, "quantity"),
    "unit_price": (None, "unit_price"),
}


class OverallResultTable(pa.DataFrameModel):
    """ "Overordnet regnskabsresultat" (Drift or Anlæg): Regnskab years, Korr. budget, Over-/underskud."""

    actual_amount: Series[bool] = pa.Field(eq=True)
    budget_amount: Series[bool] = pa.Field(eq=False)  # bare "Budget" belongs to specific assumptions
    quantity: Series[bool] = pa.Field(eq=False)
    unit_price: Series[bool] = pa.Field(eq=False)
    total_rows: Series[int] = pa.Field(le=1)


class ActivityAreasTable(pa.DataFrameModel):
    """ "Regnskab på aktivitetsområder": one row per activity area and one "Politikområdet i alt"."""

    actual_amount: Series[bool] = pa.Field(eq=True)
    revised_budget_amount: Series[bool] = pa.Field(eq=True)
    budget_amount: Series[bool] = pa.Field(eq=False)
    quantity: Series[bool] = pa.Field(eq=False)
    unit_price: Series[bool] = pa.Field(eq=False)
    total_rows: Series[int] = pa.Field(le=1)


class SpecificAssumptionsTable(pa.DataFrameModel):
    """ "Specifikke forudsætninger": Budget and Regnskab groups of Mængde, Gns. pris and amount."""

    actual_amount: Series[bool] = pa.Field(eq=True)
    budget_amount: Series[bool] = pa.Field(eq=True)
    variance_amount: Series[bool] = pa.Field(eq=False)
    total_rows: Series[int] = pa.Field(le=1)


FAMILY_SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "overall_result": OverallResultTable,
    "activity_areas": ActivityAreasTable,
    "specific_assumptions": SpecificAssumptionsTable,
}


# --- Frames -----------------------------------------------------------------------------------------


def record_columns(schema: type[pa.DataFrameModel]) -> list[str]:
    """The record fields a schema reads (report_fiscal_year comes from the document)."""
    return [c for c in schema.to_schema().columns if c != "report_fiscal_year"]


def _frame(records: Sequence[Any], columns: Sequence[str], report_year: int | None) -> pd.DataFrame:
    # Object columns: the Python types are checked as they are. Past the type pass, `coerce` on the
    # Int64 and bool columns only changes the container of values that already are ints and bools.
    data = {name: pd.Series([getattr(r, name) for r in records], dtype=object) for name in columns}
    data["report_fiscal_year"] = pd.Series([report_year] * len(records), dtype=object)
    return pd.DataFrame(data)


def table_columns_frame(tables: Sequence[PrintedTable]) -> pd.DataFrame:
    """One row per printed table: which kinds of column it has and how many total rows."""
    rows = []
    for table in tables:
        present = {(c.phase, c.measure) for c in table.columns}
        flags = {
            flag: any(m == measure and (phase is None or p == phase) for p, m in present)
            for flag, (phase, measure) in _COLUMN_FLAGS.items()
        }
        rows.append({**flags, "total_rows": len(table.total_rows)})
    return pd.DataFrame(rows, columns=[*_COLUMN_FLAGS, "total_rows"]).astype(
        {**{flag: bool for flag in _COLUMN_FLAGS}, "total_rows": int}
    )


# --- Failure cases -> findings ----------------------------------------------------------------------


@dataclass(frozen=True)
class SchemaOutcome:
    findings: list[Finding]
    failed_facts: set[int]
    failed_notes: set[int]
    failed_narrative: set[int]
    # Pandera's own failure_cases rows behind the findings (schema, column, check, failure case, index).
    failure_cases: list[dict[str, Any]] = field(default_factory=list)


Schema = pa.DataFrameSchema | type[pa.DataFrameModel]


def _schema_name(schema: Schema) -> str:
    return schema.name if isinstance(schema, pa.DataFrameSchema) else schema.__name__


FAILURE_CASE_COLUMNS = ("schema_context", "column", "check", "failure_case", "index")


@dataclass(frozen=True)
class Failures:
    """Pandera's failure_cases of one schema on a frame, and the rows each dataframe check failed on (read
    from the check's output, as its failure_cases hold only the first EVIDENCE_ROWS rows)."""

    cases: pd.DataFrame
    dataframe_check_rows: dict[str, list[int]]


def _failure_cases(schema: Schema, frame: pd.DataFrame, evidence: list[dict[str, Any]]) -> Failures | None:
    """Pandera's failures of `schema` on `frame` (None when it passes); its cases also go to `evidence`."""
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        evidence.extend(
            {"schema": _schema_name(schema), **{c: _plain(getattr(case, c)) for c in FAILURE_CASE_COLUMNS}}
            for case in cases.itertuples(index=False)
        )
        rows = {
            error.check.name: [int(i) for i in error.check_output.index[~error.check_output.astype(bool)]]
            for error in errors.schema_errors
            if error.reason_code == SchemaErrorReason.DATAFRAME_CHECK
            and isinstance(error.schema, pa.DataFrameSchema)
            and isinstance(error.check_output, pd.Series)
        }
        return Failures(cases, rows)
    return None


def _plain(value: Any) -> Any:
    # Failure cases hold numpy scalars and NaN; evidence is shown as text, so keep it printable.
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _grouped(failures: Failures) -> list[tuple[str, int | None, list[tuple[str, Any]]]]:
    """One entry per failing row and check: (check, row index or None, [(column, failing value)]), in row
    order (whole-frame failures first). A dataframe check's entries name its rows and no value."""
    out: dict[tuple[str, int | None], list[tuple[str, Any]]] = {}
    for case in failures.cases.itertuples(index=False):
        index = None if pd.isna(case.index) else int(case.index)
        context = case.schema_context
        if context == "DataFrameSchema" and index is not None and case.check in failures.dataframe_check_rows:
            continue  # the check's output lists every failing row
        # A column check names its column.
        key = (
            (str(case.check), index)
            if case.schema_context == "DataFrameSchema"
            else (f"{case.column}: {case.check}", index)
        )
        out.setdefault(key, []).append((str(case.column), case.failure_case))
    for check, rows in failures.dataframe_check_rows.items():
        for index in rows:
            out[(check, index)] = []
    # Pandera sorts its failure cases with an unstable sort: row order keeps ties in reading order stable.
    entries = sorted(out.items(), key=lambda item: (item[0][1] is not None, item[0][1] or 0, item[0][0]))
    return [(check, index, values) for (check, index), values in entries]


def _typed_or_none(value: Any, allowed: type) -> Any:
    # A finding is itself a typed record: a mistyped location is left out (the message quotes it).
    return value if has_type(value, (allowed,)) else None


def _finding(document: DocumentInfo, message: str, **where: Any) -> Finding:
    text = {k: _typed_or_none(where.get(k), str) for k in ("policy_area", "table", "row_code", "row_label",
                                                         "phase", "table_title")}
    return Finding(
        rule=STRUCTURAL_RULE,
        severity="error",
        sha256=document.sha256,
        file=document.file,
        policy_area=text["policy_area"],
        table=text["table"],
        row_code=text["row_code"],
        row_label=text["row_label"],
        phase=text["phase"],
        fiscal_year=_typed_or_none(where.get("fiscal_year"), int),
        expected=None,
        shown=None,
        page=_typed_or_none(where.get("page"), int),
        message=message,
        table_title=text["table_title"],
    )


def _record_findings(
    document: DocumentInfo,
    schema: Schema,
    frame: pd.DataFrame,
    records: Sequence[Any],
    describe: Callable[[Any], tuple[str, dict[str, Any]]],
    evidence: list[dict[str, Any]],
) -> tuple[list[Finding], set[int]]:
    """Findings of one schema on `frame`, whose index is the position of each row in `records`."""
    failures = _failure_cases(schema, frame, evidence)
    if failures is None:
        return [], set()
    findings, failed = [], set()
    for check, index, values in _grouped(failures):
        if index is None or index >= len(records):
            detail = ", ".join(f"{column}={value!r}" for column, value in values)
            findings.append(_finding(document, f"{_schema_name(schema)}: {check} fejler ({detail})"))
            failed.update(frame.index)  # a whole-column failure leaves no row trustworthy
            continue
        failed.add(index)
        where, context = describe(records[index])
        message = f"{where}: strukturfejl {check}"
        if len(values) == 1:  # a column check: quote the offending value
            message += f" ({values[0][0]}={values[0][1]!r})"
        findings.append(_finding(document, message, **context))
    return findings, failed


def _check_records(
    document: DocumentInfo,
    record_type: type,
    schema: type[pa.DataFrameModel],
    records: Sequence[Any],
    describe: Callable[[Any], tuple[str, dict[str, Any]]],
    evidence: list[dict[str, Any]],
) -> tuple[list[Finding], set[int], set[int]]:
    """Types, then values of the well-typed records: (findings, all failed, failed on type)."""
    columns = record_columns(schema)
    frame = _frame(records, columns, document.fiscal_year)
    type_findings, mistyped = _record_findings(
        document, record_type_schema(record_type, columns), frame[columns], records, describe, evidence
    )
    well_typed = [i for i in range(len(records)) if i not in mistyped]
    value_findings, failed = _record_findings(
        document, schema, frame.loc[well_typed], records, describe, evidence
    )
    return type_findings + value_findings, mistyped | failed, mistyped


def _describe_fact(fact: Fact) -> tuple[str, dict[str, Any]]:
    where = (
        f"{fact.table_title}, {row_name(fact.row_code, fact.row_label)}, "
        # str(): any type may be here; a period only when it is one of the vocabulary's keys
        + column_label(str(fact.phase), str(fact.measure), fact.fiscal_year,
                       fact.period if fact.period in PERIODS else None)
        + f" ('{fact.as_printed}', side {fact.page})"
    )
    return where, {
        "policy_area": fact.policy_area,
        "table": fact.table,
        "table_title": fact.table_title,
        "row_code": fact.row_code,
        "row_label": fact.row_label,
        "phase": fact.phase,
        "fiscal_year": fact.fiscal_year,
        "page": fact.page,
    }


def _describe_note(note: Note) -> tuple[str, dict[str, Any]]:
    return f"Anm. '{note.text}' (side {note.page})", {
        "policy_area": note.policy_area,
        "table": note.table,
        "table_title": note.table_title,
        "phase": note.phase,
        "fiscal_year": note.fiscal_year,
        "page": note.page,
    }


def _describe_narrative(amount: NarrativeAmount) -> tuple[str, dict[str, Any]]:
    where = f"note {amount.note}" if amount.note else "indledende tekst"
    return f"Beløb '{amount.as_printed}' i {where} (side {amount.page})", {
        "policy_area": amount.policy_area,
        "row_code": amount.row_code,
        "page": amount.page,
    }


def _describe_unread_column(column: UnreadColumn) -> tuple[str, dict[str, Any]]:
    return f"Ulæst kolonne '{column.header}' i {column.table_title} (side {column.page})", {
        "policy_area": column.policy_area,
        "table": column.table,
        "table_title": column.table_title,
        "page": column.page,
    }


def _family_findings(
    document: DocumentInfo, tables: Sequence[PrintedTable], evidence: list[dict[str, Any]]
) -> list[Finding]:
    findings = []
    for family, schema in FAMILY_SCHEMAS.items():
        of_family = [t for t in tables if t.key.table == family]
        failures = _failure_cases(schema, table_columns_frame(of_family), evidence)
        if failures is None:
            continue
        for check, index, values in _grouped(failures):
            if index is None:
                findings.append(_finding(document, f"{schema.__name__}: {check} fejler"))
                continue
            table = of_family[index]
            found = ", ".join(f"{column}={value!r}" for column, value in values)
            findings.append(
                _finding(
                    document,
                    f"{table.key.table_title} ({table.key.account or 'uden konto'}): tabellens kolonner "
                    f"passer ikke til familien {family}: {check} ({found}); kontrollér kolonneoverskrifterne",
                    policy_area=table.key.policy_area,
                    table=family,
                    table_title=table.key.table_title,
                    page=table.first_page,
                )
            )
    return findings


def check_structure(extraction: ExtractionResult) -> SchemaOutcome:
    """Run every schema; return the structural findings and which records failed."""
    document, facts = extraction.document, extraction.facts
    notes, narrative = extraction.notes, extraction.narrative_amounts
    if not has_type(document.fiscal_year, (int, type(None))):
        # Every year range and price-year rule reads the report year: no record can be checked.
        message = (
            f"Dokumentets regnskabsår {document.fiscal_year!r} er ikke et heltal: strukturfejl "
            "DocumentInfo.fiscal_year: python_type(int | None); ret udtrækket af forsiden"
        )
        return SchemaOutcome(
            findings=[_finding(document, message)],
            failed_facts=set(range(len(facts))),
            failed_notes=set(range(len(notes))),
            failed_narrative=set(range(len(narrative))),
        )
    evidence: list[dict[str, Any]] = []
    fact_findings, failed_facts, mistyped_facts = _check_records(
        document, Fact, FactSchema, facts, _describe_fact, evidence
    )
    note_findings, failed_notes, _ = _check_records(
        document, Note, NoteSchema, notes, _describe_note, evidence
    )
    narrative_findings, failed_narrative, _ = _check_records(
        document, NarrativeAmount, NarrativeAmountSchema, narrative, _describe_narrative, evidence
    )
    # No rule reads unread columns, so which of them failed does not matter: the finding blocks the load.
    unread_findings, _, _ = _check_records(
        document,
        UnreadColumn,
        UnreadColumnSchema,
        extraction.unread_columns,
        _describe_unread_column,
        evidence,
    )
    # Every well-typed fact, not only the passing ones: one malformed cell must not also make its column
    # look missing. A mistyped fact has no place in a table grid (its column or row key is not one).
    well_typed = [fact for i, fact in enumerate(facts) if i not in mistyped_facts]
    family_findings = _family_findings(document, printed_tables(well_typed), evidence)
    return SchemaOutcome(
        findings=fact_findings + note_findings + narrative_findings + unread_findings + family_findings,
        failed_facts=failed_facts,
        failed_notes=failed_notes,
        failed_narrative=failed_narrative,
        failure_cases=evidence,
    )
