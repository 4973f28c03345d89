"""The layout corpus as plain data: accounts tables as other publishers print them.

Every document here is INVENTED: the numbers come from a seeded random generator (totals are sums of their
rows, variances are computed from the printed columns), the words and the shapes are those of real Danish
municipal and state accounts (Regnskab, Årsberetning, Budgetopfølgning, Budget with overslagsår, capital
project accounts, a state agency's monthly table). No published table is copied.

Each document says what it is (title, municipality, report type, fiscal year), which failure classes of a
table reader it exercises (`classes`, see CLASSES), which producer prints it (`producer`: "html" =
Chromium, "office" = LibreOffice Writer, "reportlab" = platypus), and for every figure column its intended
MEANING (`Meaning`): phase, measure, fiscal year and where that year was printed, source unit, flow, or
`unread` with a reason. truth.py derives the expected facts from these meanings and the printed cell texts
alone; nothing here looks at an extractor.

Each of the nine archetypes below is printed by two producers, with different municipalities, numbers,
styling and negative-number forms, so every class is covered by at least two producers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random

PRODUCERS = ("html", "office", "reportlab")

# The failure classes a table reader meets in other publishers' PDFs (the brief's eight groups).
CLASSES: dict[str, str] = {
    # 1. styling: tables must not be cut into one-row fragments
    "zebra": "rows on alternating filled backgrounds",
    "full_grid": "every cell bordered",
    "booktabs": "only top, mid and bottom rules",
    "shaded_header": "header row on a filled background",
    "padded": "generous cell padding (8-10 px, 6-7.5 pt)",
    "unruled": "no rules at all, whitespace-aligned columns",
    # 2.
    "close_headers": "narrow columns whose header words sit close together (Stednr. | Anlæg | U/I | ...)",
    # 3.
    "formula_header": "a header row of column letters or formulas (A B C D=(A+B+C); (1) (2) (3)=(1)-(2))",
    "unit_stub_row": "a header row that only states the unit (Beløb i 1.000 kr.)",
    # 4.
    "unread_column": "a column that cannot be read beside readable ones",
    "percent_column": "a percentage column (Afvigelse i %)",
    # 5.
    "year_in_caption": "the fiscal year only in the table caption",
    "year_in_heading": "the fiscal year only in a section heading",
    "year_in_title": "the fiscal year only in the document title",
    "unit_in_caption": "the unit only in the caption",
    "unit_in_stub": "the unit only in the stub cell above the labels",
    "whole_kroner": "amounts in whole kroner (kr.)",
    "mio_one_decimal": "amounts in mio. kr. with one decimal",
    # 6.
    "budget_years": "bare year headers of a budget with overslagsår (2026 | 2027 | 2028 | 2029)",
    "price_level_stub": "the price level in the stub (1.000 kr. (foreløbige 2025-priser))",
    # 7.
    "vocabulary": "other words for the phases: Vedtaget budget, Forbrug, Resultat, Bevilling, Forskel, "
    "Mer-/mindreforbrug",
    "flow_columns": "Udgifter | Indtægter | Netto under a spanning phase header",
    "flow_rows": "rows marked U / I in a U/I column",
    # 8.
    "split_repeat_header": "a table broken over two pages, the header repeated",
    "split_no_header": "a table broken over two pages, no header on the second",
    "side_by_side": "two tables side by side on one page",
    "months": "a state-agency table of monthly columns (Jan ... Dec)",
    "unruled_annual_report": "an unruled other-municipality Årsberetning, year only in the title",
}

PHASES = ("actual", "original_budget", "revised_budget", "budget", "variance", "forecast", "budget_estimate",
          "appropriation")
YEAR_SOURCES = ("header", "caption", "heading", "title")
SOURCE_UNITS = ("1000 DKK", "mio DKK", "mia DKK", "DKK")
FLOWS = ("expenditure", "income", "net")
# Reason keywords of unread columns.
UNREAD_REASONS = ("percent", "forecast_variance", "budget_change")

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec")


# --- The data model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meaning:
    """What the figures of one column are, as a careful human reader of the page would say.

    `header` is the column's header as printed (the phase/measure words, wrapped lines joined; spanning
    group and formula cells left out); it names the column in unread lists and in messages.
    """

    header: str
    phase: str | None = None
    fiscal_year: int | None = None
    year_source: str | None = None
    source_unit: str | None = None
    measure: str = "amount"
    flow: str | None = None  # None: the row's U/I marker decides, else no flow
    unread: str | None = None  # a reason keyword (UNREAD_REASONS): the column gives no facts
    extra: tuple[tuple[str, object], ...] = ()  # e.g. (("month", 3),): kept in the truth, not in the key

    def __post_init__(self) -> None:
        if self.unread is None:
            assert self.phase in PHASES, self
            assert self.year_source in YEAR_SOURCES, self
            assert self.source_unit in SOURCE_UNITS, self
            assert self.fiscal_year is not None, self
        else:
            assert self.unread in UNREAD_REASONS, self
        assert self.flow in (None, *FLOWS), self


def read(header: str, phase: str, year: int, year_source: str, unit: str, flow: str | None = None,
         **extra: object) -> Meaning:
    return Meaning(header, phase, year, year_source, unit, flow=flow, extra=tuple(extra.items()))


def unread(header: str, reason: str) -> Meaning:
    return Meaning(header, unread=reason)


@dataclass(frozen=True)
class HeaderCell:
    text: str  # "\n" where the printed header wraps
    colspan: int = 1


@dataclass(frozen=True)
class Row:
    label: str  # as printed ("\n" where it wraps)
    cells: tuple[str, ...]  # printed figure cells; "" = empty, "-" = no value
    code: str | None = None  # an activity / account code in a column of its own
    place: str | None = None  # a project number (Stednr.) in a column of its own, before the label
    ui: str | None = None  # "U" / "I" in a U/I column
    total: bool = False


# The stub columns a table may have, left to right.
STUB_KINDS = ("code", "place", "label", "ui")


@dataclass(frozen=True)
class Table:
    caption: str
    stub: tuple[str, ...]  # STUB_KINDS in order
    header_rows: tuple[tuple[HeaderCell, ...], ...]  # full width: stub columns, then figure columns
    columns: tuple[Meaning, ...]
    rows: tuple[Row, ...]
    heading: str | None = None  # a section heading printed above the caption
    notes: tuple[str, ...] = ()  # printed under the table
    split_after: int | None = None  # a page break after this many body rows
    repeat_header: bool = True  # print the header again after the break
    widths: tuple[float, ...] | None = None  # column widths in mm (stub then figures); None = automatic

    def __post_init__(self) -> None:
        width = len(self.stub) + len(self.columns)
        assert all(kind in STUB_KINDS for kind in self.stub), self.stub
        for header in self.header_rows:
            assert sum(c.colspan for c in header) == width, (self.caption, header)
        for row in self.rows:
            assert len(row.cells) == len(self.columns), (self.caption, row)
        assert self.widths is None or len(self.widths) == width


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class SideBySide:
    left: Table
    right: Table


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Style:
    """How the producer sets the tables of one document."""

    grid: str = "full"  # "full" | "booktabs" | "horizontal" | "none"
    zebra: bool = False
    shaded_header: bool = False
    padding: float = 2.5  # pt above/below and (at least) beside the cell text
    font_size: float = 8.5
    font: str = "sans"  # "sans" | "serif" | "narrow"
    landscape: bool = False


@dataclass(frozen=True)
class Document:
    name: str
    producer: str
    title: str
    municipality: str | None
    report_type: str
    fiscal_year: int | None
    classes: tuple[str, ...]
    blocks: tuple[object, ...]
    style: Style = field(default_factory=Style)
    publisher_line: str | None = None  # printed above the title (the municipality or agency)

    def __post_init__(self) -> None:
        assert self.producer in PRODUCERS
        assert all(c in CLASSES for c in self.classes), self.classes

    def tables(self) -> list[Table]:
        out: list[Table] = []
        for block in self.blocks:
            if isinstance(block, Table):
                out.append(block)
            elif isinstance(block, SideBySide):
                out.extend((block.left, block.right))
        return out


# --- Printing numbers the Danish way --------------------------------------------------------------------


def fmt(n: int, negative: str = "minus", decimals: int = 0) -> str:
    """n in the printed unit's smallest step (tenths when decimals=1): 1234567 -> '1.234.567'."""
    sign, n = n < 0, abs(n)
    whole, frac = divmod(n, 10**decimals)
    text = f"{whole:,}".replace(",", ".")
    if decimals:
        text += "," + str(frac).rjust(decimals, "0")
    if not sign:
        return text
    return {"minus": "-" + text, "dash": "\u2013" + text, "paren": f"({text})"}[negative]


def pct(part: int, whole: int) -> str:
    if whole == 0:
        return ""
    value = round(1000 * part / whole)
    return fmt(value, "minus", 1)


def H(*cells: str | tuple[str, int]) -> tuple[HeaderCell, ...]:
    return tuple(HeaderCell(c) if isinstance(c, str) else HeaderCell(*c) for c in cells)


def _totals(rows: list[list[int]]) -> list[int]:
    return [sum(col) for col in zip(*rows, strict=True)]


# --- The archetypes ---------------------------------------------------------------------------------------

ELDERCARE_AREAS = (
    "Hjemmepleje",
    "Plejecentre og plejeboliger",
    "Hjælpemidler",
    "Træning, rehabilitering og forebyggende hjemmebesøg",
    "Myndighed og visitation",
    "Madservice",
    "Frivilligt socialt arbejde og ældreråd",
)


def eldercare(name: str, producer: str, municipality: str, *, seed: int, unit_in_caption: bool,
              codes: bool, negative: str, style: Style, classes: tuple[str, ...]) -> Document:
    """Regnskab 2025 for Ældreområdet: the year only in the caption; Vedtaget budget, Forbrug,
    Mer-/mindreforbrug."""
    r = Random(seed)
    year, unit = 2025, "1000 DKK"
    values = []
    for _ in ELDERCARE_AREAS:
        vb = r.randint(2_000, 190_000)
        kb = vb + r.randint(-2_500, 6_000)
        fb = kb + r.randint(-4_000, 3_500)
        values.append([vb, kb, fb, fb - kb])
    total = _totals(values)
    rows = [Row(label, tuple(fmt(v, negative) for v in vals), code=str(i + 1) if codes else None)
            for i, (label, vals) in enumerate(zip(ELDERCARE_AREAS, values, strict=True))]
    rows.append(Row("Ældreområdet i alt", tuple(fmt(v, negative) for v in total), total=True))
    headers = ("Vedtaget budget", "Korrigeret budget", "Forbrug", "Mer-/mindre-\nforbrug")
    phases = ("original_budget", "revised_budget", "actual", "variance")
    columns = tuple(read(h.replace("-\n", "-").replace("\n", " "), p, year, "caption", unit)
                    for h, p in zip(headers, phases, strict=True))
    stub_text = "Aktivitetsområde" if unit_in_caption else "1.000 kr., 2025-pl"
    stub = ("code", "label") if codes else ("label",)
    stub_cells = (("Nr.", stub_text) if codes else (stub_text,))
    caption = "Regnskab 2025 for Ældreområdet" + (" (1.000 kr., 2025-pl)" if unit_in_caption else "")
    table = Table(
        caption=caption, stub=stub, header_rows=(H(*stub_cells, *headers),), columns=columns,
        rows=tuple(rows),
        notes=("Anm.: Mer-/mindreforbrug = forbrug minus korrigeret budget. Positive tal er merforbrug, "
               "negative tal er mindreforbrug.",),
    )
    blocks = (
        Heading("Ældreområdet", 2),
        Paragraph("Ældreområdet omfatter hjemmepleje, plejecentre, hjælpemidler, træning og rehabilitering "
                  "samt myndighedsopgaverne. Tabellen viser årets forbrug sammenholdt med det "
                  "vedtagne og det "
                  "korrigerede budget. Merforbruget på hjemmeplejen skyldes flere visiterede timer end "
                  "forudsat, mens plejecentrene har et mindreforbrug som følge af vakante stillinger."),
        table,
        Paragraph("Udvalget indstiller, at mindreforbruget på plejecentrene søges overført til næste år til "
                  "dækning af udgifter til vedligeholdelse af de fysiske rammer."),
    )
    return Document(name, producer, "Bemærkninger til regnskabet – Social- og Sundhedsudvalget",
                    municipality, "regnskab", year, classes, blocks, style, publisher_line=municipality)


PROJECTS = (
    ("031245", "Renovering af Byskolen, etape 2", "U"),
    ("031260", "Ny daginstitution i Nordbyen", "U"),
    ("041102", "Salg af byggegrunde, Engparken", "I"),
    ("041110", "Byggemodning, Engparken", "U"),
    ("052318", "Cykelsti langs Ringstedvej", "U"),
    ("052318", "Cykelsti langs Ringstedvej, statstilskud", "I"),
    ("061407", "Energirenovering af kommunale bygninger", "U"),
    ("071533", "Udskiftning af gadebelysning til LED", "U"),
)


def capital_projects(name: str, producer: str, municipality: str, *, seed: int, negative: str,
                     appropriation_word: str, style: Style, classes: tuple[str, ...]) -> Document:
    """Anlægsregnskab 2024 (the year only in the section heading): Stednr. | Anlæg | U/I | Bevilling kr. |
    Forbrug kr. | Forskel kr. in narrow columns, whole kroner, rows marked U / I."""
    r = Random(seed)
    year, unit = 2024, "DKK"
    rows = []
    for place, label, ui in PROJECTS:
        appropriation = r.randint(450, 26_000) * 1000
        spent = appropriation + r.randint(-900_000, 700_000)
        if ui == "I":
            appropriation, spent = -appropriation, -spent
        rows.append(Row(label, (fmt(appropriation, negative), fmt(spent, negative),
                                fmt(appropriation - spent, negative)), place=place, ui=ui))
    headers = (f"{appropriation_word} kr.", "Forbrug kr.", "Forskel kr.")
    columns = (
        read(headers[0], "appropriation", year, "heading", unit),
        read("Forbrug kr.", "actual", year, "heading", unit),
        read("Forskel kr.", "variance", year, "heading", unit),
    )
    table = Table(
        caption="Afsluttede anlægsprojekter",
        heading=f"Anlægsregnskab {year}",
        stub=("place", "label", "ui"),
        header_rows=(H("Stednr.", "Anlæg", "U/I", *headers),),
        columns=columns,
        rows=tuple(rows),
        notes=("Forskel = bevilling minus forbrug. Positive tal er mindreforbrug. "
               "Udgifter er positive, indtægter negative.",),
        widths=(12, 58, 7, 21, 21, 19),
    )
    blocks = (
        Heading("Anlægsregnskaber for afsluttede projekter", 1),
        Paragraph("I henhold til kommunens regler for økonomistyring aflægges særskilt anlægsregnskab for "
                  "projekter med en bruttoudgift over 2 mio. kr. Regnskaberne nedenfor er revideret af "
                  "kommunens revision sammen med årsregnskabet."),
        Paragraph("Tabellen viser bevilling, forbrug og forskel for hvert projekt, opdelt på udgifter (U) og "
                  "indtægter (I). Beløbene er i hele kroner."),
        table,
    )
    return Document(name, producer, "Anlægsregnskaber – Økonomiudvalget", municipality, "regnskab", year,
                    classes, blocks, style, publisher_line=municipality)


COMMITTEES = (
    "Økonomiudvalget",
    "Teknik- og Miljøudvalget",
    "Børne- og Ungeudvalget",
    "Social- og Sundhedsudvalget",
    "Kultur- og Fritidsudvalget",
    "Beskæftigelsesudvalget",
)


def formula_headers(name: str, producer: str, municipality: str, *, seed: int, negative: str, style: Style,
                    classes: tuple[str, ...]) -> Document:
    """Årsregnskab 2023 (the year only in the title): a row of column letters with formulas, and a table
    with (1) (2) (3)=(1)-(2) under a unit row."""
    r = Random(seed)
    year, unit = 2023, "1000 DKK"
    values = []
    for _ in COMMITTEES:
        a = r.randint(20_000, 900_000)
        b = r.randint(-8_000, 25_000)
        c = r.randint(-3_000, 3_000)
        d = a + b + c
        e = d + r.randint(-15_000, 9_000)
        values.append([a, b, c, d, e, d - e])
    total = _totals(values)
    rows = [Row(label, tuple(fmt(v, negative) for v in vals)) for label, vals in zip(COMMITTEES, values,
                                                                                     strict=True)]
    rows.append(Row("I alt", tuple(fmt(v, negative) for v in total), total=True))
    headers = ("Oprindeligt\nbudget", "Tillægs-\nbevillinger", "Omplace-\nringer", "Korrigeret\nbudget",
               "Regnskab", "Afvigelse")
    letters = ("A", "B", "C", "D=(A+B+C)", "E", "F=(D-E)")
    columns = (
        read("Oprindeligt budget", "original_budget", year, "title", unit),
        unread("Tillægsbevillinger", "budget_change"),
        unread("Omplaceringer", "budget_change"),
        read("Korrigeret budget", "revised_budget", year, "title", unit),
        read("Regnskab", "actual", year, "title", unit),
        read("Afvigelse", "variance", year, "title", unit),
    )
    drift = Table(
        caption="Driftsregnskab fordelt på udvalg (1.000 kr.)",
        stub=("label",),
        header_rows=(H("Udvalg", *headers), H("", *letters)),
        columns=columns,
        rows=tuple(rows),
        notes=("Afvigelse = korrigeret budget minus regnskab (F = D - E); positive tal er mindreforbrug.",),
        widths=(44, 21, 21, 21, 21, 21, 21),
    )
    areas = ("Veje og trafik", "Skoler og dagtilbud", "Idræts- og kulturfaciliteter", "Byudvikling",
             "Klimatilpasning")
    avalues = []
    for _ in areas:
        kb = r.randint(1_500, 60_000)
        rs = kb - r.randint(-2_000, 12_000)
        avalues.append([kb, rs, kb - rs])
    atotal = _totals(avalues)
    arows = [Row(label, tuple(fmt(v, negative) for v in vals)) for label, vals in zip(areas, avalues,
                                                                                      strict=True)]
    arows.append(Row("Anlæg i alt", tuple(fmt(v, negative) for v in atotal), total=True))
    anlaeg = Table(
        caption="Anlægsregnskab fordelt på områder",
        stub=("label",),
        header_rows=(
            H(("Beløb i 1.000 kr.", 4)),
            H("Område", "Korrigeret budget", "Regnskab", "Afvigelse"),
            H("", "(1)", "(2)", "(3) = (1)-(2)"),
        ),
        columns=(
            read("Korrigeret budget", "revised_budget", year, "title", unit),
            read("Regnskab", "actual", year, "title", unit),
            read("Afvigelse", "variance", year, "title", unit),
        ),
        rows=tuple(arows),
    )
    blocks = (
        Heading("Regnskabsoversigt", 2),
        Paragraph("Årets resultat på driften viser samlet set et mindreforbrug i forhold til det korrigerede "
                  "budget. Tabellen nedenfor viser, hvordan det korrigerede budget er fremkommet af det "
                  "oprindelige budget, tillægsbevillinger og omplaceringer i løbet af året."),
        drift,
        Paragraph("På anlægsområdet er en række projekter forsinket, og de uforbrugte rådighedsbeløb søges "
                  "genbevilget i det kommende år."),
        anlaeg,
    )
    return Document(name, producer, f"Årsregnskab {year}", municipality, "regnskab", year, classes, blocks,
                    style, publisher_line=municipality)


def forecast(name: str, producer: str, municipality: str, *, seed: int, title: str, report_type: str,
             negative: str, style: Style, classes: tuple[str, ...]) -> Document:
    """Budgetopfølgning / Forventet regnskab 2025 in mio. kr. with one decimal: Oprindeligt budget 2025 |
    Korrigeret budget 2025 | Forventet regnskab 2025 | Forventet afvigelse | Afvigelse i %; the last two
    are unread."""
    r = Random(seed)
    year, unit = 2025, "mio DKK"
    values = []
    for _ in COMMITTEES:
        ob = r.randint(150, 9_500)  # tenths of a million
        kb = ob + r.randint(-40, 160)
        fr = kb + r.randint(-120, 90)
        values.append([ob, kb, fr, kb - fr])
    total = _totals(values)
    rows = []
    for label, vals in [*zip(COMMITTEES, values, strict=True), ("I alt", total)]:
        cells = tuple(fmt(v, negative, 1) for v in vals) + (pct(vals[3], vals[1]),)
        rows.append(Row(label, cells, total=label == "I alt"))
    headers = (f"Oprindeligt\nbudget {year}", f"Korrigeret\nbudget {year}", f"Forventet\nregnskab {year}",
               "Forventet\nafvigelse", "Afvigelse\ni %")
    columns = (
        read(f"Oprindeligt budget {year}", "original_budget", year, "header", unit),
        read(f"Korrigeret budget {year}", "revised_budget", year, "header", unit),
        read(f"Forventet regnskab {year}", "forecast", year, "header", unit),
        unread("Forventet afvigelse", "forecast_variance"),
        unread("Afvigelse i %", "percent"),
    )
    table = Table(
        caption="Forventet regnskab for serviceudgifterne fordelt på udvalg",
        stub=("label",),
        header_rows=(H("Mio. kr.", *headers),),
        columns=columns,
        rows=tuple(rows),
        notes=("Forventet afvigelse = korrigeret budget minus forventet regnskab. Negative tal er "
               "forventet merforbrug.",),
    )
    blocks = (
        Heading("Sammenfatning", 2),
        Paragraph("Budgetopfølgningen bygger på forbruget til og med udgangen af maj og "
                  "fagområdernes skøn for "
                  "resten af året. Samlet forventes et mindre merforbrug på serviceudgifterne, som primært "
                  "skyldes det specialiserede socialområde og flere børn i dagtilbud end budgetteret."),
        table,
        Paragraph("Direktionen følger udviklingen tæt og vil ved næste budgetopfølgning fremlægge "
                  "forslag til "
                  "tiltag, der kan bringe økonomien i balance."),
    )
    return Document(name, producer, title, municipality, report_type, year, classes, blocks, style,
                    publisher_line=municipality)


POLICY_AREAS = (
    "Administration og politisk organisation",
    "Trafik og infrastruktur",
    "Skole og uddannelse",
    "Dagtilbud",
    "Sundhed og ældre",
    "Socialområdet",
    "Kultur og fritid",
    "Beredskab",
)


def budget(name: str, producer: str, municipality: str, *, seed: int, grouped: bool, negative: str,
           style: Style, classes: tuple[str, ...]) -> Document:
    """Budget 2026-2029: bare year headers (2026 = budget, 2027-2029 = budget_estimate), the price level
    in the stub above the labels."""
    r = Random(seed)
    years, unit = (2026, 2027, 2028, 2029), "1000 DKK"
    values: list[list[int | None]] = []
    for i, _ in enumerate(POLICY_AREAS):
        base = r.randint(8_000, 700_000)
        vals: list[int | None] = [base]
        for _ in years[1:]:
            vals.append(vals[-1] + r.randint(-6_000, 4_000))
        if i == len(POLICY_AREAS) - 1:
            vals[3] = None  # the area ends: printed as "-", no fact
        values.append(vals)
    income = [-r.randint(20_000, 60_000)]
    for _ in years[1:]:
        income.append(income[-1] - r.randint(0, 3_000))
    values.append(income)
    labels = (*POLICY_AREAS, "Statstilskud vedrørende serviceudgifter")
    total = [sum(v[j] or 0 for v in values) for j in range(4)]
    rows = [Row(label, tuple("-" if v is None else fmt(v, negative) for v in vals))
            for label, vals in zip(labels, values, strict=True)]
    rows.append(Row("Serviceudgifter i alt", tuple(fmt(v, negative) for v in total), total=True))
    stub = "1.000 kr. (foreløbige\n2025-priser)"
    columns = (read("2026", "budget", 2026, "header", unit),
               *(read(str(y), "budget_estimate", y, "header", unit) for y in years[1:]))
    if grouped:
        header_rows = (H(stub, "Budget", ("Overslagsår", 3)), H("", *(str(y) for y in years)))
    else:
        header_rows = (H(stub, *(str(y) for y in years)),)
    table = Table(
        caption="Serviceudgifter fordelt på politikområder",
        stub=("label",),
        header_rows=header_rows,
        columns=columns,
        rows=tuple(rows),
        notes=("Anm.: Beredskabet overgår til det fælleskommunale beredskab fra 2029. "
               "Udgifter er positive, indtægter negative.",),
    )
    blocks = (
        Heading("Budgettets hovedtal", 2),
        Paragraph("Byrådet vedtog ved 2. behandling budgettet for 2026 og overslagsårene 2027-2029. "
                  "Budgettet "
                  "overholder den aftalte ramme for serviceudgifterne og giver plads til en fortsat "
                  "styrkelse "
                  "af ældreområdet og dagtilbuddene."),
        table,
        Paragraph("Beløbene er opgjort i foreløbige 2025-priser og fremskrives med KL's pris- og lønskøn, "
                  "når det endelige skøn foreligger."),
    )
    return Document(name, producer, "Budget 2026-2029", municipality, "budget", 2026, classes, blocks,
                    style, publisher_line=municipality)


FUNCTIONS = (
    ("00.22", "Jordforsyning"), ("00.25", "Faste ejendomme"), ("00.28", "Fritidsområder"),
    ("00.32", "Fritidsfaciliteter"), ("00.38", "Naturbeskyttelse"), ("00.48", "Vandløbsvæsen"),
    ("00.52", "Miljøbeskyttelse m.v."), ("02.22", "Fælles funktioner"), ("02.28", "Kommunale veje"),
    ("02.32", "Kollektiv trafik"), ("03.22", "Folkeskoleundervisning m.v."), ("03.30", "Ungdomsuddannelser"),
    ("03.32", "Folkebiblioteker"), ("03.35", "Kulturel virksomhed"),
    ("03.38", "Folkeoplysning og fritidsaktiviteter m.v."), ("04.62", "Sundhedsudgifter m.v."),
    ("05.22", "Central refusionsordning"), ("05.25", "Dagtilbud til børn og unge"),
    ("05.28", "Tilbud til børn og unge med særlige behov"), ("05.30", "Tilbud til ældre"),
    ("05.32", "Tilbud til ældre og handicappede"), ("05.38", "Tilbud til voksne med særlige behov"),
    ("05.46", "Integrationsprogram og introduktionsforløb m.v."),
    ("05.48", "Førtidspensioner og personlige tillæg"), ("05.57", "Kontante ydelser"),
    ("05.68", "Arbejdsmarkedsforanstaltninger"), ("06.42", "Politisk organisation"),
    ("06.45", "Administrativ organisation"), ("06.48", "Erhvervsudvikling, turisme og landdistrikter"),
)


def flows(name: str, producer: str, municipality: str, *, seed: int, negative: str, split_after: int,
          style: Style, classes: tuple[str, ...]) -> Document:
    """Regnskab 2024 on hovedkonti: Regnskab 2024 and Korrigeret budget 2024 spanning Udgifter | Indtægter
    | Netto; the table broken over two pages with its header repeated."""
    r = Random(seed)
    year, unit = 2024, "1000 DKK"
    values = []
    for _ in FUNCTIONS:
        ru = r.randint(300, 260_000)
        ri = -r.randint(0, ru // 2) if r.random() < 0.7 else 0
        ku = ru + r.randint(-5_000, 5_000)
        ki = ri + r.randint(-800, 800) if ri else 0
        values.append([ru, ri, ru + ri, ku, ki, ku + ki])
    total = _totals(values)
    rows = []
    for (code, label), vals in zip(FUNCTIONS, values, strict=True):
        rows.append(Row(label, tuple(fmt(v, negative) if v else "" for v in vals), code=code))
    rows.append(Row("Drift i alt", tuple(fmt(v, negative) for v in total), total=True))
    flow_names = (("Udgifter", "expenditure"), ("Indtægter", "income"), ("Netto", "net"))
    columns = tuple(
        read(header, phase, year, "header", unit, flow)
        for phase in ("actual", "revised_budget")
        for header, flow in flow_names
    )
    table = Table(
        caption="Driftsregnskab på hovedfunktioner (1.000 kr.)",
        stub=("code", "label"),
        header_rows=(
            H("Funktion", "Tekst", (f"Regnskab {year}", 3), (f"Korrigeret budget {year}", 3)),
            H("", "", *(h for h, _ in flow_names), *(h for h, _ in flow_names)),
        ),
        columns=columns,
        rows=tuple(rows),
        notes=("Anm.: Udgifter er positive, indtægter negative (+= udgift; -= indtægt). Beløb i løbende "
               "priser.",),
        split_after=split_after,
        repeat_header=True,
        widths=(14, 62, 17, 17, 17, 17, 17, 17),
    )
    blocks = (
        Heading("Bilag 3: Driftsregnskab på funktionsniveau", 2),
        Paragraph("Bilaget viser driftsregnskabet opgjort efter den autoriserede kontoplan på "
                  "hovedfunktioner, "
                  "med udgifter og indtægter hver for sig og nettoresultatet. Til sammenligning vises det "
                  "korrigerede budget på samme niveau."),
        table,
    )
    return Document(name, producer, f"Regnskab {year} – bilag", municipality, "regnskab", year, classes,
                    blocks, style, publisher_line=municipality)


AGENCY_LINES = ("Lønninger", "Drift af it-systemer", "Licenser og abonnementer", "Husleje og ejendomsdrift",
                "Konsulentydelser", "Øvrig drift", "Indtægter fra brugerbetaling")


def months(name: str, producer: str, agency: str, *, seed: int, negative: str, style: Style,
           classes: tuple[str, ...]) -> Document:
    """A state agency's monthly consumption: caption 'Forbrug 2024, mio. kr.', columns Jan ... Dec and I
    alt. Months are not phases: every month column is read as actual 2024 with the month as extra
    information (the Fact contract has no month field yet); 'I alt' is the year's actual."""
    r = Random(seed)
    year, unit = 2024, "mio DKK"
    values = []
    for label in AGENCY_LINES:
        base = r.randint(8, 160)  # tenths of a million
        vals = [max(1, base + r.randint(-base // 3, base // 3)) for _ in MONTHS]
        if label.startswith("Indtægter"):
            vals = [-v for v in vals]
        values.append([*vals, sum(vals)])
    total = _totals(values)
    rows = [Row(label, tuple(fmt(v, negative, 1) for v in vals))
            for label, vals in zip(AGENCY_LINES, values, strict=True)]
    rows.append(Row("Nettoforbrug i alt", tuple(fmt(v, negative, 1) for v in total), total=True))
    columns = (*(read(m, "actual", year, "caption", unit, month=i + 1) for i, m in enumerate(MONTHS)),
               read("I alt", "actual", year, "caption", unit))
    table = Table(
        caption=f"Forbrug {year}, mio. kr.",
        stub=("label",),
        header_rows=(H("Udgiftsart", *MONTHS, "I alt"),),
        columns=columns,
        rows=tuple(rows),
        notes=("Kilde: Statens Koncernsystem (SKS). Indtægter er anført med negativt fortegn.",),
        widths=(52, *(16,) * 12, 19),
    )
    blocks = (
        Heading("Forbrugsudvikling", 2),
        Paragraph("Styrelsens forbrug fordeler sig ujævnt over året. Lønudgifterne er stabile, mens "
                  "licenser og abonnementer betales forud i årets første måneder, og konsulentydelserne "
                  "topper i efteråret i forbindelse med idriftsættelsen af den nye driftsplatform."),
        table,
    )
    return Document(name, producer, f"Årsrapport {year}", None, "regnskab", year, classes, blocks, style,
                    publisher_line=agency)


ANNUAL_DRIFT = (
    ("Administration", None), ("Byg, plan og miljø", None), ("Vej og park", None),
    ("Kollektiv trafik", None), ("Folkeskoler", None), ("Specialundervisning", None),
    ("Dagpleje og daginstitutioner", None), ("Sundhedspleje og tandpleje", None),
    ("Hjemmepleje", None), ("Plejehjem", None), ("Handicap og psykiatri", None),
    ("Forsørgelse og beskæftigelse", None), ("Biblioteker og kultur", None), ("Idræt og fritid", None),
    ("Beredskab", None), ("Erhverv og turisme", None),
)


def annual_report(name: str, producer: str, municipality: str, *, seed: int, negative: str,
                  split_after: int, style: Style, classes: tuple[str, ...]) -> Document:
    """Årsberetning 2020 – bemærkninger til regnskabet, unruled; Opr. budget | Korr. budget | Regnskab |
    Afvigelse with the year only in the title; the drift table breaks over two pages without a header."""
    r = Random(seed)
    year, unit = 2020, "1000 DKK"
    headers = ("Opr. budget", "Korr. budget", "Regnskab", "Afvigelse")
    phases = ("original_budget", "revised_budget", "actual", "variance")
    columns = tuple(read(h, p, year, "title", unit) for h, p in zip(headers, phases, strict=True))

    def block(labels: list[str], low: int, high: int, total_label: str) -> tuple[Row, ...]:
        values = []
        for _ in labels:
            ob = r.randint(low, high)
            kb = ob + r.randint(-1_500, 4_000)
            rs = kb + r.randint(-3_000, 2_000)
            values.append([ob, kb, rs, kb - rs])
        rows = [Row(label, tuple(fmt(v, negative) for v in vals)) for label, vals in zip(labels, values,
                                                                                      strict=True)]
        rows.append(Row(total_label, tuple(fmt(v, negative) for v in _totals(values)), total=True))
        return tuple(rows)

    note = ("Anm.: Beløb i 1.000 kr., løbende priser (2020-priser). Afvigelse = korrigeret budget minus "
            "regnskab; positive tal er mindreforbrug.")
    drift = Table(
        caption="Driftsregnskab fordelt på områder",
        stub=("label",),
        header_rows=(H("1.000 kr.", *headers),),
        columns=columns,
        rows=block([label for label, _ in ANNUAL_DRIFT], 3_000, 240_000, "Drift i alt"),
        notes=(note,),
        split_after=split_after,
        repeat_header=False,
        widths=(64, 24, 24, 24, 24),
    )
    anlaeg = Table(
        caption="Anlægsregnskab fordelt på områder",
        stub=("label",),
        header_rows=(H("1.000 kr.", *headers),),
        columns=columns,
        rows=block(["Skoler", "Veje og stier", "Kultur og idræt", "Ældreboliger"], 500, 30_000,
                   "Anlæg i alt"),
        notes=("Anm.: Afvigelse = korrigeret budget minus regnskab.",),
        widths=(64, 24, 24, 24, 24),
    )
    blocks = (
        Heading("Bemærkninger til regnskabet", 2),
        Paragraph(f"{municipality} kom ud af året med et driftsresultat, der var bedre end forventet ved "
                  "budgetlægningen. Covid-19 satte sit præg på året med ekstraudgifter til værnemidler og "
                  "rengøring, som delvist blev kompenseret af staten, mens aflyste aktiviteter gav "
                  "mindreforbrug på kultur- og fritidsområdet."),
        Paragraph("Tabellerne viser det oprindelige og det korrigerede budget, regnskabet og afvigelsen for "
                  "hvert område. Afvigelsen er opgjort som korrigeret budget minus regnskab, så et positivt "
                  "tal er et mindreforbrug."),
        drift,
        Paragraph("Anlægsudgifterne blev lavere end budgetteret, fordi flere skoleprojekter blev forsinket "
                  "af udbuddet. Uforbrugte midler søges overført til 2021."),
        anlaeg,
    )
    return Document(name, producer, "Årsberetning 2020 – bemærkninger til regnskabet", municipality,
                    "regnskab", year, classes, blocks, style, publisher_line=municipality)


def side_by_side(name: str, producer: str, municipality: str, *, seed: int, negative: str, style: Style,
                 classes: tuple[str, ...]) -> Document:
    """A committee agenda attachment (Bilag): Drift and Anlæg side by side; Vedtaget budget 2024 | Resultat
    2024 | Forskel and Anlægsbevilling 2024 | Forbrug 2024 | Forskel."""
    r = Random(seed)
    year, unit = 2024, "1000 DKK"

    def rows_of(labels: tuple[str, ...], low: int, high: int, total: str) -> tuple[Row, ...]:
        values = []
        for _ in labels:
            b = r.randint(low, high)
            a = b + r.randint(-high // 10, high // 12)
            values.append([b, a, a - b])
        rows = [Row(label, tuple(fmt(v, negative) for v in vals)) for label, vals in zip(labels, values,
                                                                                      strict=True)]
        rows.append(Row(total, tuple(fmt(v, negative) for v in _totals(values)), total=True))
        return tuple(rows)

    left = Table(
        caption="Drift (1.000 kr.)",
        stub=("label",),
        header_rows=(H("Område", f"Vedtaget\nbudget {year}", f"Resultat\n{year}", "Forskel"),),
        columns=(read(f"Vedtaget budget {year}", "original_budget", year, "header", unit),
                 read(f"Resultat {year}", "actual", year, "header", unit),
                 read("Forskel", "variance", year, "heading", unit)),
        rows=rows_of(("Biblioteker", "Musikskole", "Museer", "Idrætsanlæg", "Folkeoplysning",
                      "Ungdomsklubber"), 2_000, 40_000, "Drift i alt"),
        notes=("Forskel = resultat minus vedtaget budget.",),
        widths=(27, 20, 18, 16),
    )
    right = Table(
        caption="Anlæg (1.000 kr.)",
        stub=("label",),
        header_rows=(H("Projekt", f"Anlægs-\nbevilling {year}", f"Forbrug\n{year}", "Forskel"),),
        columns=(read(f"Anlægsbevilling {year}", "appropriation", year, "header", unit),
                 read(f"Forbrug {year}", "actual", year, "header", unit),
                 read("Forskel", "variance", year, "heading", unit)),
        rows=rows_of(("Ny hal, Vestbyen", "Kunstgræsbane", "Bibliotek, ombygning", "Stier i Lystskoven"),
                     800, 22_000, "Anlæg i alt"),
        notes=("Forskel = forbrug minus anlægsbevilling.",),
        widths=(27, 20, 18, 16),
    )
    blocks = (
        Heading("Bilag 2: Regnskab 2024 for Kultur- og Fritidsudvalget", 2),
        Paragraph("Bilaget giver udvalget et samlet overblik over årets resultat på drift og anlæg. "
                  "Der er et "
                  "mindre merforbrug på idrætsanlæggene, som modsvares af mindreforbrug på museerne, mens "
                  "anlægsprojekterne generelt følger tidsplanen."),
        SideBySide(left, right),
        Paragraph("Forvaltningen indstiller, at udvalget tager orienteringen om regnskabet til "
                  "efterretning."),
    )
    return Document(name, producer, "Regnskab 2024 – Kultur- og Fritidsudvalget", municipality, "regnskab",
                    year, classes, blocks, style, publisher_line=municipality)


# --- The corpus ------------------------------------------------------------------------------------------


def documents() -> list[Document]:
    """Every document of the layout corpus: nine archetypes, each printed by two producers."""
    zebra_padded = Style(grid="horizontal", zebra=True, padding=7)
    return [
        eldercare("aeldre_regnskab_2025_html", "html", "Sorø Kommune", seed=11, unit_in_caption=True,
                  codes=True, negative="minus", style=zebra_padded,
                  classes=("zebra", "padded", "year_in_caption", "unit_in_caption", "vocabulary")),
        eldercare("aeldre_regnskab_2025_reportlab", "reportlab", "Ringsted Kommune", seed=12,
                  unit_in_caption=False, codes=False, negative="paren",
                  style=Style(grid="horizontal", zebra=True, shaded_header=True, padding=6.5, font="serif"),
                  classes=("zebra", "padded", "shaded_header", "year_in_caption", "unit_in_stub",
                           "vocabulary")),
        capital_projects("anlaeg_2024_html", "html", "Holbæk Kommune", seed=21, negative="minus",
                         appropriation_word="Bevilling", style=Style(grid="full", font_size=7.5, padding=1.5),
                         classes=("full_grid", "close_headers", "whole_kroner", "flow_rows",
                                  "year_in_heading",
                                  "vocabulary")),
        capital_projects("anlaeg_2024_office", "office", "Kalundborg Kommune", seed=22, negative="dash",
                         appropriation_word="Bevilling", style=Style(grid="full", font_size=7.5, padding=1,
                                                                     font="narrow"),
                         classes=("full_grid", "close_headers", "whole_kroner", "flow_rows",
                                  "year_in_heading",
                                  "vocabulary")),
        formula_headers("aarsregnskab_2023_office", "office", "Køge Kommune", seed=31, negative="minus",
                        style=Style(grid="booktabs", shaded_header=True, padding=3),
                        classes=("booktabs", "shaded_header", "formula_header", "unit_stub_row",
                                 "unread_column", "year_in_title")),
        formula_headers("aarsregnskab_2023_reportlab", "reportlab", "Lejre Kommune", seed=32, negative="dash",
                        style=Style(grid="booktabs", shaded_header=True, padding=3),
                        classes=("booktabs", "shaded_header", "formula_header", "unit_stub_row",
                                 "unread_column", "year_in_title")),
        forecast("budgetopfoelgning_2025_html", "html", "Slagelse Kommune", seed=41,
                 title="Budgetopfølgning 2 pr. 31. maj 2025", report_type="budgetopfoelgning",
                 negative="minus", style=Style(grid="full", shaded_header=True, padding=4),
                 classes=("full_grid", "shaded_header", "unread_column", "percent_column", "mio_one_decimal",
                          "unit_in_stub")),
        forecast("forventet_regnskab_2025_office", "office", "Vordingborg Kommune", seed=42,
                 title="Forventet regnskab 2025 – 2. kvartal", report_type="forventet_regnskab",
                 negative="dash", style=Style(grid="horizontal", shaded_header=True, padding=4, font="serif"),
                 classes=("shaded_header", "unread_column", "percent_column", "mio_one_decimal",
                          "unit_in_stub")),
        budget("budget_2026_reportlab", "reportlab", "Odsherred Kommune", seed=51, grouped=False,
               negative="minus", style=Style(grid="booktabs", padding=3),
               classes=("booktabs", "budget_years", "price_level_stub", "unit_in_stub")),
        budget("budget_2026_html", "html", "Stevns Kommune", seed=52, grouped=True, negative="dash",
               style=Style(grid="horizontal", zebra=True, padding=5),
               classes=("zebra", "budget_years", "price_level_stub", "unit_in_stub")),
        flows("regnskab_2024_funktioner_office", "office", "Guldborgsund Kommune", seed=61, negative="minus",
              split_after=20, style=Style(grid="full", font_size=7.5, padding=1.5),
              classes=("full_grid", "flow_columns", "split_repeat_header")),
        flows("regnskab_2024_funktioner_reportlab", "reportlab", "Lolland Kommune", seed=62, negative="paren",
              split_after=22, style=Style(grid="horizontal", zebra=True, font_size=7.5, padding=2),
              classes=("zebra", "flow_columns", "split_repeat_header")),
        months("styrelse_forbrug_2024_html", "html", "Styrelsen for Fælles It-drift", seed=71,
               negative="minus", style=Style(grid="horizontal", zebra=True, font_size=7.5, padding=3,
                                             landscape=True),
               classes=("zebra", "months", "year_in_caption", "unit_in_caption", "mio_one_decimal")),
        months("styrelse_forbrug_2024_reportlab", "reportlab", "Styrelsen for Digital Drift", seed=72,
               negative="dash", style=Style(grid="full", font_size=7.5, padding=2.5, landscape=True),
               classes=("full_grid", "months", "year_in_caption", "unit_in_caption", "mio_one_decimal")),
        annual_report("aarsberetning_2020_office", "office", "Faxe Kommune", seed=81, negative="minus",
                      split_after=11, style=Style(grid="none", padding=1.5),
                      classes=("unruled", "unruled_annual_report", "year_in_title", "split_no_header")),
        annual_report("aarsberetning_2020_html", "html", "Roskilde Kommune", seed=82, negative="dash",
                      split_after=12, style=Style(grid="none", padding=2.5, font="serif"),
                      classes=("unruled", "unruled_annual_report", "year_in_title", "split_no_header")),
        side_by_side("bilag_kultur_2024_reportlab", "reportlab", "Sorø Kommune", seed=91, negative="minus",
                     style=Style(grid="full", padding=6.5, font_size=7.5),
                     classes=("side_by_side", "padded", "full_grid", "vocabulary")),
        side_by_side("bilag_kultur_2024_office", "office", "Ringsted Kommune", seed=92, negative="paren",
                     style=Style(grid="horizontal", shaded_header=True, padding=6.5, font_size=7.5),
                     classes=("side_by_side", "padded", "shaded_header", "vocabulary")),
    ]


def document(name: str) -> Document:
    for doc in documents():
        if doc.name == name:
            return doc
    raise KeyError(name)
