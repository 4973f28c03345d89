"""A chapter page drawn with reportlab's canvas for tests of one layout (invented figures): the running
header, the policy area's heading and a table caption, in the positions a municipality's book prints them."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

RUNNING_HEADER = "Nordby Kommune – Regnskab 2023"


def chapter_page(path: Path, policy_area: str, caption: str) -> tuple[Canvas, float]:
    """A canvas on `path` with the page's head drawn, and the y where the table's header goes."""
    c = Canvas(str(path), pagesize=A4)
    height = A4[1]
    c.setFont("Helvetica", 8)
    c.drawString(57, height - 40, RUNNING_HEADER)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(57, height - 90, f"Politikområde {policy_area}")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(57, height - 125, caption)
    c.setFont("Helvetica", 9)
    return c, height - 145
