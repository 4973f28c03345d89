"""The printed source of a figure as a person sees it: a page, or a crop around a cell with the cell outlined.

Rendered with pypdfium2 at screen resolution; boxes are in pdfplumber's coordinates (PDF points, `top`
measured from the top of the page), the same the facts carry. Knows nothing of tables or the warehouse.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, PngImagePlugin

from itdrift_pipeline.model import BBox

# 96 dpi, what a browser shows at 100 %: one PDF point is 4/3 pixels.
SCREEN_SCALE = 96 / 72
# Around a cell, enough of its row and column to recognise it: about two figures either side, a line or two
# above and below (PDF points).
CROP_MARGIN_X = 60.0
CROP_MARGIN_Y = 22.0
OUTLINE_COLOUR = (220, 0, 0)
OUTLINE_WIDTH = 2
# The outline sits this far outside the cell (points), so it never covers the figure's own ink.
OUTLINE_GAP = 1.5

# PNG text chunks that say what a crop shows, so a reader (or a test) need not trust the file name.
PNG_KEYS = (
    "itdrift:sha256", "itdrift:file", "itdrift:page", "itdrift:bbox", "itdrift:region", "itdrift:scale",
)


class SourcePageError(ValueError):
    """A page or box that is not in the PDF."""


@dataclass(frozen=True)
class Crop:
    """What a rendered source image shows: `region` of `page` (points), with `bbox` outlined."""

    page: int
    bbox: BBox | None
    region: BBox
    scale: float


@dataclass
class SourcePdf:
    """An open PDF whose pages are rendered once and cropped many times (a report crops hundreds of cells)."""

    path: Path
    sha256: str = ""
    scale: float = SCREEN_SCALE
    _document: pdfium.PdfDocument | None = None
    _pages: dict[int, tuple[Image.Image, float, float]] = field(default_factory=dict)

    def __enter__(self) -> SourcePdf:
        self._document = pdfium.PdfDocument(str(self.path))
        return self

    def __exit__(self, *exc: object) -> None:
        self._pages.clear()
        if self._document is not None:
            self._document.close()
            self._document = None

    @property
    def page_count(self) -> int:
        assert self._document is not None, "use SourcePdf as a context manager"
        return len(self._document)

    def page_image(self, page: int) -> tuple[Image.Image, float, float]:
        """The rendered page (1-based) and its width and height in points; rendered once per page."""
        assert self._document is not None, "use SourcePdf as a context manager"
        if not 1 <= page <= len(self._document):
            raise SourcePageError(
                f"{self.path.name} has pages 1-{len(self._document)}; there is no page {page}"
            )
        if page not in self._pages:
            pdf_page = self._document[page - 1]
            width, height = pdf_page.get_size()
            image = pdf_page.render(scale=self.scale).to_pil().convert("RGB")
            pdf_page.close()
            self._pages[page] = (image, width, height)
        return self._pages[page]

    def crop(
        self, page: int, bbox: BBox | None, margin: tuple[float, float] | None = None
    ) -> tuple[Image.Image, Crop]:
        """The page around `bbox` with `margin` (points), the box outlined; the whole page without a box."""
        image, width, height = self.page_image(page)
        if bbox is None:
            return image.copy(), Crop(page, None, (0.0, 0.0, width, height), self.scale)
        x0, top, x1, bottom = bbox
        if not (0 <= x0 <= x1 <= width + 1 and 0 <= top <= bottom <= height + 1):
            raise SourcePageError(
                f"box {format_bbox(bbox)} is not on page {page} of {self.path.name} "
                f"({width:.0f} x {height:.0f} points)"
            )
        margin_x, margin_y = margin or (CROP_MARGIN_X, CROP_MARGIN_Y)
        region = (max(0.0, x0 - margin_x), max(0.0, top - margin_y),
                  min(width, x1 + margin_x), min(height, bottom + margin_y))
        cropped = image.crop(tuple(round(v * self.scale) for v in region))
        crop = Crop(page, bbox, region, self.scale)
        draw_boxes(cropped, crop, [(bbox, OUTLINE_COLOUR)])
        return cropped, crop

    def overview(self, page: int, boxes: Iterable[tuple[BBox, tuple[int, int, int]]]) -> Image.Image:
        """The whole page with every box outlined in its colour (what was read where)."""
        image, width, height = self.page_image(page)
        overview = image.copy()
        draw_boxes(overview, Crop(page, None, (0.0, 0.0, width, height), self.scale), boxes, width=1)
        return overview


def draw_boxes(
    image: Image.Image,
    crop: Crop,
    boxes: Iterable[tuple[BBox, tuple[int, int, int]]],
    width: int = OUTLINE_WIDTH,
) -> None:
    """Outline page boxes on an image of `crop.region`, just outside each box."""
    draw = ImageDraw.Draw(image)
    left, top = crop.region[0], crop.region[1]
    for (x0, y0, x1, y1), colour in boxes:
        pixels = [
            round((x0 - OUTLINE_GAP - left) * crop.scale) - width + 1,
            round((y0 - OUTLINE_GAP - top) * crop.scale) - width + 1,
            round((x1 + OUTLINE_GAP - left) * crop.scale) + width - 1,
            round((y1 + OUTLINE_GAP - top) * crop.scale) + width - 1,
        ]
        draw.rectangle(pixels, outline=colour, width=width)


def format_bbox(bbox: Sequence[float] | None) -> str:
    return "" if bbox is None else ",".join(f"{v:.2f}" for v in bbox)


def parse_bbox(text: str) -> BBox:
    """'x0,top,x1,bottom' in PDF points -> a box; raises ValueError saying what is wrong."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 4:
        raise ValueError(f"a box is four numbers x0,top,x1,bottom in PDF points, not {text!r}")
    try:
        x0, top, x1, bottom = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"a box is four numbers x0,top,x1,bottom in PDF points, not {text!r}") from None
    if x1 < x0 or bottom < top:
        raise ValueError(f"box {text!r} has x1 < x0 or bottom < top (top is measured from the page top)")
    return (x0, top, x1, bottom)


def png_bytes(image: Image.Image, crop: Crop, sha256: str = "", file: str = "") -> bytes:
    """The image as PNG, with text chunks naming the document, page, outlined box and region shown."""
    info = PngImagePlugin.PngInfo()
    values = (
        sha256, file, str(crop.page), format_bbox(crop.bbox), format_bbox(crop.region), f"{crop.scale:.6f}"
    )
    for key, value in zip(PNG_KEYS, values, strict=True):
        info.add_text(key, value)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info, optimize=False)
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file, so a reader never sees half an image."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)


def read_png_text(data: bytes) -> dict[str, str]:
    """The itdrift text chunks of a PNG written by png_bytes."""
    with Image.open(io.BytesIO(data)) as image:
        return {key: value for key, value in image.text.items() if key in PNG_KEYS}
