"""Danish number formatting for the reports: "." groups thousands, "," is the decimal mark."""

from __future__ import annotations

from decimal import Decimal


def danish_number(value: Decimal | int | None) -> str:
    """45271 -> "45.271", Decimal("-1.827") -> "-1,827", Decimal("45271.000") -> "45.271"; None -> ""."""
    if value is None:
        return ""
    number = Decimal(value)
    if number == number.to_integral_value():
        return f"{int(number):,}".replace(",", ".")
    text = f"{number.normalize():,f}"
    whole, _, fraction = text.partition(".")
    return f"{whole.replace(',', '.')},{fraction}"
