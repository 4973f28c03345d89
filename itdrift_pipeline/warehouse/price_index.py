"""Price/wage indices the user supplies as CSV (e.g. KL's pris- og lønskøn), loaded into dim_price_index.

The project ships no index numbers: the user names the index and its source when loading.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import sqlalchemy as sa

from itdrift_pipeline.warehouse import dialect
from itdrift_pipeline.warehouse.schema import dim_price_index

REQUIRED_COLUMNS = ("year", "value")


class PriceIndexCsvError(ValueError):
    """The CSV is not `year,value` rows with a positive decimal value per year."""


@dataclass(frozen=True)
class PriceIndexPoint:
    year: int
    value: Decimal


def read_price_index_csv(path: str | Path) -> list[PriceIndexPoint]:
    """Rows of a `year,value` CSV; lines starting with '#' are comments; '.' is the decimal mark."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PriceIndexCsvError(
            f"{path}: header must name the columns year,value (missing {', '.join(missing)}); "
            "comment lines start with '#'"
        )
    points: dict[int, PriceIndexPoint] = {}
    for number, row in enumerate(reader, start=2):
        year_text, value_text = (row["year"] or "").strip(), (row["value"] or "").strip()
        try:
            year = int(year_text)
            if "," in value_text:
                raise InvalidOperation
            value = Decimal(value_text)
        except (ValueError, InvalidOperation):
            raise PriceIndexCsvError(
                f"{path} data row {number}: year {year_text!r}, value {value_text!r}; write the year as an "
                "integer and the value with '.' as decimal mark and no thousands separator"
            ) from None
        if not value.is_finite() or value <= 0:
            raise PriceIndexCsvError(f"{path} data row {number}: index value {value} must be positive")
        if year in points:
            raise PriceIndexCsvError(f"{path} data row {number}: year {year} appears twice")
        points[year] = PriceIndexPoint(year, value)
    if not points:
        raise PriceIndexCsvError(f"{path}: no index rows")
    return [points[year] for year in sorted(points)]


def load_price_index(
    engine: sa.Engine, csv_path: str | Path, *, name: str, source: str, base_year: int | None = None
) -> int:
    """Replace the index called `name` with the CSV's rows in one transaction; returns the row count."""
    if not source.strip():
        raise PriceIndexCsvError("say where the index numbers come from (--source), e.g. the publication")
    points = read_price_index_csv(csv_path)
    for p in points:
        dialect.check_exact(
            p.value, scale=6, precision=18, sqlite_backend=dialect.is_sqlite(engine), what=f"{name} {p.year}"
        )
    loaded_at = datetime.now(UTC)
    rows = [
        {
            "index_name": name,
            "year": p.year,
            "value": p.value,
            "base_year": base_year,
            "source": source,
            "loaded_at": loaded_at,
        }
        for p in points
    ]
    with engine.execution_options(**{dialect.WRITER_OPTION: True}).begin() as connection:
        connection.execute(sa.delete(dim_price_index).where(dim_price_index.c.index_name == name))
        connection.execute(sa.insert(dim_price_index), rows)
    return len(rows)
