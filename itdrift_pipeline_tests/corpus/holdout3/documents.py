"""The twelve holdout3 documents: invented figures in real Danish municipal and regional wording, laid out in
ways the other corpora were not (written blind to them and to the extractor).

Every figure column states its meaning (model.Col); a column whose meaning a careful reader cannot settle
from the page is unread, with its reason. Figures are computed here, so totals add up (to rounding).
"""

from __future__ import annotations

from ..printed.model import (
    RED_NO_SIGN,
    Col,
    Document,
    H,
    Heading,
    PageBreak,
    Para,
    Row,
    Table,
    dk,
    sp,
)

THIN = "\u2009"
NBSP = "\u00a0"
SIGN_NOTE = "Fortegn: + = merforbrug / - = mindreforbrug. Beløb i løbende priser."


def _sum(rows: list[tuple], i: int) -> float:
    return sum(r[i] for r in rows if r[i] is not None)


# --- html (Chromium) ------------------------------------------------------------------------------------


def h3_viborg_lange_overskrifter() -> Document:
    """A single header row whose long texts wrap to 2-5 lines; columns Afvigelse, Regnskab, Korr. budget in
    that order, then a Note column of letters; a header that prints the year of a carry-over (2022) beside
    the column's own year; a second table with only two figure columns."""
    areas = [
        ("1", "Hjemmepleje og praktisk hjælp", 312_418, 305_950, "a"),
        ("2", "Plejeboliger og plejecentre", 498_207, 502_115, ""),
        ("3", "Sygepleje", 88_930, 84_615, "b"),
        ("4", "Træning og rehabilitering", 41_377, 43_020, ""),
        ("5", "Forebyggelse og sundhedsfremme", 12_604, 14_380, "c"),
        ("6", "Hjælpemidler og boligændringer", 57_911, 55_208, ""),
    ]
    rows = [
        Row(label, (dk(r - k), dk(r), dk(k), note), code=code) for code, label, r, k, note in areas
    ]
    tr, tk = sum(a[2] for a in areas), sum(a[3] for a in areas)
    rows.append(Row("Politikområdet i alt", (dk(tr - tk), dk(tr), dk(tk), ""), kind="total"))
    t1 = Table(
        caption="Tabel 1. Driftsresultat 2023 fordelt på aktivitetsområder (1.000 kr.)",
        stub=("code", "label"),
        header=(
            (
                H("Nr."),
                H("Aktivitetsområde"),
                H("Afvigelse mellem regnskab og korrigeret budget (+ = merforbrug, - = mindreforbrug)"),
                H("Regnskab 2023 opgjort efter den ændrede regnskabspraksis"),
                H("Korrigeret budget inkl. tillægsbevillinger og overførsler fra 2022"),
                H("Note", align="center"),
            ),
        ),
        columns=(
            Col("Afvigelse mellem regnskab og korrigeret budget (+ = merforbrug, - = mindreforbrug)",
                "variance", 2023, "caption"),
            Col("Regnskab 2023 opgjort efter den ændrede regnskabspraksis", "actual", 2023, "header"),
            Col("Korrigeret budget inkl. tillægsbevillinger og overførsler fra 2022", "revised_budget", 2023,
                "caption"),
            Col("Note", unread="note_reference", align="center"),
        ),
        rows=tuple(rows),
        widths=(10, 58, 34, 24, 28, 12),
        grid="horizontal",
        shaded=True,
        notes=(
            "a) Merforbrug som følge af flere visiterede timer. b) Omlægning af sygeplejeklinikker. "
            "c) Forsinket opstart af projekter finansieret af puljemidler.",
        ),
    )
    projects = [
        ("Ombygning af Viborg Plejecenter", 14_238, 18_500),
        ("Velfærdsteknologi, fase 2", 2_915, 2_640),
        ("Træningsfaciliteter, Bjerringbro", 0, 1_200),
    ]
    p_rows = [Row(lbl, (dk(r), dk(k))) for lbl, r, k in projects]
    p_rows.append(Row("I alt", (dk(sum(p[1] for p in projects)), dk(sum(p[2] for p in projects))),
                      kind="total"))
    t2 = Table(
        caption="Tabel 2. Anlæg 2023 (1.000 kr.)",
        stub=("label",),
        header=((H("Projekt"), H("Regnskab"), H("Korr. budget")),),
        columns=(Col("Regnskab", "actual", 2023, "caption"), Col("Korr. budget", "revised_budget", 2023,
                                                                   "caption")),
        rows=tuple(p_rows),
        widths=(80, 25, 25),
        grid="booktabs",
    )
    return Document(
        name="h3_viborg_lange_overskrifter",
        producer="html",
        title="Regnskab 2023 – Bemærkninger til Social- og Sundhedsudvalget",
        publisher="VIBORG KOMMUNE",
        municipality="Viborg Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        classes=("long_wrapped_header", "variance_first", "note_letters", "two_figure_columns"),
        blocks=[
            Heading("Politikområde: Ældre og sundhed"),
            Para(
                "Politikområdet har i 2023 et samlet merforbrug på 6,2 mio. kr. i forhold til det korrigerede "
                "budget. Merforbruget skyldes primært hjemmeplejen, hvor antallet af visiterede timer er "
                "steget mere end forudsat. Beløb i tabellerne er i 1.000 kr. og løbende priser."
            ),
            t1,
            Heading("Anlæg", 2),
            Para("Anlægsprojekterne på ældreområdet er samlet set forsinkede; restbeløb søges overført til 2024."),
            t2,
        ],
    )


def _multi(base: int, growth: tuple[float, ...]) -> list[int]:
    out, v = [], float(base)
    for g in growth:
        v *= g
        out.append(round(v))
    return out


def h3_randers_ti_kolonner() -> Document:
    """Landscape, 7 pt: a ten-column multi-year table (Regnskab 2019-2023, Korr. budget 2023, Budget 2024,
    Overslag 2025-2027) with thousands grouped by thin spaces; group rows per committee, subtotals."""
    growth = (1.0, 1.031, 1.054, 1.022, 1.047, 1.012, 1.038, 1.011, 1.004, 0.997)
    areas = [
        ("Økonomiudvalget", [("Administration og politisk organisation", 412_880),
                             ("Beredskab", 38_415), ("Erhverv og turisme", 21_606)]),
        ("Børne- og Skoleudvalget", [("Folkeskoler", 688_214), ("Dagtilbud", 402_117),
                                    ("Børn og unge med særlige behov", 311_952)]),
        ("Omsorgs- og Sundhedsudvalget", [("Ældreområdet", 1_004_530), ("Sundhed", 286_005)]),
        ("Teknik- og Miljøudvalget", [("Veje og trafik", 147_330), ("Kollektiv trafik", 96_410),
                                     ("Forsyningsvirksomheder", -2_845)]),
    ]
    years = ("Regnskab 2019", "Regnskab 2020", "Regnskab 2021", "Regnskab 2022", "Regnskab 2023",
             "Korr. budget 2023", "Budget 2024", "Overslag 2025", "Overslag 2026", "Overslag 2027")
    cols = tuple(
        [Col(years[i], "actual", 2019 + i, "header") for i in range(5)]
        + [Col(years[5], "revised_budget", 2023, "header"), Col(years[6], "budget", 2024, "header")]
        + [Col(years[7 + i], "budget_estimate", 2025 + i, "header") for i in range(3)]
    )
    rows: list[Row] = []
    grand = [0] * 10
    for committee, items in areas:
        rows.append(Row(committee, kind="group"))
        sub = [0] * 10
        for label, base in items:
            vals = _multi(base, growth)
            vals[5] = round(vals[4] * 0.985)  # the revised budget 2023 beside the actual
            sub = [a + b for a, b in zip(sub, vals, strict=True)]
            rows.append(Row(label, tuple(sp(v, sep=THIN) for v in vals), indent=1))
        grand = [a + b for a, b in zip(grand, sub, strict=True)]
        rows.append(Row(f"{committee} i alt", tuple(sp(v, sep=THIN) for v in sub), kind="subtotal"))
    rows.append(Row("Drift i alt", tuple(sp(v, sep=THIN) for v in grand), kind="total"))
    t1 = Table(
        caption="Flerårsoversigt, drift – nettoudgifter (1 000 kr., løbende priser)",
        stub=("label",),
        header=(
            (H("Udvalg / politikområde", rows=2), H("Regnskab", span=5), H("Korr.\nbudget", rows=1),
             H("Budget", rows=1), H("Overslag", span=3)),
            (H("2019"), H("2020"), H("2021"), H("2022"), H("2023"), H("2023"), H("2024"),
             H("2025"), H("2026"), H("2027")),
        ),
        columns=cols,
        rows=tuple(rows),
        font_size=7,
        grid="horizontal",
        zebra=True,
        widths=(55,) + (20.5,) * 10,
        notes=("Regnskab 2019-2023 i løbende priser; Budget 2024 og overslagsår i 2024-pris- og lønniveau. "
               "+ = udgift, - = indtægt.",),
    )
    anl = [("Byggemodning, salg af grunde", -18_220), ("Skolerenoveringer", 42_610),
           ("Vejanlæg og cykelstier", 27_905), ("Klimatilpasning", 9_330)]
    a_rows = []
    a_tot = [0] * 10
    a_growth = (1.0, 1.2, 0.8, 1.15, 0.95, 1.05, 1.1, 0.9, 1.0, 0.85)
    for label, base in anl:
        vals = _multi(base, a_growth)
        vals[5] = round(vals[4] * 1.08)
        a_tot = [a + b for a, b in zip(a_tot, vals, strict=True)]
        a_rows.append(Row(label, tuple(sp(v, sep=THIN, negative="endash") for v in vals)))
    a_rows.append(Row("Anlæg i alt", tuple(sp(v, sep=THIN, negative="endash") for v in a_tot), kind="total"))
    t2 = Table(
        caption="Flerårsoversigt, anlæg – nettoudgifter (1 000 kr., løbende priser)",
        stub=("label",),
        header=t1.header,
        columns=cols,
        rows=tuple(a_rows),
        font_size=7,
        grid="horizontal",
        widths=t1.widths,
    )
    return Document(
        name="h3_randers_ti_kolonner",
        producer="html",
        title="Regnskab 2023 – Flerårsoversigt og budgetoverslag",
        publisher="Randers Kommune · Økonomi og Analyse",
        municipality="Randers Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        landscape=True,
        classes=("landscape", "ten_columns", "thin_space_thousands", "year_row_under_group"),
        blocks=[
            Para("Oversigten viser nettodriftsudgifterne for regnskabsårene 2019-2023 sammenholdt med "
                 "korrigeret budget 2023, vedtaget budget 2024 og budgetoverslagsårene 2025-2027.", small=True),
            t1,
            PageBreak(),
            t2,
        ],
    )


def h3_region_midtjylland_boks() -> Document:
    """A region's annual report: boxed tables with the caption in a title bar; mio. kr. with one decimal;
    totals printed first; the variance printed in red without a sign (unread: sign_by_colour); footnote
    markers after figures; a Regnskab group over Udgifter / Indtægter / Netto."""
    units = [
        ("Aarhus Universitetshospital", 9_412.6, 9_388.1, 9_457.3),
        ("Regionshospitalet Gødstrup", 3_318.4, 3_362.0, 3_341.7),
        ("Hospitalsenheden Horsens", 1_602.2, 1_611.9, 1_598.4),
        ("Regionshospitalet Randers", 1_540.8, 1_552.5, 1_571.0),
        ("Psykiatrien", 2_214.3, 2_230.6, 2_226.1),
        ("Praksisområdet", 4_096.5, 4_118.2, 4_087.9),
        ("Medicintilskud", 1_733.0, 1_760.4, 1_802.6),
    ]
    foot = {"Medicintilskud": "*", "Regionshospitalet Gødstrup": "*"}
    o, k, r = (round(sum(u[i] for u in units), 1) for i in (1, 2, 3))

    def var(rr: float, kk: float) -> str:
        v = round(rr - kk, 1)
        return RED_NO_SIGN + dk(abs(v), 1) if v < 0 else dk(v, 1)

    rows = [Row("Sundhed i alt", (dk(o, 1), dk(k, 1), dk(r, 1), var(r, k)), kind="total")]
    for label, oo, kk, rr in units:
        rows.append(Row(label, (dk(oo, 1), dk(kk, 1), dk(rr, 1) + foot.get(label, ""), var(rr, kk))))
    t1 = Table(
        caption="Sundhed – nettodriftsudgifter 2023 (mio. kr.)",
        stub=("label",),
        header=((H(""), H("Oprindeligt\nbudget"), H("Korrigeret\nbudget"), H("Regnskab"),
                 H("Afvigelse")),),
        columns=(
            Col("Oprindeligt budget", "original_budget", 2023, "caption", unit="mio DKK"),
            Col("Korrigeret budget", "revised_budget", 2023, "caption", unit="mio DKK"),
            Col("Regnskab", "actual", 2023, "caption", unit="mio DKK"),
            Col("Afvigelse", unread="sign_by_colour"),
        ),
        rows=tuple(rows),
        boxed=True,
        grid="horizontal",
        widths=(70, 26, 26, 26, 24),
        notes=(
            "Afvigelse = regnskab minus korrigeret budget. Mindreforbrug er vist med rødt.",
            "* Inkl. engangsudgifter til genopretning efter it-nedbrud og efterregulering af medicintilskud.",
        ),
    )
    social = [
        ("Specialområdet for udviklingshæmning", 612_440, -598_115, 14_980),
        ("Specialområdet for psykiatri", 488_207, -471_630, 12_044),
        ("Kommunikationscentre og specialundervisning", 96_318, -94_020, 1_710),
        ("Fælles formål og administration", 41_602, -3_210, 39_850),
    ]
    s_rows = []
    for label, u, i, kb in social:
        s_rows.append(Row(label, (dk(u), dk(i), dk(u + i), dk(kb))))
    tu, ti, tk = (sum(s[j] for s in social) for j in (1, 2, 3))
    s_rows.append(Row("Social og Specialundervisning i alt", (dk(tu), dk(ti), dk(tu + ti), dk(tk)),
                      kind="total"))
    t2 = Table(
        caption="Social og Specialundervisning – regnskab 2023 (1.000 kr.)",
        stub=("label",),
        header=(
            (H("", rows=2), H("Regnskab", span=3), H("Korrigeret budget")),
            (H("Udgifter"), H("Indtægter"), H("Netto"), H("Netto")),
        ),
        columns=(
            Col("Regnskab Udgifter", "actual", 2023, "caption", flow="expenditure"),
            Col("Regnskab Indtægter", "actual", 2023, "caption", flow="income"),
            Col("Regnskab Netto", "actual", 2023, "caption", flow="net"),
            Col("Korrigeret budget Netto", "revised_budget", 2023, "caption", flow="net"),
        ),
        rows=tuple(s_rows),
        boxed=True,
        grid="horizontal",
        widths=(70, 24, 24, 24, 28),
        notes=("Indtægter er vist med negativt fortegn.",),
    )
    return Document(
        name="h3_region_midtjylland_boks",
        producer="html",
        title="Årsrapport 2023 – Driftsregnskab",
        publisher="Region Midtjylland",
        municipality="Region Midtjylland",
        report_type="regnskab",
        fiscal_year=2023,
        accent="#00594f",
        classes=("boxed_title_bar", "totals_first", "sign_by_colour", "footnote_markers", "mio_one_decimal",
                 "flow_columns"),
        blocks=[
            Heading("1. Sundhed"),
            Para("Sundhedsområdet kom ud af 2023 med et samlet merforbrug på 61,3 mio. kr. i forhold til det "
                 "korrigerede budget, primært på medicintilskud og Aarhus Universitetshospital."),
            t1,
            Heading("2. Social og Specialundervisning"),
            Para("Området er takstfinansieret, og driften skal over en årrække hvile i sig selv."),
            t2,
        ],
    )


def h3_hjoerring_heraf_stablet() -> Document:
    """Totals printed first; 'Heraf:' breakdowns with indented rows and a 'Heraf i alt' line that is no
    total of the rows above it; two stacked tables whose unit changes (1.000 kr., then mio. kr.)."""
    def line(label: str, o: int, k: int, r: int, **kw) -> Row:
        return Row(label, (dk(o), dk(k), dk(r), dk(r - k)), **kw)

    dag = (402_118, 409_870, 404_215)
    dag_heraf = [("Kommunale daginstitutioner", 251_300, 255_020, 250_811),
                 ("Private institutioner og puljeordninger", 61_240, 62_105, 63_980),
                 ("Forældrebetaling", -88_412, -88_412, -86_970)]
    sko = (612_930, 618_402, 621_775)
    sko_heraf = [("Løn til lærere og pædagoger", 455_218, 458_030, 462_105),
                 ("Skolefritidsordninger", 38_710, 39_215, 38_022)]
    spec = (154_207, 161_330, 170_914)
    total = tuple(a + b + c for a, b, c in zip(dag, sko, spec, strict=True))

    def heraf(items: list[tuple]) -> list[Row]:
        out = [Row("Heraf:", kind="group", indent=1)]
        out += [line(lbl, o, k, r, indent=2) for lbl, o, k, r in items]
        s = [sum(x[i] for x in items) for i in (1, 2, 3)]
        out.append(line("Heraf i alt", *s, indent=1))
        return out

    rows = [line("Udvalget i alt", *total, kind="total")]
    rows.append(line("Dagtilbud", *dag))
    rows += heraf(dag_heraf)
    rows.append(line("Skoler", *sko))
    rows += heraf(sko_heraf)
    rows.append(line("Specialundervisning og særlige tilbud", *spec))
    header = ((H(""), H("Opr. budget\n2023"), H("Korr. budget\n2023"), H("Regnskab\n2023"),
               H("Mer-/mindre-\nforbrug")),)

    def cols(unit: str) -> tuple[Col, ...]:
        return (
            Col("Opr. budget 2023", "original_budget", 2023, "header", unit=unit),
            Col("Korr. budget 2023", "revised_budget", 2023, "header", unit=unit),
            Col("Regnskab 2023", "actual", 2023, "header", unit=unit),
            Col("Mer-/mindreforbrug", "variance", 2023, "heading", unit=unit),
        )

    t1 = Table(
        caption="Drift",
        stub=("label",),
        header=header,
        columns=cols("1000 DKK"),
        rows=tuple(rows),
        unit_line="Beløb i 1.000 kr.",
        widths=(78, 24, 24, 24, 24),
        grid="horizontal",
        total_shade=True,
    )
    anl = [("Ny skole i Tårs, 1. etape", 48.0, 52.4, 37.9), ("Udvidelse af Børnehuset Sindal", 12.5, 14.1, 15.3),
           ("Legepladser og udearealer", 3.0, 3.6, 2.8)]
    tot = [round(sum(a[i] for a in anl), 1) for i in (1, 2, 3)]
    a_rows = [Row("Anlæg i alt", (dk(tot[0], 1), dk(tot[1], 1), dk(tot[2], 1), dk(tot[2] - tot[1], 1)),
                  kind="total")]
    a_rows += [Row(lbl, (dk(o, 1), dk(k, 1), dk(r, 1), dk(r - k, 1))) for lbl, o, k, r in anl]
    t2 = Table(
        caption="Anlæg",
        stub=("label",),
        header=header,
        columns=cols("mio DKK"),
        rows=tuple(a_rows),
        unit_line="Beløb i mio. kr.",
        widths=t1.widths,
        grid="horizontal",
        total_shade=True,
        tight=True,
        notes=("Mer-/mindreforbrug = regnskab minus korrigeret budget; negative tal er mindreforbrug.",),
    )
    return Document(
        name="h3_hjoerring_heraf_stablet",
        producer="html",
        title="Regnskab 2023 – Børne- og Undervisningsudvalget",
        publisher="Hjørring Kommune",
        municipality="Hjørring Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        accent="#7a1f3d",
        classes=("totals_first", "heraf_breakdown", "heraf_i_alt", "stacked_unit_change", "unit_line"),
        blocks=[
            Heading("Økonomisk resultat 2023"),
            Para("Udvalget har samlet et merforbrug på 7,3 mio. kr. på driften, som især kan henføres til "
                 "specialundervisning. På anlæg er der et mindreforbrug på 14,1 mio. kr."),
            t1,
            t2,
        ],
    )


# --- office (LibreOffice) ---------------------------------------------------------------------------------


def o3_faxe_tabulator() -> Document:
    """A committee attachment typed in a word processor: no table objects, every row a paragraph with the
    figures at right-aligned tab stops (whitespace-aligned columns), header words on two lines."""
    drift = [
        ("Vejvedligeholdelse", 38_114, 36_920),
        ("Vintertjeneste", 9_870, 12_400),
        ("Parker og grønne områder", 14_502, 14_210),
        ("Kollektiv trafik", 31_866, 30_750),
        ("Natur og miljø", 6_217, 7_005),
        ("Byggesagsbehandling", 4_390, 4_118),
    ]
    rows = [Row(l, (dk(r), dk(k), dk(r - k))) for l, r, k in drift]
    tr, tk = sum(d[1] for d in drift), sum(d[2] for d in drift)
    rows.append(Row("I alt", (dk(tr), dk(tk), dk(tr - tk)), kind="total"))
    t1 = Table(
        caption="Tabel 1: Driftsregnskab 2023, Teknik- og Miljøudvalget (1.000 kr.)",
        stub=("label",),
        header=((H("Område"), H("Regnskab\n2023"), H("Korrigeret\nbudget"), H("Afvigelse")),),
        columns=(
            Col("Regnskab 2023", "actual", 2023, "header"),
            Col("Korrigeret budget", "revised_budget", 2023, "caption"),
            Col("Afvigelse", "variance", 2023, "caption"),
        ),
        rows=tuple(rows),
        tab_stops=(100, 130, 160),
        notes=("Afvigelse = regnskab minus korrigeret budget (+ = merforbrug).",),
    )
    acts = [
        ("1", "Veje og fortove", 56_840, 58_120, 0),
        ("1.a", "Asfalt og slidlag", 22_410, 23_000, 1),
        ("1.b", "Belysning", 7_205, 6_980, 1),
        ("2", "Grønne områder og natur", 20_719, 21_215, 0),
    ]
    a_rows = [Row(l, (dk(r), dk(k)), code=c, indent=ind) for c, l, r, k, ind in acts]
    t2 = Table(
        caption="Tabel 2: Udvalgte aktiviteter 2023 (1.000 kr.)",
        stub=("code", "label"),
        header=((H("Nr."), H("Aktivitet"), H("Regnskab"), H("Korr. budget")),),
        columns=(Col("Regnskab", "actual", 2023, "caption"), Col("Korr. budget", "revised_budget", 2023,
                                                                   "caption")),
        rows=tuple(a_rows),
        tab_stops=(130, 160),
    )
    proj = [("Renovering af Haslev Rådhusplads", 4_500, 3_812, 688), ("Cykelsti Faxe-Rønnede", 11_200,
            11_596, -396), ("Kystsikring ved Feddet", 2_000, 415, 1_585)]
    p_rows = [Row(l, (dk(rb), dk(f), dk(rest))) for l, rb, f, rest in proj]
    p_rows.append(Row("Anlæg i alt", tuple(dk(sum(p[i] for p in proj)) for i in (1, 2, 3)), kind="total"))
    t3 = Table(
        caption="Tabel 3: Anlæg 2023 (1.000 kr.)",
        stub=("label",),
        header=((H("Projekt"), H("Rådigheds-\nbeløb 2023"), H("Forbrug\n2023"), H("Restbeløb")),),
        columns=(
            Col("Rådighedsbeløb 2023", "appropriation", 2023, "header"),
            Col("Forbrug 2023", "actual", 2023, "header"),
            Col("Restbeløb", unread="ambiguous"),
        ),
        rows=tuple(p_rows),
        tab_stops=(100, 130, 160),
        notes=("Restbeløbet søges overført til 2024.",),
    )
    return Document(
        name="o3_faxe_tabulator",
        producer="office",
        source="fodt",
        title="Bilag 2: Regnskab 2023 for Teknik- og Miljøudvalget",
        publisher="Faxe Kommune – Teknik- og Miljøudvalget, mødet den 11. april 2024",
        municipality="Faxe Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        classes=("tab_separated", "no_rules", "two_figure_columns", "activity_codes"),
        blocks=[
            Para("Regnskabet for 2023 viser et samlet mindreforbrug på 0,4 mio. kr. på udvalgets driftsområder. "
                 "Vintertjenesten har et mindreforbrug på 2,5 mio. kr. som følge af en mild vinter."),
            t1,
            t2,
            t3,
        ],
    )


def o3_kalundborg_to_kolonner() -> Document:
    """Tables with only two figure columns: Udgifter / Indtægter (flows) in mio. kr.; Regnskab 2023 beside
    Regnskab 2022 in whole kroner with thin-space thousands ('412 335 871')."""
    opg = [
        ("Skatter", None, -3_012.4),
        ("Tilskud og udligning", None, -1_108.9),
        ("Driftsvirksomhed (inkl. refusion)", 3_874.2, -412.6),
        ("Renter m.v.", 14.8, -6.1),
        ("Anlæg (skattefinansieret)", 211.5, -38.2),
        ("Forsyningsvirksomheder", 96.3, -101.7),
    ]
    rows = []
    for label, u, i in opg:
        rows.append(Row(label, (dk(u, 1), dk(i, 1))))
    tu = round(sum(o[1] or 0 for o in opg), 1)
    ti = round(sum(o[2] for o in opg), 1)
    rows.append(Row("I alt", (dk(tu, 1), dk(ti, 1)), kind="total"))
    t1 = Table(
        caption="Regnskabsopgørelse 2023 (mio. kr.)",
        stub=("label",),
        header=((H(""), H("Udgifter"), H("Indtægter")),),
        columns=(
            Col("Udgifter", "actual", 2023, "caption", unit="mio DKK", flow="expenditure"),
            Col("Indtægter", "actual", 2023, "caption", unit="mio DKK", flow="income"),
        ),
        rows=tuple(rows),
        widths=(90, 30, 30),
        grid="full",
        shaded=True,
    )
    udv = [
        ("Økonomiudvalget", 412_335_871, 398_104_220),
        ("Børne- og Ungeudvalget", 1_048_902_115, 1_011_733_408),
        ("Social- og Seniorudvalget", 1_402_118_006, 1_366_950_771),
        ("Arbejdsmarkedsudvalget", 602_471_390, 611_027_845),
        ("Teknik- og Miljøudvalget", 201_880_642, 197_412_309),
        ("Kultur- og Fritidsudvalget", 88_305_518, 85_991_004),
    ]
    u_rows = [Row(l, (sp(a, sep=THIN), sp(b, sep=THIN))) for l, a, b in udv]
    u_rows.append(Row("Nettodriftsudgifter i alt", (sp(sum(u[1] for u in udv), sep=THIN),
                                                     sp(sum(u[2] for u in udv), sep=THIN)), kind="total"))
    t2 = Table(
        caption="Nettodriftsudgifter fordelt på udvalg (kr.)",
        stub=("label",),
        header=((H("Udvalg"), H("Regnskab 2023"), H("Regnskab 2022")),),
        columns=(
            Col("Regnskab 2023", "actual", 2023, "header", unit="DKK"),
            Col("Regnskab 2022", "actual", 2022, "header", unit="DKK"),
        ),
        rows=tuple(u_rows),
        widths=(90, 34, 34),
        grid="horizontal",
        notes=("Regnskab 2022 er i 2022-priser.",),
    )
    return Document(
        name="o3_kalundborg_to_kolonner",
        producer="office",
        title="Årsregnskab 2023 – Hovedoversigt",
        publisher="Kalundborg Kommune",
        municipality="Kalundborg Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        font="serif",
        classes=("two_figure_columns", "flow_columns", "thin_space_thousands", "whole_kroner"),
        blocks=[
            Heading("Regnskabsopgørelse"),
            Para("Regnskabsopgørelsen viser årets resultat for det skattefinansierede område og "
                 "forsyningsvirksomhederne. Indtægter er angivet med negativt fortegn."),
            t1,
            Heading("Drift fordelt på udvalg"),
            t2,
        ],
    )


def o3_svendborg_lange_overskrifter() -> Document:
    """LibreOffice: one header row, long texts of different heights; columns Afvigelse, Regnskab, Korr.
    budget, Opr. budget, Afvigelse i %, Note (letters); the variance as budget minus actual; a Heraf:
    breakdown with indented rows and a Heraf i alt line."""
    items = [
        ("Biblioteker", 41_220, 40_318, 40_318, "a"),
        ("Heraf:", None, None, None, ""),
        ("Materialer og licenser", 6_810, 6_505, 6_505, ""),
        ("Lønninger", 29_902, 29_420, 29_420, ""),
        ("Heraf i alt", 36_712, 35_925, 35_925, ""),
        ("Musik og scenekunst", 18_304, 19_115, 18_715, "b"),
        ("Idræt og idrætsanlæg", 33_917, 32_640, 31_240, ""),
        ("Folkeoplysning og foreningsstøtte", 12_006, 12_405, 12_405, "c"),
        ("Museer og kulturarv", 9_480, 9_512, 9_412, ""),
    ]
    rows = []
    main = [i for i in items if i[0] not in ("Heraf:", "Materialer og licenser", "Lønninger", "Heraf i alt")]
    for label, r, k, o, note in items:
        if r is None:
            rows.append(Row(label, kind="group", indent=1))
            continue
        heraf = label in ("Materialer og licenser", "Lønninger")
        pct = dk((k - r) / k * 100, 1)
        rows.append(Row(label, (dk(k - r), dk(r), dk(k), dk(o), pct, note),
                        indent=2 if heraf else 1 if label == "Heraf i alt" else 0))
    tr, tk, to = (sum(m[i] for m in main) for i in (1, 2, 3))
    rows.append(Row("Kultur og fritid i alt", (dk(tk - tr), dk(tr), dk(tk), dk(to), dk((tk - tr) / tk * 100, 1),
                                                ""), kind="total"))
    heads = (
        "Afvigelse (korrigeret budget minus regnskab, + = mindreforbrug)",
        "Regnskab 2023",
        "Korrigeret budget 2023 efter tillægsbevillinger",
        "Oprindeligt budget 2023 som vedtaget af Byrådet i oktober 2022",
        "Afvigelse i pct. af korr. budget",
        "Note",
    )
    t1 = Table(
        caption="Kultur og fritid – driftsregnskab (1.000 kr.)",
        stub=("label",),
        header=((H("Område"),) + tuple(H(h) for h in heads),),
        columns=(
            Col(heads[0], "variance", 2023, "heading"),
            Col(heads[1], "actual", 2023, "header"),
            Col(heads[2], "revised_budget", 2023, "header"),
            Col(heads[3], "original_budget", 2023, "header"),
            Col(heads[4], unread="percent"),
            Col(heads[5], unread="note_reference", align="center"),
        ),
        rows=tuple(rows),
        widths=(46, 26, 19, 29, 29, 17, 10),
        grid="full",
        shaded=True,
        notes=("a) Merforbrug på materialer, jf. bemærkningerne. b) Forsinket åbning af spillestedet. "
               "c) Uforbrugte puljemidler søges overført.",),
    )
    return Document(
        name="o3_svendborg_lange_overskrifter",
        producer="office",
        title="Regnskab 2023 – Bemærkninger til Kultur- og Fritidsudvalget",
        publisher="Svendborg Kommune",
        municipality="Svendborg Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        classes=("long_wrapped_header", "variance_first", "note_letters", "heraf_breakdown", "heraf_i_alt",
                 "percent_column"),
        blocks=[
            Heading("Kultur og fritid 2023"),
            Para("Politikområdet har samlet et merforbrug på 0,9 mio. kr. Merforbruget på biblioteker og "
                 "idræt modsvares delvis af mindreforbrug på musik og folkeoplysning."),
            t1,
        ],
    )


def o3_ringkoebing_landskab() -> Document:
    """LibreOffice, landscape, 7 pt, a wide bevillingsoversigt in whole kroner: Opr. budget, the three kinds
    of change (unread), Korr. budget, Regnskab, Afvigelse, Afvigelse i % (unread), Søgt overført (unread)."""
    committees = [
        ("Økonomi- og Erhvervsudvalget", [
            ("10", "Administration", 298_114_500, 4_210_000, -1_130_000, 2_805_312, 302_118_004),
            ("11", "Erhverv og turisme", 18_402_000, 600_000, 0, 412_009, 19_880_114),
        ]),
        ("Børne- og Familieudvalget", [
            ("20", "Skoler", 512_008_000, 9_120_000, 2_400_000, 6_911_877, 528_402_313),
            ("21", "Dagtilbud", 288_310_500, -3_500_000, 0, 1_004_120, 287_115_092),
            ("22", "Familier med særlige behov", 141_722_000, 12_800_000, -800_000, 0, 157_318_440),
        ]),
        ("Social- og Sundhedsudvalget", [
            ("30", "Ældre", 702_415_000, 6_300_000, 1_200_000, 4_118_200, 709_204_617),
            ("31", "Sundhed og forebyggelse", 95_870_000, -1_200_000, -1_670_000, 988_406, 92_440_815),
        ]),
    ]
    rows: list[Row] = []
    grand = [0] * 7
    for name, items in committees:
        rows.append(Row(name, kind="group"))
        sub = [0] * 7
        for code, label, o, tb, om, ov, r in items:
            k = o + tb + om + ov
            vals = [o, tb, om, ov, k, r, r - k]
            sub = [a + b for a, b in zip(sub, vals, strict=True)]
            carry = max(k - r, 0)
            rows.append(Row(label, (*[dk(v) for v in vals], dk((r - k) / k * 100, 1), dk(carry) if carry else "-"),
                            code=code))
        grand = [a + b for a, b in zip(grand, sub, strict=True)]
        rows.append(Row(f"{name} i alt", (*[dk(v) for v in sub], dk(sub[6] / sub[4] * 100, 1), ""),
                        kind="subtotal"))
    rows.append(Row("Serviceudgifter i alt", (*[dk(v) for v in grand], dk(grand[6] / grand[4] * 100, 1), ""),
                    kind="total"))
    heads = ("Oprindeligt budget 2023", "Tillægs-\nbevillinger", "Omplace-\nringer", "Overført\nfra 2022",
             "Korrigeret budget 2023", "Regnskab 2023", "Afvigelse", "Afv.\ni %", "Søgt overført\ntil 2024")
    t1 = Table(
        caption="Bevillingsoversigt – drift 2023 (kr.)",
        stub=("code", "label"),
        header=((H("Bev."), H("Bevillingsområde")) + tuple(H(h) for h in heads),),
        columns=(
            Col("Oprindeligt budget 2023", "original_budget", 2023, "header", unit="DKK"),
            Col("Tillægsbevillinger", unread="budget_change"),
            Col("Omplaceringer", unread="budget_change"),
            Col("Overført fra 2022", unread="budget_change"),
            Col("Korrigeret budget 2023", "revised_budget", 2023, "header", unit="DKK"),
            Col("Regnskab 2023", "actual", 2023, "header", unit="DKK"),
            Col("Afvigelse", "variance", 2023, "caption", unit="DKK"),
            Col("Afv. i %", unread="percent"),
            Col("Søgt overført til 2024", unread="carry_over"),
        ),
        rows=tuple(rows),
        font_size=7,
        widths=(9, 52, 24, 20, 19, 19, 24, 24, 22, 12, 22),
        grid="horizontal",
        red_negatives=True,
        header_shade="#e2efda",
        notes=("Afvigelse = regnskab minus korrigeret budget; negative tal (rødt) er mindreforbrug.",),
    )
    return Document(
        name="o3_ringkoebing_landskab",
        producer="office",
        title="Regnskab 2023 – Bevillingsoversigt",
        publisher="Ringkøbing-Skjern Kommune",
        municipality="Ringkøbing-Skjern Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        landscape=True,
        accent="#375623",
        classes=("landscape", "small_type", "whole_kroner", "budget_changes", "red_negatives_signed"),
        blocks=[t1],
    )


# --- reportlab ----------------------------------------------------------------------------------------


def r3_haderslev_stablede_enheder() -> Document:
    """Two stacked tables, the unit in the stub cell (1.000 kr., then Mio. kr.); totals printed first; a
    previous year's Regnskab column beside this year's."""
    def rows_for(data: list[tuple], decimals: int, total_label: str) -> tuple[Row, ...]:
        tot = [round(sum(d[i] for d in data), decimals) for i in range(1, 5)]
        out = [Row(total_label, (*[dk(v, decimals) for v in tot], dk(tot[3] - tot[2], decimals)), kind="total")]
        out += [Row(d[0], (*[dk(v, decimals) for v in d[1:5]], dk(round(d[4] - d[3], decimals), decimals)))
                for d in data]
        return tuple(out)

    drift = [
        ("Politisk organisation", 14_205, 14_880, 15_020, 14_612),
        ("Administrativ organisation", 301_447, 308_900, 312_450, 309_118),
        ("Digitalisering og IT", 52_118, 49_300, 54_775, 56_204),
        ("Beredskab", 21_904, 22_430, 22_430, 21_997),
        ("Tværgående puljer", 3_312, 11_500, 6_200, 1_045),
    ]
    anl = [
        ("Ejendomsinvesteringer", 38.4, 61.0, 44.2, 40.9),
        ("Salg af jord og bygninger", -22.9, -15.0, -31.5, -33.8),
        ("Byfornyelse", 6.1, 8.5, 9.2, 5.7),
    ]
    head_top = (H("Regnskab\n2022"), H("Opr. budget\n2023"), H("Korr. budget\n2023"), H("Regnskab\n2023"),
                H("Afvigelse"))

    def cols(unit: str) -> tuple[Col, ...]:
        return (
            Col("Regnskab 2022", "actual", 2022, "header", unit=unit),
            Col("Opr. budget 2023", "original_budget", 2023, "header", unit=unit),
            Col("Korr. budget 2023", "revised_budget", 2023, "header", unit=unit),
            Col("Regnskab 2023", "actual", 2023, "header", unit=unit),
            Col("Afvigelse", "variance", 2023, "title", unit=unit),
        )

    t1 = Table(
        caption="Tabel 3.1 Økonomiudvalgets drift",
        stub=("label",),
        header=((H("1.000 kr."),) + head_top,),
        columns=cols("1000 DKK"),
        rows=rows_for(drift, 0, "Drift i alt"),
        grid="booktabs",
        widths=(62, 22, 22, 22, 22, 20),
    )
    t2 = Table(
        caption="Tabel 3.2 Økonomiudvalgets anlæg",
        stub=("label",),
        header=((H("Mio. kr."),) + head_top,),
        columns=cols("mio DKK"),
        rows=rows_for(anl, 1, "Anlæg i alt"),
        grid="booktabs",
        widths=(62, 22, 22, 22, 22, 20),
        tight=True,
        notes=("Afvigelse = regnskab 2023 minus korrigeret budget 2023. + = merforbrug, - = mindreforbrug. "
               "Salgsindtægter er negative.",),
    )
    return Document(
        name="r3_haderslev_stablede_enheder",
        producer="reportlab",
        title="Regnskab 2023 – Økonomiudvalget",
        publisher="Haderslev Kommune",
        municipality="Haderslev Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        running_footer="Haderslev Kommune · Regnskab 2023 · Bind 2",
        classes=("stacked_unit_change", "unit_in_stub", "totals_first", "previous_year_actual"),
        blocks=[
            Heading("3. Økonomiudvalget"),
            Para("Udvalget har i 2023 et samlet mindreforbrug på driften, primært på tværgående puljer, "
                 "mens digitalisering og IT har et merforbrug på 1,4 mio. kr."),
            t1,
            t2,
        ],
    )


def r3_fredericia_boks_fodnoter() -> Document:
    """reportlab: boxed tables with a title bar; a Note column of letters printed FIRST; footnote markers
    after figures (* and ¹); a capital table in whole kroner with no-break-space thousands."""
    serv = [
        ("a", "Dagtilbud og skoler", 702_418, 711_930, 716_204),
        ("", "Ældre og handicap", 861_205, 874_010, 869_377),
        ("b", "Sundhed og forebyggelse", 66_930, 70_118, 64_802),
        ("", "Kultur og fritid", 58_417, 59_004, 59_911),
        ("c", "Administration", 310_882, 318_406, 322_590),
    ]
    foot = {"Ældre og handicap": "*", "Administration": "¹"}
    rows = []
    for note, label, o, k, r in serv:
        rows.append(Row(label, (note, dk(o), dk(k), dk(r) + foot.get(label, ""), dk(r - k))))
    to, tk, tr = (sum(s[i] for s in serv) for i in (2, 3, 4))
    rows.append(Row("Serviceudgifter i alt", ("", dk(to), dk(tk), dk(tr), dk(tr - tk)), kind="total"))
    t1 = Table(
        caption="Serviceudgifter 2023 (1.000 kr.)",
        stub=("label",),
        header=((H("Område"), H("Note", align="center"), H("Opr. budget"), H("Korr. budget"), H("Regnskab"),
                 H("Afvigelse")),),
        columns=(
            Col("Note", unread="note_reference", align="center"),
            Col("Opr. budget", "original_budget", 2023, "caption"),
            Col("Korr. budget", "revised_budget", 2023, "caption"),
            Col("Regnskab", "actual", 2023, "caption"),
            Col("Afvigelse", "variance", 2023, "caption"),
        ),
        rows=tuple(rows),
        boxed=True,
        grid="horizontal",
        widths=(60, 12, 24, 24, 26, 22),
        notes=(
            "* Inkl. 4,1 mio. kr. til ekstraordinær vikardækning.  ¹ Inkl. engangsudgift til nyt ESDH-system.",
            "a) Demografiregulering. b) Forsinket opstart af sundhedshus. c) Merforbrug på IT-licenser.",
        ),
    )
    proj = [
        ("Ny daginstitution Erritsø", 24_500_000, 21_806_412),
        ("Renovering af Fredericia Idrætscenter", 9_800_000, 10_417_205),
        ("Klimasikring af Gammel Havn", 15_000_000, 6_113_980),
        ("Cykelstier og trafiksikkerhed", 4_250_000, 4_098_766),
    ]
    p_rows = [Row(l, (sp(b, sep=NBSP), sp(f, sep=NBSP), sp(f - b, sep=NBSP))) for l, b, f in proj]
    tb, tf = sum(p[1] for p in proj), sum(p[2] for p in proj)
    p_rows.append(Row("Anlæg i alt", (sp(tb, sep=NBSP), sp(tf, sep=NBSP), sp(tf - tb, sep=NBSP)),
                      kind="total"))
    t2 = Table(
        caption="Anlægsoversigt 2023 (kr.)",
        stub=("label",),
        header=((H("Projekt"), H("Rådighedsbeløb\n2023"), H("Forbrug\n2023"), H("Afvigelse")),),
        columns=(
            Col("Rådighedsbeløb 2023", "appropriation", 2023, "header", unit="DKK"),
            Col("Forbrug 2023", "actual", 2023, "header", unit="DKK"),
            Col("Afvigelse", "variance", 2023, "caption", unit="DKK"),
        ),
        rows=tuple(p_rows),
        boxed=True,
        grid="horizontal",
        widths=(76, 32, 30, 30),
        notes=("Afvigelse = Forbrug − Rådighedsbeløb.",),
    )
    return Document(
        name="r3_fredericia_boks_fodnoter",
        producer="reportlab",
        title="Årsberetning 2023",
        publisher="Fredericia Kommune",
        municipality="Fredericia Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        accent="#1d4f91",
        running_footer="Fredericia Kommune – Årsberetning 2023",
        classes=("boxed_title_bar", "note_letters", "note_column_first", "footnote_markers",
                 "space_thousands", "whole_kroner"),
        blocks=[
            Heading("Serviceudgifter"),
            Para("Serviceudgifterne udgør 2.033 mio. kr. i 2023, hvilket er 3,4 mio. kr. under "
                 "servicerammen."),
            t1,
            Heading("Anlæg"),
            t2,
        ],
    )


def r3_lolland_roedt_uden_fortegn() -> Document:
    """A budget follow-up (BO2 2024): one table's variance in red with no sign (unread: sign_by_colour),
    a second table with red negatives that DO carry a minus (readable); no-break-space thousands; a
    forecast and a forecast variance (unread)."""
    areas = [
        ("Arbejdsmarkedsudvalget", 688_410, 702_115, 711_380),
        ("Social- og Sundhedsudvalget", 1_102_305, 1_118_900, 1_104_222),
        ("Børne- og Uddannelsesudvalget", 845_117, 851_240, 867_915),
        ("Teknik- og Miljøudvalget", 164_880, 170_402, 166_118),
        ("Økonomiudvalget", 342_615, 349_880, 352_041),
    ]

    def red(v: int) -> str:
        return RED_NO_SIGN + sp(abs(v), sep=NBSP) if v < 0 else sp(v, sep=NBSP)

    rows = [Row(l, (sp(o, sep=NBSP), sp(k, sep=NBSP), sp(f, sep=NBSP), red(f - k))) for l, o, k, f in areas]
    to, tk, tf = (sum(a[i] for a in areas) for i in (1, 2, 3))
    rows.append(Row("Drift i alt", (sp(to, sep=NBSP), sp(tk, sep=NBSP), sp(tf, sep=NBSP), red(tf - tk)),
                    kind="total"))
    t1 = Table(
        caption="Forventet regnskab pr. 31. august 2024 – drift (1.000 kr.)",
        stub=("label",),
        header=((H("Udvalg"), H("Opr. budget\n2024"), H("Korr. budget\n2024"), H("Forventet\nregnskab 2024"),
                 H("Forventet\nafvigelse")),),
        columns=(
            Col("Opr. budget 2024", "original_budget", 2024, "header"),
            Col("Korr. budget 2024", "revised_budget", 2024, "header"),
            Col("Forventet regnskab 2024", "forecast", 2024, "header"),
            Col("Forventet afvigelse", unread="sign_by_colour"),
        ),
        rows=tuple(rows),
        grid="horizontal",
        shaded=True,
        widths=(64, 26, 26, 28, 26),
        notes=("Mindreforbrug er markeret med rødt.",),
    )
    anl = [
        ("Nakskov Havn, kajrenovering", 12_400, 9_815),
        ("Byggemodning Maribo Syd", 3_800, 4_410),
        ("Salg af ejendomme", -6_000, -2_150),
        ("Skolesammenlægning, Rødby", 21_000, 17_336),
    ]
    a_rows = [Row(l, (dk(k), dk(a), dk(a - k))) for l, k, a in anl]
    tk2, ta2 = sum(a[1] for a in anl), sum(a[2] for a in anl)
    a_rows.append(Row("Anlæg i alt", (dk(tk2), dk(ta2), dk(ta2 - tk2)), kind="total"))
    t2 = Table(
        caption="Anlæg – forbrug pr. 31. august 2024 (1.000 kr.)",
        stub=("label",),
        header=((H("Projekt"), H("Korr. budget\n2024"), H("Forbrug\npr. 31/8"), H("Restbudget")),),
        columns=(
            Col("Korr. budget 2024", "revised_budget", 2024, "header"),
            Col("Forbrug pr. 31/8", unread="ambiguous"),
            Col("Restbudget", unread="ambiguous"),
        ),
        rows=tuple(a_rows),
        grid="horizontal",
        red_negatives=True,
        widths=(64, 26, 26, 26),
    )
    return Document(
        name="r3_lolland_roedt_uden_fortegn",
        producer="reportlab",
        title="Budgetopfølgning 2 – 2024",
        publisher="Lolland Kommune · Økonomiudvalget",
        municipality="Lolland Kommune",
        report_type="budgetopfoelgning",
        fiscal_year=2024,
        accent="#8b1a1a",
        running_footer="Lolland Kommune – Budgetopfølgning 2, 2024",
        classes=("sign_by_colour", "red_negatives_signed", "space_thousands", "forecast"),
        blocks=[
            Heading("Samlet vurdering"),
            Para("Budgetopfølgningen pr. 31. august 2024 viser et forventet merforbrug på driften på "
                 "9,1 mio. kr. i forhold til det korrigerede budget."),
            t1,
            Heading("Anlæg"),
            t2,
        ],
    )


def r3_thisted_heraf_tokolonner() -> Document:
    """reportlab: one header row with long texts wrapping to different heights, Afvigelse first; a Heraf:
    breakdown; U / I rows; a table with two figure columns (Regnskab 2023 beside Regnskab 2022); a page
    break before the second table."""
    def r(label: str, actual: int, revised: int, **kw) -> Row:
        return Row(label, (dk(actual - revised), dk(actual), dk(revised)), **kw)

    data = [
        ("Forsørgelsesydelser", 412_880, 405_117),
        ("Beskæftigelsesindsats", 48_331, 51_200),
        ("Ungeindsats", 21_905, 21_440),
    ]
    rows = [r(l, a, k) for l, a, k in data]
    rows.insert(1, Row("Heraf:", kind="group", indent=1))
    rows.insert(2, r("Kontanthjælp", 188_402, 181_300, indent=2))
    rows.insert(3, r("Dagpenge til forsikrede ledige", 96_118, 97_550, indent=2))
    rows.insert(4, r("Sygedagpenge", 79_960, 78_040, indent=2))
    ta, tk = sum(d[1] for d in data), sum(d[2] for d in data)
    rows.append(r("Arbejdsmarked i alt", ta, tk, kind="total"))
    heads = ("Afvigelse i forhold til korrigeret budget", "Regnskab 2023",
             "Korrigeret budget 2023 inkl. genbevillinger og tillægsbevillinger givet i løbet af året")
    t1 = Table(
        caption="Arbejdsmarkedsudvalget – drift (1.000 kr.)",
        stub=("label",),
        header=((H("Område"),) + tuple(H(h) for h in heads),),
        columns=(
            Col(heads[0], "variance", 2023, "title"),
            Col(heads[1], "actual", 2023, "header"),
            Col(heads[2], "revised_budget", 2023, "header"),
        ),
        rows=tuple(rows),
        grid="horizontal",
        widths=(70, 24, 22, 48),
        notes=("Afvigelse: + = merforbrug, - = mindreforbrug.",),
    )
    ui = [
        ("Kontanthjælp", "U", 251_203, 238_915),
        ("", "I", -62_801, -59_729),
        ("Sygedagpenge", "U", 133_267, 127_540),
        ("", "I", -53_307, -51_016),
    ]
    u_rows = []
    label = ""
    for lbl, marker, a, b in ui:
        label = lbl or label
        u_rows.append(Row(lbl if lbl else label, (dk(a), dk(b)), ui=marker))
    t2 = Table(
        caption="Udgifter og refusion fordelt på ydelser (1.000 kr.)",
        stub=("label", "ui"),
        header=((H("Ydelse"), H("U/I", align="center"), H("Regnskab 2023"), H("Regnskab 2022")),),
        columns=(Col("Regnskab 2023", "actual", 2023, "header"), Col("Regnskab 2022", "actual", 2022, "header")),
        rows=tuple(u_rows),
        grid="full",
        widths=(70, 12, 28, 28),
        notes=("U = udgifter, I = indtægter (statsrefusion).",),
    )
    return Document(
        name="r3_thisted_heraf_tokolonner",
        producer="reportlab",
        title="Regnskab 2023 – Bemærkninger til Arbejdsmarkedsudvalget",
        publisher="Thisted Kommune",
        municipality="Thisted Kommune",
        report_type="regnskab",
        fiscal_year=2023,
        font="serif",
        running_footer="Thisted Kommune · Regnskab 2023",
        classes=("long_wrapped_header", "variance_first", "heraf_breakdown", "ui_rows", "two_figure_columns"),
        blocks=[
            Heading("Arbejdsmarked"),
            Para("Udvalget har et samlet merforbrug på 5,4 mio. kr., som skyldes flere borgere på "
                 "kontanthjælp end forudsat i budgettet."),
            t1,
            PageBreak(),
            Heading("Ydelser og refusion"),
            t2,
        ],
    )


def documents() -> list[Document]:
    return [
        h3_viborg_lange_overskrifter(),
        h3_randers_ti_kolonner(),
        h3_region_midtjylland_boks(),
        h3_hjoerring_heraf_stablet(),
        o3_faxe_tabulator(),
        o3_kalundborg_to_kolonner(),
        o3_svendborg_lange_overskrifter(),
        o3_ringkoebing_landskab(),
        r3_haderslev_stablede_enheder(),
        r3_fredericia_boks_fodnoter(),
        r3_lolland_roedt_uden_fortegn(),
        r3_thisted_heraf_tokolonner(),
    ]
