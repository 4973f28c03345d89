"""Invented policy areas for the replica book, built from plans so that every figure is internally consistent.

A plan states sub-items (budget/actual, or quantity x unit price); parents, totals, variances, the overall
result and the narrative amounts are derived from it, so sums, variances and cross-table figures agree
exactly and narrative whole-kroner amounts round to the table's thousands.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .chapters import (
    Amount,
    ChapterData,
    NoteSection,
    Paragraph,
    Row,
    format_number,
    label_lines,
    paragraph,
    sentence,
)
from .template import activity_table, overall_tables, specific_table

# Only sub-items whose variance is at least this many thousand kr. get their own numbered note.
NARRATED_VARIANCE = 150


@dataclass(frozen=True)
class Item:
    """A sub-item (1.a, 1.b, ...) of an activity area; amounts in thousand kr."""

    label: str
    budget: int = 0
    actual: int = 0
    unit: str | None = None  # Enhed, when the item is priced by quantity
    quantity: tuple[int, int] | None = None  # (budget, actual) Mængde
    price: tuple[int, int] | None = None  # (budget, actual) Gns. pris i kr.
    reason: str = ""  # the explanation printed after the amount in its note

    @property
    def budget_amount(self) -> int:
        return _priced(self.quantity[0], self.price[0]) if self.quantity and self.price else self.budget

    @property
    def actual_amount(self) -> int:
        return _priced(self.quantity[1], self.price[1]) if self.quantity and self.price else self.actual


def _priced(quantity: int, unit_price: int) -> int:
    """Mængde x Gns. pris in kr., printed in thousand kr. (rounded half up, as a spreadsheet does)."""
    return int((Decimal(quantity * unit_price) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Area:
    """An activity area (1, 2, ...): with sub-items, or with its own budget/actual when it has none."""

    label: str
    original_budget: int
    items: tuple[Item, ...] = ()
    budget: int = 0
    actual: int = 0
    reason: str = ""

    @property
    def revised_budget(self) -> int:
        return sum(i.budget_amount for i in self.items) if self.items else self.budget

    @property
    def actual_amount(self) -> int:
        return sum(i.actual_amount for i in self.items) if self.items else self.actual


@dataclass(frozen=True)
class Plan:
    policy_area: str
    committee: str
    intro: str
    areas: tuple[Area, ...]
    prior_actuals: tuple[int, int]  # Drift i alt, Regnskab two and one years back
    total_label: str  # the printed label of the Drift total, "\n" where it wraps
    institutions: tuple[int, int, int, int] | None = None  # Drift Virksomheder, R, Korr. budget
    anlaeg: tuple[int | None, int | None, int, int] | None = None  # Anlæg, R, Korr. budget
    anlaeg_purpose: str = ""
    carry_over: int | None = None  # thousand kr. requested carried over to next year
    named_area: int | None = None  # 1-based area whose result the opening text names
    institutions_text: str = "Der er ingen virksomheder på politikområdet"
    repeat_specific_header: bool = True


def _kroner(thousands: int, key: str) -> Decimal:
    """A whole-kroner amount that rounds to `thousands` thousand kr. (offset is stable per key)."""
    if thousands == 0:
        raise ValueError(f"{key}: a zero variance has no narrative amount")
    return Decimal(abs(thousands) * 1000 + random.Random(key).randint(-499, 499))


def _kr(value: Decimal) -> str:
    return f"{format_number(value)} kr."


def _mio(thousands: int) -> str:
    """0,1 mio. kr. precision, rounded half up like the opening texts do."""
    mio = (Decimal(abs(thousands)) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{format_number(mio, 1)} mio. kr."


def _result_word(variance: int) -> tuple[str, str]:
    return ("overskud", "surplus") if variance < 0 else ("underskud", "deficit")


def _values(*numbers: int | None) -> tuple[Decimal | None, ...]:
    return tuple(None if n is None else Decimal(n) for n in numbers)


def build_chapter(plan: Plan, year: int = 2020) -> ChapterData:
    areas = plan.areas
    revised = sum(a.revised_budget for a in areas)
    actual = sum(a.actual_amount for a in areas)
    variance = actual - revised

    total = (plan.prior_actuals[0], plan.prior_actuals[1], actual, revised)
    institutions = plan.institutions or (0, 0, 0, 0)
    core = tuple(t - i for t, i in zip(total, institutions, strict=True))
    overall_rows = (
        Row(label_lines("Drift\nVirksomheder"),
            _values(*institutions, institutions[2] - institutions[3]) if plan.institutions else (None,) * 5),
        Row(label_lines("Drift\nFagområde"), _values(*core, core[2] - core[3])),
        Row(label_lines(plan.total_label), _values(*total, variance), is_total=True),
    )
    anlaeg_row = None
    if plan.anlaeg:
        anlaeg_row = Row(("Anlæg",), _values(*plan.anlaeg, plan.anlaeg[2] - plan.anlaeg[3]))
    drift, anlaeg = overall_tables(overall_rows, anlaeg_row, year)

    activity_rows = tuple(
        Row((a.label,), _values(a.actual_amount, a.original_budget, a.revised_budget,
                                a.actual_amount - a.revised_budget), code=str(n))
        for n, a in enumerate(areas, start=1)
    ) + (Row(("Politikområdet i alt",), _values(actual, sum(a.original_budget for a in areas), revised,
                                                    variance), is_total=True),)

    specific_rows: list[Row] = []
    for n, area in enumerate(areas, start=1):
        specific_rows.append(Row((area.label,), _values(None, None, area.revised_budget,
                                                         None, None, area.actual_amount), code=str(n)))
        for letter, item in zip("abcdefghijklmnopqrstuvwxyz", area.items, strict=False):
            quantity = item.quantity or (None, None)
            price = item.price or (None, None)
            specific_rows.append(Row(
                (item.label,),
                _values(quantity[0], price[0], item.budget_amount, quantity[1], price[1], item.actual_amount),
                code=f"{n}.{letter}", unit=item.unit))
    specific_rows.append(Row(("Politikområdet i alt",), _values(None, None, revised, None, None, actual),
                             is_total=True))

    return ChapterData(
        policy_area=plan.policy_area,
        committee=plan.committee,
        intro=(paragraph(plan.intro),),
        overall_result=drift,
        overall_anlaeg=anlaeg,
        activity_areas=activity_table(activity_rows, year),
        specific_assumptions=specific_table(tuple(specific_rows), year,
                                            repeat_header=plan.repeat_specific_header),
        opening=_opening(plan, variance, year),
        notes=tuple(_note_section(plan.policy_area, n, area, year) for n, area in enumerate(areas, start=1)),
        institutions=(paragraph(plan.institutions_text),),
        fiscal_year=year,
    )


def _opening(plan: Plan, variance: int, year: int) -> tuple[Paragraph, ...]:
    word, kind = _result_word(variance)
    first = [sentence(f"Regnskabet for {year} viser et samlet {word} på {_mio(variance)} på driften.",
                      Amount(_mio(variance), kind))]
    if plan.carry_over:
        first.append(sentence(f"Heraf er {_mio(plan.carry_over)} søgt overført til {year + 1}.",
                              Amount(_mio(plan.carry_over), "carry_over_requested", to_year=year + 1)))
    paragraphs = [paragraph(*first)]
    if plan.named_area:
        area = plan.areas[plan.named_area - 1]
        area_variance = area.actual_amount - area.revised_budget
        area_word, area_kind = _result_word(area_variance)
        paragraphs.append(paragraph(sentence(
            f"På {area.label} er der et {area_word} på {_mio(area_variance)}, som især skyldes "
            f"{area.reason.rstrip('.').lower()}.",
            Amount(_mio(area_variance), area_kind, row_code=str(plan.named_area)))))
    if plan.anlaeg:
        anlaeg_word, _ = _result_word(plan.anlaeg[2] - plan.anlaeg[3])
        paragraphs.append(paragraph(
            sentence(f"Anlægsbudgettet var i {year} på {_mio(plan.anlaeg[3])} til {plan.anlaeg_purpose}.",
                     Amount(_mio(plan.anlaeg[3]), "budget", account="anlaeg")),
            f"Anlægsregnskabet viser et {anlaeg_word} i forhold til det korrigerede budget.",
        ))
    return tuple(paragraphs)


def _note_section(policy_area: str, number: int, area: Area, year: int) -> NoteSection:
    variance = area.actual_amount - area.revised_budget
    reason = (area.reason,) if area.reason else ()
    paragraphs = []
    if variance:
        word, kind = _result_word(variance)
        amount = _kr(_kroner(variance, f"{policy_area}/{number}"))
        paragraphs.append(paragraph(
            sentence(f"Det samlede regnskab for dette aktivitetsområde viser et {word} på {amount}",
                     Amount(amount, kind, row_code=str(number))),
            *reason, note=str(number)))
    else:
        paragraphs.append(paragraph("Regnskabet svarer til budgettet.", *reason, note=str(number)))
    for letter, item in zip("abcdefghijklmnopqrstuvwxyz", area.items, strict=False):
        item_variance = item.actual_amount - item.budget_amount
        if abs(item_variance) < NARRATED_VARIANCE:
            continue
        word, kind = _result_word(item_variance)
        amount = _kr(_kroner(item_variance, f"{policy_area}/{number}.{letter}"))
        paragraphs.append(paragraph(
            sentence(f"Regnskabet for {item.label} viser et {word} på {amount}",
                     Amount(amount, kind, row_code=f"{number}.{letter}")),
            *((item.reason,) if item.reason else ()),
            note=f"{number}{letter}", label=f"{number}{letter}."))
    return NoteSection(str(number), area.label, tuple(paragraphs))
