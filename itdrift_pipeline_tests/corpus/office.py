"""The seed chapter as an office-suite PDF: HTML laid out like the published chapter, printed by LibreOffice.

The reportlab corpus shows the extractor reads our own renderer; real municipal PDFs come from Word or
LibreOffice, whose tables, fonts, line heights and cell padding differ. This module writes the seed chapter
(same figures, notes and narrative as seed_chapter()) as HTML and converts it with LibreOffice Writer's PDF
export, once with ruled tables and once with borderless ones. The HTML and the PDFs are committed under
itdrift_pipeline_tests/fixtures/office/, so the tests and CI need no LibreOffice; only regenerating does:

    python -m itdrift_pipeline_tests.corpus.office        # needs `soffice` (libreoffice-writer-nogui)
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .chapters import ChapterData, NoteBlock, Paragraph, Row, Table
from .seed import seed_chapter

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "office"
OFFICE_PDF_NAME = "naestved_regnskab_2020_it_libreoffice.pdf"
OFFICE_HTML_NAME = "naestved_regnskab_2020_it_libreoffice.html"
# The same chapter with borderless tables, as many Word tables are set: nothing but white space (the cell
# padding) separates the rows.
UNRULED_PDF_NAME = "naestved_regnskab_2020_it_libreoffice_unruled.pdf"
UNRULED_HTML_NAME = "naestved_regnskab_2020_it_libreoffice_unruled.html"
MUNICIPALITY = "Næstved Kommune"

# The published chapter's typography: 10 pt body, 8.5 pt tables, 8 pt notes; figures right-aligned.
# Cells get Word's default margins (0.08 in left and right, none above and below), so the rows of a
# table are as close as the lines of one wrapped label: only the cell borders tell them apart.
_CSS = """
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; }
h1 { font-size: 14pt; font-weight: normal; margin: 0 0 2pt 0; }
h2 { font-size: 18pt; font-weight: bold; margin: 0 0 10pt 0; }
h3 { font-size: 12pt; font-weight: bold; margin: 10pt 0 6pt 0; }
h4 { font-size: 10pt; font-weight: bold; margin: 8pt 0 4pt 0; }
p { margin: 0 0 6pt 0; }
p.note { font-size: 8pt; margin: 4pt 0 4pt 0; }
table { border-collapse: collapse; font-size: 8.5pt; margin: 0 0 4pt 0; }
td, th { font-size: 8.5pt; border: 0.5pt solid #000000; padding: 0pt 5.4pt; }
th { font-weight: normal; }
td.num, th.num { text-align: right; }
td.stub, th.stub { text-align: left; }
tr.total td { font-weight: bold; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _lines(lines: tuple[str, ...]) -> str:
    return "<br>".join(_e(line) for line in lines)


def _header_rows(table: Table) -> list[str]:
    """One header row, or two when columns carry a spanning group ("Budget 2020" over its three columns)."""
    grouped = any(c.group for c in table.columns)
    span = ' rowspan="2"' if grouped else ""
    stub = []
    if table.has_code_column:
        if table.code_header is not None:
            stub.append(f'<th class="stub"{span}>{_e(table.code_header)}</th>')
            stub.append(f'<th class="stub"{span}>{_lines(table.stub_header)}</th>')
        else:
            stub.append(f'<th class="stub" colspan="2"{span}>{_lines(table.stub_header)}</th>')
    else:
        stub.append(f'<th class="stub"{span}>{_lines(table.stub_header)}</th>')
    if table.unit_header is not None:
        stub.append(f'<th class="stub"{span}>{_e(table.unit_header)}</th>')
    if not grouped:
        cells = [f'<th class="num">{_lines(c.header)}</th>' for c in table.columns]
        return ["<tr>" + "".join(stub + cells) + "</tr>"]
    groups: list[tuple[str, int]] = []
    for column in table.columns:
        if groups and groups[-1][0] == column.group:
            groups[-1] = (groups[-1][0], groups[-1][1] + 1)
        else:
            groups.append((column.group or "", 1))
    top = [f'<th colspan="{n}" style="text-align:center">{_e(g)}</th>' for g, n in groups]
    bottom = [f'<th class="num">{_lines(c.header)}</th>' for c in table.columns]
    return ["<tr>" + "".join(stub + top) + "</tr>", "<tr>" + "".join(bottom) + "</tr>"]


def _body_row(table: Table, row: Row) -> str:
    cells = []
    if table.has_code_column:
        cells.append(f'<td class="stub">{_e(row.code or "")}</td>')
    cells.append(f'<td class="stub">{_lines(row.label)}</td>')
    if table.unit_header is not None:
        cells.append(f'<td class="stub">{_e(row.unit or "")}</td>')
    for index in range(len(table.columns)):
        cells.append(f'<td class="num">{_e(table.printed(row, index))}</td>')
    css = ' class="total"' if row.is_total else ""
    return f"<tr{css}>" + "".join(cells) + "</tr>"


def _table(table: Table, ruled: bool) -> list[str]:
    # Writer takes borders and padding from the attributes, not the CSS, and centres cells vertically.
    frame = 'border="1"' if ruled else 'border="0" cellpadding="1"'
    out = [f'<table {frame} cellspacing="0" width="100%">', "<thead>", *_header_rows(table),
           "</thead>", "<tbody>"]
    out += [_body_row(table, row) for row in table.rows]
    out += ["</tbody>", "</table>"]
    out += [_note(block) for block in table.notes]
    return out


def _note(block: NoteBlock) -> str:
    return f'<p class="note">{_e(block.text)}</p>'


def _paragraph(paragraph: Paragraph) -> str:
    return f"<p>{_e(paragraph.text)}</p>"


def chapter_html(chapter: ChapterData, ruled: bool = True) -> str:
    """The chapter as one HTML document in the published order, with a running header and footer;
    ruled=False sets the tables without borders."""
    year, area = chapter.fiscal_year, chapter.policy_area
    header = (f'<div title="header"><p style="font-size:8pt">{_e(MUNICIPALITY)} – Regnskab {year}</p></div>')
    footer = (f'<div title="footer"><p style="text-align:right;font-size:8pt">'
              f"Bemærkninger til regnskab {year} – politikområde {_e(area)} "
              f'<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>')

    def break_before(section: str) -> str:
        return ' style="page-break-before: always"' if section in chapter.page_breaks else ""

    out = [
        "<!DOCTYPE html>",
        '<html lang="da"><head><meta charset="utf-8">',
        f"<title>Bemærkninger til regnskab {year} – politikområde {_e(area)}</title>",
        f"<style>{_CSS}</style></head><body>",
        header,
        footer,
        f"<h1>Bemærkninger til regnskab {year}</h1>",
        f"<h2>Politikområde {_e(area)}</h2>",
        *(_paragraph(p) for p in chapter.intro),
        f"<h3>{_e(chapter.overall_result.caption)}</h3>",
        *_table(chapter.overall_result, ruled),
    ]
    if chapter.overall_anlaeg is not None:
        out += _table(chapter.overall_anlaeg, ruled)
    opening = [_paragraph(p) for p in chapter.opening]
    if opening:
        opening[0] = opening[0].replace("<p>", f"<p{break_before('opening')}>", 1)
    out += opening
    out += [f"<h3>{_e(chapter.activity_areas.caption)}</h3>", *_table(chapter.activity_areas, ruled)]
    for table in chapter.extra_tables:
        out += [f"<h3>{_e(table.caption)}</h3>", *_table(table, ruled)]
    specific = chapter.specific_assumptions
    out += [f"<h3{break_before('specific_assumptions')}>{_e(specific.caption)}</h3>",
            f"<p>{_e(chapter.specific_intro)}</p>", *_table(specific, ruled)]
    out.append(f"<h3{break_before('notes')}>Beskrivelse af regnskabsresultatet</h3>")
    for section in chapter.notes:
        out.append(f"<h4>{_e(section.number)}. {_e(section.title)}</h4>")
        out += [_paragraph(p) for p in section.paragraphs]
    out.append("<h3>Resultat på virksomheder</h3>")
    out += [_paragraph(p) for p in chapter.institutions]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_office_fixture(out_dir: Path = FIXTURE_DIR, ruled: bool = True) -> Path:
    """Write the seed chapter's HTML and convert it to PDF with LibreOffice (soffice must be on PATH);
    returns the PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is needed to regenerate the office fixture: "
                           "apt-get install libreoffice-writer-nogui (tests use the committed PDF)")
    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / (OFFICE_HTML_NAME if ruled else UNRULED_HTML_NAME)
    source.write_text(chapter_html(seed_chapter(), ruled), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as work:
        # A throwaway profile keeps the conversion independent of any user settings; "writer_pdf_Export"
        # prints the HTML through Writer (page styles, header and footer) rather than the web layout.
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=HTML (StarWriter)",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=180,
        )
        target = out_dir / (OFFICE_PDF_NAME if ruled else UNRULED_PDF_NAME)
        shutil.copyfile(Path(work) / (source.stem + ".pdf"), target)
    return target


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else FIXTURE_DIR
    for ruled in (True, False):
        pdf = write_office_fixture(out_dir, ruled)
        print(f"{pdf} ({pdf.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
