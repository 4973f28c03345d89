"""The accounting rules: sums, variances, price years, sign conventions, cross-table, narrative, unit prices.

Each rule reads facts (and notes or narrative amounts) and returns Findings; none changes a number.
Tolerances come from the printed precision of the figures involved (figures.half_unit), never per document.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from itdrift_pipeline import lexicon
from itdrift_pipeline.model import DocumentInfo, Fact, Finding, NarrativeAmount, Note, UnreadNarrativeAmount
from itdrift_pipeline.validate.figures import (
    CONVENTION_LABELS,
    MONEY_MEASURES,
    column_label,
    format_dk,
    half_unit,
    in_unit,
    resolution,
    row_name,
)
from itdrift_pipeline.validate.tables import ColumnKey, PrintedTable, RowKey, printed_tables

# The Danish standard ("+=underskud og -=overskud"), assumed when a table states none.
STANDARD_CONVENTION = "actual_minus_budget"
# Which budget a variance is measured against, in order of preference. Capital accounts without a revised
# budget measure it against the appropriation ("Afvigelse = Forbrug − Anlægsbevilling"). A forecast or an
# overslagsår is never a base, nor is a forecast ever read as the actual: their phases are not looked up.
VARIANCE_BASES = ("revised_budget", "appropriation", "budget")
BUDGET_WORDS = lexicon.BUDGET_LABELS
# Where the narrative's figure for an activity is looked up first: the table with printed variances.
NARRATIVE_TABLE_ORDER = ("activity_areas", "overall_result", "specific_assumptions", "other")


def _half(fact: Fact) -> Decimal:
    return half_unit(fact.as_printed, fact.source_unit)


def _halves(facts: Sequence[Fact]) -> Decimal:
    return sum((_half(fact) for fact in facts), Decimal(0))


def _shown(value: Decimal, fact: Fact) -> str:
    """A stored value written as `fact`'s table prints it ('1.690' for 1 690 000 kr. in 1.000 kr.)."""
    return format_dk(in_unit(value, fact.source_unit))


def _cell_name(fact: Fact) -> str:
    """'2 IT, inventar og materiel: Over-/underskud 2020': the row and the column header of a figure."""
    column = column_label(fact.phase, fact.measure, fact.fiscal_year, fact.period)
    return f"{row_name(fact.row_code, fact.row_label)}: {column}"


def _finding(
    rule: str,
    severity: str,
    document: DocumentInfo,
    fact: Fact,
    message: str,
    expected: Decimal | None = None,
    shown: Decimal | None = None,
    compared: Fact | None = None,
) -> Finding:
    """A finding located at `fact` (and `compared`, the cell it is held against); expected/shown are stored
    values (DKK), reported in the table's unit."""
    return Finding(
        rule=rule,
        severity=severity,
        sha256=document.sha256,
        file=document.file,
        policy_area=fact.policy_area,
        table=fact.table,
        row_code=fact.row_code,
        row_label=fact.row_label,
        phase=fact.phase,
        fiscal_year=fact.fiscal_year,
        expected=None if expected is None else in_unit(expected, fact.source_unit),
        shown=None if shown is None else in_unit(shown, fact.source_unit),
        page=fact.page,
        message=message,
        table_title=fact.table_title,
        unit=fact.source_unit if fact.measure != "quantity" else fact.unit,
        bbox=fact.bbox,
        compared_page=None if compared is None else compared.page,
        compared_bbox=None if compared is None else compared.bbox,
    )


def _rounding_verdict(gap: Decimal, tolerance: Decimal, fact: Fact) -> tuple[str, str]:
    """Severity and closing phrase: a gap rounding can explain is a warning, a larger one an error."""
    gap_text = _shown(abs(gap), fact)
    tolerance_text = _shown(tolerance, fact)
    if abs(gap) <= tolerance:
        return "warning", f"forskel {gap_text}, inden for afrundingen ±{tolerance_text}"
    return "error", f"forskel {gap_text}, mere end afrundingen ±{tolerance_text} kan forklare"


# --- sum_mismatch -------------------------------------------------------------------------------------


def _sum_finding(document: DocumentInfo, total: Fact, addends: list[Fact], what: str) -> Finding | None:
    row_sum = sum((fact.value for fact in addends), Decimal(0))
    gap = total.value - row_sum
    if gap == 0:
        return None
    # Each printed figure, the total included, may be off by half a unit.
    severity, verdict = _rounding_verdict(gap, _half(total) + _halves(addends), total)
    message = (
        f"{total.table_title}: {_cell_name(total)} vises som {_shown(total.value, total)}, "
        f"men summen af {what} giver {_shown(row_sum, total)} ({verdict})"
    )
    return _finding("sum_mismatch", severity, document, total, message, expected=row_sum, shown=total.value)


def _rows_text(rows: list[RowKey]) -> str:
    codes = [row.row_code for row in rows if row.row_code]
    if len(codes) == len(rows) > 1:
        return f"rækkerne {codes[0]}-{codes[-1]}"
    return f"række {codes[0]}" if len(codes) == len(rows) == 1 else f"{len(rows)} rækker"


def _total_sections(table: PrintedTable) -> list[tuple[RowKey, list[RowKey]]]:
    """Each total row with the rows it sums, per flow (U and I rows are never added into one total) and per
    breakdown.

    By default the rows of its flow printed since the previous total, sub-items left out. Where those do
    not add up (beyond rounding, in some amount column), two other readings of a grouped table are tried
    and kept if they add up in every column: the last rows only (a group heading without figures started
    the group, "Praksisområdet" over its rows), or the subtotals since the last grand total with the
    rows no subtotal took ("Sundhed i alt" over "Hospitaler i alt", "Psykiatrien", ...). A total that
    adds up under no reading is reported against the default, as before."""
    sections = []
    for flow, part_of in dict.fromkeys((row.flow, row.part_of) for row in table.rows):
        # A breakdown ("Heraf:" under Dagtilbud) is summed on its own, by its "Heraf i alt" if it prints
        # one; its rows are never addends of the table's totals (they need not be all of the row above).
        rows = [row for row in table.rows if row.flow == flow and row.part_of == part_of]
        sections += _flow_sections(table, rows)
    return sections


def _flow_sections(table: PrintedTable, rows: list[RowKey]) -> list[tuple[RowKey, list[RowKey]]]:
    sections: list[tuple[RowKey, list[RowKey]]] = []
    section: list[RowKey] = []  # rows since the previous total
    block: list[RowKey] = []  # subtotals and the rows no subtotal took, since the last grand total
    for index, row in enumerate(rows):
        if row not in table.totals:
            section.append(row)
            block.append(row)
            continue
        # Sub-items (2.a) are summed by their parent (2); one whose parent is not printed here is a row
        # of its own ("1.a", "1.b" and "3" listed in a Specifikke forudsætninger table).
        parents = {r.row_code for r in section}
        top_level = [r for r in section if not (r.is_sub_item and r.parent_code in parents)] or section
        readings = [top_level, *(top_level[k:] for k in range(1, len(top_level)))]
        if any(r in table.totals for r in block):
            readings.append([r for r in block if not r.is_sub_item])
        # Totals printed first ("Drift i alt", then "Serviceudgifter i alt" over its rows): the rows
        # below the total up to the next one, or the subtotals below a grand total.
        below = list(itertools.takewhile(lambda r: r not in table.totals, rows[index + 1 :]))
        readings += [
            [r for r in below if not r.is_sub_item],
            [r for r in rows[index + 1 :] if r in table.totals],
        ]
        chosen = next((rows for rows in readings if rows and _adds_up(table, row, rows)), top_level)
        sections.append((row, chosen))
        block = [r for r in block if r not in chosen] + [row]
        section = []
    return sections


def _adds_up(table: PrintedTable, total_row: RowKey, rows: list[RowKey]) -> bool:
    """True when `rows` add up to the total within rounding in every amount column the total prints."""
    for column in (c for c in table.columns if c.measure == "amount"):
        total = table.cell(total_row, column)
        addends = [fact for row in rows if (fact := table.cell(row, column)) is not None]
        if total is None:
            continue
        if not addends:
            return False
        gap = total.value - sum((fact.value for fact in addends), Decimal(0))
        if abs(gap) > _half(total) + _halves(addends):
            return False
    return True


def _parent_sections(table: PrintedTable) -> list[tuple[RowKey, list[RowKey]]]:
    """Each numbered parent (2) with its sub-items (2.a .. 2.f)."""
    sections = []
    for parent in table.rows:
        if parent.is_parent_code and parent not in table.totals:
            subs = [
                row for row in table.rows if row.parent_code == parent.row_code and row.flow == parent.flow
            ]
            if subs:
                sections.append((parent, subs))
    return sections


def sum_mismatch(document: DocumentInfo, facts: Sequence[Fact]) -> list[Finding]:
    """Rows -> their "i alt" total, and sub-items 2.a..2.f -> parent 2, in every amount column: each month
    or quarter column on its own (the grid keys columns by period), the year's column on its own."""
    findings: list[Finding] = []
    for table in printed_tables(facts):
        sections = [(total, rows, _rows_text(rows)) for total, rows in _total_sections(table)]
        sections += [(p, subs, f"underpunkterne til {p.row_code}") for p, subs in _parent_sections(table)]
        for column in (c for c in table.columns if c.measure == "amount"):
            for total_row, rows, what in sections:
                total = table.cell(total_row, column)
                addends = [fact for row in rows if (fact := table.cell(row, column)) is not None]
                if total is not None and addends:
                    found = _sum_finding(document, total, addends, what)
                    findings += [found] if found else []
    return findings


# --- variance_mismatch --------------------------------------------------------------------------------


def _budget_cell(
    table: PrintedTable,
    row: RowKey,
    fiscal_year: int | None,
    flow: str | None = None,
    period: str | None = None,
) -> Fact | None:
    for phase in VARIANCE_BASES:
        fact = table.cell(row, ColumnKey(phase, "amount", fiscal_year, flow, period))
        if fact is not None:
            return fact
    return None


def _variance_check(
    document: DocumentInfo, variance: Fact, actual: Fact, budget: Fact, assumed: str = STANDARD_CONVENTION
) -> Finding | None:
    convention = variance.sign_convention or assumed
    if convention == STANDARD_CONVENTION:
        expected = actual.value - budget.value
    else:
        expected = budget.value - actual.value
    gap = variance.value - expected
    if gap == 0:
        return None
    actual_text = f"regnskab {_shown(actual.value, actual)}"
    budget_text = f"{BUDGET_WORDS[budget.phase]} {_shown(budget.value, budget)}"
    formula = (
        f"{actual_text} minus {budget_text}"
        if convention == STANDARD_CONVENTION
        else f"{budget_text} minus {actual_text}"
    )
    if expected != 0 and variance.value == -expected:
        # Equal magnitude, opposite sign: the convention is broken, whatever the rounding says.
        severity, verdict = "error", f"fortegn modsat konventionen {CONVENTION_LABELS[convention]}"
    else:
        tolerance = _halves([variance, actual, budget])
        severity, verdict = _rounding_verdict(gap, tolerance, variance)
    if variance.sign_convention is None:
        verdict += (f"; tabellen angiver ingen konvention, {CONVENTION_LABELS[convention]} er antaget "
                    "(som kolonnens øvrige rækker regner)")
    message = (
        f"{_cell_name(variance)} vises som {_shown(variance.value, variance)}, "
        f"men {formula} giver {_shown(expected, variance)} ({verdict})"
    )
    return _finding(
        "variance_mismatch", severity, document, variance, message, expected=expected, shown=variance.value
    )


def variance_mismatch(document: DocumentInfo, facts: Sequence[Fact]) -> list[Finding]:
    """Printed variance vs actual - revised budget (or the reverse, per the table's stated convention)."""
    findings: list[Finding] = []
    for table in printed_tables(facts):
        for column in (c for c in table.columns if c.phase == "variance" and c.measure == "amount"):
            cells = []
            for row in table.rows:
                variance = table.cell(row, column)
                # Actual and budget of the variance's own flow and month (or the whole year).
                actual = table.cell(
                    row, ColumnKey("actual", "amount", column.fiscal_year, column.flow, column.period)
                )
                budget = _budget_cell(table, row, column.fiscal_year, column.flow, column.period)
                if variance is not None and actual is not None and budget is not None:
                    cells.append((variance, actual, budget))
            assumed = _convention_the_rows_follow(cells)
            for variance, actual, budget in cells:
                found = _variance_check(document, variance, actual, budget, assumed)
                findings += [found] if found else []
    return findings


def _convention_the_rows_follow(cells: Sequence[tuple[Fact, Fact, Fact]]) -> str:
    """The convention to hold a column to when no note states one: the one most of its rows follow
    (within rounding, two rows at least), else the Danish standard. A table that prints budget minus
    actual throughout is consistent, not wrong; a row that breaks the column's own rule is still found."""
    votes = {"actual_minus_budget": 0, "budget_minus_actual": 0}
    for variance, actual, budget in cells:
        tolerance = _halves([variance, actual, budget])
        difference = actual.value - budget.value
        if difference == 0:
            continue
        if abs(variance.value - difference) <= tolerance:
            votes["actual_minus_budget"] += 1
        elif abs(variance.value + difference) <= tolerance:
            votes["budget_minus_actual"] += 1
    # One row is no evidence of a rule: two or more must follow it, and more than follow the standard.
    if votes["budget_minus_actual"] >= 2 and votes["budget_minus_actual"] > votes["actual_minus_budget"]:
        return "budget_minus_actual"
    return STANDARD_CONVENTION


# --- price_year_missing / price_year_mismatch ---------------------------------------------------------


def _price_year_column(
    document: DocumentInfo, table: PrintedTable, column: ColumnKey, report_year: int
) -> list[Finding]:
    year = column.fiscal_year
    if year is None or year > report_year:
        return []  # overslagsår carry no price-year convention to check against
    cells = [fact for row in table.rows if (fact := table.cell(row, column)) is not None]
    label = f"{table.key.table_title}: {column_label(column.phase, column.measure, year, column.period)}"
    findings = []
    # A past year is either in its own prices or restated in the report year's ("i 2021-priser").
    allowed = {year, report_year}
    missing = next((fact for fact in cells if fact.price_year is None), None)
    if year < report_year and missing is not None:
        note = f"{column_label(column.phase, 'amount', year)} er i {year}-priser"
        message = (
            f"{label} har intet prisår: en note som '{note}' (eller 'i {report_year}-priser') mangler; "
            f"beløb fra {year} kan ikke sammenlignes med {report_year} uden prisår"
        )
        findings.append(_finding("price_year_missing", "error", document, missing, message))
    for price_year in sorted({fact.price_year for fact in cells} - allowed - {None}):
        first = next(fact for fact in cells if fact.price_year == price_year)
        expected = " eller ".join(f"{y}-priser" for y in sorted(allowed))
        message = (
            f"{label} er angivet i {price_year}-priser, men en kolonne fra {year} i regnskabet for "
            f"{report_year} skal være i {expected}"
        )
        findings.append(_finding("price_year_mismatch", "error", document, first, message))
    return findings


def _contradicting_price_year_notes(document: DocumentInfo, notes: Sequence[Note]) -> list[Finding]:
    # A note scoped to one table ("I tabellen for anlæg ...") speaks of other columns than one scoped to
    # the other table, so the drift table restated in 2021-priser does not contradict an anlæg table in
    # løbende priser. Notes naming no column state no price year of a column to contradict.
    by_column: dict[tuple[str, str | None, str | None, int | None], list[Note]] = {}
    for note in notes:
        if note.kind == "price_year" and note.fiscal_year is not None:
            key = (note.policy_area, note.account, note.phase, note.fiscal_year)
            by_column.setdefault(key, []).append(note)
    findings = []
    for (policy_area, _, phase, year), column_notes in by_column.items():
        if len({note.price_year for note in column_notes}) < 2:
            continue
        first = column_notes[0]
        texts = "; ".join(f"'{note.text}' (side {note.page})" for note in column_notes)
        findings.append(Finding(
            rule="price_year_mismatch", severity="error", sha256=document.sha256, file=document.file,
            policy_area=policy_area, table=first.table, row_code=None, row_label=None, phase=phase,
            fiscal_year=year, expected=None, shown=None, page=first.page, table_title=first.table_title,
            message=f"Noterne modsiger hinanden om prisåret for {column_label(phase or '', 'amount', year)}: "
            f"{texts}",
        ))
    return findings


def price_year_rules(document: DocumentInfo, facts: Sequence[Fact], notes: Sequence[Note]) -> list[Finding]:
    """price_year_missing / price_year_mismatch: past-year money columns need a stated price year (their
    own, or the report year as a restatement); report-year columns are current prices and a note on them
    must agree; two notes on one column must not contradict each other."""
    report_year = document.fiscal_year
    if report_year is None:
        return []
    findings: list[Finding] = []
    for table in printed_tables(facts):
        for column in (c for c in table.columns if c.measure in MONEY_MEASURES):
            findings += _price_year_column(document, table, column, report_year)
    return findings + _contradicting_price_year_notes(document, notes)


# --- sign_convention_missing --------------------------------------------------------------------------


def _has_amount_sign_note(table: PrintedTable, notes: Sequence[Note]) -> bool:
    # The book states "+= udgift; -= indtægt" once per chapter (under Specifikke forudsætninger) and means
    # every amount of the chapter by it, so a note anywhere in the policy area covers this table.
    return any(note.kind == "amount_sign" and note.policy_area == table.key.policy_area for note in notes)


def _is_signed_amount(fact: Fact) -> bool:
    """A negative amount or an income line: its sign means something only under a stated convention."""
    return fact.phase != "variance" and fact.measure == "amount" and (
        fact.value < 0 or "indtægt" in fact.row_label.lower()
    )


def sign_convention_missing(
    document: DocumentInfo, facts: Sequence[Fact], notes: Sequence[Note]
) -> list[Finding]:
    """Variances, negative amounts or income lines whose sign the table never explains (one per table)."""
    findings: list[Finding] = []
    for table in printed_tables(facts):
        cells = table.facts()
        table_name = f"{table.key.table_title} ({table.key.account or 'uden konto'})"
        variance = next((f for f in cells if f.phase == "variance" and f.sign_convention is None), None)
        if variance is not None:
            message = (
                f"{table_name}: kolonnen {column_label(variance.phase, 'amount', variance.fiscal_year)} "
                "angiver ikke sit fortegn; valideringen antager +=underskud og -=overskud "
                "(regnskab minus korrigeret budget). Tilføj en Anm. med konventionen"
            )
            findings.append(_finding("sign_convention_missing", "warning", document, variance, message))
        signed = next((f for f in cells if _is_signed_amount(f)), None)
        if signed is not None and not _has_amount_sign_note(table, notes):
            message = (
                f"{table_name}: {_cell_name(signed)} viser {signed.as_printed}, men politikområdet angiver "
                "ikke beløbenes fortegn (fx '+= udgift; -= indtægt')"
            )
            findings.append(_finding("sign_convention_missing", "warning", document, signed, message))
    return findings


# --- cross_table_mismatch -----------------------------------------------------------------------------

# (phase in the compared table, phase in activity_areas): specific assumptions' "Budget" is the revised one.
_CROSS_PHASES = {
    "overall_result": (("actual", "actual"), ("revised_budget", "revised_budget")),
    "specific_assumptions": (("actual", "actual"), ("budget", "revised_budget")),
}


def _cross_finding(document: DocumentInfo, compared: Fact, reference: Fact) -> Finding | None:
    gap = compared.value - reference.value
    if gap == 0:
        return None
    one_unit = max(
        resolution(compared.as_printed, compared.source_unit),
        resolution(reference.as_printed, reference.source_unit),
    )
    severity = "warning" if abs(gap) <= one_unit else "error"
    verdict = "afrundingsforskel" if severity == "warning" else "mere end én enheds afrunding"
    reference_name = "" if _cell_name(reference) == _cell_name(compared) else f" for {_cell_name(reference)}"
    message = (
        f"{compared.table_title}: {_cell_name(compared)} er {_shown(compared.value, compared)}, "
        f"men {reference.table_title} viser {_shown(reference.value, compared)}{reference_name} "
        f"(forskel {_shown(abs(gap), compared)}; {verdict})"
    )
    return _finding(
        "cross_table_mismatch", severity, document, compared, message,
        expected=reference.value, shown=compared.value, compared=reference,
    )


def _row_pairs(hub: PrintedTable, other: PrintedTable) -> list[tuple[RowKey, RowKey]]:
    """(row of `other`, row of the hub) that must agree: the totals, and activity areas by number."""
    pairs = []
    for flow in dict.fromkeys(row.flow for row in hub.total_rows):
        hub_total = next(row for row in hub.total_rows if row.flow == flow)
        other_total = next((row for row in other.total_rows if row.flow == flow), None)
        if other_total is not None and _covers(other, hub):
            pairs.append((other_total, hub_total))
    if other.key.table == "specific_assumptions":
        for row in hub.rows:
            is_area = row.is_parent_code and row not in hub.totals
            match = other.row_by_code(row.row_code, row.flow) if is_area else None
            if match is not None:
                pairs.append((match, row))
    return pairs


def _covers(other: PrintedTable, hub: PrintedTable) -> bool:
    """Whether `other`'s total can be the hub's: a Specifikke forudsætninger table that numbers its rows
    must list every activity area the hub numbers (one that lists some, "1.a", "1.b" and "3" of five
    areas, totals those only). Tables without numbered rows are taken to cover the hub, as before."""
    if other.key.table != "specific_assumptions":
        return True
    hub_areas = {row.row_code for row in hub.rows if row.is_parent_code and row not in hub.totals}
    listed = {row.parent_code or row.row_code for row in other.rows if row.row_code}
    return not hub_areas or not listed or hub_areas <= listed


def cross_table_mismatch(document: DocumentInfo, facts: Sequence[Fact]) -> list[Finding]:
    """Overall-result and specific-assumptions figures against activity_areas, the hub, so that one
    discrepancy gives one finding; a gap of one printed unit is rounding drift (warning). Whole-year
    figures only: a month's column is never held against the hub's year."""
    findings: list[Finding] = []
    tables = printed_tables(facts)
    for hub in (t for t in tables if t.key.table == "activity_areas"):
        for other in tables:
            phases = _CROSS_PHASES.get(other.key.table)
            if phases is None or other.key.policy_area != hub.key.policy_area:
                continue
            if other.key.table == "overall_result" and other.key.account != hub.key.account:
                continue  # the Anlæg table has no counterpart among the Drift activity areas
            for other_row, hub_row in _row_pairs(hub, other):
                for column in (c for c in other.columns if c.measure == "amount" and c.period is None):
                    for other_phase, hub_phase in phases:
                        compared = other.cell(other_row, column) if column.phase == other_phase else None
                        reference = hub.cell(
                            hub_row, ColumnKey(hub_phase, "amount", column.fiscal_year, column.flow)
                        )
                        if compared is not None and reference is not None:
                            found = _cross_finding(document, compared, reference)
                            findings += [found] if found else []
    return findings


# --- narrative_mismatch -------------------------------------------------------------------------------

Figure = tuple[Decimal, list[Fact], str]  # value in the standard sign, the printed figures, how it was read


def _narrative_rows(tables: list[PrintedTable], amount: NarrativeAmount) -> list[tuple[PrintedTable, RowKey]]:
    """Candidate (table, row) pairs the amount speaks of, best first."""
    def order(table: PrintedTable) -> int:
        family = table.key.table
        return NARRATIVE_TABLE_ORDER.index(family) if family in NARRATIVE_TABLE_ORDER else 99

    # Anlæg sentences speak of the Anlæg table, every other sentence of the Drift tables.
    capital = amount.account == "anlaeg"
    own = [
        t for t in tables
        if t.key.policy_area == amount.policy_area and (t.key.account == "anlaeg") == capital
    ]
    candidates: list[tuple[PrintedTable, RowKey]] = []
    for table in sorted(own, key=order):
        if amount.row_code is not None:
            row = table.row_by_code(amount.row_code)
            candidates += [(table, row)] if row is not None else []
        elif capital:
            # The Anlæg table is one row without a total: that row is the policy area's capital result.
            candidates += [(table, row) for row in (table.total_rows or table.rows)[:1]]
        else:
            named = _rows_named(table, _clause_before(amount))
            if named:
                # A clause that names a row ("Vintertjenesten har et mindreforbrug på 2,5 mio. kr.", "...,
                # mens digitalisering og IT har et merforbrug på 1,4 mio. kr.") speaks of that row; naming
                # two, it is not known which, so none is compared.
                candidates += [(table, named[0])] if len(named) == 1 else []
            else:
                # The area's total: a table grouped under subtotals prints several "i alt" rows, and the
                # sentence names none of them (see narrative_mismatch); a Heraf total is never the area's.
                totals = [row for row in table.total_rows if not lexicon.BREAKDOWN.match(row.row_label)]
                candidates += [(table, row) for row in totals]
    return candidates


def _names_no_row(amount: NarrativeAmount) -> bool:
    """An amount said of the policy area as a whole: no row code, no Anlæg sentence."""
    return amount.row_code is None and amount.account != "anlaeg"


def _clause_before(amount: NarrativeAmount) -> str:
    """The sentence's clause up to the amount: what the amount is said of ("..., mens digitalisering og IT
    har et merforbrug på"), not what a later clause says caused it ("..., som skyldes kontanthjælp")."""
    end = amount.text.find(amount.as_printed) if amount.as_printed else -1
    before = amount.text[:end] if end >= 0 else amount.text
    return lexicon.CLAUSE_BREAK.split(before)[-1]


def _rows_named(table: PrintedTable, sentence: str) -> list[RowKey]:
    """The rows other than totals whose label the sentence prints (a definite ending allowed:
    "Vintertjenesten" names "Vintertjeneste")."""
    text = sentence.lower()
    return [
        row for row in table.rows
        if row not in table.totals
        and len(row.row_label) >= lexicon.NAMED_ROW_MIN_CHARS
        and re.search(rf"(?<!\w){re.escape(row.row_label.lower())}", text)
    ]


def _result_figure(table: PrintedTable, row: RowKey, year: int | None) -> Figure | None:
    """The row's over-/underskud as actual - budget: the printed variance, else computed from its columns."""
    variance = table.cell(row, ColumnKey("variance", "amount", year))
    if variance is not None:
        standard = (variance.sign_convention or STANDARD_CONVENTION) == STANDARD_CONVENTION
        value = variance.value if standard else -variance.value
        return value, [variance], f"Over-/underskud {_shown(variance.value, variance)}"
    actual = table.cell(row, ColumnKey("actual", "amount", year))
    budget = _budget_cell(table, row, year)
    if actual is None or budget is None:
        return None
    computed = actual.value - budget.value
    budget_text = f"{BUDGET_WORDS[budget.phase]} {_shown(budget.value, budget)}"
    return computed, [actual, budget], (
        f"regnskab {_shown(actual.value, actual)} minus {budget_text} = {_shown(computed, actual)}"
    )


def _phase_figure(
    table: PrintedTable, row: RowKey, year: int | None, phases: tuple[str, ...]
) -> Figure | None:
    for phase in phases:
        fact = table.cell(row, ColumnKey(phase, "amount", year))
        if fact is not None:
            return fact.value, [fact], f"{column_label(phase, 'amount', year)} {_shown(fact.value, fact)}"
    return None


# kind -> (the figure it describes, the sign its magnitude takes in that figure's terms). "result" is the
# over-/underskud as actual - budget (the printed variance read by its stated convention); a tuple of phases
# is the first of those amount columns the row has; "unit_price" the Gns. pris column of the amount's phase.
_NARRATIVE_TARGETS: dict[str, tuple[str | tuple[str, ...], int]] = {
    "surplus": ("result", -1),
    "deficit": ("result", 1),
    "overspend": ("result", 1),  # merforbrug: actual above budget
    "underspend": ("result", -1),  # mindreforbrug
    "expense": (("actual",), 1),
    "income": (("actual",), -1),
    "actual": (("actual",), 1),
    "budget": (("revised_budget", "budget"), 1),
    "unit_price": ("unit_price", 1),
}
# Amounts no table prints: the sum asked to be carried over, and transfers between years or budgets.
_NOT_COMPARED = frozenset({"carry_over_requested", "transfer"})
_KIND_WORDS = lexicon.NARRATIVE_KIND_LABELS


def _unit_price_figure(
    table: PrintedTable, row: RowKey, year: int | None, phase: str | None
) -> Figure | None:
    """The Gns. pris of the row in the amount's group: Budget for "budgetteret med", Regnskab for
    "regnskabet viser"."""
    fact = table.cell(row, ColumnKey(phase, "unit_price", year)) if phase else None
    if fact is None:
        return None
    return fact.value, [fact], f"{column_label(fact.phase, 'unit_price', year)} {format_dk(fact.value)} kr."


def _agrees(said: Decimal, figure: Figure, amount: NarrativeAmount) -> bool:
    """The amount and the table figure agree within both roundings."""
    table_value, figures, _ = figure
    return abs(said - table_value) <= _halves(figures) + half_unit(amount.as_printed, amount.source_unit)


def _narrative_figures(
    candidates: list[tuple[PrintedTable, RowKey]], amount: NarrativeAmount, year: int | None
) -> list[tuple[PrintedTable, RowKey, Figure]]:
    """The figure each candidate row gives for the amount's sense, best candidate first."""
    which, _ = _NARRATIVE_TARGETS[amount.kind]
    if amount.kind == "actual" and amount.row_code is None and amount.account != "anlaeg":
        # "Der er i 2020 anvendt 0,9 mio. kr. til ..." names no activity: a part spent, not the total.
        return []
    found = []
    for table, row in candidates:
        if which == "result":
            figure = _result_figure(table, row, year)
        elif which == "unit_price":
            figure = _unit_price_figure(table, row, year, amount.phase)
        else:
            figure = _phase_figure(table, row, year, which)
        if figure is not None:
            found.append((table, row, figure))
    return found


def _account_words(amount: NarrativeAmount) -> str:
    return "Anlæg" if amount.account == "anlaeg" else "Drift"


def _unmatched_reason(
    amount: NarrativeAmount, candidates: list[tuple[PrintedTable, RowKey]], year: int | None
) -> str:
    """Why no table figure could be read for the amount, in the words of the printed tables."""
    if amount.kind not in _NARRATIVE_TARGETS:
        return f"typen '{amount.kind}' svarer ikke til nogen tabelkolonne"
    if not candidates:
        if amount.row_code is not None:
            return (
                f"ingen {_account_words(amount)}-tabel i politikområdet {amount.policy_area} har en række "
                f"{amount.row_code}"
            )
        if amount.account == "anlaeg":
            return f"politikområdet {amount.policy_area} har ingen Anlæg-tabel"
        return f"ingen Drift-tabel i politikområdet {amount.policy_area} har en i alt-række"
    which, _ = _NARRATIVE_TARGETS[amount.kind]
    if amount.kind == "actual" and amount.row_code is None and amount.account != "anlaeg":
        return "sætningen nævner ingen aktivitet, så beløbet kan være en del af et område, ikke dets forbrug"
    if which == "unit_price" and amount.phase is None:
        return "teksten siger ikke, om prisen er budgetteret eller regnskabets"
    if which == "result":
        wanted = (
            f"{column_label('variance', 'amount', year)} eller både {column_label('actual', 'amount', year)} "
            f"og {column_label('revised_budget', 'amount', year)}/{column_label('budget', 'amount', year)}"
        )
    elif which == "unit_price":
        wanted = column_label(amount.phase or "", "unit_price", year)
    else:
        wanted = " eller ".join(column_label(phase, "amount", year) for phase in which)
    rows = "; ".join(
        f"{row_name(row.row_code, row.row_label)} i {table.key.table_title}" for table, row in candidates
    )
    return f"rækken ({rows}) har ingen kolonne {wanted}"


def _unmatched_finding(
    document: DocumentInfo, amount: NarrativeAmount, candidates: list[tuple[PrintedTable, RowKey]]
) -> Finding:
    """An amount the rule could not check: info, so the doubt is visible without counting as a defect."""
    year = document.fiscal_year
    where = f"Note {amount.note}" if amount.note else "Indledende tekst"
    about = f" om række {amount.row_code}" if amount.row_code else ""
    words = _KIND_WORDS.get(amount.kind, f"et beløb ({amount.kind})")
    sign = _NARRATIVE_TARGETS[amount.kind][1] if amount.kind in _NARRATIVE_TARGETS else 1
    reason = _unmatched_reason(amount, candidates, year)
    message = (
        f"{where}: teksten nævner {words} på {amount.as_printed}{about}, men beløbet kan ikke holdes op "
        f"mod et tal i tabellerne: {reason}. Beløbet er ikke kontrolleret"
    )
    return Finding(
        rule="narrative_mismatch", severity="info", sha256=document.sha256, file=document.file,
        policy_area=amount.policy_area, table=None, row_code=amount.row_code, row_label=None, phase=None,
        fiscal_year=year, expected=None, shown=in_unit(amount.value * sign, amount.source_unit),
        page=amount.page, message=message, table_title=None, unit=amount.source_unit, bbox=amount.bbox,
    )


def narrative_mismatch(
    document: DocumentInfo, facts: Sequence[Fact], narrative: Sequence[NarrativeAmount]
) -> list[Finding]:
    """An amount quoted in the text against the table figure of the same sense, measure and unit, within
    both roundings (the amount's in its own unit: kr., t.kr., mio., mia.; the figure's as printed).

    Surpluses, deficits, mer-/mindreforbrug against the over-/underskud read by the table's convention;
    actuals and budgets against their columns; unit prices against the Gns. pris of their group in
    Specifikke forudsætninger. An amount with no table figure to compare with is reported as info, saying
    why; carry-overs and transfers are never compared: no table prints them. The text speaks of the year,
    so only whole-year columns are read (the grid's lookups here name no period), never a month's.
    """
    tables = printed_tables(facts)
    findings: list[Finding] = []
    for amount in narrative:
        if amount.kind in _NOT_COMPARED:
            continue
        candidates = _narrative_rows(tables, amount)
        found = (
            _narrative_figures(candidates, amount, document.fiscal_year)
            if amount.kind in _NARRATIVE_TARGETS
            else []
        )
        if not found:
            findings.append(_unmatched_finding(document, amount, candidates))
            continue
        said = amount.value * _NARRATIVE_TARGETS[amount.kind][1]
        # Said of the whole area, the amount may be any of the totals a grouped table prints ("Sundhed i
        # alt" under "Somatik i alt", ...): it agrees when it agrees with one; else the first is reported.
        checked = found if _names_no_row(amount) else found[:1]
        if any(_agrees(said, figure, amount) for _, _, figure in checked):
            continue
        table, row, (table_value, figures, formula) = found[0]
        gap = said - table_value
        tolerance = _halves(figures) + half_unit(amount.as_printed, amount.source_unit)
        anchor = figures[0]
        where = f"Note {amount.note}" if amount.note else "Indledende tekst"
        message = (
            f"{where}: teksten nævner {_KIND_WORDS[amount.kind]} på {amount.as_printed} for "
            f"{row_name(row.row_code, row.row_label)}, men {table.key.table_title} giver {formula} "
            f"(i {lexicon.UNIT_LABELS.get(anchor.source_unit or '', '')}); "
            f"forskellen {format_dk(abs(gap))} kr. "
            f"er mere end afrundingen ±{format_dk(tolerance)} kr."
        )
        findings.append(Finding(
            rule="narrative_mismatch", severity="error", sha256=document.sha256, file=document.file,
            policy_area=amount.policy_area, table=table.key.table, row_code=row.row_code,
            row_label=row.row_label, phase="variance" if len(figures) > 1 else anchor.phase,
            fiscal_year=anchor.fiscal_year, expected=in_unit(table_value, anchor.source_unit),
            shown=in_unit(said, anchor.source_unit), page=amount.page, message=message,
            table_title=table.key.table_title, unit=anchor.source_unit, bbox=amount.bbox,
            compared_page=anchor.page, compared_bbox=anchor.bbox,
        ))
    return findings


def unread_narrative(document: DocumentInfo, unread: Sequence[UnreadNarrativeAmount]) -> list[Finding]:
    """Amounts the extractor found but could not give a sense: info, so none is lost and none is guessed."""
    findings = []
    for amount in unread:
        where = f"Note {amount.note}" if amount.note else "Indledende tekst"
        message = (
            f"{where}: teksten nævner {amount.as_printed} i '{amount.text}', men {amount.reason}. "
            "Beløbet er ikke kontrolleret"
        )
        findings.append(Finding(
            rule="narrative_mismatch", severity="info", sha256=document.sha256, file=document.file,
            policy_area=amount.policy_area, table=None, row_code=amount.row_code, row_label=None, phase=None,
            fiscal_year=document.fiscal_year, expected=None, shown=in_unit(amount.value, amount.source_unit),
            page=amount.page, message=message, table_title=None, unit=amount.source_unit,
            bbox=amount.bbox,
        ))
    return findings


# --- quantity_price_mismatch --------------------------------------------------------------------------


def _quantity_price_check(
    document: DocumentInfo, quantity: Fact, price: Fact, amount: Fact
) -> Finding | None:
    product = quantity.value * price.value
    # Rounding of all three: the amount's half unit, and each factor's half unit times the other factor.
    dq, dp = _half(quantity), _half(price)
    tolerance = _half(amount) + dq * abs(price.value) + dp * abs(quantity.value) + dq * dp
    if abs(product - amount.value) <= tolerance:
        return None
    message = (
        f"{amount.table_title}: {row_name(amount.row_code, amount.row_label)}: Mængde "
        f"{format_dk(quantity.value)} x Gns. pris {format_dk(price.value)} kr. = {format_dk(product)} kr., "
        f"men {column_label(amount.phase, 'amount', amount.fiscal_year)} viser {amount.as_printed} "
        f"({lexicon.UNIT_LABELS.get(amount.source_unit or '', '')}); forskellen er mere end afrundingen "
        f"±{format_dk(tolerance)} kr."
    )
    return _finding(
        "quantity_price_mismatch", "error", document, amount, message, expected=product, shown=amount.value
    )


def quantity_price_mismatch(document: DocumentInfo, facts: Sequence[Fact]) -> list[Finding]:
    """Mængde x Gns. pris against the printed amount of the same group (Budget / Regnskab)."""
    findings: list[Finding] = []
    for table in printed_tables(facts):
        for column in (c for c in table.columns if c.measure == "quantity"):
            for row in table.rows:
                quantity = table.cell(row, column)
                price = table.cell(
                    row, ColumnKey(column.phase, "unit_price", column.fiscal_year, period=column.period)
                )
                amount = table.cell(
                    row, ColumnKey(column.phase, "amount", column.fiscal_year, period=column.period)
                )
                if quantity is not None and price is not None and amount is not None:
                    found = _quantity_price_check(document, quantity, price, amount)
                    findings += [found] if found else []
    return findings


def run_rules(
    document: DocumentInfo,
    facts: Sequence[Fact],
    notes: Sequence[Note],
    narrative: Sequence[NarrativeAmount],
    unread: Sequence[UnreadNarrativeAmount] = (),
) -> list[Finding]:
    """Every rule over one document's records; `unread` are the narrative amounts without a sense."""
    return [
        *sum_mismatch(document, facts),
        *variance_mismatch(document, facts),
        *price_year_rules(document, facts, notes),
        *sign_convention_missing(document, facts, notes),
        *cross_table_mismatch(document, facts),
        *narrative_mismatch(document, facts, narrative),
        *unread_narrative(document, unread),
        *quantity_price_mismatch(document, facts),
    ]
