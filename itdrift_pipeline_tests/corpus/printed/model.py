"""The holdout corpora's plain-data model: documents, blocks, tables, and the meaning of every figure column.
The print options the second holdout corpus added (body-cell vertical alignment, vertical-rules-only grids,
shaded total rows, a unit line printed right-aligned above a table, tight spacing between stacked tables,
a header shade, a running header) default to how the first one printed, save one: Writer (producer
"office") now gets the body cells' alignment as a valign attribute (top by default), which it honours and
CSS it does not, so the figures of the first corpus's office PDFs sit a little higher on a re-render.
The third corpus added boxed tables (a frame with the caption in a shaded title bar inside it), figures
whose sign is shown only by red colour (cell text prefixed with RED_NO_SIGN), documents typed from
tab-separated paragraphs (Document.source = "fodt": LibreOffice from a flat ODF text document, no table
objects) and thousands grouped by spaces (sp); all off by default.

Deliberately its own model (not the layout corpus's): the holdout set is made blind to what the reader and
the layout corpus handle. Cells hold the text exactly as printed; the truth parses it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Col:
    """The meaning of one figure column. `unread` (a reason) marks a column that yields no facts."""

    header: str  # the printed header text of the column, spanning groups included, joined with spaces
    phase: str | None = None
    fiscal_year: int | None = None
    year_source: str | None = None  # header / caption / heading / title
    unit: str = "1000 DKK"  # 1000 DKK / mio DKK / DKK
    measure: str = "amount"  # amount / quantity / unit_price
    flow: str | None = None  # expenditure / income / net
    unread: str | None = None  # percent / budget_change / forecast_variance / note_reference
    align: str = "right"  # right / center


@dataclass(frozen=True)
class H:
    """A header cell as printed: text (\n = a printed line break), column span and row span."""

    text: str
    span: int = 1
    rows: int = 1
    align: str | None = None


@dataclass(frozen=True)
class Row:
    """A body row. kind: data / group (a label-only subheading, no figures) / subtotal / total."""

    label: str
    cells: tuple[str, ...] = ()
    code: str | None = None  # an activity number (1, 1.a) printed in its own stub column
    kind: str = "data"
    indent: int = 0
    ui: str | None = None  # U / I marker printed in its own stub column


@dataclass
class Table:
    caption: str
    stub: tuple[str, ...]  # stub columns: "code", "label", "ui"
    header: tuple[tuple[H, ...], ...]  # header rows, stub cells included
    columns: tuple[Col, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    grid: str = "horizontal"  # full / horizontal / booktabs / none / vertical (column rules only)
    red_negatives: bool = False
    shaded: bool = False
    zebra: bool = False
    double_rule_total: bool = True
    split_after: int | None = None  # break the page after this many body rows
    repeat_header: bool = True
    widths: tuple[float, ...] | None = None  # mm, stub columns first
    font_size: float = 8.5
    caption_style: str = "bold"  # bold / italic
    valign: str = "top"  # body cells: top / bottom (where a wrapped label's figures stand)
    total_shade: bool = False  # grey background on subtotal and total rows
    unit_line: str | None = None  # printed right-aligned between the caption and the table
    tight: bool = False  # little space before the caption (a table stacked under another)
    header_shade: str | None = None  # a header background colour (overrides `shaded`)
    boxed: bool = False  # a frame round the table, the caption printed in a shaded title bar inside it
    tab_stops: tuple[float, ...] | None = None  # fodt only: right-aligned tab stops (mm) of the figures


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    small: bool = False


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass
class TwoColumns:
    """A page section set in two columns: prose left, (usually) a small table right."""

    left: list
    right: list


@dataclass
class Document:
    name: str
    producer: str  # html / office / reportlab
    title: str
    publisher: str
    municipality: str | None
    report_type: str
    fiscal_year: int
    blocks: list
    classes: tuple[str, ...] = ()
    landscape: bool = False
    font: str = "sans"  # sans / serif
    accent: str = "#1f4e79"
    running_footer: str | None = None
    running_header: str | None = None  # printed at the top of every page
    source: str = "html"  # office producer only: html (Writer's HTML import) / fodt (tab-separated text)

    def tables(self) -> list[Table]:
        out: list[Table] = []

        def walk(blocks: list) -> None:
            for block in blocks:
                if isinstance(block, Table):
                    out.append(block)
                elif isinstance(block, TwoColumns):
                    walk(block.left)
                    walk(block.right)

        walk(self.blocks)
        return out


# --- Number printing ------------------------------------------------------------------------------------


def dk(value: float | int | Decimal | None, decimals: int = 0, negative: str = "minus") -> str:
    """A Danish printed figure: 1234567 -> '1.234.567', -12.34 (1 decimal) -> '-12,3'.
    negative: minus ('-'), endash ('–'), paren ('(1.234)'). None -> ''."""
    if value is None:
        return ""
    q = Decimal(1).scaleb(-decimals)
    d = Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP)
    neg = d < 0
    d = abs(d)
    whole, _, frac = f"{d:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups) + ("," + frac if decimals else "")
    if neg:
        text = {"minus": "-" + text, "endash": "\u2013" + text, "paren": f"({text})"}[negative]
    return text


def sp(
    value: float | int | Decimal | None, decimals: int = 0, sep: str = " ", negative: str = "minus"
) -> str:
    """As dk() but with `sep` (a space, U+00A0 or a thin space U+2009) grouping thousands: '1 234 567'."""
    return dk(value, decimals, negative).replace(".", sep)


RED_NO_SIGN = "~"  # cell prefix: print the figure in red, no sign (its sign is shown only by colour)


def rnd(value: float, decimals: int = 0) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


__all__ = [
    "Col",
    "Document",
    "H",
    "Heading",
    "PageBreak",
    "Para",
    "Row",
    "Table",
    "TwoColumns",
    "dk",
    "rnd",
    "sp",
    "RED_NO_SIGN",
    "field",
]
