"""Notes and narrative of other publishers, rendered with the corpus renderer: invented numbers, real wording.

- a chapter whose numbered notes quote the budgeted and the actual unit price of every activity in the
  "Der var budgetteret med N ... til en gennemsnitspris på P kr., mens regnskabet viser ..." form: no
  false error; and the same chapter with one planted wrong unit price: exactly that error;
- a chapter whose Anm. restates the drift table ("omregnet til 2021-priser") beside an anlæg table in
  løbende priser: the Notes carry the scope, basis and price year of each column.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.narrative import read_narrative
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.validate.rules import narrative_mismatch, unread_narrative
from itdrift_pipeline_tests.corpus import render_chapter_pdf
from itdrift_pipeline_tests.corpus.chapters import (
    ChapterData,
    NoteBlock,
    NoteSection,
    Statement,
    format_number,
    paragraph,
)
from itdrift_pipeline_tests.corpus.invented import Area, Item, Plan, build_chapter
from itdrift_pipeline_tests.extract.test_narrative import words

YEAR = 2021

# Every sub-item priced by quantity x Gns. pris, so every activity has a unit-price sentence.
IT_SERVICE = Plan(
    policy_area="IT-service",
    committee="Økonomiudvalget",
    intro="Politikområdet omfatter kommunens IT-support, drift af servere og netværk samt licenser.",
    total_label="Politikområde\nIT-service i alt",
    prior_actuals=(51_230, 52_870),
    areas=(
        Area("IT-support", 41_000, (
            Item("Supportere", unit="Årsværk", quantity=(41, 41), price=(648_082, 689_038)),
            Item("Lærlinge", unit="Årsværk", quantity=(6, 5), price=(231_400, 228_950)),
        )),
        Area("Licenser", 14_500, (
            Item("Kontorpakker", unit="Brugere", quantity=(5_200, 5_340), price=(1_450, 1_462)),
            Item("Fagsystemer", unit="Systemer", quantity=(38, 36), price=(212_300, 219_480)),
        )),
    ),
)


def _unit_price_text(item: Item, planted_actual_price: int | None = None) -> str:
    quantity, price = item.quantity, item.price
    assert quantity and price and item.unit
    actual_price = planted_actual_price or price[1]
    unit = item.unit.lower()
    return (
        f"Der var budgetteret med {format_number(Decimal(quantity[0]))} {unit} til en gennemsnitspris på "
        f"{format_number(Decimal(price[0]))} kr., mens regnskabet viser "
        f"{format_number(Decimal(quantity[1]))} {unit} til en gennemsnitspris på "
        f"{format_number(Decimal(actual_price))} kr."
    )


def unit_price_chapter(planted: tuple[str, int] | None = None) -> ChapterData:
    """IT_SERVICE with one note per sub-item quoting its budgeted and actual unit price; `planted` =
    (row code, wrong actual unit price) prints that price instead of the table's."""
    chapter = build_chapter(IT_SERVICE, YEAR)
    sections = []
    for number, (area, section) in enumerate(zip(IT_SERVICE.areas, chapter.notes, strict=True), start=1):
        paragraphs = [section.paragraphs[0]]
        for letter, item in zip("abcdefgh", area.items, strict=False):
            code = f"{number}.{letter}"
            wrong = planted[1] if planted and planted[0] == code else None
            paragraphs.append(paragraph(_unit_price_text(item, wrong), note=f"{number}{letter}",
                                        label=f"{number}{letter}."))
        sections.append(NoteSection(section.number, section.title, tuple(paragraphs)))
    return replace(chapter, notes=tuple(sections))


def _read(chapter: ChapterData, path: Path) -> tuple[model.ExtractionResult, model.ValidationResult]:
    render_chapter_pdf(chapter, path)
    extraction = extract_document(path)
    return extraction, validate_document(extraction)


def test_unit_prices_quoted_for_every_activity_give_no_false_error(tmp_path: Path) -> None:
    extraction, validation = _read(unit_price_chapter(), tmp_path / "unit_prices.pdf")
    unit_prices = [a for a in extraction.narrative_amounts if a.kind == "unit_price"]
    expected = []
    for number, area in enumerate(IT_SERVICE.areas, start=1):
        for letter, item in zip("abcdefgh", area.items, strict=False):
            assert item.price
            expected += [(f"{number}.{letter}", "budget", Decimal(item.price[0])),
                         (f"{number}.{letter}", "actual", Decimal(item.price[1]))]
    assert [(a.row_code, a.phase, a.value) for a in unit_prices] == expected
    errors = [f.message for f in validation.findings if f.severity == "error"]
    assert errors == []
    # Every unit price found its Gns. pris column: none is left as an unchecked info either.
    assert not [f for f in validation.findings if f.rule == "narrative_mismatch"]


def test_a_wrong_unit_price_in_a_note_is_an_error(tmp_path: Path) -> None:
    chapter = unit_price_chapter(planted=("2.b", 229_480))  # the table prints 219.480
    _, validation = _read(chapter, tmp_path / "planted_unit_price.pdf")
    errors = [f for f in validation.findings if f.severity == "error"]
    assert [(f.rule, f.row_code, f.phase, f.table, f.expected, f.shown) for f in errors] == [
        ("narrative_mismatch", "2.b", "actual", "specific_assumptions", Decimal(219_480), Decimal(229_480)),
    ]


# --- A restated drift table beside an anlæg table in løbende priser -----------------------------------

RESTATED_NOTE = NoteBlock("Anm.:", (
    Statement(f"I tabellen for drift er Regnskab {YEAR - 2} og Regnskab {YEAR - 1} omregnet til "
              f"{YEAR}-priser, og Regnskab {YEAR} er i {YEAR}-priser"),
    Statement(f"I tabellen for anlæg er beløbene i løbende priser: Regnskab {YEAR - 2} er i "
              f"{YEAR - 2}-priser", end=";"),
    Statement(f"Regnskab {YEAR - 1} er i {YEAR - 1}-priser", end=";"),
    Statement(f"Regnskab {YEAR} er i {YEAR}-priser"),
    Statement("I over-/underskudskolonnen er +=underskud og -=overskud"),
))


def restated_chapter() -> ChapterData:
    plan = replace(IT_SERVICE, anlaeg=(1_250, 980, 2_310, 2_500), anlaeg_purpose="nye servere")
    chapter = build_chapter(plan, YEAR)
    assert chapter.overall_anlaeg is not None
    return replace(chapter, overall_anlaeg=replace(chapter.overall_anlaeg, notes=(RESTATED_NOTE,)))


@pytest.fixture(scope="module")
def restated(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[model.ExtractionResult, model.ValidationResult]:
    return _read(restated_chapter(), tmp_path_factory.mktemp("restated") / "restated.pdf")


def test_restated_drift_and_current_anlaeg_notes(
    restated: tuple[model.ExtractionResult, model.ValidationResult],
) -> None:
    extraction, _ = restated
    price_notes = [
        (n.account, n.phase, n.fiscal_year, n.price_year, n.price_basis)
        for n in extraction.notes if n.kind == "price_year"
    ]
    assert price_notes == [
        ("drift", "actual", YEAR - 2, YEAR, "fixed"),
        ("drift", "actual", YEAR - 1, YEAR, "fixed"),
        ("drift", "actual", YEAR, YEAR, "current"),
        ("anlaeg", None, None, None, "current"),
        ("anlaeg", "actual", YEAR - 2, YEAR - 2, "current"),
        ("anlaeg", "actual", YEAR - 1, YEAR - 1, "current"),
        ("anlaeg", "actual", YEAR, YEAR, "current"),
    ]
    sign = [n for n in extraction.notes if n.kind == "variance_sign" and n.table == "overall_result"]
    assert [(n.account, n.sign_convention) for n in sign] == [("anlaeg", "actual_minus_budget")]


def test_restated_notes_do_not_contradict_each_other(
    restated: tuple[model.ExtractionResult, model.ValidationResult],
) -> None:
    _, validation = restated
    contradictions = [
        f for f in validation.findings if f.rule == "price_year_mismatch" and f.row_code is None
    ]
    assert contradictions == []


# The per-column price years of the facts come from applying the notes to the table and column they name
# (tables.ChapterConventions): the drift table's restatement never reaches the anlæg table and back.
@pytest.mark.parametrize(
    ("account", "fiscal_year", "price_year", "price_basis"),
    [
        ("drift", YEAR - 2, YEAR, "fixed"),
        ("drift", YEAR - 1, YEAR, "fixed"),
        ("drift", YEAR, YEAR, "current"),
        ("anlaeg", YEAR - 2, YEAR - 2, "current"),
        ("anlaeg", YEAR - 1, YEAR - 1, "current"),
        ("anlaeg", YEAR, YEAR, "current"),
    ],
)
def test_restated_chapter_gives_every_actual_its_stated_price_year(
    restated: tuple[model.ExtractionResult, model.ValidationResult],
    account: str,
    fiscal_year: int,
    price_year: int,
    price_basis: str,
) -> None:
    extraction, _ = restated
    column = [
        f for f in extraction.facts
        if f.table == "overall_result" and f.account == account and f.phase == "actual"
        and f.fiscal_year == fiscal_year
    ]
    assert column
    assert {(f.price_year, f.price_basis) for f in column} == {(price_year, price_basis)}


# --- The rule on records: units of the amount, and amounts without a sense ----------------------------

DOCUMENT = model.DocumentInfo(
    file="x.pdf", sha256="0" * 64, pages=1, municipality="Næstved", report_type="regnskab", fiscal_year=2020
)


def _fact(phase: str, value: str, source_unit: str = "mio DKK") -> model.Fact:
    number = Decimal(value.replace(".", "").replace(",", "."))
    return model.Fact(
        policy_area="Skoler", table="activity_areas", table_title="Regnskab på aktivitetsområder",
        account="drift", sign_convention="actual_minus_budget", row_code=None,
        row_label="Politikområdet i alt",
        is_total=True, phase=phase, measure="amount", fiscal_year=2020, price_year=2020,
        value=number * 1_000_000, unit="DKK", source_unit=source_unit, as_printed=value, page=1, bbox=None,
    )


def _amount(kind: str, as_printed: str, value: str, source_unit: str) -> model.NarrativeAmount:
    return model.NarrativeAmount(
        policy_area="Skoler", note=None, row_code=None, kind=kind, value=Decimal(value), unit="DKK",
        to_year=None, page=1, text=f"Budgettet var på {as_printed}", as_printed=as_printed,
        source_unit=source_unit,
    )


def test_mia_amount_is_checked_within_its_own_rounding() -> None:
    facts = [_fact("actual", "1.180,4"), _fact("revised_budget", "1.210,4"), _fact("variance", "-30,0")]
    correct = _amount("budget", "1,2 mia. kr.", "1200000000", "mia DKK")
    assert narrative_mismatch(DOCUMENT, facts, [correct]) == []
    wrong = _amount("budget", "1,4 mia. kr.", "1400000000", "mia DKK")
    assert [f.severity for f in narrative_mismatch(DOCUMENT, facts, [wrong])] == ["error"]


def test_transfers_are_never_compared() -> None:
    facts = [_fact("actual", "1.180,4"), _fact("revised_budget", "1.210,4")]
    transfer = _amount("transfer", "0,4 mio. kr.", "400000", "mio DKK")
    assert narrative_mismatch(DOCUMENT, facts, [transfer]) == []


def test_overspend_is_read_against_the_variance_by_its_convention() -> None:
    facts = [_fact("actual", "12,4"), _fact("revised_budget", "11,0"), _fact("variance", "1,4")]
    overspend = _amount("overspend", "1,4 mio. kr.", "1400000", "mio DKK")
    underspend = _amount("underspend", "1,4 mio. kr.", "1400000", "mio DKK")
    assert narrative_mismatch(DOCUMENT, facts, [overspend]) == []
    assert [f.severity for f in narrative_mismatch(DOCUMENT, facts, [underspend])] == ["error"]


def test_unread_amount_is_info() -> None:
    unread = model.UnreadNarrativeAmount(
        policy_area="Skoler", note="2", row_code="2", value=Decimal(123456), page=3,
        text="Beløbet på 123.456 kr. vedrører licenser.", as_printed="123.456 kr.", source_unit="DKK",
    )
    findings = unread_narrative(DOCUMENT, [unread])
    assert [(f.rule, f.severity, f.row_code, f.shown) for f in findings] == [
        ("narrative_mismatch", "info", "2", Decimal(123456)),
    ]


def test_an_unread_amount_in_a_pdf_reaches_the_findings_as_info(tmp_path: Path) -> None:
    """End to end: the extraction result carries the amount no word explains, the validator reports it."""
    chapter = unit_price_chapter()
    first = chapter.notes[0]
    licences = paragraph("Beløbet på 123.456 kr. vedrører licenser.", note="1", label="1.")
    first = NoteSection(first.number, first.title, (licences, *first.paragraphs[1:]))
    chapter = replace(chapter, notes=(first, *chapter.notes[1:]))
    pdf = tmp_path / "unread.pdf"
    render_chapter_pdf(chapter, pdf)
    extraction = extract_document(pdf)
    assert [u.as_printed for u in extraction.unread_narrative] == ["123.456 kr."]
    round_trip = model.ExtractionResult.from_dict(extraction.to_dict())
    assert round_trip.unread_narrative == extraction.unread_narrative
    info = [f for f in validate_document(extraction).findings if f.severity == "info" and f.shown == 123456]
    assert len(info) == 1 and "ingen ord siger" in info[0].message


# --- Which row a sentence speaks of: a row its clause names, else the area's total (never a "Heraf") ---


def _row(label: str, actual: str, budget: str, variance: str, total: bool = False) -> list[model.Fact]:
    return [
        replace(_fact(phase, value, "1000 DKK"), row_label=label, is_total=total,
                value=Decimal(value.replace(".", "")) * 1000)
        for phase, value in (("actual", actual), ("revised_budget", budget), ("variance", variance))
    ]


WINTER = [
    *_row("Vejvedligeholdelse", "38.114", "36.920", "1.194"),
    *_row("Vintertjeneste", "9.870", "12.400", "-2.530"),
    *_row("Heraf i alt", "9.000", "9.500", "-500", total=True),
    *_row("I alt", "47.984", "49.320", "-1.336", total=True),
]


def _said(kind: str, sentence: str, as_printed: str) -> model.NarrativeAmount:
    value = Decimal(as_printed.split()[0].replace(",", ".")) * 1_000_000
    return replace(_amount(kind, as_printed, str(value), "mio DKK"), text=sentence)


@pytest.mark.parametrize(
    ("sentence", "as_printed", "errors"),
    [
        ("Vintertjenesten har et mindreforbrug på 2,5 mio. kr. efter en mild vinter.", "2,5 mio. kr.", 0),
        ("Vintertjenesten har et mindreforbrug på 3,5 mio. kr.", "3,5 mio. kr.", 1),  # planted: the row's
        # The area's total, not the Heraf total printed before it.
        ("Regnskabet viser et samlet mindreforbrug på 1,3 mio. kr.", "1,3 mio. kr.", 0),
        # The clause before the amount says what it is of; a later clause's cause names no row for it.
        ("Udvalget har et mindreforbrug på 1,3 mio. kr., som skyldes vintertjenesten.", "1,3 mio. kr.", 0),
        ("Trafikken er faldet, mens vintertjenesten har et mindreforbrug på 2,5 mio. kr.", "2,5 mio. kr.", 0),
    ],
)
def test_the_row_a_sentence_names_is_the_row_compared(sentence: str, as_printed: str, errors: int) -> None:
    findings = narrative_mismatch(DOCUMENT, WINTER, [_said("underspend", sentence, as_printed)])
    assert [f.severity for f in findings] == ["error"] * errors
    if errors:
        assert findings[0].row_label == "Vintertjeneste"


def test_a_sentence_naming_two_rows_is_not_compared_with_either() -> None:
    sentence = "Vejvedligeholdelse og vintertjeneste har tilsammen et mindreforbrug på 9,9 mio. kr."
    findings = narrative_mismatch(DOCUMENT, WINTER, [_said("underspend", sentence, "9,9 mio. kr.")])
    assert [f.severity for f in findings] == ["info"]


GROUPED = [
    *_row("Odense", "9.387", "9.410", "-23"),
    *_row("Somatik i alt", "20.987", "20.998", "-11", total=True),
    *_row("Psykiatri", "2.770", "2.794", "-24"),
    *_row("Sundhed i alt", "30.368", "30.397", "-29", total=True),
]


def test_an_area_amount_agrees_with_any_of_a_grouped_tables_totals() -> None:
    sentence = "Sundhedsområdet udviser samlet et mindreforbrug på 0,0 mio. kr."
    said = _said("underspend", sentence, "0,0 mio. kr.")
    grand = replace(said, value=Decimal(29_000), as_printed="29.000 kr.", source_unit="DKK")
    assert narrative_mismatch(DOCUMENT, GROUPED, [grand]) == []  # the grand total, printed last
    wrong = replace(grand, value=Decimal(50_000), as_printed="50.000 kr.")
    [error] = narrative_mismatch(DOCUMENT, GROUPED, [wrong])
    assert (error.severity, error.row_label) == ("error", "Somatik i alt")  # reported on the first


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Nettodriftsudgifterne udgør 289.970 t.kr. i 2027, en stigning i forhold til vedtaget budget 2026 "
         "på 5,8 mio. kr., som primært skyldes den nye IT-platform.", "ændring"),
        ("Nettodriftsbudgettet for 2027 udgør 575,0 mio. kr., hvilket er 3,7 mio. kr. mere end det "
         "oprindelige budget for 2026.", "ændring"),
    ],
)
def test_a_change_between_two_figures_is_unread_not_compared(sentence: str, reason: str) -> None:
    read = read_narrative(words(sentence), "Skoler", None)
    [unread] = read.unread
    assert reason in unread.reason and unread.as_printed in ("5,8 mio. kr.", "3,7 mio. kr.")
    assert [a.kind for a in read.amounts] in (["expense"], ["budget"])


def test_an_amount_asked_carried_over_is_a_carry_over_whatever_it_was() -> None:
    sentence = "Overskuddet skyldes Licenser, hvor et mindreforbrug på 0,9 mio. kr. søges overført til 2026."
    [amount] = read_narrative(words(sentence), "IT", None).amounts
    assert (amount.kind, amount.to_year) == ("carry_over_requested", 2026)
