"""Prose pages and the mixed book the speed benchmark and the page-reading equivalence test read.

Real accounts books are about half prose. The prose here is invented (sentences assembled from a small
vocabulary of Danish accounts phrases, amounts such as "3,2 mio. kr." drawn from a seeded generator),
set with reportlab: headings, justified paragraphs, a running header and a page number.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

REPLICA_BOOK = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020.pdf"

_SUBJECTS = (
    "Driften af it-platformen",
    "Licensudgifterne",
    "Udgifterne til digitalisering",
    "Området for administrativ it",
    "Forbruget på telefoni",
    "Serviceaftalen med leverandøren",
    "Projektet om fælles sagsbehandling",
    "Vedligeholdelsen af netværket",
)
_VERBS = (
    "viser et mindreforbrug på",
    "er steget med",
    "udgør i alt",
    "er faldet med",
    "forventes at overstige budgettet med",
    "har givet en besparelse på",
)
_REASONS = (
    "som følge af forsinkede udbud.",
    "primært på grund af nye licensvilkår.",
    "hvilket skyldes færre brugere end forventet.",
    "og beløbet overføres til næste år.",
    "som dækkes inden for rammen.",
    "efter aftale med økonomiudvalget.",
)
_HEADINGS = (
    "Udviklingen i året",
    "Væsentlige afvigelser",
    "Digitaliseringsstrategien",
    "Forventninger til det kommende år",
    "Personale og kompetencer",
)


def _amount(rng: random.Random) -> str:
    whole, tenth = rng.randint(1, 48), rng.randint(0, 9)
    return f"{whole},{tenth} mio. kr." if rng.random() < 0.7 else f"{rng.randint(100, 9800)} t.kr."


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {_amount(rng)} {rng.choice(_REASONS)}"


def write_prose_pages(path: Path, pages: int, seed: int = 2020) -> None:
    """`pages` pages of invented accounts prose: each a heading and paragraphs with amounts in them."""
    rng = random.Random(seed)
    heading = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=8)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, alignment=TA_JUSTIFY,
                          spaceAfter=6)
    story = []
    for page in range(pages):
        story.append(Paragraph(rng.choice(_HEADINGS), heading))
        for _ in range(7):
            story.append(Paragraph(" ".join(_sentence(rng) for _ in range(4)), body))
        story.append(Spacer(1, 0.2 * cm))
        if page + 1 < pages:
            story.append(PageBreak())

    def frame(canvas, document) -> None:  # noqa: ANN001 - reportlab's page callback
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, "Næstved Kommune · Regnskab 2020 · Beretning")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Side {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(str(path), pagesize=A4, topMargin=2.5 * cm, bottomMargin=2.5 * cm,
                                 title="Beretning", author="itdrift-pipeline test corpus")
    document.build(story, onFirstPage=frame, onLaterPages=frame)


def write_mixed_book(path: Path, target_pages: int = 280, book: Path = REPLICA_BOOK) -> int:
    """The replica book followed by as many prose pages, repeated until the book has about
    `target_pages` pages; returns the page count."""
    replica = pypdfium2.PdfDocument(str(book))
    per_copy = len(replica)
    prose_path = path.with_suffix(".prose.pdf")
    write_prose_pages(prose_path, per_copy)
    prose = pypdfium2.PdfDocument(str(prose_path))
    mixed = pypdfium2.PdfDocument.new()
    try:
        while len(mixed) + 2 * per_copy <= max(target_pages, 2 * per_copy):
            mixed.import_pages(replica)
            mixed.import_pages(prose)
        mixed.save(str(path))
        return len(mixed)
    finally:
        for document in (mixed, prose, replica):
            document.close()
        prose_path.unlink(missing_ok=True)
