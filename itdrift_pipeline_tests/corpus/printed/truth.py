"""Ground truth of the holdout corpora, in the layout corpus's truth format (see layouts/truth.py).

Derived from documents.py alone. Printed figures are parsed by layouts.truth.parse_printed, plus the forms
it does not know: a trailing minus ("1.234-", as ERP reports print negatives); thousands grouped by a space,
a no-break space or a thin space ("1 234 567" is 1234567: an amount, not three figures); a footnote marker
after the figure ("1.234*", "1.234¹": the marker is no part of the value). A figure whose sign is shown only
by red colour (RED_NO_SIGN) must stand in an unread column (reason sign_by_colour). A lone dash ("–", "-")
is no value (no fact), as an empty cell. Scoring reuses layouts.truth.score (imported, not copied).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..layouts.truth import parse_printed
from .model import RED_NO_SIGN, Document, Table

KRONER = {"1000 DKK": Decimal(1000), "mio DKK": Decimal(1_000_000), "DKK": Decimal(1)}
UI_FLOWS = {"U": "expenditure", "I": "income"}
ACTIVITY_CODE = re.compile(r"^\d{1,2}(?:\.[a-zæøå])?$")
TRAILING_MINUS = re.compile(r"^(?P<body>\d[\d.,]*)\s?[-\u2013\u2212]$")


GROUPED = re.compile(r"^(?P<neg>[-\u2013\u2212]\s?)?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?$")
FOOTNOTE = re.compile(r"(?<=\d)\s?(?:\*{1,3}|[\u00b9\u00b2\u00b3])$")


def parse(text: str) -> Decimal | None:
    text = FOOTNOTE.sub("", text.strip())
    grouped = GROUPED.match(text)
    if grouped:
        sign = "-" if grouped["neg"] else ""
        text = sign + re.sub(r"[ \u00a0\u2009\u202f]", ".", text[len(grouped["neg"] or ""):])
    match = TRAILING_MINUS.match(text)
    if match:
        value = parse_printed(match["body"])
        return None if value is None else -value
    return parse_printed(text)


def _label(text: str) -> str:
    return " ".join(text.replace("-\n", "-").replace("\n", " ").split())


def _decimal_text(value: Decimal) -> str:
    value = value.normalize()
    return format(value, "f") if value != value.to_integral_value() else str(int(value))


def table_facts(table: Table) -> list[dict[str, Any]]:
    facts = []
    for row in table.rows:
        if row.kind == "group":
            assert not row.cells, row.label
            continue
        assert len(row.cells) == len(table.columns), (table.caption, row.label)
        label, code = _label(row.label), row.code
        if code is not None and not ACTIVITY_CODE.match(code):
            label, code = f"{code} {label}", None
        for col, text in zip(table.columns, row.cells, strict=True):
            if text.startswith(RED_NO_SIGN):
                assert col.unread == "sign_by_colour", (table.caption, row.label, col.header)
            if col.unread is not None:
                continue
            printed = parse(text)
            if printed is None:
                continue
            quantity = col.measure == "quantity"
            value = printed if quantity else printed * KRONER[col.unit]
            facts.append(
                {
                    "row_label": label,
                    "row_code": code,
                    "phase": col.phase,
                    "measure": col.measure,
                    "fiscal_year": col.fiscal_year,
                    "year_source": col.year_source,
                    "value": _decimal_text(value),
                    "source_unit": None if quantity else col.unit,
                    "as_printed": text.removeprefix(RED_NO_SIGN),
                    "flow": col.flow or UI_FLOWS.get(row.ui or ""),
                    "is_total": row.kind in ("subtotal", "total"),
                    "table_caption": table.caption,
                    "column": _label(col.header),
                    "period": None,
                }
            )
    return facts


def expected(doc: Document) -> dict[str, Any]:
    facts, unread = [], []
    for table in doc.tables():
        facts.extend(table_facts(table))
        unread.extend(
            {"table_caption": table.caption, "header": _label(c.header), "reason": c.unread}
            for c in table.columns
            if c.unread is not None
        )
    return {
        "name": doc.name,
        "producer": doc.producer,
        "pdf": f"{doc.name}.pdf",
        "classes": list(doc.classes),
        "document": {
            "municipality": doc.municipality,
            "report_type": doc.report_type,
            "fiscal_year": doc.fiscal_year,
        },
        "facts": facts,
        "unread_columns": unread,
    }
