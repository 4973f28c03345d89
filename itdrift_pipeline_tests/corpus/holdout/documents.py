"""The twelve holdout documents (4 per producer): invented figures, real Danish public-sector vocabulary,
layouts chosen without looking at what the extractor or the layout corpus handles.

Figures are generated from a few invented base amounts with a seeded random per document (stable across
runs); subtotals and totals are exact sums of the printed rows, variances exact differences.
"""

from __future__ import annotations

import random
from decimal import Decimal

from ..printed.model import Col, Document, H, Heading, PageBreak, Para, Row, Table, TwoColumns, dk

# --- Row assembly ---------------------------------------------------------------------------------------


def D(label: str, *vals, indent: int = 0, code: str | None = None, ui: str | None = None) -> tuple:  # noqa: N802
    return ("d", label, tuple(Decimal(str(v)) if v is not None else None for v in vals), indent, code, ui)


def G(label: str, indent: int = 0) -> tuple:  # noqa: N802
    return ("g", label, (), indent, None, None)


def S(label: str, indent: int = 0, code: str | None = None) -> tuple:  # noqa: N802
    return ("s", label, (), indent, code, None)


def T(label: str) -> tuple:  # noqa: N802
    return ("t", label, (), 0, None, None)


def _sum(rows: list[tuple]) -> tuple:
    n = len(rows[0])
    return tuple(sum((r[i] for r in rows if r[i] is not None), Decimal(0)) for i in range(n))


def assemble(spec: list[tuple], fmt) -> tuple[Row, ...]:  # noqa: ANN001
    """Rows from a spec; fmt(values) -> printed cells. A subtotal sums the data rows since the last group
    heading or subtotal; a total sums every data row."""
    rows, since, every = [], [], []
    for kind, label, vals, indent, code, ui in spec:
        if kind == "g":
            rows.append(Row(label, kind="group", indent=indent))
            since = []
        elif kind == "d":
            rows.append(Row(label, fmt(vals), code=code, indent=indent, ui=ui))
            since.append(vals)
            every.append(vals)
        elif kind == "s":
            rows.append(Row(label, fmt(_sum(since)), code=code, kind="subtotal", indent=indent))
            since = []
        else:
            rows.append(Row(label, fmt(_sum(every)), kind="total"))
    return tuple(rows)


def jitter(rng: random.Random, base: float, low: float, high: float, step: float = 1) -> Decimal:
    """base × a factor in [low, high], rounded to `step` (1 for whole numbers, 0.1 for one decimal)."""
    value = float(base) * rng.uniform(low, high)
    q = Decimal(str(step))
    return (Decimal(str(value)) / q).quantize(Decimal(1)) * q


def pct(part: Decimal, whole: Decimal) -> str:
    return dk(part / whole * 100, 1) if whole else ""


# --- HTML (Chromium) ------------------------------------------------------------------------------------


def aarhus_regnskab_2024() -> Document:
    """A4 landscape; 7 figure columns (three years of actuals, both budgets, variance, variance in pct.);
    header cells broken in odd places; row groups with subtotals; red negatives; bold total, double rule."""
    rng = random.Random("aarhus")
    spec_base = [
        ("g", "Serviceudgifter"),
        ("d", "Borgmesterens Afdeling", 1148327),
        ("d", "Sundhed og Omsorg", 4862519),
        ("d", "Børn og Unge", 6214806),
        ("d", "Sociale Forhold og Beskæftigelse", 2987442),
        ("d", "Teknik og Miljø", 1402118),
        ("d", "Kultur og Borgerservice", 842905),
        ("s", "Serviceudgifter i alt"),
        ("g", "Overførselsudgifter"),
        ("d", "Kontanthjælp og uddannelseshjælp", 1087350),
        ("d", "Sygedagpenge", 712604),
        ("d", "Førtidspension", 1523918),
        ("d", "Boligstøtte", 398271),
        ("d", "Beskæftigelsesindsats for forsikrede ledige", 187496),
        ("s", "Overførselsudgifter i alt"),
        ("t", "Nettodriftsudgifter i alt"),
    ]
    spec = []
    for item in spec_base:
        if item[0] == "g":
            spec.append(G(item[1]))
        elif item[0] == "s":
            spec.append(S(item[1]))
        elif item[0] == "t":
            spec.append(T(item[1]))
        else:
            korr = item[2]
            spec.append(
                D(
                    item[1],
                    jitter(rng, korr, 0.89, 0.94),
                    jitter(rng, korr, 0.94, 0.985),
                    jitter(rng, korr, 0.965, 1.01),
                    korr,
                    jitter(rng, korr, 0.975, 1.03),
                    indent=1,
                )
            )

    def fmt(v: tuple) -> tuple[str, ...]:
        r22, r23, opr, korr, r24 = v
        afv = korr - r24
        return (dk(r22), dk(r23), dk(opr), dk(korr), dk(r24), dk(afv), pct(afv, korr))

    y = "header"
    columns = (
        Col("Regnskab 2022", "actual", 2022, y),
        Col("Regnskab 2023", "actual", 2023, y),
        Col("Oprindeligt budget 2024", "original_budget", 2024, y),
        Col("Korrigeret budget 2024", "revised_budget", 2024, y),
        Col("Regnskab 2024", "actual", 2024, y),
        Col("Afvigelse¹", "variance", 2024, "title"),
        Col("Afvigelse i pct.", unread="percent"),
    )
    header = (
        (
            H("1.000 kr."),
            H("Regnskab\n2022"),
            H("Regn-\nskab 2023"),
            H("Oprindeligt\nbudget\n2024"),
            H("Korrigeret bud-\nget 2024"),
            H("Regnskab\n2024"),
            H("Afvigelse¹"),
            H("Afvigelse\ni pct."),
        ),
    )
    table = Table(
        "Tabel 3.2: Nettodriftsudgifter, 1.000 kr., løbende priser",
        ("label",),
        header,
        columns,
        assemble(spec, fmt),
        grid="horizontal",
        red_negatives=True,
        widths=(78, 25, 25, 25, 25, 25, 24, 19),
        font_size=8.5,
        notes=("¹ Afvigelse = korrigeret budget minus regnskab. Negative tal (rød skrift) er merforbrug.",),
    )
    return Document(
        "aarhus_regnskab_2024_html",
        "html",
        "Regnskab 2024 – Bemærkninger til driftsregnskabet",
        "AARHUS KOMMUNE · BORGMESTERENS AFDELING",
        "Aarhus Kommune",
        "regnskab",
        2024,
        [
            Heading("3. Driftsregnskabet"),
            Para(
                "Byrådet vedtog i september 2023 budgettet for 2024. Nettodriftsudgifterne er i regnskabet "
                "opgjort efter Indenrigs- og Sundhedsministeriets autoriserede kontoplan og vises fordelt på "
                "magistratsafdelinger. Serviceudgifterne holder sig samlet inden for den korrigerede ramme, "
                "mens overførselsudgifterne viser et mindre merforbrug, primært på førtidspension."
            ),
            table,
            Para(
                "Overførsler af uforbrugte midler til 2025 behandles af byrådet i april 2025 sammen med "
                "regnskabet.",
                small=True,
            ),
        ],
        classes=(
            "landscape",
            "seven_columns",
            "row_groups",
            "odd_line_breaks",
            "red_negatives",
            "double_rule_total",
            "percent_column",
            "footnote_marker",
        ),
        landscape=True,
        accent="#003a70",
    )


def region_sjaelland_regnskab_2023() -> Document:
    """Two-column page: prose left, a small mio. kr. table right with the year in a header row of its own and
    a footnote marker in a header; then a full-width table with hospital sub-rows and subtotals."""
    rng = random.Random("regionsj")
    small_spec = [
        D("Sundhed", 19843.6),
        D("Social og specialundervisning", 412.8),
        D("Regional udvikling", 298.4),
        D("Fælles formål og administration", 701.2),
        T("Drift i alt"),
    ]
    spec = []
    for kind, label, vals, *_ in small_spec:
        if kind == "d":
            korr = float(vals[0])
            spec.append(
                D(label, jitter(rng, korr, 0.97, 1.0, 0.1), korr, jitter(rng, korr, 0.985, 1.015, 0.1))
            )
        else:
            spec.append(T(label))

    def fmt_small(v: tuple) -> tuple[str, ...]:
        opr, korr, regn = v
        return (dk(opr, 1), dk(korr, 1), dk(regn, 1), dk(regn - korr, 1))

    hy = "header"
    small = Table(
        "Tabel 1. Driftsresultat (mio. kr.)",
        ("label",),
        (
            (H("Mio. kr.", rows=2), H("2023", span=4)),
            (H("Opr.\nbudget"), H("Korr.\nbudget¹"), H("Regn-\nskab"), H("Afvi-\ngelse")),
        ),
        (
            Col("2023 Opr. budget", "original_budget", 2023, hy, "mio DKK"),
            Col("2023 Korr. budget¹", "revised_budget", 2023, hy, "mio DKK"),
            Col("2023 Regnskab", "actual", 2023, hy, "mio DKK"),
            Col("2023 Afvigelse", "variance", 2023, hy, "mio DKK"),
        ),
        assemble(spec, fmt_small),
        grid="booktabs",
        widths=(30, 13, 13, 13, 13),
        font_size=8,
        notes=(
            "¹ Inkl. overførsler fra 2022 og tillægsbevillinger. Afvigelse = regnskab minus korrigeret "
            "budget; negativ afvigelse er mindreforbrug.",
        ),
    )
    rows = [
        G("Hospitaler"),
        D("Sjællands Universitetshospital", 4612.3, indent=1),
        D("Nykøbing F. Sygehus", 1487.9, indent=1),
        D("Holbæk Sygehus", 1911.4, indent=1),
        D("Næstved, Slagelse og Ringsted Sygehuse", 3402.7, indent=1),
        S("Hospitaler i alt"),
        D("Psykiatrien", 1802.5),
        G("Praksisområdet"),
        D("Almen praksis", 1398.2, indent=1),
        D("Speciallægehjælp", 512.6, indent=1),
        D("Medicintilskud", 1021.9, indent=1),
        S("Praksisområdet i alt"),
        D("Præhospitalt Center", 689.3),
        T("Sundhed i alt"),
    ]
    spec2 = []
    for kind, label, vals, indent, *_ in rows:
        if kind == "d":
            korr = float(vals[0])
            spec2.append(
                D(
                    label,
                    jitter(rng, korr, 0.93, 0.97, 0.1),
                    jitter(rng, korr, 0.97, 1.0, 0.1),
                    korr,
                    jitter(rng, korr, 0.98, 1.025, 0.1),
                    indent=indent,
                )
            )
        else:
            spec2.append((kind, label, (), indent, None, None))

    def fmt2(v: tuple) -> tuple[str, ...]:
        r22, opr, korr, r23 = v
        return (dk(r22, 1), dk(opr, 1), dk(korr, 1), dk(r23, 1), dk(r23 - korr, 1))

    big = Table(
        "Tabel 2. Nettodriftsudgifter på sundhedsområdet, mio. kr., løbende priser",
        ("label",),
        (
            (
                H(""),
                H("Regnskab\n2022"),
                H("Opr. budget\n2023"),
                H("Korr. budget\n2023"),
                H("Regnskab\n2023"),
                H("Mer-/mindre-\nforbrug"),
            ),
        ),
        (
            Col("Regnskab 2022", "actual", 2022, hy, "mio DKK"),
            Col("Opr. budget 2023", "original_budget", 2023, hy, "mio DKK"),
            Col("Korr. budget 2023", "revised_budget", 2023, hy, "mio DKK"),
            Col("Regnskab 2023", "actual", 2023, hy, "mio DKK"),
            Col("Mer-/mindreforbrug", "variance", 2023, "title", "mio DKK"),
        ),
        assemble(spec2, fmt2),
        grid="horizontal",
        shaded=True,
        widths=(66, 22, 22, 22, 22, 22),
        font_size=8.5,
        notes=("Mer-/mindreforbrug = regnskab minus korrigeret budget (+ = merforbrug).",),
    )
    return Document(
        "region_sjaelland_regnskab_2023_html",
        "html",
        "Årsregnskab 2023",
        "REGION SJÆLLAND",
        None,
        "regnskab",
        2023,
        [
            TwoColumns(
                [
                    Heading("1. Regionsrådets resultat"),
                    Para(
                        "Region Sjælland kom ud af 2023 med et driftsresultat tæt på det korrigerede budget. "
                        "Sundhedsområdet, der udgør langt den største del af regionens økonomi, har haft et "
                        "merforbrug på hospitalerne, som delvis er modsvaret af mindreforbrug på "
                        "praksisområdet."
                    ),
                    Para(
                        "Regionens likviditet opgjort efter kassekreditreglen udgjorde ved årets udgang "
                        "gennemsnitligt 1,4 mia. kr. Regnskabet aflægges efter reglerne i Budget- og "
                        "regnskabssystem for regioner."
                    ),
                    Para(
                        "Udgifterne til medicintilskud steg igen i 2023, bl.a. som følge af nye "
                        "behandlinger på "
                        "diabetesområdet."
                    ),
                ],
                [small],
            ),
            Heading("2. Sundhed"),
            Para(
                "Tabel 2 viser nettodriftsudgifterne fordelt på hospitaler og øvrige enheder. Alle beløb er "
                "i "
                "løbende priser."
            ),
            big,
        ],
        classes=(
            "region",
            "two_column_page",
            "year_header_row",
            "footnote_marker",
            "mio_one_decimal",
            "indented_subrows",
            "row_groups",
            "shaded_header",
        ),
        accent="#6b2c91",
    )


def viborg_budget_2025() -> Document:
    """A budget with overslagsår under a spanning "Overslag" group, the years in a header row of their own,
    U/I rows per committee, centred figure columns and income in parentheses; a capital table with dashes."""
    rng = random.Random("viborg")
    committees = [
        ("Økonomiudvalget", 512304, -61822),
        ("Børne- og Ungdomsudvalget", 1687211, -148903),
        ("Social- og Sundhedsudvalget", 1953660, -402118),
        ("Teknisk Udvalg", 301477, -95640),
        ("Kultur- og Fritidsudvalget", 142906, -18377),
        ("Beskæftigelsesudvalget", 1402355, -612004),
    ]
    spec = []
    for name, u, i in committees:
        for base, ui in ((u, "U"), (i, "I")):
            spec.append(
                D(
                    name,
                    base,
                    jitter(rng, base, 0.99, 1.02),
                    jitter(rng, base, 0.98, 1.03),
                    jitter(rng, base, 0.98, 1.04),
                    ui=ui,
                )
            )
    spec.append(T("Drift i alt, netto"))

    def fmt(v: tuple) -> tuple[str, ...]:
        return tuple(dk(x, negative="paren") for x in v)

    def years(phase_first: str, first_header: str) -> tuple[Col, ...]:
        return (
            Col(first_header, phase_first, 2025, "header", align="center"),
            *(
                Col(f"Overslag {y}", "budget_estimate", y, "header", align="center")
                for y in (2026, 2027, 2028)
            ),
        )

    header = (
        (
            H("1.000 kr., 2025-pl", rows=2),
            H("U/I", rows=2, align="center"),
            H("Budget", align="center"),
            H("Overslag", span=3),
        ),
        (
            H("2025", align="center"),
            H("2026", align="center"),
            H("2027", align="center"),
            H("2028", align="center"),
        ),
    )
    drift = Table(
        "Driftsbudget fordelt på udvalg",
        ("label", "ui"),
        header,
        years("budget", "Budget 2025"),
        assemble(spec, fmt),
        grid="horizontal",
        zebra=True,
        widths=(62, 12, 25, 25, 25, 25),
        notes=("Indtægter er vist i parentes.",),
    )
    projects = [
        ("Ny skole i Viborg Øst", (38500, 61200, 12400, None)),
        ("Renovering af Viborg Svømmehal", (14800, 9600, None, None)),
        ("Cykelsti Bjerringbro–Ulbjerg", (6200, None, None, None)),
        ("Pulje til byfornyelse", (3000, 3000, 3000, 3000)),
        ("Klimatilpasning, Nørresø", (None, 4500, 8800, 2100)),
        ("Salg af byggegrunde, Arnbjerg", (-12500, -9000, -9000, -6000)),
    ]
    spec2 = [D(n, *v) for n, v in projects] + [T("Anlæg i alt")]
    anlaeg = Table(
        "Anlægsbudget 2025–2028",
        ("label",),
        (
            (H("1.000 kr., 2025-pl", rows=2), H("Budget", align="center"), H("Overslag", span=3)),
            (
                H("2025", align="center"),
                H("2026", align="center"),
                H("2027", align="center"),
                H("2028", align="center"),
            ),
        ),
        years("budget", "Budget 2025"),
        assemble(spec2, lambda v: tuple(dk(x, negative="paren") if x is not None else "-" for x in v)),
        grid="horizontal",
        widths=(74, 25, 25, 25, 25),
    )
    return Document(
        "viborg_budget_2025_html",
        "html",
        "Budget 2025 med overslagsår 2026–2028",
        "VIBORG KOMMUNE",
        "Viborg Kommune",
        "budget",
        2025,
        [
            Para(
                "Byrådet vedtog den 9. oktober 2024 budgettet for 2025 og overslagsårene 2026–2028. "
                "Budgettet er "
                "udarbejdet i 2025-pris- og lønniveau. Udgifter (U) og indtægter (I) vises hver for sig."
            ),
            Heading("Drift"),
            drift,
            Heading("Anlæg"),
            Para(
                "Anlægsbudgettet omfatter de projekter, som byrådet har afsat rådighedsbeløb til. En streg "
                "betyder, "
                "at der ikke er budgetteret i året."
            ),
            anlaeg,
        ],
        classes=(
            "budget_years",
            "year_header_row",
            "ui_rows",
            "centred_figures",
            "paren_negatives",
            "zebra",
            "unit_in_stub",
            "dash_cells",
        ),
        accent="#00594f",
    )


def stil_aarsrapport_2024() -> Document:
    """A state agency's annual report: a Note column of small integers, mio. kr. with one decimal, label-only
    groups with indented sub-rows, account numbers (§ 20.44.01) in the labels, a 'Bevilling' column."""
    rng = random.Random("stil")
    rows = [
        G("Ordinære driftsindtægter"),
        D("Indtægtsført bevilling", -512.3, indent=1),
        D("Salg af varer og tjenesteydelser", -38.4, indent=1),
        D("Tilskud til egen drift", -4.1, indent=1),
        S("Ordinære driftsindtægter i alt"),
        G("Ordinære driftsomkostninger"),
        D("Personaleomkostninger", 312.5, indent=1),
        D("Af- og nedskrivninger", 41.2, indent=1),
        D("Andre ordinære driftsomkostninger", 170.4, indent=1),
        S("Ordinære driftsomkostninger i alt"),
        D("Andre driftsposter", 1.3),
        D("Finansielle poster", 2.6),
        T("Årets resultat"),
    ]
    notes_col = {
        "Indtægtsført bevilling": "1",
        "Personaleomkostninger": "2",
        "Af- og nedskrivninger": "3",
        "Finansielle poster": "4",
    }
    spec = []
    for kind, label, vals, indent, *_ in rows:
        if kind == "d":
            b = float(vals[0])
            spec.append(
                D(label, jitter(rng, b, 0.94, 1.0, 0.1), b, jitter(rng, b, 0.99, 1.04, 0.1), indent=indent)
            )
        else:
            spec.append((kind, label, (), indent, None, None))
    built = assemble(spec, lambda v: ("",) + tuple(dk(x, 1) for x in v))
    built = tuple(
        Row(r.label, (notes_col.get(r.label, ""),) + r.cells[1:], r.code, r.kind, r.indent) if r.cells else r
        for r in built
    )
    hy = "header"
    result = Table(
        "Tabel 3. Resultatopgørelse (mio. kr.)",
        ("label",),
        ((H(""), H("Note", align="center"), H("Regnskab\n2023"), H("Regnskab\n2024"), H("Budget\n2025")),),
        (
            Col("Note", unread="note_reference", align="center"),
            Col("Regnskab 2023", "actual", 2023, hy, "mio DKK"),
            Col("Regnskab 2024", "actual", 2024, hy, "mio DKK"),
            Col("Budget 2025", "budget", 2025, hy, "mio DKK"),
        ),
        built,
        grid="booktabs",
        widths=(80, 14, 24, 24, 24),
        double_rule_total=True,
        notes=("Anm.: Indtægter er angivet med negativt fortegn.",),
    )
    accounts = [
        ("§ 20.44.01. Styrelsen for IT og Læring (Driftsbev.)", 536.8, 531.2),
        ("§ 20.44.02. Digitale læringsressourcer (Reservationsbev.)", 84.0, 71.6),
        ("§ 20.44.05. Kompetencemidler til digital dannelse (Reservationsbev.)", 22.5, 23.9),
        ("§ 20.44.11. Fælles skoleadministrative systemer (Anlægsbev.)", 48.3, 39.7),
    ]
    spec2 = [D(n, b, a) for n, b, a in accounts] + [T("I alt")]
    cy = "caption"
    bev = Table(
        "Tabel 6. Bevillingsregnskab 2024 (mio. kr.)",
        ("label",),
        ((H("Hovedkonto"), H("Bevilling\n(FL + TB)"), H("Regnskab"), H("Afvigelse")),),
        (
            Col("Bevilling (FL + TB)", "appropriation", 2024, cy, "mio DKK"),
            Col("Regnskab", "actual", 2024, cy, "mio DKK"),
            Col("Afvigelse", "variance", 2024, cy, "mio DKK"),
        ),
        assemble(spec2, lambda v: (dk(v[0], 1), dk(v[1], 1), dk(v[0] - v[1], 1))),
        grid="booktabs",
        widths=(98, 24, 24, 24),
    )
    return Document(
        "stil_aarsrapport_2024_html",
        "html",
        "Årsrapport 2024",
        "Styrelsen for IT og Læring · Børne- og Undervisningsministeriet",
        None,
        "regnskab",
        2024,
        [
            Heading("1. Beretning"),
            Para(
                "Styrelsen for IT og Læring (STIL) varetager drift og udvikling af it-løsninger til "
                "uddannelsesområdet. Årets økonomiske resultat er et underskud, som primært skyldes "
                "ekstraordinære afskrivninger på udfasede systemer."
            ),
            Heading("3. Regnskab"),
            Para(
                "Regnskabet er aflagt efter de statslige regnskabsprincipper. Resultatopgørelsen viser "
                "styrelsens omkostninger og indtægter; noterne findes i afsnit 3.4."
            ),
            result,
            Para(
                "Bevillingsregnskabet viser forbruget på de enkelte hovedkonti på finansloven sammenholdt "
                "med "
                "bevillingen inkl. tillægsbevillinger."
            ),
            bev,
        ],
        classes=(
            "state_agency",
            "note_column",
            "mio_one_decimal",
            "row_groups",
            "indented_subrows",
            "account_numbers_in_labels",
            "appropriation",
            "year_in_caption",
        ),
        font="serif",
        accent="#14143c",
    )


# --- LibreOffice ----------------------------------------------------------------------------------------


def herning_regnskab_2024() -> Document:
    """A long table on functions (5.32.32 …) split over two pages with the header repeated; full grid with a
    shaded header; Serviceudgifter / Overførselsudgifter groups with subtotals; Mer-/mindreforbrug."""
    rng = random.Random("herning")
    service = [
        ("5.32.30 Ældreboliger", 4210),
        ("5.32.31 Servicearealer til plejeboliger", 3876),
        ("5.32.32 Pleje og omsorg mv. af ældre og handicappede", 612450),
        ("5.32.33 Forebyggende indsats for ældre og handicappede", 38911),
        ("5.32.34 Plejehjem og beskyttede boliger", 27304),
        ("5.32.35 Hjælpemidler, forbrugsgoder, boligindretning og befordring", 71288),
        ("5.32.37 Plejevederlag og hjælp til sygeartikler o.lign. ved pasning af døende i eget hjem", 2915),
        ("5.38.42 Botilbud for personer med særlige sociale problemer (§ 110)", 24780),
        ("5.38.44 Alkoholbehandling og behandlingshjem for alkoholskadede", 9312),
        ("5.38.45 Behandling af stofmisbrugere", 14806),
        ("5.38.50 Botilbud til længerevarende ophold (§ 108)", 96230),
        ("5.38.52 Botilbud til midlertidigt ophold (§ 107)", 58604),
        ("5.38.53 Kontaktperson- og ledsageordninger", 7012),
        ("5.38.58 Beskyttet beskæftigelse (§ 103)", 21450),
        ("5.38.59 Aktivitets- og samværstilbud (§ 104)", 33218),
        ("4.62.82 Kommunal genoptræning og vedligeholdelsestræning", 46105),
        ("4.62.85 Kommunal tandpleje", 31422),
        ("4.62.88 Sundhedsfremme og forebyggelse", 18930),
        ("4.62.90 Kommunal sundhedstjeneste", 22847),
    ]
    transfers = [
        ("4.62.81 Aktivitetsbestemt medfinansiering af sundhedsvæsenet", 428960),
        ("5.57.72 Sociale formål", 8104),
        ("5.57.73 Kontanthjælp vedrørende visse grupper af flygtninge", 5391),
        ("5.57.75 Førtidspensioner tilkendt 1. januar 2003 – 30. juni 2014", 132760),
        ("5.57.76 Personlige tillæg m.v.", 9877),
        ("5.57.77 Boligydelse til pensionister", 41050),
        ("5.57.78 Boligsikring", 23604),
    ]
    spec = [G("Serviceudgifter")]

    def row(label: str, korr: float) -> tuple:
        return D(
            label,
            jitter(rng, korr, 0.95, 0.99),
            jitter(rng, korr, 0.97, 1.0),
            korr,
            jitter(rng, korr, 0.965, 1.04),
        )

    spec += [row(n, k) for n, k in service] + [S("Serviceudgifter i alt"), G("Overførselsudgifter")]
    spec += [row(n, k) for n, k in transfers] + [
        S("Overførselsudgifter i alt"),
        T("Social- og Sundhedsudvalget i alt"),
    ]

    def fmt(v: tuple) -> tuple[str, ...]:
        r23, opr, korr, r24 = v
        return (dk(r23), dk(opr), dk(korr), dk(r24), dk(r24 - korr))

    hy = "header"
    table = Table(
        "Tabel 2.1 Driftsregnskab fordelt på funktioner – Social og Sundhed (1.000 kr.)",
        ("label",),
        (
            (
                H("Funktion"),
                H("Regnskab\n2023"),
                H("Opr. budget\n2024"),
                H("Korr. budget\n2024"),
                H("Regnskab\n2024"),
                H("Mer-/mindre-\nforbrug 2024"),
            ),
        ),
        (
            Col("Regnskab 2023", "actual", 2023, hy),
            Col("Opr. budget 2024", "original_budget", 2024, hy),
            Col("Korr. budget 2024", "revised_budget", 2024, hy),
            Col("Regnskab 2024", "actual", 2024, hy),
            Col("Mer-/mindreforbrug 2024", "variance", 2024, hy),
        ),
        assemble(spec, fmt),
        grid="full",
        shaded=True,
        split_after=17,
        repeat_header=True,
        widths=(72, 19, 19, 19, 19, 21),
        font_size=8,
        notes=("Mer-/mindreforbrug = regnskab minus korrigeret budget. Positive tal er merforbrug.",),
    )
    return Document(
        "herning_regnskab_2024_office",
        "office",
        "Regnskab 2024 – Social- og Sundhedsudvalget",
        "Herning Kommune",
        "Herning Kommune",
        "regnskab",
        2024,
        [
            Heading("2. Regnskabsresultat"),
            Para(
                "Social- og Sundhedsudvalget har i 2024 et samlet merforbrug i forhold til det korrigerede "
                "budget. Merforbruget vedrører især pleje og omsorg samt den aktivitetsbestemte "
                "medfinansiering af sundhedsvæsenet."
            ),
            table,
        ],
        classes=(
            "split_table",
            "repeated_header",
            "function_numbers_in_labels",
            "full_grid",
            "shaded_header",
            "row_groups",
            "long_labels",
        ),
    )


def svendborg_budgetopfoelgning_2025() -> Document:
    """An in-year follow-up in hele kr.: the year in a spanning header row of its own, a Tillægsbevillinger
    column and a forecast variance (unread), Forventet regnskab (forecast), row groups with subtotals; then a
    capital table with Rådighedsbeløb."""
    rng = random.Random("svendborg")
    service = [
        ("Dagtilbud", 318406211),
        ("Skoler og SFO", 402117850),
        ("Ældre", 498662037),
        ("Voksenhandicap og psykiatri", 256304118),
        ("Kultur og fritid", 61208430),
    ]
    transfers = [("Førtidspension", 201507660), ("Kontanthjælp", 88611305), ("Sygedagpenge", 97260418)]
    spec = [G("Serviceudgifter")]

    def row(label: str, opr: int) -> tuple:
        tb = jitter(rng, opr, -0.015, 0.025)
        return D(label, opr, tb, opr + tb, jitter(rng, opr + tb, 0.985, 1.02), indent=1)

    spec += [row(*x) for x in service] + [S("Serviceudgifter i alt"), G("Overførselsudgifter")]
    spec += [row(*x) for x in transfers] + [S("Overførselsudgifter i alt"), T("I alt")]

    def fmt(v: tuple) -> tuple[str, ...]:
        opr, tb, korr, fr = v
        return (dk(opr), dk(tb), dk(korr), dk(fr), dk(korr - fr))

    hy = "header"
    table = Table(
        "Tabel 1: Serviceudgifter og overførselsudgifter, beløb i hele kr.",
        ("label",),
        (
            (H("Område", rows=2), H("2025", span=5)),
            (
                H("Oprindeligt\nbudget"),
                H("Tillægs-\nbevillinger"),
                H("Korrigeret\nbudget"),
                H("Forventet\nregnskab"),
                H("Forventet\nmer-/mindreforbrug"),
            ),
        ),
        (
            Col("2025 Oprindeligt budget", "original_budget", 2025, hy, "DKK"),
            Col("Tillægsbevillinger", unread="budget_change"),
            Col("2025 Korrigeret budget", "revised_budget", 2025, hy, "DKK"),
            Col("2025 Forventet regnskab", "forecast", 2025, hy, "DKK"),
            Col("Forventet mer-/mindreforbrug", unread="forecast_variance"),
        ),
        assemble(spec, fmt),
        grid="horizontal",
        widths=(46, 25, 22, 25, 25, 31),
        font_size=8,
        notes=(
            "Forventet mer-/mindreforbrug = korrigeret budget minus forventet regnskab (+ = mindreforbrug).",
        ),
    )
    projects = [
        ("Udbygning af Tåsinge Skole", 18500, 16900),
        ("Renovering af Svendborg Havn, kaj 3", 9600, 11250),
        ("Trafiksikkerhedsplan 2025", 2400, 2400),
        ("Ny idrætshal i Gudme", 14000, 6100),
    ]
    spec2 = [D(n, r, f) for n, r, f in projects] + [T("Anlæg i alt")]
    anlaeg = Table(
        "Tabel 2: Anlæg, 1.000 kr.",
        ("label",),
        (
            (
                H("Projekt"),
                H("Rådighedsbeløb\n2025"),
                H("Forventet\nregnskab 2025"),
                H("Forventet\nafvigelse"),
            ),
        ),
        (
            Col("Rådighedsbeløb 2025", "appropriation", 2025, hy),
            Col("Forventet regnskab 2025", "forecast", 2025, hy),
            Col("Forventet afvigelse", unread="forecast_variance"),
        ),
        assemble(spec2, lambda v: (dk(v[0]), dk(v[1]), dk(v[0] - v[1]))),
        grid="horizontal",
        widths=(80, 28, 28, 28),
    )
    return Document(
        "svendborg_budgetopfoelgning_2025_office",
        "office",
        "Budgetopfølgning 3 – 2025",
        "Svendborg Kommune · Økonomi og Analyse",
        "Svendborg Kommune",
        "budgetopfoelgning",
        2025,
        [
            Para(
                "Status pr. 30. september 2025. Budgetopfølgningen forelægges Økonomiudvalget og Byrådet. "
                "Forventningerne til årets resultat bygger på forbruget til og med september og "
                "fagområdernes "
                "skøn for resten af året."
            ),
            Heading("Drift"),
            table,
            Para(
                "Samlet forventes et mindreforbrug på serviceudgifterne, mens overførselsudgifterne ventes "
                "at "
                "overskride budgettet."
            ),
            Heading("Anlæg"),
            anlaeg,
        ],
        classes=(
            "hele_kr",
            "year_header_row",
            "budget_change_column",
            "forecast",
            "forecast_variance",
            "row_groups",
            "indented_subrows",
            "appropriation",
        ),
        font="serif",
    )


def middelfart_anlaeg_2024() -> Document:
    """A capital account in hele kr. (Anlægsbevilling without a year, year from the caption) and a table of
    specific assumptions with activity numbers (parents carry sums of their sub-items), spanning
    Budget/Regnskab groups with quantity, unit price and amount, the figure columns centred."""
    projects = [
        ("Renovering af Middelfart Rådhus, etape 2", 24500000, 11200000, 10874312),
        ("Ny daginstitution i Ejby", 32000000, 18400000, 19026450),
        ("Trafiksikring af Algade", 3850000, 3850000, 3412980),
        ("Byggemodning, Nørre Aaby Nord", 7200000, 4100000, 4388617),
        ("Salg af erhvervsgrunde, Fynsvej", -6000000, -6000000, -2750000),
    ]
    spec = [D(n, b, r, f) for n, b, r, f in projects] + [T("Anlæg i alt")]
    cy = "caption"
    anlaeg = Table(
        "Anlægsregnskab 2024 – Teknik og Miljø (kr.)",
        ("label",),
        (
            (
                H("Projekt"),
                H("Anlægs-\nbevilling"),
                H("Rådighedsbeløb\n2024"),
                H("Forbrug\n2024"),
                H("Afvigelse"),
            ),
        ),
        (
            Col("Anlægsbevilling", "appropriation", 2024, cy, "DKK"),
            Col("Rådighedsbeløb 2024", "appropriation", 2024, "header", "DKK"),
            Col("Forbrug 2024", "actual", 2024, "header", "DKK"),
            Col("Afvigelse", "variance", 2024, cy, "DKK"),
        ),
        assemble(spec, lambda v: (dk(v[0]), dk(v[1]), dk(v[2]), dk(v[1] - v[2]))),
        grid="horizontal",
        widths=(64, 27, 27, 27, 24),
        font_size=8,
        notes=("Afvigelse = rådighedsbeløb minus forbrug. Indtægter er vist med negativt fortegn.",),
    )
    # Parents (1, 2, …) carry only the sum of their sub-items' amounts; sub-items quantity, price, amount.
    items = [
        ("1", "Vintertjeneste", None, None),
        ("1.a", "Saltning af kørebaner (km)", (410, 2860), (410, 3915)),
        ("1.b", "Snerydning (km)", (180, 7000), (180, 8133)),
        ("2", "Vejbelysning", None, None),
        ("2.a", "Drift af lyspunkter (stk.)", (8940, 512), (8962, 498)),
        ("2.b", "Udskiftning til LED (stk.)", (600, 3150), (455, 3320)),
        ("3", "Slidlag på kommuneveje (m²)", (62000, 148), (57400, 153)),
    ]

    def amount(qp: tuple[int, int]) -> Decimal:
        return (Decimal(qp[0]) * Decimal(qp[1]) / 1000).quantize(Decimal(1))

    rows, total_b, total_r = [], Decimal(0), Decimal(0)
    for i, (code, label, b, r) in enumerate(items):
        if b is None:
            subs = [x for x in items[i + 1 :] if x[0].startswith(code + ".")]
            sb, sr = sum(amount(x[2]) for x in subs), sum(amount(x[3]) for x in subs)
            rows.append(Row(label, ("", "", dk(sb), "", "", dk(sr)), code=code, kind="subtotal"))
            total_b, total_r = total_b + sb, total_r + sr
            continue
        rows.append(
            Row(
                label,
                (dk(b[0]), dk(b[1]), dk(amount(b)), dk(r[0]), dk(r[1]), dk(amount(r))),
                code=code,
                indent=1 if "." in code else 0,
            )
        )
        if "." not in code:
            total_b, total_r = total_b + amount(b), total_r + amount(r)
    rows.append(Row("Vejvedligeholdelse i alt", ("", "", dk(total_b), "", "", dk(total_r)), kind="total"))
    hy = "header"
    spec_table = Table(
        "Specifikke forudsætninger – vejvedligeholdelse",
        ("code", "label"),
        (
            (H("Nr.", rows=2), H("Aktivitet", rows=2), H("Budget 2024", span=3), H("Regnskab 2024", span=3)),
            (
                H("Mængde", align="center"),
                H("Pris pr.\nenhed, kr.", align="center"),
                H("Beløb,\n1.000 kr.", align="center"),
                H("Mængde", align="center"),
                H("Pris pr.\nenhed, kr.", align="center"),
                H("Beløb,\n1.000 kr.", align="center"),
            ),
        ),
        (
            Col("Budget 2024 Mængde", "budget", 2024, hy, measure="quantity", align="center"),
            Col(
                "Budget 2024 Pris pr. enhed, kr.",
                "budget",
                2024,
                hy,
                "DKK",
                measure="unit_price",
                align="center",
            ),
            Col("Budget 2024 Beløb, 1.000 kr.", "budget", 2024, hy, align="center"),
            Col("Regnskab 2024 Mængde", "actual", 2024, hy, measure="quantity", align="center"),
            Col(
                "Regnskab 2024 Pris pr. enhed, kr.",
                "actual",
                2024,
                hy,
                "DKK",
                measure="unit_price",
                align="center",
            ),
            Col("Regnskab 2024 Beløb, 1.000 kr.", "actual", 2024, hy, align="center"),
        ),
        tuple(rows),
        grid="full",
        widths=(10, 52, 18, 18, 18, 18, 18, 18),
        font_size=8,
    )
    return Document(
        "middelfart_anlaeg_2024_office",
        "office",
        "Regnskab 2024 – Teknik og Miljø",
        "Middelfart Kommune",
        "Middelfart Kommune",
        "regnskab",
        2024,
        [
            Heading("Anlæg"),
            Para(
                "Der er i 2024 anvendt 35,0 mio. kr. netto på anlæg under Teknik og Miljø. Salget af "
                "erhvervsgrunde på Fynsvej er forsinket, og indtægten forventes først i 2025."
            ),
            anlaeg,
            Heading("Drift"),
            Para(
                "Vintersæsonen 2024 var hårdere end normalt, og prisen pr. km saltet vej steg derfor. "
                "Tabellen "
                "viser de aktiviteter, som budgettet er fastlagt ud fra."
            ),
            spec_table,
        ],
        classes=(
            "hele_kr",
            "appropriation",
            "year_in_caption",
            "quantity_unit_price",
            "activity_codes",
            "centred_figures",
            "spanning_groups",
        ),
    )


def esbjerg_forventet_regnskab_2025() -> Document:
    """A forecast with Udgifter / Indtægter / Netto under two spanning groups, income in parentheses, no rules
    at all (whitespace-aligned), function numbers in the labels."""
    rng = random.Random("esbjerg")
    funcs = [
        ("6.42.41 Fælles formål", 4102, -12),
        ("6.42.42 Kommunalbestyrelsesmedlemmer", 11860, 0),
        ("6.45.50 Administrationsbygninger", 38215, -6402),
        ("6.45.51 Sekretariat og forvaltninger", 512337, -41866),
        ("6.45.52 Fælles IT og telefoni", 96410, -3108),
        ("6.45.53 Jobcentre", 74902, -9911),
        ("6.48.67 Personalepolitiske opgaver", 21655, -2040),
    ]
    spec = []
    for name, u, i in funcs:
        fu, fi = jitter(rng, u, 0.985, 1.03), jitter(rng, i, 0.9, 1.1)
        spec.append(D(name, u, i, fu, fi))
    spec.append(T("Økonomiudvalget, administration i alt"))

    def fmt(v: tuple) -> tuple[str, ...]:
        u, i, fu, fi = v
        p = lambda x: dk(x, negative="paren") if x else "-"  # noqa: E731
        return (p(u), p(i), p(u + i), p(fu), p(fi), p(fu + fi))

    hy = "header"
    cols = []
    for group, phase in (
        ("Korrigeret budget 2025", "revised_budget"),
        ("Forventet regnskab 2025", "forecast"),
    ):
        for sub, flow in (("Udgifter", "expenditure"), ("Indtægter", "income"), ("Netto", "net")):
            cols.append(Col(f"{group} {sub}", phase, 2025, hy, flow=flow))
    table = Table(
        "Drift, 1.000 kr.",
        ("label",),
        (
            (
                H("Funktion", rows=2),
                H("Korrigeret budget 2025", span=3),
                H("Forventet regnskab 2025", span=3),
            ),
            (H("Udgifter"), H("Indtægter"), H("Netto"), H("Udgifter"), H("Indtægter"), H("Netto")),
        ),
        tuple(cols),
        assemble(spec, fmt),
        grid="none",
        double_rule_total=False,
        widths=(62, 19, 19, 19, 19, 19, 19),
        font_size=8,
        notes=("Indtægter er vist i parentes.",),
    )
    return Document(
        "esbjerg_forventet_regnskab_2025_office",
        "office",
        "Forventet regnskab 2025 – Økonomiudvalget",
        "Esbjerg Kommune",
        "Esbjerg Kommune",
        "forventet_regnskab",
        2025,
        [
            Para(
                "Økonomiudvalgets område forventes at slutte året med et merforbrug på ca. 3 mio. kr. i "
                "forhold "
                "til det korrigerede budget, især på sekretariater og forvaltninger."
            ),
            Heading("Administration"),
            table,
            Para("Forventningen er baseret på forbruget pr. 31. august og kendte dispositioner."),
        ],
        classes=(
            "flow_columns",
            "spanning_groups",
            "paren_negatives",
            "no_rules",
            "forecast",
            "function_numbers_in_labels",
        ),
    )


# --- reportlab ------------------------------------------------------------------------------------------


def silkeborg_aarsberetning_2023() -> Document:
    """A4 landscape: "Regnskab" spanning 2021 | 2022 and "2023" spanning four columns (the year a header
    row of its own), Afv. i % unread, en-dash negatives, booktabs with a double-ruled total; then a small
    mio. kr. table whose year is only in the caption."""
    rng = random.Random("silkeborg")
    areas = [
        (
            "Serviceudgifter",
            [
                ("Politisk organisation", 14211),
                ("Administration og digitalisering", 392508),
                ("Dagtilbud", 612934),
                ("Skoler og SFO", 1104677),
                ("Ældre og sundhed", 1318502),
                ("Socialområdet", 702391),
                ("Natur, miljø og trafik", 188044),
                ("Kultur og fritid", 131560),
            ],
        ),
        (
            "Overførselsudgifter",
            [("Forsørgelse og beskæftigelse", 1296830), ("Pension og boligstøtte", 402655)],
        ),
    ]
    spec = []
    for group, rows in areas:
        spec.append(G(group))
        for label, korr in rows:
            spec.append(
                D(
                    label,
                    jitter(rng, korr, 0.9, 0.95),
                    jitter(rng, korr, 0.94, 0.98),
                    jitter(rng, korr, 0.96, 1.0),
                    korr,
                    jitter(rng, korr, 0.975, 1.025),
                    indent=1,
                )
            )
        spec.append(S(f"{group} i alt"))
    spec.append(T("Drift i alt"))

    def fmt(v: tuple) -> tuple[str, ...]:
        r21, r22, opr, korr, r23 = v
        afv = r23 - korr
        e = lambda x: dk(x, negative="endash")  # noqa: E731
        return (e(r21), e(r22), e(opr), e(korr), e(r23), e(afv), dk(afv / korr * 100, 1, "endash"))

    hy = "header"
    big = Table(
        "Tabel 4.1 Driftsregnskab fordelt på politikområder (1.000 kr., løbende priser)",
        ("label",),
        (
            (H("Politikområde", rows=2), H("Regnskab", span=2), H("2023", span=5)),
            (
                H("2021"),
                H("2022"),
                H("Opr. budget"),
                H("Korr. budget"),
                H("Regnskab"),
                H("Afvigelse"),
                H("Afv. i %"),
            ),
        ),
        (
            Col("Regnskab 2021", "actual", 2021, hy),
            Col("Regnskab 2022", "actual", 2022, hy),
            Col("2023 Opr. budget", "original_budget", 2023, hy),
            Col("2023 Korr. budget", "revised_budget", 2023, hy),
            Col("2023 Regnskab", "actual", 2023, hy),
            Col("2023 Afvigelse", "variance", 2023, hy),
            Col("Afv. i %", unread="percent"),
        ),
        assemble(spec, fmt),
        grid="booktabs",
        widths=(74, 25, 25, 25, 25, 25, 24, 18),
        font_size=8.5,
        notes=("Afvigelse = regnskab minus korrigeret budget; negative tal er mindreforbrug.",),
    )
    res = [
        D("Skatter", -6123.4, -6131.9),
        D("Tilskud og udligning", -1402.7, -1398.2),
        D("Driftsudgifter (inkl. refusion)", 6871.2, 6842.5),
        D("Renter m.v.", 8.6, -2.3),
        S("Resultat af ordinær driftsvirksomhed"),
        D("Anlægsudgifter", 412.9, 338.4),
        D("Jordforsyning og ældreboliger", 21.3, -14.0),
        S("Resultat af det skattefinansierede område"),
    ]
    cy = "caption"
    spec2 = []
    since: list[tuple] = []
    for item in res:
        if item[0] == "d":
            spec2.append(D(item[1], jitter(rng, float(item[2][0]), 0.985, 1.01, 0.1), *item[2]))
        else:
            spec2.append(item)

    def fmt2(v: tuple) -> tuple[str, ...]:
        return tuple(dk(x, 1, "endash") for x in v)

    del since
    small = Table(
        "Tabel 4.2 Resultatopgørelse 2023 (mio. kr.)",
        ("label",),
        ((H("Mio. kr."), H("Opr. budget"), H("Korr. budget"), H("Regnskab")),),
        (
            Col("Opr. budget", "original_budget", 2023, cy, "mio DKK"),
            Col("Korr. budget", "revised_budget", 2023, cy, "mio DKK"),
            Col("Regnskab", "actual", 2023, cy, "mio DKK"),
        ),
        _cumulative(spec2, fmt2),
        grid="booktabs",
        double_rule_total=False,
        widths=(80, 26, 26, 26),
        font_size=8.5,
        notes=("+ = udgift / underskud; – = indtægt / overskud.",),
    )
    return Document(
        "silkeborg_aarsberetning_2023_reportlab",
        "reportlab",
        "Årsberetning 2023",
        "Silkeborg Kommune",
        "Silkeborg Kommune",
        "regnskab",
        2023,
        [
            Heading("4. Økonomi"),
            Para(
                "Kommunens samlede driftsudgifter blev i 2023 lidt lavere end det korrigerede budget. "
                "Mindreforbruget ligger især på dagtilbud og administration, mens ældre og sundhed har haft "
                "et "
                "merforbrug som følge af flere borgere med behov for hjemmepleje."
            ),
            big,
            PageBreak(),
            small,
        ],
        classes=(
            "landscape",
            "seven_columns",
            "spanning_groups",
            "year_header_row",
            "endash_negatives",
            "booktabs",
            "double_rule_total",
            "percent_column",
            "year_in_caption",
            "mio_one_decimal",
        ),
        landscape=True,
        accent="#7a1f2b",
        running_footer="Silkeborg Kommune · Årsberetning 2023",
    )


def _cumulative(spec: list[tuple], fmt) -> tuple[Row, ...]:  # noqa: ANN001
    """Rows where each subtotal is the running result of every data row above it (a resultatopgørelse)."""
    rows, every = [], []
    for kind, label, vals, indent, code, ui in spec:
        if kind == "d":
            rows.append(Row(label, fmt(vals), code=code, indent=indent, ui=ui))
            every.append(vals)
        else:
            rows.append(Row(label, fmt(_sum(every)), kind="subtotal"))
    return tuple(rows)


def region_nordjylland_budget_2025() -> Document:
    """A region's budget: Budget 2025¹ | Overslag 2026–2028 in mio. kr. (2025-pl) with one decimal, centred
    columns, groups with subtotals; and a table with Udgifter / Indtægter / Netto, year from the caption."""
    rng = random.Random("rn")
    groups = [
        (
            "Sundhed",
            [
                ("Somatik", 9412.6),
                ("Psykiatri", 1520.3),
                ("Praksisområdet", 2688.1),
                ("Medicin", 1604.9),
                ("Præhospitalt beredskab", 612.4),
            ],
        ),
        ("Social og specialundervisning", [("Specialsektoren", 512.8), ("Kommunikationscentre", 38.2)]),
        (
            "Regional udvikling",
            [("Kollektiv trafik", 281.5), ("Uddannelse og kultur", 34.6), ("Jordforurening", 29.7)],
        ),
    ]
    spec = []
    for group, rows in groups:
        spec.append(G(group))
        for label, b in rows:
            spec.append(
                D(
                    label,
                    b,
                    jitter(rng, b, 1.0, 1.02, 0.1),
                    jitter(rng, b, 1.0, 1.03, 0.1),
                    jitter(rng, b, 1.0, 1.04, 0.1),
                    indent=1,
                )
            )
        spec.append(S(f"{group} i alt"))
    spec.append(T("Nettodriftsudgifter i alt"))
    hy = "header"
    cols = (
        Col("Budget 2025¹", "budget", 2025, hy, "mio DKK", align="center"),
        *(
            Col(f"Overslag {y}", "budget_estimate", y, hy, "mio DKK", align="center")
            for y in (2026, 2027, 2028)
        ),
    )
    budget = Table(
        "Tabel 2. Driftsbudget 2025 og overslagsår",
        ("label",),
        (
            (
                H("Mio. kr., 2025-pl"),
                H("Budget\n2025¹", align="center"),
                H("Overslag\n2026", align="center"),
                H("Overslag\n2027", align="center"),
                H("Overslag\n2028", align="center"),
            ),
        ),
        cols,
        assemble(spec, lambda v: tuple(dk(x, 1) for x in v)),
        grid="horizontal",
        shaded=True,
        widths=(72, 24, 24, 24, 24),
        notes=("¹ Budget 2025 som vedtaget af regionsrådet den 25. september 2024.",),
    )
    flows = [
        ("Sundhed", 16842.3, -1004.0),
        ("Social og specialundervisning", 612.5, -61.5),
        ("Regional udvikling", 402.1, -56.3),
        ("Fælles formål og administration", 688.4, -12.9),
    ]
    spec2 = [D(n, u, i) for n, u, i in flows] + [T("I alt")]
    cy = "caption"
    ui_table = Table(
        "Tabel 3. Budget 2025 fordelt på udgifter og indtægter (mio. kr.)",
        ("label",),
        ((H(""), H("Udgifter"), H("Indtægter"), H("Netto")),),
        (
            Col("Udgifter", "budget", 2025, cy, "mio DKK", flow="expenditure"),
            Col("Indtægter", "budget", 2025, cy, "mio DKK", flow="income"),
            Col("Netto", "budget", 2025, cy, "mio DKK", flow="net"),
        ),
        assemble(spec2, lambda v: (dk(v[0], 1), dk(v[1], 1), dk(v[0] + v[1], 1))),
        grid="horizontal",
        widths=(80, 26, 26, 26),
    )
    return Document(
        "region_nordjylland_budget_2025_reportlab",
        "reportlab",
        "Budget 2025",
        "Region Nordjylland",
        None,
        "budget",
        2025,
        [
            Para(
                "Regionsrådet vedtog budgettet for 2025 i september 2024. Budgettet er i 2025-pris- og "
                "lønniveau "
                "og omfatter tillige overslagsårene 2026–2028, som ikke er bindende."
            ),
            Heading("Drift"),
            budget,
            Heading("Udgifter og indtægter"),
            Para(
                "Indtægterne stammer især fra statens bloktilskud og de kommunale bidrag, som ikke er vist "
                "her, samt fra salg af ydelser til andre regioner."
            ),
            ui_table,
        ],
        classes=(
            "region",
            "budget_years",
            "mio_one_decimal",
            "footnote_marker",
            "centred_figures",
            "row_groups",
            "flow_columns",
            "year_in_caption",
            "price_level_stub",
        ),
        accent="#005a8c",
        running_footer="Region Nordjylland · Budget 2025",
    )


def thisted_regnskab_2024() -> Document:
    """Two-column page (prose left, a small result table right), then a full-width table with activity codes
    (1, 1.a …), a Note column, red negatives and Over-/underskud."""
    rng = random.Random("thisted")
    small_rows = [D("Drift", 61804, 60120), D("Anlæg", 9750, 7311), T("I alt")]
    small = Table(
        "Tabel 1. Regnskabsresultat, Plan og Teknik",
        ("label",),
        ((H("1.000 kr."), H("Korr. budget\n2024"), H("Regnskab\n2024"), H("Over-/\nunderskud")),),
        (
            Col("Korr. budget 2024", "revised_budget", 2024, "header"),
            Col("Regnskab 2024", "actual", 2024, "header"),
            Col("Over-/underskud", "variance", 2024, "title"),
        ),
        assemble(small_rows, lambda v: (dk(v[0]), dk(v[1]), dk(v[1] - v[0]))),
        grid="horizontal",
        red_negatives=True,
        widths=(26, 19, 19, 18),
        font_size=8,
        notes=("+ = underskud og - = overskud",),
    )
    acts = [
        ("1", "Veje og trafik", None),
        ("1.a", "Vejvedligeholdelse", 18320),
        ("1.b", "Vintertjeneste", 9140),
        ("1.c", "Kollektiv trafik", 12884),
        ("2", "Natur og miljø", 6218),
        ("3", "Byg og plan", None),
        ("3.a", "Byggesagsbehandling", 3905),
        ("3.b", "Lokalplanlægning", 2210),
        ("4", "Redningsberedskab", 7127),
        ("5", "Havne", 2016),
    ]
    notes_col = {"1.b": "1", "1.c": "2", "4": "3"}
    data: dict[str, tuple] = {}
    for code, _label, korr in acts:
        if korr is not None:
            data[code] = (
                jitter(rng, korr, 0.93, 0.99),
                jitter(rng, korr, 0.97, 1.0),
                Decimal(korr),
                jitter(rng, korr, 0.9, 1.06),
            )

    def fmt(v: tuple) -> tuple[str, ...]:
        r23, opr, korr, r24 = v
        return (dk(r23), dk(opr), dk(korr), dk(r24), dk(r24 - korr))

    rows, top = [], []
    for code, label, korr in acts:
        if korr is None:
            subs = [data[c] for c, _, k in acts if c.startswith(code + ".")]
            vals = _sum(subs)
            top.append(vals)
            rows.append(Row(label, (notes_col.get(code, ""),) + fmt(vals), code=code, kind="subtotal"))
        else:
            if "." not in code:
                top.append(data[code])
            rows.append(
                Row(
                    label,
                    (notes_col.get(code, ""),) + fmt(data[code]),
                    code=code,
                    indent=1 if "." in code else 0,
                )
            )
    rows.append(Row("Plan og Teknik, drift i alt", ("",) + fmt(_sum(top)), kind="total"))
    hy = "header"
    big = Table(
        "Tabel 2. Regnskab på aktivitetsområder, drift (1.000 kr.)",
        ("code", "label"),
        (
            (
                H("Nr."),
                H("Aktivitet"),
                H("Note", align="center"),
                H("Regnskab\n2023"),
                H("Opr. budget\n2024"),
                H("Korr. budget\n2024"),
                H("Regnskab\n2024"),
                H("Over-/\nunderskud"),
            ),
        ),
        (
            Col("Note", unread="note_reference", align="center"),
            Col("Regnskab 2023", "actual", 2023, hy),
            Col("Opr. budget 2024", "original_budget", 2024, hy),
            Col("Korr. budget 2024", "revised_budget", 2024, hy),
            Col("Regnskab 2024", "actual", 2024, hy),
            Col("Over-/underskud", "variance", 2024, "title"),
        ),
        tuple(rows),
        grid="horizontal",
        red_negatives=True,
        widths=(10, 58, 11, 20, 20, 20, 20, 18),
        font_size=8.5,
        notes=("+ = underskud og - = overskud. Noterne findes i afsnit 5.",),
    )
    return Document(
        "thisted_regnskab_2024_reportlab",
        "reportlab",
        "Regnskab 2024 – Plan og Teknik",
        "Thisted Kommune",
        "Thisted Kommune",
        "regnskab",
        2024,
        [
            TwoColumns(
                [
                    Heading("Sammenfatning"),
                    Para(
                        "Plan og Teknik kommer ud af året med et samlet overskud. Driften viser et mindre "
                        "overskud, "
                        "og på anlæg er flere projekter forsinket, så en del af rådighedsbeløbet søges "
                        "overført til "
                        "2025."
                    ),
                    Para(
                        "Vintertjenesten har haft et merforbrug som følge af mange glatføredøgn i januar og "
                        "februar, mens vejvedligeholdelsen er holdt inden for rammen."
                    ),
                ],
                [small],
            ),
            Heading("Regnskab på aktivitetsområder"),
            big,
        ],
        classes=("two_column_page", "activity_codes", "note_column", "red_negatives", "indented_subrows"),
        font="serif",
        accent="#004b3c",
        running_footer="Thisted Kommune · Regnskab 2024",
    )


def frederikshavn_regnskab_2024() -> Document:
    """Hele kr., no rules at all, a long table that platypus breaks over two pages WITHOUT a repeated header;
    the year only in the section heading; function numbers (00.22.01) in the labels; hovedkonto groups with
    subtotals."""
    rng = random.Random("frederikshavn")
    groups = [
        (
            "Hovedkonto 0 Byudvikling, bolig- og miljøforanstaltninger",
            [
                ("00.22.01 Fælles formål", 1840550),
                ("00.22.02 Jordforsyning", -2405000),
                ("00.22.05 Ubestemte formål", 318200),
                ("00.25.10 Fælles formål (boligformål)", 612300),
                ("00.25.11 Beboelse", 1422600),
                ("00.25.13 Andre faste ejendomme", 2981440),
                ("00.25.15 Byfornyelse", 1105000),
                ("00.25.18 Driftssikring af boligbyggeri", 2350900),
                ("00.28.20 Grønne områder og naturpladser", 14628900),
                ("00.28.22 Skove", 402300),
                ("00.28.23 Friluftsbade", 1902250),
                ("00.32.31 Stadion og idrætsanlæg", 3218400),
                ("00.32.35 Andre fritidsfaciliteter", 1210600),
                ("00.35.40 Lystbådehavne m.v.", 815300),
                ("00.38.60 Fælles formål (miljøbeskyttelse)", 2208700),
                ("00.38.61 Miljøtilsyn – virksomheder", 2915300),
                ("00.38.63 Øvrig planlægning, undersøgelser, tilsyn m.v.", 3322100),
                ("00.38.64 Fælles formål (vandforsyning)", 204500),
                ("00.52.80 Naturforvaltningsprojekter", 940100),
                ("00.52.82 Vandløbsvæsen", 3611800),
                ("00.58.80 Redningsberedskab", 11034500),
            ],
        ),
        (
            "Hovedkonto 1 Forsyningsvirksomheder m.v.",
            [
                ("01.38.60 Fælles formål (affald)", 1802300),
                ("01.38.61 Ordninger for dagrenovation – restaffald", -412800),
                ("01.38.62 Ordninger for storskrald og haveaffald", 318700),
                ("01.38.63 Ordninger for glas, papir og pap", -96400),
                ("01.38.65 Genbrugsstationer", 905600),
            ],
        ),
        (
            "Hovedkonto 2 Transport og infrastruktur",
            [
                ("02.22.01 Fælles funktioner", 8812000),
                ("02.22.05 Driftsbygninger og -pladser", 6214300),
                ("02.22.07 Parkering", -1344000),
                ("02.28.11 Vejvedligeholdelse m.v.", 20381600),
                ("02.28.12 Belægninger m.v.", 15902700),
                ("02.28.14 Vintertjeneste", 12045800),
                ("02.28.15 Vejbelysning", 7604300),
                ("02.32.30 Fælles formål (kollektiv trafik)", 1120500),
                ("02.32.31 Busdrift", 31502900),
                ("02.32.33 Handicapkørsel", 2714600),
                ("02.35.40 Havne", -1812000),
                ("02.35.41 Færgedrift", 14210600),
            ],
        ),
    ]
    spec = []
    for group, rows in groups:
        spec.append(G(group))
        for label, opr in rows:
            tb = jitter(rng, opr, -0.02, 0.06)
            korr = opr + tb
            spec.append(D(label, opr, korr, jitter(rng, korr, 0.93, 1.05)))
        spec.append(S(f"{group.split(' ', 2)[0]} {group.split(' ', 2)[1]} i alt"))
    spec.append(T("Teknik og Miljø i alt"))

    def fmt(v: tuple) -> tuple[str, ...]:
        opr, korr, r = v
        return (dk(opr), dk(korr), dk(r), dk(korr - r))

    hs = "heading"
    table = Table(
        "Tabel 4.1: Driftsposter fordelt på funktioner, kr.",
        ("label",),
        ((H("Funktion"), H("Oprindeligt\nbudget"), H("Korrigeret\nbudget"), H("Regnskab"), H("Forskel")),),
        (
            Col("Oprindeligt budget", "original_budget", 2024, hs, "DKK"),
            Col("Korrigeret budget", "revised_budget", 2024, hs, "DKK"),
            Col("Regnskab", "actual", 2024, hs, "DKK"),
            Col("Forskel", "variance", 2024, hs, "DKK"),
        ),
        assemble(spec, fmt),
        grid="none",
        double_rule_total=False,
        repeat_header=False,
        widths=(78, 24, 24, 24, 24),
        font_size=8.5,
        caption_style="italic",
        notes=("Forskel = korrigeret budget minus regnskab (+ = mindreforbrug).",),
    )
    return Document(
        "frederikshavn_regnskab_2024_reportlab",
        "reportlab",
        "Årsregnskab",
        "Frederikshavn Kommune",
        "Frederikshavn Kommune",
        "regnskab",
        2024,
        [
            Heading("4. Udvalgsberetninger"),
            Para(
                "Afsnittet gennemgår udvalgenes driftsregnskaber på funktionsniveau. Beløbene er angivet i "
                "hele "
                "kroner."
            ),
            Heading("4.1 Teknik og Miljø – driftsregnskab 2024", 2),
            Para(
                "Teknik og Miljø har samlet et mindreforbrug. Jordforsyningen har givet større indtægter end "
                "forventet, mens vintertjenesten har kostet mere end budgetteret."
            ),
            table,
        ],
        classes=(
            "hele_kr",
            "no_rules",
            "split_table",
            "no_repeated_header",
            "year_in_heading",
            "function_numbers_in_labels",
            "row_groups",
            "italic_caption",
        ),
        accent="#00467f",
        running_footer="Frederikshavn Kommune · Årsregnskab 2024",
    )


def documents() -> list[Document]:
    return [
        aarhus_regnskab_2024(),
        region_sjaelland_regnskab_2023(),
        viborg_budget_2025(),
        stil_aarsrapport_2024(),
        herning_regnskab_2024(),
        svendborg_budgetopfoelgning_2025(),
        middelfart_anlaeg_2024(),
        esbjerg_forventet_regnskab_2025(),
        silkeborg_aarsberetning_2023(),
        region_nordjylland_budget_2025(),
        thisted_regnskab_2024(),
        frederikshavn_regnskab_2024(),
    ]
