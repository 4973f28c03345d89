"""Table notes ("Anm.: ...", "+= udgift; -= indtægt.") -> model.Note, one per statement.

Reads price years ("Regnskab 2018 er i 2018-priser"), variance sign conventions ("+=underskud og
-=overskud", "Afvigelse = korrigeret budget minus regnskab") and amount sign conventions. Pure text.
"""

from __future__ import annotations

import re

from itdrift_pipeline.extract.headers import phase_of
from itdrift_pipeline.model import Note

NOTE_START = re.compile(r"^\s*Anm\.?\s*:\s*", re.IGNORECASE)
# A free-standing sign convention printed under a table without "Anm.:" ("+= udgift; -= indtægt.");
# a line starting "-=" is the wrapped end of a note's "+=underskud og -=overskud".
CONVENTION_LINE = re.compile(r"^\s*\+\s*=\s*\w", re.IGNORECASE)

_PRICE_YEAR = re.compile(
    r"(?P<column>(?:korr\.?|korrigeret|opr\.?|oprindeligt)?\s*(?:regnskab|budget))\s+(?P<year>\d{4})"
    r"\s+er\s+(?:opgjort\s+)?i\s+(?P<price_year>\d{4})\s*-?\s*priser",
    re.IGNORECASE,
)
_PLUS_DEFICIT = re.compile(r"\+\s*=\s*underskud\s*(og|,|;)?\s*[-–]\s*=\s*overskud", re.IGNORECASE)
_PLUS_SURPLUS = re.compile(r"\+\s*=\s*overskud\s*(og|,|;)?\s*[-–]\s*=\s*underskud", re.IGNORECASE)
_BUDGET_MINUS_ACTUAL = re.compile(
    r"(afvigelse|over-?/?\s*underskud)\w*\s*(=|er)\s*(korr\.?|korrigeret|opr\.?|oprindeligt)?\s*budget\w*"
    r"\s*(minus|-|–|fratrukket)\s*regnskab",
    re.IGNORECASE,
)
_ACTUAL_MINUS_BUDGET = re.compile(
    r"(afvigelse|over-?/?\s*underskud)\w*\s*(=|er)\s*regnskab\w*\s*(minus|-|–|fratrukket)"
    r"\s*(korr\.?|korrigeret|opr\.?|oprindeligt)?\s*budget",
    re.IGNORECASE,
)
_AMOUNT_SIGN = re.compile(r"\+\s*=\s*udgift\w*\s*[;,]?\s*(og\s*)?[-–]\s*=\s*indtægt", re.IGNORECASE)

# Statements end at ";" or at a full stop followed by a capital (not at "kr. som" or "m.v. til").
_STATEMENT_BREAK = re.compile(r"(?<=;)\s*|(?<=\.)\s+(?=[A-ZÆØÅ+\-–])")


def join_note_lines(lines: list[str]) -> str:
    """Join a note's wrapped lines, healing "-" / "=overskud" split over a line break."""
    text = " ".join(line.strip() for line in lines)
    text = NOTE_START.sub("", text)
    return re.sub(r"([+\-–])\s+=", r"\1=", text)


def split_statements(text: str) -> list[str]:
    """Split a note into statements, keeping "+= udgift; -= indtægt" together."""
    protected = _AMOUNT_SIGN.sub(lambda m: m.group(0).replace(";", "\x00"), text)
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


def variance_sign_of(text: str) -> str | None:
    """"actual_minus_budget" / "budget_minus_actual" when `text` states how variances are signed."""
    if _PLUS_DEFICIT.search(text) or _ACTUAL_MINUS_BUDGET.search(text):
        return "actual_minus_budget"
    if _PLUS_SURPLUS.search(text) or _BUDGET_MINUS_ACTUAL.search(text):
        return "budget_minus_actual"
    return None


def parse_note_block(
    lines: list[str],
    page: int,
    policy_area: str,
    table: str | None,
    table_title: str | None,
) -> list[Note]:
    """Every statement of one note block (an "Anm.:" paragraph or a convention line) as Notes."""
    notes: list[Note] = []
    for statement in split_statements(join_note_lines(lines)):
        notes.extend(_notes_of_statement(statement, page, policy_area, table, table_title))
    return notes


def _notes_of_statement(
    statement: str, page: int, policy_area: str, table: str | None, table_title: str | None
) -> list[Note]:
    text = statement.rstrip(".").strip()
    price_years = list(_PRICE_YEAR.finditer(text))
    if price_years:
        return [
            Note(
                policy_area=policy_area,
                table=table,
                kind="price_year",
                text=match.group(0).strip(),
                fiscal_year=int(match.group("year")),
                price_year=int(match.group("price_year")),
                page=page,
                phase=phase_of(match.group("column")),
                table_title=table_title,
            )
            for match in price_years
        ]
    sign = variance_sign_of(text)
    if sign is not None:
        return [_note(policy_area, table, "variance_sign", text, page, table_title, sign)]
    if _AMOUNT_SIGN.search(text):
        return [_note(policy_area, table, "amount_sign", text, page, table_title, None)]
    return [_note(policy_area, table, "other", text, page, table_title, None)]


def _note(
    policy_area: str,
    table: str | None,
    kind: str,
    text: str,
    page: int,
    table_title: str | None,
    sign_convention: str | None,
) -> Note:
    return Note(
        policy_area=policy_area,
        table=table,
        kind=kind,
        text=text,
        fiscal_year=None,
        price_year=None,
        page=page,
        sign_convention=sign_convention,
        table_title=table_title,
    )
