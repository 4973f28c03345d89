"""Ground truth: the model objects an extractor must produce from a rendered corpus PDF.

Derived from the chapter data and the Layout (the page each element was drawn on), following the fact
conventions: one Fact per printed figure, one Note per statement, one NarrativeAmount per printed amount.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from itdrift_pipeline import model

from .chapters import KRONER_PER_UNIT, UNKNOWN_FAMILY, ChapterData, Column, Row, Table
from .render import Layout


def _price_years(chapter: ChapterData) -> dict[tuple[str | None, int | None], int | None]:
    """(phase, fiscal_year) -> price year, from the chapter's price-year notes (any table)."""
    return {
        (s.phase, s.fiscal_year): s.price_year
        for table in chapter.tables for block in table.notes for s in block.statements
        if s.kind == "price_year"
    }


def _sign_conventions(chapter: ChapterData) -> dict[str, str | None]:
    """Table family -> the sign convention its own notes state for the variance column."""
    return {
        table.family: s.sign_convention
        for table in chapter.tables for block in table.notes for s in block.statements
        if s.kind == "variance_sign"
    }


def _basis(price_year: int | None, fiscal_year: int | None) -> str | None:
    """Current prices when a column is stated in its own year's prices, fixed when restated."""
    if price_year is None:
        return None
    return "current" if price_year == fiscal_year else "fixed"


def _fact_value(table: Table, column: Column, row: Row, value: Decimal) -> tuple[Decimal, str, str | None]:
    """(value, unit, source_unit) by the conventions: money in DKK, quantities as plain numbers."""
    if column.measure == "quantity":
        return value, row.unit or "units", None
    if column.measure == "unit_price":
        return value, "DKK", "DKK"
    return value * KRONER_PER_UNIT[table.unit], "DKK", table.unit


def _interpreted_tables(chapter: ChapterData) -> Iterator[Table]:
    return (t for t in chapter.tables if t.family != UNKNOWN_FAMILY)


def expected_facts(chapters: Sequence[ChapterData], layout: Layout) -> list[model.Fact]:
    facts = []
    negative = layout.style.negative
    for chapter in chapters:
        area = chapter.policy_area
        price_years = _price_years(chapter)
        signs = _sign_conventions(chapter)
        for table in _interpreted_tables(chapter):
            for row_index, row in enumerate(table.rows):
                page = layout.row_pages[(area, table.key, row_index)]
                for index, column in enumerate(table.columns):
                    printed = row.values[index]
                    if printed is None:
                        continue
                    value, unit, source_unit = _fact_value(table, column, row, printed)
                    facts.append(model.Fact(
                        policy_area=area,
                        table=table.family,
                        table_title=table.caption,
                        account=table.account,
                        sign_convention=signs.get(table.family) if column.phase == "variance" else None,
                        row_code=table.row_code(row),
                        row_label=table.row_label(row),
                        is_total=row.is_total,
                        phase=column.phase,
                        measure=column.measure,
                        fiscal_year=column.fiscal_year,
                        price_year=price_years.get((column.phase, column.fiscal_year)),
                        value=value,
                        unit=unit,
                        source_unit=source_unit,
                        as_printed=table.printed(row, index, negative),
                        page=page,
                        bbox=None,
                        # Every replica prints the year in the column's header (or its spanning group).
                        year_source="header" if column.fiscal_year is not None else None,
                        price_basis=_basis(price_years.get((column.phase, column.fiscal_year)),
                                           column.fiscal_year),
                    ))
    return facts


def expected_notes(chapters: Sequence[ChapterData], layout: Layout) -> list[model.Note]:
    notes = []
    for chapter in chapters:
        for table in chapter.tables:
            for block_index, block in enumerate(table.notes):
                page = layout.note_pages[(chapter.policy_area, table.key, block_index)]
                for statement in block.statements:
                    notes.append(model.Note(
                        policy_area=chapter.policy_area,
                        table=table.family,
                        kind=statement.kind,
                        text=statement.text,
                        fiscal_year=statement.fiscal_year,
                        price_year=statement.price_year,
                        page=page,
                        phase=statement.phase,
                        sign_convention=statement.sign_convention,
                        table_title=table.caption,
                        account=statement.account,
                        price_basis=statement.price_basis,
                    ))
    return notes


def expected_narrative_amounts(chapters: Sequence[ChapterData],
                               layout: Layout) -> list[model.NarrativeAmount]:
    amounts = []
    for chapter in chapters:
        for index, paragraph in enumerate(chapter.paragraphs):
            page = layout.paragraph_pages[(chapter.policy_area, index)]
            for sentence in paragraph.sentences:
                for amount in sentence.amounts:
                    amounts.append(model.NarrativeAmount(
                        policy_area=chapter.policy_area,
                        note=paragraph.note,
                        row_code=amount.row_code,
                        kind=amount.kind,
                        value=amount.value,
                        unit="DKK",
                        to_year=amount.to_year,
                        page=page,
                        text=sentence.text,
                        as_printed=amount.as_printed,
                        source_unit=amount.source_unit,
                        account=amount.account,
                        bbox=None,
                    ))
    return amounts


def expected_chapters(chapters: Sequence[ChapterData], layout: Layout) -> list[model.Chapter]:
    return [
        model.Chapter(
            policy_area=chapter.policy_area,
            title=f"Politikområde {chapter.policy_area}",
            committee=layout.committees[chapter.policy_area],
            first_page=layout.chapter_pages[chapter.policy_area][0],
            last_page=layout.chapter_pages[chapter.policy_area][1],
        )
        for chapter in chapters
    ]


def expected_unknown_tables(chapters: Sequence[ChapterData], layout: Layout) -> list[model.UnknownTable]:
    """Tables the extractor must set aside: page and chapter exact, cells as printed (header lines joined)."""
    unknown = []
    for chapter in chapters:
        for table in chapter.tables:
            if table.family != UNKNOWN_FAMILY:
                continue
            header = [" ".join(table.stub_header)] + [" ".join(c.header) for c in table.columns]
            body = [[table.row_label(row)] + [table.printed(row, i, layout.style.negative) or None
                                       for i in range(len(table.columns))] for row in table.rows]
            unknown.append(model.UnknownTable(
                page=layout.table_pages[(chapter.policy_area, table.key)],
                bbox=None,
                cells=[header, *body],
                policy_area=chapter.policy_area,
            ))
    return unknown


def expected_document(layout: Layout) -> dict[str, object]:
    """The DocumentInfo fields the title page / running header / footer state."""
    return {
        "municipality": layout.style.municipality,
        "report_type": "regnskab",
        "fiscal_year": layout.fiscal_year,
        "pages": layout.pages,
    }
