"""docs/warehouse.md is generated from the schema and cannot drift from it."""

from __future__ import annotations

from itdrift_pipeline.warehouse.dictionary import DOC_PATH, render_data_dictionary
from itdrift_pipeline.warehouse.schema import metadata
from itdrift_pipeline.warehouse.views import VIEWS


def test_every_table_and_column_has_a_comment():
    missing = [
        f"{table.name}.{column.name}"
        for table in metadata.tables.values()
        for column in table.columns
        if not column.comment
    ] + [table.name for table in metadata.tables.values() if not table.comment]
    assert missing == []
    assert all(view.comment and all(view.columns.values()) for view in VIEWS)


def test_the_committed_data_dictionary_is_current():
    assert DOC_PATH.read_text(encoding="utf-8") == render_data_dictionary(), (
        "docs/warehouse.md is stale: run `python -m itdrift_pipeline.warehouse.dictionary`"
    )


def test_the_data_dictionary_lists_every_table_view_and_column():
    text = render_data_dictionary()
    for table in metadata.tables.values():
        assert f"### {table.name}\n" in text
        for column in table.columns:
            assert f"| `{column.name}` |" in text.split(f"### {table.name}\n", 1)[1].split("\n### ", 1)[0]
    for view in VIEWS:
        section = text.split(f"### {view.name}\n", 1)[1].split("\n### ", 1)[0]
        assert all(f"| `{name}` |" in section for name in view.columns)
