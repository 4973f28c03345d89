"""Lays out accounts chapters on PDF pages the way a Word-made accounts book looks, with reportlab's canvas.

Drawing directly on the canvas keeps page breaks under our control, so the Layout records the page of
every printed row, note and paragraph: the page numbers of the ground truth.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .chapters import ChapterData, NoteBlock, Paragraph, Row, Table

# Overview chart under the overall result, as in the published chapter: legend only, no printed figures.
CHART_LEGEND = ("Regnskab 2018", "Regnskab 2019")


@dataclass(frozen=True)
class LayoutStyle:
    """How a book is typeset; variants of the corpus are styles of the same renderer."""

    name: str = "naestved"
    municipality: str = "Næstved Kommune"
    font: str = "Helvetica"
    bold_font: str = "Helvetica-Bold"
    body_size: float = 10
    table_size: float = 8.5
    note_size: float = 8
    heading_size: float = 12
    leading: float = 1.25  # line height as a multiple of the font size
    margin_left: float = 57
    margin_right: float = 57
    margin_top: float = 70
    margin_bottom: float = 60
    paragraph_gap: float = 6
    cell_padding: float = 3
    ruled: bool = True  # ruling lines around table cells; False = whitespace-aligned columns
    negative: str = "minus"  # "minus" '-1.827', "dash" '–1.827', "paren" '(1.827)'


DEFAULT_STYLE = LayoutStyle()


@dataclass
class Layout:
    """Where the renderer put things: 1-based pages, keyed by policy area and the element's position."""

    style: LayoutStyle = DEFAULT_STYLE
    pages: int = 0
    fiscal_year: int | None = None
    row_pages: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (area, table key, row)
    table_pages: dict[tuple[str, str], int] = field(default_factory=dict)  # first page of a table
    note_pages: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (area, table key, block)
    paragraph_pages: dict[tuple[str, int], int] = field(default_factory=dict)  # index in chapter.paragraphs
    chapter_pages: dict[str, tuple[int, int]] = field(default_factory=dict)
    committees: dict[str, str | None] = field(default_factory=dict)  # as printed in the document


class _PageWriter:
    """A cursor over pages: running header and footer, and the vertical position of the next line."""

    def __init__(self, canvas: Canvas, style: LayoutStyle, fiscal_year: int) -> None:
        self.canvas = canvas
        self.style = style
        self.fiscal_year = fiscal_year
        self.page = 0
        self.width, self.height = A4
        self.y = 0.0
        self.footer_area: str | None = None

    @property
    def text_width(self) -> float:
        return self.width - self.style.margin_left - self.style.margin_right

    @property
    def left(self) -> float:
        return self.style.margin_left

    def new_page(self, size: tuple[float, float] = A4, running: bool = True) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.width, self.height = size
        self.canvas.setPageSize(size)
        self.y = self.height - self.style.margin_top
        if running:
            self._running_header_and_footer()

    def _running_header_and_footer(self) -> None:
        style, c = self.style, self.canvas
        c.setFont(style.font, 8)
        c.drawString(self.left, self.height - 40, f"{style.municipality} – Regnskab {self.fiscal_year}")
        if self.footer_area is not None:
            footer = (f"Bemærkninger til regnskab {self.fiscal_year} – politikområde {self.footer_area} "
                      f"{self.page}")
            c.drawRightString(self.width - style.margin_right, 35, footer)

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` points still fit above the bottom margin."""
        if self.y - height < self.style.margin_bottom:
            self.new_page((self.width, self.height))

    def line_height(self, size: float) -> float:
        return size * self.style.leading

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        """Greedy word wrap; words are never split, so joined lines give back the text."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if current and stringWidth(candidate, font, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        return lines

    def text_block(self, text: str, *, size: float, bold: bool = False, gap_after: float | None = None,
                   keep_with_next: float = 0, width: float | None = None) -> int:
        """Draw a wrapped block kept on one page; returns its page."""
        font = self.style.bold_font if bold else self.style.font
        lines = self.wrap(text, font, size, width or self.text_width)
        step = self.line_height(size)
        self.ensure(step * len(lines) + keep_with_next)
        self.canvas.setFont(font, size)
        for line in lines:
            self.y -= step
            self.canvas.drawString(self.left, self.y + size * 0.25, line)
        self.y -= self.style.paragraph_gap if gap_after is None else gap_after
        return self.page


# --- Tables -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grid:
    """Column edges of a table: stub columns (code, label, Enhed) then value columns."""

    code: tuple[float, float] | None
    label: tuple[float, float]
    unit: tuple[float, float] | None
    values: tuple[tuple[float, float], ...]

    @property
    def edges(self) -> list[float]:
        cells = [c for c in (self.code, self.label, self.unit) if c] + list(self.values)
        return [cells[0][0]] + [right for _, right in cells]


class _TableRenderer:
    def __init__(self, writer: _PageWriter, table: Table) -> None:
        self.w = writer
        self.table = table
        self.style = writer.style
        self.size = self.style.table_size
        self.step = writer.line_height(self.size)
        self.pad = self.style.cell_padding
        self.grid = self._grid()

    def cell_text(self, row: Row, index: int) -> str:
        return self.table.printed(row, index, self.style.negative)

    def _grid(self) -> _Grid:
        table, font, size, pad = self.table, self.style.font, self.size, self.pad
        x = self.w.left
        right_edge = x + self.w.text_width
        value_widths = []
        for i, column in enumerate(table.columns):
            texts = list(column.header) + [self.cell_text(r, i) for r in table.rows]
            widest = max(stringWidth(t, self.style.bold_font, size) for t in texts)
            value_widths.append(max(widest + 2 * pad, 46.0))
        code = unit = None
        if table.has_code_column:
            code_width = max([stringWidth(r.code or "", font, size) for r in table.rows]
                             + [stringWidth(table.code_header or "", font, size)]) + 2 * pad
            code = (x, x + max(code_width, 24.0))
            x = code[1]
        unit_width = 0.0
        if table.unit_header is not None:
            unit_width = max([stringWidth(r.unit or "", font, size) for r in table.rows]
                             + [stringWidth(table.unit_header, font, size)]) + 2 * pad
        label_right = right_edge - sum(value_widths) - unit_width
        label = (x, label_right)
        if table.unit_header is not None:
            unit = (label_right, label_right + unit_width)
        values = []
        left = right_edge - sum(value_widths)
        for width in value_widths:
            values.append((left, left + width))
            left += width
        return _Grid(code, label, unit, tuple(values))

    # -- header

    def _has_groups(self) -> bool:
        return any(c.group for c in self.table.columns)

    def header_height(self) -> float:
        column_lines = max(len(c.header) for c in self.table.columns) + (1 if self._has_groups() else 0)
        return max(column_lines, len(self.table.stub_header)) * self.step + 2 * self.pad

    def draw_header(self) -> None:
        table, grid, c = self.table, self.grid, self.w.canvas
        top = self.w.y
        height = self.header_height()
        bottom = top - height
        c.setFont(self.style.font, self.size)
        stub_left = grid.code[0] if grid.code and table.code_header is None else grid.label[0]
        for i, line in enumerate(table.stub_header):
            c.drawString(stub_left + self.pad, self._baseline(top, i), line)
        if grid.code and table.code_header is not None:
            c.drawString(grid.code[0] + self.pad, self._baseline(top, 0), table.code_header)
        if grid.unit and table.unit_header is not None:
            c.drawString(grid.unit[0] + self.pad, self._baseline(top, 0), table.unit_header)
        offset = 1 if self._has_groups() else 0
        for (_, right), column in zip(grid.values, table.columns, strict=True):
            for i, line in enumerate(column.header):
                c.drawRightString(right - self.pad, self._baseline(top, i + offset), line)
        group_spans = self._group_spans()
        for group, (left, right) in group_spans.items():
            middle = (left + right) / 2
            c.drawCentredString(middle, self._baseline(top, 0), group)
        if self.style.ruled:
            c.setLineWidth(0.5)
            c.line(grid.edges[0], top, grid.edges[-1], top)
            c.line(grid.edges[0], bottom, grid.edges[-1], bottom)
            group_line = top - self.step - self.pad
            for left, right in group_spans.values():
                c.line(left, group_line, right, group_line)
            spanned = {x for left, right in group_spans.values() for x in (left, right)}
            inner = {x for left, right in group_spans.values() for x in self._edges_between(left, right)}
            for x in self._header_edges():
                c.line(x, bottom, x, group_line if x in inner and x not in spanned else top)
        self.w.y = bottom

    def _header_edges(self) -> list[float]:
        edges = self.grid.edges
        if self.grid.code and self.table.code_header is None:
            edges = [e for e in edges if e != self.grid.code[1]]
        return edges

    def _edges_between(self, left: float, right: float) -> list[float]:
        return [x for x in self.grid.edges if left < x < right]

    def _group_spans(self) -> dict[str, tuple[float, float]]:
        spans: dict[str, tuple[float, float]] = {}
        for (left, right), column in zip(self.grid.values, self.table.columns, strict=True):
            if column.group:
                first = spans.get(column.group, (left, right))
                spans[column.group] = (first[0], right)
        return spans

    def _baseline(self, top: float, line: int) -> float:
        return top - self.pad - (line + 1) * self.step + self.size * 0.25

    # -- body

    def _label_lines(self, row: Row) -> list[str]:
        font = self.style.bold_font if row.is_total else self.style.font
        width = self.grid.label[1] - self.grid.label[0] - 2 * self.pad
        return [wrapped for line in row.label for wrapped in self.w.wrap(line, font, self.size, width)]

    def row_height(self, row: Row) -> float:
        return len(self._label_lines(row)) * self.step + 2 * self.pad

    def draw(self, layout: Layout, policy_area: str) -> None:
        min_start = self.header_height() + self.row_height(self.table.rows[0]) * min(2, len(self.table.rows))
        self.w.ensure(min_start)
        layout.table_pages[(policy_area, self.table.key)] = self.w.page
        self.draw_header()
        for index, row in enumerate(self.table.rows):
            height = self.row_height(row)
            if self.w.y - height < self.style.margin_bottom:
                self.w.new_page((self.w.width, self.w.height))
                if self.table.repeat_header:
                    self.draw_header()
                elif self.style.ruled:
                    self.w.canvas.line(self.grid.edges[0], self.w.y, self.grid.edges[-1], self.w.y)
            self._draw_row(row, height)
            layout.row_pages[(policy_area, self.table.key, index)] = self.w.page

    def _draw_row(self, row: Row, height: float) -> None:
        c, grid, top = self.w.canvas, self.grid, self.w.y
        font = self.style.bold_font if row.is_total else self.style.font
        c.setFont(font, self.size)
        lines = self._label_lines(row)
        for i, line in enumerate(lines):
            c.drawString(grid.label[0] + self.pad, self._baseline(top, i), line)
        if grid.code and row.code:
            c.drawString(grid.code[0] + self.pad, self._baseline(top, 0), row.code)
        if grid.unit and row.unit:
            c.drawString(grid.unit[0] + self.pad, self._baseline(top, 0), row.unit)
        # Figures sit on the label's last line, as Word's bottom-aligned cells print them.
        baseline = self._baseline(top, len(lines) - 1)
        for index, (_, right) in enumerate(grid.values):
            text = self.cell_text(row, index)
            if text:
                c.drawRightString(right - self.pad, baseline, text)
        bottom = top - height
        if self.style.ruled:
            c.setLineWidth(0.5)
            c.line(grid.edges[0], bottom, grid.edges[-1], bottom)
            for x in grid.edges:
                c.line(x, bottom, x, top)
        self.w.y = bottom


# --- Chapters ---------------------------------------------------------------------------------------


class _ChapterRenderer:
    def __init__(self, writer: _PageWriter, layout: Layout, chapter: ChapterData) -> None:
        self.w = writer
        self.layout = layout
        self.chapter = chapter
        self.style = writer.style
        self.area = chapter.policy_area
        self._paragraph_index = 0

    def render(self, committee_heading: str | None) -> None:
        chapter, w, style = self.chapter, self.w, self.style
        w.footer_area = chapter.policy_area
        w.new_page()
        first_page = w.page
        if committee_heading:
            w.text_block(committee_heading, size=16, bold=True, gap_after=14)
        w.text_block(f"Bemærkninger til regnskab {chapter.fiscal_year}", size=14, gap_after=2)
        w.text_block(f"Politikområde {chapter.policy_area}", size=18, bold=True, gap_after=12)
        for paragraph in chapter.intro:
            w.text_block(paragraph.text, size=style.body_size)

        self._heading(chapter.overall_result.caption)
        self._table(chapter.overall_result)
        if chapter.overall_anlaeg is not None:
            self._table(chapter.overall_anlaeg)
        if chapter.chart:
            self._chart()

        self._break("opening")
        for paragraph in chapter.opening:
            self._paragraph(paragraph)

        self._heading(chapter.activity_areas.caption)
        self._table(chapter.activity_areas)
        for table in chapter.extra_tables:
            self._heading(table.caption)
            self._table(table)

        self._break("specific_assumptions")
        self._heading(chapter.specific_assumptions.caption)
        w.text_block(chapter.specific_intro, size=style.body_size)
        self._table(chapter.specific_assumptions)

        self._break("notes")
        self._heading("Beskrivelse af regnskabsresultatet")
        for section in chapter.notes:
            w.text_block(f"{section.number}. {section.title}", size=style.body_size, bold=True, gap_after=4,
                         keep_with_next=3 * w.line_height(style.body_size))
            for paragraph in section.paragraphs:
                self._paragraph(paragraph)

        self._heading("Resultat på virksomheder")
        for paragraph in chapter.institutions:
            w.text_block(paragraph.text, size=style.body_size)

        if chapter.long_listing is not None:
            self._long_listing(chapter.long_listing)
        self.layout.chapter_pages[self.area] = (first_page, w.page)

    def _break(self, section: str) -> None:
        if section in self.chapter.page_breaks:
            self.w.new_page()

    def _heading(self, text: str) -> None:
        size = self.style.heading_size
        self.w.y -= 6
        self.w.text_block(text, size=size, bold=True, gap_after=6, keep_with_next=60)

    def _paragraph(self, paragraph: Paragraph) -> None:
        page = self.w.text_block(paragraph.text, size=self.style.body_size)
        self.layout.paragraph_pages[(self.area, self._paragraph_index)] = page
        self._paragraph_index += 1

    def _table(self, table: Table) -> None:
        _TableRenderer(self.w, table).draw(self.layout, self.area)
        self.w.y -= 8
        for index, block in enumerate(table.notes):
            self._note(table, index, block)

    def _note(self, table: Table, index: int, block: NoteBlock) -> None:
        page = self.w.text_block(block.text, size=self.style.note_size, gap_after=4)
        self.layout.note_pages[(self.area, table.key, index)] = page

    def _chart(self) -> None:
        """A small bar chart of the Drift actuals of two earlier years, legend only (no printed figures)."""
        w, c = self.w, self.w.canvas
        height = 110
        w.y -= 10
        w.ensure(height)
        base, left = w.y - height + 20, w.left + 20
        drift_total = self.chapter.overall_result.rows[-1].values
        bars = [v for v in drift_total[:2] if v is not None]
        tallest = max([abs(v) for v in bars] or [1]) or 1
        shades = (0.35, 0.65)
        for i, value in enumerate(bars):
            c.setFillGray(shades[i])
            bar_height = float(abs(value) / tallest) * (height - 40)
            c.rect(left + 30 + i * 45, base, 35, bar_height, stroke=0, fill=1)
        c.setFont(self.style.font, 8)
        for i, legend in enumerate(CHART_LEGEND):
            c.setFillGray(shades[i])
            c.rect(left + 160, base + 40 - i * 14, 7, 7, stroke=0, fill=1)
            c.setFillGray(0)
            c.drawString(left + 171, base + 40 - i * 14, legend)
        c.setFillGray(0)
        w.y -= height

    def _long_listing(self, table: Table) -> None:
        """One very long page, as an account listing exported from the ledger system prints."""
        renderer_height = sum(_TableRenderer(self.w, table).row_height(r) for r in table.rows)
        page_height = self.style.margin_top + self.style.margin_bottom + renderer_height + 200
        self.w.new_page((842, max(page_height, 9000)))
        self._heading(table.caption)
        self._table(table)


def render_chapters(chapters: Sequence[ChapterData], path: str | Path | None = None,
                    style: LayoutStyle = DEFAULT_STYLE, *, title_page: bool = False,
                    committee_headings: bool = False) -> Layout:
    """Render chapters into one PDF (to `path`, or in memory when None) and return where things landed.

    The book has a title page and prints each committee's name above its first chapter.
    """
    if not chapters:
        raise ValueError("render_chapters needs at least one chapter")
    fiscal_year = chapters[0].fiscal_year
    buffer = io.BytesIO()
    # invariant=1 fixes the creation date and document id, so a re-render gives the same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(f"{style.municipality} – Regnskab {fiscal_year}")
    canvas.setAuthor(style.municipality)
    canvas.setCreator("itdrift_pipeline_tests.corpus")
    writer = _PageWriter(canvas, style, fiscal_year)
    layout = Layout(style=style, fiscal_year=fiscal_year)
    if title_page:
        _title_page(writer, fiscal_year)
    previous_committee = None
    for chapter in chapters:
        heading = None
        if committee_headings and chapter.committee and chapter.committee != previous_committee:
            heading = chapter.committee
        previous_committee = chapter.committee
        layout.committees[chapter.policy_area] = chapter.committee if committee_headings else None
        _ChapterRenderer(writer, layout, chapter).render(heading)
    canvas.showPage()
    canvas.save()
    layout.pages = writer.page
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(buffer.getvalue())
    return layout


def render_chapter_pdf(chapter: ChapterData, path: str | Path | None = None,
                       style: LayoutStyle = DEFAULT_STYLE) -> Layout:
    """One chapter on its own, as the municipality publishes each chapter as a separate PDF."""
    return render_chapters([chapter], path, style)


def _title_page(writer: _PageWriter, fiscal_year: int) -> None:
    writer.new_page(running=False)
    c, style = writer.canvas, writer.style
    c.setFont(style.bold_font, 32)
    c.drawCentredString(writer.width / 2, writer.height * 0.62, style.municipality)
    c.setFont(style.font, 24)
    c.drawCentredString(writer.width / 2, writer.height * 0.62 - 44, f"Regnskab {fiscal_year}")
