"""numbers.py: the Danish number formats of the books, and the format -> parse round trip."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itdrift_pipeline.extract.numbers import (
    NumberFormatError,
    format_amount,
    is_amount,
    looks_numeric,
    parse_amount,
)


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("45.271", Decimal(45271)),
        ("-1.827", Decimal(-1827)),
        ("\u20131.827", Decimal(-1827)),
        ("\u22121.827", Decimal(-1827)),
        ("(1.827)", Decimal(-1827)),
        ("45,3", Decimal("45.3")),
        ("-0,8", Decimal("-0.8")),
        ("0", Decimal(0)),
        ("1.003.472", Decimal(1003472)),
        ("53", Decimal(53)),
        (" 1.690 ", Decimal(1690)),
        ("9.000.000-", Decimal(-9000000)),  # a finance system's trailing minus
        ("1 234 567", Decimal(1234567)),  # thousands grouped by spaces (no-break, thin)
        ("1\u00a0234,5", Decimal("1234.5")),
        ("-1\u2009048\u2009902", Decimal(-1048902)),
        ("2.118,5\u2013", Decimal("-2118.5")),
        ("3.341,7*", Decimal("3341.7")),  # a footnote marker after the figure is no part of it
        ("869.377\u00b9", Decimal(869377)),
        ("(1.827)**", Decimal(-1827)),
    ],
)
def test_printed_numbers_parse_to_their_value(printed: str, value: Decimal) -> None:
    assert parse_amount(printed) == value


@pytest.mark.parametrize("printed", ["a*", "*", "2023*x", "1.234*5"])
def test_a_footnote_marker_makes_no_figure_of_a_word(printed: str) -> None:
    assert not is_amount(printed)


@pytest.mark.parametrize("printed", ["", "-", "\u2013", "  "])
def test_empty_cells_and_lone_dashes_are_no_value(printed: str) -> None:
    assert parse_amount(printed) is None
    assert not is_amount(printed)


@pytest.mark.parametrize(
    "printed", ["1.82.7", "45.27", "1,2,3", "(1.827", "12a", "--5", "-5-", "1.827--", "1.234 567"]
)
def test_malformed_numbers_raise_instead_of_being_repaired(printed: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_amount(printed)


def test_numeric_looking_tokens_are_told_from_words() -> None:
    assert looks_numeric("-1.827")
    assert looks_numeric("(1.827)")
    assert looks_numeric("-")
    assert not looks_numeric("Fagområde")
    assert not looks_numeric("1)")


@given(
    st.decimals(min_value=-10**9, max_value=10**9, places=0, allow_nan=False, allow_infinity=False),
    st.sampled_from(["-", "\u2013", "()"]),
)
def test_whole_numbers_round_trip(value: Decimal, negative_style: str) -> None:
    assert parse_amount(format_amount(value, 0, negative_style)) == value


@given(
    st.decimals(min_value=-10**6, max_value=10**6, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from(["-", "\u2013", "()"]),
)
def test_one_decimal_numbers_round_trip(value: Decimal, negative_style: str) -> None:
    assert parse_amount(format_amount(value, 1, negative_style)) == value
