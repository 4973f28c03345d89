"""Tests of the test corpus: the replica PDFs say what the published text says, and the ground truth is sound.

The ground truth is checked three ways: against the published seed text, against the rendered PDF (pages),
and against the accounting rules the invented chapters must satisfy exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from itdrift_pipeline import model
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline_tests.corpus import (
    BOOK_PDF_NAME,
    PLANTED_FINDINGS,
    SEED_PDF_NAME,
    VARIANTS,
    PlantedFinding,
    Variant,
    book_chapters,
    clean_chapter,
    defective_chapter,
    expected_chapters,
    expected_facts,
    expected_narrative_amounts,
    expected_notes,
    expected_unknown_tables,
    make_variant,
    render_book,
    render_chapter_pdf,
    render_seed,
    seed_chapter,
)
from itdrift_pipeline_tests.corpus.book import invented_chapters
from itdrift_pipeline_tests.corpus.chapters import ChapterData, Row, Table, format_number, parse_danish
from itdrift_pipeline_tests.corpus.render import Layout

REPO_ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = REPO_ROOT / "data" / "raw"
PUBLISHED_SEED_TEXT = Path(__file__).parent / "corpus" / "published" / "naestved_regnskab_2020_it.txt"

# A printed number: optional minus sign glued to digits, Danish grouping and decimal mark.
NUMBER_TOKEN = re.compile(r"(?<![\w-])-?\d+(?:[.,]\d+)*")


def _pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_pages() -> list[str]:
    return _pdf_text(RAW_DIR / SEED_PDF_NAME)


@pytest.fixture(scope="module")
def book_pages() -> list[str]:
    return _pdf_text(RAW_DIR / BOOK_PDF_NAME)


# --- The committed PDFs ------------------------------------------------------------------------------


def test_committed_pdfs_open_with_the_expected_page_counts(seed_pages: list[str],
                                                           book_pages: list[str]) -> None:
    assert len(seed_pages) == 4
    assert len(book_pages) == render_book().pages == 23


@pytest.mark.parametrize(("name", "render"), [(SEED_PDF_NAME, render_seed), (BOOK_PDF_NAME, render_book)])
def test_committed_pdfs_equal_a_fresh_render(tmp_path: Path, name: str, render) -> None:
    render(tmp_path / name)
    assert (tmp_path / name).read_bytes() == (RAW_DIR / name).read_bytes(), (
        f"data/raw/{name} is stale: run `python -m itdrift_pipeline_tests.corpus`"
    )


def test_danish_letters_and_en_dash_survive_extraction(seed_pages: list[str]) -> None:
    assert "Næstved Kommune – Regnskab 2020" in seed_pages[0]
    assert "Politikområde IT" in seed_pages[0]
    assert "Øvrige systemer" in seed_pages[1]
    assert "Bemærkninger til regnskab 2020 – politikområde IT 3" in seed_pages[2]


def test_every_number_of_the_published_text_is_printed_in_the_replica(seed_pages: list[str]) -> None:
    published = Counter(NUMBER_TOKEN.findall(PUBLISHED_SEED_TEXT.read_text(encoding="utf-8")))
    printed = Counter(NUMBER_TOKEN.findall("\n".join(seed_pages)))
    missing = {token: count - printed[token] for token, count in published.items() if printed[token] < count}
    assert len(published) > 80
    assert not missing, f"numbers of the published text missing from the replica (token: times): {missing}"


def test_seed_ground_truth_counts() -> None:
    chapters, layout = [seed_chapter()], render_seed()
    assert len(expected_facts(chapters, layout)) == 77
    assert len(expected_notes(chapters, layout)) == 12
    assert len(expected_narrative_amounts(chapters, layout)) == 24


# --- Ground truth against the rendered pages ---------------------------------------------------------


@pytest.mark.parametrize("document", ["seed", "book"])
def test_every_expected_item_is_printed_on_its_page(document: str, seed_pages: list[str],
                                                    book_pages: list[str]) -> None:
    if document == "seed":
        _assert_ground_truth_is_printed([seed_chapter()], render_seed(), seed_pages)
    else:
        _assert_ground_truth_is_printed(book_chapters(), render_book(), book_pages)


def _assert_ground_truth_is_printed(chapters: list[ChapterData], layout: Layout, pages: list[str]) -> None:
    """Every expected fact, note, narrative amount, chapter and unknown table is printed where it says."""
    assert len(pages) == layout.pages
    words = [set(page.split()) for page in pages]
    collapsed = [_collapse(page) for page in pages]
    for fact in expected_facts(chapters, layout):
        assert fact.as_printed in words[fact.page - 1], fact
    for note in expected_notes(chapters, layout):
        assert _collapse(note.text) in collapsed[note.page - 1], note
    for amount in expected_narrative_amounts(chapters, layout):
        assert amount.as_printed in collapsed[amount.page - 1], amount
    committee_pages: dict[str, int] = {}
    for chapter in expected_chapters(chapters, layout):
        first_page = collapsed[chapter.first_page - 1]
        assert f"Politikområde {chapter.policy_area}" in first_page
        if chapter.committee:
            # A committee heading stands above its first chapter and holds until the next heading.
            heading_page = committee_pages.setdefault(chapter.committee, chapter.first_page)
            assert chapter.committee in collapsed[heading_page - 1]
        footer = f"politikområde {chapter.policy_area} {chapter.last_page}"
        assert footer in collapsed[chapter.last_page - 1]
    for table in expected_unknown_tables(chapters, layout):
        assert all(cell in words[table.page - 1] for row in table.cells[1:] for cell in row[1:] if cell)


def test_book_breaks_specific_assumptions_with_and_without_repeated_header(book_pages: list[str]) -> None:
    layout = render_book()
    broken = {}
    for chapter in book_chapters():
        table = chapter.specific_assumptions
        pages = sorted({page for (area, key, _), page in layout.row_pages.items()
                        if (area, key) == (chapter.policy_area, table.key)})
        if len(pages) > 1:
            broken[table.repeat_header] = pages
    assert set(broken) == {True, False}
    repeated_on, plain_on = broken[True][1], broken[False][1]
    assert "Gns. pris" in book_pages[repeated_on - 1]
    assert "Gns. pris" not in book_pages[plain_on - 1]


# --- Accounting rules the invented chapters satisfy exactly -------------------------------------------


def _column(table: Table, phase: str, measure: str = "amount", year: int = 2020) -> int:
    return next(i for i, c in enumerate(table.columns)
                if (c.phase, c.measure, c.fiscal_year) == (phase, measure, year))


def _value(row: Row, index: int) -> Decimal:
    return row.values[index] or Decimal(0)


def _consistency_errors(chapter: ChapterData) -> list[str]:
    """Every rule an invented chapter must satisfy; the published seed breaks some of them."""
    errors = []
    for table in chapter.tables:
        variance_columns = [i for i, c in enumerate(table.columns) if c.phase == "variance"]
        for index in variance_columns:
            actual, revised = _column(table, "actual"), _column(table, "revised_budget")
            for row in table.rows:
                printed = row.values[index]
                if printed is not None and printed != _value(row, actual) - _value(row, revised):
                    errors.append(f"{table.key} {row.row_label}: variance")
    drift = chapter.overall_result
    for index in range(len(drift.columns)):
        if sum(_value(r, index) for r in drift.rows[:-1]) != _value(drift.rows[-1], index):
            errors.append(f"overall_drift column {index}: sum")
    activity = chapter.activity_areas
    for index in range(len(activity.columns)):
        if sum(_value(r, index) for r in activity.rows[:-1]) != _value(activity.rows[-1], index):
            errors.append(f"activity_areas column {index}: sum")
    specific = chapter.specific_assumptions
    parents = {r.code: r for r in specific.rows if r.code and "." not in r.code}
    for phase in ("budget", "actual"):
        index = _column(specific, phase)
        for code, parent in parents.items():
            children = [r for r in specific.rows if r.code and r.code.startswith(f"{code}.")]
            if children and sum(_value(r, index) for r in children) != _value(parent, index):
                errors.append(f"specific {code} {phase}: sub-items")
        if sum(_value(r, index) for r in parents.values()) != _value(specific.rows[-1], index):
            errors.append(f"specific total {phase}: sum")
        activity_phase = "revised_budget" if phase == "budget" else "actual"
        activity_index = _column(activity, activity_phase)
        for row in activity.rows:
            other = parents.get(row.code) if row.code else specific.rows[-1]
            if _value(other, index) != _value(row, activity_index):
                errors.append(f"{row.row_label}: specific {phase} differs from activity {activity_phase}")
        quantity, price = _column(specific, phase, "quantity"), _column(specific, phase, "unit_price")
        for row in specific.rows:
            if row.values[quantity] is not None:
                priced = row.values[quantity] * row.values[price] / 1000
                if abs(priced - _value(row, index)) > Decimal("0.5"):
                    errors.append(f"specific {row.code} {phase}: quantity x price")
    total = drift.rows[-1]
    for overall_phase, activity_phase in (("actual", "actual"), ("revised_budget", "revised_budget"),
                                          ("variance", "variance")):
        if _value(total, _column(drift, overall_phase)) != _value(activity.rows[-1],
                                                                  _column(activity, activity_phase)):
            errors.append(f"overall total {overall_phase} differs from activity areas")
    stated = {(s.phase, s.fiscal_year) for t in chapter.tables for b in t.notes for s in b.statements
              if s.kind == "price_year"}
    for year in (2018, 2019, 2020):
        if ("actual", year) not in stated:
            errors.append(f"price-year note for Regnskab {year} missing")
    errors += _narrative_errors(chapter)
    return errors


def _narrative_errors(chapter: ChapterData) -> list[str]:
    """Whole-kroner amounts round to the row's variance; 'mio. kr.' amounts to 0,1 mio."""
    errors = []
    variances = {}
    for table in (chapter.activity_areas, chapter.specific_assumptions):
        for row in table.rows:
            if row.code and table is chapter.activity_areas:
                variances[row.code] = row.values[_column(table, "variance")]
            elif row.code and row.code not in variances:
                budget, actual = _column(table, "budget"), _column(table, "actual")
                variances[row.code] = _value(row, actual) - _value(row, budget)
    total_variance = chapter.activity_areas.rows[-1].values[_column(chapter.activity_areas, "variance")]
    for paragraph in chapter.paragraphs:
        for sentence in paragraph.sentences:
            for amount in sentence.amounts:
                if amount.kind not in ("surplus", "deficit"):
                    continue
                variance = total_variance if amount.row_code is None else variances[amount.row_code]
                sign = -1 if amount.kind == "surplus" else 1
                step = Decimal(100_000) if amount.source_unit == "mio DKK" else Decimal(1000)
                shown = (sign * variance * 1000 / step).quantize(Decimal(1))
                if shown != (amount.value / step).quantize(Decimal(1)):
                    errors.append(f"narrative {paragraph.note} {amount.as_printed} vs variance {variance}")
    return errors


@pytest.mark.parametrize("chapter", invented_chapters(), ids=lambda c: c.policy_area)
def test_invented_chapters_are_internally_consistent(chapter: ChapterData) -> None:
    assert _consistency_errors(chapter) == []


def test_invented_chapters_cover_institutions_quantities_and_capital() -> None:
    chapters = invented_chapters()
    assert any(c.overall_result.rows[0].values[0] is not None for c in chapters)  # Drift Virksomheder
    assert any(c.overall_anlaeg is None for c in chapters) and any(c.overall_anlaeg for c in chapters)
    quantity = _column(chapters[0].specific_assumptions, "actual", "quantity")
    assert all(any(r.values[quantity] for r in c.specific_assumptions.rows) for c in chapters)


def test_the_seed_keeps_its_published_defects() -> None:
    """The same rules find exactly the published defects in the seed: the data was not 'fixed'."""
    errors = _consistency_errors(seed_chapter())
    assert "overall_anlaeg Anlæg: variance" in errors
    assert "activity_areas IT, inventar og materiel: variance" in errors
    assert "specific total actual: sum" in errors  # 45.275 against the row sum 45.273
    assert "Øvrige systemer: specific actual differs from activity actual" in errors  # 16.749 vs 16.748
    assert any(e.startswith("narrative 1a 746.810 kr.") for e in errors)
    assert any(e.startswith("narrative None 0,8 mio. kr.") for e in errors)


# --- Number formatting --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "decimals", "negative", "printed"), [
    (Decimal(-1827), 0, "minus", "-1.827"),
    (Decimal(-1827), 0, "dash", "\u20131.827"),
    (Decimal(-1827), 0, "paren", "(1.827)"),
    (Decimal("45.3"), 1, "minus", "45,3"),
    (Decimal(0), 0, "minus", "0"),
    (Decimal(1003472), 0, "minus", "1.003.472"),
])
def test_format_number_prints_danish_figures(value: Decimal, decimals: int, negative: str,
                                             printed: str) -> None:
    assert format_number(value, decimals, negative) == printed
    if negative == "minus":
        assert parse_danish(printed) == value


def test_format_number_refuses_to_round_a_stored_figure() -> None:
    with pytest.raises(ValueError, match="store figures as printed"):
        format_number(Decimal("45.27"), 1)


# --- Layout variants ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Variant]:
    out_dir = tmp_path_factory.mktemp("variants")
    return {name: make_variant(name, out_dir) for name in VARIANTS}


def _pages(variant: Variant) -> list[str]:
    return _pdf_text(variant.pdf_path)


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_ground_truth_is_printed_where_it_says(variants: dict[str, Variant], name: str) -> None:
    variant = variants[name]
    _assert_ground_truth_is_printed(variant.chapters, variant.layout, _pages(variant))


def test_variants_render_deterministically(variants: dict[str, Variant], tmp_path: Path) -> None:
    for name in ("other_municipality", "unknown_table"):
        again = make_variant(name, tmp_path)
        assert again.pdf_path.read_bytes() == variants[name].pdf_path.read_bytes()


def test_unknown_variant_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown corpus variant 'sideways'"):
        make_variant("sideways", tmp_path)


def test_no_rules_variant_draws_no_ruling_lines(variants: dict[str, Variant]) -> None:
    with pdfplumber.open(variants["no_rules"].pdf_path) as pdf:
        assert all(not page.lines for page in pdf.pages)
    with pdfplumber.open(RAW_DIR / SEED_PDF_NAME) as pdf:
        assert pdf.pages[0].lines


def test_reordered_columns_print_budget_first_and_years_descending(variants: dict[str, Variant]) -> None:
    pages = _pages(variants["reordered_columns"])
    assert "Fagområde 47.098 45.271 41.487 44.168 -1.827" in pages[0]
    assert "1 Udvikling 4.553 2.026 3.550 -1.003" in pages[1]


@pytest.mark.parametrize(("name", "printed", "not_printed"), [
    ("dash_negatives", "\u20131.827", "-1.827"),
    ("paren_negatives", "(1.827)", "-1.827"),
    ("mio_kr", "45,3", "45.271"),
])
def test_negative_and_unit_variants_print_their_style(variants: dict[str, Variant], name: str, printed: str,
                                                      not_printed: str) -> None:
    text = "\n".join(_pages(variants[name]))
    assert printed in text and not_printed not in text
    facts = expected_facts(variants[name].chapters, variants[name].layout)
    variance = next(f for f in facts if f.row_label == "Drift Fagområde" and f.phase == "variance")
    assert variance.value == (Decimal(-1_800_000) if name == "mio_kr" else Decimal(-1_827_000))


def test_other_municipality_prints_afvigelse_as_budget_minus_actual(variants: dict[str, Variant]) -> None:
    variant = variants["other_municipality"]
    pages = _pages(variant)
    assert pages[0].startswith("Skovlund Kommune – Regnskab 2020")
    assert "Afvigelse = korrigeret budget minus regnskab" in _collapse(pages[0])
    with pdfplumber.open(variant.pdf_path) as pdf:
        assert {c["fontname"] for c in pdf.pages[0].chars} <= {"Times-Roman", "Times-Bold"}
    facts = expected_facts(variant.chapters, variant.layout)
    by_cell = {(f.table, f.row_label, f.phase): f for f in facts if f.fiscal_year == 2020}
    variances = [f for f in facts if f.phase == "variance"]
    assert variances and all(f.sign_convention == "budget_minus_actual" for f in variances)
    for variance in variances:
        revised = by_cell[(variance.table, variance.row_label, "revised_budget")].value
        actual = by_cell[(variance.table, variance.row_label, "actual")].value
        assert variance.value == revised - actual


def test_long_listing_is_one_very_long_page(variants: dict[str, Variant]) -> None:
    variant = variants["long_listing"]
    facts = [f for f in expected_facts(variant.chapters, variant.layout) if f.table == "other"]
    assert len(facts) == 2 * 401
    assert {f.page for f in facts} == {variant.layout.pages}
    assert {f.table_title for f in facts} == {"Regnskab på konti"}
    with pdfplumber.open(variant.pdf_path) as pdf:
        assert pdf.pages[-1].height == 9000


def test_unknown_table_is_expected_aside_and_gives_no_facts(variants: dict[str, Variant]) -> None:
    variant = variants["unknown_table"]
    [unknown] = expected_unknown_tables(variant.chapters, variant.layout)
    assert unknown.policy_area == "Skoler"
    assert unknown.cells[0] == ["Skoledistrikt", "Antal elever", "Antal klasser", "Klasse- kvotient"]
    facts = expected_facts(variant.chapters, variant.layout)
    assert not any(f.as_printed == "23,3" or f.row_label.startswith("Distrikt") for f in facts)


# --- Clean and defective chapters, through the real validator -----------------------------------------


def _validate_ground_truth(chapter: ChapterData, path: Path) -> list[model.Finding]:
    layout = render_chapter_pdf(chapter, path)
    document = model.DocumentInfo(file=path.name, sha256="0" * 64, pages=layout.pages,
                                  municipality="Næstved Kommune", report_type="regnskab", fiscal_year=2020)
    extraction = model.ExtractionResult(
        document=document,
        chapters=expected_chapters([chapter], layout),
        facts=expected_facts([chapter], layout),
        notes=expected_notes([chapter], layout),
        narrative_amounts=expected_narrative_amounts([chapter], layout),
    )
    return validate_document(extraction).findings


def test_clean_chapter_validates_without_findings(tmp_path: Path) -> None:
    assert _consistency_errors(clean_chapter()) == []
    assert _validate_ground_truth(clean_chapter(), tmp_path / "clean.pdf") == []


def test_defective_chapter_gives_exactly_the_planted_findings(tmp_path: Path) -> None:
    findings = _validate_ground_truth(defective_chapter(), tmp_path / "defective.pdf")
    found = sorted(PlantedFinding(f.rule, f.severity, f.table, f.row_code, f.phase, f.fiscal_year)
                   for f in findings)
    assert found == sorted(PLANTED_FINDINGS)
