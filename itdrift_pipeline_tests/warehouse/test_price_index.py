"""A user-supplied price index: strict CSV reading, replacement by name, the CLI."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from itdrift_pipeline.cli import main
from itdrift_pipeline.warehouse import load_price_index
from itdrift_pipeline.warehouse.price_index import PriceIndexCsvError, read_price_index_csv
from itdrift_pipeline.warehouse.schema import dim_price_index

TEST_INDEX = Path(__file__).with_name("price_index_TEST_DATA.csv")


def test_the_test_index_is_marked_as_test_data():
    assert "TEST DATA" in TEST_INDEX.read_text(encoding="utf-8").splitlines()[0]


def test_reading_the_csv_skips_comments_and_keeps_decimals_exact():
    points = read_price_index_csv(TEST_INDEX)
    assert [(p.year, p.value) for p in points] == [(2018, Decimal("100.0")), (2020, Decimal("104.5"))]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("aar,indeks\n2020,100\n", "header must name the columns year,value"),
        ('year,value\n2020,"100,5"\n', "'.' as decimal mark"),
        ("year,value\n2020,100\n2020,101\n", "appears twice"),
        ("year,value\n2020,-1\n", "must be positive"),
        ("year,value\ntyve,100\n", "integer"),
        ("# only a comment\nyear,value\n", "no index rows"),
    ],
)
def test_a_malformed_csv_is_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "index.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PriceIndexCsvError, match=message):
        read_price_index_csv(path)


def test_loading_an_index_again_replaces_it(engine, tmp_path):
    load_price_index(engine, TEST_INDEX, name="TEST DATA index", source="invented for tests", base_year=2018)
    shorter = tmp_path / "shorter.csv"
    shorter.write_text("# TEST DATA\nyear,value\n2021,107.25\n", encoding="utf-8")

    count = load_price_index(engine, shorter, name="TEST DATA index", source="invented, second version")

    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(dim_price_index.c.year, dim_price_index.c.value, dim_price_index.c.source)
        ).all()
    assert count == 1
    assert rows == [(2021, Decimal("107.25"), "invented, second version")]


def test_cli_price_index_load(warehouse_url, engine, capsys, tmp_path):
    code = main(
        [
            "price-index",
            "load",
            str(TEST_INDEX),
            "--name",
            "TEST DATA index",
            "--source",
            "tests",
            "--warehouse",
            warehouse_url,
        ]
    )
    assert code == 0
    assert "TEST DATA index: 2 years loaded" in capsys.readouterr().out

    bad = tmp_path / "bad.csv"
    bad.write_text("year,value\n2020,abc\n", encoding="utf-8")
    code = main(
        ["price-index", "load", str(bad), "--name", "x", "--source", "tests", "--warehouse", warehouse_url]
    )
    assert code == 2
    assert "data row 2" in capsys.readouterr().err
