"""A page's characters read by pdfium, in the shape and geometry pdfplumber gives them, for pages that
need no table reader: pdfium reads text in C some fifty times faster than pdfminer interprets a page.

The characters carry the fields pdfplumber's word builder reads, computed the way pdfminer computes them
(x0 at the origin, x1 one advance on, bottom on the baseline plus the font's descent as pdfminer reads
it, top one font size above, both measured from the top of the page). Anything this cannot reproduce
with confidence raises `NotCheap`, and the page is read by pdfplumber instead.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import cffi
import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.pdffont import PDFCIDFont, PDFFont, PDFType3Font, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfplumber.page import Page
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE

from itdrift_pipeline.extract.layout import CharTuple

# pdfium reports a hyphen (U+002D or a soft hyphen, U+00AD) that ends a line as U+0002, and as U+FFFE
# in the text of a whole page.
_HYPHEN_MARKS = frozenset("\x02\ufffe")
# The only characters pdfium generates: spaces between words and line breaks between lines.
_MAYBE_GENERATED = frozenset(" \r\n")
# pdfplumber's default word tolerances (pdfplumber.utils.text.DEFAULT_X_TOLERANCE / _Y_), which
# layout.page_words uses.
WORD_X_TOLERANCE = DEFAULT_X_TOLERANCE
WORD_Y_TOLERANCE = DEFAULT_Y_TOLERANCE
# Generated characters (the spaces and line breaks pdfium infers between text runs) are not printed.
_GENERATED = 1
_NAME_BUFFER = 512


class NotCheap(Exception):
    """The page's text cannot be reproduced from pdfium exactly; read it with pdfplumber."""


@dataclass(frozen=True)
class FontMetrics:
    """What pdfminer knows of one font that a character's geometry needs."""

    fontname: str  # as pdfplumber reports it
    descent: float  # a fraction of the font size, negative
    widths: dict[str, float]  # advance (a fraction of the font size) by the text a glyph maps to
    # False for a standard font the file gives no widths for: pdfminer then takes Adobe's metrics and
    # pdfium its own font's, which differ for some glyphs, so pdfium's positions are checked against them.
    widths_in_file: bool


def _metrics(font: PDFFont, spec: dict[str, Any]) -> FontMetrics | None:
    """The font's metrics, widths keyed by text; None when pdfminer would not give every glyph one text
    and one width (Type3 fonts in glyph units, CID fonts without a ToUnicode map to enumerate).

    Codes the font's ToUnicode map names come first; a code only its encoding names (a subset font's
    unused codes) gives a width only to a text no mapped code has."""
    if isinstance(font, PDFType3Font):
        return None
    widths_in_file = isinstance(font, PDFCIDFont) or "Widths" in spec
    mapped = list(getattr(getattr(font, "unicode_map", None), "cid2unichr", {}))
    if isinstance(font, PDFCIDFont) and not mapped:
        return None
    encoded = [] if isinstance(font, PDFCIDFont) else [cid for cid in range(256) if cid not in set(mapped)]
    widths: dict[str, float] = {}
    ambiguous: set[str] = set()
    for codes in (mapped, encoded):
        found: dict[str, float] = {}
        for cid in codes:
            try:
                text = font.to_unichr(cid)
            except (PDFUnicodeNotDefined, KeyError):
                continue
            width = font.char_width(cid)
            if found.get(text, width) != width:
                ambiguous.add(text)
            found[text] = width
        for text, width in found.items():
            widths.setdefault(text, width)
    for text in ambiguous:
        widths.pop(text, None)
    return FontMetrics(str(font.fontname), float(font.get_descent()), widths, widths_in_file)


class PageFonts:
    """The fonts of a document's pages as pdfminer reads them, looked up by the name pdfium gives.

    Shares pdfplumber's resource manager, so a font is parsed once whichever reader meets it first."""

    def __init__(self, fonts: PDFResourceManager) -> None:
        self.fonts = fonts
        self._metrics: dict[int, FontMetrics | None] = {}

    def of_page(self, page: Page) -> dict[str, FontMetrics]:
        """Metrics of the fonts the page's resources name, by pdfminer's font name and base font name
        (each also without a subset tag). A name two different fonts share is left out."""
        resources = resolve1(page.page_obj.resources)
        specs = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
        by_name: dict[str, FontMetrics] = {}
        clashes: set[str] = set()
        for spec in specs.values() if isinstance(specs, dict) else ():
            objid = spec.objid if isinstance(spec, PDFObjRef) else None
            spec = resolve1(spec)
            if not isinstance(spec, dict):
                continue
            key = objid if objid is not None else id(spec)
            if key not in self._metrics:
                self._metrics[key] = _metrics(self.fonts.get_font(objid, spec), spec)
            metrics = self._metrics[key]
            if metrics is None:
                continue
            font = self.fonts.get_font(objid, spec)
            names = {metrics.fontname, str(getattr(font, "basefont", metrics.fontname))}
            for name in names | {_SUBSET_TAG.sub("", n) for n in names}:
                if by_name.get(name, metrics) != metrics:
                    clashes.add(name)
                by_name[name] = metrics
        for name in clashes:
            del by_name[name]
        return by_name


# "ABCDEF+Arial": the tag a PDF writer puts before the name of a font it embedded a subset of.
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
# Symbolic fonts whose codes pdfminer and pdfium map to different characters (minus, bullets).
_SYMBOLIC = re.compile(r"symbol|dingbat|wingding", re.IGNORECASE)


def _c_function(function: Any, restype: Any, *argtypes: Any) -> Any:
    """pdfium's `function` called with plain addresses for handles: pypdfium2's typed wrappers convert
    every handle to a pointer object, which costs more than the call itself for a page's thousands of
    characters."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


# The calls made once a character go through cffi, whose calls cost a third of ctypes' (three calls a
# character were most of a prose page's time); handles are passed as plain addresses (uintptr_t).
_ffi = cffi.FFI()


def _cffi_function(function: Any, signature: str) -> Any:
    return _ffi.cast(signature, ctypes.cast(function, ctypes.c_void_p).value)


_vp, _int, _uint = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint
_count_chars = _c_function(pdfium_c.FPDFText_CountChars, _int, _vp)
_get_text = _c_function(pdfium_c.FPDFText_GetText, _int, _vp, _int, _int, ctypes.c_char_p)
_get_unicode = _c_function(pdfium_c.FPDFText_GetUnicode, _uint, _vp, _int)
_is_generated = _cffi_function(pdfium_c.FPDFText_IsGenerated, "int(*)(uintptr_t, int)")
_has_map_error = _cffi_function(pdfium_c.FPDFText_HasUnicodeMapError, "int(*)(uintptr_t, int)")
_text_object = _cffi_function(pdfium_c.FPDFText_GetTextObject, "uintptr_t(*)(uintptr_t, int)")
_char_origin = _cffi_function(
    pdfium_c.FPDFText_GetCharOrigin, "int(*)(uintptr_t, int, double *, double *)"
)
_char_matrix = _c_function(pdfium_c.FPDFText_GetMatrix, _int, _vp, _int, ctypes.POINTER(pdfium_c.FS_MATRIX))
_object_font = _c_function(pdfium_c.FPDFTextObj_GetFont, _vp, _vp)
_object_font_size = _c_function(pdfium_c.FPDFTextObj_GetFontSize, _int, _vp, ctypes.POINTER(ctypes.c_float))
_base_font_name = _c_function(
    pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _vp, ctypes.c_char_p, ctypes.c_size_t
)


def pdfium_chars(
    textpage: pypdfium2.PdfTextPage, page_height: float, fonts: dict[str, FontMetrics]
) -> list[CharTuple]:
    """The printed characters of the page `textpage` is pdfium's text of, as (text, x0, x1, top, bottom,
    fontname, size) tuples, in pdfium's
    order, placed as pdfplumber places them (layout.words_of_char_tuples makes pdfplumber's words of
    them). Raises NotCheap for text this cannot place as pdfminer would: rotated or mirrored text, a font
    or glyph pdfminer's metrics do not cover, a space pdfium inferred inside a word (pdfium drops some
    printed spaces and infers its own), a character it cannot map to Unicode."""
    return _chars(ctypes.cast(textpage.raw, ctypes.c_void_p).value, page_height, fonts)


@dataclass(frozen=True)
class _Run:
    """What the characters of one pdfium text object share."""

    metrics: FontMetrics
    a: float  # horizontal scale of the character matrix
    d: float  # vertical scale
    font_size: float  # in text space, before the matrix
    address: int


def _page_text(textpage: int, count: int) -> str:
    """All `count` characters in one call; one UTF-16 unit per character, else one call a character."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = _get_text(textpage, 0, count, buffer)
    text = buffer.raw[: 2 * max(0, written - 1)].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count:
        return text
    return "".join(chr(_get_unicode(textpage, index)) for index in range(count))


def _run_of(textpage: int, index: int, address: int, fonts: dict[str, FontMetrics], names: dict) -> _Run:
    font = _object_font(address)
    name = names.get(font)
    if name is None:
        buffer = ctypes.create_string_buffer(_NAME_BUFFER)
        length = _base_font_name(font, buffer, _NAME_BUFFER)
        name = names[font] = buffer.raw[: max(0, length - 1)].decode("utf-8", errors="replace")
    metrics = fonts.get(name) or fonts.get(_SUBSET_TAG.sub("", name))
    if metrics is None or _SYMBOLIC.search(name):
        raise NotCheap(f"font {name!r} has no metrics pdfminer would use")
    matrix = pdfium_c.FS_MATRIX()
    if not _char_matrix(textpage, index, ctypes.byref(matrix)):
        raise NotCheap(f"character {index} has no matrix")
    if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or matrix.d <= 0:
        raise NotCheap("rotated, skewed or mirrored text")
    size = ctypes.c_float()
    if not _object_font_size(address, ctypes.byref(size)):
        raise NotCheap(f"character {index} has no font size")
    return _Run(metrics, matrix.a, matrix.d, size.value, address)


def _chars(textpage: int, page_height: float, fonts: dict[str, FontMetrics]) -> list[CharTuple]:
    chars: list[CharTuple] = []
    append = chars.append
    origin = _ffi.new("double[2]")
    x_pointer, y_pointer = origin, origin + 1
    names: dict[int, str] = {}
    inferred_spaces: list[int] = []  # where pdfium put a space the content does not print
    run: _Run | None = None
    previous_address = None
    # This loop runs once per character: what it calls and what the characters of the current run share
    # are locals.
    is_generated, has_map_error, text_object = _is_generated, _has_map_error, _text_object
    char_origin = _char_origin
    metrics = widths = fontname = None
    a = font_size = descent_y = top_y = 0.0
    checks_advance = False
    count = _count_chars(textpage)
    for index, code_text in enumerate(_page_text(textpage, count)):
        hyphen = False
        # Anything pdfium may have generated or marked, or that cannot be printed, is at or below the
        # space or from the surrogates up; ordinary characters skip those checks.
        if code_text <= " " or code_text >= "\ud800":
            if code_text in _MAYBE_GENERATED and is_generated(textpage, index) == _GENERATED:
                if code_text == " ":
                    inferred_spaces.append(len(chars))
                continue  # and the line breaks pdfium infers between lines
            hyphen = code_text in _HYPHEN_MARKS
            if (code_text < " " and not hyphen) or "\ud800" <= code_text <= "\udfff":
                raise NotCheap(f"character {index} is U+{ord(code_text):04X}")
        if has_map_error(textpage, index) == 1:
            raise NotCheap(f"character {index} has no Unicode mapping")
        address = text_object(textpage, index)
        if not address:
            raise NotCheap(f"character {index} belongs to no text object")
        if run is None or address != run.address:
            run = _run_of(textpage, index, address, fonts, names)
            metrics, a, font_size = run.metrics, run.a, run.font_size
            widths, fontname, checks_advance = metrics.widths, metrics.fontname, not metrics.widths_in_file
            # pdfminer's LTChar: the box (0, descent) - (advance, descent + size) in text space, through
            # the character's matrix; pdfplumber measures top and bottom from the top of the page.
            descent = metrics.descent * font_size
            descent_y, top_y = run.d * descent, run.d * (descent + font_size)
        text = _hyphen(metrics) if hyphen else code_text
        width = widths.get(text)
        if width is None:
            raise NotCheap(f"font {fontname!r} has no single width for {text!r}")
        char_origin(textpage, index, x_pointer, y_pointer)
        x0, origin_y = origin[0], origin[1]
        if checks_advance and address == previous_address:
            _check_advance(chars[-1], x0)
        previous_address = address
        y0 = descent_y + origin_y
        y1 = top_y + origin_y
        append((text, x0, a * width * font_size + x0, page_height - y1, page_height - y0, fontname, y1 - y0))
    for at in inferred_spaces:
        if 0 < at < len(chars) and not _begins_word(chars[at - 1], chars[at]):
            raise NotCheap(f"pdfium inferred a space inside {chars[at - 1][0]}{chars[at][0]!r}")
    return chars


def _hyphen(metrics: FontMetrics) -> str:
    """The hyphen pdfium marked: the one of "-" and soft hyphen the font has (not cheap if both)."""
    candidates = [text for text in ("-", "\xad") if text in metrics.widths]
    if len(candidates) != 1:
        raise NotCheap(f"font {metrics.fontname!r} has {len(candidates)} hyphens; which one was printed?")
    return candidates[0]


# pdfium's and pdfminer's positions agree to float precision (pdfium computes in 32 bits); a glyph whose
# width the two read differently shows as a step this much longer or shorter.
ADVANCE_TOLERANCE = 0.01


def _check_advance(previous: CharTuple, x0: float) -> None:
    """For a font whose widths pdfium and pdfminer take from different tables, at a character that
    follows `previous` in the same text run: the step from it must be pdfminer's advance, or positions
    along the line would drift from pdfminer's. (The last character of a run has no step to check: its
    x1 is pdfminer's advance from pdfium's origin, which is what pdfplumber gives.)"""
    # After a space the step holds the word spacing of a justified line as well; a space is in no word.
    if previous[0] != " ":
        _, previous_x0, previous_x1 = previous[:3]
        step = x0 - previous_x0
        expected = previous_x1 - previous_x0
        if abs(step - expected) > ADVANCE_TOLERANCE:
            raise NotCheap(f"pdfium advances {previous[0]!r} by {step:.3f}, pdfminer by {expected:.3f}")


def _begins_word(previous: CharTuple, char: CharTuple) -> bool:
    """pdfplumber's test (WordExtractor.char_begins_new_word, left to right, default tolerances) for
    whether `char` starts a new word after `previous`: where it does, a space between them changes
    nothing, so a space pdfium inferred there (or a printed one it dropped) does not matter."""
    return (
        char[1] < previous[1]
        or char[1] > previous[2] + WORD_X_TOLERANCE
        or abs(char[3] - previous[3]) > WORD_Y_TOLERANCE
    )
