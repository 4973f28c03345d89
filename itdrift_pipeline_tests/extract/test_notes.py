"""notes.py: the seed chapter's Anm. blocks, statement by statement."""

from itdrift_pipeline.extract.notes import parse_note_block, split_statements, variance_sign_of

OVERALL_ANM = [
    "Anm.: Regnskab 2018 er i 2018-priser; Regnskab 2019 er i 2019-priser; Regnskab 2020 er i "
    "2020-priser. KB er korrigeret budget. For",
    "beskrivelse af forbruget i 2018 og 2019 henvises til tidligere års regnskaber. I "
    "over-/underskudskolonnen er +=underskud og -",
    "=overskud.",
]


def test_overall_result_note_block() -> None:
    notes = parse_note_block(OVERALL_ANM, 2, "IT", "overall_result", "Overordnet regnskabsresultat")
    kinds = [n.kind for n in notes]
    assert kinds == ["price_year", "price_year", "price_year", "other", "other", "variance_sign"]
    assert [(n.phase, n.fiscal_year, n.price_year) for n in notes[:3]] == [
        ("actual", 2018, 2018),
        ("actual", 2019, 2019),
        ("actual", 2020, 2020),
    ]
    assert notes[0].text == "Regnskab 2018 er i 2018-priser"
    assert notes[3].text == "KB er korrigeret budget"
    assert notes[5].text == "I over-/underskudskolonnen er +=underskud og -=overskud"
    assert notes[5].sign_convention == "actual_minus_budget"
    assert all(n.page == 2 and n.table == "overall_result" for n in notes)


def test_amount_sign_line_is_one_statement() -> None:
    notes = parse_note_block(["+= udgift; -= indtægt."], 3, "IT", "specific_assumptions", None)
    assert [(n.kind, n.text) for n in notes] == [("amount_sign", "+= udgift; -= indtægt")]


def test_variance_sign_conventions() -> None:
    assert variance_sign_of("Afvigelse = korrigeret budget minus regnskab") == "budget_minus_actual"
    assert variance_sign_of("Afvigelse = regnskab minus korrigeret budget") == "actual_minus_budget"
    stated = "I kolonnen med over-/underskud er +=underskud og -=overskud"
    assert variance_sign_of(stated) == "actual_minus_budget"
    assert variance_sign_of("+=overskud og -=underskud") == "budget_minus_actual"
    assert variance_sign_of("KB er korrigeret budget") is None


def test_statements_split_at_semicolons_and_sentences_not_abbreviations() -> None:
    assert split_statements("Over-/underskud er i forhold til det korrigerede budget for 2020. I kolonnen "
                            "med over-/underskud er +=underskud og -=overskud.") == [
        "Over-/underskud er i forhold til det korrigerede budget for 2020.",
        "I kolonnen med over-/underskud er +=underskud og -=overskud.",
    ]
