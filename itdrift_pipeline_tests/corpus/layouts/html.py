"""Layout-corpus documents as HTML, printed to PDF by headless Chromium (producer "html").

The same HTML (inline styles and bgcolor attributes, so LibreOffice's HTML import reads it too) feeds
office.py. Chromium honours @page, so landscape documents are printed landscape here.
"""

from __future__ import annotations

import html as _html
from pathlib import Path

from ..printers import chromium_pdf
from .documents import Document, Heading, PageBreak, Paragraph, Row, SideBySide, Style, Table

FONTS = {"sans": "'Liberation Sans', Arial, sans-serif",
         "serif": "'Liberation Serif', 'Times New Roman', serif",
         "narrow": "'Liberation Sans Narrow', 'Arial Narrow', sans-serif"}
ZEBRA = "#e6edf4"
SHADE = "#c9d6e3"


def _e(text: str) -> str:
    return _html.escape(text, quote=False).replace("\n", "<br>")


def _border(style: Style, *, top: str | None = None, bottom: str | None = None) -> str:
    parts = []
    if style.grid == "full":
        parts.append("border: 0.5pt solid #000000")
    if top:
        parts.append(f"border-top: {top}")
    if bottom:
        parts.append(f"border-bottom: {bottom}")
    return "; ".join(parts)


class _Writer:
    def __init__(self, doc: Document, flavor: str) -> None:
        self.doc, self.style, self.flavor = doc, doc.style, flavor

    def cell_style(self, *, align: str, top: str | None = None, bottom: str | None = None,
                   bold: bool = False) -> str:
        s = self.style
        pad_side = max(s.padding, 2)
        parts = [f"padding: {s.padding}pt {pad_side}pt", f"text-align: {align}", "vertical-align: bottom",
                 f"font-size: {s.font_size}pt"]
        border = _border(s, top=top, bottom=bottom)
        if border:
            parts.append(border)
        if bold:
            parts.append("font-weight: bold")
        return "; ".join(parts)

    def header(self, table: Table) -> list[str]:
        s = self.style
        out = []
        n = len(table.header_rows)
        width = len(table.stub) + len(table.columns)
        for i, header_row in enumerate(table.header_rows):
            cells, col = [], 0
            for cell in header_row:
                stub = col < len(table.stub)
                align = "left" if stub else ("center" if cell.colspan > 1 else "right")
                if cell.colspan == width:
                    align = "left"
                top = "1.2pt solid #000000" if s.grid == "booktabs" and i == 0 else None
                bottom = None
                if i == n - 1 and s.grid in ("booktabs", "horizontal"):
                    bottom = "0.8pt solid #000000"
                elif s.grid == "booktabs" and cell.colspan > 1 and not stub:
                    bottom = "0.4pt solid #000000"
                bg = f' bgcolor="{SHADE}"' if s.shaded_header else ""
                css = self.cell_style(align=align, top=top, bottom=bottom, bold=True)
                if s.shaded_header:
                    css += f"; background-color: {SHADE}"
                span = f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                cells.append(f'<th{span}{bg} style="{css}">{_e(cell.text)}</th>')
                col += cell.colspan
            out.append("<tr>" + "".join(cells) + "</tr>")
        return out

    def body_row(self, table: Table, row: Row, index: int, last: bool) -> str:
        s = self.style
        zebra = s.zebra and index % 2 == 1
        bottom = None
        if s.grid == "horizontal":
            bottom = "0.8pt solid #000000" if last else "0.3pt solid #9a9a9a"
        elif s.grid == "booktabs" and last:
            bottom = "1.2pt solid #000000"
        top = "0.6pt solid #000000" if row.total and s.grid in ("booktabs", "none") else None
        cells = []
        stub_text = {"code": row.code or "", "place": row.place or "", "label": row.label, "ui": row.ui or ""}
        aligns = {"code": "left", "place": "left", "label": "left", "ui": "center"}
        values = [(stub_text[k], aligns[k]) for k in table.stub] + [(c, "right") for c in row.cells]
        for text, align in values:
            css = self.cell_style(align=align, top=top, bottom=bottom, bold=row.total)
            if zebra:
                css += f"; background-color: {ZEBRA}"
            bg = f' bgcolor="{ZEBRA}"' if zebra else ""
            cells.append(f'<td{bg} style="{css}">{_e(text) if text else "&nbsp;"}</td>')
        return "<tr>" + "".join(cells) + "</tr>"

    def table_part(self, table: Table, rows: tuple[Row, ...], start: int, header: bool) -> str:
        cols = ""
        width = ""
        if table.widths:
            cols = "<colgroup>" + "".join(
                f'<col width="{round(w * 3.78)}" style="width: {w}mm">' for w in table.widths) + "</colgroup>"
            width = f' width="{round(sum(table.widths) * 3.78)}" style="width: {sum(table.widths)}mm; '
        else:
            width = ' style="'
        style = (f'{width}border-collapse: collapse; font-family: {FONTS[self.style.font]}; '
                 'margin: 0 0 3pt 0"')
        out = [f'<table cellspacing="0"{style}>{cols}']
        if header:
            out.append("<thead>" + "".join(self.header(table)) + "</thead>")
        out.append("<tbody>")
        for i, row in enumerate(rows):
            out.append(self.body_row(table, row, start + i, start + i == len(table.rows) - 1))
        out.append("</tbody></table>")
        return "".join(out)

    def page_break(self) -> str:
        return '<p style="page-break-before: always; break-before: page; margin: 0"></p>'

    def table(self, table: Table) -> str:
        out = []
        if table.heading:
            out.append(f"<h3>{_e(table.heading)}</h3>")
        out.append(f'<p class="caption"><b>{_e(table.caption)}</b></p>')
        if table.split_after:
            k = table.split_after
            out.append(self.table_part(table, table.rows[:k], 0, True))
            out.append(self.page_break())
            out.append(self.table_part(table, table.rows[k:], k, table.repeat_header))
        else:
            out.append(self.table_part(table, table.rows, 0, True))
        out.extend(f'<p class="note">{_e(note)}</p>' for note in table.notes)
        return "\n".join(out)

    def side_by_side(self, block: SideBySide) -> str:
        if self.flavor == "chromium":
            return ('<div style="display: flex; gap: 10mm; align-items: flex-start">'
                    f"<div>{self.table(block.left)}</div><div>{self.table(block.right)}</div></div>")
        return ('<table cellspacing="0" cellpadding="0" style="border: none"><tr>'
                f'<td valign="top" style="border: none; padding: 0">{self.table(block.left)}</td>'
                '<td width="40" style="border: none; padding: 0; width: 10mm">&nbsp;</td>'
                f'<td valign="top" style="border: none; padding: 0">{self.table(block.right)}</td>'
                "</tr></table>")

    def document(self) -> str:
        doc, s = self.doc, self.style
        page = "A4 landscape" if s.landscape else "A4"
        css = f"""
@page {{ size: {page}; margin: 18mm 16mm 18mm 18mm; }}
body {{ font-family: {FONTS[s.font]}; font-size: 10pt; }}
p.publisher {{ font-size: 9pt; margin: 0 0 2pt 0; color: #333333; }}
h1 {{ font-size: 16pt; margin: 0 0 8pt 0; }}
h2 {{ font-size: 13pt; margin: 10pt 0 5pt 0; }}
h3 {{ font-size: 11pt; margin: 8pt 0 4pt 0; }}
p {{ margin: 0 0 6pt 0; }}
p.caption {{ font-size: 9.5pt; margin: 8pt 0 3pt 0; }}
p.note {{ font-size: 7.5pt; margin: 2pt 0 6pt 0; }}
"""
        out = ["<!DOCTYPE html>", '<html lang="da"><head><meta charset="utf-8">',
               f"<title>{_e(doc.title)}</title><style>{css}</style></head><body>"]
        if doc.publisher_line:
            out.append(f'<p class="publisher">{_e(doc.publisher_line)}</p>')
        out.append(f"<h1>{_e(doc.title)}</h1>")
        for block in doc.blocks:
            if isinstance(block, Heading):
                out.append(f"<h{block.level + 1}>{_e(block.text)}</h{block.level + 1}>")
            elif isinstance(block, Paragraph):
                out.append(f"<p>{_e(block.text)}</p>")
            elif isinstance(block, Table):
                out.append(self.table(block))
            elif isinstance(block, SideBySide):
                out.append(self.side_by_side(block))
            elif isinstance(block, PageBreak):
                out.append(self.page_break())
        out.append("</body></html>")
        return "\n".join(out) + "\n"


def document_html(doc: Document, flavor: str = "chromium") -> str:
    """The document as HTML; flavor "chromium" (flex side-by-side) or "office" (a layout table)."""
    return _Writer(doc, flavor).document()


def render(doc: Document, out: Path) -> Path:
    """Print the document to `out` with headless Chromium."""
    return chromium_pdf(document_html(doc, "chromium"), doc.name, out)
