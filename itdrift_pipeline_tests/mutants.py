"""Damaged copies and bombs made from the committed replica PDFs, for the robustness (fuzz) tests.

`mutants(seed, count, out_dir)` writes `count` seeded mutants of the replicas (flipped bytes, truncation,
broken page tree, missing or short MediaBox, corrupt streams); `make_bomb(kind, out_dir)` writes a small
file that would cost minutes and gigabytes to parse. Every mutant must be rejected with a kind, or read
with the original's facts; every bomb must be rejected `too_large` promptly.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

REPO_ROOT = Path(__file__).resolve().parents[1]
REPLICAS = (
    REPO_ROOT / "data" / "raw" / "naestved_regnskab_2020_it.pdf",
    REPO_ROOT / "data" / "raw" / "naestved_regnskab_2020.pdf",
)
# Mutants are made round robin from these: the 4-page chapter twice as often as the 23-page book, whose
# extraction takes five times as long, so a few hundred mutants stay within a CI minute.
MUTATED = (REPLICAS[0], REPLICAS[0], REPLICAS[1])


@dataclass(frozen=True)
class Mutant:
    path: Path
    original: Path
    mutation: str  # what was done, to read in a failure message


# --- Byte-level mutations --------------------------------------------------------------------------------


def _flip_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    mutated = bytearray(data)
    offsets = sorted(rng.randrange(len(data)) for _ in range(rng.randint(1, 4)))
    for offset in offsets:
        mutated[offset] ^= rng.randint(1, 255)
    return bytes(mutated), f"flipped bytes at {offsets}"


def _truncate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    cut = rng.randrange(1, len(data))
    # Half of them get a %%EOF back, so they pass the envelope check and reach the parser.
    if rng.random() < 0.5:
        return data[:cut] + b"\n%%EOF\n", f"cut at {cut}, %%EOF appended"
    return data[:cut], f"cut at {cut}"


def _zero_run(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    start = rng.randrange(len(data))
    length = rng.randint(8, 512)
    return data[:start] + b"\0" * length + data[start + length :], f"{length} NUL bytes at {start}"


# --- Structural mutations (pikepdf) ----------------------------------------------------------------------


def _page_index(pdf: pikepdf.Pdf, rng: random.Random) -> int:
    return rng.randrange(len(pdf.pages))


def _wrong_count(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    count = int(pdf.Root.Pages.Count) + rng.choice((-2, -1, 1, 5))
    pdf.Root.Pages.Count = count
    return f"page tree: Count set to {count}"


def _page_not_a_page(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index = _page_index(pdf, rng)
    pdf.pages[index].obj.Type = pikepdf.Name.Pagee
    return f"page {index + 1}: /Type /Pagee"


def _kids_not_an_array(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    pdf.Root.Pages.Kids = pikepdf.Dictionary(Broken=True)
    return "page tree: Kids is a dictionary"


def _no_mediabox(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index = _page_index(pdf, rng)
    page = pdf.pages[index].obj
    for owner in (page, pdf.Root.Pages):
        if "/MediaBox" in owner:
            del owner.MediaBox
    return f"page {index + 1}: MediaBox removed"


def _short_mediabox(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index = _page_index(pdf, rng)
    box = rng.choice(([0, 0], [0, 0, 595], [], [0, 0, "x", 842]))
    pdf.pages[index].obj.MediaBox = pikepdf.Array(
        [pikepdf.String(v) if isinstance(v, str) else v for v in box]
    )
    return f"page {index + 1}: MediaBox {box}"


def _inverted_mediabox(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index = _page_index(pdf, rng)
    pdf.pages[index].obj.MediaBox = pikepdf.Array([0, 0, -595, 0])
    return f"page {index + 1}: MediaBox [0 0 -595 0]"


def _corrupt_stream(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index = _page_index(pdf, rng)
    contents = pdf.pages[index].obj.Contents
    stream = contents[0] if isinstance(contents, pikepdf.Array) else contents
    raw = bytearray(stream.read_raw_bytes())
    offset = rng.randrange(len(raw))
    raw[offset] ^= rng.randint(1, 255)
    stream.write(bytes(raw), filter=stream.get("/Filter"), decode_parms=stream.get("/DecodeParms"))
    return f"page {index + 1}: content stream byte {offset} flipped"


def _remove_font(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index = _page_index(pdf, rng)
    resources = pdf.pages[index].obj.get("/Resources")
    if resources is not None and "/Font" in resources:
        del resources.Font
    return f"page {index + 1}: fonts removed"


_STRUCTURAL: dict[str, Callable[[pikepdf.Pdf, random.Random], str]] = {
    "wrong_count": _wrong_count,
    "page_not_a_page": _page_not_a_page,
    "kids_not_an_array": _kids_not_an_array,
    "no_mediabox": _no_mediabox,
    "short_mediabox": _short_mediabox,
    "inverted_mediabox": _inverted_mediabox,
    "corrupt_stream": _corrupt_stream,
    "remove_font": _remove_font,
}


def _drop_kid(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One page reference of /Kids blanked out (offsets kept), /Count left as it was: a page goes missing
    while the file still parses, as one flipped byte in a page dictionary can do."""
    kids = re.search(rb"/Kids \[([^\]]*)\]", data)
    assert kids is not None, "the replicas write their page tree uncompressed"
    references = list(re.finditer(rb"\d+ 0 R", kids.group(1)))
    chosen = rng.choice(references)
    start = kids.start(1) + chosen.start()
    end = kids.start(1) + chosen.end()
    return data[:start] + b" " * (end - start) + data[
        end:
    ], f"Kids reference {chosen.group().decode()} blanked"


def _negative_length(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A stream whose /Length is negative or far too large ("read length must be non-negative")."""
    starts = [i for i in range(len(data)) if data.startswith(b"/Length ", i)]
    at = rng.choice(starts)
    end = at + len(b"/Length ")
    while data[end : end + 1].isdigit():
        end += 1
    value = rng.choice((b"-5", b"99999999", b"0"))
    return data[: at + len(b"/Length ")] + value + data[end:], f"/Length {value.decode()} at {at}"


_BYTES: dict[str, Callable[[bytes, random.Random], tuple[bytes, str]]] = {
    "flip": _flip_bytes,
    "truncate": _truncate,
    "zero_run": _zero_run,
    "drop_kid": _drop_kid,
    "negative_length": _negative_length,
}


def _mutate(original: Path, rng: random.Random, out: Path) -> str:
    kind = rng.choice([*_BYTES, *_STRUCTURAL])
    if kind in _BYTES:
        data, what = _BYTES[kind](original.read_bytes(), rng)
    else:
        with pikepdf.open(original) as pdf:
            what = _STRUCTURAL[kind](pdf, rng)
            # Streams as they are and no object streams: the damage stays where it was put.
            pdf.save(out, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
        return f"{kind}: {what}"
    out.write_bytes(data)
    return f"{kind}: {what}"


def mutants(
    seed: int, numbers: range, out_dir: Path, originals: tuple[Path, ...] = MUTATED
) -> Iterator[Mutant]:
    """Mutants number `numbers` of `originals` (round robin); each is the same file for the same seed and
    number, so a batch of them can be made alone."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        rng = random.Random(f"{seed}-{number}")
        original = originals[number % len(originals)]
        path = out_dir / f"mutant_{seed}_{number:04d}_{original.stem}.pdf"
        yield Mutant(path, original, _mutate(original, rng, path))


# --- Bombs -----------------------------------------------------------------------------------------------


def _deflate_repeated(chunk: bytes, times: int) -> bytes:
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(chunk) for _ in range(times)]
    parts.append(compressor.flush())
    return b"".join(parts)


def _with_extra_content(out: Path, compressed: bytes) -> Path:
    """The seed replica with `compressed` (Flate data) appended to page 1's content."""
    with pikepdf.open(REPLICAS[0]) as pdf:
        page = pdf.pages[0].obj
        stream = pikepdf.Stream(pdf, b"")
        stream.write(compressed, filter=pikepdf.Name.FlateDecode)
        contents = page.Contents
        page.Contents = (
            pikepdf.Array([*contents, stream])
            if isinstance(contents, pikepdf.Array)
            else pikepdf.Array([contents, stream])
        )
        pdf.save(out, compress_streams=False)
    return out


def _font_name() -> bytes:
    with pikepdf.open(REPLICAS[0]) as pdf:
        return str(next(iter(pdf.pages[0].Resources.Font.keys()))).encode()


def inflate_bomb(out: Path, inflated_mib: int = 1024) -> Path:
    """About 1 MB on disk that inflates to `inflated_mib` MiB of page content."""
    return _with_extra_content(out, _deflate_repeated(b" " * (1 << 20), inflated_mib))


def character_bomb(out: Path, characters: int = 1_000_000) -> Path:
    """A few KB that show a million characters, set far beyond the page edge."""
    text = b"BT " + _font_name() + b" 1 Tf 10 10 Td (" + b"A" * characters + b") Tj ET\n"
    return _with_extra_content(out, zlib.compress(text, 9))


def object_bomb(out: Path, rectangles: int = 1_000_000) -> Path:
    """About 40 KB that draw a million rectangles (one Python dict each in pdfplumber)."""
    return _with_extra_content(out, zlib.compress(b"0 0 1 1 re f\n" * rectangles, 9))


_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Controls def 1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfchar <00> <0000> <01> <0001> <1F> <001F> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def text_line(out: Path, text: bytes) -> Path:
    """The seed replica with one more line on page 1, `text` as printed bytes, in a Helvetica whose
    ToUnicode map reads codes 0x00, 0x01 and 0x1F as the control characters U+0000, U+0001, U+001F (what a
    damaged or careless font gives) and every other code as WinAnsi."""
    with pikepdf.open(REPLICAS[0]) as pdf:
        page = pdf.pages[0].obj
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
            ToUnicode=pikepdf.Stream(pdf, _TO_UNICODE),
        )
        page.Resources.Font.FControls = pdf.make_indirect(font)
        stream = pikepdf.Stream(pdf, b"BT /FControls 9 Tf 50 40 Td (" + text + b") Tj ET\n")
        contents = page.Contents
        page.Contents = pikepdf.Array(
            [*contents, stream] if isinstance(contents, pikepdf.Array) else [contents, stream]
        )
        pdf.save(out)
    return out


def hex_character_bomb(out: Path, characters: int = 1_000_000) -> Path:
    """A million characters as a <hex> string, on the page."""
    text = b"BT " + _font_name() + b" 1 Tf 10 10 Td <" + b"41" * characters + b"> Tj ET\n"
    return _with_extra_content(out, zlib.compress(text, 9))


BOMBS: dict[str, Callable[[Path], Path]] = {
    "inflate": inflate_bomb,
    "characters": character_bomb,
    "hex_characters": hex_character_bomb,
    "objects": object_bomb,
}


def make_bomb(kind: str, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    return BOMBS[kind](out_dir / f"bomb_{kind}.pdf")
