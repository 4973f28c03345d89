"""Amounts quoted in a chapter's prose -> model.NarrativeAmount, with the sense the words give them.

The opening text quotes "1,8 mio. kr."; the numbered notes under "Beskrivelse af regnskabsresultatet"
quote whole kroner ("1.003.472 kr."). What an amount is (surplus, actual, unit price, overspend, transfer,
...) is read from the words around it (lexicon.NARRATIVE_KIND_WORDS); which activity it concerns from the
note number or a label named in its sentence. An amount no word explains is not typed by guess: it is
returned as an UnreadNarrativeAmount beside the amounts (read_narrative), for the validator to report as info.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from itdrift_pipeline import lexicon
from itdrift_pipeline.extract.numbers import parse_amount
from itdrift_pipeline.model import BBox, NarrativeAmount, UnreadNarrativeAmount

logger = logging.getLogger(__name__)

# "0,8 mio. kr.", "1,2 mia. kr.", "746.810 kr.": one named group per unit of lexicon.NARRATIVE_UNITS.
_UNIT_GROUPS = {f"unit{index}": unit for index, (unit, _) in enumerate(lexicon.NARRATIVE_UNITS)}
_AMOUNT = re.compile(
    r"(?P<number>[-–]?\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s+(?:"
    + "|".join(f"(?P<unit{index}>{words})" for index, (_, words) in enumerate(lexicon.NARRATIVE_UNITS))
    + ")",
    re.IGNORECASE,
)

# A numbered note starts with its number: "1.", "1a.", "5e." (a year such as "2021." is not a note).
NOTE_NUMBER = re.compile(r"^(?P<number>\d{1,2})(?P<letter>[a-z]?)\.$")

# Words that end a sentence only when followed by a capital; these abbreviations never do.
_ABBREVIATIONS = frozenset({"div", "gns", "opr", "korr", "nr", "ca", "bl.a", "m.v", "f.eks", "jf", "inkl",
                            "ekskl", "evt", "pkt", "vedr", "mht", "dvs"})
# Senses whose amount belongs to one budget phase, read from the clause ("budgetteret med" / "regnskabet").
_PHASED_KINDS = frozenset({"unit_price"})


@dataclass
class NarrativeRead:
    amounts: list[NarrativeAmount] = field(default_factory=list)
    unread: list[UnreadNarrativeAmount] = field(default_factory=list)

    def extend(self, other: NarrativeRead) -> None:
        self.amounts.extend(other.amounts)
        self.unread.extend(other.unread)


class PlacedWord(Protocol):
    """A word and where it is printed (layout.Word satisfies this)."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    word: PlacedWord


@dataclass(frozen=True)
class _Sentence:
    text: str
    spans: tuple[_Span, ...]


class NarrativeText:
    """Words joined into text, remembering which word every character came from."""

    def __init__(self, words: Iterable[PlacedWord]) -> None:
        parts: list[str] = []
        spans: list[_Span] = []
        offset = 0
        for word in words:
            if parts:
                parts.append(" ")
                offset += 1
            parts.append(word.text)
            spans.append(_Span(offset, offset + len(word.text), word))
            offset += len(word.text)
        self.text = "".join(parts)
        self.spans = spans

    def sentences(self) -> list[_Sentence]:
        sentences: list[_Sentence] = []
        current: list[_Span] = []
        for index, span in enumerate(self.spans):
            current.append(span)
            following = self.spans[index + 1].word.text if index + 1 < len(self.spans) else ""
            if _ends_sentence(span.word.text, following):
                sentences.append(self._sentence(current))
                current = []
        if current:
            sentences.append(self._sentence(current))
        return sentences

    def _sentence(self, spans: list[_Span]) -> _Sentence:
        base = spans[0].start
        text = self.text[base : spans[-1].end]
        return _Sentence(text, tuple(_Span(s.start - base, s.end - base, s.word) for s in spans))


def _ends_sentence(word: str, following: str) -> bool:
    if not word.endswith((".", "!", "?")) or not following[:1].isupper():
        return False
    stem = word[:-1].lower()
    return stem not in _ABBREVIATIONS


def read_amounts(
    words: Sequence[PlacedWord],
    policy_area: str,
    note: str | None,
    activity_labels: Mapping[str, str] | None = None,
) -> list[NarrativeAmount]:
    """The amounts of read_narrative whose sense was read (the unread ones are logged)."""
    return read_narrative(words, policy_area, note, activity_labels).amounts


def read_narrative(
    words: Sequence[PlacedWord],
    policy_area: str,
    note: str | None,
    activity_labels: Mapping[str, str] | None = None,
) -> NarrativeRead:
    """Every "X kr." / "X mio. kr." / "X mia. kr." in `words` (one paragraph, or one numbered note's text).

    `note` is the numbered note ("1a") or None for the opening text, where the row is found by the single
    activity label (`activity_labels`: printed label -> row code) its sentence names. Amounts whose sense no
    word states go to NarrativeRead.unread.
    """
    read = NarrativeRead()
    for sentence in NarrativeText(words).sentences():
        if note:
            row_code: str | None = row_code_of_note(note)
        elif lexicon.NARRATIVE_ANLAEG.search(sentence.text):
            row_code = None  # the activity areas are Drift; an Anlæg sentence speaks of the capital budget
        else:
            row_code = _row_named_in(sentence.text, activity_labels or {})
        for match in _AMOUNT.finditer(sentence.text):
            amount = _amount(sentence, match, policy_area, note, row_code)
            if isinstance(amount, UnreadNarrativeAmount):
                logger.warning(
                    "%s: no word says what %r is in: %r", policy_area, match.group(0), sentence.text
                )
                read.unread.append(amount)
            else:
                read.amounts.append(amount)
    return read


def row_code_of_note(note: str) -> str:
    """Note "1a" is about row "1.a"; note "2" about row "2"."""
    match = re.fullmatch(r"(\d+)([a-z]?)", note)
    if not match:
        raise ValueError(f"{note!r} is not a note number such as '1' or '1a'")
    number, letter = match.groups()
    return f"{number}.{letter}" if letter else number


def split_numbered_notes(lines: Sequence[Sequence[PlacedWord]]) -> list[tuple[str, list[PlacedWord]]]:
    """Lines under "Beskrivelse af regnskabsresultatet" -> (note number, its words without the number)."""
    notes: list[tuple[str, list[PlacedWord]]] = []
    for line in lines:
        if not line:
            continue
        match = NOTE_NUMBER.match(line[0].text)
        if match:
            notes.append((match.group("number") + match.group("letter"), list(line[1:])))
        elif notes:
            notes[-1][1].extend(line)
    return notes


def _row_named_in(sentence: str, activity_labels: Mapping[str, str]) -> str | None:
    # Case-sensitive: the label "Udvikling" is named, "til udvikling af" is an ordinary word.
    rows = {
        code
        for label, code in activity_labels.items()
        if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", sentence)
    }
    return rows.pop() if len(rows) == 1 else None


_FORECAST_REASON = "beløbet er en forventning (forventes, skønnes), ikke et tal i regnskabet"
_CHANGE_REASON = (
    "beløbet er en ændring mellem to tal (en stigning, et fald, mere end ...), som ingen tabel viser"
)


def _amount(
    sentence: _Sentence, match: re.Match[str], policy_area: str, note: str | None, row_code: str | None
) -> NarrativeAmount | UnreadNarrativeAmount:
    source_unit = next(unit for group, unit in _UNIT_GROUPS.items() if match.group(group))
    number = parse_amount(match.group("number"))
    if number is None:  # the pattern needs digits, so a number is always there
        raise AssertionError(match.group(0))
    words = [s.word for s in sentence.spans if s.start < match.end() and s.end > match.start()]
    value = number * lexicon.KRONER_PER_UNIT[source_unit]
    account = "anlaeg" if lexicon.NARRATIVE_ANLAEG.search(sentence.text) else None
    as_printed = " ".join(match.group(0).split())
    kind, to_year = _kind_of(sentence.text, match)
    forecast = bool(lexicon.NARRATIVE_FORECAST.search(sentence.text))
    change = kind != "carry_over_requested" and _is_change(sentence.text, match)
    if kind is None or forecast or change:
        unread = UnreadNarrativeAmount(
            policy_area=policy_area, note=note, row_code=row_code, value=value, page=words[0].page,
            text=sentence.text, as_printed=as_printed, source_unit=source_unit, account=account,
            bbox=_bbox_on_first_page(words),
        )
        if forecast:
            unread = replace(unread, reason=_FORECAST_REASON)
        elif change:
            unread = replace(unread, reason=_CHANGE_REASON)
        return unread
    return NarrativeAmount(
        policy_area=policy_area,
        note=note,
        row_code=row_code,
        kind=kind,
        value=value,
        unit="DKK",
        to_year=to_year,
        page=words[0].page,
        text=sentence.text,
        as_printed=as_printed,
        source_unit=source_unit,
        account=account,
        bbox=_bbox_on_first_page(words),
        phase=_phase_of(sentence.text, match) if kind in _PHASED_KINDS else None,
    )


def _since_previous_amount(sentence: str, match: re.Match[str]) -> str:
    previous = list(_AMOUNT.finditer(sentence[: match.start()]))
    return sentence[previous[-1].end() if previous else 0 : match.start()]


def _kind_of(sentence: str, match: re.Match[str]) -> tuple[str | None, int | None]:
    """What the amount is: "overskud på X" -> surplus; "X søgt overført til 2021" -> carry-over; ...

    Only the words since the previous amount count, so "overskud på A heraf er B søgt overført" gives
    A a surplus and B a carry-over. A carry-over asked for right after the amount is what the amount is
    ("et mindreforbrug på X søges overført til 2026": X is carried over, whatever it was). After the
    amount only its own clause counts ("X i 2027, en stigning i forhold til vedtaget budget ..." does
    not make X a budget).
    """
    before = _since_previous_amount(sentence, match)
    after = sentence[match.end() :]
    carry_over = lexicon.CARRY_OVER_AFTER.match(after)
    if carry_over:
        return "carry_over_requested", int(carry_over.group("year"))
    if re.search(r"\bpå\s*$", before):
        kind = _last_kind_word(before)
        if kind:
            return kind, None
    following = _AMOUNT.search(after)
    clause = lexicon.CLAUSE_BREAK.split(after[: following.start()] if following else after)[0]
    kind = _first_kind_word(clause)
    if kind:
        return kind, None
    return _last_kind_word(before), None


def _is_change(sentence: str, match: re.Match[str]) -> bool:
    """The amount is a change between two figures: a change word in its clause ("..., en stigning i
    forhold til vedtaget budget 2026 på X") or "X mere end det oprindelige budget"."""
    if lexicon.NARRATIVE_CHANGE_AFTER.match(sentence[match.end() :]):
        return True
    clause = lexicon.CLAUSE_BREAK.split(_since_previous_amount(sentence, match))[-1]
    return bool(lexicon.NARRATIVE_CHANGE.search(clause))


def _phase_of(sentence: str, match: re.Match[str]) -> str | None:
    """budget / actual for a unit price: the last phase word of its clause ("budgetteret med 41 årsværk til
    en gennemsnitspris på X" -> budget; "mens regnskabet viser 41 årsværk til ... Y" -> actual)."""
    return _last_word(_since_previous_amount(sentence, match), lexicon.NARRATIVE_PHASE_WORDS)


def _last_kind_word(text: str) -> str | None:
    return _last_word(text, lexicon.NARRATIVE_KIND_WORDS)


def _last_word(text: str, words: Sequence[tuple[str, re.Pattern[str]]]) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern in words:
        for found in pattern.finditer(text):
            if best is None or found.start() > best[0]:
                best = (found.start(), kind)
    return best[1] if best else None


def _first_kind_word(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern in lexicon.NARRATIVE_KIND_WORDS:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), kind)
    return best[1] if best else None


def _bbox_on_first_page(words: Sequence[PlacedWord]) -> BBox:
    on_page = [w for w in words if w.page == words[0].page]
    return (
        min(w.x0 for w in on_page),
        min(w.top for w in on_page),
        max(w.x1 for w in on_page),
        max(w.bottom for w in on_page),
    )
