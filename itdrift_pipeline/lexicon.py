"""The Danish public-finance vocabulary: the one home of every word the pipeline reads or prints.

Phases, measures, units and their factors, flows, percent columns, table-family captions, document types,
sign and price-basis phrases. Extraction, validation and reports read these tables; a new synonym is one
line here and one case in itdrift_pipeline_tests/test_lexicon.py. Pure data and tiny lookups: no layout.
"""

from __future__ import annotations

import re
from decimal import Decimal

_I = re.IGNORECASE


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), _I)


# --- Phases (what a column of figures is) -------------------------------------------------------------

# Order matters: the first phase whose words a header contains wins over the later ones, so the qualified
# phrases come before the bare words they contain ("Forventet regnskab" before "regnskab", "Korr. budget"
# before "budget", the variance before anything it may quote).
PHASE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("variance", _words(
        r"over-?\s*/?\s*underskud", r"\bafvigelse", r"\bmer-?\s*/?\s*mindreforbrug", r"\bforskel\b",
    )),
    ("forecast", _words(
        r"\bforventet\s+regnskab", r"\bforventet\s+forbrug", r"\bforventet\s+resultat", r"\bskøn\b",
        r"\bprognose\b", r"\bestimat\b",
    )),
    ("revised_budget", _words(r"\bkorr(\.|igeret|igerede)?\s*budget", r"\bKB\b")),
    ("original_budget", _words(
        r"\bopr(\.|indeligt|indelige)?\s*budget", r"\bvedtaget\s+budget", r"\bvedtagne\s+budget", r"\bOB\b",
    )),
    ("budget_estimate", _words(r"\boverslagsår", r"\bbudgetoverslag", r"\boverslag\b")),
    ("appropriation", _words(r"\b(anlægs)?bevilling(er)?\b", r"\brådighedsbeløb\b")),
    ("actual", _words(r"\bregnskab\b", r"\bforbrug\b", r"\bresultat\b")),
    ("budget", _words(r"\bbudget\b")),
)
# Columns that print a change between budgets or a share, never an amount of a phase: read no fact from
# them, say why. Checked before the phases ("Tillægsbevilling" contains "bevilling").
NOT_A_PHASE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a percentage, not an amount", _words(r"%", r"\bpct\.?(?!\w)", r"\bprocent")),
    ("a note or page reference, not an amount", _words(
        r"^note[r]?\b", r"^henvisning", r"^side$", r"^bilag\b",
    )),
    ("a change between budgets, not a budget", _words(
        r"\btillægsbevilling", r"\bomplacering", r"\bgenbevilling", r"\boverførsl?er?\b", r"\bændring",
    )),
)
# A forecast variance ("Forventet afvigelse") compares a forecast with a budget; the variance phase is an
# outturn against a budget, so such a column is left unread rather than mixed in.
FORECAST_QUALIFIER = _words(r"\bforventet", r"\bskøn", r"\bprognose", r"\bestimat")

PHASE_LABELS = {
    "actual": "Regnskab",
    "original_budget": "Opr. budget",
    "revised_budget": "Korr. budget",
    "budget": "Budget",
    "variance": "Over-/underskud",
    "carry_over_requested": "Søgt overført",
    "forecast": "Forventet regnskab",
    "budget_estimate": "Overslagsår",
    "appropriation": "Bevilling",
}

# Columns of one month or quarter of the fiscal year (a state agency's monthly accounts).
PERIOD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    *((f"M{number:02d}", re.compile(rf"^{month}(\.|{rest})?$", _I)) for number, (month, rest) in enumerate((
        ("jan", "uar"), ("feb", "ruar"), ("mar", "ts"), ("apr", "il"), ("maj", ""), ("jun", "i"),
        ("jul", "i"), ("aug", "ust"), ("sep", r"t\.?|tember"), ("okt", "ober"), ("nov", "ember"),
        ("dec", "ember")), start=1)),
    *((f"Q{n}", re.compile(rf"^({n}\.\s*kvartal|Q{n}|K{n})$", _I)) for n in range(1, 5)),
)

# How a message names a period's column: "Regnskab 2024, jan." / "Regnskab 2024, 3. kvartal".
PERIOD_LABELS = {
    **{f"M{number:02d}": f"{month}." for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"), start=1)},
    **{f"Q{n}": f"{n}. kvartal" for n in range(1, 5)},
}


def period_of(text: str) -> str | None:
    """"Jan" -> "M01", "3. kvartal" -> "Q3"; None for anything else."""
    for period, pattern in PERIOD_WORDS:
        if pattern.match(text.strip()):
            return period
    return None


# --- Measures ----------------------------------------------------------------------------------------

QUANTITY_WORDS = _words(r"\bmængde\b", r"\bantal\b")
UNIT_PRICE_WORDS = _words(r"\bgns\.?\s*pris", r"\bgennemsnitspris", r"\benhedspris", r"\bpris\s+pr\.")
MEASURE_WORDS = re.compile(f"{QUANTITY_WORDS.pattern}|{UNIT_PRICE_WORDS.pattern}", _I)
MEASURE_LABELS = {"quantity": "Mængde", "unit_price": "Gns. pris i kr."}

# --- Units -------------------------------------------------------------------------------------------

# (source unit, words): the larger units first, "kr." alone last (it ends every unit phrase).
UNIT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mia DKK", _words(r"\bmia\.?\s*kr\.?")),
    ("mio DKK", _words(r"\bmio\.?\s*kr\.?", r"\bmill?\.\s*kr\.?")),
    ("1000 DKK", _words(
        r"\b1[.\s\u00a0\u2009\u202f]?000\s*kr\.?", r"\bt\.\s*kr\.?", r"\btkr\.?", r"\btusind\s+kr\.?",
    )),
    ("DKK", _words(r"(?:^|(?<=\s)|(?<=\())kr\.?(?=$|[\s),;])")),
)
KRONER_PER_UNIT: dict[str, Decimal] = {
    "mia DKK": Decimal(1_000_000_000),
    "mio DKK": Decimal(1_000_000),
    "1000 DKK": Decimal(1000),
    "DKK": Decimal(1),
}
UNIT_LABELS = {"mia DKK": "mia. kr.", "mio DKK": "mio. kr.", "1000 DKK": "1.000 kr.", "DKK": "kr."}
# The books' convention: amounts are "I 1.000 kr." unless a table says otherwise.
BOOK_DEFAULT_UNIT = "1000 DKK"

# --- Flows (Udgifter | Indtægter | Netto, rows marked U / I) -----------------------------------------

FLOW_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("expenditure", _words(r"\budgift(er)?\b", r"^U$")),
    ("income", _words(r"\bindtægt(er)?\b", r"^I$")),
    ("net", _words(r"\bnetto\b", r"\bsaldo\b")),
)
# A row or stub cell that is only a flow marker ("U", "I", "U/I" as a header).
FLOW_MARKERS = {"U": "expenditure", "I": "income"}
FLOW_MARKER_HEADER = _words(r"^U\s*/\s*I$", r"^art$")

# A note reference printed in a cell of its own beside a row's label: "a", "b)", "1)".
NOTE_MARKER = re.compile(r"^([a-zæøå]|\d)\)?$")

# --- Header shapes ----------------------------------------------------------------------------------

# Header cells of label columns: code, text, unit of the row, the stub's unit statement.
_UNIT_TAIL = r"(\s*[,(].*)?"  # "1.000 kr., 2025-pl", "1.000 kr. (foreløbige 2025-priser)"
LABEL_HEADERS = re.compile(
    r"^(nr\.?|nummer|stednr\.?|sted|konto(nr\.?)?|funktion|aktivitet|enhed(\s*\d\))?|tekst|beskrivelse"
    r"|projekt(navn|nr\.?)?|anlægsprojekt(er)?|område|politikområde|u\s*/\s*i|art|måned"
    r"|aktivitetsområder?(,\s*(drift|anlæg))?|anlæg|drift"
    rf"|(beløb\s+)?i\s+1[.\s\u00a0\u2009\u202f]?000\s*kr\.?{_UNIT_TAIL}|(beløb\s+)?i\s+(mio|mia)\.?\s*kr\.?{_UNIT_TAIL}"
    rf"|(beløb\s+i\s+)?kr\.?|1[.\s\u00a0\u2009\u202f]?000\s*kr\.?{_UNIT_TAIL}|(mio|mia)\.?\s*kr\.?{_UNIT_TAIL}"
    rf"|t\.?\s*kr\.?{_UNIT_TAIL})$",
    _I,
)
# A header cell of column letters or numbers, or a formula over them: "A", "D=(A+B+C)", "(3) = (1)-(2)",
# "(5)=(4)/(2)" (a share: its column is a percentage).
FORMULA_CELL = re.compile(
    r"^\(?[A-Z\d]{1,2}\)?(\s*=\s*\(?\s*\(?[A-Z\d]{1,2}\)?(\s*[-+−–/*x]\s*\(?[A-Z\d]{1,2}\)?)*\s*\)?)?$"
)
YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
# Any word that makes a header cell a figure column's rather than a label's.
HEADER_WORDS = re.compile(
    "|".join([*(p.pattern for _, p in PHASE_WORDS), *(p.pattern for _, p in NOT_A_PHASE),
              r"\bmængde\b|\bantal\b|gns\.|pris", r"\b(19|20)\d{2}\b",
              *(p.pattern for _, p in FLOW_WORDS if p.pattern.startswith("\\b"))]),
    _I,
)
# A total row: "I alt", "Politikområdet i alt", "Total".
TOTAL_WORDS = _words(r"\bi\s*alt\b", r"^total\b")

# --- Table families by caption ------------------------------------------------------------------------

FAMILY_BY_CAPTION: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("overall_result", _words(r"overordnet\s+regnskabsresultat")),
    ("activity_areas", _words(r"regnskab\s+på\s+aktivitetsområder")),
    ("specific_assumptions", _words(r"specifikke\s+forudsætninger")),
)
# A caption set as plain text right above its table: "Tabel 4.1: Driftsposter fordelt på funktioner, kr."
CAPTION_START = _words(r"^(tabel|tab\.|oversigt|figur)\s*\d")
# A footnote marker: one to three asterisks or one or two superscript digits ("3.341,7*", "¹ Inkl. ...").
FOOTNOTE_MARKER = r"(?:\*{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,2})"
# Drift / Anlæg as a caption, stub or row names it.
ANLAEG_WORDS = _words(r"anlæg")
DRIFT_WORDS = _words(r"\bdrift\b")

# --- Document types ---------------------------------------------------------------------------------

# (report type, words before the year): the in-year reports before the accounts they forecast.
REPORT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forventet_regnskab", _words(r"forventet\s+regnskab")),
    ("budgetopfoelgning", _words(r"budgetopfølgning", r"\bBO\s?[1-4]\b")),
    ("regnskab", _words(r"årsregnskab", r"årsberetning", r"\bregnskab", r"årsrapport")),
    ("budget", _words(r"\bbudget(forslag)?\b", r"budgetoverslag")),
)
REPORT_TITLE = re.compile(
    r"(?P<type>forventet\s+regnskab|budgetopfølgning(\s+\d)?|årsregnskab|årsberetning|årsrapport|regnskab"
    r"|budgetforslag|budget)\b(?:(?!(?:19|20)\d{2})[^\n]){0,40}?(?P<year>(19|20)\d{2})\b",
    _I,
)


# "Næstved Kommune", "Høje-Taastrup Kommune"; a publisher line in capitals: "AARHUS KOMMUNE".
MUNICIPALITY = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåÆØÅ-]*(?:[ -][A-ZÆØÅ][\wæøåÆØÅ-]*)*)\s+Kommune\b"
    r"|(?P<caps>[A-ZÆØÅ][A-ZÆØÅ-]+(?:[ -][A-ZÆØÅ][A-ZÆØÅ-]+)*)\s+KOMMUNE\b"
)


# A line that only names the publisher ("Næstved Kommune", "REGION SJÆLLAND", "Styrelsen for ..."): never
# a document's title.
PUBLISHER_LINE = re.compile(
    r"^\s*(\S+([ -]\S+)*\s+(kommune|KOMMUNE)|region\s+\S+|styrelsen\s+for\b.*)\s*$", _I
)


def municipalities_in(text: str) -> list[str]:
    """Every municipality a text names, as "Name Kommune" (capitals read as a name: "Aarhus Kommune")."""
    names = []
    for match in MUNICIPALITY.finditer(text):
        if match.group("name"):
            names.append(f"{match.group('name')} Kommune")
        else:
            names.append(f"{match.group('caps').title()} Kommune")
    return names


def phase_words(text: str) -> list[str]:
    """Every phase whose words `text` contains, in PHASE_WORDS order; words inside the match of an earlier
    (more specific) phrase do not count: "Korr. budget" is revised_budget only, "Forventet regnskab" a
    forecast only, while "Regnskab og budget" names two phases."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for phase, pattern in PHASE_WORDS:
        for match in pattern.finditer(text):
            if any(start <= match.start() and match.end() <= end for start, end in taken):
                continue
            taken.append(match.span())
            if phase not in found:
                found.append(phase)
    return found


def cell_starts(text: str) -> list[int]:
    """Where header cells start in a run of header words set too tight to be told apart by spacing:
    at each phase, flow or not-a-phase phrase ("Korrigeret budget Regnskab" -> [0, 18])."""
    spans: list[tuple[int, int]] = []
    patterns = [p for _, p in PHASE_WORDS] + [p for _, p in NOT_A_PHASE] + [p for _, p in FLOW_WORDS]
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.end() > match.start() and not any(s <= match.start() < e for s, e in spans):
                spans.append(match.span())
    return sorted(start for start, _ in spans)


# What a revised budget includes, printed after it: "Korrigeret budget inkl. tillægsbevillinger og
# overførsler", "Korr. budget efter tillægsbevillinger". The changes it names are in it, not the column.
BUDGET_INCLUDES = _words(r"\b(?:inkl\.?|inklusive|incl\.?|efter)\s.*$")
# A header that starts with the variance and goes on to say what it compares: "Afvigelse mellem regnskab og
# korrigeret budget", "Afvigelse i forhold til korrigeret budget", "Afvigelse (korr. budget minus regnskab)".
VARIANCE_FIRST = _words(r"^\s*(?:afvigelse|mer-?\s*/?\s*mindreforbrug|over-?\s*/?\s*underskud|forskel)\b")
# The sides such a header may name and still be the variance of the outturn against the revised budget.
VARIANCE_SIDES = frozenset({"actual", "revised_budget"})


def without_inclusions(text: str) -> str:
    """A revised budget's header without what it says the budget includes: "Korrigeret budget inkl.
    overførsler fra 2022" -> "Korrigeret budget" (neither a change column nor a 2022 column)."""
    if phase_words(text)[:1] == ["revised_budget"]:
        return BUDGET_INCLUDES.sub("", text).strip()
    return text


def not_a_phase(text: str) -> str | None:
    """Why a header names no phase of its own (a percentage, a change between budgets), or None."""
    text = without_inclusions(text)
    for reason, pattern in NOT_A_PHASE:
        if pattern.search(text):
            return reason
    return None


def unit_of(text: str) -> str | None:
    """The money unit a caption, stub or header states: "I 1.000 kr." -> "1000 DKK"."""
    for unit, pattern in UNIT_WORDS:
        if pattern.search(text):
            return unit
    return None


def flow_of(text: str) -> str | None:
    """expenditure / income / net when `text` names exactly one of them."""
    found = {flow for flow, pattern in FLOW_WORDS if pattern.search(text.strip())}
    return found.pop() if len(found) == 1 else None


def family_of(caption: str | None) -> str:
    for family, pattern in FAMILY_BY_CAPTION:
        if caption and pattern.search(caption):
            return family
    return "other"


def report_type_of(words: str) -> str | None:
    """The document type a title phrase names ("Årsberetning 2020" -> "regnskab")."""
    for report_type, pattern in REPORT_TYPES:
        if pattern.search(words):
            return report_type
    return None


# --- Notes: price basis ("Regnskab 2020 er i 2020-priser", "løbende priser", "omregnet til 2021-priser") ---

# A column a note names: "Regnskab 2019", "Korr. budget 2020", "Budget 2021".
_COLUMN = r"(?:korr\.?|korrigeret|opr\.?|oprindeligt|vedtaget)?\s*(?:regnskab|budget)"
# A price level: "2021-priser", "2021 priser", "2025-pl", "2021 P/L", "2021-pris- og lønniveau".
_PRICE_LEVEL = r"(?P<price_year>(?:19|20)\d{2})\s*-?\s*(?:priser|p\s*/\s*l\b|pl\b|pris-?\s*og\s*lønniveau)"
# "Regnskab 2019 er i 2019-priser", "Budget 2021 er opgjort i 2021-priser", "Regnskab 2020 i 2020 P/L".
COLUMN_PRICE_YEAR = re.compile(
    rf"(?P<column>{_COLUMN})\s+(?P<year>(?:19|20)\d{{2}})\s+(?:er\s+)?(?:opgjort\s+)?i\s+(?:faste\s+)?"
    + _PRICE_LEVEL,
    _I,
)
# A restatement: "omregnet til 2021-priser", "PL-fremskrevet til 2022", "opregnet til 2021 P/L". The
# columns it restates are the ones named before the verb ("Regnskab 2019 og Regnskab 2020 omregnet til ...").
RESTATEMENT = re.compile(
    r"\b(?:omregnet|pl-?\s*fremskrevet|fremskrevet|opregnet)\s+til\s+(?:faste\s+)?"
    r"(?P<price_year>(?:19|20)\d{2})(?:\s*-?\s*(?:priser|p\s*/\s*l\b|pl\b|pris-?\s*og\s*lønniveau))?",
    _I,
)
RESTATED_COLUMN = re.compile(rf"(?P<column>{_COLUMN})?\s*(?P<year>(?:19|20)\d{{2}})", _I)
# "løbende priser": each column in its own year's prices; "løbende priser (2020-priser)" names the level.
CURRENT_PRICES = re.compile(r"\bløbende\s+priser(?:\s*\(\s*" + _PRICE_LEVEL + r"\s*\))?", _I)
# "faste priser", "faste 2021-priser": one price level for every column.
FIXED_PRICES = re.compile(r"\bfaste\s+(?:" + _PRICE_LEVEL + r"|priser)", _I)
# A bare level with no column named: "i 2021-priser", "1.000 kr., 2025-pl", "i 2021 P/L".
PRICE_LEVEL = re.compile(r"(?<![\w-])" + _PRICE_LEVEL, _I)

# --- Notes: which table a statement speaks of ------------------------------------------------------

# "I tabellen for drift er ...", "I tabellen for anlæg ...": the statements from here to the next scope.
NOTE_SCOPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("drift", _words(r"\btabellen\s+for\s+drift(en)?\b", r"\bdriftstabellen\b")),
    ("anlaeg", _words(r"\btabellen\s+for\s+anlæg(get)?\b", r"\banlægstabellen\b")),
)

# --- Notes: sign conventions -------------------------------------------------------------------------

_IS = r"\s*(?:=|er|angiver|betyder|viser)\s*"
# How a printed variance is signed, phrase -> convention. actual_minus_budget: an overspend is positive.
VARIANCE_SIGN_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("actual_minus_budget", _words(
        r"\+\s*=\s*underskud\s*(og|,|;)?\s*[-–]\s*=\s*overskud",  # +=underskud og -=overskud
        r"\(?\+\)?\s*=\s*merforbrug",  # + = merforbrug
        r"\(\s*[-–−]\s*\)\s*=\s*mindreforbrug",  # (-) = mindreforbrug
        r"\bnegative\s+(tal|beløb)" + _IS + r"(et\s+)?(mindreforbrug|overskud)",
        r"\bpositive\s+(tal|beløb)" + _IS + r"(et\s+)?(merforbrug|underskud)",
    )),
    ("budget_minus_actual", _words(
        r"\+\s*=\s*overskud\s*(og|,|;)?\s*[-–]\s*=\s*underskud",  # +=overskud og -=underskud
        r"\(?\+\)?\s*=\s*mindreforbrug",  # + = mindreforbrug
        r"\(\s*[-–−]\s*\)\s*=\s*merforbrug",  # (-) = merforbrug
        r"\bnegative\s+(tal|beløb)" + _IS + r"(et\s+)?(merforbrug|underskud)",
        r"\bpositive\s+(tal|beløb)" + _IS + r"(et\s+)?(mindreforbrug|overskud)",
    )),
)
# "Afvigelse = korrigeret budget minus regnskab", "Afvigelse = Forbrug − Anlægsbevilling": the variance as
# a difference of two named phases; which is which is read with PHASE_WORDS.
VARIANCE_DIFFERENCE = re.compile(
    r"(?:afvigelse|over-?\s*/?\s*underskud|forskel|mer-?\s*/?\s*mindreforbrug)\w*\s*(?:=|er)\s*"
    r"(?P<minuend>[\w.\s]+?)\s*(?:minus|fratrukket|[-–−])\s*(?P<subtrahend>[\w.\s]+?)\s*$",
    _I,
)
# Phases a variance is measured against (the budget side of the difference).
BUDGET_SIDE_PHASES = ("revised_budget", "original_budget", "budget", "appropriation")
# "Mindreforbrug er vist med rødt", "negative beløb er markeret med rødt", "røde tal": a sign printed as a
# colour, not a character. The figures it speaks of are left unread: their printed text has lost the sign.
SIGN_BY_COLOUR = _words(
    r"\b(?:vist|vises|markeret|markeres|angivet|angives|fremhævet|skrevet|anført)\s+(?:med\s+|i\s+)?"
    r"(?:rødt|rød\s+(?:skrift|farve|tekst))",
    r"\brøde\s+(?:tal|beløb)\b",
)
# A colour statement naming one of these speaks of the variance columns only; any other, of every column.
SIGN_BY_COLOUR_VARIANCE = _words(
    r"merforbrug", r"mindreforbrug", r"overskud", r"underskud", r"afvigelse", r"mer-?\s*/\s*mindre",
)
# "+= udgift; -= indtægt": amounts are signed expense-positive.
AMOUNT_SIGN = _words(r"\+\s*=\s*udgift\w*\s*[;,]?\s*(og\s*)?[-–]\s*=\s*indtægt")
# Words the Anm. text uses for each convention, quoted back in findings.
CONVENTION_LABELS = {
    "actual_minus_budget": "+=underskud og -=overskud",
    "budget_minus_actual": "+=overskud og -=underskud",
}

# --- Narrative: what an amount in the prose is -------------------------------------------------------

# Where a clause of a sentence ends: what an amount is said of is in its own clause.
CLAUSE_BREAK = re.compile(r"[,;:]")

# "Heraf:", "Heraf i alt": a breakdown of the row above (its parts, or some of them), never the area's total.
BREAKDOWN = _words(r"^\s*heraf\b")
# A row label shorter than this is too common a word ("Drift", "Løn") to say a sentence names that row.
NAMED_ROW_MIN_CHARS = 6

# Units an amount is quoted in, the larger first ("0,8 mio. kr.", "1,2 mia. kr.", "746.810 kr.").
NARRATIVE_UNITS: tuple[tuple[str, str], ...] = (
    ("mia DKK", r"mia\.?\s*kr\."),
    ("mio DKK", r"mio\.?\s*kr\.|mill\.\s*kr\."),
    ("1000 DKK", r"t\.\s*kr\.|tkr\.|tusind\s+kr\."),
    ("DKK", r"kr\."),
)
# The sense words: the last one before "på <amount>" (or the first after the amount) says what it is.
# Whole words where a longer word contains a shorter one ("merforbrug" is not "forbrug").
NARRATIVE_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("surplus", _words(r"overskud")),
    ("deficit", _words(r"underskud")),
    ("overspend", _words(r"merforbrug", r"\bmerudgift", r"\boverskr[ie]d\w*")),
    ("underspend", _words(r"mindreforbrug", r"\bmindreudgift", r"\bunderskr[ie]d\w*")),
    ("expense", _words(r"(?<!mer)(?<!mindre)udgift")),
    ("income", _words(r"indtægt")),
    ("unit_price", _words(r"\bgennemsnitspris", r"\bgns\.?\s*pris", r"\benhedspris", r"\bpris(en)?\s+pr\.")),
    # "overskred budgettet med X": X is the overspend, not the budget.
    ("budget", _words(r"budget(?!(tet|rammen)\s+med\b)")),
    ("actual", _words(
        r"\banvendt\b", r"\banvendes\b", r"\bforbrug(t|et)?\b", r"\bbrugt\b", r"\bregnskabet\s+viser\b",
    )),
    ("transfer", _words(
        r"\boverført\b", r"\boverføres\b", r"\boverførsel", r"\bgenbevilling", r"\bgenbevilget",
    )),
)
# A sentence that forecasts ("forventes at overskride budgettet med 1,3 mio. kr."): its amount is an
# expectation, not a figure of the accounts, so it is never compared (an info finding says so).
NARRATIVE_FORECAST = _words(r"\bforvent\w*", r"\bskønnes\b", r"\bprognose", r"\bestimeres\b")
# "X kr. søgt overført til 2021": a carry-over asked for, with its target year.
CARRY_OVER_AFTER = re.compile(r"^\s*(?:er\s+)?(?:søgt|søges)\s+overført\s+til\s+(?P<year>\d{4})", _I)
# A change between two figures, which no table prints: "en stigning ... på 5,8 mio. kr.", "3,7 mio. kr. mere
# end det oprindelige budget". Before the amount (after its last sense word) or right after it.
NARRATIVE_CHANGE = _words(
    r"\bstigning", r"\bfald\b", r"\bforøgelse", r"\breduktion", r"\bændring", r"\bnedgang", r"\bvækst",
)
NARRATIVE_CHANGE_AFTER = re.compile(r"^\s*(?:mere|mindre|højere|lavere|større)\s+end\b", _I)
# Which budget phase a unit price speaks of: "budgetteret med ... gennemsnitspris" / "regnskabet viser".
NARRATIVE_PHASE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("budget", _words(r"\bbudget", r"\bbudgetteret\b", r"\bforudsat\b")),
    ("actual", _words(r"\bregnskab", r"\bfaktisk", r"\bforbrug", r"\banvendt\b")),
)
# A sentence about the capital budget.
NARRATIVE_ANLAEG = ANLAEG_WORDS

# How findings name a narrative amount's sense ("teksten nævner et overskud på ...").
NARRATIVE_KIND_LABELS = {
    "surplus": "et overskud",
    "deficit": "et underskud",
    "expense": "udgifter",
    "income": "indtægter",
    "budget": "et budget",
    "actual": "et forbrug",
    "unit_price": "en gennemsnitspris",
    "overspend": "et merforbrug",
    "underspend": "et mindreforbrug",
    "transfer": "en overførsel",
    "carry_over_requested": "et beløb søgt overført",
}
# Budgets as findings name them ("korrigeret budget 1.690").
BUDGET_LABELS = {
    "revised_budget": "korrigeret budget",
    "budget": "budget",
    "original_budget": "oprindeligt budget",
    "appropriation": "bevilling",
}
