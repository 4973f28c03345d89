"""A table page's pdfminer parse, kept lean: pdfplumber's device except that characters become the word
builder's tuples and the ruling lines plain segments, with pdfminer's and pdfplumber's arithmetic.

pdfplumber makes an LTChar and then a dict of a dozen attributes of every character, and a dict of every
line, rect and curve (and four more of every rect, for page.edges): most of its time on a table page.
The reader needs a character's text, box, font and size, and the horizontal segments of the drawing, so
parse_page_char_tuples computes those the way pdfminer and pdfplumber compute them and nothing else. A page
with vertical or turned text is left to pdfplumber's own parse (parse_page_objects, then its word builder).
Tested equal to pdfplumber's characters and horizontal edges on every committed page.
"""

from __future__ import annotations

import itertools
import logging
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException

from itdrift_pipeline.extract.content_stream import FastInterpreter
from itdrift_pipeline.extract.layout import CharTuple, Segment, edge_segments

# pdfminer's device logs here what it cannot render (PDFTextDevice.render_string_horizontal).
_PDFMINER_DEVICE_LOG = logging.getLogger("pdfminer.pdfdevice")


def parse_page_objects(page: Page) -> None:
    """pdfplumber's page objects from pdfminer's layout of the page, as Page.parse_objects makes them,
    except that each character becomes a dict of only what the word builder reads (text, box, upright,
    font name and size), computed as Page.process_object computes them. Converting every attribute of
    every character is half of pdfplumber's time on a page; lines, rects and curves (the rules) go
    through pdfplumber's own process_object. A page already parsed is left as it is."""
    if hasattr(page, "_objects"):
        return
    objects: dict[str, list[dict[str, Any]]] = {}
    mb_x0, mb_top = page.mediabox[:2]
    height, doctop = page.height, page.initial_doctop
    normal_form = page.pdf.unicode_norm
    for obj in _layout_leaves(page.layout._objs):
        if type(obj) is LTChar:
            text = obj.get_text()
            fontname = obj.fontname
            x0, x1 = obj.x0, obj.x1
            if mb_x0 != 0:
                x0, x1 = x0 + mb_x0, x1 + mb_x0
            top = (height - obj.y1) + mb_top
            char = {
                "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
                "upright": obj.upright,
                "x0": x0,
                "x1": x1,
                "size": obj.size,
                "text": unicodedata.normalize(normal_form, text) if normal_form is not None else text,
                "top": top,
                "bottom": (height - obj.y0) + mb_top,
                "doctop": doctop + top,
            }
            objects.setdefault("char", []).append(char)
            continue
        _add_object(page, obj, objects)
    page._objects = objects


def _add_object(page: Page, obj: Any, objects: dict[str, list[dict[str, Any]]]) -> None:
    """pdfplumber's page object of a pdfminer layout object, as Page.parse_objects adds it (annotations
    left out)."""
    processed = page.process_object(obj)
    if processed["object_type"] != "anno":
        objects.setdefault(processed["object_type"], []).append(processed)


def _layout_leaves(layout_objects: list) -> Iterator:
    """Page.iter_layout_objects without laparams: the leaves, figures' children in place."""
    for obj in layout_objects:
        if isinstance(obj, LTContainer):
            yield from _layout_leaves(obj._objs)
        else:
            yield obj


class _NotPlain(Exception):
    """A character _TupleAggregator does not place: pdfplumber's own parse reads the page."""


class _TupleAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's page device, except that each character becomes the fast word builder's tuple
    (text, x0, x1, top, bottom, fontname, size), computed as pdfminer's LTChar and pdfplumber's
    Page.process_object compute them, and no LTChar is made: making one and converting it was a third
    of pdfplumber's time on a table page. Lines, rects and curves are pdfminer's objects, as before."""

    def __init__(self, page: Page) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.chars: list[CharTuple] = []
        self._height = page.height
        self._mb_x0, self._mb_top = page.mediabox[:2]
        self._normal_form = page.pdf.unicode_norm
        # Each font's glyphs met so far: code -> (text as pdfplumber gives it, width in text space / 1000).
        self._glyphs: dict[PDFFont, dict[int, tuple[str, float]]] = {}

    def render_string_horizontal(
        self,
        seq: Sequence[Any],
        matrix: tuple[float, float, float, float, float, float],
        pos: tuple[float, float],
        font: PDFFont,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        dxscale: float,
        ncs: Any,
        graphicstate: Any,
    ) -> tuple[float, float]:
        """PDFTextDevice.render_string_horizontal with PDFLayoutAnalyzer.render_char and LTChar worked into
        its loop: the same arithmetic in the same order (translate_matrix, apply_matrix_rect, then
        Page.process_object's page coordinates) without a call a character, each glyph's text and width
        looked up once a page, and each character kept as the word builder's tuple."""
        a, b, c, d, e, f = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        glyphs = self._glyphs.setdefault(font, {})
        descent = font.get_descent() * fontsize
        low, high = descent + rise, descent + rise + fontsize  # the glyph box in text space
        fontname = font.fontname
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        height, mb_x0, mb_top = self._height, self._mb_x0, self._mb_top
        append = self.chars.append
        x, y = pos
        needcharspace = False
        for obj in seq:
            if isinstance(obj, int | float):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                _PDFMINER_DEVICE_LOG.warning(
                    "Cannot render horizontal string because %r is not a valid int, float or bytes.", obj
                )
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                glyph = glyphs.get(cid)
                if glyph is None:
                    glyph = self._glyph(font, cid, glyphs)
                text, width = glyph
                adv = width * fontsize * scaling
                if not upright:
                    raise _NotPlain("a character that is not upright")
                # translate_matrix(matrix, (x, y)), then apply_matrix_rect of (0, low) - (adv, high).
                e1 = x * a + y * c + e
                f1 = x * b + y * d + f
                left1, bottom1 = a * 0 + c * low + e1, b * 0 + d * low + f1
                right1, bottom2 = a * adv + c * low + e1, b * adv + d * low + f1
                right2, top1 = a * adv + c * high + e1, b * adv + d * high + f1
                left2, top2 = a * 0 + c * high + e1, b * 0 + d * high + f1
                x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
                y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
                if x1 < x0:
                    x0, x1 = x1, x0
                if y1 < y0:
                    y0, y1 = y1, y0
                if mb_x0 != 0:
                    x0, x1 = x0 + mb_x0, x1 + mb_x0
                append((text, x0, x1, (height - y1) + mb_top, (height - y0) + mb_top, fontname, y1 - y0))
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)

    def _glyph(self, font: PDFFont, cid: int, glyphs: dict[int, tuple[str, float]]) -> tuple[str, float]:
        """(text, width) of a glyph as render_char finds them; kept unless the font does not map it."""
        try:
            text = font.to_unichr(cid)
            defined = True
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
            defined = False
        if self._normal_form is not None:
            text = unicodedata.normalize(self._normal_form, text)
        glyph = (text, font.char_width(cid))
        if defined:
            glyphs[cid] = glyph
        return glyph

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        """Only render_string_vertical calls this here (horizontal strings are placed above)."""
        raise _NotPlain("vertical writing")


def parse_page_char_tuples(
    page: Page, interpreter: type[PDFPageInterpreter] = FastInterpreter
) -> tuple[list[CharTuple], list[Segment]] | None:
    """pdfminer's parse of the page as pdfplumber's Page.layout runs it: the characters as the fast word
    builder's tuples (in the order pdfplumber lists them, with its values exactly) and the horizontal
    segments of its lines, rects and curves as layout.edge_segments reads them from page.edges. None, with
    the page left unparsed, when a character is set vertically or is not upright: pdfplumber's word
    builder reads those."""
    device = _TupleAggregator(page)
    try:
        interpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except _NotPlain:
        return None
    except Exception as error:  # as Page.layout wraps it
        raise PdfminerException(error) from error
    leaves = list(_layout_leaves(device.get_result()._objs))
    segments = _segments(page, leaves)
    if segments is None:  # a kind of drawing object pdfplumber's edges are not worked out for here
        objects: dict[str, list[dict[str, Any]]] = {}
        for obj in leaves:
            _add_object(page, obj, objects)
        page._objects = objects
        segments = edge_segments(page.edges)
    return device.chars, segments


def _segments(page: Page, leaves: list) -> list[Segment] | None:
    """edge_segments(page.edges) of the page whose layout leaves these are, worked out as pdfplumber's
    process_object, line_to_edge, rect_to_edges and curve_to_edges work them out, in the same arithmetic,
    without making the objects and edges as dicts; None for a leaf that is not a line, rect, curve or
    image."""
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    point_x0, point_top = page.mediabox[0], page.mediabox[1] + height  # Page.point2coord
    segments: list[Segment] = []
    for obj in leaves:
        kind = type(obj)
        if kind is LTImage:
            continue
        if kind is LTCurve:
            points = [(point_x0 + x, point_top - y) for x, y in obj.pts]
            for (x_a, y_a), (x_b, y_b) in itertools.pairwise(points):
                if x_a != x_b and y_a == y_b:  # curve_to_edges' "h"
                    segments.append((float(min(y_a, y_b)), float(min(x_a, x_b)), float(max(x_a, x_b))))
            continue
        if kind is not LTLine and kind is not LTRect:
            return None
        x0, x1 = obj.x0, obj.x1
        if mb_x0 != 0:
            x0, x1 = x0 + mb_x0, x1 + mb_x0
        top = (height - obj.y1) + mb_top
        if not float(x1) > float(x0):
            continue
        if kind is LTLine:
            if top == (height - obj.y0) + mb_top:  # line_to_edge's "h"
                segments.append((float(top), float(x0), float(x1)))
        else:  # rect_to_edges: the top edge, and the bottom one a rect's height below
            segments.append((float(top), float(x0), float(x1)))
            segments.append((float(top + obj.height), float(x0), float(x1)))
    return segments
