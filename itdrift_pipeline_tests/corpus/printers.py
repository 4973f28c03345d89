"""The two external printers of the layout and holdout corpora, driven one way: an HTML document printed by
headless Chromium, or imported by LibreOffice Writer's HTML filter and exported with writer_pdf_Export
(Writer's own table layout, line heights and fonts, like a Word-made document). Each runs with a
throwaway profile, so no user settings enter the PDF.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer")


def chromium_pdf(html: str, name: str, out: Path) -> Path:
    """Print the HTML document `name` to `out` with headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        raise RuntimeError("chromium is needed to regenerate the html fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}",
             source.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    return out


def writer_pdf(text: str, name: str, out: Path, kind: str = "html") -> Path:
    """Print the document `name` to `out` through LibreOffice Writer: `text` is HTML (read with Writer's
    HTML filter) or, with kind="fodt", a flat ODF text document."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to regenerate the office fixtures")
    infilter = ["--infilter=HTML (StarWriter)"] if kind == "html" else []
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{name}.{kind}"
        source.write_text(text, encoding="utf-8")
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", *infilter,
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(Path(work) / "pdf"), str(source)],
            check=True, capture_output=True, timeout=180,
        )
        shutil.copyfile(Path(work) / "pdf" / f"{name}.pdf", out)
    return out
