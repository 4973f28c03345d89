"""Holdout documents typeset with reportlab's platypus (producer "reportlab"), with a running footer."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as P
from reportlab.platypus import SimpleDocTemplate, TableStyle
from reportlab.platypus import Table as RLTable

from .html import _negative, header_grid
from .model import RED_NO_SIGN, Document, Heading, PageBreak, Para, Row, Table, TwoColumns

FONTS = {
    "sans": ("Helvetica", "Helvetica-Bold", "Helvetica-BoldOblique"),
    "serif": ("Times-Roman", "Times-Bold", "Times-BoldItalic"),
}
ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


class _Typesetter:
    def __init__(self, doc: Document, width: float) -> None:
        self.doc, self.width = doc, width
        regular, bold, bolditalic = FONTS[doc.font]
        self.regular, self.bold, self.bolditalic = regular, bold, bolditalic
        accent = colors.HexColor(doc.accent)
        self.body = ParagraphStyle(
            "body", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=5, alignment=TA_JUSTIFY
        )
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.publisher = ParagraphStyle("pub", parent=self.body, fontSize=8.5, textColor=accent, spaceAfter=2)
        self.title = ParagraphStyle(
            "title",
            parent=self.body,
            fontSize=18,
            leading=22,
            spaceAfter=8,
            textColor=accent,
            alignment=TA_LEFT,
        )
        self.h = {
            1: ParagraphStyle(
                "h2",
                parent=self.body,
                fontName=bold,
                fontSize=12.5,
                leading=15,
                spaceBefore=8,
                spaceAfter=4,
                textColor=accent,
                alignment=TA_LEFT,
            ),
            2: ParagraphStyle(
                "h3",
                parent=self.body,
                fontName=bold,
                fontSize=10.5,
                leading=13,
                spaceBefore=6,
                spaceAfter=3,
                alignment=TA_LEFT,
            ),
        }
        self.caption = {
            "bold": ParagraphStyle(
                "cap",
                parent=self.body,
                fontName=bold,
                fontSize=9,
                leading=11,
                spaceBefore=6,
                spaceAfter=3,
                alignment=TA_LEFT,
            ),
            "italic": ParagraphStyle(
                "capi",
                parent=self.body,
                fontName=regular,
                fontSize=9,
                leading=11,
                spaceBefore=6,
                spaceAfter=3,
                alignment=TA_LEFT,
            ),
        }
        self.note = ParagraphStyle(
            "note", parent=self.body, fontSize=7, leading=8.5, spaceBefore=1, spaceAfter=5, alignment=TA_LEFT
        )

    def cell(self, table: Table, text: str, align: str, font: str, indent: int = 0) -> P:
        size = table.font_size
        style = ParagraphStyle(
            "c",
            fontName=font,
            fontSize=size,
            leading=size * 1.2,
            alignment=ALIGN[align],
            leftIndent=indent * 9,
        )
        body = _x(text.removeprefix(RED_NO_SIGN))
        if text.startswith(RED_NO_SIGN) or table.red_negatives and _negative(text):
            body = f'<font color="#c00000">{body}</font>'
        return P(body, style)

    def widths(self, table: Table, width: float) -> list[float]:
        if table.widths:
            return [w * mm for w in table.widths]
        n = len(table.columns)
        figure = min(22 * mm, width * 0.64 / max(n, 1))
        extra = {"code": 9 * mm, "ui": 8 * mm}
        fixed = sum(extra.get(k, 0) for k in table.stub)
        label = width - figure * n - fixed
        return [extra.get(k, label) for k in table.stub] + [figure] * n

    def rl_table(
        self, table: Table, rows: tuple[Row, ...], start: int, header: bool, width: float
    ) -> RLTable:
        nstub, ncol = len(table.stub), len(table.stub) + len(table.columns)
        data: list[list[object]] = []
        cmds: list[tuple] = []
        nh = len(table.header) if header else 0
        bar = 1 if table.boxed and header else 0
        if bar:
            accent = colors.HexColor(self.doc.accent)
            style = ParagraphStyle("bar", fontName=self.bold, fontSize=table.font_size + 1,
                                   leading=(table.font_size + 1) * 1.25, textColor=colors.white)
            data.append([P(_x(table.caption), style)] + [""] * (ncol - 1))
            cmds += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), accent)]
        if header:
            grid = [["" for _ in range(ncol)] for _ in table.header]
            for i, placed in enumerate(header_grid(table)):
                for col, cell in placed:
                    stub = col < nstub
                    align = cell.align or (
                        "left" if stub else "center" if cell.span > 1 else table.columns[col - nstub].align
                    )
                    grid[i][col] = self.cell(table, cell.text, align, self.bold)
                    if cell.span > 1 or cell.rows > 1:
                        cmds.append(("SPAN", (col, i + bar), (col + cell.span - 1, i + bar + cell.rows - 1)))
                    if cell.span > 1 and not stub and table.grid in ("booktabs", "horizontal"):
                        cmds.append(("LINEBELOW", (col, i + bar), (col + cell.span - 1, i + bar), 0.4,
                                     colors.black))
            data.extend(grid)
            nh += bar
        for i, row in enumerate(rows):
            r = nh + i
            font = self.bold if row.kind in ("subtotal", "total") else self.regular
            line: list[object] = []
            for k in table.stub:
                if k == "label":
                    f = self.bolditalic if row.kind == "group" else font
                    line.append(self.cell(table, row.label, "left", f, row.indent))
                elif k == "code":
                    line.append(self.cell(table, row.code or "", "left", font))
                else:
                    line.append(self.cell(table, row.ui or "", "center", font))
            texts = row.cells or ("",) * len(table.columns)
            line += [self.cell(table, t, c.align, font) for c, t in zip(table.columns, texts, strict=True)]
            data.append(line)
            if table.zebra and (start + i) % 2 == 1 and row.kind == "data":
                cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#eef2f7")))
            if table.grid == "vertical":
                pass
            elif row.kind == "total":
                cmds.append(("LINEABOVE", (0, r), (-1, r), 0.8, colors.black))
                if table.double_rule_total:
                    cmds.append(("LINEBELOW", (0, r), (-1, r), 0.6, colors.black, None, None, None, 2, 1.6))
            elif row.kind == "subtotal" and table.grid != "full":
                cmds.append(("LINEABOVE", (0, r), (-1, r), 0.5, colors.black))
            elif table.grid == "horizontal":
                cmds.append(("LINEBELOW", (0, r), (-1, r), 0.3, colors.HexColor("#a6a6a6")))
            if table.total_shade and row.kind in ("subtotal", "total"):
                cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#d9d9d9")))
        cmds += [
            ("VALIGN", (0, 0), (-1, -1), table.valign.upper()),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            cmds.append(("VALIGN", (0, bar), (-1, nh - 1), "BOTTOM"))
        if header and (table.shaded or table.header_shade):
            shade = colors.HexColor(table.header_shade or "#dde6f0")
            cmds.append(("BACKGROUND", (0, bar), (-1, nh - 1), shade))
        if table.boxed:
            cmds.append(("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor(self.doc.accent)))
        last_part = start + len(rows) == len(table.rows)
        if table.grid == "full":
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f7f7f")))
        elif table.grid == "vertical":
            cmds.append(("LINEAFTER", (0, 0), (-2, -1), 0.6, colors.black))
            cmds.append(("LINEBEFORE", (0, 0), (0, -1), 0.6, colors.black))
            cmds.append(("LINEAFTER", (-1, 0), (-1, -1), 0.6, colors.black))
        elif table.grid in ("horizontal", "booktabs"):
            if header:
                if table.grid == "booktabs":
                    cmds.append(("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black))
                cmds.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.9, colors.black))
            if last_part and table.grid == "booktabs" and rows[-1].kind != "total":
                cmds.append(("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black))
        out = RLTable(data, colWidths=self.widths(table, width), hAlign="LEFT", repeatRows=0)
        out.setStyle(TableStyle(cmds))
        return out

    def table(self, table: Table, width: float) -> list[object]:
        style = self.caption[table.caption_style]
        if table.tight:
            style = ParagraphStyle("capt", parent=style, spaceBefore=1)
        flow: list[object] = [] if table.boxed else [P(_x(table.caption), style)]
        if table.unit_line:
            w = sum(self.widths(table, width))
            unit = ParagraphStyle("unit", parent=self.note, fontSize=7.5, spaceBefore=0, spaceAfter=1,
                                  alignment=TA_RIGHT)
            line = RLTable([[P(_x(table.unit_line), unit)]], colWidths=[w], hAlign="LEFT")
            line.setStyle(TableStyle([
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]))
            flow.append(line)
        if table.split_after:
            k = table.split_after
            flow.append(self.rl_table(table, table.rows[:k], 0, True, width))
            flow.append(RLPageBreak())
            flow.append(self.rl_table(table, table.rows[k:], k, table.repeat_header, width))
        else:
            flow.append(self.rl_table(table, table.rows, 0, True, width))
        flow.extend(P(_x(note), self.note) for note in table.notes)
        return flow

    def blocks(self, blocks: list, width: float) -> list[object]:
        story: list[object] = []
        for block in blocks:
            if isinstance(block, Heading):
                story.append(P(_x(block.text), self.h[block.level]))
            elif isinstance(block, Para):
                story.append(P(_x(block.text), self.small if block.small else self.body))
            elif isinstance(block, Table):
                story.extend(self.table(block, width))
            elif isinstance(block, TwoColumns):
                gap = 8 * mm
                half = (width - gap) / 2
                outer = RLTable(
                    [[self.blocks(block.left, half), self.blocks(block.right, half)]],
                    colWidths=[half + gap, half],
                    hAlign="LEFT",
                )
                outer.setStyle(
                    TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (0, 0), gap),
                            ("RIGHTPADDING", (1, 0), (1, 0), 0),
                        ]
                    )
                )
                story.append(outer)
            elif isinstance(block, PageBreak):
                story.append(RLPageBreak())
        return story

    def story(self) -> list[object]:
        doc = self.doc
        return [
            P(_x(doc.publisher), self.publisher),
            P(_x(doc.title), self.title),
            *self.blocks(doc.blocks, self.width),
        ]


def render(doc: Document, out: Path, creator: str = "itdrift holdout corpus") -> Path:
    pagesize = landscape(A4) if doc.landscape else A4
    template = SimpleDocTemplate(
        str(out),
        pagesize=pagesize,
        leftMargin=18 * mm,
        rightMargin=15 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=doc.title,
        author=doc.publisher,
        creator=creator,
        invariant=1,
    )
    footer = doc.running_footer
    running = doc.running_header

    def on_page(canvas, document) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(FONTS[doc.font][0], 7.5)
        canvas.setFillColor(colors.HexColor("#595959"))
        if footer:
            canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(pagesize[0] - 15 * mm, 10 * mm, f"Side {document.page}")
        if running:
            top = pagesize[1] - 10 * mm
            canvas.drawString(18 * mm, top, running)
            canvas.setStrokeColor(colors.HexColor("#7f7f7f"))
            canvas.setLineWidth(0.4)
            canvas.line(18 * mm, top - 1.8 * mm, pagesize[0] - 15 * mm, top - 1.8 * mm)
        canvas.restoreState()

    template.build(_Typesetter(doc, template.width).story(), onFirstPage=on_page, onLaterPages=on_page)
    return out
