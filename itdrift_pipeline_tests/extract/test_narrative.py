"""narrative.py: amounts quoted in the seed chapter's prose, their kind, row and unit."""

from dataclasses import dataclass
from decimal import Decimal

from itdrift_pipeline.extract.narrative import read_amounts, row_code_of_note, split_numbered_notes


@dataclass(frozen=True)
class W:
    text: str
    page: int = 2
    x0: float = 0.0
    top: float = 0.0
    x1: float = 1.0
    bottom: float = 1.0


def words(text: str, page: int = 2) -> list[W]:
    return [W(t, page) for t in text.split()]


LABELS = {"Udvikling": "1", "Digitaliseringspuljen": "1.a", "RPA": "2.f", "Leasing": "3", "KMD": "4",
          "Øvrige systemer": "5"}


def test_opening_text_amounts() -> None:
    text = (
        "Regnskabet for 2020 viser et samlet overskud på 1,8 mio. kr. som hovedsageligt fordeler sig på "
        "aktivitetsområderne Udvikling, Leasing, KMD og Øvrige systemer, heraf er 1,0 mio. kr. søgt overført "
        "til 2021. De 0,8 mio. kr. der er i overskud på Digitaliseringspuljen skydes at "
        "der fra puljen i 2020. "
        "På RPA – Robot Automatisering er overskuddet på 0,2 mio. kr. søgt overført og anvendes til ekstra "
        "ressource i CKO til udvikling af softwarerobotter. Anlægsbudgettet var i 2020 på 1,7 mio. kr. til "
        "Udbredelse af bredbånd."
    )
    amounts = read_amounts(words(text), "IT", None, LABELS)
    assert [(a.kind, a.value, a.row_code, a.to_year, a.account, a.source_unit) for a in amounts] == [
        ("surplus", Decimal(1_800_000), None, None, None, "mio DKK"),
        ("carry_over_requested", Decimal(1_000_000), None, 2021, None, "mio DKK"),
        ("surplus", Decimal(800_000), "1.a", None, None, "mio DKK"),
        ("surplus", Decimal(200_000), "2.f", None, None, "mio DKK"),
        ("budget", Decimal(1_700_000), None, None, "anlaeg", "mio DKK"),
    ]
    assert amounts[0].as_printed == "1,8 mio. kr."
    assert amounts[4].text == "Anlægsbudgettet var i 2020 på 1,7 mio. kr. til Udbredelse af bredbånd."


def test_numbered_notes() -> None:
    lines = [
        words("1. Udvikling"),
        words("Det samlede regnskab for dette aktivitetsområde, viser et overskud på 1.003.472 kr. heraf er"),
        words("746.810 kr. søgt overført til 2021.", page=3),
        words("1b. I 2020 har der været udgifter til DIGIT på 1.990.977 kr. Overskuddet på", 3),
        words("411.472 kr. er", 3),
        words("anvendt til dækning af underskud på andre områder.", 3),
        words("5c. Div. Software & Licenser System, her viser regnskabet et underskud på 866.561 kr.", 3),
    ]
    found = []
    for note, note_words in split_numbered_notes(lines):
        found += [(a.note, a.row_code, a.kind, a.value, a.to_year, a.page)
                  for a in read_amounts(note_words, "IT", note)]
    assert found == [
        ("1", "1", "surplus", Decimal(1003472), None, 2),
        ("1", "1", "carry_over_requested", Decimal(746810), 2021, 3),
        ("1b", "1.b", "expense", Decimal(1990977), None, 3),
        ("1b", "1.b", "surplus", Decimal(411472), None, 3),
        ("5c", "5.c", "deficit", Decimal(866561), None, 3),
    ]


def test_note_numbers_name_rows() -> None:
    assert row_code_of_note("1a") == "1.a"
    assert row_code_of_note("12") == "12"
