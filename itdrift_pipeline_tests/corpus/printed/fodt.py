"""Holdout documents written as a flat ODF text document (.fodt) and printed by LibreOffice Writer
(producer "office", Document.source = "fodt"): the way a clerk types a table in a word processor, with no
table object: every row is one paragraph, its figures placed by right-aligned tab stops (whitespace-aligned
columns, no rules, no cells). Header cells printed on several lines become several tab-separated lines.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from ..printers import writer_pdf
from .model import RED_NO_SIGN, Document, Heading, PageBreak, Para, Table, TwoColumns

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"'
)


def _t(text: str) -> str:
    """Text content: tabs as <text:tab/>, runs of spaces kept."""
    out = []
    for i, part in enumerate(text.split("\t")):
        if i:
            out.append("<text:tab/>")
        chunk = escape(part)
        # keep leading / repeated spaces (indents)
        stripped = chunk.lstrip(" ")
        lead = len(chunk) - len(stripped)
        if lead:
            out.append(f'<text:s text:c="{lead}"/>')
        out.append(stripped)
    return "".join(out)


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.styles: list[str] = []
        self.n = 0

    def tab_style(self, table: Table, *, bold: bool, size: float) -> str:
        self.n += 1
        name = f"T{self.n}"
        stops = []
        if "code" in table.stub:
            stops.append('<style:tab-stop style:position="10mm"/>')
        for pos in table.tab_stops or ():
            stops.append(f'<style:tab-stop style:position="{pos}mm" style:type="right"/>')
        weight = ' fo:font-weight="bold"' if bold else ""
        self.styles.append(
            f'<style:style style:name="{name}" style:family="paragraph">'
            '<style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="0.6mm">'
            f"<style:tab-stops>{''.join(stops)}</style:tab-stops></style:paragraph-properties>"
            f'<style:text-properties fo:font-size="{size}pt"{weight}/></style:style>'
        )
        return name

    def table(self, table: Table) -> list[str]:
        size = table.font_size
        head = self.tab_style(table, bold=True, size=size)
        body = self.tab_style(table, bold=False, size=size)
        total = self.tab_style(table, bold=True, size=size)
        out = [f'<text:p text:style-name="Caption">{_t(table.caption)}</text:p>']
        if table.unit_line:
            out.append(f'<text:p text:style-name="Note">{_t(table.unit_line)}</text:p>')
        # Header: every header row's cells, each cell's printed lines, as tab-separated lines.
        nstub = len(table.stub)
        for hrow in table.header:
            cells: list[str] = []
            for cell in hrow:
                cells.extend([cell.text] + [""] * (cell.span - 1))
            lines = max(len(c.split("\n")) for c in cells)
            for k in range(lines):
                parts = []
                for c in cells:
                    split = c.split("\n")
                    # bottom-align the header lines
                    pad = lines - len(split)
                    parts.append(split[k - pad] if k >= pad else "")
                stub = parts[:nstub]
                text = "\t".join(stub if "code" in table.stub else stub[:1]) + "\t" + "\t".join(parts[nstub:])
                out.append(f'<text:p text:style-name="{head}">{_t(text)}</text:p>')
        for row in table.rows:
            style = total if row.kind in ("subtotal", "total") else body
            label = " " * (3 * row.indent) + row.label.replace("\n", " ")
            stub = [row.code or "", label] if "code" in table.stub else [label]
            cells = [c.removeprefix(RED_NO_SIGN) for c in row.cells] if row.cells else []
            text = "\t".join(stub) + ("\t" + "\t".join(cells) if cells else "")
            out.append(f'<text:p text:style-name="{style}">{_t(text)}</text:p>')
        out.extend(f'<text:p text:style-name="Note">{_t(n)}</text:p>' for n in table.notes)
        return out

    def blocks(self, blocks: list) -> list[str]:
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Heading):
                out.append(f'<text:p text:style-name="H{block.level}">{_t(block.text)}</text:p>')
            elif isinstance(block, Para):
                style = "Small" if block.small else "Body"
                out.append(f'<text:p text:style-name="{style}">{_t(block.text)}</text:p>')
            elif isinstance(block, Table):
                out.extend(self.table(block))
            elif isinstance(block, TwoColumns):
                out.extend(self.blocks(block.left + block.right))
            elif isinstance(block, PageBreak):
                out.append('<text:p text:style-name="Break"/>')
        return out

    def document(self) -> str:
        doc = self.doc
        content = [
            f'<text:p text:style-name="Publisher">{_t(doc.publisher)}</text:p>',
            f'<text:p text:style-name="Title">{_t(doc.title)}</text:p>',
            *self.blocks(doc.blocks),
        ]
        font = "Liberation Serif" if doc.font == "serif" else "Liberation Sans"
        width, height = ("297mm", "210mm") if doc.landscape else ("210mm", "297mm")
        fixed = f"""
<style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="{font}"
 fo:font-family="{font}" fo:font-size="10pt"/></style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-bottom="2mm" fo:text-align="justify"/></style:style>
<style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-bottom="1.5mm"/><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="0.8mm" fo:margin-bottom="2mm"/>
 <style:text-properties fo:font-size="7.5pt" fo:font-style="italic"/></style:style>
<style:style style:name="Publisher" style:family="paragraph" style:parent-style-name="Standard">
 <style:text-properties fo:font-size="9pt" fo:color="{doc.accent}"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-bottom="4mm"/>
 <style:text-properties fo:font-size="18pt" fo:color="{doc.accent}"/></style:style>
<style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="4mm" fo:margin-bottom="1.5mm" fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="12.5pt" fo:font-weight="bold" fo:color="{doc.accent}"/></style:style>
<style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="3mm" fo:margin-bottom="1mm" fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="10.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="3mm" fo:margin-bottom="1.5mm" fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="9.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:break-before="page"/></style:style>
"""
        body = "\n".join(content)
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS}>
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="{font}"/></office:font-face-decls>
<office:styles>{fixed}</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{width}"
 fo:page-height="{height}" fo:margin-top="16mm" fo:margin-bottom="16mm" fo:margin-left="20mm"
 fo:margin-right="18mm"/></style:page-layout>
{''.join(self.styles)}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def document_fodt(doc: Document) -> str:
    return _Writer(doc).document()


def render(doc: Document, out: Path) -> Path:
    """Print the document to `out` through LibreOffice Writer, from its flat ODF text."""
    return writer_pdf(document_fodt(doc), doc.name, out, kind="fodt")
