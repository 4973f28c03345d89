"""The machinery shared by the printed holdout corpora (holdout/, holdout2/, holdout3/): a plain-data model
of accounts documents (model.py), the truth derived from it (truth.py) and three producers that print it:
headless Chromium (html.py), LibreOffice Writer (office.py from HTML, fodt.py from tab-separated text) and
reportlab's platypus (platypus.py).

A corpus keeps only its documents.py and names itself (its fixture directory fixtures/<name>/ and its
reportlab PDFs' creator); the print options default to how the first holdout printed (see model.py).
"""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

from .model import Document
from .truth import expected

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# producer -> the module of this package that prints it
PRODUCER_MODULES = {"html": "html", "office": "office", "reportlab": "platypus"}


def render(doc: Document, out: Path, corpus: str) -> Path:
    """Print one document of `corpus` with its producer (needs chromium, soffice or reportlab)."""
    name = "fodt" if doc.producer == "office" and doc.source == "fodt" else PRODUCER_MODULES[doc.producer]
    module = import_module(f"{__name__}.{name}")
    if doc.producer == "reportlab":
        return module.render(doc, out, creator=f"itdrift {corpus} corpus")
    return module.render(doc, out)


def truth_json(doc: Document) -> str:
    return json.dumps(expected(doc), ensure_ascii=False, indent=1) + "\n"


__all__ = ["FIXTURES", "PRODUCER_MODULES", "expected", "render", "truth_json"]
