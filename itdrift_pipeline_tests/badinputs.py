"""Makers of the source files the pipeline must refuse, one per model.REJECTION_KINDS entry.

`make_bad_input(kind, out_dir)` writes the file and returns its path; tests of intake, extraction and the
CLI share them so every rejection kind is exercised against a real file, never a mock.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_PDF = REPO_ROOT / "data" / "raw" / "naestved_regnskab_2020_it.pdf"
# Larger than Limits.max_page_side_pt's default (14 400 pt), so DEFAULT_LIMITS refuse it.
OVERSIZED_PAGE_PT = (842.0, 15_000.0)
ENCRYPTION_PASSWORD = "hemmelig"

_SEED_LINES = (
    "Bemærkninger til regnskab 2020 – politikområde IT",
    "Overordnet regnskabsresultat",
    "I 1.000 kr.   Regnskab 2018   Regnskab 2019   Regnskab 2020   Korr. budget 2020   Over-/underskud 2020",
    "Drift Fagområde   44.168   41.487   45.271   47.098   -1.827",
)
_PROSE_LINES = (
    "Bemærkninger til regnskab 2020 – politikområde IT",
    "Politikområdet består af udgifter til kommunens IT-systemer og IT-udstyr.",
    "Regnskabet for 2020 viser et samlet overskud på 1,8 mio. kr.",
    "Der er ingen tabeller i dette dokument, kun tekst.",
)


def _draw_lines(c: canvas.Canvas, lines: tuple[str, ...], top: float) -> None:
    c.setFont("Helvetica", 9)
    for i, line in enumerate(lines):
        c.drawString(50, top - 14 * i, line)


def small_accounts_pdf(
    path: Path, *, pages: int = 3, encrypt: pdfencrypt.StandardEncryption | None = None
) -> Path:
    """A readable multi-page PDF with text that looks like an accounts chapter."""
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for page in range(pages):
        _draw_lines(c, (*_SEED_LINES, f"side {page + 1}"), A4[1] - 60)
        c.showPage()
    c.save()
    return path


def _empty_file(out: Path) -> Path:
    out.write_bytes(b"")
    return out


def _not_a_pdf(out: Path) -> Path:
    # What a failed download often is: an HTML error page saved under a .pdf name.
    out.write_text("<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n", encoding="utf-8")
    return out


def _corrupt_pdf(out: Path) -> Path:
    """The seed PDF (or a small stand-in) cut off at 60 %: what an interrupted download leaves behind."""
    if SEED_PDF.exists():
        data = SEED_PDF.read_bytes()
    else:
        data = small_accounts_pdf(out.with_suffix(".whole.pdf")).read_bytes()
        out.with_suffix(".whole.pdf").unlink()
    out.write_bytes(data[: int(len(data) * 0.6)])
    return out


def _encrypted_pdf(out: Path) -> Path:
    encryption = pdfencrypt.StandardEncryption(
        ENCRYPTION_PASSWORD, ownerPassword=ENCRYPTION_PASSWORD + "-ejer"
    )
    return small_accounts_pdf(out, encrypt=encryption)


def _damaged_pdf(out: Path) -> Path:
    """A readable book whose page 2 content stream has one flipped byte: it still parses, but pdfminer
    would silently drop that page's text."""
    with pikepdf.open(small_accounts_pdf(out.with_suffix(".whole.pdf"))) as pdf:
        stream = pdf.pages[1].obj.Contents
        raw = bytearray(stream.read_raw_bytes())
        raw[len(raw) // 2] ^= 0x55
        stream.write(bytes(raw), filter=stream.get("/Filter"), decode_parms=stream.get("/DecodeParms"))
        pdf.save(out, compress_streams=False)
    out.with_suffix(".whole.pdf").unlink()
    return out


def _no_text_layer(out: Path) -> Path:
    """A scanned page: one raster image of text-like stripes and not a single character."""
    image = Image.new("L", (400, 300), color=255)
    for y in range(20, 280, 12):
        for x in range(20, 380):
            if (x // 7) % 3:
                image.putpixel((x, y), 0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    c = canvas.Canvas(str(out), pagesize=A4)
    c.drawImage(ImageReader(buffer), 50, 300, width=500, height=375)
    c.showPage()
    c.save()
    return out


def _no_accounts_tables(out: Path) -> Path:
    c = canvas.Canvas(str(out), pagesize=A4)
    _draw_lines(c, _PROSE_LINES, A4[1] - 60)
    c.showPage()
    c.save()
    return out


def _too_large(out: Path) -> Path:
    """A text page taller than the PDF page-size limit: refused by DEFAULT_LIMITS before it is parsed."""
    c = canvas.Canvas(str(out), pagesize=OVERSIZED_PAGE_PT)
    _draw_lines(c, _SEED_LINES, OVERSIZED_PAGE_PT[1] - 60)
    c.showPage()
    c.save()
    return out


_MAKERS: dict[str, Callable[[Path], Path]] = {
    "empty_file": _empty_file,
    "not_a_pdf": _not_a_pdf,
    "corrupt_pdf": _corrupt_pdf,
    "encrypted_pdf": _encrypted_pdf,
    "damaged_pdf": _damaged_pdf,
    "no_text_layer": _no_text_layer,
    "no_accounts_tables": _no_accounts_tables,
    "too_large": _too_large,
}
BAD_INPUT_KINDS = tuple(_MAKERS)


def make_bad_input(kind: str, out_dir: str | Path) -> Path:
    """Write a file that must be rejected with `kind` and return its path."""
    if kind not in _MAKERS:
        raise ValueError(f"unknown bad-input kind {kind!r}; expected one of {BAD_INPUT_KINDS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return _MAKERS[kind](out_dir / f"bad_{kind}.pdf")
