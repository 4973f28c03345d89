"""The fourth holdout corpus's twelve invented documents, as plain data: every figure column's meaning is
stated beside it (Col), and every derived figure (subtotals, totals, variances) is computed here from the
rows it sums, so the printed tables add up to rounding and every variance equals its stated formula.

Four per producer: h4_* printed by headless Chromium, o4_* by LibreOffice Writer (one typed with tab
stops), r4_* by reportlab. Municipalities, figures and names of institutions are invented for the test.
"""

from __future__ import annotations

from decimal import Decimal

from ..printed.model import (
    Col,
    Document,
    H,
    Heading,
    PageBreak,
    Para,
    Row,
    Table,
    TwoColumns,
    dk,
    rnd,
)

K, M, KR = "1000 DKK", "mio DKK", "DKK"
NONE = "-"  # a printed lone dash: no value


def cells(values: list, decimals: int = 0, negative: str = "minus", scale: int = 1) -> tuple[str, ...]:
    """Print figures; values may be ints (divided by `scale`: tenths of a million with scale 10), None (an
    empty cell) or a string printed as it stands (a lone dash)."""
    out = []
    for v in values:
        if v is None:
            out.append("")
        elif isinstance(v, str):
            out.append(v)
        else:
            out.append(dk(Decimal(v) / scale, decimals, negative))
    return tuple(out)


def col_sums(rows: list[list]) -> list:
    """Column sums of rows of ints (a string or None counts as nothing; a column of nothing stays None)."""
    out = []
    for column in zip(*rows, strict=True):
        numbers = [v for v in column if isinstance(v, int)]
        out.append(sum(numbers) if numbers else None)
    return out


def mio(thousands: int) -> str:
    """A narrative amount in mio. kr. with one decimal, from 1.000 kr."""
    return dk(rnd(thousands / 1000, 1), 1)


def quantity(value: float) -> str:
    """A Mængde as printed: whole numbers without decimals, årsværk with one."""
    return dk(value, 1) if isinstance(value, float) else dk(value)


def pct(part: int, whole: int) -> str:
    return dk(rnd(100 * part / whole, 1), 1) if whole else NONE


# --- Chromium ----------------------------------------------------------------------------------------


def h4_aalborg() -> Document:
    """A Næstved-like accounts chapter: overall result with three Regnskab years under one spanning group,
    an activity-area table whose year is only in its caption, and Specifikke forudsætninger whose header has
    a third row stating each column's unit (antal / kr. / 1.000 kr.)."""
    # code: label, regnskab 2025, opr. budget 2025, korr. budget 2025
    subs = {
        "1.a": ("Netværk, servere og drift", 9834, 10250, 10410),
        "1.b": ("Licenser og fagsystemer", 12106, 11800, 12950),
        "2.a": ("Digitaliseringspuljen", 1612, 2000, 2480),
        "2.b": ("Projekter og analyser", 5934, 6100, 6066),
    }
    parents = {"1": "Drift og infrastruktur", "2": "Digital udvikling"}
    area3 = ("IT-Support (virksomhed)", 19720, 19950, 20301)
    rows, fag = [], []
    for code, label in parents.items():
        kids = [v for k, v in subs.items() if k.startswith(code + ".")]
        r, o, k = (sum(x[i] for x in kids) for i in (1, 2, 3))
        fag.append((r, o, k))
        rows.append(Row(label, cells([r, o, k, r - k]), code=code))
        for kc, (kl, kr_, ko, kk) in subs.items():
            if kc.startswith(code + "."):
                rows.append(Row(kl, cells([kr_, ko, kk, kr_ - kk]), code=kc, indent=1))
    r3, o3, k3 = area3[1:]
    rows.append(Row(area3[0], cells([r3, o3, k3, r3 - k3]), code="3"))
    rt = sum(x[0] for x in fag) + r3
    ot = sum(x[1] for x in fag) + o3
    kt = sum(x[2] for x in fag) + k3
    rows.append(Row("Politikområdet i alt", cells([rt, ot, kt, rt - kt]), kind="total"))
    activity_cols = (
        Col("Regnskab", "actual", 2025, "caption"),
        Col("Opr. budget", "original_budget", 2025, "caption"),
        Col("Korr. budget", "revised_budget", 2025, "caption"),
        Col("Over-/ underskud", "variance", 2025, "caption"),
    )
    activity = Table(
        caption="Regnskab på aktivitetsområder 2025 – drift (1.000 kr.)",
        stub=("code", "label"),
        header=((H("Nr."), H("Aktivitetsområde"), H("Regnskab"), H("Opr. budget"), H("Korr. budget"),
                 H("Over-/\nunderskud")),),
        columns=activity_cols,
        rows=tuple(rows),
        notes=("+= underskud og -= overskud.",),
    )
    # overall result: Drift Virksomheder = area 3, Drift Fagområde = areas 1 + 2
    fag_r, fag_k = sum(x[0] for x in fag), sum(x[2] for x in fag)
    drift = [
        ["Drift Virksomheder", 18412, 19055, r3, k3],
        ["Drift Fagområde", 27905, 28817, fag_r, fag_k],
    ]
    total = col_sums([d[1:] for d in drift])
    overall_cols = (
        Col("Regnskab 2023", "actual", 2023, "header"),
        Col("Regnskab 2024", "actual", 2024, "header"),
        Col("Regnskab 2025", "actual", 2025, "header"),
        Col("Korr. budget 2025", "revised_budget", 2025, "header"),
        Col("Over-/ underskud 2025", "variance", 2025, "header"),
    )
    header = (
        (H("1.000 kr.", rows=2), H("Regnskab", span=3), H("Korr. budget\n2025", rows=2),
         H("Over-/\nunderskud 2025", rows=2)),
        (H("2023"), H("2024"), H("2025")),
    )
    overall = Table(
        caption="Overordnet regnskabsresultat – drift",
        stub=("label",),
        header=header,
        columns=overall_cols,
        rows=tuple(
            [Row(d[0], cells([*d[1:], d[3] - d[4]])) for d in drift]
            + [Row("Digitalisering og IT i alt", cells([*total, total[2] - total[3]]), kind="total")]
        ),
        shaded=True,
    )
    anl = [
        ["Fælles IT-infrastruktur", 2115, 3540, 1906, 2500],
        ["Ny ESDH-løsning", NONE, 812, 4377, 6150],
    ]
    anl_total = col_sums([a[1:] for a in anl])
    anlaeg = Table(
        caption="Overordnet regnskabsresultat – anlæg",
        stub=("label",),
        header=header,
        columns=overall_cols,
        rows=tuple(
            [Row(a[0], cells([*a[1:], a[3] - a[4]])) for a in anl]
            + [Row("Anlæg i alt", cells([*anl_total, anl_total[2] - anl_total[3]]), kind="total")]
        ),
        shaded=True,
        tight=True,
        notes=("+= underskud og -= overskud. Regnskab 2023 og 2024 er i løbende priser.",),
    )
    # Specifikke forudsætninger: quantity x average price = amount (1.000 kr.)
    spec = [
        ("1.a", "Servere i drift", 140, 23500, 146, 22870),
        ("1.b", "Brugerlicenser", 6200, 1904, 6410, 1889),
        ("3", "IT-supportere, årsværk", 28, 712500, 27.5, 717091),
    ]
    spec_rows = []
    bt = rt_ = 0
    for code, label, bq, bp, rq, rp in spec:
        ba, ra = int(rnd(bq * bp / 1000)), int(rnd(rq * rp / 1000))
        bt, rt_ = bt + ba, rt_ + ra
        spec_rows.append(Row(label, (quantity(bq), dk(bp), dk(ba), quantity(rq), dk(rp), dk(ra)), code=code))
    spec_rows.append(Row("I alt", ("", "", dk(bt), "", "", dk(rt_)), kind="total"))
    spec_table = Table(
        caption="Specifikke forudsætninger",
        stub=("code", "label"),
        header=(
            (H("Nr.", rows=3), H("Aktivitet", rows=3), H("Budget 2025", span=3), H("Regnskab 2025", span=3)),
            (H("Mængde"), H("Gns. pris"), H("Budget"), H("Mængde"), H("Gns. pris"), H("Regnskab")),
            (H("antal"), H("kr."), H("1.000 kr."), H("antal"), H("kr."), H("1.000 kr.")),
        ),
        columns=(
            Col("Budget 2025 Mængde antal", "budget", 2025, "header", measure="quantity"),
            Col("Budget 2025 Gns. pris kr.", "budget", 2025, "header", unit=KR, measure="unit_price"),
            Col("Budget 2025 Budget 1.000 kr.", "budget", 2025, "header"),
            Col("Regnskab 2025 Mængde antal", "actual", 2025, "header", measure="quantity"),
            Col("Regnskab 2025 Gns. pris kr.", "actual", 2025, "header", unit=KR, measure="unit_price"),
            Col("Regnskab 2025 Regnskab 1.000 kr.", "actual", 2025, "header"),
        ),
        rows=tuple(spec_rows),
        grid="full",
    )
    pulje = subs["2.a"]
    return Document(
        name="h4_aalborg_regnskab_unit_row",
        producer="html",
        title="Regnskab 2025 – bemærkninger til politikområde Digitalisering og IT",
        publisher="Aalborg Kommune · Borgmesterens Forvaltning",
        municipality="Aalborg Kommune",
        report_type="regnskab",
        fiscal_year=2025,
        running_header="Aalborg Kommune · Regnskab 2025 · Magistraten",
        classes=("three_actual_years", "spanning_groups", "year_in_caption", "activity_codes",
                 "specific_assumptions", "unit_header_row", "quantity", "unit_price", "dash_cells"),
        blocks=[
            Heading("Magistraten – politikområde Digitalisering og IT"),
            Para(
                f"Politikområdet viser i 2025 et samlet overskud på {mio(kt - rt)} mio. kr. i forhold til det "
                f"korrigerede budget. Overskuddet skyldes primært Licenser og fagsystemer samt "
                f"Digitaliseringspuljen, hvor et mindreforbrug på {mio(pulje[3] - pulje[1])} mio. kr. søges "
                "overført til 2026."
            ),
            overall,
            anlaeg,
            Heading("Regnskab på aktivitetsområder", 2),
            activity,
            Para(
                "1. Licenser og fagsystemer: Der er et mindreforbrug på "
                f"{dk((subs['1.b'][3] - subs['1.b'][1]) * 1000 - 412)} kr., som skyldes, at fornyelsen af "
                "licensaftalen på ældreområdet er udskudt til 2026."
            ),
            Para(
                f"2. Digitaliseringspuljen: Der er i 2025 anvendt {mio(pulje[1])} mio. kr. af puljen på "
                f"{mio(pulje[3])} mio. kr."
            ),
            PageBreak(),
            Heading("Specifikke forudsætninger", 2),
            Para("Budget og regnskab er opgjort i løbende priser. Gennemsnitsprisen er angivet i hele kroner."),
            spec_table,
        ],
    )


def h4_gentofte() -> Document:
    """A budget book in landscape: Regnskab 2025, Vedtaget budget 2026, Budget 2027 and three overslagsår
    under a spanning 'Budgetoverslagsår'; U / I rows with the unit and price level in the stub cell; the
    table broken over two pages without a repeated header; an Anlæg table in mio. kr. with a cross-year sum
    column (no phase)."""
    areas = [
        ("Politisk organisation", [8912, 9150, 9305, 9305, 9305, 9305], None),
        ("Borgerservice", [31406, 32010, 32880, 32650, 32650, 32650],
         [-5884, -6100, -6250, -6250, -6250, -6250]),
        ("Administration og HR", [142718, 146300, 148905, 148105, 147605, 147605],
         [-12044, -11500, -11800, -11800, -11800, -11800]),
        ("IT og digitalisering", [64390, 66215, 71460, 69960, 68460, 68460],
         [-1210, NONE, NONE, NONE, NONE, NONE]),
        ("Ejendomme og indkøb", [58102, 57940, 58620, 58620, 58120, 58120],
         [-21567, -22300, -22950, -22950, -22950, -22950]),
        ("Puljer og tværgående budgetter", [3105, 12500, 9800, 14300, 18800, 23300], None),
    ]
    rows, us, is_ = [], [], []
    for label, u, i in areas:
        rows.append(Row(label, cells(u), ui="U"))
        us.append(u)
        if i:
            rows.append(Row(label, cells(i), ui="I"))
            is_.append(i)
    ut, it = col_sums(us), col_sums(is_)
    rows.append(Row("Udgifter i alt", cells(ut), ui="U", kind="subtotal"))
    rows.append(Row("Indtægter i alt", cells(it), ui="I", kind="subtotal"))
    rows.append(Row("Nettodriftsudgifter i alt", cells([a + b for a, b in zip(ut, it, strict=True)]),
                    kind="total"))
    drift = Table(
        caption="Tabel 3.1 Driftsbudget, Administration og digitalisering",
        stub=("label", "ui"),
        header=(
            (H("1.000 kr.\n2027-priser", rows=2), H("U/I", rows=2), H("Regnskab\n2025", rows=2),
             H("Vedtaget\nbudget 2026", rows=2), H("Budget\n2027", rows=2), H("Budgetoverslagsår", span=3)),
            (H("2028"), H("2029"), H("2030")),
        ),
        columns=(
            Col("Regnskab 2025", "actual", 2025, "header"),
            Col("Vedtaget budget 2026", "original_budget", 2026, "header"),
            Col("Budget 2027", "budget", 2027, "header"),
            Col("Budgetoverslagsår 2028", "budget_estimate", 2028, "header"),
            Col("Budgetoverslagsår 2029", "budget_estimate", 2029, "header"),
            Col("Budgetoverslagsår 2030", "budget_estimate", 2030, "header"),
        ),
        rows=tuple(rows),
        grid="booktabs",
        split_after=8,
        repeat_header=False,
        notes=("Fortegn: + = udgift, - = indtægt. Regnskab 2025 og budget 2026 er omregnet til 2027-priser.",),
        widths=(70, 12, 26, 26, 26, 26, 26, 26),
    )
    # Anlæg in tenths of mio. kr.: budget 2027 and overslagsår 2028-2030
    projects = [
        ("Digital borgerservice og selvbetjening", [45, 30, 15, NONE]),
        ("Energirenovering af rådhuset", [120, 185, 60, NONE]),
        ("Ny IT-platform til skoler og dagtilbud", [82, 41, NONE, NONE]),
        ("Pulje til klimatilpasning af kommunale ejendomme", [50, 50, 50, 50]),
    ]
    prow = []
    for label, v in projects:
        prow.append(Row(label, cells([*v, sum(x for x in v if isinstance(x, int))], 1, scale=10)))
    tot = col_sums([v for _, v in projects])
    prow.append(Row("Anlæg i alt", cells([*tot, sum(tot)], 1, scale=10), kind="total"))
    anlaeg = Table(
        caption="Tabel 3.2 Anlægsbudget, Administration og digitalisering",
        stub=("label",),
        header=(
            (H("Mio. kr.\n2027-priser", rows=2), H("Budget\n2027", rows=2), H("Budgetoverslagsår", span=3),
             H("I alt\n2027–2030", rows=2)),
            (H("2028"), H("2029"), H("2030")),
        ),
        columns=(
            Col("Budget 2027", "budget", 2027, "header", unit=M),
            Col("Budgetoverslagsår 2028", "budget_estimate", 2028, "header", unit=M),
            Col("Budgetoverslagsår 2029", "budget_estimate", 2029, "header", unit=M),
            Col("Budgetoverslagsår 2030", "budget_estimate", 2030, "header", unit=M),
            Col("I alt 2027–2030", unit=M, unread="not_a_phase"),
        ),
        rows=tuple(prow),
        grid="booktabs",
        widths=(82, 26, 26, 26, 26, 30),
    )
    net = [a + b for a, b in zip(ut, it, strict=True)]
    return Document(
        name="h4_gentofte_budget_overslagsaar",
        producer="html",
        title="Budget 2027–2030",
        publisher="Gentofte Kommune",
        municipality="Gentofte Kommune",
        report_type="budget",
        fiscal_year=2027,
        landscape=True,
        running_header="Gentofte Kommune · Budget 2027–2030 · Økonomiudvalget",
        classes=("landscape", "budget_estimate", "ui_rows", "unit_in_stub", "price_level_stub",
                 "split_table", "no_repeated_header", "cross_year_sum", "mio_one_decimal", "dash_cells"),
        blocks=[
            Heading("Økonomiudvalget"),
            Heading("Bevillingsområde: Administration og digitalisering", 2),
            Para(
                f"Nettodriftsudgifterne udgør {dk(net[2])} t.kr. i 2027, en stigning i forhold til vedtaget "
                f"budget 2026 på {mio(net[2] - net[1])} mio. kr., "
                "som primært skyldes den nye IT-platform. Alle beløb er i faste 2027-priser."
            ),
            drift,
            Heading("Anlæg", 2),
            anlaeg,
        ],
    )


def h4_region_syddanmark() -> Document:
    """A region's annual report in mio. kr.: the year only in a section heading, the unit in a line above the
    table, a second header row of column numbers with formulas ((4)=(2)-(3), (5)=(4)/(2)), a variance
    defined as budget minus actual, a percent column, groups with subtotals; then a two-column page with
    prose left and a small Anlæg table right."""
    # tenths of mio. kr.: opr. budget, korr. budget, regnskab
    groups = [
        ("Somatik", [
            ("Odense Universitetshospital", 92418, 94105, 93877),
            ("Sygehus Lillebælt", 48120, 49233, 49410),
            ("Sydvestjysk Sygehus", 29875, 30518, 30302),
            ("Sygehus Sønderjylland", 25460, 26011, 26187),
            ("Præhospitalet", 9842, 10120, 10098),
        ]),
        ("Psykiatri", [("Psykiatrien i Region Syddanmark", 27310, 27944, 27705)]),
        ("Praksisområdet", [
            ("Almen praksis", 21540, 21610, 21588),
            ("Speciallægepraksis", 8120, 8205, 8311),
            ("Medicintilskud", 18230, 18790, 19152),
            ("Øvrig praksis (tandlæge, fysioterapi m.v.)", 6420, 6455, 6398),
        ]),
    ]
    fælles = ("Fælles formål og administration", 11210, 10980, 10654)

    def line(o: int, k: int, r: int) -> tuple[str, ...]:
        return cells([o, k, r, k - r], 1, scale=10) + (pct(k - r, k),)

    rows, all_ = [], []
    for name, items in groups:
        rows.append(Row(name, kind="group"))
        for label, o, k, r in items:
            rows.append(Row(label, line(o, k, r), indent=1))
            all_.append((o, k, r))
        if len(items) > 1:
            so, sk, sr = (sum(x[i] for x in items) for i in (1, 2, 3))
            rows.append(Row(f"{name} i alt", line(so, sk, sr), kind="subtotal"))
    rows.append(Row(fælles[0], line(*fælles[1:])))
    all_.append(fælles[1:])
    to, tk, tr = (sum(x[i] for x in all_) for i in range(3))
    rows.append(Row("Sundhed i alt", line(to, tk, tr), kind="total"))
    table = Table(
        caption="Tabel 4. Driftsregnskab for sundhedsområdet",
        stub=("label",),
        header=(
            (H("", rows=2), H("Oprindeligt\nbudget"), H("Korrigeret\nbudget"), H("Regnskab"), H("Afvigelse"),
             H("Afvigelse\ni pct.")),
            (H("(1)"), H("(2)"), H("(3)"), H("(4)=(2)-(3)"), H("(5)=(4)/(2)")),
        ),
        columns=(
            Col("Oprindeligt budget (1)", "original_budget", 2025, "heading", unit=M),
            Col("Korrigeret budget (2)", "revised_budget", 2025, "heading", unit=M),
            Col("Regnskab (3)", "actual", 2025, "heading", unit=M),
            Col("Afvigelse (4)=(2)-(3)", "variance", 2025, "heading", unit=M),
            Col("Afvigelse i pct. (5)=(4)/(2)", unit=M, unread="percent"),
        ),
        rows=tuple(rows),
        unit_line="Mio. kr., løbende priser",
        header_shade="#e2efda",
        notes=("Afvigelse = korrigeret budget minus regnskab. Positive tal er mindreforbrug, negative tal er "
               "merforbrug.",),
    )
    anl = [("Nyt OUH", 14210, 13654), ("Ny psykiatri i Esbjerg", 1850, 1912),
           ("Øvrige anlægsprojekter", 4320, 3987)]
    ak, ar = sum(a[1] for a in anl), sum(a[2] for a in anl)
    small = Table(
        caption="Anlæg 2025 (mio. kr.)",
        stub=("label",),
        header=((H(""), H("Korr.\nbudget"), H("Regnskab"), H("Afvigelse")),),
        columns=(
            Col("Korr. budget", "revised_budget", 2025, "caption", unit=M),
            Col("Regnskab", "actual", 2025, "caption", unit=M),
            Col("Afvigelse", "variance", 2025, "caption", unit=M),
        ),
        rows=tuple([Row(a[0], cells([a[1], a[2], a[1] - a[2]], 1, scale=10)) for a in anl]
                   + [Row("Anlæg i alt", cells([ak, ar, ak - ar], 1, scale=10), kind="total")]),
        font_size=8,
        notes=("Afvigelse = korrigeret budget minus regnskab.",),
    )
    return Document(
        name="h4_region_syddanmark_formelraekke",
        producer="html",
        title="Årsrapport 2025",
        publisher="Region Syddanmark · Økonomi og Indkøb",
        municipality="Region Syddanmark",
        report_type="regnskab",
        fiscal_year=2025,
        accent="#00594f",
        classes=("region", "year_in_heading", "formula_header_row", "budget_minus_actual", "percent_column",
                 "mio_one_decimal", "unit_line", "row_groups", "two_column_page", "year_in_caption"),
        blocks=[
            Para("Kapitel 3 · Økonomi"),
            Heading("Regnskab 2025 – sundhed"),
            Para("Sundhedsområdet finansieres af bloktilskud fra staten og aktivitetsbestemte bidrag fra "
                 "kommunerne. Regnskabet er opgjort i løbende priser."),
            table,
            TwoColumns(
                left=[
                    Heading("Bemærkninger", 2),
                    Para(f"Sundhedsområdet udviser samlet et mindreforbrug på {dk(Decimal(tk - tr) / 10, 1)} mio. "
                         f"kr. Medicintilskud har et merforbrug på {dk(Decimal(19152 - 18790) / 10, 1)} mio. kr. "
                         "som følge af flere patienter i behandling med nye lægemidler."),
                    Para(f"På anlæg er der et mindreforbrug på {dk(Decimal(ak - ar) / 10, 1)} mio. kr., "
                         "der primært vedrører tidsforskydninger i byggeriet af Nyt OUH."),
                ],
                right=[small],
            ),
        ],
    )


def h4_frederiksberg() -> Document:
    """A budget follow-up: totals printed first and each group's subtotal above its rows, the unit in a
    line above, red negatives, a forecast with an (unread) forecast variance, and a stacked Anlæg table with
    a carry-over column."""
    service = [
        ("Magistraten", 412300, 428915, 431020),
        ("Børneudvalget", 1105400, 1121880, 1139550),
        ("Undervisningsudvalget", 798250, 812430, 809115),
        ("Kultur- og Fritidsudvalget", 221700, 226905, 225310),
        ("Socialudvalget", 866100, 879245, 893860),
        ("Sundheds- og Forebyggelsesudvalget", 152400, 154010, 152995),
        ("Ældre- og Omsorgsudvalget", 1012800, 1030660, 1036475),
        ("By- og Miljøudvalget", 263900, 271350, 268120),
    ]
    transfers = [
        ("Kontanthjælp og uddannelseshjælp", 305200, 305200, 298640),
        ("Førtidspension", 412600, 412600, 418930),
        ("Sygedagpenge", 188300, 188300, 196715),
        ("Forsikrede ledige", 221900, 221900, 214330),
        ("Boligstøtte", 98400, 98400, 99105),
    ]

    def line(v: int, k: int, f: int) -> tuple[str, ...]:
        return cells([v, k, f, f - k])

    def sums(items: list) -> tuple[int, int, int]:
        return tuple(sum(x[i] for x in items) for i in (1, 2, 3))

    s, t = sums(service), sums(transfers)
    rows = [Row("Drift i alt", line(*(a + b for a, b in zip(s, t, strict=True))), kind="total")]
    rows.append(Row("Serviceudgifter i alt", line(*s), kind="subtotal"))
    rows += [Row(x[0], line(*x[1:]), indent=1) for x in service]
    rows.append(Row("Overførselsudgifter i alt", line(*t), kind="subtotal"))
    rows += [Row(x[0], line(*x[1:]), indent=1) for x in transfers]
    drift = Table(
        caption="Tabel 1. Forventet regnskab for driften fordelt på udvalg",
        stub=("label",),
        header=((H("Udvalg / område"), H("Vedtaget\nbudget 2026"), H("Korrigeret\nbudget 2026"),
                 H("Forventet\nregnskab 2026"), H("Forventet mer-/\nmindreforbrug")),),
        columns=(
            Col("Vedtaget budget 2026", "original_budget", 2026, "header"),
            Col("Korrigeret budget 2026", "revised_budget", 2026, "header"),
            Col("Forventet regnskab 2026", "forecast", 2026, "header"),
            Col("Forventet mer-/ mindreforbrug", unread="forecast_variance"),
        ),
        rows=tuple(rows),
        unit_line="Beløb i 1.000 kr.",
        red_negatives=True,
        total_shade=True,
        widths=(66, 26, 26, 26, 28),
        notes=("Forventet mer-/mindreforbrug = forventet regnskab minus korrigeret budget "
               "(+ = merforbrug, - = mindreforbrug).",),
    )
    anl = [
        ("Skoleudbygning, Skolen på Nyelandsvej", 84200, 71450, 12750),
        ("Klimatilpasning, skybrudsprojekter", 36500, 29810, 6690),
        ("Ældreboliger, Nordens Plads", 22100, 23340, NONE),
    ]
    ak, af = sum(a[1] for a in anl), sum(a[2] for a in anl)
    anlaeg = Table(
        caption="Tabel 2. Anlæg",
        stub=("label",),
        header=((H("Projekt"), H("Korrigeret\nbudget 2026"), H("Forventet\nregnskab 2026"),
                 H("Forventet overført\ntil 2027")),),
        columns=(
            Col("Korrigeret budget 2026", "revised_budget", 2026, "header"),
            Col("Forventet regnskab 2026", "forecast", 2026, "header"),
            Col("Forventet overført til 2027", unread="carry_over"),
        ),
        rows=tuple([Row(a[0], cells(list(a[1:]))) for a in anl]
                   + [Row("Anlæg i alt", cells([ak, af, 12750 + 6690]), kind="total")]),
        unit_line="Beløb i 1.000 kr.",
        tight=True,
        total_shade=True,
        widths=(66, 26, 26, 28),
    )
    service_var = s[2] - s[1]
    return Document(
        name="h4_frederiksberg_bo2_totaler_foerst",
        producer="html",
        title="Budgetopfølgning 2 pr. 30. juni 2026",
        publisher="Frederiksberg Kommune · Økonomiudvalget",
        municipality="Frederiksberg Kommune",
        report_type="budgetopfoelgning",
        fiscal_year=2026,
        accent="#8b1a1a",
        classes=("totals_first", "subtotal_above_rows", "forecast", "forecast_variance", "red_negatives",
                 "unit_line", "carry_over", "stacked_tables", "shaded_total"),
        blocks=[
            Heading("Sammenfatning"),
            Para(f"Budgetopfølgningen viser et forventet merforbrug på serviceudgifterne på {mio(service_var)} "
                 f"mio. kr. i forhold til det korrigerede budget, primært på Børneudvalget og Socialudvalget. "
                 f"På overførselsudgifterne forventes et merforbrug på {mio(t[2] - t[1])} mio. kr."),
            drift,
            anlaeg,
            Para("Beløbene er i løbende priser. Forventede overførsler til 2027 behandles i forbindelse med "
                 "regnskabsafslutningen.", small=True),
        ],
    )


# --- LibreOffice Writer ------------------------------------------------------------------------------


def o4_slagelse() -> Document:
    """Accounts with function numbers in long labels that wrap (figures on the last line), a full grid with a
    shaded header, a 'Resultat' column that is a variance (korrigeret budget minus regnskab, year in the
    caption), and a table broken over two pages with a repeated header."""
    fag = [
        ("5.32.32 Pleje og omsorg m.v. af ældre og handicappede", 412330, 418900, 425115, 431872),
        ("5.32.33 Forebyggende indsats for ældre og handicappede", 18442, 19100, 19305, 18716),
        ("5.32.35 Hjælpemidler, forbrugsgoder, boligindretning og befordring", 46210, 44800, 47950, 49128),
        ("5.32.37 Plejevederlag og hjælp til sygeartikler o.l. ved pasning af døende i eget hjem",
         2104, 2300, 2300, 1968),
        ("4.62.82 Kommunal genoptræning og vedligeholdelsestræning", 38905, 39600, 40215, 41337),
        ("4.62.84 Vederlagsfri behandling hos fysioterapeut", 14770, 14500, 14500, 15283),
        ("4.62.85 Kommunal tandpleje", 21356, 22050, 22195, 21640),
        ("4.62.88 Sundhedsfremme og forebyggelse", 9118, 9800, 10420, 9205),
    ]
    virk = [
        ("Hjemmeplejen Slagelse", 88210, 90400, 91155, 90310),
        ("Hjemmeplejen Korsør", 52115, 53800, 54020, 55406),
        ("Hjemmeplejen Skælskør", 38700, 39900, 40115, 39822),
        ("Plejecenter Solgården", 41302, 42100, 42680, 43115),
        ("Plejecenter Rosenhaven", 36904, 37500, 37955, 37402),
        ("Plejecenter Skovvænget", 29810, 30400, 30650, 31208),
        ("Sygeplejen", 61440, 63000, 63870, 64905),
        ("Træningscenter Slagelse", 17205, 17600, 17750, 17318),
        ("Madservice Slagelse", 2155, 1900, 1900, 2487),
    ]

    def line(r24: int, o: int, k: int, r: int) -> tuple[str, ...]:
        return cells([r24, o, k, r, k - r])

    def sums(items: list) -> list[int]:
        return [sum(x[i] for x in items) for i in (1, 2, 3, 4)]

    rows = [Row("Fagområde", kind="group")]
    rows += [Row(x[0], line(*x[1:])) for x in fag]
    rows.append(Row("Fagområde i alt", line(*sums(fag)), kind="subtotal"))
    rows.append(Row("Virksomheder", kind="group"))
    rows += [Row(x[0], line(*x[1:])) for x in virk]
    rows.append(Row("Virksomheder i alt", line(*sums(virk)), kind="subtotal"))
    total = [a + b for a, b in zip(sums(fag), sums(virk), strict=True)]
    rows.append(Row("Ældre og sundhed i alt", line(*total), kind="total"))
    cols = (
        Col("Regnskab 2024", "actual", 2024, "header"),
        Col("Opr. budget 2025", "original_budget", 2025, "header"),
        Col("Korr. budget 2025", "revised_budget", 2025, "header"),
        Col("Regnskab 2025", "actual", 2025, "header"),
        Col("Resultat", "variance", 2025, "caption"),
    )
    head = ((H("1.000 kr."), H("Regnskab\n2024"), H("Opr. budget\n2025"), H("Korr. budget\n2025"),
             H("Regnskab\n2025"), H("Resultat")),)
    drift = Table(
        caption="Driftsresultat 2025 for politikområde Ældre og sundhed",
        stub=("label",),
        header=head,
        columns=cols,
        rows=tuple(rows),
        grid="full",
        header_shade="#d9e2f3",
        valign="bottom",
        split_after=13,
        repeat_header=True,
        widths=(62, 21, 21, 21, 21, 21),
        notes=("Resultat = korrigeret budget minus regnskab. Positivt resultat = mindreforbrug, negativt "
               "resultat = merforbrug. Alle beløb i løbende priser.",),
    )
    anl = [("Ombygning af Plejecenter Solgården", 1250, 9800, 10450, 9120),
           ("Velfærdsteknologi", 840, 1500, 1500, 1617)]
    anl_tot = sums(anl)
    anlaeg = Table(
        caption="Anlægsresultat 2025 for politikområde Ældre og sundhed",
        stub=("label",),
        header=head,
        columns=cols,
        rows=tuple([Row(a[0], line(*a[1:])) for a in anl]
                   + [Row("Anlæg i alt", line(*anl_tot), kind="total")]),
        grid="full",
        header_shade="#d9e2f3",
        valign="bottom",
        widths=(62, 21, 21, 21, 21, 21),
    )
    return Document(
        name="o4_slagelse_resultat_ombrudt",
        producer="office",
        title="Årsregnskab 2025 – bemærkninger til regnskabet",
        publisher="Slagelse Kommune",
        municipality="Slagelse Kommune",
        report_type="regnskab",
        fiscal_year=2025,
        classes=("function_numbers_in_labels", "wrapped_label_bottom", "full_grid", "shaded_header",
                 "resultat_is_variance", "budget_minus_actual", "split_table", "repeated_header",
                 "row_groups", "year_in_caption"),
        blocks=[
            Heading("Politikområde: Ældre og sundhed"),
            Para(f"Politikområdet har samlet et merforbrug på {mio(total[3] - total[2])} mio. kr. i 2025. "
                 "Merforbruget vedrører primært pleje og omsorg, hvor antallet af visiterede timer i "
                 "hjemmeplejen er steget mere end forudsat."),
            drift,
            Heading("Anlæg", 2),
            anlaeg,
        ],
    )


def o4_skive() -> Document:
    """Capital accounts in whole kroner: project numbers in the stub, U / I rows, lifetime columns
    (Anlægsbevilling, Forbrug i alt: no fiscal year), variance = forbrug minus bevilling with negatives in
    parentheses and a percent column; a second table of rådighedsbeløb and forbrug 2025 with a carry-over."""
    projects = [
        ("030145", "Skive Svømmehal, renovering", (14500000, 14187520), (-2000000, -2000000)),
        ("030152", "Ny daginstitution i Breum", (22800000, 23415905), None),
        ("050210", "Cykelsti Skive–Hem", (6100000, 5787480), (-3050000, -2893740)),
        ("050233", "Byfornyelse, Skive midtby", (3400000, 3512660), None),
        ("060118", "Velfærdsteknologi på plejecentre", (1750000, 1602115), None),
    ]

    def line(b: int, f: int) -> tuple[str, ...]:
        return cells([b, f, f - b], negative="paren") + (pct(f - b, b),)

    rows, vals = [], []
    for code, label, u, i in projects:
        rows.append(Row(label, line(*u), code=code, ui="U"))
        vals.append(u)
        if i:
            rows.append(Row(label, line(*i), code=code, ui="I"))
            vals.append(i)
    tb, tf = sum(v[0] for v in vals), sum(v[1] for v in vals)
    rows.append(Row("I alt, netto", line(tb, tf), kind="total"))
    closed = Table(
        caption="Anlægsregnskaber for afsluttede anlægsprojekter",
        stub=("code", "label", "ui"),
        header=((H("Projekt-\nnr."), H("Projekt"), H("U/I"), H("Anlægs-\nbevilling"), H("Forbrug\ni alt"),
                 H("Afvigelse"), H("Afvigelse\ni %")),),
        columns=(
            Col("Anlægsbevilling", "appropriation", unit=KR),
            Col("Forbrug i alt", "actual", unit=KR),
            Col("Afvigelse", "variance", unit=KR),
            Col("Afvigelse i %", unit=KR, unread="percent"),
        ),
        rows=tuple(rows),
        unit_line="Beløb i kr.",
        widths=(16, 56, 9, 25, 25, 23, 17),
        notes=("Afvigelse = Forbrug − Anlægsbevilling. Beløb i parentes er mindreforbrug. Beløbene er de "
               "samlede beløb over projekternes levetid.",),
    )
    running = [
        ("030160", "Ny skole i Skive Nord", 38500000, 31244610, 7255390),
        ("050241", "Renovering af Vestre Havnevej", 9200000, 9481220, None),
        ("070102", "Energioptimering af kommunale bygninger", 4000000, 2316480, 1683520),
    ]
    r_rows = [Row(label, cells([a, f, c if c is not None else NONE]), code=code)
              for code, label, a, f, c in running]
    r_rows.append(Row("I alt", cells([sum(x[2] for x in running), sum(x[3] for x in running),
                                      7255390 + 1683520]), kind="total"))
    ongoing = Table(
        caption="Igangværende anlægsprojekter (kr.)",
        stub=("code", "label"),
        header=((H("Projekt-\nnr."), H("Projekt"), H("Rådighedsbeløb\n2025"), H("Forbrug\n2025"),
                 H("Søges overført\ntil 2026")),),
        columns=(
            Col("Rådighedsbeløb 2025", "appropriation", 2025, "header", unit=KR),
            Col("Forbrug 2025", "actual", 2025, "header", unit=KR),
            Col("Søges overført til 2026", unit=KR, unread="carry_over"),
        ),
        rows=tuple(r_rows),
        widths=(16, 70, 30, 28, 30),
    )
    cykel = projects[2]
    net_var = (cykel[2][1] + cykel[3][1]) - (cykel[2][0] + cykel[3][0])
    return Document(
        name="o4_skive_anlaegsregnskab_kr",
        producer="office",
        title="Anlægsregnskaber 2025",
        publisher="Skive Kommune · Teknik og Miljø",
        municipality="Skive Kommune",
        report_type="regnskab",
        fiscal_year=2025,
        classes=("hele_kr", "project_numbers", "ui_rows", "appropriation", "lifetime_columns",
                 "paren_negatives", "percent_column", "carry_over", "unit_line", "dash_cells"),
        blocks=[
            Heading("Anlægsregnskaber til godkendelse i byrådet"),
            Para("Anlægsprojekter med en bevilling på 2 mio. kr. eller mere aflægges med et særskilt "
                 "anlægsregnskab, når projektet er afsluttet."),
            closed,
            Para(f"Cykelsti Skive–Hem er afsluttet med et mindreforbrug på {dk(-net_var)} kr. netto, idet "
                 "statstilskuddet udgør 50 pct. af de faktiske udgifter."),
            Heading("Igangværende projekter", 2),
            ongoing,
        ],
    )


def o4_toender() -> Document:
    """A budget typed in a word processor with tab stops (no table object, no rules): activity numbers,
    Opr. budget 2026, Budget 2027 and three 'Overslag' years, en-dash negatives, headers on two lines; the
    unit and price level in the caption; a second, stacked Anlæg table."""
    areas = [
        ("1", "Folkeskoler", [298410, 301250, 299850, 297600, 297600]),
        ("2", "Specialundervisning", [84300, 88920, 89400, 89400, 89400]),
        ("3", "Dagtilbud for 0-5-årige", [176850, 174020, 172950, 172950, 171800]),
        ("4", "Sundhedspleje og tandpleje", [31240, 31510, 31510, 31510, 31510]),
        ("5", "Ungdomsskole og fritidsklubber", [18920, 18450, 18450, 18450, 18450]),
        ("6", "Forældrebetaling og søskendetilskud", [-38400, -39150, -39150, -39150, -39150]),
    ]
    total = col_sums([a[2] for a in areas])
    stops = (94, 112, 130, 148, 166)
    cols = (
        Col("Opr. budget 2026", "original_budget", 2026, "header"),
        Col("Budget 2027", "budget", 2027, "header"),
        Col("Overslag 2028", "budget_estimate", 2028, "header"),
        Col("Overslag 2029", "budget_estimate", 2029, "header"),
        Col("Overslag 2030", "budget_estimate", 2030, "header"),
    )
    head = ((H("Nr."), H("Område"), H("Opr. budget\n2026"), H("Budget\n2027"), H("Overslag\n2028"),
             H("Overslag\n2029"), H("Overslag\n2030")),)
    drift = Table(
        caption="Driftsbudget, Skole og dagtilbud (1.000 kr., 2027-priser)",
        stub=("code", "label"),
        header=head,
        columns=cols,
        rows=tuple([Row(lbl, cells(v, negative="endash"), code=c) for c, lbl, v in areas]
                   + [Row("Skole og dagtilbud i alt", cells(total, negative="endash"), kind="total")]),
        grid="none",
        tab_stops=stops,
        font_size=9,
    )
    anl = [("7", "Udbygning af Tønder Distriktsskole", [NONE, 12500, 18000, 4500, NONE]),
           ("8", "Legepladser i dagtilbud", [1500, 1500, 1500, 1500, 1500])]
    at = col_sums([a[2] for a in anl])
    anlaeg = Table(
        caption="Anlægsbudget, Skole og dagtilbud (1.000 kr., 2027-priser)",
        stub=("code", "label"),
        header=head,
        columns=cols,
        rows=tuple([Row(lbl, cells(v), code=c) for c, lbl, v in anl]
                   + [Row("Anlæg i alt", cells(at), kind="total")]),
        grid="none",
        tab_stops=stops,
        font_size=9,
    )
    return Document(
        name="o4_toender_budget_tabulator",
        producer="office",
        source="fodt",
        title="Budget 2027 og overslagsårene 2028–2030",
        publisher="Tønder Kommune",
        municipality="Tønder Kommune",
        report_type="budget",
        fiscal_year=2027,
        classes=("tab_separated", "no_rules", "budget_estimate", "activity_codes", "endash_negatives",
                 "price_level_caption", "stacked_tables", "dash_cells"),
        blocks=[
            Heading("Bevillingsområde: Skole og dagtilbud"),
            Para(f"Nettodriftsbudgettet for 2027 udgør {mio(total[1])} mio. kr., hvilket er "
                 f"{mio(total[1] - total[0])} mio. kr. mere end det oprindelige budget for 2026. Stigningen "
                 "skyldes flere elever i specialundervisning og en demografiregulering af folkeskoleområdet."),
            drift,
            Para("Negative beløb er indtægter. Budgettet er opgjort i faste 2027-priser."),
            anlaeg,
        ],
    )


def o4_gribskov() -> Document:
    """A committee agenda attachment on the expected outturn: the year only in the title, vertical rules,
    a forecast, an (unread) variance = korrigeret budget minus forventet regnskab with negatives in
    parentheses, a percent column and an income row (user-financed waste)."""
    items = [
        ("Veje, fortove og grønne områder", 48250, 49810, 51270),
        ("Vintertjeneste", 6400, 6400, 8915),
        ("Kollektiv trafik", 31700, 31700, 30845),
        ("Natur, miljø og klima", 9650, 10220, 9870),
        ("Byggesagsbehandling", 4120, 4120, 4455),
        ("Beredskab", 11300, 11300, 11300),
        ("Affald og genbrug (brugerfinansieret)", -1200, -1200, -2350),
    ]

    def line(o: int, k: int, f: int) -> tuple[str, ...]:
        return (*cells([o, k, f], negative="paren"), *cells([k - f], negative="paren"), pct(k - f, k))

    ot, kt, ft = (sum(x[i] for x in items) for i in (1, 2, 3))
    table = Table(
        caption="Drift – forventet regnskab pr. 31. august",
        stub=("label",),
        header=((H("Område"), H("Oprindeligt\nbudget"), H("Korrigeret\nbudget"), H("Forventet\nregnskab"),
                 H("Afvigelse"), H("Afvigelse\ni %")),),
        columns=(
            Col("Oprindeligt budget", "original_budget", 2026, "title"),
            Col("Korrigeret budget", "revised_budget", 2026, "title"),
            Col("Forventet regnskab", "forecast", 2026, "title"),
            Col("Afvigelse", unread="forecast_variance"),
            Col("Afvigelse i %", unread="percent"),
        ),
        rows=tuple([Row(x[0], line(*x[1:])) for x in items]
                   + [Row("Udvalget i alt", line(ot, kt, ft), kind="total")]),
        grid="vertical",
        unit_line="1.000 kr.",
        widths=(62, 22, 22, 22, 22, 18),
        notes=("Afvigelse = korrigeret budget minus forventet regnskab. Negative tal (i parentes) er et "
               "forventet merforbrug.",),
    )
    return Document(
        name="o4_gribskov_bilag_forventet",
        producer="office",
        title="Bilag 2: Forventet regnskab 2026 – Klima-, Teknik- og Miljøudvalget",
        publisher="Gribskov Kommune",
        municipality="Gribskov Kommune",
        report_type="forventet_regnskab",
        fiscal_year=2026,
        classes=("committee_attachment", "year_in_title", "vertical_rules", "forecast", "forecast_variance",
                 "paren_negatives", "percent_column", "income_row", "unit_line"),
        blocks=[
            Para("Udvalget forventer et samlet merforbrug på "
                 f"{mio(ft - kt)} mio. kr. Merforbruget skyldes især vintertjenesten, hvor vinteren 2025/26 "
                 f"gav et merforbrug på {mio(8915 - 6400)} mio. kr., og højere udgifter til vejvedligehold."),
            table,
            Para("Der søges ikke om tillægsbevilling på nuværende tidspunkt. Merforbruget på vintertjenesten "
                 "forventes finansieret inden for udvalgets samlede ramme i 2027.", small=True),
        ],
    )


# --- reportlab ---------------------------------------------------------------------------------------


def r4_bornholm() -> Document:
    """A long annual-report table in mio. kr. over two pages with a repeated header: a header row stating the
    year once over every column, a Tillægsbevillinger column (unread), a Mer-/mindreforbrug variance, groups
    per committee with subtotals and zebra striping."""
    # tenths of mio. kr.: vedtaget budget, tillægsbevillinger, regnskab
    groups = [
        ("Økonomi- og Erhvervsudvalget", [
            ("Administration og politisk organisation", 2841, 62, 2870),
            ("IT og digitalisering", 614, 35, 655),
            ("Erhverv, turisme og kollektiv trafik", 1287, -14, 1249),
            ("Bornholms Brand & Redning", 452, 0, 447),
        ]),
        ("Børne- og Skoleudvalget", [
            ("Skoler og SFO", 4215, 88, 4390),
            ("Dagtilbud", 2376, 41, 2398),
            ("Børn og familie", 2150, 120, 2318),
            ("Ungdomsskole og UU", 318, 0, 309),
        ]),
        ("Social- og Sundhedsudvalget", [
            ("Ældreområdet", 6890, 154, 7112),
            ("Voksne med særlige behov", 3425, 70, 3566),
            ("Sundhed og forebyggelse", 1840, 22, 1811),
            ("Aktivitetsbestemt medfinansiering", 2215, 0, 2254),
        ]),
        ("Teknik- og Miljøudvalget", [
            ("Veje og parker", 1310, 45, 1322),
            ("Natur og miljø", 215, 12, 219),
            ("Ejendomme", 782, -30, 741),
            ("Færgehavne og lufthavn", 96, 0, 105),
        ]),
        ("Kultur- og Fritidsudvalget", [
            ("Biblioteker og kulturhuse", 382, 5, 379),
            ("Idræt og fritid", 421, 18, 446),
            ("Museer, musik og kulturarv", 196, 0, 192),
        ]),
    ]

    def line(v: int, t: int, r: int) -> tuple[str, ...]:
        k = v + t
        return cells([v, t if t else NONE, k, r, r - k], 1, scale=10)

    rows, tot = [], [0, 0, 0]
    for name, items in groups:
        rows.append(Row(name, kind="group"))
        rows += [Row(x[0], line(*x[1:]), indent=1) for x in items]
        s = [sum(x[i] for x in items) for i in (1, 2, 3)]
        rows.append(Row(f"{name} i alt", line(*s), kind="subtotal"))
        tot = [a + b for a, b in zip(tot, s, strict=True)]
    rows.append(Row("Drift i alt", line(*tot), kind="total"))
    table = Table(
        caption="Tabel 2.1 Driftsregnskab fordelt på udvalg og bevillingsområder",
        stub=("label",),
        header=(
            (H("Mio. kr.", rows=2), H("2025", span=5)),
            (H("Vedtaget\nbudget"), H("Tillægs-\nbevillinger"), H("Korrigeret\nbudget"), H("Regnskab"),
             H("Mer-/mindre-\nforbrug")),
        ),
        columns=(
            Col("2025 Vedtaget budget", "original_budget", 2025, "header", unit=M),
            Col("2025 Tillægsbevillinger", unit=M, unread="budget_change"),
            Col("2025 Korrigeret budget", "revised_budget", 2025, "header", unit=M),
            Col("2025 Regnskab", "actual", 2025, "header", unit=M),
            Col("2025 Mer-/mindreforbrug", "variance", 2025, "header", unit=M),
        ),
        rows=tuple(rows),
        zebra=True,
        shaded=True,
        split_after=15,
        repeat_header=True,
        notes=("Mer-/mindreforbrug = regnskab minus korrigeret budget: + = merforbrug, - = mindreforbrug. "
               "Løbende priser.",),
    )
    var = tot[2] - (tot[0] + tot[1])
    worst = max(((x[0], x[3] - x[1] - x[2]) for _, items in groups for x in items), key=lambda w: w[1])
    return Document(
        name="r4_bornholm_aarsberetning_aarsraekke",
        producer="reportlab",
        title="Årsberetning 2025",
        publisher="Bornholms Regionskommune",
        municipality="Bornholms Regionskommune",
        report_type="regnskab",
        fiscal_year=2025,
        running_footer="Bornholms Regionskommune · Årsberetning 2025",
        accent="#005b96",
        classes=("year_header_row", "budget_change_column", "mio_one_decimal", "split_table",
                 "repeated_header", "zebra", "row_groups", "dash_cells"),
        blocks=[
            Heading("2. Driftsregnskabet"),
            Para(f"Driftsregnskabet for 2025 viser et samlet merforbrug på {dk(Decimal(var) / 10, 1)} mio. kr. i "
                 "forhold til det korrigerede budget. Det største merforbrug findes på "
                 f"{worst[0]} med {dk(Decimal(worst[1]) / 10, 1)} mio. kr."),
            table,
        ],
    )


def r4_ballerup() -> Document:
    """A first budget follow-up in boxed tables (caption in a title bar) per committee: U / I rows, a row of
    column letters with the variance formula ((c)-(b)), 'Prognose' as the forecast, headers with no year
    (the year in the section heading), the unit in a line above each box."""
    committees = [
        ("Beskæftigelses- og Integrationsudvalget", [
            ("Forsørgelsesydelser", "U", 612400, 612400, 598250),
            ("Forsørgelsesydelser", "I", -228100, -228100, -221480),
            ("Beskæftigelsesindsats", "U", 84200, 86150, 88930),
            ("Beskæftigelsesindsats", "I", -12400, -12400, -13115),
            ("Integration", "U", 9850, 10340, 10120),
        ]),
        ("Social- og Sundhedsudvalget", [
            ("Ældre og sundhed", "U", 598300, 603410, 611870),
            ("Ældre og sundhed", "I", -64200, -64200, -65905),
            ("Handicap og psykiatri", "U", 341500, 345220, 352640),
            ("Handicap og psykiatri", "I", -38900, -38900, -37210),
        ]),
        ("Børne- og Skoleudvalget", [
            ("Skoler og SFO", "U", 512650, 518300, 516990),
            ("Dagtilbud", "U", 298400, 301150, 304775),
            ("Dagtilbud", "I", -61300, -61300, -60455),
            ("Familie og forebyggelse", "U", 142100, 144660, 151230),
        ]),
    ]
    blocks: list = [
        Heading("1. budgetopfølgning 2026 – drift"),
        Para("Budgetopfølgningen er udarbejdet på baggrund af forbruget pr. 31. marts 2026. Prognosen er "
             "forvaltningens skøn over årets samlede forbrug."),
    ]
    diffs = []
    for i, (name, items) in enumerate(committees):
        o, k, p = (sum(x[j] for x in items) for j in (2, 3, 4))
        diffs.append((name, p - k))
        rows = [Row(x[0], cells([x[2], x[3], x[4], x[4] - x[3]]), ui=x[1]) for x in items]
        rows.append(Row("Udvalget i alt, netto", cells([o, k, p, p - k]), kind="total"))
        blocks.append(Table(
            caption=name,
            stub=("label", "ui"),
            header=(
                (H("", rows=2), H("", rows=2), H("Opr. budget"), H("Korr. budget"), H("Prognose"),
                 H("Afvigelse")),
                (H("(a)"), H("(b)"), H("(c)"), H("(c)-(b)")),
            ),
            columns=(
                Col("Opr. budget (a)", "original_budget", 2026, "heading"),
                Col("Korr. budget (b)", "revised_budget", 2026, "heading"),
                Col("Prognose (c)", "forecast", 2026, "heading"),
                Col("Afvigelse (c)-(b)", unread="forecast_variance"),
            ),
            rows=tuple(rows),
            boxed=True,
            unit_line="1.000 kr.",
            double_rule_total=False,
            tight=i > 0,
            widths=(62, 10, 24, 24, 24, 24),
        ))
    blocks.append(Para("Afvigelse: + = forventet merforbrug, - = forventet mindreforbrug. U = udgifter, "
                       "I = indtægter.", small=True))
    name, worst = max(diffs, key=lambda d: d[1])
    blocks.append(Para(f"Den største forventede afvigelse findes på {name} med et merforbrug på {mio(worst)} "
                       "mio. kr. i forhold til det korrigerede budget."))
    return Document(
        name="r4_ballerup_bo1_bokse",
        producer="reportlab",
        title="Budgetopfølgning 1, 2026",
        publisher="Ballerup Kommune · Center for Økonomi og Styring",
        municipality="Ballerup Kommune",
        report_type="budgetopfoelgning",
        fiscal_year=2026,
        running_footer="Ballerup Kommune · 1. budgetopfølgning 2026",
        accent="#2e5e4e",
        classes=("boxed_title_bar", "ui_rows", "column_letters", "forecast", "forecast_variance",
                 "year_in_heading", "unit_line", "stacked_tables"),
        blocks=blocks,
    )


def r4_assens() -> Document:
    """An accounts chapter with two small tables side by side (Drift left, Anlæg right: 'Forbrug' as the
    actual, 'Difference' as the variance), then an activity table with codes, en-dash negatives, and notes
    quoting whole kroner."""
    subs = [
        ("1", "Hjemmepleje", None),
        ("1.a", "Personlig pleje og praktisk hjælp", (118450, 121300, 124872)),
        ("1.b", "Hjemmesygepleje", (42100, 43020, 42315)),
        ("2", "Plejecentre", None),
        ("2.a", "Plejeboliger", (156300, 158910, 157604)),
        ("2.b", "Aflastning og midlertidige pladser", (12800, 13450, 14982)),
        ("3", "Myndighed og visitation", (18900, 19250, 18871)),
        ("4", "Mellemkommunale betalinger", (-4200, -4200, -5138)),
    ]
    rows, total = [], [0, 0, 0]
    for code, label, v in subs:
        if v is None:
            kids = [x[2] for x in subs if x[0].startswith(code + ".")]
            agg = [sum(x[i] for x in kids) for i in range(3)]
            rows.append(Row(label, cells([*agg, agg[2] - agg[1]], negative="endash"), code=code))
            total = [a + b for a, b in zip(total, agg, strict=True)]
        else:
            sub = "." in code
            rows.append(Row(label, cells([*v, v[2] - v[1]], negative="endash"), code=code, indent=int(sub)))
            if not sub:
                total = [a + b for a, b in zip(total, v, strict=True)]
    rows.append(Row("Politikområde Ældre i alt", cells([*total, total[2] - total[1]], negative="endash"),
                    kind="total"))
    activity = Table(
        caption="Aktivitetsområder – drift 2025 (1.000 kr.)",
        stub=("code", "label"),
        header=((H("Nr."), H("Aktivitetsområde"), H("Opr.\nbudget"), H("Korr.\nbudget"), H("Forbrug"),
                 H("Difference")),),
        columns=(
            Col("Opr. budget", "original_budget", 2025, "caption"),
            Col("Korr. budget", "revised_budget", 2025, "caption"),
            Col("Forbrug", "actual", 2025, "caption"),
            Col("Difference", "variance", 2025, "caption"),
        ),
        rows=tuple(rows),
        grid="booktabs",
        notes=("Difference = forbrug minus korrigeret budget (+ = merforbrug, – = mindreforbrug).",),
    )
    side_cols = (
        Col("Korr. budget", "revised_budget", 2025, "caption"),
        Col("Forbrug", "actual", 2025, "caption"),
        Col("Difference", "variance", 2025, "caption"),
    )
    side_head = ((H(""), H("Korr.\nbudget"), H("Forbrug"), H("Difference")),)
    # Drift: Myndighed (area 3 and 4) vs. Udfører (areas 1 and 2)
    udf = [sum(x[2][i] for x in subs if x[2] and x[0][0] in "12") for i in (1, 2)]
    myn = [sum(x[2][i] for x in subs if x[2] and x[0][0] in "34") for i in (1, 2)]
    drift = Table(
        caption="Drift 2025 (1.000 kr.)",
        stub=("label",),
        header=side_head,
        columns=side_cols,
        rows=(
            Row("Myndighed", cells([*myn, myn[1] - myn[0]], negative="endash")),
            Row("Udfører", cells([*udf, udf[1] - udf[0]], negative="endash")),
            Row("Drift i alt", cells([myn[0] + udf[0], myn[1] + udf[1], myn[1] + udf[1] - myn[0] - udf[0]],
                                     negative="endash"), kind="total"),
        ),
        font_size=8,
        widths=(28, 17, 17, 19),
    )
    anl = [("Plejecenter Tallerupgård", 8400, 6115), ("Velfærdsteknologi", 1200, 1347)]
    anlaeg = Table(
        caption="Anlæg 2025 (1.000 kr.)",
        stub=("label",),
        header=side_head,
        columns=side_cols,
        rows=tuple([Row(a[0], cells([a[1], a[2], a[2] - a[1]], negative="endash")) for a in anl]
                   + [Row("Anlæg i alt", cells([9600, 7462, 7462 - 9600], negative="endash"), kind="total")]),
        font_size=8,
        widths=(28, 17, 17, 19),
    )
    pleje = subs[1][2]
    return Document(
        name="r4_assens_side_om_side",
        producer="reportlab",
        title="Regnskab 2025 – Social- og Sundhedsudvalget",
        publisher="Assens Kommune",
        municipality="Assens Kommune",
        report_type="regnskab",
        fiscal_year=2025,
        font="serif",
        running_footer="Assens Kommune · Regnskab 2025",
        classes=("side_by_side_tables", "forbrug_is_actual", "difference_is_variance", "activity_codes",
                 "endash_negatives", "year_in_caption", "narrative_whole_kroner"),
        blocks=[
            Heading("Politikområde Ældre"),
            TwoColumns(left=[drift], right=[anlaeg]),
            Para("Politikområdet har i 2025 et samlet merforbrug på drift på "
                 f"{mio(total[2] - total[1])} mio. kr. og et mindreforbrug på anlæg på {mio(9600 - 7462)} mio. "
                 "kr., som søges overført til 2026."),
            activity,
            Para(f"Note 1. Personlig pleje og praktisk hjælp har et merforbrug på "
                 f"{dk((pleje[2] - pleje[1]) * 1000 + 318)} kr. som følge af flere borgere med behov for "
                 "pleje i eget hjem."),
            Para(f"Note 2. Plejecenter Tallerupgård er forsinket; {dk((8400 - 6115) * 1000 - 212)} kr. søges "
                 "overført til 2026."),
        ],
    )


def r4_vordingborg() -> Document:
    """Accounts split into flows: Udgifter / Indtægter / Netto under spanning 'Regnskab 2025' and 'Korrigeret
    budget 2025', the unit 't.kr.' in the stub cell, income in parentheses, a net variance, groups with
    subtotals (service, overførsler, brugerfinansieret); landscape, serif."""
    groups = [
        ("Serviceudgifter", [
            ("Dagtilbud og skoler", (1182450, -214330), (1175200, -209800)),
            ("Ældre og handicap", (968210, -121745), (954600, -118900)),
            ("Kultur, fritid og borgerservice", (112380, -18415), (114250, -19100)),
            ("Veje, natur og miljø", (148920, -12760), (145300, -11450)),
            ("Administration", (336105, -41280), (339800, -40600)),
        ]),
        ("Overførselsudgifter", [
            ("Kontanthjælp og uddannelseshjælp", (148330, -72115), (151900, -74400)),
            ("Førtidspension og fleksjob", (402560, -129840), (398700, -128200)),
            ("Sygedagpenge", (171240, -83905), (164800, -80100)),
        ]),
        ("Brugerfinansieret område", [
            ("Affald og genbrug", (96410, -101820), (94500, -98700)),
        ]),
    ]

    def line(r: tuple[int, int], k: tuple[int, int]) -> tuple[str, ...]:
        rn, kn = r[0] + r[1], k[0] + k[1]
        return cells([r[0], r[1], rn, k[0], k[1], kn, rn - kn], negative="paren")

    rows, tr, tk = [], [0, 0], [0, 0]
    for name, items in groups:
        rows.append(Row(name, kind="group"))
        rows += [Row(x[0], line(x[1], x[2]), indent=1) for x in items]
        sr = (sum(x[1][0] for x in items), sum(x[1][1] for x in items))
        sk = (sum(x[2][0] for x in items), sum(x[2][1] for x in items))
        if len(items) > 1:
            rows.append(Row(f"{name} i alt", line(sr, sk), kind="subtotal"))
        tr = [tr[0] + sr[0], tr[1] + sr[1]]
        tk = [tk[0] + sk[0], tk[1] + sk[1]]
    rows.append(Row("Drift i alt", line(tuple(tr), tuple(tk)), kind="total"))
    table = Table(
        caption="Driftsregnskab 2025 fordelt på udgifter og indtægter",
        stub=("label",),
        header=(
            (H("t.kr.", rows=2), H("Regnskab 2025", span=3), H("Korrigeret budget 2025", span=3),
             H("Afvigelse\nnetto", rows=2)),
            (H("Udgifter"), H("Indtægter"), H("Netto"), H("Udgifter"), H("Indtægter"), H("Netto")),
        ),
        columns=(
            Col("Regnskab 2025 Udgifter", "actual", 2025, "header", flow="expenditure"),
            Col("Regnskab 2025 Indtægter", "actual", 2025, "header", flow="income"),
            Col("Regnskab 2025 Netto", "actual", 2025, "header", flow="net"),
            Col("Korrigeret budget 2025 Udgifter", "revised_budget", 2025, "header", flow="expenditure"),
            Col("Korrigeret budget 2025 Indtægter", "revised_budget", 2025, "header", flow="income"),
            Col("Korrigeret budget 2025 Netto", "revised_budget", 2025, "header", flow="net"),
            Col("Afvigelse netto", "variance", 2025, "caption", flow="net"),
        ),
        rows=tuple(rows),
        grid="horizontal",
        font_size=8,
        notes=("Indtægter er vist i parentes. Afvigelse = regnskab netto minus korrigeret budget netto; "
               "positive tal er merforbrug. Alle beløb i løbende priser.",),
    )
    net_var = (tr[0] + tr[1]) - (tk[0] + tk[1])
    return Document(
        name="r4_vordingborg_udgift_indtaegt",
        producer="reportlab",
        title="Regnskab 2025 – årsberetning",
        publisher="Vordingborg Kommune",
        municipality="Vordingborg Kommune",
        report_type="regnskab",
        fiscal_year=2025,
        landscape=True,
        font="serif",
        running_footer="Vordingborg Kommune · Regnskab 2025",
        classes=("landscape", "flow_columns", "spanning_groups", "unit_tkr_in_stub", "paren_negatives",
                 "row_groups", "net_variance", "serif"),
        blocks=[
            Heading("Driftsregnskabet"),
            Para(f"Regnskabet for 2025 viser nettodriftsudgifter på {mio(tr[0] + tr[1])} mio. kr. mod et "
                 f"korrigeret budget på {mio(tk[0] + tk[1])} mio. kr., svarende til et merforbrug på "
                 f"{mio(net_var)} mio. kr. Merforbruget findes især på sygedagpenge og ældre og handicap."),
            table,
        ],
    )


def documents() -> list[Document]:
    return [
        h4_aalborg(),
        h4_gentofte(),
        h4_region_syddanmark(),
        h4_frederiksberg(),
        o4_slagelse(),
        o4_skive(),
        o4_toender(),
        o4_gribskov(),
        r4_bornholm(),
        r4_ballerup(),
        r4_assens(),
        r4_vordingborg(),
    ]
