"""Each accounting rule on small hand-built tables: what it flags, how severely, and what it lets pass."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from itdrift_pipeline.model import Finding
from itdrift_pipeline.validate import rules
from itdrift_pipeline.validate.figures import format_dk, half_unit, in_unit, resolution

from .builders import (
    OVERALL,
    SPECIFIC,
    amount,
    document,
    fact,
    note,
    row,
    without_convention,
)

DOC = document()


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def _activity_rows(total_actual: str = "45.271") -> list:
    return [
        *row("Udvikling", "1", {"actual": "3.550"}),
        *row("IT, inventar og materiel", "2", {"actual": "1.071"}),
        *row("Leasing", "3", {"actual": "11.503"}),
        *row("KMD", "4", {"actual": "12.400"}),
        *row("Øvrige systemer", "5", {"actual": "16.748"}),
        *row("Politikområdet i alt", None, {"actual": total_actual}, is_total=True),
    ]


# --- figures ------------------------------------------------------------------------------------------


def test_printed_precision_and_danish_formatting() -> None:
    assert resolution("1.690", "1000 DKK") == 1000
    assert resolution("45,3", "mio DKK") == 100_000
    assert half_unit("0,8 mio. kr.", "mio DKK") == 50_000
    assert half_unit("746.810 kr.", "DKK") == Decimal("0.5")
    assert in_unit(Decimal(-1_690_000), "1000 DKK") == -1690
    assert format_dk(Decimal(-1690)) == "-1.690"
    assert format_dk(Decimal("45.3")) == "45,3"
    assert format_dk(Decimal("1000.5")) == "1.000,5"


# --- sum_mismatch -------------------------------------------------------------------------------------


def test_total_equal_to_row_sum_passes() -> None:
    assert rules.sum_mismatch(DOC, _activity_rows("45.272")) == []


def test_total_off_by_rounding_is_a_warning() -> None:
    found = _only(rules.sum_mismatch(DOC, _activity_rows("45.271")))
    assert (found.rule, found.severity, found.row_code, found.phase) == (
        "sum_mismatch",
        "warning",
        None,
        "actual",
    )
    assert (found.shown, found.expected, found.unit) == (45271, 45272, "1000 DKK")
    assert "summen af rækkerne 1-5 giver 45.272" in found.message


def test_total_beyond_rounding_is_an_error() -> None:
    # Six printed figures can carry at most 6 x 0,5 = 3 units of rounding; 9 cannot be rounding.
    found = _only(rules.sum_mismatch(DOC, _activity_rows("45.281")))
    assert found.severity == "error"
    assert rules.sum_mismatch(DOC, _activity_rows("45.275"))[0].severity == "warning"  # 3 = the limit
    assert rules.sum_mismatch(DOC, _activity_rows("45.276"))[0].severity == "error"


def test_sub_items_sum_to_parent_and_are_not_counted_twice_in_the_total() -> None:
    facts = [
        *row("IT, inventar og materiel", "2", {"actual": "1.071"}, title=SPECIFIC, account=None),
        *row("Hardware og WAN-forbindelser", "2.a", {"actual": "-1.230"}, title=SPECIFIC, account=None),
        *row("Software & licenser Bruger", "2.b", {"actual": "2.300"}, title=SPECIFIC, account=None),
        *row("Politikområdet i alt", None, {"actual": "1.071"}, title=SPECIFIC, account=None, is_total=True),
    ]
    found = _only(rules.sum_mismatch(DOC, facts))
    assert (found.row_code, found.severity, found.shown, found.expected) == ("2", "warning", 1071, 1070)
    assert "underpunkterne til 2" in found.message


def test_each_total_sums_its_own_section() -> None:
    facts = [
        *row("Drift Fagområde", None, {"actual": "100"}, title=OVERALL),
        *row("Drift i alt", None, {"actual": "100"}, title=OVERALL, is_total=True),
        *row("Anlæg projekt", None, {"actual": "50"}, title=OVERALL),
        *row("Anlæg i alt", None, {"actual": "60"}, title=OVERALL, is_total=True),
    ]
    found = _only(rules.sum_mismatch(DOC, facts))
    assert (found.row_label, found.severity, found.expected) == ("Anlæg i alt", "error", 50)


def test_empty_cells_are_left_out_of_the_sum() -> None:
    facts = [
        *row("Drift Virksomheder", None, {}, title=OVERALL),
        *row("Drift Fagområde", None, {"actual": "44.168"}, title=OVERALL),
        *row("Politikområde IT- drift i alt", None, {"actual": "44.168"}, title=OVERALL, is_total=True),
    ]
    assert rules.sum_mismatch(DOC, facts) == []


# --- variance_mismatch --------------------------------------------------------------------------------


def _anlaeg(variance: str, **kwargs) -> list:
    return row(
        "Anlæg",
        None,
        {"actual": "0", "revised_budget": "1.690", "variance": variance},
        title=OVERALL,
        account="anlaeg",
        page=1,
        **kwargs,
    )


def test_flipped_variance_sign_is_an_error_with_the_analyst_message() -> None:
    found = _only(rules.variance_mismatch(DOC, _anlaeg("1.690")))
    assert (found.severity, found.table, found.phase, found.fiscal_year) == (
        "error",
        "overall_result",
        "variance",
        2020,
    )
    assert (found.shown, found.expected) == (1690, -1690)
    assert found.message == (
        "Anlæg: Over-/underskud 2020 vises som 1.690, men regnskab 0 minus korrigeret budget 1.690 giver "
        "-1.690 (fortegn modsat konventionen +=underskud og -=overskud)"
    )


def test_variance_off_by_one_unit_is_a_warning_and_two_units_an_error() -> None:
    def variance(shown: str) -> list:
        return row(
            "IT, inventar og materiel", "2", {"actual": "1.071", "revised_budget": "1.165", "variance": shown}
        )

    assert rules.variance_mismatch(DOC, variance("-94")) == []
    found = _only(rules.variance_mismatch(DOC, variance("-95")))
    assert (found.severity, found.row_code, found.shown, found.expected) == ("warning", "2", -95, -94)
    assert _only(rules.variance_mismatch(DOC, variance("-96"))).severity == "error"


def test_reversed_convention_budget_minus_actual() -> None:
    def variance(shown: str) -> list:
        return row(
            "IT, inventar og materiel",
            "2",
            {"actual": "1.071", "revised_budget": "1.165", "variance": shown},
            sign_convention="budget_minus_actual",
        )

    assert rules.variance_mismatch(DOC, variance("94")) == []
    found = _only(rules.variance_mismatch(DOC, variance("-94")))
    assert (found.severity, found.expected) == ("error", 94)
    assert "korrigeret budget 1.165 minus regnskab 1.071" in found.message
    assert "+=overskud og -=underskud" in found.message


def test_en_dash_and_parenthesised_negatives_are_ordinary_decimals() -> None:
    for printed in ("\u20131.827", "(1.827)"):
        facts = row(
            "Drift Fagområde",
            None,
            {"actual": "45.271", "revised_budget": "47.098", "variance": printed},
            title=OVERALL,
        )
        assert rules.variance_mismatch(DOC, facts) == [], printed


def test_missing_convention_assumes_the_danish_standard_and_says_so() -> None:
    found = _only(rules.variance_mismatch(DOC, without_convention(_anlaeg("1.690"))))
    assert found.severity == "error" and found.expected == -1690
    assert "ingen konvention" in found.message
    assert rules.variance_mismatch(DOC, without_convention(_anlaeg("-1.690"))) == []


def test_without_a_stated_convention_the_column_is_held_to_the_rule_its_rows_follow() -> None:
    """A table printing budget minus actual in every row is consistent, not wrong (no note says so);
    the one row that breaks the column's own rule is found."""
    facts = [
        *without_convention(row("Skoler", "1", {"actual": "900", "revised_budget": "1.000",
                                                "variance": "100"})),
        *without_convention(row("Veje", "2", {"actual": "550", "revised_budget": "500", "variance": "-50"})),
        *without_convention(row("Kultur", "3", {"actual": "300", "revised_budget": "280", "variance": "20"})),
    ]
    found = _only(rules.variance_mismatch(DOC, facts))
    assert (found.row_label, found.expected) == ("Kultur", -20)
    assert "ingen konvention" in found.message
    assert rules.variance_mismatch(DOC, facts[:6]) == []


def test_a_grouped_table_adds_up_by_group_heading_and_by_subtotals() -> None:
    """Rows under a group heading without figures add up to the group's subtotal; the grand total is
    the subtotals plus the rows no subtotal took. No false sum_mismatch, and a real gap is still found."""
    def one(label: str, value: str) -> list:
        return row(label, None, {"actual": value}, title="Nettodriftsudgifter", is_total="i alt" in label)

    facts = [*one("Hospital A", "100"), *one("Hospital B", "50"), *one("Hospitaler i alt", "150"),
             *one("Psykiatrien", "40"), *one("Almen praksis", "20"), *one("Medicin", "10"),
             *one("Praksisområdet i alt", "30"), *one("Præhospitalt", "5"), *one("Sundhed i alt", "225")]
    assert rules.sum_mismatch(DOC, facts) == []
    facts[-1] = replace(facts[-1], value=Decimal(325000), as_printed="325")
    assert [f.row_label for f in rules.sum_mismatch(DOC, facts)] == ["Sundhed i alt"]


def test_variance_against_bare_budget_when_there_is_no_revised_budget() -> None:
    facts = row("Leasing", "3", {"actual": "11.503", "budget": "11.632", "variance": "-129"}, title="Andet")
    assert rules.variance_mismatch(DOC, facts) == []
    facts = row("Leasing", "3", {"actual": "11.503", "budget": "11.632", "variance": "-229"}, title="Andet")
    assert "minus budget 11.632" in _only(rules.variance_mismatch(DOC, facts)).message


# --- price_year_missing / price_year_mismatch ---------------------------------------------------------


def _past_actual(price_year: int | None, fiscal_year: int = 2018) -> list:
    return row(
        "Drift Fagområde",
        None,
        {"actual": "44.168"},
        title=OVERALL,
        fiscal_year=fiscal_year,
        price_year=price_year,
    )


def test_past_year_column_needs_a_price_year() -> None:
    found = _only(rules.price_year_rules(DOC, _past_actual(None), []))
    assert (found.rule, found.severity, found.fiscal_year, found.phase) == (
        "price_year_missing",
        "error",
        2018,
        "actual",
    )
    assert "Regnskab 2018 er i 2018-priser" in found.message


def test_own_year_or_declared_restatement_in_report_year_prices_pass() -> None:
    assert rules.price_year_rules(DOC, _past_actual(2018), []) == []
    assert rules.price_year_rules(DOC, _past_actual(2020), []) == []


def test_past_year_in_a_third_price_level_is_a_mismatch() -> None:
    found = _only(rules.price_year_rules(DOC, _past_actual(2019), []))
    assert (found.rule, found.severity) == ("price_year_mismatch", "error")


def test_report_year_columns_are_current_prices_and_a_note_must_agree() -> None:
    budget = row("Drift Fagområde", None, {"revised_budget": "47.098"}, title=OVERALL)
    assert rules.price_year_rules(DOC, budget, []) == []
    wrong = row("Drift Fagområde", None, {"actual": "45.271"}, title=OVERALL, price_year=2019)
    assert _only(rules.price_year_rules(DOC, wrong, [])).rule == "price_year_mismatch"


def test_contradicting_price_year_notes() -> None:
    notes = [
        note(
            "price_year",
            "Regnskab 2018 er i 2018-priser",
            table="overall_result",
            fiscal_year=2018,
            price_year=2018,
            phase="actual",
        ),
        note(
            "price_year",
            "Regnskab 2018 er i 2020-priser",
            table="overall_result",
            fiscal_year=2018,
            price_year=2020,
            phase="actual",
        ),
    ]
    found = _only(rules.price_year_rules(DOC, _past_actual(2018), notes))
    assert (found.rule, found.fiscal_year) == ("price_year_mismatch", 2018)


def test_price_years_unchecked_without_a_report_year() -> None:
    assert rules.price_year_rules(document(None), _past_actual(None), []) == []


# --- sign_convention_missing --------------------------------------------------------------------------


def test_table_with_variances_but_no_convention_gives_one_warning() -> None:
    facts = without_convention(
        [
            *row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"}),
            *row("Leasing", "3", {"actual": "11.503", "revised_budget": "11.632", "variance": "-129"}),
        ]
    )
    found = _only(rules.sign_convention_missing(DOC, facts, []))
    assert (found.severity, found.table, found.phase) == ("warning", "activity_areas", "variance")


def test_negative_amounts_need_an_amount_sign_note() -> None:
    facts = row("Hardware og WAN-forbindelser", "2.a", {"actual": "-1.230"}, title=SPECIFIC, account=None)
    found = _only(rules.sign_convention_missing(DOC, facts, []))
    assert (found.severity, found.row_code) == ("warning", "2.a")
    sign_note = note(
        "amount_sign", "+= udgift; -= indtægt", table="specific_assumptions", table_title=SPECIFIC
    )
    assert rules.sign_convention_missing(DOC, facts, [sign_note]) == []


def test_amount_sign_note_covers_the_whole_chapter_only() -> None:
    income = row("Parkering", "5", {"actual": "-1.526"})  # in the activity table
    chapter_note = note("amount_sign", "+= udgift; -= indtægt", table="specific_assumptions")
    assert rules.sign_convention_missing(DOC, income, [chapter_note]) == []
    other_chapter = replace(chapter_note, policy_area="Kultur")
    assert _only(rules.sign_convention_missing(DOC, income, [other_chapter])).row_code == "5"


def test_income_line_needs_an_amount_sign_note() -> None:
    facts = row("Indtægter fra salg", "6", {"actual": "300"})
    assert _only(rules.sign_convention_missing(DOC, facts, [])).row_label == "Indtægter fra salg"


def test_stated_conventions_give_nothing() -> None:
    facts = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"})
    assert rules.sign_convention_missing(DOC, facts, []) == []


# --- cross_table_mismatch -----------------------------------------------------------------------------


def _hub(total_actual: str = "45.271", row5_actual: str = "16.748") -> list:
    return [
        *row("Øvrige systemer", "5", {"actual": row5_actual, "revised_budget": "16.892"}),
        *row(
            "Politikområdet i alt", None, {"actual": total_actual, "revised_budget": "47.098"}, is_total=True
        ),
    ]


def _specific(
    total_actual: str = "45.271", row5_actual: str = "16.748", total_budget: str = "47.098"
) -> list:
    kwargs = {"title": SPECIFIC, "account": None, "page": 3}
    return [
        *row("Øvrige systemer", "5", {"budget": "16.892", "actual": row5_actual}, **kwargs),
        *row("Kombit-systemer", "5.a", {"budget": "7.475", "actual": "6.415"}, **kwargs),
        *row(
            "Politikområdet i alt",
            None,
            {"budget": total_budget, "actual": total_actual},
            is_total=True,
            **kwargs,
        ),
    ]


def _overall(total_actual: str = "45.271") -> list:
    return row(
        "Politikområde IT- drift i alt",
        None,
        {"actual": total_actual, "revised_budget": "47.098"},
        title=OVERALL,
        is_total=True,
        page=1,
    )


def test_agreeing_tables_give_nothing() -> None:
    assert rules.cross_table_mismatch(DOC, [*_hub(), *_specific(), *_overall()]) == []


def test_specific_assumptions_total_against_activity_total() -> None:
    found = _only(rules.cross_table_mismatch(DOC, [*_hub(), *_specific(total_actual="45.275"), *_overall()]))
    assert (found.severity, found.table, found.row_code, found.phase) == (
        "error",
        "specific_assumptions",
        None,
        "actual",
    )
    assert (found.shown, found.expected) == (45275, 45271)


def test_one_unit_of_drift_between_activity_rows_is_a_warning() -> None:
    found = _only(rules.cross_table_mismatch(DOC, [*_hub(), *_specific(row5_actual="16.749"), *_overall()]))
    assert (found.severity, found.table, found.row_code, found.shown, found.expected) == (
        "warning",
        "specific_assumptions",
        "5",
        16749,
        16748,
    )


def test_specific_budget_is_compared_with_the_revised_budget() -> None:
    found = _only(rules.cross_table_mismatch(DOC, [*_hub(), *_specific(total_budget="47.100")]))
    assert (found.phase, found.severity, found.expected) == ("budget", "error", 47098)


def test_a_hub_discrepancy_is_reported_once_per_other_table() -> None:
    # The activity total is the odd one out: overall and specific both disagree with it, one finding each.
    findings = rules.cross_table_mismatch(DOC, [*_hub(total_actual="45.280"), *_specific(), *_overall()])
    assert sorted(f.table for f in findings) == ["overall_result", "specific_assumptions"]


def test_anlaeg_table_is_not_compared_with_drift_activities() -> None:
    assert rules.cross_table_mismatch(DOC, [*_hub(), *_anlaeg("-1.690")]) == []


# --- narrative_mismatch -------------------------------------------------------------------------------


def _seed_like_tables() -> list:
    specific = {"title": SPECIFIC, "account": None, "page": 3}
    return [
        *row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"}),
        *row(
            "IT, inventar og materiel", "2", {"actual": "1.071", "revised_budget": "1.165", "variance": "-95"}
        ),
        *row(
            "Politikområdet i alt",
            None,
            {"actual": "45.271", "revised_budget": "47.098", "variance": "-1.827"},
            is_total=True,
        ),
        *row("Digitaliseringspuljen", "1.a", {"budget": "2.151", "actual": "1.559"}, **specific),
        *row("DIGIT", "1.b", {"budget": "2.402", "actual": "1.991"}, **specific),
        *row("Software & licenser Bruger", "2.b", {"budget": "-10.600", "actual": "-10.442"}, **specific),
        *row(
            "Drift Fagområde",
            None,
            {"actual": "45.271", "revised_budget": "47.098", "variance": "-1.827"},
            title=OVERALL,
            page=1,
        ),
        *row(
            "Politikområde IT- drift i alt",
            None,
            {"actual": "45.271", "revised_budget": "47.098", "variance": "-1.827"},
            title=OVERALL,
            is_total=True,
            page=1,
        ),
        *_anlaeg("1.690"),
    ]


def test_narrative_surplus_against_computed_sub_item_result() -> None:
    found = _only(
        rules.narrative_mismatch(
            DOC, _seed_like_tables(), [amount("surplus", "746.810 kr.", row_code="1.a", note_number="1a")]
        )
    )
    assert (found.rule, found.severity, found.table, found.row_code) == (
        "narrative_mismatch",
        "error",
        "specific_assumptions",
        "1.a",
    )
    assert (found.shown, found.expected) == (Decimal("-746.81"), -592)
    assert "Note 1a" in found.message and "746.810 kr." in found.message


def test_narrative_within_both_roundings_passes() -> None:
    amounts = [
        amount("surplus", "1.003.472 kr.", row_code="1"),  # printed variance -1.003
        amount("surplus", "94.640 kr.", row_code="2"),  # -95: 360 kr. off, within 500,5 kr.
        amount("expense", "1.990.977 kr.", row_code="1.b"),
        amount("surplus", "411.472 kr.", row_code="1.b"),  # 1.991 - 2.402 = -411
        amount("deficit", "158.453 kr.", row_code="2.b"),  # -10.442 - -10.600 = +158
        amount("surplus", "1,8 mio. kr.", note_number=None),  # the policy-area total, -1.827
        amount("budget", "1,7 mio. kr.", note_number=None, account="anlaeg"),  # Anlæg Korr. budget 1.690
    ]
    assert rules.narrative_mismatch(DOC, _seed_like_tables(), amounts) == []


def test_opening_text_amount_in_millions_uses_its_printed_precision() -> None:
    found = _only(
        rules.narrative_mismatch(
            DOC, _seed_like_tables(), [amount("surplus", "0,8 mio. kr.", row_code="1.a", note_number=None)]
        )
    )
    assert (found.shown, found.expected, found.severity) == (-800, -592, "error")
    assert "Indledende tekst" in found.message
    # 0,6 mio. kr. is within ±50.000 kr. of the printed 0,6 plus 1.000 kr. of the two table figures.
    assert (
        rules.narrative_mismatch(
            DOC, _seed_like_tables(), [amount("surplus", "0,6 mio. kr.", row_code="1.a", note_number=None)]
        )
        == []
    )


def test_surplus_and_deficit_have_opposite_signs() -> None:
    assert (
        _only(
            rules.narrative_mismatch(
                DOC, _seed_like_tables(), [amount("surplus", "158.453 kr.", row_code="2.b")]
            )
        ).expected
        == 158
    )


def test_carry_over_has_no_table_figure() -> None:
    # No table prints "Søgt overført": the amount is never checked and no info finding is raised for it,
    # not even when its row is missing.
    carry = amount("carry_over_requested", "9.999.999 kr.", row_code="1", to_year=2021)
    orphan = amount("carry_over_requested", "9.999.999 kr.", row_code="9", to_year=2021)
    assert rules.narrative_mismatch(DOC, _seed_like_tables(), [carry, orphan]) == []


def test_anlaeg_budget_mismatch() -> None:
    found = _only(
        rules.narrative_mismatch(
            DOC, _seed_like_tables(), [amount("budget", "1,5 mio. kr.", note_number=None, account="anlaeg")]
        )
    )
    assert (found.row_label, found.phase, found.expected) == ("Anlæg", "revised_budget", 1690)


def test_anlaeg_sentence_is_never_read_against_a_drift_row() -> None:
    # Row 1 exists only among the Drift activities; an Anlæg budget cannot be about it, so it stays unchecked.
    capital = amount("budget", "2,0 mio. kr.", row_code="1", note_number=None, account="anlaeg")
    found = _only(rules.narrative_mismatch(DOC, _seed_like_tables(), [capital]))
    assert (found.severity, found.table, found.expected) == ("info", None, None)
    assert "ingen Anlæg-tabel i politikområdet IT har en række 1" in found.message


def _unmatched(facts: list, narrative_amount) -> Finding:
    found = _only(rules.narrative_mismatch(DOC, facts, [narrative_amount]))
    assert (found.rule, found.severity) == ("narrative_mismatch", "info")
    assert (found.table, found.row_label, found.expected) == (None, None, None)
    assert (found.page, found.policy_area, found.fiscal_year) == (3, "IT", 2020)
    assert found.message.endswith("Beløbet er ikke kontrolleret")
    return found


def test_narrative_amount_about_a_row_no_table_has_is_reported_as_info() -> None:
    found = _unmatched(_seed_like_tables(), amount("surplus", "412.000 kr.", row_code="9", note_number="9a"))
    assert found.message == (
        "Note 9a: teksten nævner et overskud på 412.000 kr. om række 9, men beløbet kan ikke holdes op "
        "mod et tal i tabellerne: ingen Drift-tabel i politikområdet IT har en række 9. "
        "Beløbet er ikke kontrolleret"
    )
    # The amount in the standard sign (a surplus is negative), in its printed unit.
    assert (found.row_code, found.shown, found.unit) == ("9", -412000, "DKK")


def test_opening_text_amount_without_a_total_row_is_reported_as_info() -> None:
    facts = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"})
    found = _unmatched(facts, amount("deficit", "1,8 mio. kr.", note_number=None))
    assert found.message.startswith("Indledende tekst: teksten nævner et underskud på 1,8 mio. kr., men")
    assert "ingen Drift-tabel i politikområdet IT har en i alt-række" in found.message
    assert (found.shown, found.unit) == (Decimal("1.8"), "mio DKK")


def test_narrative_amount_whose_row_lacks_the_column_is_reported_as_info() -> None:
    budget_only = row("Udvikling", "1", {"revised_budget": "4.553"})
    expense = _unmatched(budget_only, amount("expense", "3.550.000 kr.", row_code="1"))
    assert "rækken (1 Udvikling i Regnskab på aktivitetsområder) har ingen kolonne Regnskab 2020" in (
        expense.message
    )
    result = _unmatched(budget_only, amount("surplus", "1.003.472 kr.", row_code="1"))
    wanted = "ingen kolonne Over-/underskud 2020 eller både Regnskab 2020 og Korr. budget 2020/Budget 2020"
    assert wanted in result.message


def test_narrative_kind_without_a_table_figure_is_reported_as_info() -> None:
    forecast = replace(amount("surplus", "1.003.472 kr.", row_code="1"), kind="forecast")
    found = _unmatched(_seed_like_tables(), forecast)
    assert "typen 'forecast' svarer ikke til nogen tabelkolonne" in found.message


def test_narrative_reads_a_reversed_convention_variance() -> None:
    facts = row(
        "Udvikling",
        "1",
        {"actual": "3.550", "revised_budget": "4.553", "variance": "1.003"},
        sign_convention="budget_minus_actual",
    )
    assert rules.narrative_mismatch(DOC, facts, [amount("surplus", "1.003.472 kr.", row_code="1")]) == []


# --- quantity_price_mismatch --------------------------------------------------------------------------


def _priced(quantity: str, price: str, amount_printed: str) -> list:
    kwargs = {"title": SPECIFIC, "account": None, "row_code": "3", "row_label": "Leasing", "page": 3}
    return [
        fact(quantity, measure="quantity", **kwargs),
        fact(price, measure="unit_price", **kwargs),
        fact(amount_printed, **kwargs),
    ]


def test_quantity_times_price_within_rounding_passes() -> None:
    assert rules.quantity_price_mismatch(DOC, _priced("100", "35.500", "3.550")) == []
    # 3 x 1.234 = 3.702 kr. printed as 4 (1.000 kr.): 298 kr. off, within the rounding of all three.
    assert rules.quantity_price_mismatch(DOC, _priced("3", "1.234", "4")) == []


def test_quantity_times_price_beyond_rounding_is_an_error() -> None:
    found = _only(rules.quantity_price_mismatch(DOC, _priced("100", "35.500", "3.650")))
    assert (found.severity, found.row_code, found.shown, found.expected) == (
        "error",
        "3",
        3650,
        Decimal("3550"),
    )


def test_rules_never_change_the_facts() -> None:
    facts = _seed_like_tables()
    before = [replace(f) for f in facts]
    rules.run_rules(DOC, facts, [], [amount("surplus", "746.810 kr.", row_code="1.a")])
    assert facts == before
    assert all(isinstance(f.value, Decimal) for f in facts)


def test_findings_carry_the_document() -> None:
    found = _only(rules.variance_mismatch(DOC, _anlaeg("1.690")))
    assert (found.sha256, found.file, found.policy_area, found.table_title) == (
        DOC.sha256,
        DOC.file,
        "IT",
        OVERALL,
    )


# --- new phases and flows -----------------------------------------------------------------------------


def _flows(facts: list, flow: str) -> list:
    return [replace(f, flow=flow) for f in facts]


def test_sums_stay_within_one_flow() -> None:
    # Rows marked U and I share their labels; the U total sums the U rows only, the I total the I rows.
    expenditure = _flows([
        *row("Udvikling", "1", {"actual": "3.550"}),
        *row("Leasing", "3", {"actual": "11.503"}),
        *row("I alt", None, {"actual": "15.053"}, is_total=True),
    ], "expenditure")
    income = _flows([
        *row("Udvikling", "1", {"actual": "-550"}),
        *row("Leasing", "3", {"actual": "-503"}),
        *row("I alt", None, {"actual": "-1.053"}, is_total=True),
    ], "income")

    assert rules.sum_mismatch(DOC, [*expenditure, *income]) == []
    wrong = [*expenditure[:-1], replace(expenditure[-1], value=Decimal(15_153_000), as_printed="15.153")]
    found = _only(rules.sum_mismatch(DOC, [*wrong, *income]))
    assert (found.row_label, found.expected, found.shown) == ("I alt", 15053, 15153)


def test_sub_items_sum_to_the_parent_of_their_flow() -> None:
    facts = [
        *_flows(row("Øvrige", "2", {"actual": "300"}), "expenditure"),
        *_flows(row("Licenser", "2.a", {"actual": "300"}), "expenditure"),
        *_flows(row("Øvrige", "2", {"actual": "-100"}), "income"),
        *_flows(row("Licenser", "2.a", {"actual": "-100"}), "income"),
    ]
    assert rules.sum_mismatch(DOC, facts) == []


def test_variances_compare_within_their_flow() -> None:
    facts = [
        *_flows(row("Udvikling", "1", {"actual": "900", "revised_budget": "1.000", "variance": "-100"}),
                "expenditure"),
        *_flows(row("Udvikling", "1", {"actual": "-300", "revised_budget": "-200", "variance": "-100"}),
                "income"),
    ]
    assert rules.variance_mismatch(DOC, facts) == []


def test_capital_variance_is_measured_against_the_appropriation() -> None:
    # "Afvigelse = Forbrug − Anlægsbevilling": no revised budget, so the appropriation is the base.
    capital = {"actual": "500", "appropriation": "700", "variance": "-200"}
    facts = row("Ny server", None, capital, title=OVERALL, account="anlaeg")
    assert rules.variance_mismatch(DOC, facts) == []

    flipped = row("Ny server", None, {**capital, "variance": "200"}, title=OVERALL, account="anlaeg")
    found = _only(rules.variance_mismatch(DOC, flipped))
    assert (found.severity, found.expected, found.shown) == ("error", -200, 200)
    assert "regnskab 500 minus bevilling 700" in found.message


def test_the_revised_budget_stays_the_base_beside_an_appropriation() -> None:
    facts = row("Anlæg", None, {"actual": "500", "revised_budget": "600", "appropriation": "700",
                                "variance": "-100"}, title=OVERALL, account="anlaeg")
    assert rules.variance_mismatch(DOC, facts) == []


def test_a_forecast_is_never_read_as_the_actual() -> None:
    # Forventet regnskab beside Korr. budget: with no Regnskab there is no variance to recompute, and a
    # narrative "anvendt" amount finds no actual to compare with.
    facts = row("Udvikling", "1", {"forecast": "900", "revised_budget": "1.000", "variance": "-300"})
    assert rules.variance_mismatch(DOC, facts) == []
    used = amount("actual", "900.000 kr.", row_code="1")
    found = _only(rules.narrative_mismatch(DOC, facts, [used]))
    assert found.severity == "info" and "Regnskab 2020" in found.message


def test_overspend_and_underspend_are_checked_against_the_result() -> None:
    facts = row("Udvikling", "1", {"actual": "2.400", "revised_budget": "1.000", "variance": "1.400"})
    agrees = amount("overspend", "1,4 mio. kr.", row_code="1")
    opposite = amount("underspend", "1,4 mio. kr.", row_code="1")

    assert rules.narrative_mismatch(DOC, facts, [agrees]) == []
    found = _only(rules.narrative_mismatch(DOC, facts, [opposite]))
    assert (found.severity, found.expected, found.shown) == ("error", 1400, -1400)


def test_a_transfer_is_never_compared_with_a_table_figure() -> None:
    facts = row("Udvikling", "1", {"actual": "2.400", "revised_budget": "1.000", "variance": "1.400"})
    assert rules.narrative_mismatch(DOC, facts, [amount("transfer", "746.810 kr.", row_code="1")]) == []


def test_an_overslagsaar_is_not_the_budget_of_the_report_year() -> None:
    # Specifikke forudsætninger's Budget is compared with Korr. budget; a budget_estimate never is.
    hub = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553"})
    estimate = row("Udvikling", "1", {"budget_estimate": "9.999", "actual": "3.550"}, title=SPECIFIC,
                   fiscal_year=2020)
    assert rules.cross_table_mismatch(DOC, [*hub, *estimate]) == []
    assert rules.price_year_rules(DOC, estimate, []) == []
