"""Layout variants of the corpus (same renderer, other styles or table shapes) and the clean/defective pair.

Each variant is what another municipality, year or export tool might print; the ground truth follows the
printed figures, so `expected_*(variant.chapters, variant.layout)` is what the extractor must produce.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import NamedTuple

from .book import KULTUR, SKOLER
from .chapters import (
    UNKNOWN_FAMILY,
    ChapterData,
    Column,
    NoteBlock,
    NoteSection,
    Row,
    Statement,
    Table,
    format_number,
)
from .invented import Area, Item, Plan, build_chapter
from .render import DEFAULT_STYLE, Layout, LayoutStyle, render_chapters
from .seed import seed_chapter
from .template import AMOUNT_SIGN_NOTE, THOUSANDS

VARIANTS = (
    "no_rules",
    "reordered_columns",
    "dash_negatives",
    "paren_negatives",
    "mio_kr",
    "other_municipality",
    "long_listing",
    "unknown_table",
)

OTHER_MUNICIPALITY_STYLE = LayoutStyle(
    name="other_municipality",
    municipality="Skovlund Kommune",
    font="Times-Roman",
    bold_font="Times-Bold",
    body_size=10.5,
    table_size=9,
    note_size=8.5,
    heading_size=13,
    leading=1.35,
    margin_left=70,
    margin_right=50,
    margin_top=80,
    margin_bottom=72,
    cell_padding=4,
)

BUDGET_MINUS_ACTUAL = "budget_minus_actual"
LISTING_ROWS = 400


class Variant(NamedTuple):
    pdf_path: Path
    chapters: list[ChapterData]
    layout: Layout


def make_variant(name: str, out_dir: str | Path) -> Variant:
    """Render variant `name` (one of VARIANTS) to out_dir/<name>.pdf."""
    builders = {
        "no_rules": lambda: ([seed_chapter()], replace(DEFAULT_STYLE, name="no_rules", ruled=False)),
        "reordered_columns": lambda: ([_reordered(seed_chapter())], DEFAULT_STYLE),
        "dash_negatives": lambda: ([seed_chapter()], replace(DEFAULT_STYLE, name="dash", negative="dash")),
        "paren_negatives": lambda: ([seed_chapter()], replace(DEFAULT_STYLE, name="paren", negative="paren")),
        "mio_kr": lambda: ([_in_millions(seed_chapter())], DEFAULT_STYLE),
        "other_municipality": lambda: ([_budget_minus_actual(build_chapter(KULTUR))],
                                       OTHER_MUNICIPALITY_STYLE),
        "long_listing": lambda: ([replace(seed_chapter(), long_listing=account_listing())], DEFAULT_STYLE),
        "unknown_table": lambda: ([replace(build_chapter(SKOLER), extra_tables=(key_figures_table(),))],
                                  DEFAULT_STYLE),
    }
    if name not in builders:
        raise ValueError(f"unknown corpus variant {name!r}; choose one of {', '.join(VARIANTS)}")
    chapters, style = builders[name]()
    path = Path(out_dir) / f"{name}.pdf"
    return Variant(path, chapters, render_chapters(chapters, path, style))


# --- Table transformations ---------------------------------------------------------------------------


def _map_tables(chapter: ChapterData, change) -> ChapterData:
    """The chapter with `change(table)` applied to each of its tables (the long listing excepted)."""
    return replace(
        chapter,
        overall_result=change(chapter.overall_result),
        overall_anlaeg=change(chapter.overall_anlaeg) if chapter.overall_anlaeg else None,
        activity_areas=change(chapter.activity_areas),
        specific_assumptions=change(chapter.specific_assumptions),
        extra_tables=tuple(change(t) for t in chapter.extra_tables),
    )


def _permute(table: Table, order: tuple[int, ...]) -> Table:
    return replace(
        table,
        columns=tuple(table.columns[i] for i in order),
        rows=tuple(replace(r, values=tuple(r.values[i] for i in order)) for r in table.rows),
    )


def _reordered(chapter: ChapterData) -> ChapterData:
    """Korr. budget before Regnskab, and years descending, as some municipalities print them."""
    orders = {
        "overall_result": (3, 2, 1, 0, 4),  # Korr. budget 2020, Regnskab 2020, 2019, 2018, Over-/underskud
        "activity_areas": (2, 1, 0, 3),  # Korr. budget, Opr. budget, Regnskab, Over-/underskud
        "specific_assumptions": (3, 4, 5, 0, 1, 2),  # the Regnskab group before the Budget group
    }
    return _map_tables(chapter, lambda t: _permute(t, orders[t.family]))


def _to_millions(table: Table) -> Table:
    """Amounts in 'Mio. kr.' with one decimal, rounded half up from the printed thousands."""
    def convert(value: Decimal | None, column: Column) -> Decimal | None:
        if value is None or column.measure != "amount":
            return value
        return (value / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    columns = tuple(
        replace(c, header=tuple(line.replace("i 1.000 kr.", "i mio. kr.") for line in c.header))
        for c in table.columns
    )
    return replace(
        table,
        unit="mio DKK",
        decimals=1,
        columns=columns,
        stub_header=tuple("Mio. kr." if line == THOUSANDS else line for line in table.stub_header),
        rows=tuple(
            replace(r, values=tuple(convert(v, c) for v, c in zip(r.values, table.columns, strict=True)))
            for r in table.rows
        ),
    )


def _in_millions(chapter: ChapterData) -> ChapterData:
    return _map_tables(chapter, _to_millions)


_AFVIGELSE_NOTE = Statement("Afvigelse = korrigeret budget minus regnskab", "variance_sign",
                            sign_convention=BUDGET_MINUS_ACTUAL)


def _afvigelse_notes(block: NoteBlock) -> NoteBlock:
    statements = []
    for statement in block.statements:
        if statement.kind == "variance_sign":
            statements.append(replace(_AFVIGELSE_NOTE, end=statement.end))
        elif statement.text.startswith("Over-/underskud er i forhold til"):
            statements.append(replace(statement, text=statement.text.replace("Over-/underskud", "Afvigelse")))
        else:
            statements.append(statement)
    return replace(block, statements=tuple(statements))


def _afvigelse(table: Table) -> Table:
    """Variance printed as 'Afvigelse' = revised budget - actual, i.e. the negated Over-/underskud."""
    columns = tuple(
        replace(c, header=("Afvigelse", str(c.fiscal_year))) if c.phase == "variance" else c
        for c in table.columns
    )
    rows = tuple(
        replace(r, values=tuple(-v if v is not None and c.phase == "variance" else v
                                for v, c in zip(r.values, table.columns, strict=True)))
        for r in table.rows
    )
    return replace(table, columns=columns, rows=rows, notes=tuple(_afvigelse_notes(b) for b in table.notes))


def _budget_minus_actual(chapter: ChapterData) -> ChapterData:
    return _map_tables(chapter, _afvigelse)


# --- Extra tables ------------------------------------------------------------------------------------

_ACCOUNT_TEXTS = (
    "Lønninger", "Vikarer", "Kontorartikler", "Licenser", "Husleje", "El og varme", "Rengøring",
    "Konsulentbistand", "Porto", "Telefoni", "Kurser", "Befordring", "Forsikringer", "Vedligeholdelse",
    "Inventar", "Abonnementer", "Gebyrer", "Refusioner", "Salg af ydelser", "Diverse udgifter",
)


def account_listing(rows: int = LISTING_ROWS, year: int = 2020) -> Table:
    """'Regnskab på konti': a ledger export, Konto / Tekst / Regnskab / Korr. budget, with an exact total."""
    rng = random.Random("account-listing")
    listing = []
    for i in range(rows):
        konto = f"{i // 60}.{(i % 60) // 6 * 5 + 10:02d}.{i % 6 * 7 + 10:02d}"
        text = _ACCOUNT_TEXTS[i % len(_ACCOUNT_TEXTS)]
        income = text in ("Refusioner", "Salg af ydelser")
        budget = rng.randint(20, 9_800) * (-1 if income else 1)
        actual = budget + rng.randint(-400, 400)
        listing.append(Row((text,), (Decimal(actual), Decimal(budget)), code=konto))
    totals = tuple(sum((r.values[i] for r in listing), Decimal(0)) for i in range(2))
    listing.append(Row(("Konti i alt",), totals, is_total=True))
    return Table(
        key="long_listing", family="other", caption="Regnskab på konti", account=None,
        stub_header=("Tekst",), code_header="Konto", has_code_column=True, account_codes=True,
        columns=(Column(("Regnskab", str(year)), "actual", year),
                 Column(("Korr. budget", str(year)), "revised_budget", year)),
        rows=tuple(listing),
        notes=(AMOUNT_SIGN_NOTE,),
    )


def key_figures_table() -> Table:
    """'Nøgletal' per school district: counts and ratios that are no accounts figures (an unknown table)."""
    districts = (("Distrikt Nord", 1_834, 79), ("Distrikt Syd", 1_612, 71), ("Distrikt Øst", 2_105, 90),
                 ("Distrikt Vest", 1_477, 66), ("Distrikt Midt", 2_341, 98))
    rows = tuple(
        Row((name,), (Decimal(pupils), Decimal(classes),
                      (Decimal(pupils) / classes).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)))
        for name, pupils, classes in districts
    )
    return Table(
        key="key_figures", family=UNKNOWN_FAMILY, caption="Nøgletal", account=None,
        stub_header=("Skoledistrikt",),
        columns=(Column(("Antal", "elever"), None, None), Column(("Antal", "klasser"), None, None),
                 Column(("Klasse-", "kvotient"), None, None, decimals=1)),
        rows=rows,
    )


# --- Clean and defective chapters --------------------------------------------------------------------

DIGITALISERING = Plan(
    policy_area="Digitalisering",
    committee="Økonomiudvalget",
    intro="Politikområdet omfatter kommunens fælles digitale løsninger, selvbetjening og "
          "digitaliseringsprojekter. Digitaliseringscentret er en selvstændig virksomhed.",
    total_label="Politikområde\nDigitalisering i alt",
    prior_actuals=(21_460, 22_310),
    institutions=(6_240, 6_410, 6_655, 6_900),
    # New capital projects in 2020: no Anlæg figures for the earlier years.
    anlaeg=(None, None, 2_350, 2_800),
    anlaeg_purpose="udskiftning af netværksudstyr",
    carry_over=300,
    named_area=1,
    areas=(
        Area("Selvbetjening", 6_400, (
            Item("Borger.dk-løsninger", 3_100, 2_870, reason="En ny formularløsning er udskudt."),
            Item("Digital post", unit="Forsendelser", quantity=(410_000, 395_000), price=(5, 5)),
            Item("Chatbot", 1_050, 1_090),
        ), reason="Færre forsendelser og en udskudt formularløsning."),
        Area("Digitaliseringscenter", 6_700, budget=6_900, actual=6_655,
             reason="Centrets overskud overføres til 2021."),
        Area("Fælles systemer", 9_100, (
            Item("Sagsbehandlingssystem", 4_300, 4_615, reason="Licenserne er steget efter genudbud."),
            Item("Dokumentboks", 1_200, 1_180),
            Item("Integrationsplatform", 3_800, 3_540, reason="Færre integrationer er sat i drift."),
        ), reason="Dyrere licenser er næsten opvejet af færre integrationer."),
    ),
)


class PlantedFinding(NamedTuple):
    rule: str
    severity: str
    table: str
    row_code: str | None
    phase: str
    fiscal_year: int


PLANTED_FINDINGS = (
    # Drift Virksomheder, Regnskab 2018 +50: the total no longer adds up; 2018 appears in no other table.
    PlantedFinding("sum_mismatch", "error", "overall_result", None, "actual", 2018),
    # Anlæg Over-/underskud printed with the wrong sign.
    PlantedFinding("variance_mismatch", "error", "overall_result", None, "variance", 2020),
    # "Regnskab 2019 er i 2019-priser" left out of the Anm. (the Anlæg row has no 2019 figure).
    PlantedFinding("price_year_missing", "error", "overall_result", None, "actual", 2019),
    # "Regnskab 2018 er i 2017-priser" (the Anlæg row has no 2018 figure).
    PlantedFinding("price_year_mismatch", "error", "overall_result", None, "actual", 2018),
    # 1.c Chatbot's budget +30, no narrative speaks of it: sub-items no longer add up to 1 Selvbetjening.
    PlantedFinding("sum_mismatch", "error", "specific_assumptions", "1", "budget", 2020),
    # Note 1 quotes a surplus 100.000 kr. larger than the table's Over-/underskud.
    PlantedFinding("narrative_mismatch", "error", "activity_areas", "1", "variance", 2020),
)


def clean_chapter() -> ChapterData:
    """An invented chapter that satisfies every rule: it must validate with no errors and no warnings."""
    return build_chapter(DIGITALISERING)


def defective_chapter() -> ChapterData:
    """clean_chapter() with the PLANTED_FINDINGS defects, each isolated so it causes exactly one finding."""
    chapter = clean_chapter()
    drift = chapter.overall_result
    institutions = drift.rows[0]
    institutions = replace(institutions, values=(institutions.values[0] + 50, *institutions.values[1:]))
    drift = replace(drift, rows=(institutions, *drift.rows[1:]))

    anlaeg = chapter.overall_anlaeg
    capital = anlaeg.rows[0]
    anlaeg = replace(anlaeg, rows=(replace(capital, values=(*capital.values[:4], -capital.values[4])),),
                     notes=tuple(_planted_price_year_notes(b) for b in anlaeg.notes))

    specific = chapter.specific_assumptions
    budget = next(i for i, c in enumerate(specific.columns) if (c.phase, c.measure) == ("budget", "amount"))
    specific = replace(specific, rows=tuple(
        replace(r, values=tuple(v + 30 if i == budget else v for i, v in enumerate(r.values)))
        if r.code == "1.c" else r
        for r in specific.rows
    ))

    return replace(chapter, overall_result=drift, overall_anlaeg=anlaeg, specific_assumptions=specific,
                   notes=(_overstated_note(chapter.notes[0]), *chapter.notes[1:]))


def _planted_price_year_notes(block: NoteBlock) -> NoteBlock:
    statements = []
    for statement in block.statements:
        if statement.kind == "price_year" and statement.fiscal_year == 2019:
            continue
        if statement.kind == "price_year" and statement.fiscal_year == 2018:
            statement = replace(statement, text="Regnskab 2018 er i 2017-priser", price_year=2017)
        statements.append(statement)
    return replace(block, statements=tuple(statements))


def _overstated_note(section: NoteSection) -> NoteSection:
    """Note 1 with its surplus raised by 100.000 kr. in the text (and in the annotated amount)."""
    first, *rest = section.paragraphs
    sentence = first.sentences[0]
    amount = sentence.amounts[0]
    wrong = f"{format_number(amount.value + 100_000)} kr."
    sentence = replace(sentence, text=sentence.text.replace(amount.as_printed, wrong),
                       amounts=(replace(amount, as_printed=wrong),))
    first = replace(first, sentences=(sentence, *first.sentences[1:]))
    return replace(section, paragraphs=(first, *rest))
