"""Holdout documents printed by LibreOffice Writer (producer "office"): html.py's office-flavour HTML
imported with Writer's HTML filter and exported with writer_pdf_Export (Writer's own table layout)."""

from __future__ import annotations

from pathlib import Path

from ..printers import writer_pdf
from .html import document_html
from .model import Document


def render(doc: Document, out: Path) -> Path:
    return writer_pdf(document_html(doc, "office"), doc.name, out)
