"""The golden chapter: "Bemærkninger til regnskab 2020 – politikområde IT" of Næstved Kommune, as published.

Every figure, note and sentence of /work/shared/seeds/000_3fb77736774634ba.txt, defects included
(Anlæg variance sign, 16.748 vs 16.749, 45.275 vs 45.271, -95, the 746.810 kr. narrative).
"""

from __future__ import annotations

from .chapters import Amount, ChapterData, NoteSection, paragraph, row, sentence
from .template import activity_table, overall_tables, specific_table

YEAR = 2020


def _intro() -> tuple:
    return (paragraph(
        "Politikområdet består udgifter til kommunens IT-systemer og IT-udstyr som udgangspunkt er fastlagt.",
        "Herunder budget til indkøb, servicering og vedligeholdelse af systemer og diverse udstyr.",
        "Området dækker de fleste af kommunens IT-udgifter.",
        "Det er hovedsageligt drift af fælles IT-udgifter for kommunens administration og kommunale "
        "virksomheder.",
        "Kommunens leasingudgifter til udstyr m.v. føres ligeledes herunder.",
    ),)


def _opening() -> tuple:
    return (
        paragraph(sentence(
            "Regnskabet for 2020 viser et samlet overskud på 1,8 mio. kr. som hovedsageligt fordeler sig på "
            "aktivitetsområderne Udvikling, Leasing, KMD og Øvrige systemer, heraf er 1,0 mio. kr. søgt "
            "overført til 2021.",
            Amount("1,8 mio. kr.", "surplus"),
            Amount("1,0 mio. kr.", "carry_over_requested", to_year=2021),
        )),
        paragraph(sentence(
            "De 0,8 mio. kr. der er i overskud på Digitaliseringspuljen skydes at der fra puljen i 2020, er "
            "givet tilskud til Follow Me løsning, Pronestor og Digital platforme, som først forfalder til "
            "betaling i 2021.",
            Amount("0,8 mio. kr.", "surplus", row_code="1.a"),
        )),
        paragraph(sentence(
            "På RPA – Robot Automatisering er overskuddet på 0,2 mio. kr. søgt overført og anvendes til "
            "ekstra ressource i CKO til udvikling af softwarerobotter.",
            Amount("0,2 mio. kr.", "surplus", row_code="2.f"),
        )),
        paragraph("Det resterende driftsoverskud er brugt til at dække underskud på andre politikområder "
                  "under "
                  "Økonomiudvalget."),
        paragraph(
            sentence("Anlægsbudgettet var i 2020 på 1,7 mio. kr. til Udbredelse af bredbånd og "
                     "mobildækning i "
                     "yderområderne.", Amount("1,7 mio. kr.", "budget", account="anlaeg")),
            "Der har i 2020 ikke været nye projekter, derfor ingen forbrug.",
            "Beløbet søges overført da Næstved Kommune fortsat er optaget af at bidrage til udrulning af "
            "bredbånd i alle dele af kommunen og at der i den vedtagne bosætningsindsats for 2020 er fornyet "
            "fokus på netop udbredelse af bredbånd.",
            "Puljen bør derfor overføres til at støtte borgernes initiativer til at få bredbånd i deres "
            "område.",
        ),
    )


def _surplus(printed: str, code: str) -> Amount:
    return Amount(printed, "surplus", row_code=code)


def _deficit(printed: str, code: str) -> Amount:
    return Amount(printed, "deficit", row_code=code)


def _notes() -> tuple[NoteSection, ...]:
    return (
        NoteSection("1", "Udvikling", (
            paragraph(sentence(
                "Det samlede regnskab for dette aktivitetsområde, viser et overskud på 1.003.472 kr. "
                "heraf er "
                "746.810 kr. søgt overført til 2021.",
                _surplus("1.003.472 kr.", "1"),
                Amount("746.810 kr.", "carry_over_requested", row_code="1", to_year=2021),
            ), note="1"),
            paragraph(
                sentence("Regnskabet for Digitaliseringspuljen viser et overskud på 746.810 kr.",
                         _surplus("746.810 kr.", "1.a")),
                "Beløbet er søgt overført til 2021 til betaling af udgifter til Follow Me løsning, "
                "Pronestor og "
                "Digital platforme Midlerne i puljen kan søges til dækning af engangsudgifter til "
                "IT-systemer "
                "og projekter m.v.",
                "Det er DiFo (Digitaliseringsforum) der beslutter anvendelsen af puljen.",
                note="1a", label="1a."),
            paragraph(
                sentence("I 2020 har der været udgifter til DIGIT på 1.990.977 kr.",
                         Amount("1.990.977 kr.", "expense", row_code="1.b")),
                sentence("Overskuddet på 411.472 kr. er anvendt til dækning af underskud på andre områder.",
                         _surplus("411.472 kr.", "1.b")),
                note="1b", label="1b."),
        )),
        NoteSection("2", "IT, inventar og materiel", (
            paragraph(sentence("Det samlede regnskab for dette aktivitetsområde, viser et samlet overskud på "
                               "94.640 kr.", _surplus("94.640 kr.", "2")), note="2"),
            paragraph(
                sentence("Resultatet for WAN-forbindelser og Hardware viser et samlet overskud på "
                         "1.283.168 kr.",
                         _surplus("1.283.168 kr.", "2.a")),
                "Her føres udgifter og indtægter til køb og salg af hardware, reparationer af udstyr, "
                "samt drift "
                "og vedligeholdelse af systemer.",
                note="2a", label="2a."),
            paragraph(
                sentence("Software & licenser Bruger, regnskabet viser underskud på 158.453 kr.",
                         _deficit("158.453 kr.", "2.b")),
                "Her føres indtægter og udgifter til den daglige drift, samt en lang række it-systemer "
                "der er "
                "karakteriseret ved at være til rådighed for hovedparten af de administrative "
                "it-arbejdspladser.",
                note="2b", label="2b."),
            paragraph(
                "Software & licenser Drift, udgifterne dækker drift og vedligeholdelse af licenser til "
                "Office, "
                "Citrix, Sikker mail, og Signaturlicenser, samt betalinger til dataforbindelse til kommunens "
                "virksomheder.",
                sentence("Regnskabet for 2020 viser et underskud på 843.521 kr.",
                         _deficit("843.521 kr.", "2.c")),
                note="2c", label="2c."),
            paragraph(
                sentence("Regnskabet for 2020 viser et overskud på 147.459 kr.",
                         _surplus("147.459 kr.", "2.d")),
                "Her er føres indtægter og udgifter til virksomhedernes og centres brug af fælles "
                "telefonsystem.",
                note="2d", label="2d."),
            paragraph(
                "Det skal oplyses at aktiviteterne der føres under punkt 2a, 2b, 2c skal ses samlet, fordi "
                "udgifter og indtægter er under samme aktivitet.",
                "Budgettet på området er i 2020 blevet gennemgået og justeret, så budget og forbrug "
                "hænger mere "
                "sammen og lettere at gennemskue.",
                note="2d"),
            paragraph(
                "Her føres udgifter til køb af konsulentbistand udefra til forskellige projekter.",
                sentence("Resultatet for 2020 viser et underskud på 550.241 kr.",
                         _deficit("550.241 kr.", "2.e")),
                note="2e", label="2e."),
            paragraph(
                "RPA, Robot Automatisering Der er et stort uudnyttet potentiale for automatisering med "
                "Robotics "
                "i kommunen, overskuddet skal anvendes til udvikling af softwarerobotter.",
                note="2f", label="2f."),
        )),
        NoteSection("3", "Leasing", (
            paragraph(
                "Hovedreglen er at alle IT-investeringer finansieres via leasing.",
                sentence("Resultatet for 2020 viser et overskud på 128.792 kr.",
                         _surplus("128.792 kr.", "3")),
                "Udgifterne til Leasing er over de næste år faldende.",
                note="3"),
        )),
        NoteSection("4", "KMD", (
            paragraph(
                sentence("Det samlet regnskab viser et overskud på 455.811 kr. overskuddet skyldes "
                         "hovedsageligt "
                         "gevinster fra monopolbruddet, udfasede systemer, prisnedsættelser og ændret "
                         "brugsmønster.", _surplus("455.811 kr.", "4")),
                "Overskuddet indgår i det samlede resultat på området.",
                note="4"),
        )),
        NoteSection("5", "Øvrige systemer", (
            paragraph(sentence("Det samlede regnskab for dette aktivitetsområde, viser et overskud på "
                               "144.291 kr.", _surplus("144.291 kr.", "5")), note="5"),
            paragraph(
                sentence("KOMBIT er kommunernes IT-fællesskab, regnskabet her viser et overskud på "
                         "1.060.118 kr. "
                         "overskuddet indgår i det samlede resultat på området.",
                         _surplus("1.060.118 kr.", "5.a")),
                "Der er overskud på KY og Arkivering, som skyldes forsinkelse af snitflader.",
                note="5a", label="5a."),
            paragraph(
                "Udgifterne vedr. vedligeholdelse og drift af snitflader til KOMBIT-systemerne som blandt "
                "andre "
                "er SAPA, BBR, CPR/CVR, Ejendomsskat & Ejendomsbidrag, indkomst/udbetaling og Social "
                "Pension.",
                note="5a"),
            paragraph(
                "Udfasning af aktiviteter og/eller funktioner, er nødvendige for at skifte fra et "
                "eksisterende "
                "it-system til et nyt it-system.",
                "Udfasningen gennemføres i et samarbejde med KMD og leverandørerne af KSD, KY og SAPA.",
                note="5a"),
            paragraph(
                sentence("Her føres udgifter til KOMLIS, som er et tværgående ledelses-informationssystem, "
                         "resultatet for 2020 viser et overskud på 256.167 kr. som er opstået fordi "
                         "udviklingen "
                         "af nye kuber og tilpasning af eksisterende kuber er forsinket i forhold til "
                         "data fra "
                         "fagsystemerne.", _surplus("256.167 kr.", "5.b")),
                note="5b", label="5b."),
            paragraph(
                sentence("Div. Software & Licenser System, her viser regnskabet et underskud på 866.561 kr. "
                         "udgifterne er brugt til systemvedligeholdelse af diverse software & licenser "
                         "drift.",
                         _deficit("866.561 kr.", "5.c")),
                "Underskuddet er dækket ind af overskud på Hardware.",
                note="5c", label="5c."),
            paragraph(
                sentence("Regnskabet for OPUS viser et underskud på 461.878 kr.",
                         _deficit("461.878 kr.", "5.d")),
                "Der har i 2020 været en omfordeling af IT-budgettet for at få mere sammenhæng i budget og "
                "forbrug.",
                "I den forbindelse er der blevet omfordelt for meget budget fra OPUS kontoen.",
                note="5d", label="5d."),
            paragraph(
                "Front Desk er et online booking- og selvbetjeningssystem.",
                sentence("Resultatet for 2020 viser et overskud på 156.445 kr.",
                         _surplus("156.445 kr.", "5.e")),
                "I det afsatte budget til FrontDesk, er der indregnet midler til systemtilkøb, der har "
                "ikke været "
                "tilkøb i 2020.",
                note="5e", label="5e."),
        )),
    )


def seed_chapter() -> ChapterData:
    """The IT chapter exactly as Næstved Kommune published it, defects included."""
    drift, anlaeg = overall_tables(
        rows=(
            row("Drift\nVirksomheder", "_ _ _ _ _"),
            row("Drift\nFagområde", "44.168 41.487 45.271 47.098 -1.827"),
            row("Politikområde IT-\ndrift i alt", "44.168 41.487 45.271 47.098 -1.827", is_total=True),
        ),
        # Published defect: actual 0 against 1.690, yet the variance is printed +1.690.
        anlaeg=row("Anlæg", "733 180 0 1.690 1.690"),
        year=YEAR,
    )
    activity = activity_table((
        row("Udvikling", "3.550 2.026 4.553 -1.003", code="1"),
        row("IT, inventar og materiel", "1.071 3.223 1.165 -95", code="2"),  # -94 by the figures
        row("Leasing", "11.503 11.588 11.632 -129", code="3"),
        row("KMD", "12.400 17.856 12.856 -456", code="4"),
        row("Øvrige systemer", "16.748 8.618 16.892 -144", code="5"),  # 16.749 in the next table
        row("Politikområdet i alt", "45.271 43.311 47.098 -1.827", is_total=True),
    ), YEAR)
    specific = specific_table((
        row("Udvikling", "_ _ 4.553 _ _ 3.550", code="1"),
        row("Digitaliseringspuljen", "_ _ 2.151 _ _ 1.559", code="1.a"),
        row("DIGIT", "_ _ 2.402 _ _ 1.991", code="1.b"),
        row("IT, inventar og materiel", "_ _ 1.165 _ _ 1.071", code="2"),
        row("Hardware og WAN-forbindelser", "_ _ 53 _ _ -1.230", code="2.a"),
        row("Software & licenser Bruger", "_ _ -10.600 _ _ -10.442", code="2.b"),
        row("Software & licenser Drift", "_ _ 9.500 _ _ 10.344", code="2.c"),
        row("Tekniske anlæg", "_ _ 700 _ _ 553", code="2.d"),
        row("Konsulenter", "_ _ 1.177 _ _ 1.727", code="2.e"),
        row("RPA", "_ _ 335 _ _ 119", code="2.f"),
        row("Leasing", "_ _ 11.632 _ _ 11.503", code="3"),
        row("KMD", "_ _ 12.856 _ _ 12.400", code="4"),
        row("Øvrige systemer", "_ _ 16.892 _ _ 16.749", code="5"),
        row("Kombit-systemer", "_ _ 7.475 _ _ 6.415", code="5.a"),
        row("KOMLIS", "_ _ 3.000 _ _ 2.744", code="5.b"),
        row("Div. software & licenser system", "_ _ 2.311 _ _ 3.178", code="5.c"),
        row("OPUS", "_ _ 3.848 _ _ 4.310", code="5.d"),
        row("FrontDesk", "_ _ 258 _ _ 102", code="5.e"),
        row("Politikområdet i alt", "_ _ 47.098 _ _ 45.275", is_total=True),  # 45.271 elsewhere
    ), YEAR)
    return ChapterData(
        policy_area="IT",
        committee="Økonomiudvalget",
        intro=_intro(),
        overall_result=drift,
        overall_anlaeg=anlaeg,
        activity_areas=activity,
        specific_assumptions=specific,
        opening=_opening(),
        notes=_notes(),
        institutions=(paragraph("Der er ingen virksomheder på politikområdet"),),
    )
