"""The replica accounts book: Næstved's published IT chapter plus four invented, consistent policy areas.

Committees (udvalg) group the chapters; two specific-assumptions tables are long enough to break across
pages, one with its header row repeated (Skoler) and one without (Veje og trafik).
"""

from __future__ import annotations

from pathlib import Path

from .chapters import ChapterData
from .invented import Area, Item, Plan, build_chapter
from .render import DEFAULT_STYLE, Layout, LayoutStyle, render_chapters
from .seed import seed_chapter

BOOK_PDF_NAME = "naestved_regnskab_2020.pdf"


def _elever(name: str, pupils: tuple[int, int], price: tuple[int, int], reason: str = "") -> Item:
    return Item(name, unit="Elever", quantity=pupils, price=price, reason=reason)


ADMINISTRATION = Plan(
    policy_area="Administration",
    committee="Økonomiudvalget",
    intro="Politikområdet omfatter kommunens centrale administration: borgerservice, løn og personale, "
          "økonomistyring og den politiske organisation.",
    total_label="Politikområde\nAdministration i alt",
    prior_actuals=(63_410, 64_980),
    anlaeg=(2_150, 1_420, 3_870, 4_500),
    anlaeg_purpose="en ny selvbetjeningsløsning i Borgerservice",
    carry_over=600,
    named_area=1,
    areas=(
        Area("Borgerservice", 24_500, (
            Item("Borgerservicecenter", 14_200, 13_870, reason="Overskuddet skyldes vakante stillinger."),
            Item("Pas og kørekort", unit="Stk.", quantity=(6_400, 5_150), price=(412, 405),
                 reason="Færre pas er udstedt under nedlukningen."),
            Item("Ydelsesrådgivning", 7_950, 8_214, reason="Underskuddet skyldes flere henvendelser."),
        ), reason="Færre udstedte pas og vakante stillinger."),
        Area("Løn og personale", 16_100, (
            Item("Lønkontor", 9_800, 9_650),
            Item("Arbejdsmiljø", 2_400, 2_610, reason="Der er gennemført en ekstra trivselsmåling."),
            Item("Elever og trainees", unit="Elever", quantity=(24, 22), price=(148_500, 151_200),
                 reason="To elevpladser har ikke været besat."),
        ), reason="Resultatet dækker over mindre afvigelser."),
        Area("Økonomi og analyse", 21_000, (
            Item("Revision", 1_450, 1_398),
            Item("Forsikringer", 6_900, 7_344, reason="Præmien er steget efter nyt udbud."),
            Item("Økonomistyring", 12_880, 12_512, reason="Et systemskifte er udskudt til 2021."),
        ), reason="Forsikringspræmierne er steget mere end forudsat."),
        Area("Politisk organisation", 9_600, budget=9_750, actual=9_488,
             reason="Færre møder med fysisk fremmøde har givet lavere udgifter."),
    ),
)

VEJE_OG_TRAFIK = Plan(
    policy_area="Veje og trafik",
    committee="Teknik- og Miljøudvalget",
    intro="Politikområdet omfatter drift og vedligeholdelse af kommunens veje, stier, broer og vejbelysning, "
          "vintertjeneste, kollektiv trafik og parkering.",
    total_label="Politikområde Veje og\ntrafik i alt",
    prior_actuals=(101_870, 104_320),
    anlaeg=(28_400, 31_250, 24_180, 29_600),
    anlaeg_purpose="cykelstier og trafiksikkerhed",
    carry_over=1_500,
    named_area=2,
    repeat_specific_header=False,
    areas=(
        Area("Vejvedligeholdelse", 30_500, (
            Item("Asfaltbelægninger", 14_500, 15_820, reason="Flere strækninger end planlagt er udlagt."),
            Item("Fortove og stier", 4_200, 3_950, reason="Arbejdet på Storegade er udskudt."),
            Item("Broer og tunneller", 2_100, 1_640, reason="Et broeftersyn er flyttet til 2021."),
            Item("Vejafvanding", 3_300, 3_415),
            Item("Rabatter og grøftning", 2_650, 2_580),
            Item("Afmærkning", unit="km", quantity=(410, 428), price=(5_200, 5_150)),
            Item("Skilte", 1_150, 1_226),
            Item("Vejtræer", 980, 1_105),
        ), reason="Asfaltprogrammet er fremrykket."),
        Area("Vintertjeneste", 17_500, (
            Item("Saltning", unit="Udkald", quantity=(38, 24), price=(152_000, 149_500),
                 reason="Vinteren har været mild med få udkald."),
            Item("Snerydning", 4_100, 2_870, reason="Der har kun været to snefald."),
            Item("Materiel", 2_300, 2_355),
            Item("Saltlager", 900, 812),
            Item("Beredskab", 3_050, 3_050),
            Item("Cykelstier, vinter", 1_200, 910, reason="Færre udkald på cykelstierne."),
            Item("Vintervagt", 650, 688),
        ), reason="En mild vinter med få udkald."),
        Area("Vejbelysning", 13_100, (
            Item("Lyspunkter, drift", unit="Lyspunkter", quantity=(14_200, 14_260), price=(410, 398)),
            Item("El til vejbelysning", 3_900, 4_415, reason="Elprisen har været højere end budgetteret."),
            Item("LED-udskiftning", 1_500, 1_210, reason="Udskiftningen er forsinket af leverancer."),
            Item("Signalanlæg", 1_100, 1_094),
            Item("Juleudsmykning", 250, 238),
            Item("Belysning af stier", 620, 705),
            Item("Kabelfejl", 480, 362),
        ), reason="Højere elpriser er delvist opvejet af forsinket LED-udskiftning."),
        Area("Kollektiv trafik", 42_000, (
            Item("Bybusser", 18_400, 18_950, reason="Der er indsat ekstra afgange på linje 1."),
            Item("Regionale ruter", 12_800, 12_800),
            Item("Flextrafik", unit="Ture", quantity=(31_000, 24_800), price=(265, 281),
                 reason="Færre ture under nedlukningen."),
            Item("Telebus", 1_900, 1_420, reason="Telebussen har kørt færre ture."),
            Item("Skolebuskort", 1_350, 1_402),
            Item("Stoppesteder", 720, 655),
            Item("Trafikinformation", 310, 298),
        ), reason="Færre ture med Flextrafik og telebus."),
        Area("Parkering", -2_400, (
            Item("Parkeringsindtægter", -5_800, -4_650, reason="Færre har parkeret i midtbyen."),
            Item("P-vagter", 2_600, 2_540),
            Item("Automater", 640, 712),
            Item("P-huse, drift", 1_150, 1_090),
            Item("Parkeringsafgifter", -1_200, -980, reason="Færre afgifter er udstedt."),
            Item("Beboerlicenser", -250, -238),
        ), reason="Lavere parkeringsindtægter i midtbyen."),
    ),
)

KULTUR = Plan(
    policy_area="Kultur",
    committee="Kultur- og Fritidsudvalget",
    intro="Politikområdet omfatter biblioteker, musikskolen, kulturhuse og tilskud til det lokale kulturliv. "
          "Biblioteket og musikskolen er selvstændige virksomheder.",
    total_label="Politikområde Kultur i\nalt",
    prior_actuals=(55_240, 56_910),
    institutions=(37_800, 38_650, 39_392, 39_505),
    anlaeg=(4_300, 12_800, 6_150, 7_900),
    anlaeg_purpose="renovering af Teatret",
    carry_over=1_700,
    institutions_text="Virksomhederne på politikområdet er biblioteket og musikskolen. Deres overskud "
                      "overføres efter de gældende regler for overførsel mellem årene.",
    areas=(
        Area("Biblioteker", 30_200, (
            Item("Hovedbibliotek", 16_400, 16_150, reason="En stilling har været vakant."),
            Item("Filialer", 7_900, 8_120, reason="Filialerne har haft udvidet åbningstid."),
            Item("Materialer", unit="Udlån", quantity=(412_000, 389_500), price=(11, 12)),
            Item("Digitale tjenester", 1_600, 1_450),
        ), reason="Lavere udlån og en vakant stilling."),
        Area("Musikskolen", 8_900, (
            Item("Undervisning", unit="Elever", quantity=(1_150, 1_118), price=(6_950, 7_020),
                 reason="Færre elever end forventet."),
            Item("Instrumenter", 600, 540),
            Item("Koncerter", 480, 610),
        ), reason="Færre elever på holdundervisningen."),
        Area("Kulturhuse", 10_100, (
            Item("Teatret", 5_600, 5_890, reason="Aflyste forestillinger har givet færre billetindtægter."),
            Item("Spillestedet", 3_100, 2_860, reason="Færre koncerter under nedlukningen."),
            Item("Kunsthallen", 2_300, 2_270),
            Item("Lokaleudlejning", -700, -845),
        ), reason="Aflyste arrangementer har både sparet udgifter og kostet indtægter."),
        Area("Tilskud til kultur", 6_700, budget=6_900, actual=6_512,
             reason="Flere arrangementer er aflyst, og tilskuddene er ikke udbetalt."),
    ),
)

SKOLER = Plan(
    policy_area="Skoler",
    committee="Børne- og Skoleudvalget",
    intro="Politikområdet omfatter kommunens folkeskoler, specialundervisning, skolefritidsordninger og "
          "skolebuskørsel. Skolerne er selvstændige virksomheder med decentralt budget.",
    total_label="Politikområde Skoler i\nalt",
    prior_actuals=(735_200, 748_650),
    institutions=(518_400, 524_900, 530_678, 529_956),
    institutions_text="Virksomhederne på politikområdet er kommunens 18 folkeskoler. Deres resultater "
                      "overføres til næste år efter reglerne for decentral økonomistyring.",
    areas=(
        Area("Folkeskoler", 526_500, (
            _elever("Bakkeskolen", (612, 605), (58_900, 59_420)),
            _elever("Engskolen", (484, 491), (61_200, 60_850)),
            _elever("Fjordskolen", (702, 698), (57_300, 57_910), "Flere tolærertimer i indskolingen."),
            _elever("Skovskolen", (356, 349), (66_800, 67_450)),
            _elever("Åskolen", (538, 544), (59_700, 59_380)),
            _elever("Kildeskolen", (421, 415), (62_400, 63_150), "Ekstra vikarudgifter."),
            _elever("Møllebakkeskolen", (590, 583), (58_200, 58_640)),
            _elever("Strandskolen", (267, 271), (71_500, 70_980)),
            _elever("Søndergårdsskolen", (645, 652), (57_800, 57_510)),
            _elever("Vestskolen", (512, 505), (60_100, 60_930)),
            _elever("Østskolen", (473, 478), (61_600, 61_240)),
            _elever("Nordskolen", (398, 390), (64_300, 65_120)),
            _elever("Lindeskolen", (329, 333), (68_900, 68_410)),
            _elever("Egeskolen", (556, 561), (59_100, 58_870)),
            _elever("Bøgeskolen", (447, 440), (62_900, 63_660)),
            _elever("Granskolen", (304, 300), (70_200, 71_050)),
            _elever("Holmeskolen", (615, 622), (58_500, 58_190)),
            _elever("Mosebakkeskolen", (378, 374), (65_400, 66_030)),
        ), reason="Skolernes resultater overføres til 2021."),
        Area("Specialundervisning", 161_000, (
            _elever("Specialklasser", (210, 224), (182_000, 179_400), "Flere elever er visiteret."),
            _elever("Heldagsskolen", (64, 61), (412_000, 418_500)),
            _elever("Vidtgående specialundervisning", (48, 52), (486_000, 479_800),
                    "Fire elever flere end forudsat."),
            Item("Ressourcecenter", 8_400, 8_150, reason="En stilling er besat senere end planlagt."),
            Item("Pædagogisk psykologisk rådgivning", 14_200, 14_630, reason="Flere udredninger."),
            Item("Tale-høre", 3_100, 2_985),
            Item("Mellemkommunale betalinger", -6_500, -7_240, reason="Flere elever fra andre kommuner."),
            _elever("Privatskoler", (1_250, 1_284), (34_100, 34_100), "Flere elever i privatskoler."),
            _elever("Efterskoler", (310, 322), (38_900, 39_300), "Flere elever på efterskole."),
            Item("Skolepsykologer", 5_600, 5_410, reason="En vakant stilling."),
        ), reason="Flere elever i specialklasser og privatskoler."),
        Area("Skolefritidsordninger", 47_900, (
            Item("SFO Nord", unit="Børn", quantity=(640, 652), price=(24_800, 24_650)),
            Item("SFO Syd", unit="Børn", quantity=(580, 571), price=(25_100, 25_480)),
            Item("SFO Øst", unit="Børn", quantity=(512, 520), price=(25_600, 25_300)),
            Item("SFO Vest", unit="Børn", quantity=(498, 490), price=(25_900, 26_240)),
            Item("SFO By", unit="Børn", quantity=(720, 734), price=(24_100, 23_950)),
            Item("SFO Land", unit="Børn", quantity=(310, 302), price=(28_400, 28_960)),
            Item("Forældrebetaling", -38_500, -38_910, reason="Flere børn i SFO end forudsat."),
            Item("Klubber", unit="Børn", quantity=(420, 415), price=(9_800, 9_920)),
        ), reason="Flere børn i SFO giver både udgifter og indtægter."),
        Area("Skolebuskørsel", 14_500, budget=14_200, actual=15_037,
             reason="Nye ruter til specialskolerne har givet merudgifter."),
    ),
)

INVENTED_PLANS = (ADMINISTRATION, VEJE_OG_TRAFIK, KULTUR, SKOLER)


def invented_chapters() -> list[ChapterData]:
    return [build_chapter(plan) for plan in INVENTED_PLANS]


def book_chapters() -> list[ChapterData]:
    """The book's chapters in printed order, committee by committee."""
    return [seed_chapter(), *invented_chapters()]


def render_book(path: str | Path | None = None, style: LayoutStyle = DEFAULT_STYLE,
                chapters: list[ChapterData] | None = None) -> Layout:
    """Title page, then committee headings above their first chapters (data/raw/naestved_regnskab_2020)."""
    return render_chapters(chapters or book_chapters(), path, style, title_page=True, committee_headings=True)
