"""Reading a rendered source crop back: what it says it shows, and where its red outline really is."""

from __future__ import annotations

import io

import pdfplumber
from PIL import Image

from itdrift_pipeline.model import BBox
from itdrift_pipeline.sources import OUTLINE_COLOUR, read_png_text


def outlined_box(png: bytes) -> BBox:
    """The page box (points) the outline's pixels enclose, from the region and scale the PNG names."""
    text = read_png_text(png)
    region = [float(v) for v in text["itdrift:region"].split(",")]
    scale = float(text["itdrift:scale"])
    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert("RGB")
        red = [
            (x, y)
            for y in range(rgb.height)
            for x in range(rgb.width)
            if rgb.getpixel((x, y)) == OUTLINE_COLOUR
        ]
    assert red, "no outline in the crop"
    xs, ys = [x for x, _ in red], [y for _, y in red]
    return (region[0] + min(xs) / scale, region[1] + min(ys) / scale,
            region[0] + (max(xs) + 1) / scale, region[1] + (max(ys) + 1) / scale)


def contains(outer: BBox, inner: BBox, slack: float = 0.0) -> bool:
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1]
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def words_inside(pdf_path: str, page: int, box: BBox) -> list[str]:
    """The words pdfplumber reads wholly inside `box` on `page` (1-based)."""
    with pdfplumber.open(pdf_path) as pdf:
        return [w["text"] for w in pdf.pages[page - 1].extract_words()
                if contains(box, (w["x0"], w["top"], w["x1"], w["bottom"]))]
