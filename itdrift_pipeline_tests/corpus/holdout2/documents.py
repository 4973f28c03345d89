"""The twelve holdout2 documents: invented figures, real Danish wording, layouts chosen blind to the reader.

Every figure column carries its meaning (Col). Columns that are not a budget phase (Restbudget,
Tillægsbevillinger, a forecast variance, a percentage) are `unread`. A lone dash ("–") is a printed zero
that the truth, like an empty cell, counts as no value.
"""

from __future__ import annotations

from decimal import Decimal as D

from ..printed.model import Col, Document, H, Heading, PageBreak, Para, Row, Table, dk

T = "\u2013"  # en dash
# Headers printed hyphenated over two lines (the column's header in the truth is the word unbroken).
PRINTED = {"Tillægsbevillinger": "Tillægs-\nbevillinger", "Anlægsbevilling": "Anlægs-\nbevilling"}


def fmt(value, decimals: int = 0, neg: str = "minus", zero: str | None = None) -> str:
    """A printed figure; neg 'trailing' prints '1.234-'; zero (e.g. '–') replaces a printed 0."""
    if value is None:
        return ""
    value = D(str(value))
    if zero is not None and value == 0:
        return zero
    if neg == "trailing":
        return dk(abs(value), decimals) + ("-" if value < 0 else "")
    return dk(value, decimals, neg)


def col_sums(rows: list[list], n: int) -> list:
    return [sum((D(str(r[i])) for r in rows if r[i] is not None), D(0)) for i in range(n)]


# --- 1. Odense: budget follow-up, unit line above, totals first, shaded totals, stacked tables -------------


def odense() -> Document:
    cols = (
        Col("Oprindeligt budget 2024", "original_budget", 2024, "header", unit="mio DKK"),
        Col("Korrigeret budget pr. 31. oktober", "revised_budget", 2024, "heading", unit="mio DKK"),
        Col("Forventet regnskab", "forecast", 2024, "heading", unit="mio DKK"),
        Col("Forventet mer-/mindreforbrug", unread="forecast_variance"),
    )
    header = ((H("Udvalg"), *(H(c.header) for c in cols)),)

    def rows(data: list[tuple[str, str, str, str]], total_label: str, first: bool) -> tuple[Row, ...]:
        nums = [[D(o), D(k), D(f)] for _, o, k, f in data]
        body = []
        for (label, *_), (o, k, f) in zip(data, nums, strict=True):
            body.append(Row(label, (fmt(o, 1, zero=T), fmt(k, 1), fmt(f, 1), fmt(f - k, 1, zero=T))))
        o, k, f = col_sums(nums, 3)
        total = Row(total_label, (fmt(o, 1), fmt(k, 1), fmt(f, 1), fmt(f - k, 1, zero=T)), kind="total")
        return (total, *body) if first else (*body, total)

    service = [
        ("Økonomiudvalget", "412.6", "438.9", "431.2"),
        ("Børn- og Ungeudvalget", "2318.4", "2351.7", "2369.0"),
        ("Ældre- og Handicapudvalget", "2706.1", "2744.3", "2761.8"),
        ("By- og Kulturudvalget", "884.2", "912.5", "912.5"),
        ("Beskæftigelses- og Socialudvalget", "1127.9", "1150.4", "1139.6"),
    ]
    transfers = [
        ("Forsørgelsesydelser til ledige", "968.3", "942.0", "955.7"),
        ("Førtidspension og seniorpension", "1203.5", "1219.8", "1214.1"),
        ("Boligstøtte", "246.0", "246.0", "241.3"),
        ("Ressourceforløb og jobafklaring", "0", "88.4", "93.0"),
        ("Integrationsydelse", "57.2", "51.9", "49.4"),
    ]
    t1 = Table(
        caption="Tabel 1. Forventet regnskab for serviceudgifter fordelt på udvalg",
        stub=("label",),
        header=header,
        columns=cols,
        rows=rows(service, "Samlet", True),
        notes=("Fortegn: + = merforbrug, - = mindreforbrug.",),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        unit_line="Beløb i mio. kr.",
        widths=(62, 27, 30, 27, 30),
    )
    t2 = Table(
        caption="Tabel 2. Forventet regnskab for overførselsudgifter",
        stub=("label",),
        header=((H("Område"), *(H(c.header) for c in cols)),),
        columns=cols,
        rows=rows(transfers, "Overførselsudgifter i alt", False),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        unit_line="Beløb i mio. kr.",
        widths=(62, 27, 30, 27, 30),
        tight=True,
    )
    return Document(
        name="odense_budgetopfoelgning_2024_html",
        producer="html",
        title="Budgetopfølgning 3 pr. 31. oktober 2024",
        publisher="ODENSE KOMMUNE · Borgmesterforvaltningen, Økonomi",
        municipality="Odense Kommune",
        report_type="budgetopfoelgning",
        fiscal_year=2024,
        classes=("unit_line_above", "totals_first", "shaded_total", "stacked_tables", "dash_zero",
                 "forecast", "forecast_variance", "year_in_heading"),
        blocks=[
            Para(
                "Budgetopfølgningen bygger på forbruget til og med oktober og forvaltningernes skøn for "
                "resten af året. Samlet forventes et merforbrug på serviceudgifterne, som primært skyldes "
                "flere ældre borgere med behov for pleje og et højere aktivitetsniveau på det specialiserede "
                "børneområde. Der er fortsat usikkerhed om årets sidste to måneder."
            ),
            Heading("1. Serviceudgifter og overførselsudgifter 2024"),
            t1,
            t2,
            Para(
                "Forventningen til overførselsudgifterne er nedjusteret siden 2. budgetopfølgning, idet "
                "ledigheden er faldet mere end forudsat i budgettet.",
                small=True,
            ),
        ],
    )


# --- 2. Kolding: year row over phase row, unit only in a note, top-aligned wraps ---------------------------


def kolding() -> Document:
    cols = (
        Col("2023 Regnskab", "actual", 2023, "header"),
        Col("2024 Regnskab", "actual", 2024, "header"),
        Col("2024 Opr. budget", "original_budget", 2024, "header"),
        Col("2024 Korr. budget", "revised_budget", 2024, "header"),
        Col("2024 Afvigelse", "variance", 2024, "header"),
    )
    data = [
        ("Myndighed og visitation", 48211, 50377, 49802, 51036),
        ("Hjemmepleje og sygepleje i eget hjem", 312406, 328915, 321480, 326112),
        ("Plejeboliger og midlertidige pladser", 401877, 415230, 409515, 418904),
        ("Sundhedsfremme, forebyggelse og genoptræning", 96340, 101128, 98870, 99416),
        ("Socialpsykiatri og udsatte voksne", 187552, 198604, 190233, 195871),
        ("Handicap, bostøtte og botilbud", 268019, 279455, 276110, 281302),
    ]
    body = [Row(lab, (fmt(a), fmt(b), fmt(o), fmt(k), fmt(b - k))) for lab, a, b, o, k in data]
    s = col_sums([list(r[1:]) for r in data], 4)
    total = Row("Social- og Sundhedsudvalget i alt",
                (fmt(s[0]), fmt(s[1]), fmt(s[2]), fmt(s[3]), fmt(s[1] - s[3])), kind="total")
    t1 = Table(
        caption="Tabel 3. Regnskabsresultat for Social- og Sundhedsudvalget",
        stub=("label",),
        header=(
            (H("Politikområde", rows=2), H("2023"), H("2024", span=4)),
            tuple(H(h) for h in ("Regnskab", "Regnskab", "Opr. budget", "Korr. budget", "Afvigelse")),
        ),
        columns=cols,
        rows=(*body, total),
        notes=("Note: Alle beløb er i 1.000 kr. og løbende priser. Afvigelse = regnskab minus korrigeret "
               "budget (+ = merforbrug, - = mindreforbrug).",),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        valign="top",
        widths=(40, 24, 24, 24, 24, 24),
    )
    cols2 = (
        Col("Regnskab 2024 Udgifter", "actual", 2024, "header", flow="expenditure"),
        Col("Regnskab 2024 Indtægter", "actual", 2024, "header", flow="income"),
        Col("Regnskab 2024 Netto", "actual", 2024, "header", flow="net"),
    )
    data2 = [
        ("Ældreområdet", 812930, -18408),
        ("Sundhed og forebyggelse", 104776, -3648),
        ("Det specialiserede voksenområde", 541208, -63149),
    ]
    body2 = [Row(lab, (fmt(u), fmt(i, neg="endash"), fmt(u + i, neg="endash"))) for lab, u, i in data2]
    su = sum(u for _, u, _ in data2)
    si = sum(i for _, _, i in data2)
    t2 = Table(
        caption="Tabel 4. Udgifter og indtægter",
        stub=("label",),
        header=(
            (H(""), H("Regnskab 2024", span=3)),
            (H("1.000 kr."), H("Udgifter"), H("Indtægter"), H("Netto")),
        ),
        columns=cols2,
        rows=(*body2, Row("I alt", (fmt(su), fmt(si, neg="endash"), fmt(su + si)), kind="total")),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        widths=(64, 28, 28, 28),
    )
    return Document(
        name="kolding_regnskab_2024_html",
        producer="html",
        title="Regnskab 2024 – bemærkninger for Social- og Sundhedsudvalget",
        publisher="Kolding Kommune",
        municipality="Kolding Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        font="serif",
        accent="#7a1f2b",
        classes=("year_header_row", "unit_in_note", "wrapped_label_top", "shaded_total", "flows",
                 "endash_negative"),
        blocks=[
            Heading("Udvalgets samlede regnskab"),
            Para(
                "Social- og Sundhedsudvalget har i 2024 et samlet merforbrug i forhold til det korrigerede "
                "budget. Merforbruget skyldes især flere visiterede timer i hjemmeplejen og en højere "
                "belægning i de midlertidige pladser end forudsat. Området for udsatte voksne har haft et "
                "mindreforbrug, der søges overført til 2025."
            ),
            t1,
            Heading("Udgifter og indtægter", 2),
            Para("Udvalgets indtægter består primært af statsrefusion og betaling fra andre kommuner."),
            t2,
        ],
    )


# --- 3. Randers: finished capital projects, kr., bottom-aligned wraps, project numbers -------------------


def randers() -> Document:
    cols = (
        Col("Bevilling", "appropriation", 2024, "caption", unit="DKK"),
        Col("Regnskab", "actual", 2024, "caption", unit="DKK"),
        Col("Afvigelse", "variance", 2024, "caption", unit="DKK"),
        Col("Afvigelse i %", unread="percent"),
    )
    data = [
        ("223041", "Renovering af tag og facader på Søndermarkskolen", 8_450_000, 8_612_418),
        ("223057", "Udvidelse af daginstitutionen Troldehøjen med to grupperum", 5_200_000, 4_987_306),
        ("224012", "Cykelsti langs Viborgvej, etape 2", 12_750_000, 12_749_870),
        ("224019", "Trafiksikring ved skoler", 1_800_000, 1_652_940),
        ("225003", "Energirenovering af kommunale bygninger (pulje 2024)", 6_000_000, 6_318_512),
        ("225011", "Byfornyelse, midtbyens pladser og byrum", 3_400_000, 3_401_215),
        ("226020", "Byggemodning af Bjellerup Park, salg af grunde", -4_500_000, -5_126_000),
    ]
    body = []
    for code, lab, b, r in data:
        pct = (D(r - b) / D(abs(b)) * 100).quantize(D("0.1"))
        body.append(Row(lab, (fmt(b), fmt(r), fmt(r - b), fmt(pct, 1)), code=code))
    sb = sum(b for *_, b, _ in data)
    sr = sum(r for *_, r in data)
    pct = (D(sr - sb) / D(sb) * 100).quantize(D("0.1"))
    total = Row("Afsluttede projekter i alt", (fmt(sb), fmt(sr), fmt(sr - sb), fmt(pct, 1)), kind="total")
    t = Table(
        caption="Tabel 5. Anlægsregnskaber for afsluttede projekter 2024 (kr.)",
        stub=("code", "label"),
        header=((H("Stednr."), H("Projekt"), *(H(c.header) for c in cols)),),
        columns=cols,
        rows=(*body, total),
        notes=("Afvigelse = regnskab minus bevilling. Negative tal er mindreforbrug eller merindtægt.",),
        grid="horizontal",
        valign="bottom",
        widths=(16, 46, 27, 27, 25, 19),
        font_size=8,
    )
    return Document(
        name="randers_anlaeg_2024_html",
        producer="html",
        title="Anlægsregnskaber 2024",
        publisher="Randers Kommune · Økonomi og Analyse",
        municipality="Randers Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        accent="#2e6b30",
        classes=("hele_kr", "wrapped_label_bottom", "appropriation", "percent_column", "project_numbers",
                 "year_in_caption"),
        blocks=[
            Para(
                "Anlægsregnskaber for projekter med en bruttoudgift eller -indtægt over 2 mio. kr. skal "
                "aflægges særskilt til byrådet, når projektet er afsluttet. Nedenfor er de projekter, der "
                "er afsluttet i løbet af 2024. Regnskaberne omfatter hele projektperioden."
            ),
            Heading("Afsluttede anlægsprojekter"),
            t,
            Para(
                "Merforbruget på energirenoveringen skyldes prisstigninger på isoleringsmaterialer. "
                "Salget af grunde i Bjellerup Park har givet en merindtægt på 626.000 kr.",
                small=True,
            ),
        ],
    )


# --- 4. Roskilde: a report book with a running header, ALL CAPS headers, tables on pages 2-3 --------------


def roskilde() -> Document:
    cols = (
        Col("REGNSKAB 2023", "actual", 2023, "header"),
        Col("OPRINDELIGT BUDGET 2024", "original_budget", 2024, "header"),
        Col("KORRIGERET BUDGET 2024", "revised_budget", 2024, "header"),
        Col("REGNSKAB 2024", "actual", 2024, "header"),
        Col("AFVIGELSE", "variance", 2024, "title"),
    )

    def table(caption: str, data: list, total_label: str, neg: str = "paren") -> Table:
        body = [Row(lab, (fmt(a, neg=neg), fmt(o, neg=neg), fmt(k, neg=neg), fmt(r, neg=neg),
                          fmt(r - k, neg=neg, zero=T))) for lab, a, o, k, r in data]
        s = col_sums([list(d[1:]) for d in data], 4)
        total = Row(total_label, (*(fmt(x, neg=neg) for x in s), fmt(s[3] - s[2], neg=neg, zero=T)),
                    kind="total")
        return Table(
            caption=caption,
            stub=("label",),
            header=((H("I 1.000 KR."), *(H(c.header) for c in cols)),),
            columns=cols,
            rows=(*body, total),
            grid="booktabs",
            header_shade="#e7e6e6",
            widths=(52, 24, 26, 26, 24, 24),
        )

    drift = [
        ("Vejvedligeholdelse og vintertjeneste", 61204, 58900, 62415, 64877),
        ("Parker, grønne områder og naturpleje", 38716, 40150, 40150, 39022),
        ("Kollektiv trafik", 74530, 77800, 79310, 79310),
        ("Miljø og klima", 12083, 13400, 14850, 13279),
        ("Byggesagsbehandling", 9412, 8600, 8600, 10044),
        ("Affald og genbrug (brugerfinansieret)", -2318, 0, 0, -3516),
    ]
    anlaeg = [
        ("Renovering af broer og bygværker", 14330, 9000, 16840, 15102),
        ("Klimatilpasning, Roskilde Fjord", 6218, 12500, 21760, 8413),
        ("Nye cykelstier", 18905, 15000, 22300, 22300),
        ("Salg af erhvervsjord", -8100, -10000, -10000, -13650),
    ]
    return Document(
        name="roskilde_aarsregnskab_2024_html",
        producer="html",
        title="Årsregnskab 2024, afsnit 4: Teknik og Miljø",
        publisher="Roskilde Kommune",
        municipality="Roskilde Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        accent="#3b3b3b",
        running_header="Årsregnskab 2024 · Teknik og Miljø",
        classes=("running_header", "all_caps_header", "multi_page", "paren_negative", "dash_zero",
                 "year_in_title"),
        blocks=[
            Heading("4. Teknik og Miljø"),
            Para(
                "Udvalget for Teknik og Miljø har ansvaret for veje, parker, kollektiv trafik, miljø og "
                "klima samt byggesagsbehandling. Afsnittet beskriver udvalgets økonomiske resultat for 2024 "
                "for drift og anlæg og de væsentligste afvigelser i forhold til det korrigerede budget."
            ),
            Para(
                "Vinteren 2023/24 var længere og koldere end normalt, og udgifterne til vintertjeneste blev "
                "derfor højere end budgetteret. Til gengæld er en række anlægsprojekter forsinket, primært "
                "klimatilpasningsprojektet ved Roskilde Fjord, hvor myndighedsbehandlingen har taget længere "
                "tid end forventet. Uforbrugte midler søges overført til 2025."
            ),
            Para(
                "Alle beløb er i 1.000 kr. Positive tal er udgifter og negative tal, vist i parentes, er "
                "indtægter. En positiv afvigelse er et merforbrug."
            ),
            Heading("4.1 Hovedtal", 2),
            Para(
                "Udvalgets nettodriftsudgifter udgjorde 203,0 mio. kr. i 2024, og nettoanlægsudgifterne "
                "32,2 mio. kr. Tabellerne på de følgende sider viser regnskabet fordelt på områder."
            ),
            PageBreak(),
            Heading("4.2 Drift"),
            Para("Driftsregnskabet for udvalgets områder fremgår af tabel 4.1."),
            table("Tabel 4.1 Driftsregnskab", drift, "Drift i alt"),
            Para(
                "Merforbruget på vejvedligeholdelse skyldes vintertjenesten. Byggesagsbehandlingen har haft "
                "færre gebyrindtægter end budgetteret.",
                small=True,
            ),
            PageBreak(),
            Heading("4.3 Anlæg"),
            Para("Anlægsregnskabet fremgår af tabel 4.2. Projekter over 2 mio. kr. er vist særskilt."),
            table("Tabel 4.2 Anlægsregnskab", anlaeg, "Anlæg i alt"),
            Para("Der søges overført 18,7 mio. kr. til 2025, heraf 13,3 mio. kr. til klimatilpasning.",
                 small=True),
        ],
    )


# --- 5. Vejle: a Word-like table with vertical rules only; ALL CAPS flow headers ---------------------------


def vejle() -> Document:
    cols = (
        Col("Regnskab 2023", "actual", 2023, "header"),
        Col("Opr. budget 2024", "original_budget", 2024, "header"),
        Col("Korr. budget 2024", "revised_budget", 2024, "header"),
        Col("Regnskab 2024", "actual", 2024, "header"),
        Col("Afvigelse", "variance", 2024, "caption"),
    )
    data = [
        ("Dagtilbud", 612_845, 631_200, 640_118, 636_902),
        ("Folkeskoler", 1_104_377, 1_128_500, 1_141_260, 1_152_733),
        ("Specialundervisning", 286_410, 271_000, 289_450, 301_118),
        ("Ungdomsuddannelse og 10. klasse", 48_915, 50_300, 50_300, 49_087),
        ("Tidlig indsats og familiestøtte", None, 24_000, 24_000, 19_644),
    ]
    body = [Row(lab, (fmt(a, zero=T) if a is not None else T, fmt(o), fmt(k), fmt(r), fmt(r - k)))
            for lab, a, o, k, r in data]
    s = col_sums([list(d[1:]) for d in data], 4)
    total = Row("I alt", (fmt(s[0]), fmt(s[1]), fmt(s[2]), fmt(s[3]), fmt(s[3] - s[2])), kind="total")
    t1 = Table(
        caption="Tabel 2. Regnskabsresultat 2024 for Børne- og Uddannelsesudvalget (1.000 kr.)",
        stub=("label",),
        header=((H("Politikområde"), *(H(c.header) for c in cols)),),
        columns=cols,
        rows=(*body, total),
        notes=("Afvigelse: + = merforbrug, - = mindreforbrug i forhold til korrigeret budget.",),
        grid="vertical",
        header_shade="#d9d9d9",
        widths=(50, 24, 24, 24, 24, 22),
    )
    cols2 = (
        Col("UDGIFTER", "actual", 2024, "caption", flow="expenditure"),
        Col("INDTÆGTER", "actual", 2024, "caption", flow="income"),
        Col("NETTO", "actual", 2024, "caption", flow="net"),
    )
    data2 = [
        ("Dagtilbud", 798_412, -161_510),
        ("Folkeskoler", 1_210_955, -58_222),
        ("Specialundervisning", 334_809, -33_691),
        ("Ungdomsuddannelse og 10. klasse", 52_116, -3_029),
        ("Tidlig indsats og familiestøtte", 21_380, -1_736),
    ]
    body2 = [Row(lab, (fmt(u), fmt(i), fmt(u + i))) for lab, u, i in data2]
    su, si = sum(d[1] for d in data2), sum(d[2] for d in data2)
    t2 = Table(
        caption="Tabel 3. Regnskab 2024 fordelt på udgifter og indtægter (1.000 kr.)",
        stub=("label",),
        header=((H("POLITIKOMRÅDE"), *(H(c.header) for c in cols2)),),
        columns=cols2,
        rows=(*body2, Row("I ALT", (fmt(su), fmt(si), fmt(su + si)), kind="total")),
        grid="vertical",
        header_shade="#d9d9d9",
        widths=(60, 28, 28, 28),
    )
    return Document(
        name="vejle_regnskab_2024_office",
        producer="office",
        title="Regnskab 2024 – Børne- og Uddannelsesudvalget",
        publisher="Vejle Kommune",
        municipality="Vejle Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        accent="#00558c",
        classes=("vertical_rules", "all_caps_header", "dash_zero", "flows", "year_in_caption"),
        blocks=[
            Heading("Økonomisk resultat"),
            Para(
                "Børne- og Uddannelsesudvalget kom ud af 2024 med et samlet merforbrug i forhold til det "
                "korrigerede budget. Merforbruget er koncentreret på specialundervisningen, hvor antallet af "
                "elever i specialtilbud er steget. Tidlig indsats og familiestøtte er et nyt politikområde "
                "fra 2024 og har derfor ikke regnskab for 2023."
            ),
            t1,
            Para("Tabel 3 viser regnskabet for 2024 opdelt på udgifter og indtægter."),
            t2,
        ],
    )


# --- 6. Holbæk: budget follow-up with Tillægsbevillinger; drift and anlæg stacked -------------------------


def holbaek() -> Document:
    def cols(caption_year: int) -> tuple[Col, ...]:
        return (
            Col("Vedtaget budget", "original_budget", caption_year, "caption"),
            Col("Tillægsbevillinger", unread="budget_change"),
            Col("Korrigeret budget pr. 31. oktober", "revised_budget", caption_year, "caption"),
            Col("Forventet regnskab", "forecast", caption_year, "caption"),
            Col("Forventet mer-/mindreforbrug", unread="forecast_variance"),
        )

    def table(caption: str, data: list, total_label: str, tight: bool, first_head: str) -> Table:
        c = cols(2025)
        body = []
        for lab, v, t, f in data:
            k = v + t
            body.append(Row(lab, (fmt(v, zero=T), fmt(t, zero=T), fmt(k), fmt(f), fmt(f - k, zero=T))))
        sv = sum(d[1] for d in data)
        st = sum(d[2] for d in data)
        sf = sum(d[3] for d in data)
        total = Row(total_label, (fmt(sv), fmt(st, zero=T), fmt(sv + st), fmt(sf), fmt(sf - sv - st, zero=T)),
                    kind="total")
        return Table(
            caption=caption,
            stub=("label",),
            header=((H(first_head), *(H(PRINTED.get(x.header, x.header)) for x in c)),),
            columns=c,
            rows=(*body, total),
            grid="horizontal",
            shaded=True,
            tight=tight,
            widths=(50, 23, 23, 27, 23, 31),
        )

    drift = [
        ("Administration og digitalisering", 284_150, 6_420, 287_905),
        ("Ejendomme og bygningsdrift", 96_300, -2_100, 95_004),
        ("Natur, veje og trafik", 118_720, 3_850, 124_913),
        ("Kultur og fritid", 71_480, 0, 70_266),
        ("Beredskab", 22_900, 1_200, 24_100),
    ]
    anlaeg = [
        ("Ny svømmehal i Tølløse", 42_000, -18_500, 21_375),
        ("Vedligehold af kommunale veje", 15_500, 4_730, 20_230),
        ("Byudvikling, Holbæk Havn", 9_800, 2_200, 9_614),
        ("Salg af byggegrunde", -6_000, 0, -8_445),
    ]
    return Document(
        name="holbaek_budgetopfoelgning_2025_office",
        producer="office",
        title="Budgetopfølgning pr. 31. oktober 2025",
        publisher="Holbæk Kommune · Økonomiudvalget",
        municipality="Holbæk Kommune",
        report_type="budgetopfoelgning",
        fiscal_year=2025,
        accent="#005f60",
        classes=("forecast", "forecast_variance", "budget_change_column", "stacked_tables",
                 "year_in_caption", "dash_zero"),
        blocks=[
            Para(
                "Økonomiudvalget forventer samlet set et merforbrug på driften, der primært skyldes "
                "ekstraordinære udgifter til vintertjeneste og beredskab. På anlæg forventes et "
                "mindreforbrug, fordi byggeriet af den nye svømmehal er udskudt."
            ),
            Heading("Forventet regnskab for Økonomiudvalget"),
            table("Tabel 1. Drift 2025 (1.000 kr.)", drift, "Drift i alt", False, "Drift"),
            table("Tabel 2. Anlæg 2025 (1.000 kr.)", anlaeg, "Anlæg i alt", True, "Anlæg"),
            Para("+ = merforbrug / - = mindreforbrug. Tillægsbevillinger omfatter overførsler fra 2024.",
                 small=True),
        ],
    )


# --- 7. Haderslev: capital projects, totals first, trailing minus, Restbudget ------------------------------


def haderslev() -> Document:
    cols = (
        Col("Anlægsbevilling", "appropriation", 2024, "caption", unit="DKK"),
        Col("Rådighedsbeløb 2024", "appropriation", 2024, "header", unit="DKK"),
        Col("Forbrug 2024", "actual", 2024, "header", unit="DKK"),
        Col("Restbudget", unread="not_a_phase"),
    )
    groups = [
        ("Skoler og dagtilbud", [
            ("Ny børnehave i Vojens", 24_500_000, 11_200_000, 9_874_312),
            ("Ombygning af Fællesskolen Hoptrup", 8_000_000, 8_000_000, 7_412_905),
            ("Legepladser, pulje", 1_500_000, 1_500_000, 1_502_118),
        ]),
        ("Veje og trafik", [
            ("Omfartsvej Gram, etape 1", 38_000_000, 14_600_000, 15_930_441),
            ("Fortove og belysning", 3_200_000, 3_200_000, 2_066_750),
        ]),
        ("Jordforsyning", [
            ("Salg af boliggrunde, Starup", -9_000_000, -4_000_000, -5_675_000),
            ("Byggemodning, Erhvervspark Syd", 6_400_000, 2_500_000, 311_286),
        ]),
    ]
    rows = []
    allv = []
    for group, items in groups:
        rows.append(Row(group, kind="group"))
        for lab, a, r, f in items:
            allv.append((a, r, f))
            rows.append(Row(lab, (fmt(a, neg="trailing"), fmt(r, neg="trailing"), fmt(f, neg="trailing"),
                                  fmt(r - f, neg="trailing", zero=T)), indent=1))
    sa, sr, sf = (sum(v[i] for v in allv) for i in range(3))
    total = Row("Samlet", (fmt(sa, neg="trailing"), fmt(sr, neg="trailing"), fmt(sf, neg="trailing"),
                           fmt(sr - sf, neg="trailing")), kind="total")
    t = Table(
        caption="Anlægsoversigt 2024 – Plan- og Miljøudvalget og Børne- og Familieudvalget, beløb i kr.",
        stub=("label",),
        header=((H("Projekt"), *(H(PRINTED.get(c.header, c.header)) for c in cols)),),
        columns=cols,
        rows=(total, *rows),
        notes=("Restbudget = rådighedsbeløb minus forbrug. Indtægter er vist med minus efter beløbet.",),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        widths=(62, 29, 29, 29, 27),
    )
    return Document(
        name="haderslev_anlaeg_2024_office",
        producer="office",
        title="Regnskab 2024 – anlægsoversigt",
        publisher="Haderslev Kommune",
        municipality="Haderslev Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        accent="#1d3f6e",
        classes=("totals_first", "trailing_minus", "hele_kr", "appropriation", "remaining_budget",
                 "row_groups", "shaded_total"),
        blocks=[
            Para(
                "Oversigten viser de igangværende anlægsprojekter med anlægsbevilling, årets rådighedsbeløb "
                "og forbruget i 2024. Restbudgettet søges som udgangspunkt overført til 2025."
            ),
            t,
        ],
    )


# --- 8. Faxe: unit line above the table, bottom-aligned wraps, dashes, percentages --------------------------


def faxe() -> Document:
    cols = (
        Col("Regnskab 2024", "actual", 2024, "header", unit="mio DKK"),
        Col("Opr. budget 2024", "original_budget", 2024, "header", unit="mio DKK"),
        Col("Korr. budget 2024", "revised_budget", 2024, "header", unit="mio DKK"),
        Col("Over-/ underskud", "variance", 2024, "heading", unit="mio DKK"),
        Col("Afvigelse i %", unread="percent"),
    )
    data = [
        ("Økonomiudvalget, administration og politisk organisation", "318.4", "322.0", "331.9"),
        ("Udvalget for Børn, Familie og Uddannelse", "702.6", "688.5", "697.0"),
        ("Udvalget for Social, Sundhed og Ældre", "884.9", "871.2", "879.4"),
        ("Udvalget for Teknik og Miljø", "96.3", "95.0", "96.3"),
        ("Udvalget for Kultur og Fritid", "54.7", "55.1", "57.8"),
        ("Beskæftigelsesudvalget", "402.0", "411.6", "404.5"),
    ]
    body = []
    nums = []
    for lab, r, o, k in data:
        r, o, k = D(r), D(o), D(k)
        nums.append([r, o, k])
        pct = ((r - k) / k * 100).quantize(D("0.1"))
        body.append(Row(lab, (fmt(r, 1), fmt(o, 1), fmt(k, 1), fmt(r - k, 1, zero=T),
                              fmt(pct, 1, zero=T) if r != k else T)))
    sr, so, sk = col_sums(nums, 3)
    pct = ((sr - sk) / sk * 100).quantize(D("0.1"))
    total = Row("Serviceudgifter i alt", (fmt(sr, 1), fmt(so, 1), fmt(sk, 1), fmt(sr - sk, 1), fmt(pct, 1)),
                kind="total")
    t = Table(
        caption="Tabel 1. Udvalgenes driftsresultat",
        stub=("label",),
        header=((H("Udvalg"), *(H(c.header.replace(" 2024", "\n2024").replace("/ ", "/\n")) for c in cols)),),
        columns=cols,
        rows=(*body, total),
        notes=("Over-/underskud: + = underskud (merforbrug), - = overskud (mindreforbrug).",),
        grid="horizontal",
        valign="bottom",
        total_shade=True,
        double_rule_total=False,
        unit_line="Beløb i mio. kr.",
        widths=(48, 24, 24, 24, 22, 20),
    )
    return Document(
        name="faxe_regnskab_2024_office",
        producer="office",
        title="Årsberetning 2024",
        publisher="Faxe Kommune",
        municipality="Faxe Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        font="serif",
        accent="#5b3a7a",
        classes=("unit_line_above", "wrapped_label_bottom", "dash_zero", "percent_column", "shaded_total",
                 "year_in_heading"),
        blocks=[
            Heading("Driftsresultat 2024"),
            Para(
                "Kommunens serviceudgifter endte i 2024 tæt på det korrigerede budget. Den største "
                "afvigelse findes på Økonomiudvalgets område, hvor puljer til digitalisering ikke blev "
                "anvendt fuldt ud. Udvalget for Børn, Familie og Uddannelse har et merforbrug."
            ),
            t,
        ],
    )


# --- 9. Ringsted: a budget book, running header, tables on pages 2-3, U/I rows ----------------------------


def ringsted() -> Document:
    cols = (
        Col("Regnskab 2024", "actual", 2024, "header"),
        Col("Budget 2025", "budget", 2025, "header"),
        Col("Budget 2026", "budget", 2026, "header"),
        Col("Overslag 2027", "budget_estimate", 2027, "header"),
        Col("Overslag 2028", "budget_estimate", 2028, "header"),
        Col("Overslag 2029", "budget_estimate", 2029, "header"),
    )
    data = [
        ("Politisk organisation", 14_208, 14_950, 15_320, 15_320, 15_320, 15_820),
        ("Administration og borgerservice", 198_734, 204_110, 209_875, 207_402, 206_118, 206_118),
        ("IT og digitalisering", 41_906, 43_500, 46_210, 45_010, 44_260, 44_260),
        ("Ejendomme", 62_417, 59_800, 61_455, 61_455, 60_930, 60_930),
        ("Beredskab", 11_385, 11_900, 12_240, 12_240, 12_240, 12_240),
        ("Tværgående puljer", 0, 8_000, 12_500, 6_000, 6_000, 6_000),
    ]
    body = [Row(lab, tuple(fmt(v, zero=T) for v in vals)) for lab, *vals in data]
    s = col_sums([list(d[1:]) for d in data], 6)
    t1 = Table(
        caption="Tabel 1. Økonomiudvalgets driftsbevillinger (1.000 kr., 2026-priser)",
        stub=("label",),
        header=((H("Bevillingsområde"), *(H(c.header) for c in cols)),),
        columns=cols,
        rows=(*body, Row("Økonomiudvalget i alt", tuple(fmt(v) for v in s), kind="total")),
        grid="horizontal",
        widths=(50, 21, 21, 21, 21, 21, 21),
        font_size=8,
    )
    cols2 = (
        Col("Budget 2026", "budget", 2026, "header"),
        Col("Overslag 2027", "budget_estimate", 2027, "header"),
        Col("Overslag 2028", "budget_estimate", 2028, "header"),
        Col("Overslag 2029", "budget_estimate", 2029, "header"),
    )
    ui = [
        ("Administration og borgerservice", (231_640, 229_150, 227_850, 227_850),
         (-21_765, -21_748, -21_732, -21_732)),
        ("Ejendomme", (78_310, 78_310, 77_790, 77_790), (-16_855, -16_855, -16_860, -16_860)),
        ("Beredskab", (13_860, 13_860, 13_860, 13_860), (-1_620, -1_620, -1_620, -1_620)),
    ]
    rows2 = []
    for lab, u, i in ui:
        rows2.append(Row(lab, tuple(fmt(v) for v in u), ui="U"))
        rows2.append(Row(lab, tuple(fmt(v) for v in i), ui="I"))
    t2 = Table(
        caption="Tabel 2. Udgifter og indtægter for udvalgte bevillingsområder (1.000 kr., 2026-priser)",
        stub=("label", "ui"),
        header=((H("Bevillingsområde"), H("U/I", align="center"), *(H(c.header) for c in cols2)),),
        columns=cols2,
        rows=tuple(rows2),
        notes=("U = udgifter, I = indtægter. Indtægter er vist med negativt fortegn.",),
        grid="horizontal",
        zebra=True,
        widths=(62, 12, 24, 24, 24, 24),
        font_size=8,
    )
    return Document(
        name="ringsted_budget_2026_reportlab",
        producer="reportlab",
        title="Budget 2026–2029, bind 2: Økonomiudvalget",
        publisher="Ringsted Kommune",
        municipality="Ringsted Kommune",
        report_type="budget",
        fiscal_year=2026,
        accent="#8a3b12",
        running_header="Budget 2026 · Økonomiudvalget",
        running_footer="Ringsted Kommune · Budget 2026–2029",
        classes=("running_header", "multi_page", "budget_estimate", "ui_rows", "dash_zero", "zebra"),
        blocks=[
            Heading("Indledning"),
            Para(
                "Økonomiudvalget har ansvaret for kommunens samlede økonomi, administration, IT, ejendomme "
                "og beredskab. Budgettet for 2026 er vedtaget af byrådet den 8. oktober 2025 og omfatter "
                "desuden overslagsårene 2027–2029."
            ),
            Para(
                "Budgettet er udarbejdet i 2026-priser. Regnskab 2024 og budget 2025 er omregnet til "
                "2026-priser, så tallene kan sammenlignes. Positive tal er udgifter, negative tal er "
                "indtægter."
            ),
            Para(
                "Udvalgets budget stiger fra 2025 til 2026, primært som følge af den tværgående pulje til "
                "digitalisering og øgede licensudgifter. I overslagsårene er indarbejdet effektiviseringer "
                "på administrationen."
            ),
            Heading("Udvalgets politikker", 2),
            Para(
                "Udvalget arbejder i budgetperioden med at samle borgerservice i ét fysisk center, at "
                "udfase ældre fagsystemer og at reducere energiforbruget i de kommunale bygninger."
            ),
            PageBreak(),
            Heading("1. Driftsbevillinger"),
            Para("Tabel 1 viser udvalgets driftsbevillinger fordelt på bevillingsområder."),
            t1,
            Para("Den tværgående pulje var ikke afsat i 2024 og har derfor intet regnskab.", small=True),
            PageBreak(),
            Heading("2. Udgifter og indtægter"),
            Para("For de områder, der har væsentlige indtægter, er budgettet vist brutto i tabel 2."),
            t2,
        ],
    )


# --- 10. Sorø: ERP report, trailing minus, no rules, ALL CAPS headers, hele kr. ----------------------------


def soroe() -> Document:
    cols = (
        Col("OPRINDELIGT BUDGET", "original_budget", 2025, "title", unit="DKK"),
        Col("KORRIGERET BUDGET", "revised_budget", 2025, "title", unit="DKK"),
        Col("FORVENTET REGNSKAB", "forecast", 2025, "title", unit="DKK"),
        Col("FORVENTET AFVIGELSE", unread="forecast_variance"),
    )
    data = [
        ("00.22.01 Fælles formål, jordforsyning", 412_000, 412_000, 388_540),
        ("00.25.10 Fælles formål, boliger", 1_205_300, 1_260_300, 1_301_877),
        ("00.32.31 Stadion og idrætsanlæg", 6_480_900, 6_602_400, 6_598_115),
        ("00.38.70 Salg af affaldssække", -915_000, -915_000, -1_022_460),
        ("02.22.01 Fælles funktioner, veje", 3_340_000, 3_512_750, 3_677_009),
        ("02.28.20 Belægninger m.v.", 9_875_500, 9_875_500, 9_212_334),
        ("02.28.23 Vintertjeneste", 4_120_000, 4_120_000, 5_466_212),
        ("02.32.31 Busdrift", 18_642_100, 18_642_100, 18_642_100),
        ("00.28.20 Parkeringsindtægter", -1_480_000, -1_480_000, -1_263_900),
    ]
    tm = "trailing"
    body = [Row(lab, (fmt(o, neg=tm), fmt(k, neg=tm), fmt(f, neg=tm), fmt(f - k, neg=tm, zero="0")))
            for lab, o, k, f in data]
    so, sk, sf = (sum(d[i] for d in data) for i in (1, 2, 3))
    total = Row("TEKNIK- OG MILJØUDVALGET I ALT",
                (fmt(so, neg=tm), fmt(sk, neg=tm), fmt(sf, neg=tm), fmt(sf - sk, neg=tm)), kind="total")
    t = Table(
        caption="DRIFT, TEKNIK- OG MILJØUDVALGET (BELØB I KR.)",
        stub=("label",),
        header=((H("FUNKTION"), *(H(c.header) for c in cols)),),
        columns=cols,
        rows=(*body, total),
        notes=("Negative beløb (indtægter) er vist med minus efter beløbet. Forventet afvigelse = forventet "
               "regnskab minus korrigeret budget.",),
        grid="none",
        double_rule_total=False,
        widths=(62, 27, 27, 27, 27),
        font_size=8,
    )
    return Document(
        name="soroe_forventet_regnskab_2025_reportlab",
        producer="reportlab",
        title="Forventet regnskab 2025 pr. 30. september",
        publisher="SORØ KOMMUNE · Teknik, Miljø og Ejendomme",
        municipality="Sorø Kommune",
        report_type="forventet_regnskab",
        fiscal_year=2025,
        font="sans",
        accent="#333333",
        running_footer="Udskrevet fra økonomisystemet 14.10.2025",
        classes=("trailing_minus", "no_rules", "all_caps_header", "hele_kr", "forecast",
                 "forecast_variance", "function_numbers", "year_in_title"),
        blocks=[
            Para(
                "Udskriften viser forventet regnskab for Teknik- og Miljøudvalgets driftsfunktioner på "
                "baggrund af forbruget til og med september og fagområdernes skøn for 4. kvartal."
            ),
            t,
            Para(
                "Vintertjenesten forventes at overskride budgettet med ca. 1,3 mio. kr. Merforbruget "
                "foreslås finansieret af mindreforbruget på belægninger.",
                small=True,
            ),
        ],
    )


# --- 11. Lolland: year row over phase row (cell per year), vertical rules, quantities -----------------------


def lolland() -> Document:
    cols = (
        Col("2023 Regnskab", "actual", 2023, "header"),
        Col("2024 Regnskab", "actual", 2024, "header"),
        Col("2024 Korr. budget", "revised_budget", 2024, "header"),
        Col("2024 Mer-/mindre- forbrug", "variance", 2024, "header"),
    )
    data = [
        ("Folkebiblioteker og borgerservicecentre", 24_118, 25_032, 25_900),
        ("Kulturhuse, museer og musikskole", 17_406, 18_295, 17_950),
        ("Idrætsfaciliteter for børn og unge", 21_773, 22_650, 22_650),
        ("Fritidsaktiviteter efter folkeoplysningsloven", 9_884, 10_342, 10_785),
        ("Turisme", 3_120, 2_875, 3_000),
    ]
    body = [Row(lab, (fmt(a), fmt(r), fmt(k), fmt(r - k, zero=T))) for lab, a, r, k in data]
    s = col_sums([list(d[1:]) for d in data], 3)
    total = Row("Kultur og fritid i alt", (fmt(s[0]), fmt(s[1]), fmt(s[2]), fmt(s[1] - s[2])), kind="total")
    t1 = Table(
        caption="Tabel 6. Kultur- og Fritidsudvalget, drift",
        stub=("label",),
        header=(
            (H("", rows=1), H("2023"), H("2024"), H("2024"), H("2024")),
            (H("Område"), H("Regnskab"), H("Regnskab"), H("Korr. budget"), H("Mer-/mindre-\nforbrug")),
        ),
        columns=cols,
        rows=(*body, total),
        notes=("Note: Alle beløb er i 1.000 kr. og løbende priser. Mer-/mindreforbrug = regnskab minus "
               "korrigeret budget.",),
        grid="vertical",
        valign="top",
        widths=(44, 24, 24, 24, 26),
    )
    cols2 = (
        Col("Regnskab 2024 Antal", "actual", 2024, "header", measure="quantity"),
        Col("Regnskab 2024 Gns. pris i kr.", "actual", 2024, "header", unit="DKK", measure="unit_price"),
        Col("Regnskab 2024 I alt, 1.000 kr.", "actual", 2024, "header"),
    )
    data2 = [
        ("Udlån, fysiske materialer", 412_650, 9, 3_714),
        ("Arrangementer i bibliotekerne", 318, 4_210, 1_339),
        ("Elever i musikskolen", 1_046, 6_575, 6_877),
    ]
    body2 = [Row(lab, (fmt(n), fmt(p), fmt(b))) for lab, n, p, b in data2]
    t2 = Table(
        caption="Tabel 7. Aktivitet og enhedspriser",
        stub=("label",),
        header=(
            (H(""), H("Regnskab 2024", span=3)),
            (H("Aktivitet"), H("Antal"), H("Gns. pris i kr."), H("I alt, 1.000 kr.")),
        ),
        columns=cols2,
        rows=tuple(body2),
        grid="vertical",
        widths=(60, 26, 26, 28),
    )
    return Document(
        name="lolland_regnskab_2024_reportlab",
        producer="reportlab",
        title="Regnskab 2024 – Kultur- og Fritidsudvalget",
        publisher="Lolland Kommune",
        municipality="Lolland Kommune",
        report_type="regnskab",
        fiscal_year=2024,
        font="serif",
        accent="#0b5d8f",
        running_footer="Lolland Kommune · Regnskab 2024",
        classes=("year_header_row", "unit_in_note", "wrapped_label_top", "vertical_rules", "quantity",
                 "unit_price"),
        blocks=[
            Heading("Kultur- og Fritidsudvalget"),
            Para(
                "Udvalget har i 2024 haft et samlet mindreforbrug. "
                "Bibliotekerne har holdt vakante stillinger "
                "ubesatte, mens aktiviteten på kulturhusene har været højere end forventet."
            ),
            t1,
            Heading("Aktivitet", 2),
            Para("Tabel 7 viser udvalgte aktiviteter med antal og gennemsnitlig pris pr. enhed."),
            t2,
        ],
    )


# --- 12. Greve: a committee attachment (Bilag), spanning Udgifter/Indtægter/Netto, totals first, stacked ----


def greve() -> Document:
    cols = (
        Col("Korrigeret budget pr. 31. oktober Udgifter", "revised_budget", 2025, "caption",
            flow="expenditure"),
        Col("Korrigeret budget pr. 31. oktober Indtægter", "revised_budget", 2025, "caption", flow="income"),
        Col("Korrigeret budget pr. 31. oktober Netto", "revised_budget", 2025, "caption", flow="net"),
        Col("Forventet regnskab Udgifter", "forecast", 2025, "caption", flow="expenditure"),
        Col("Forventet regnskab Indtægter", "forecast", 2025, "caption", flow="income"),
        Col("Forventet regnskab Netto", "forecast", 2025, "caption", flow="net"),
    )
    data = [
        ("Biblioteker", 31_240, -1_118, 31_502, -1_260),
        ("Idræt og haller", 27_905, -3_460, 28_716, -3_212),
        ("Foreningstilskud", 9_870, 0, 9_870, 0),
        ("Kulturhuse og spillesteder", 14_388, -5_027, 14_010, -5_390),
    ]
    body = [Row(lab, (fmt(ku), fmt(ki, zero=T), fmt(ku + ki), fmt(fu), fmt(fi, zero=T), fmt(fu + fi)))
            for lab, ku, ki, fu, fi in data]
    s = col_sums([list(d[1:]) for d in data], 4)
    total = Row("Samlet", (fmt(s[0]), fmt(s[1]), fmt(s[0] + s[1]), fmt(s[2]), fmt(s[3]), fmt(s[2] + s[3])),
                kind="total")
    t1 = Table(
        caption="Tabel 1. Drift 2025, Kultur- og Fritidsudvalget (1.000 kr.)",
        stub=("label",),
        header=(
            (H(""), H("Korrigeret budget pr. 31. oktober", span=3), H("Forventet regnskab", span=3)),
            (H("Område"), *(H(x) for x in ("Udgifter", "Indtægter", "Netto") * 2)),
        ),
        columns=cols,
        rows=(total, *body),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        widths=(44, 20, 20, 20, 20, 20, 20),
        font_size=8,
    )
    cols2 = (
        Col("Rådighedsbeløb", "appropriation", 2025, "caption"),
        Col("Forventet regnskab", "forecast", 2025, "caption"),
        Col("Forventet mer-/mindreforbrug", unread="forecast_variance"),
    )
    data2 = [
        ("Renovering af Greve Svømmehal", 18_500, 12_300),
        ("Kunstgræsbane, Karlslunde", 4_200, 4_200),
        ("Digital infrastruktur i bibliotekerne", 1_150, 980),
    ]
    body2 = [Row(lab, (fmt(r), fmt(f), fmt(f - r, zero=T))) for lab, r, f in data2]
    sr, sf = sum(d[1] for d in data2), sum(d[2] for d in data2)
    t2 = Table(
        caption="Tabel 2. Anlæg 2025 (1.000 kr.)",
        stub=("label",),
        header=((H("Projekt"), *(H(c.header) for c in cols2)),),
        columns=cols2,
        rows=(Row("Samlet", (fmt(sr), fmt(sf), fmt(sf - sr)), kind="total"), *body2),
        grid="horizontal",
        total_shade=True,
        double_rule_total=False,
        tight=True,
        widths=(64, 28, 28, 32),
        font_size=8,
    )
    return Document(
        name="greve_bilag_budgetopfoelgning_2025_reportlab",
        producer="reportlab",
        title="Bilag 2: Budgetopfølgning pr. 31. oktober 2025 – Kultur- og Fritidsudvalget",
        publisher="Greve Kommune · Kultur- og Fritidsudvalget, mødet den 19. november 2025, punkt 6",
        municipality="Greve Kommune",
        report_type="budgetopfoelgning",
        fiscal_year=2025,
        accent="#2c5d2c",
        classes=("committee_attachment", "totals_first", "flows", "spanning_header", "stacked_tables",
                 "forecast", "forecast_variance", "dash_zero", "shaded_total", "appropriation"),
        blocks=[
            Para(
                "Udvalget forventer et samlet merforbrug på driften på 0,4 mio. kr. netto. På anlæg "
                "forventes et mindreforbrug på 6,4 mio. kr., idet renoveringen af svømmehallen først "
                "afsluttes i 2026."
            ),
            t1,
            t2,
            Para("Mer-/mindreforbrug: + = merforbrug, - = mindreforbrug.", small=True),
        ],
    )


def documents() -> list[Document]:
    return [odense(), kolding(), randers(), roskilde(), vejle(), holbaek(), haderslev(), faxe(), ringsted(),
            soroe(), lolland(), greve()]
