"""Holdout documents printed by LibreOffice Writer (producer "office"): html.py's office-flavour HTML
imported with Writer's HTML filter and exported with writer_pdf_Export (Writer's own table layout)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .html import document_html
from .model import Document


def render(doc: Document, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to regenerate the office holdout fixtures")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{doc.name}.html"
        source.write_text(document_html(doc, "office"), encoding="utf-8")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(Path(work) / "pdf"),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copyfile(Path(work) / "pdf" / f"{doc.name}.pdf", out)
    return out
