"""Images of the printed source in Dagster metadata: the cells a failed check names, and what was read where.

Embedded as PNG data URIs in markdown (the Dagster UI renders those), so they need no file server; kept
small: crops of the first cells of a check only, and overviews of the pages that hold tables only.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium

from itdrift_pipeline.defs.markdown import markdown_table
from itdrift_pipeline.model import TABLE_FAMILIES, ExtractionResult, Finding
from itdrift_pipeline.sources import SourcePageError, SourcePdf, format_bbox, png_bytes

# A check's metadata embeds crops of its first findings only; the rest are named in the table.
CROPPED_FINDINGS = 12
# Page overviews at 3/4 of screen resolution: readable boxes, a few tens of kB per page.
OVERVIEW_SCALE = 0.75
FAMILY_COLOURS = {
    "overall_result": (25, 90, 200),
    "activity_areas": (20, 140, 60),
    "specific_assumptions": (230, 120, 0),
    "other": (150, 40, 170),
}
assert set(FAMILY_COLOURS) == set(TABLE_FAMILIES), "a table family without an overview colour"


def _image_markdown(png: bytes, alt: str) -> str:
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"


def _cell_crop(pdf: SourcePdf, page: int | None, bbox: Sequence[float] | None, alt: str) -> str:
    if page is None:
        return ""
    try:
        image, crop = pdf.crop(page, tuple(bbox) if bbox is not None else None)  # type: ignore[arg-type]
    except SourcePageError:
        return ""
    if bbox is None:
        image = image.resize((image.width // 3, image.height // 3))  # a whole page: a thumbnail
    return _image_markdown(png_bytes(image, crop, pdf.sha256), alt)


def _cell_name(finding: Finding) -> str:
    row = " ".join(part for part in (finding.row_code, finding.row_label) if part)
    column = " ".join(str(part) for part in (finding.phase, finding.fiscal_year) if part)
    return " · ".join(part for part in (finding.policy_area, finding.table_title, row, column) if part)


OFFENDING_COLUMNS = ("severity", "rule", "cell", "page", "bbox", "source", "compared with")


def offending_cells_markdown(findings: Sequence[Finding], pdf_path: Path | None) -> str:
    """Each finding's cell (page, box) and the cell it is compared with, with crops of the first few."""
    with contextlib.ExitStack() as stack:
        pdf = None
        if pdf_path is not None:
            try:
                pdf = stack.enter_context(SourcePdf(pdf_path))
            except pdfium.PdfiumError:
                pdf = None
        rows = []
        for number, finding in enumerate(findings):
            shown = compared = ""
            if pdf is not None and number < CROPPED_FINDINGS:
                shown = _cell_crop(pdf, finding.page, finding.bbox, "cell")
                compared = _cell_crop(pdf, finding.compared_page, finding.compared_bbox, "compared cell")
            if finding.compared_page is not None and not compared:
                compared = f"p. {finding.compared_page} {format_bbox(finding.compared_bbox)}"
            rows.append([finding.severity, finding.rule, _cell_name(finding), finding.page,
                         format_bbox(finding.bbox), shown, compared])
    table = markdown_table(OFFENDING_COLUMNS, rows)
    if len(findings) > CROPPED_FINDINGS and pdf_path is not None:
        table += f"\n\n_crops of the first {CROPPED_FINDINGS} of {len(findings)} findings_"
    return table


def table_page_overviews(extraction: ExtractionResult, pdf_path: Path) -> str:
    """One image per page that holds read figures, every figure's box outlined in its table family's
    colour; the pages without tables are not rendered."""
    by_page: dict[int, list] = {}
    for fact in extraction.facts:
        if fact.bbox is not None:
            by_page.setdefault(fact.page, []).append((fact.bbox, FAMILY_COLOURS[fact.table]))
    legend = ", ".join(f"{family}: rgb{colour}" for family, colour in FAMILY_COLOURS.items())
    sections = [f"Boxes by table family ({legend})."]
    with SourcePdf(pdf_path, extraction.document.sha256, scale=OVERVIEW_SCALE) as pdf:
        for page, boxes in sorted(by_page.items()):
            # 32 colours keep black text, grey rules and the four family colours, at a third of the bytes.
            image = pdf.overview(page, boxes).quantize(colors=32)
            crop_of_page = pdf.crop(page, None)[1]
            png = png_bytes(image, crop_of_page, pdf.sha256)
            image_markdown = _image_markdown(png, f"page {page}")
            sections.append(f"### Page {page}: {len(boxes)} figures\n\n{image_markdown}")
    return "\n\n".join(sections)
