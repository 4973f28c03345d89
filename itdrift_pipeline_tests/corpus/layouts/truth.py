"""Ground truth of the layout corpus, derived from documents.py alone, and its scoring against extraction.

The truth of one document is a JSON-able dict:

    {"name", "producer", "pdf", "classes",
     "document": {"municipality", "report_type", "fiscal_year"},
     "facts": [{"row_label", "row_code", "phase", "measure", "fiscal_year", "year_source", "value",
                "source_unit", "as_printed", "flow", "is_total", "table_caption", "column", "extra"?}, ...],
     "unread_columns": [{"table_caption", "header", "reason"}, ...]}

`value` is a string of the exact decimal in DKK (printed figure × the unit's kroner), so no float rounding
enters the truth. One fact per printed figure of a readable column; an empty cell or a lone "-" is none.
`row_label` is the printed label (wrapped lines joined with one space) without the activity code (that is
`row_code`) and without the U/I marker; a Stednr. before the label is part of it ("031245 Renovering ...").
`flow` is the column's flow, else the row's U/I marker, else null.

`score(truth, result)` matches extracted facts to expected ones on the key (collapsed row_label, row_code,
phase, measure, fiscal_year, value, flow) as multisets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .documents import CLASSES, Document, Table

KRONER = {"1000 DKK": Decimal(1000), "mio DKK": Decimal(1_000_000), "mia DKK": Decimal(1_000_000_000),
          "DKK": Decimal(1)}
UI_FLOWS = {"U": "expenditure", "I": "income"}
ACTIVITY_CODE = re.compile(r"^\d{1,2}(?:\.[a-zæøå])?$")
KEY_FIELDS = ("row_label", "row_code", "phase", "measure", "fiscal_year", "value", "flow", "period")

_NUMBER = re.compile(r"^(?P<neg>[-\u2013\u2212])?\s*(?P<int>\d{1,3}(\.\d{3})*|\d+)(,(?P<frac>\d+))?$")


def parse_printed(text: str) -> Decimal | None:
    """A Danish printed figure: '1.234' -> 1234, '-12,5' / '–12,5' -> -12.5, '(1.234)' -> -1234; '' and a
    lone dash -> None. Independent of the extractor's number reader on purpose."""
    text = text.strip()
    if text in ("", "-", "\u2013", "\u2212"):
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    match = _NUMBER.match(text)
    if match is None:
        raise ValueError(f"not a Danish number: {text!r}")
    negative ^= bool(match["neg"])
    digits = match["int"].replace(".", "") + ("." + match["frac"] if match["frac"] else "")
    value = Decimal(digits)
    return -value if negative else value


def collapse(text: str) -> str:
    return " ".join(text.split())


def _label(text: str) -> str:
    return collapse(text.replace("-\n", "-").replace("\n", " "))


def _table_facts(table: Table) -> list[dict[str, Any]]:
    facts = []
    for row in table.rows:
        label = _label(row.label)
        if row.place:
            label = f"{row.place} {label}"
        code = row.code
        if code is not None and not ACTIVITY_CODE.match(code):
            # The conventions: activity numbers ("1", "1.a") are row codes; a function or account
            # number ("00.22") is the start of the row's label, as in the replicas ("0.10.17 ...").
            label, code = f"{code} {label}", None
        for meaning, text in zip(table.columns, row.cells, strict=True):
            if meaning.unread is not None:
                continue
            printed = parse_printed(text)
            if printed is None:
                continue
            value = printed * KRONER[meaning.source_unit] if meaning.measure != "quantity" else printed
            fact: dict[str, Any] = {
                "row_label": label,
                "row_code": code,
                "phase": meaning.phase,
                "measure": meaning.measure,
                "fiscal_year": meaning.fiscal_year,
                "year_source": meaning.year_source,
                "value": _decimal_text(value),
                "source_unit": meaning.source_unit if meaning.measure != "quantity" else None,
                "as_printed": text,
                "flow": meaning.flow or UI_FLOWS.get(row.ui or ""),
                "is_total": row.total,
                "table_caption": table.caption,
                "column": meaning.header,
            }
            if meaning.extra:
                fact["extra"] = dict(meaning.extra)
            month = dict(meaning.extra).get("month")
            fact["period"] = f"M{month:02d}" if month else None
            facts.append(fact)
    return facts


def _decimal_text(value: Decimal) -> str:
    value = value.normalize()
    return format(value, "f") if value != value.to_integral_value() else str(int(value))


def expected(doc: Document) -> dict[str, Any]:
    """The ground truth of one document, from its meaning data."""
    facts, unread = [], []
    for table in doc.tables():
        facts.extend(_table_facts(table))
        unread.extend({"table_caption": table.caption, "header": m.header, "reason": m.unread}
                      for m in table.columns if m.unread is not None)
    return {
        "name": doc.name,
        "producer": doc.producer,
        "pdf": f"{doc.name}.pdf",
        "classes": list(doc.classes),
        "document": {"municipality": doc.municipality, "report_type": doc.report_type,
                     "fiscal_year": doc.fiscal_year},
        "facts": facts,
        "unread_columns": unread,
    }


# --- Scoring ------------------------------------------------------------------------------------------


def _key(fact: Mapping[str, Any]) -> tuple:
    value = fact["value"]
    return (
        collapse(str(fact["row_label"])),
        fact.get("row_code"),
        fact["phase"],
        fact["measure"],
        fact.get("fiscal_year"),
        Decimal(str(value)).normalize() if value is not None else None,
        fact.get("flow"),
        fact.get("period"),
    )


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, Mapping):
        return dict(obj)
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


@dataclass
class Score:
    """One document's (or a sum of documents') agreement with the truth."""

    expected: int = 0
    extracted: int = 0
    matched: int = 0
    year_source_agree: int = 0
    source_unit_agree: int = 0
    unread_expected: int = 0
    unread_found: int = 0
    metadata_fields: int = 0
    metadata_agree: int = 0
    missing: list[str] = field(default_factory=list)  # the first few expected facts not extracted
    unexpected: list[str] = field(default_factory=list)  # the first few extracted facts not expected
    metadata_diff: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def year_source_rate(self) -> float:
        return self.year_source_agree / self.matched if self.matched else 1.0

    @property
    def source_unit_rate(self) -> float:
        return self.source_unit_agree / self.matched if self.matched else 1.0

    @property
    def unread_recall(self) -> float:
        return self.unread_found / self.unread_expected if self.unread_expected else 1.0

    @property
    def metadata_rate(self) -> float:
        return self.metadata_agree / self.metadata_fields if self.metadata_fields else 1.0

    def __add__(self, other: Score) -> Score:
        names = ("expected", "extracted", "matched", "year_source_agree", "source_unit_agree",
                 "unread_expected", "unread_found", "metadata_fields", "metadata_agree")
        return Score(**{n: getattr(self, n) + getattr(other, n) for n in names})


def _show(key: tuple) -> str:
    return "|".join("" if v is None else format(v, "f") if isinstance(v, Decimal) else str(v) for v in key)


def _unread_matches(want: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    expected_header = collapse(want["header"]).casefold()
    # A header hyphenated over two lines ("Tillægs- / bevillinger") is printed as "Tillægs- bevillinger".
    header = re.sub(r"(?<=\w)- (?=\w)", "", collapse(str(got.get("header", "")))).casefold()
    return bool(header) and (header == expected_header or expected_header in header)


def score(truth: Mapping[str, Any], result: Any) -> Score:
    """Compare an ExtractionResult (or its to_dict()) with one document's truth."""
    data = result.to_dict() if hasattr(result, "to_dict") else dict(result)
    extracted = [_as_dict(f) for f in data.get("facts", [])]
    wanted = list(truth["facts"])
    # Multiset matching on the key; for each matched key the year_source / source_unit agreement is
    # counted pairwise in order.
    by_key: dict[tuple, list[dict[str, Any]]] = {}
    for fact in wanted:
        by_key.setdefault(_key(fact), []).append(fact)
    got_by_key: dict[tuple, list[dict[str, Any]]] = {}
    for fact in extracted:
        got_by_key.setdefault(_key(fact), []).append(fact)
    s = Score(expected=len(wanted), extracted=len(extracted))
    for key, exp in by_key.items():
        got = got_by_key.get(key, [])
        for want, have in zip(exp, got, strict=False):
            s.matched += 1
            s.year_source_agree += want["year_source"] == have.get("year_source")
            s.source_unit_agree += want["source_unit"] == have.get("source_unit")
    want_count = Counter(_key(f) for f in wanted)
    got_count = Counter(_key(f) for f in extracted)
    s.missing = [_show(k) for k in list((want_count - got_count).elements())[:5]]
    s.unexpected = [_show(k) for k in list((got_count - want_count).elements())[:5]]
    # Unread columns: each expected one found (by header) among the extracted unread columns.
    unread_got = [_as_dict(u) for u in data.get("unread_columns", [])]
    s.unread_expected = len(truth["unread_columns"])
    for want in truth["unread_columns"]:
        hit = next((u for u in unread_got if _unread_matches(want, u)), None)
        if hit is not None:
            s.unread_found += 1
            unread_got.remove(hit)
    document = data.get("document", {})
    for name, value in truth["document"].items():
        s.metadata_fields += 1
        if document.get(name) == value:
            s.metadata_agree += 1
        else:
            s.metadata_diff.append(f"{name}: expected {value!r}, got {document.get(name)!r}")
    return s


def by_class(scores: Iterable[tuple[Mapping[str, Any], Score]]) -> dict[str, Score]:
    """Sum of document scores per failure class (a document counts in every class it is tagged with)."""
    out: dict[str, Score] = {name: Score() for name in CLASSES}
    for truth, s in scores:
        for name in truth["classes"]:
            out[name] = out[name] + s
    return out


def total(scores: Sequence[Score]) -> Score:
    out = Score()
    for s in scores:
        out = out + s
    return out
