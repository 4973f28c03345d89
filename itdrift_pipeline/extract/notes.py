"""Table notes ("Anm.: ...", "+= udgift; -= indtægt.") -> model.Note, one per statement.

Reads price years and their basis ("Regnskab 2018 er i 2018-priser", "løbende priser", "faste priser",
"2025-pl", "omregnet til 2021-priser"), the table a statement names ("I tabellen for drift ..."), variance
sign conventions in every wording of lexicon.VARIANCE_SIGN_PHRASES, a header formula row ("F=(D-E)"), and
amount sign conventions. Pure text; the words live in lexicon.py. What is not understood stays "other".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from itdrift_pipeline import lexicon
from itdrift_pipeline.model import Note

NOTE_START = re.compile(r"^\s*Anm\.?\s*:\s*", re.IGNORECASE)
# A free-standing sign convention printed under a table without "Anm.:" ("+= udgift; -= indtægt.",
# "(-) = merforbrug"); a line starting "-=" is the wrapped end of a note's "+=underskud og -=overskud".
CONVENTION_LINE = re.compile(r"^\s*(?:\+|\(\s*[-–−+]\s*\))\s*=\s*\w", re.IGNORECASE)

# Statements end at ";" or at a full stop followed by a capital (not at "kr. som" or "m.v. til").
_STATEMENT_BREAK = re.compile(r"(?<=;)\s*|(?<=\.)\s+(?=[A-ZÆØÅ+\-–(])")
# A colon ends a clause: "I tabellen for anlæg er beløbene i løbende priser: Regnskab 2019 er i ...".
_CLAUSE_BREAK = re.compile(r":\s+")
# A header formula: target = minuend - subtrahend over column letters or numbers: "F=(D-E)", "(3) = (1)-(2)".
_LABEL = r"\(?\s*([A-Za-z]|\d{1,2})\s*\)?"
_FORMULA = re.compile(rf"^\s*{_LABEL}\s*=\s*\(?\s*{_LABEL}\s*[-−–]\s*{_LABEL}\s*\)?\s*$")


def join_note_lines(lines: list[str]) -> str:
    """Join a note's wrapped lines, healing "-" / "=overskud" split over a line break."""
    text = " ".join(line.strip() for line in lines)
    text = NOTE_START.sub("", text)
    return re.sub(r"([+\-–])\s+=", r"\1=", text)


def split_statements(text: str) -> list[str]:
    """Split a note into statements, keeping "+= udgift; -= indtægt" together."""
    protected = lexicon.AMOUNT_SIGN.sub(lambda m: m.group(0).replace(";", "\x00"), text)
    pieces = [p.strip().replace("\x00", ";") for p in _STATEMENT_BREAK.split(protected)]
    statements: list[str] = []
    for piece in pieces:
        piece = piece.rstrip(";").strip()
        if not piece:
            continue
        # A sign fragment ("-=overskud.") that a sentence break cut off belongs to the statement before.
        if statements and re.match(r"^[+\-–]=", piece) and re.search(r"[+\-–]=\w+\s*(og)?$", statements[-1]):
            statements[-1] = f"{statements[-1]} {piece}"
        else:
            statements.append(piece)
    return statements


def _side(words: str) -> str | None:
    """"actual" or "budget" for the phase a formula or difference names; None for anything else."""
    phases = lexicon.phase_words(words)
    return _side_of_phase(phases[0]) if phases else None


def _side_of_phase(phase: str | None) -> str | None:
    if phase == "actual":
        return "actual"
    return "budget" if phase in lexicon.BUDGET_SIDE_PHASES else None


def _convention_of_difference(minuend: str | None, subtrahend: str | None) -> str | None:
    if (minuend, subtrahend) == ("actual", "budget"):
        return "actual_minus_budget"
    if (minuend, subtrahend) == ("budget", "actual"):
        return "budget_minus_actual"
    return None


def variance_sign_of(text: str) -> str | None:
    """"actual_minus_budget" / "budget_minus_actual" when `text` states how variances are signed.

    Phrases ("+=underskud og -=overskud", "+ = mindreforbrug", "(-) = merforbrug", "negative tal er
    merforbrug") or a difference of two phases ("Afvigelse = Forbrug − Anlægsbevilling"). Two phrases that
    contradict each other give None: the reader does not pick one.
    """
    found = {
        convention
        for convention, pattern in lexicon.VARIANCE_SIGN_PHRASES
        if pattern.search(text)
    }
    difference = lexicon.VARIANCE_DIFFERENCE.search(text.strip().rstrip("."))
    if difference:
        stated = _convention_of_difference(_side(difference["minuend"]), _side(difference["subtrahend"]))
        found |= {stated} if stated else set()
    return found.pop() if len(found) == 1 else None


def sign_of_formula(formula: str, phase_by_label: Mapping[str, str]) -> str | None:
    """The sign convention a header formula row states for its variance column, or None.

    `formula` is the formula cell as printed over the variance column: "F=(D-E)", "(3) = (1)-(2)",
    "D = B - C". `phase_by_label` maps each column letter or number as printed in the same row ("D", "(1)",
    "1") to the model phase of the column under it ("actual", "revised_budget", "appropriation", ...).

    Returns "actual_minus_budget" when the formula subtracts a budget-side column (any of
    lexicon.BUDGET_SIDE_PHASES) from the actual one, "budget_minus_actual" for the reverse, and None when
    the formula is not a difference of one actual and one budget column (a sum "D=(A+B+C)", an unknown
    letter, two budgets) or when its target column is mapped to a phase other than "variance".
    """
    match = _FORMULA.match(formula)
    if not match:
        return None
    target, minuend, subtrahend = (label.upper() for label in match.groups())
    phases = {_plain_label(label): phase for label, phase in phase_by_label.items()}
    if target in phases and phases[target] != "variance":
        return None
    return _convention_of_difference(
        _side_of_phase(phases.get(minuend)), _side_of_phase(phases.get(subtrahend))
    )


def _plain_label(label: str) -> str:
    return label.strip().strip("()").strip().upper()


@dataclass(frozen=True)
class _Where:
    """What every note of a block shares: where it is printed and which table it stands under."""

    policy_area: str
    table: str | None
    table_title: str | None
    page: int


def parse_note_block(
    lines: list[str],
    page: int,
    policy_area: str,
    table: str | None,
    table_title: str | None,
) -> list[Note]:
    """Every statement of one note block (an "Anm.:" paragraph or a convention line) as Notes.

    "I tabellen for drift/anlæg" sets Note.account for its own statement and the following ones of the
    block, until another table is named.
    """
    where = _Where(policy_area, table, table_title, page)
    notes: list[Note] = []
    account: str | None = None
    for statement in split_statements(join_note_lines(lines)):
        for clause in _CLAUSE_BREAK.split(statement):
            account = scope_of(clause) or account
            notes.extend(_notes_of_clause(clause, where, account))
    return notes


def scope_of(text: str) -> str | None:
    """"drift" / "anlaeg" when `text` names the table it speaks of ("I tabellen for drift er ...")."""
    named = {account for account, pattern in lexicon.NOTE_SCOPES if pattern.search(text)}
    return named.pop() if len(named) == 1 else None


def _notes_of_clause(clause: str, where: _Where, account: str | None) -> list[Note]:
    text = clause.strip().rstrip(".").strip()
    if not text:
        return []
    price_notes = _price_year_notes(text, where, account)
    if price_notes is not None:
        return price_notes
    sign = variance_sign_of(text)
    if sign is not None:
        return [_note(where, "variance_sign", text, account, sign_convention=sign)]
    if lexicon.AMOUNT_SIGN.search(text):
        return [_note(where, "amount_sign", text, account)]
    return [_note(where, "other", text, account)]


def _price_year_notes(text: str, where: _Where, account: str | None) -> list[Note] | None:
    """The price-year notes of one clause, or None when it states no price level at all.

    Restatements first ("Regnskab 2019 og Regnskab 2020 omregnet til 2021-priser": one fixed note per column
    named), then columns in stated prices ("Regnskab 2021 er i 2021-priser"), then, in what is left, a
    level for every column of the scope ("løbende priser", "faste priser", "2025-pl").
    """
    notes: list[Note] = []
    rest = text
    for restated in lexicon.RESTATEMENT.finditer(text):
        columns = _restated_columns(text, restated.start(), notes_end=_consumed_end(text, restated.start()))
        if columns is None:
            return None  # years without a column word: the reader cannot tell which columns are meant
        price_year = int(restated["price_year"])
        # The statement is the named columns through the level, or the whole clause when none is named.
        start = columns[0][2] if columns else 0
        stated = text[start : restated.end()].strip() if columns else text
        for phase, year, _ in columns or [(None, None, 0)]:
            notes.append(_note(where, "price_year", stated, account, fiscal_year=year, price_year=price_year,
                               phase=phase, price_basis="fixed"))
        rest = _blank(rest, start, restated.end())
    for column in lexicon.COLUMN_PRICE_YEAR.finditer(rest):
        year, price_year = int(column["year"]), int(column["price_year"])
        basis = "current" if year == price_year else "fixed"
        notes.append(_note(
            where, "price_year", column.group(0).strip(), account, fiscal_year=year, price_year=price_year,
            phase=_phase_of_column(column["column"]), price_basis=basis,
        ))
        rest = _blank(rest, column.start(), column.end())
    general = _scope_wide_price_note(rest, text, where, account)
    notes += [general] if general else []
    return notes or None


def _consumed_end(text: str, before: int) -> int:
    """Where the columns of a restatement at `before` may begin: after the last column statement or
    restatement ending before it ("..., og Regnskab 2021 er omregnet ..." does not reach back further)."""
    ends = [m.end() for m in lexicon.COLUMN_PRICE_YEAR.finditer(text[:before])]
    ends += [m.end() for m in lexicon.RESTATEMENT.finditer(text[:before])]
    return max(ends, default=0)


def _restated_columns(text: str, verb: int, notes_end: int) -> list[tuple[str, int, int]] | None:
    """(phase, year, start) of each column named before a restatement verb; [] when none is named.

    "Regnskab 2019 og 2020" names two actual columns (the second inherits the first's phase); a year with
    no column word before it ("Beløbene for 2019") gives None.
    """
    columns: list[tuple[str, int, int]] = []
    phase: str | None = None
    for named in lexicon.RESTATED_COLUMN.finditer(text, notes_end, verb):
        if named["column"] and named["column"].strip():
            phase = _phase_of_column(named["column"])
        if phase is None:
            return None
        columns.append((phase, int(named["year"]), named.start()))
    return columns


def _scope_wide_price_note(rest: str, text: str, where: _Where, account: str | None) -> Note | None:
    """A price level stated for every column of the scope: no column named, fiscal_year and phase None."""
    current = lexicon.CURRENT_PRICES.search(rest)
    if current:
        price_year = int(current["price_year"]) if current["price_year"] else None
        return _note(where, "price_year", text, account, price_year=price_year, price_basis="current")
    fixed = lexicon.FIXED_PRICES.search(rest) or lexicon.PRICE_LEVEL.search(rest)
    if fixed:
        price_year = int(fixed["price_year"]) if fixed["price_year"] else None
        # One price level for every column, whatever its year: fixed prices at that level.
        return _note(where, "price_year", text, account, price_year=price_year, price_basis="fixed")
    return None


def _phase_of_column(column: str) -> str | None:
    phases = lexicon.phase_words(column)
    return phases[0] if phases else None


def _blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, so later patterns neither see it nor shift."""
    return text[:start] + " " * (end - start) + text[end:]


def _note(
    where: _Where,
    kind: str,
    text: str,
    account: str | None,
    *,
    fiscal_year: int | None = None,
    price_year: int | None = None,
    phase: str | None = None,
    sign_convention: str | None = None,
    price_basis: str | None = None,
) -> Note:
    return Note(
        policy_area=where.policy_area,
        table=where.table,
        kind=kind,
        text=text,
        fiscal_year=fiscal_year,
        price_year=price_year,
        page=where.page,
        phase=phase,
        sign_convention=sign_convention,
        table_title=where.table_title,
        account=account,
        price_basis=price_basis,
    )
