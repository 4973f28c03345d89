"""Layout-corpus documents typeset with reportlab's platypus (producer "reportlab").

A small table renderer of its own (Table / TableStyle), unlike the house canvas renderer in
itdrift_pipeline_tests/corpus/render.py: platypus decides the row heights and wraps long labels itself.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Paragraph as P
from reportlab.platypus import Table as RLTable

from .documents import Document, Heading, Paragraph, Row, SideBySide, Table
from .documents import PageBreak as DocPageBreak

FONTS = {"sans": ("Helvetica", "Helvetica-Bold"), "serif": ("Times-Roman", "Times-Bold"),
         "narrow": ("Helvetica", "Helvetica-Bold")}
ZEBRA = colors.HexColor("#e6edf4")
SHADE = colors.HexColor("#c9d6e3")


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


class _Typesetter:
    def __init__(self, doc: Document, width: float) -> None:
        self.doc, self.style, self.width = doc, doc.style, width
        regular, bold = FONTS[self.style.font]
        size = self.style.font_size
        self.regular, self.bold = regular, bold
        self.body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=6)
        self.publisher = ParagraphStyle("pub", parent=self.body, fontSize=9, spaceAfter=2)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=16, leading=20,
                                    spaceAfter=8)
        self.h = {1: ParagraphStyle("h2", parent=self.body, fontName=bold, fontSize=13, leading=16,
                                    spaceBefore=8, spaceAfter=5),
                  2: ParagraphStyle("h3", parent=self.body, fontName=bold, fontSize=11, leading=14,
                                    spaceBefore=6, spaceAfter=4)}
        self.caption = ParagraphStyle("cap", parent=self.body, fontName=bold, fontSize=9.5, leading=12,
                                      spaceBefore=6, spaceAfter=3)
        self.note = ParagraphStyle("note", parent=self.body, fontSize=7.5, leading=9.5, spaceBefore=2,
                                   spaceAfter=6)
        self.cell = {
            (align, bold_): ParagraphStyle(f"c{align}{bold_}", fontName=bold if bold_ else regular,
                                           fontSize=size, leading=size * 1.2, alignment=align)
            for align in (TA_LEFT, TA_RIGHT, TA_CENTER) for bold_ in (False, True)
        }

    def widths(self, table: Table, width: float) -> list[float]:
        if table.widths:
            return [w * mm for w in table.widths]
        n = len(table.columns)
        figure = min(24 * mm, width * 0.62 / max(n, 1))
        stub = width - figure * n
        if "code" in table.stub:
            return [10 * mm, stub - 10 * mm] + [figure] * n
        return [stub] + [figure] * n

    def rl_table(self, table: Table, rows: tuple[Row, ...], start: int, header: bool,
                 width: float) -> RLTable:
        s = self.style
        nstub = len(table.stub)
        data: list[list[object]] = []
        commands: list[tuple] = []
        nh = len(table.header_rows) if header else 0
        if header:
            for i, header_row in enumerate(table.header_rows):
                line, col = [], 0
                for cell in header_row:
                    stub = col < nstub
                    align = TA_LEFT if stub or cell.colspan == nstub + len(table.columns) else (
                        TA_CENTER if cell.colspan > 1 else TA_RIGHT)
                    line.append(P(_x(cell.text), self.cell[(align, True)]))
                    line.extend([""] * (cell.colspan - 1))
                    if cell.colspan > 1:
                        commands.append(("SPAN", (col, i), (col + cell.colspan - 1, i)))
                        if s.grid == "booktabs" and not stub:
                            commands.append(("LINEBELOW", (col, i), (col + cell.colspan - 1, i), 0.4,
                                             colors.black))
                    col += cell.colspan
                data.append(line)
        for i, row in enumerate(rows):
            stub_text = {"code": row.code or "", "place": row.place or "", "label": row.label,
                         "ui": row.ui or ""}
            aligns = {"code": TA_LEFT, "place": TA_LEFT, "label": TA_LEFT, "ui": TA_CENTER}
            line = [P(_x(stub_text[k]), self.cell[(aligns[k], row.total)]) for k in table.stub]
            line += [P(_x(c), self.cell[(TA_RIGHT, row.total)]) for c in row.cells]
            data.append(line)
            r = nh + i
            if s.zebra and (start + i) % 2 == 1:
                commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
            if row.total and s.grid in ("booktabs", "none"):
                commands.append(("LINEABOVE", (0, r), (-1, r), 0.6, colors.black))
        pad = s.padding
        commands += [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), max(pad, 3)),
            ("RIGHTPADDING", (0, 0), (-1, -1), max(pad, 3)),
        ]
        if header and s.shaded_header:
            commands.append(("BACKGROUND", (0, 0), (-1, nh - 1), SHADE))
        last_part = start + len(rows) == len(table.rows)
        if s.grid == "full":
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        elif s.grid == "horizontal":
            commands.append(("LINEBELOW", (0, nh), (-1, -1), 0.3, colors.HexColor("#9a9a9a")))
            if header:
                commands.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.8, colors.black))
            if last_part:
                commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black))
        elif s.grid == "booktabs":
            if header:
                commands.append(("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black))
                commands.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.8, colors.black))
            if last_part:
                commands.append(("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black))
        out = RLTable(data, colWidths=self.widths(table, width), hAlign="LEFT")
        out.setStyle(TableStyle(commands))
        return out

    def table(self, table: Table, width: float) -> list[object]:
        flow: list[object] = []
        if table.heading:
            flow.append(P(_x(table.heading), self.h[2]))
        flow.append(P(_x(table.caption), self.caption))
        if table.split_after:
            k = table.split_after
            flow.append(self.rl_table(table, table.rows[:k], 0, True, width))
            flow.append(PageBreak())
            flow.append(self.rl_table(table, table.rows[k:], k, table.repeat_header, width))
        else:
            flow.append(self.rl_table(table, table.rows, 0, True, width))
        flow.extend(P(_x(note), self.note) for note in table.notes)
        return flow

    def story(self) -> list[object]:
        doc = self.doc
        story: list[object] = []
        if doc.publisher_line:
            story.append(P(_x(doc.publisher_line), self.publisher))
        story.append(P(_x(doc.title), self.title))
        for block in doc.blocks:
            if isinstance(block, Heading):
                story.append(P(_x(block.text), self.h[block.level]))
            elif isinstance(block, Paragraph):
                story.append(P(_x(block.text), self.body))
            elif isinstance(block, Table):
                story.extend(self.table(block, self.width))
            elif isinstance(block, SideBySide):
                half = (self.width - 10 * mm) / 2
                outer = RLTable([[self.table(block.left, half), self.table(block.right, half)]],
                                colWidths=[half + 10 * mm, half], hAlign="LEFT")
                outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                           ("RIGHTPADDING", (0, 0), (0, 0), 10 * mm),
                                           ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
                story.append(KeepTogether([outer, Spacer(1, 4)]))
            elif isinstance(block, DocPageBreak):
                story.append(PageBreak())
        return story


def render(doc: Document, out: Path) -> Path:
    pagesize = landscape(A4) if doc.style.landscape else A4
    template = SimpleDocTemplate(str(out), pagesize=pagesize, leftMargin=18 * mm, rightMargin=16 * mm,
                                 topMargin=18 * mm, bottomMargin=18 * mm, title=doc.title,
                                 author=doc.publisher_line or "", creator="itdrift layout corpus",
                                 invariant=1)
    typesetter = _Typesetter(doc, template.width)
    template.build(typesetter.story())
    return out
