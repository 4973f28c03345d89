"""Sums and cross-table checks on tables other publishers print (the fourth blind holdout's layouts):
totals printed above their rows, and a Specifikke forudsætninger table that lists some activities only."""

from __future__ import annotations

from itdrift_pipeline.validate.rules import cross_table_mismatch, sum_mismatch

from .builders import ACTIVITY, SPECIFIC, document, row

TOTALS_FIRST = [
    *row("Drift i alt", None, {"actual": "600"}, is_total=True),
    *row("Serviceudgifter i alt", None, {"actual": "400"}, is_total=True),
    *row("Dagtilbud", None, {"actual": "150"}),
    *row("Skoler", None, {"actual": "250"}),
    *row("Overførselsudgifter i alt", None, {"actual": "200"}, is_total=True),
    *row("Kontanthjælp", None, {"actual": "120"}),
    *row("Førtidspension", None, {"actual": "80"}),
]


def test_totals_printed_above_their_rows_add_up() -> None:
    assert sum_mismatch(document(), TOTALS_FIRST) == []


def test_a_wrong_total_printed_above_its_rows_is_found() -> None:
    wrong = [*TOTALS_FIRST[:5], *row("Overførselsudgifter i alt", None, {"actual": "210"}, is_total=True),
             *TOTALS_FIRST[6:]]
    assert {(f.rule, f.row_label, f.severity) for f in sum_mismatch(document(), wrong)} == {
        ("sum_mismatch", "Overførselsudgifter i alt", "error")
    }


ACTIVITIES = [
    *row("Drift af servere", "1", {"actual": "5.000", "revised_budget": "5.100"}, title=ACTIVITY),
    *row("Licenser", "2", {"actual": "12.000", "revised_budget": "12.500"}, title=ACTIVITY),
    *row("Support", "3", {"actual": "19.720", "revised_budget": "19.950"}, title=ACTIVITY),
    *row("Politikområdet i alt", None, {"actual": "36.720", "revised_budget": "37.550"}, title=ACTIVITY,
         is_total=True),
]
SOME_ACTIVITIES = [
    *row("Servere i drift", "1.a", {"actual": "3.339", "budget": "3.290"}, title=SPECIFIC),
    *row("IT-supportere, årsværk", "3", {"actual": "19.720", "budget": "19.950"}, title=SPECIFIC),
    *row("I alt", None, {"actual": "23.059", "budget": "23.240"}, title=SPECIFIC, is_total=True),
]


def test_specific_assumptions_of_some_activities_are_summed_and_not_held_to_the_area_total() -> None:
    facts = [*ACTIVITIES, *SOME_ACTIVITIES]
    # "1.a" without its parent "1" in the table is a row of its own: the two rows add up to I alt.
    assert sum_mismatch(document(), facts) == []
    # Its I alt totals the listed activities only, so it is not compared with Politikområdet i alt;
    # activity 3 is still compared row by row.
    assert cross_table_mismatch(document(), facts) == []
    support = row("IT-supportere, årsværk", "3", {"actual": "19.820", "budget": "19.950"}, title=SPECIFIC)
    wrong_row = [*ACTIVITIES, *SOME_ACTIVITIES[:2], *support, *SOME_ACTIVITIES[4:]]
    assert {f.row_code for f in cross_table_mismatch(document(), wrong_row)} == {"3"}
