"""Holdout documents as HTML: printed by headless Chromium (producer "html") or imported by LibreOffice
Writer (producer "office", see office.py). Flavour "chromium" uses CSS grid and padding; flavour "office"
keeps to what Writer's HTML import understands (layout tables, <font color>, non-breaking-space indents).
"""

from __future__ import annotations

import html as _html
from pathlib import Path

from ..printers import chromium_pdf
from .model import RED_NO_SIGN, Document, Heading, PageBreak, Para, Row, Table, TwoColumns

FONTS = {
    "sans": "'Liberation Sans', Arial, sans-serif",
    "serif": "'Liberation Serif', 'Times New Roman', serif",
}
RED = "#c00000"
def _e(text: str) -> str:
    return _html.escape(text, quote=False).replace("\n", "<br>")


def _negative(text: str) -> bool:
    return text.startswith(("-", "\u2013", "\u2212", "(")) and any(ch.isdigit() for ch in text)


def header_grid(table: Table) -> list[list[tuple[int, object]]]:
    """Each header row's cells with the grid column they start in (row spans taken into account)."""
    taken: set[tuple[int, int]] = set()
    out = []
    for i, row in enumerate(table.header):
        col, placed = 0, []
        for cell in row:
            while (i, col) in taken:
                col += 1
            placed.append((col, cell))
            for r in range(i, i + cell.rows):
                for c in range(col, col + cell.span):
                    taken.add((r, c))
            col += cell.span
        out.append(placed)
    return out


class _Writer:
    def __init__(self, doc: Document, flavor: str) -> None:
        self.doc, self.flavor = doc, flavor

    def css(
        self,
        table: Table,
        *,
        align: str,
        bold: bool = False,
        italic: bool = False,
        top: str | None = None,
        bottom: str | None = None,
        bg: str | None = None,
        indent: int = 0,
        header: bool = False,
    ) -> str:
        parts = [
            f"font-size: {table.font_size}pt",
            f"text-align: {align}",
            f"vertical-align: {'bottom' if header else table.valign}",
            "padding: 1.5pt 4pt",
        ]
        if indent and self.flavor == "chromium":
            parts.append(f"padding-left: {4 + 11 * indent}pt")
        if table.grid == "full":
            parts.append("border: 0.5pt solid #7f7f7f")
        elif table.grid == "vertical":
            parts.append("border-left: 0.6pt solid #000000; border-right: 0.6pt solid #000000")
        if top:
            parts.append(f"border-top: {top}")
        if bottom:
            parts.append(f"border-bottom: {bottom}")
        if bold:
            parts.append("font-weight: bold")
        if italic:
            parts.append("font-style: italic")
        if bg:
            parts.append(f"background-color: {bg}")
        return "; ".join(parts)

    def header(self, table: Table) -> list[str]:
        nstub = len(table.stub)
        n = len(table.header)
        out = []
        shade = table.header_shade or ("#dde6f0" if table.shaded else None)
        for i, placed in enumerate(header_grid(table)):
            cells = []
            for col, cell in placed:
                stub = col < nstub
                if cell.align:
                    align = cell.align
                elif stub:
                    align = "left"
                elif cell.span > 1:
                    align = "center"
                else:
                    align = table.columns[col - nstub].align
                last = i + cell.rows == n
                bottom = None
                if table.grid in ("horizontal", "booktabs") and last:
                    bottom = "0.9pt solid #000000"
                elif table.grid in ("booktabs", "horizontal") and cell.span > 1 and not stub:
                    bottom = "0.4pt solid #000000"
                top = "1.2pt solid #000000" if table.grid == "booktabs" and i == 0 else None
                attrs = ""
                if cell.span > 1:
                    attrs += f' colspan="{cell.span}"'
                if cell.rows > 1:
                    attrs += f' rowspan="{cell.rows}"'
                if shade:
                    attrs += f' bgcolor="{shade}"'
                style = self.css(table, align=align, bold=True, top=top, bottom=bottom, bg=shade, header=True)
                cells.append(f'<th{attrs} style="{style}">{_e(cell.text) if cell.text else "&nbsp;"}</th>')
            out.append("<tr>" + "".join(cells) + "</tr>")
        return out

    def figure(self, table: Table, text: str) -> str:
        if not text:
            return "&nbsp;"
        if text.startswith(RED_NO_SIGN):
            text = text.removeprefix(RED_NO_SIGN)
            if self.flavor == "office":
                return f'<font color="{RED}">{_e(text)}</font>'
            return f'<span style="color: {RED}">{_e(text)}</span>'
        if table.red_negatives and _negative(text):
            if self.flavor == "office":
                return f'<font color="{RED}">{_e(text)}</font>'
            return f'<span style="color: {RED}">{_e(text)}</span>'
        return _e(text)

    def body_row(self, table: Table, row: Row, index: int, last: bool) -> str:
        bold = row.kind in ("subtotal", "total")
        top = bottom = None
        if table.grid == "vertical":
            pass
        elif row.kind == "total":
            top = "0.8pt solid #000000"
            if table.double_rule_total:
                bottom = "2.4pt double #000000"
        elif row.kind == "subtotal" and table.grid != "full":
            top = "0.5pt solid #000000"
        elif table.grid == "horizontal":
            bottom = "0.3pt solid #a6a6a6"
        if last and table.grid == "booktabs" and row.kind != "total":
            bottom = "1.2pt solid #000000"
        bg = "#eef2f7" if table.zebra and index % 2 == 1 and row.kind == "data" else None
        if table.total_shade and row.kind in ("subtotal", "total"):
            bg = "#d9d9d9"
        attr = f' bgcolor="{bg}"' if bg else ""
        attr += f' valign="{table.valign}"'
        label = _e(row.label)
        if row.indent and self.flavor == "office":
            label = "&nbsp;" * (4 * row.indent) + label
        stub = {"code": _e(row.code or ""), "label": label, "ui": _e(row.ui or "")}
        cells = []
        for k in table.stub:
            align = "center" if k == "ui" else "left"
            style = self.css(
                table,
                align=align,
                bold=bold or row.kind == "group",
                italic=row.kind == "group",
                top=top,
                bottom=bottom,
                bg=bg,
                indent=row.indent if k == "label" else 0,
            )
            cells.append(f'<td{attr} style="{style}">{stub[k] or "&nbsp;"}</td>')
        texts = row.cells or ("",) * len(table.columns)
        for col, text in zip(table.columns, texts, strict=True):
            style = self.css(table, align=col.align, bold=bold, top=top, bottom=bottom, bg=bg)
            cells.append(f'<td{attr} style="{style}">{self.figure(table, text)}</td>')
        return "<tr>" + "".join(cells) + "</tr>"

    def table_part(self, table: Table, rows: tuple[Row, ...], start: int, header: bool) -> str:
        cols, width = "", ""
        if table.widths:
            cols = (
                "<colgroup>"
                + "".join(f'<col width="{round(w * 3.78)}" style="width: {w}mm">' for w in table.widths)
                + "</colgroup>"
            )
            width = f' width="{round(sum(table.widths) * 3.78)}"'
            wcss = f"width: {sum(table.widths)}mm; "
        else:
            wcss = "width: 100%; "
            width = ' width="100%"'
        style = f"{wcss}border-collapse: collapse; margin: 0 0 3pt 0"
        if table.boxed:
            style += f"; border: 1.2pt solid {self.doc.accent}"
            width = width.replace('width=', 'border="1" width=') if self.flavor == "office" else width
        out = [f'<table cellspacing="0" cellpadding="2"{width} style="{style}">{cols}']
        if table.boxed and header:
            n = len(table.stub) + len(table.columns)
            bar = (
                f"font-size: {table.font_size + 1}pt; font-weight: bold; color: #ffffff; text-align: left; "
                f"background-color: {self.doc.accent}; padding: 3pt 4pt"
            )
            out.append(
                f'<thead><tr><th colspan="{n}" bgcolor="{self.doc.accent}" style="{bar}">'
                f'<font color="#ffffff">{_e(table.caption)}</font></th></tr>'
                + "".join(self.header(table))
                + "</thead>"
            )
            header = False
        if header:
            out.append("<thead>" + "".join(self.header(table)) + "</thead>")
        out.append("<tbody>")
        for i, row in enumerate(rows):
            out.append(self.body_row(table, row, start + i, start + i == len(table.rows) - 1))
        out.append("</tbody></table>")
        return "".join(out)

    def page_break(self) -> str:
        return (
            '<p style="page-break-before: always; break-before: page; margin: 0; font-size: 2pt">&nbsp;</p>'
        )

    def caption(self, table: Table) -> str:
        text = _e(table.caption)
        text = f"<i>{text}</i>" if table.caption_style == "italic" else f"<b>{text}</b>"
        style = ' style="margin-top: 1pt"' if table.tight else ""
        out = f'<p class="caption"{style}>{text}</p>'
        if table.unit_line:
            if table.widths:
                w = sum(table.widths)
                out += (
                    f'<table cellspacing="0" cellpadding="0" width="{round(w * 3.78)}" style="width: {w}mm; '
                    'border-collapse: collapse; margin: 0"><tr><td align="right" style="text-align: right; '
                    f'font-size: 7.5pt; padding: 0 4pt 1pt 0">{_e(table.unit_line)}</td></tr></table>'
                )
            else:
                out += f'<p class="unit" align="right">{_e(table.unit_line)}</p>'
        return out

    def table(self, table: Table) -> str:
        out = [] if table.boxed else [self.caption(table)]
        if table.boxed:
            out.append('<p style="margin: 8pt 0 0 0; font-size: 2pt">&nbsp;</p>')
        if table.split_after:
            k = table.split_after
            out.append(self.table_part(table, table.rows[:k], 0, True))
            out.append(self.page_break())
            out.append(self.table_part(table, table.rows[k:], k, table.repeat_header))
        else:
            out.append(self.table_part(table, table.rows, 0, True))
        out.extend(f'<p class="note">{_e(note)}</p>' for note in table.notes)
        return "\n".join(out)

    def blocks(self, blocks: list) -> list[str]:
        out = []
        for block in blocks:
            if isinstance(block, Heading):
                out.append(f"<h{block.level + 1}>{_e(block.text)}</h{block.level + 1}>")
            elif isinstance(block, Para):
                cls = ' class="small"' if block.small else ""
                out.append(f"<p{cls}>{_e(block.text)}</p>")
            elif isinstance(block, Table):
                out.append(self.table(block))
            elif isinstance(block, TwoColumns):
                left, right = "\n".join(self.blocks(block.left)), "\n".join(self.blocks(block.right))
                if self.flavor == "chromium":
                    out.append(
                        '<div style="display: grid; grid-template-columns: 1fr 1fr; column-gap: 9mm">'
                        f"<div>{left}</div><div>{right}</div></div>"
                    )
                else:
                    out.append(
                        '<table cellspacing="0" cellpadding="0" width="100%" style="border: none"><tr>'
                        f'<td valign="top" width="48%" style="border: none; padding: 0">{left}</td>'
                        '<td width="4%" style="border: none">&nbsp;</td>'
                        f'<td valign="top" width="48%" style="border: none; padding: 0">{right}</td>'
                        "</tr></table>"
                    )
            elif isinstance(block, PageBreak):
                out.append(self.page_break())
                out.append(self.running_header())
        return out

    def running_header(self) -> str:
        # Printed at the top of every page the document breaks explicitly (its pages never overflow).
        text = self.doc.running_header
        if not text or self.flavor != "chromium":
            return ""
        return f'<div class="runhead">{_e(text)}</div>'

    def document(self) -> str:
        doc = self.doc
        page = "A4 landscape" if doc.landscape else "A4"
        css = f"""
@page {{ size: {page}; margin: 16mm 15mm 16mm 18mm; }}
body {{ font-family: {FONTS[doc.font]}; font-size: 9.5pt; line-height: 1.3; }}
p.publisher {{ font-size: 8.5pt; margin: 0 0 2pt 0; color: {doc.accent}; letter-spacing: 0.5pt; }}
h1 {{ font-size: 18pt; margin: 0 0 8pt 0; color: {doc.accent}; font-weight: normal; }}
h2 {{ font-size: 12.5pt; margin: 10pt 0 4pt 0; color: {doc.accent}; }}
h3 {{ font-size: 10.5pt; margin: 8pt 0 3pt 0; }}
p {{ margin: 0 0 5pt 0; text-align: justify; }}
p.small {{ font-size: 8pt; }}
p.caption {{ font-size: 9pt; margin: 8pt 0 3pt 0; text-align: left; }}
p.note {{ font-size: 7pt; margin: 1pt 0 5pt 0; text-align: left; }}
p.unit {{ font-size: 7.5pt; margin: 0 0 1pt 0; text-align: right; }}
div.runhead {{ font-size: 7.5pt; color: #595959; margin: 0 0 6mm 0;
  border-bottom: 0.4pt solid #7f7f7f; padding-bottom: 1pt; }}
"""
        out = [
            "<!DOCTYPE html>",
            '<html lang="da"><head><meta charset="utf-8">',
            f"<title>{_e(doc.title)}</title><style>{css}</style></head><body>",
        ]
        out.append(self.running_header())
        out.append(f'<p class="publisher">{_e(doc.publisher)}</p>')
        out.append(f"<h1>{_e(doc.title)}</h1>")
        out.extend(self.blocks(doc.blocks))
        out.append("</body></html>")
        return "\n".join(out) + "\n"


def document_html(doc: Document, flavor: str = "chromium") -> str:
    return _Writer(doc, flavor).document()


def render(doc: Document, out: Path) -> Path:
    """Print the document to `out` with headless Chromium."""
    return chromium_pdf(document_html(doc, "chromium"), doc.name, out)
