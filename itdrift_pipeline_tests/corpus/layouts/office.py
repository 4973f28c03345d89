"""Layout-corpus documents printed by LibreOffice Writer (producer "office").

The HTML of html.py (office flavour: side-by-side tables in a borderless layout table) is imported with
Writer's HTML filter and exported with writer_pdf_Export, as itdrift_pipeline_tests/corpus/office.py does
for the seed chapter: Writer's own table layout, line heights and fonts, like a Word-made document.
"""

from __future__ import annotations

from pathlib import Path

from ..printers import writer_pdf
from .documents import Document
from .html import document_html


def render(doc: Document, out: Path) -> Path:
    return writer_pdf(document_html(doc, "office"), doc.name, out)
