"""The fast content-stream reader gives exactly what pdfminer's PDFContentParser gives, or nothing: on every
content stream of every committed PDF, on hand-made edge cases, and on random sequences of tokens and odd
bytes. (That the whole interpreter places characters and rules as pdfplumber does on every committed page is
test_pages.test_parsed_character_tuples_are_pdfplumbers.)"""

from __future__ import annotations

import random
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import PSEOF

from itdrift_pipeline.extract.content_stream import MAX_PLAIN_BYTES, FastInterpreter, tokens
from itdrift_pipeline.extract.pdfminer_page import parse_page_char_tuples
from itdrift_pipeline_tests.extract.test_pages import COMMITTED_PDFS


def pdfminers_objects(datas: list[bytes]) -> list:
    """What pdfminer's content parser reads from these decoded streams, in order."""
    streams = []
    for number, data in enumerate(datas, start=1):
        stream = PDFStream({}, data)
        stream.objid = number
        streams.append(stream)
    parser = PDFContentParser(streams)
    objects = []
    while True:
        try:
            objects.append(parser.nextobject()[1])
        except PSEOF:
            return objects


def same(ours: list | None, datas: list[bytes]) -> bool:
    """Equal to pdfminer's objects, types included (1 == 1.0 and True == 1 in Python; not in repr)."""
    return ours is not None and repr(ours) == repr(pdfminers_objects(datas))


@pytest.mark.parametrize("pdf", COMMITTED_PDFS, ids=lambda p: p.name)
def test_every_committed_content_stream_reads_as_pdfminer_reads_it(pdf: Path) -> None:
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            datas = [stream_value(stream).get_data() for stream in page.page_obj.contents]
            ours = tokens(datas)
            # Every producer in the corpus (reportlab, LibreOffice, Chromium) prints the plain subset.
            assert ours is not None, f"page {page.page_number} fell back to pdfminer's parser"
            assert same(ours, datas), f"page {page.page_number}"


ACCEPTED = [
    b"BT /F1 9.5 Tf 1 0 0 1 72 700 Tm (Drift i alt) Tj ET",
    b"[(Udgifter) -250 (i) 10.5 (1.000 kr.)] TJ",
    b"(a\\(b\\)c \\\\ \\n\\t\\r\\b\\f) Tj (\\101\\0618\\7) Tj",  # escapes; octal of 1-3 digits
    b"<48656c6c6f> Tj <4 8 6\n5 7> Tj <> Tj <abc> Tj",  # whitespace, empty, a last odd digit
    b"/P <</MCID 0 /Lang (da-DK)>> BDC EMC /Span<</ActualText<FEFF00AD>>>BDC",
    b"0.5 -.25 +3 5. 12.5.3 1e5 -0 w",  # pdfminer's number quirks: 12.5 .3; 1 then the operator e5
    b"% a comment\n1 0 0 RG 0 0 m 10 0 l S q Q T* (x) ' 1 2 (y) \"",
    b"[true false 1 /Name [2 [3]] <</A 1>>] Tj",
    b"/F1 10 Tf\x0cBT\x0bET",
    b"[1 2", b"3] TJ",  # an array may run on into the next stream (two streams)
]


def test_plain_syntax_is_read_as_pdfminer_reads_it() -> None:
    for snippet in ACCEPTED[:-2]:
        assert same(tokens([snippet]), [snippet]), snippet
    assert same(tokens(ACCEPTED[-2:]), ACCEPTED[-2:])


REFUSED = [
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",  # an inline image
    b"/A#20B gs",  # a name with a # escape
    b"(nested (parentheses)) Tj",
    b"(line \\\ncontinued) Tj",
    b"(unknown \\q escape) Tj",
    b"(octal \\777) Tj",
    b"[(a) Tj] TJ",  # an operator inside an array
    b"[1 2 TJ",  # an array never closed
    b"1 2 ] TJ",
    b"<</A 1 /B>> BDC",  # a dictionary that is not pairs
    b"<<1 2>> BDC",
    b"{ 1 } pop",
    b"- 1 Tc",
    b"1 2 \x00 m",
    b"<12z> Tj",
    b"(unterminated",
    b">",
]


def test_anything_else_is_left_to_pdfminer() -> None:
    for snippet in REFUSED:
        assert tokens([snippet]) is None, snippet


def test_a_page_of_more_content_than_a_table_page_holds_is_left_to_pdfminer() -> None:
    """pdfminer hands a page's objects over one at a time; tokens would hold them all in a list."""
    line = b"1 0 0 1 72 700 Tm (x) Tj\n"
    at_limit = line * (MAX_PLAIN_BYTES // len(line))
    assert tokens([at_limit]) is not None
    assert tokens([at_limit, line * 2]) is None


PLAIN = [
    b" ", b"\n", b"\r\n", b"1", b"-2", b"3.5", b".5", b"/F1", b"Tj", b"T*", b"'", b'"', b"(x)", b"(a\\)b)",
    b"(\\053)", b"<4142>", b"<<", b">>", b"[", b"]", b"%c\n", b"true", b"false", b"null", b"/A", b"Td", b"re",
]
ODD = [b"-", b"+", b".", b"/", b"/A#41", b"(", b")", b"\\", b"<", b">", b"{", b"}", b"BI", b"ID", b"EI", b"#",
       b"\x00", b"\xc3\xa6", b"(a(b)c)"]


def test_random_token_soup_reads_as_pdfminer_reads_it_or_not_at_all() -> None:
    """Whatever the fast reader accepts, pdfminer reads the same way: random sequences of plain tokens and
    odd bytes, with and without whitespace between them, in one or two streams."""
    generator = random.Random(20261206)

    def fragment() -> bytes:
        token = generator.choice(ODD if generator.random() < 0.08 else PLAIN)
        return token + generator.choice((b"", b" "))

    accepted = 0
    for _ in range(4000):
        datas = [
            b"".join(fragment() for _ in range(generator.randint(1, 10)))
            for _ in range(generator.randint(1, 2))
        ]
        ours = tokens(datas)
        if ours is not None:
            accepted += 1
            assert same(ours, datas), datas
    assert accepted > 800  # the property was exercised, not vacuously true


def test_stock_interpreter_places_the_same_characters(tmp_path: Path) -> None:
    """On the seed book, parse_page_char_tuples with pdfminer's own interpreter gives what it gives with
    FastInterpreter: characters, and the horizontal segments of the page's drawing."""
    pdf = COMMITTED_PDFS[0]
    with pdfplumber.open(pdf) as theirs, pdfplumber.open(pdf) as ours:
        for reference, page in zip(theirs.pages, ours.pages, strict=True):
            assert parse_page_char_tuples(page, FastInterpreter) == parse_page_char_tuples(
                reference, PDFPageInterpreter
            )
