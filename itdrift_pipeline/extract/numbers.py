"""Danish printed numbers -> Decimal: "45.271", "-1.827", "–1.827", "(1.827)", "1.827-", "45,3"; "-" and ""
are None. A footnote marker after a figure ("3.341,7*", "869.377¹") is no part of its value.

Pure string functions, no geometry. A cell that looks numeric but breaks the Danish format raises
NumberFormatError: a number is never guessed or repaired here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from itdrift_pipeline import lexicon

# Hyphen-minus, en dash, minus sign: all three print as a negative sign in the books we read.
NEGATIVE_SIGNS = "-\u2013\u2212"
NO_VALUE = frozenset({"", "-", "\u2013", "\u2212"})

# Thousands grouped by dots, or by a space, no-break space or thin space ("1 234 567"), never mixed.
_GROUP_SPACES = " \u00a0\u2009\u202f"
_DIGITS = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+|\d+)(?:,\d+)?"
_SIGNED = re.compile(rf"^(?P<sign>[{NEGATIVE_SIGNS}])?\s?(?P<digits>{_DIGITS})$")
_PARENTHESISED = re.compile(rf"^\((?P<digits>{_DIGITS})\)$")
# A finance system's print-out puts the minus after the number: "9.000.000-".
_TRAILING_MINUS = re.compile(rf"^(?P<digits>{_DIGITS})[{NEGATIVE_SIGNS}]$")
# Anything made only of digits, separators and signs is meant as a number and must parse.
_NUMERIC_LOOKING = re.compile(
    rf"^(?:[{NEGATIVE_SIGNS}]?\s?\d[\d.,]*|\(\d[\d.,]*\)|\d[\d.,]*[{NEGATIVE_SIGNS}])$"
    rf"|^[{NEGATIVE_SIGNS}]?\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?:,\d+)?$"
)

# A footnote marker set right after a figure: one to three asterisks or one or two superscript digits.
_FOOTNOTE_MARK = re.compile(rf"(?<=[\d)]){lexicon.FOOTNOTE_MARKER}$")


def without_footnote_mark(text: str) -> str:
    """`text` stripped, without a footnote marker after its figure: "3.341,7*" -> "3.341,7"."""
    return _FOOTNOTE_MARK.sub("", text.strip())


class NumberFormatError(ValueError):
    """A cell that looks like a number but is not a Danish-formatted one (e.g. "1.82.7")."""


def parse_amount(text: str) -> Decimal | None:
    """The value of a printed number; None for "no value" (empty cell or a lone dash).

    "45.271" -> 45271, "45,3" -> 45.3, "-1.827" / "–1.827" / "(1.827)" / "1.827-" -> -1827,
    "3.341,7*" -> 3341.7.
    """
    cleaned = without_footnote_mark(text)
    if cleaned in NO_VALUE:
        return None
    match = _SIGNED.match(cleaned)
    negative = False
    if match:
        negative = match.group("sign") is not None
    else:
        match = _PARENTHESISED.match(cleaned) or _TRAILING_MINUS.match(cleaned)
        negative = True
    if not match:
        raise NumberFormatError(
            f"{text!r} is not a Danish-formatted number ('.' groups thousands, ',' is the decimal mark)"
        )
    digits = re.sub(f"[.{_GROUP_SPACES}]", "", match.group("digits"))
    value = Decimal(digits.replace(",", "."))
    return -value if negative else value


# The table reader asks the same few thousand cell texts these questions many times over a book.
CELL_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=CELL_CACHE_SIZE)
def looks_numeric(text: str) -> bool:
    """True for a token that is meant as a number cell (including malformed ones and a lone dash)."""
    cleaned = without_footnote_mark(text)
    return cleaned in NO_VALUE or bool(_NUMERIC_LOOKING.match(cleaned))


@lru_cache(maxsize=CELL_CACHE_SIZE)
def is_amount(text: str) -> bool:
    """True for a token that parses as a Danish number (not for "-" or "")."""
    try:
        return parse_amount(text) is not None
    except NumberFormatError:
        return False


def format_amount(value: Decimal, decimals: int = 0, negative_style: str = "-") -> str:
    """The Danish printed form of `value`; `negative_style` is "-", "–" or "()".

    The inverse of parse_amount for values with at most `decimals` decimals (used by the tests).
    """
    quantised = abs(value).quantize(Decimal(1).scaleb(-decimals)) if decimals else abs(value)
    whole, _, fraction = f"{quantised:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    body = f"{grouped},{fraction}" if fraction else grouped
    if value >= 0:
        return body
    if negative_style == "()":
        return f"({body})"
    return f"{negative_style}{body}"
