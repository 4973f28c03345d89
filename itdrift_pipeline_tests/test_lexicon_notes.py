"""One case per note wording (lexicon.py price-basis, scope and sign phrases) and per narrative sense.

Each case is the wording as publishers print it; the expected reading is what the extractor must give.
"""

from __future__ import annotations

import pytest

from itdrift_pipeline import lexicon
from itdrift_pipeline.extract.narrative import read_narrative
from itdrift_pipeline.extract.notes import parse_note_block, sign_of_formula
from itdrift_pipeline_tests.extract.test_narrative import words

# (kind, account, phase, fiscal_year, price_year, price_basis, sign_convention) per Note.
PRICE_WORDINGS = [
    ("Regnskab 2020 er i 2020-priser",
     [("price_year", None, "actual", 2020, 2020, "current", None)]),
    ("Beløbene er i 2021-priser",
     [("price_year", None, None, None, 2021, "fixed", None)]),
    ("Beløb i 1.000 kr., løbende priser (2020-priser)",
     [("price_year", None, None, None, 2020, "current", None)]),
    ("Beløbene er i løbende priser",
     [("price_year", None, None, None, None, "current", None)]),
    ("Alle beløb er opgjort i faste priser",
     [("price_year", None, None, None, None, "fixed", None)]),
    ("1.000 kr., 2025-pl",
     [("price_year", None, None, None, 2025, "fixed", None)]),
    ("Beløb i 1.000 kr. i 2021 P/L",
     [("price_year", None, None, None, 2021, "fixed", None)]),
    ("Regnskab 2019 og Regnskab 2020 er omregnet til 2021-priser",
     [("price_year", None, "actual", 2019, 2021, "fixed", None),
      ("price_year", None, "actual", 2020, 2021, "fixed", None)]),
    ("Regnskab 2019 og 2020 er PL-fremskrevet til 2022",
     [("price_year", None, "actual", 2019, 2022, "fixed", None),
      ("price_year", None, "actual", 2020, 2022, "fixed", None)]),
    ("Beløbene er PL-fremskrevet til 2022",
     [("price_year", None, None, None, 2022, "fixed", None)]),
    ("Korr. budget 2020 er i 2021-priser",
     [("price_year", None, "revised_budget", 2020, 2021, "fixed", None)]),
    # Years with no column word: the reader cannot tell which columns are meant, so it does not guess.
    ("Beløbene for 2019 er omregnet til 2021-priser",
     [("other", None, None, None, None, None, None)]),
]

SIGN_WORDINGS = [
    ("I over-/underskudskolonnen er +=underskud og -=overskud", "actual_minus_budget"),
    ("+=overskud og -=underskud", "budget_minus_actual"),
    ("+ = mindreforbrug", "budget_minus_actual"),
    ("+ = merforbrug", "actual_minus_budget"),
    ("(-) = merforbrug", "budget_minus_actual"),
    ("(-) = mindreforbrug", "actual_minus_budget"),
    ("Negative tal er merforbrug", "budget_minus_actual"),
    ("Negative tal angiver et mindreforbrug", "actual_minus_budget"),
    ("Afvigelse = korrigeret budget minus regnskab", "budget_minus_actual"),
    ("Afvigelse = regnskab minus korrigeret budget", "actual_minus_budget"),
    ("Afvigelse = Forbrug − Anlægsbevilling", "actual_minus_budget"),
    ("Afvigelse = Anlægsbevilling - Forbrug", "budget_minus_actual"),
]

UNREAD_WORDINGS = [
    "KB er korrigeret budget",
    "Over-/underskud er i forhold til det korrigerede budget for 2020",
    "+ = mindreforbrug og + = merforbrug",  # contradicts itself: no convention is picked
    "Afvigelse = Forventet regnskab minus korrigeret budget",  # a forecast is not an actual
]


def _read(text: str) -> list[tuple[object, ...]]:
    notes = parse_note_block([f"Anm.: {text}."], 2, "IT", "overall_result", "Overordnet regnskabsresultat")
    return [
        (n.kind, n.account, n.phase, n.fiscal_year, n.price_year, n.price_basis, n.sign_convention)
        for n in notes
    ]


@pytest.mark.parametrize(("text", "expected"), PRICE_WORDINGS, ids=[w for w, _ in PRICE_WORDINGS])
def test_price_wording(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "convention"), SIGN_WORDINGS, ids=[w for w, _ in SIGN_WORDINGS])
def test_sign_wording(text: str, convention: str) -> None:
    assert _read(text) == [("variance_sign", None, None, None, None, None, convention)]


@pytest.mark.parametrize("text", UNREAD_WORDINGS)
def test_unread_wording_stays_other(text: str) -> None:
    assert _read(text) == [("other", None, None, None, None, None, None)]


def test_amount_sign_wording() -> None:
    assert _read("+= udgift; -= indtægt") == [("amount_sign", None, None, None, None, None, None)]


def test_scope_names_the_table_until_another_is_named() -> None:
    text = (
        "I tabellen for drift er Regnskab 2019 og Regnskab 2020 omregnet til 2021-priser, og Regnskab 2021 "
        "er i 2021-priser. I tabellen for anlæg er beløbene i løbende priser: "
        "Regnskab 2019 er i 2019-priser; Regnskab 2020 er i 2020-priser; Regnskab 2021 er i 2021-priser"
    )
    assert _read(text) == [
        ("price_year", "drift", "actual", 2019, 2021, "fixed", None),
        ("price_year", "drift", "actual", 2020, 2021, "fixed", None),
        ("price_year", "drift", "actual", 2021, 2021, "current", None),
        ("price_year", "anlaeg", None, None, None, "current", None),
        ("price_year", "anlaeg", "actual", 2019, 2019, "current", None),
        ("price_year", "anlaeg", "actual", 2020, 2020, "current", None),
        ("price_year", "anlaeg", "actual", 2021, 2021, "current", None),
    ]


def test_scope_applies_to_sign_statements_too() -> None:
    assert _read("I tabellen for anlæg er Afvigelse = Forbrug − Anlægsbevilling") == [
        ("variance_sign", "anlaeg", None, None, None, None, "actual_minus_budget"),
    ]


FORMULAS = [
    ("F=(D-E)", {"D": "actual", "E": "revised_budget", "F": "variance"}, "actual_minus_budget"),
    ("F = (E - D)", {"D": "actual", "E": "revised_budget", "F": "variance"}, "budget_minus_actual"),
    ("(3) = (1)-(2)", {"(1)": "revised_budget", "(2)": "actual", "(3)": "variance"}, "budget_minus_actual"),
    ("(3) = (1)-(2)", {"1": "actual", "2": "appropriation", "3": "variance"}, "actual_minus_budget"),
    ("D=(A+B+C)", {"A": "original_budget", "B": "revised_budget", "C": "actual"}, None),
    ("C=A-B", {"A": "original_budget", "B": "revised_budget", "C": "variance"}, None),  # two budgets
    ("C=A-B", {"A": "actual", "B": "revised_budget", "C": "actual"}, None),  # target is not a variance
    ("C=A-X", {"A": "actual", "C": "variance"}, None),  # a letter no column carries
]


@pytest.mark.parametrize(("formula", "phases", "convention"), FORMULAS)
def test_header_formula(formula: str, phases: dict[str, str], convention: str | None) -> None:
    assert sign_of_formula(formula, phases) == convention


# --- Narrative senses -------------------------------------------------------------------------------

# (sentence, [(kind, phase, value in DKK, source_unit)]) per narrative wording.
NARRATIVE_WORDINGS = [
    ("Der var budgetteret med 41 årsværk til en gennemsnitspris på 648.082 kr., mens regnskabet viser "
     "41 årsværk til en gennemsnitspris på 689.038 kr.",
     [("unit_price", "budget", 648082, "DKK"), ("unit_price", "actual", 689038, "DKK")]),
    ("Prisen pr. plads var budgetteret til en pris pr. plads på 65.400 kr.",
     [("unit_price", "budget", 65400, "DKK")]),
    ("Der er i 2020 anvendt 0,9 mio. kr. til nye licenser.", [("actual", None, 900000, "mio DKK")]),
    ("Der er forbrugt 1.250.000 kr. på området.", [("actual", None, 1250000, "DKK")]),
    ("Der er brugt 12.345 t.kr. i alt.", [("actual", None, 12345000, "1000 DKK")]),
    ("Regnskabet viser 3,4 mio. kr.", [("actual", None, 3400000, "mio DKK")]),
    ("Der er budgetteret med 2,5 mio. kr. til projektet.", [("budget", None, 2500000, "mio DKK")]),
    ("Området havde et budget på 1,2 mia. kr.", [("budget", None, 1200000000, "mia DKK")]),
    ("Området har et samlet merforbrug på 1,038 mio. kr.", [("overspend", None, 1038000, "mio DKK")]),
    ("Der er et mindreforbrug på 412.000 kr.", [("underspend", None, 412000, "DKK")]),
    ("Regnskabet viser et overskud på 1.003.472 kr.", [("surplus", None, 1003472, "DKK")]),
    ("Her viser regnskabet et underskud på 866.561 kr.", [("deficit", None, 866561, "DKK")]),
    ("Der er overført 300.000 kr. fra 2019.", [("transfer", None, 300000, "DKK")]),
    ("Genbevillingen på 0,4 mio. kr. er anvendt.", [("transfer", None, 400000, "mio DKK")]),
    ("Udgifterne til vintertjeneste overskred budgettet med 1,3 mio. kr.",
     [("overspend", None, 1300000, "mio DKK")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), NARRATIVE_WORDINGS, ids=[text[:40] for text, _ in NARRATIVE_WORDINGS]
)
def test_narrative_wording(text: str, expected: list[tuple[object, ...]]) -> None:
    read = read_narrative(words(text), "IT", "1a")
    assert [(a.kind, a.phase, a.value, a.source_unit) for a in read.amounts] == expected
    assert read.unread == []


def test_carry_over_requested_keeps_its_year() -> None:
    read = read_narrative(words("Heraf er 746.810 kr. søgt overført til 2021."), "IT", "1")
    assert [(a.kind, a.to_year) for a in read.amounts] == [("carry_over_requested", 2021)]


def test_amount_without_a_sense_word_is_unread_not_guessed() -> None:
    read = read_narrative(words("Beløbet på 123.456 kr. vedrører licenser."), "IT", "2")
    assert read.amounts == []
    assert [(u.as_printed, u.row_code, u.value) for u in read.unread] == [("123.456 kr.", "2", 123456)]


def test_a_forecast_in_the_text_is_not_checked_against_the_accounts() -> None:
    """"forventes at overskride budgettet med ca. 1,3 mio. kr.": an expectation, never a false error."""
    text = "Vintertjenesten forventes at overskride budgettet med ca. 1,3 mio. kr."
    read = read_narrative(words(text), "IT", None)
    assert read.amounts == []
    assert [(u.as_printed, "forventning" in u.reason) for u in read.unread] == [("1,3 mio. kr.", True)]


@pytest.mark.parametrize(
    ("text", "variances_only"),
    [
        ("Mindreforbrug er vist med rødt.", True),
        ("Mindreforbrug er markeret med rødt.", True),
        ("Afvigelser markeres med rød skrift, når der er tale om et merforbrug.", True),
        ("Negative beløb er vist med rødt.", False),
        ("Røde tal er indtægter.", False),
    ],
)
def test_sign_by_colour_wording(text: str, variances_only: bool) -> None:
    assert lexicon.SIGN_BY_COLOUR.search(text)
    assert bool(lexicon.SIGN_BY_COLOUR_VARIANCE.search(text)) is variances_only


@pytest.mark.parametrize("text", ["Rødovre Kommune", "Tabellen viser rødt og grønt område", "Beløb i rød"])
def test_sign_by_colour_not_read_into_other_text(text: str) -> None:
    assert not lexicon.SIGN_BY_COLOUR.search(text)
