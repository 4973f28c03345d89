"""The golden test: every figure, note and narrative amount of the published seed chapter comes out of
data/raw/naestved_regnskab_2020_it.pdf exactly as the corpus ground truth states it (bbox aside)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from decimal import Decimal

from benchmarks.extract_accuracy import score
from itdrift_pipeline_tests import corpus
from itdrift_pipeline_tests.extract.conftest import page_sizes

SEED_FACTS = 77  # overall result 15 + Anlæg 5 + activity areas 24 + specific assumptions 33
SEED_NOTES = 12
SEED_NARRATIVE_AMOUNTS = 24  # 5 in the opening text, 19 in the numbered notes


def _fields(obj: object, *ignored: str) -> tuple:
    data = asdict(obj)
    for name in ignored:
        data.pop(name)
    return tuple(sorted(data.items()))


def test_every_fact_equals_the_ground_truth_field_by_field(seed) -> None:
    document, result = seed
    expected = corpus.expected_facts(document.chapters, document.layout)
    assert len(expected) == SEED_FACTS
    assert len(result.facts) == SEED_FACTS
    assert Counter(_fields(f, "bbox") for f in result.facts) == Counter(_fields(f, "bbox") for f in expected)


def test_every_note_matches(seed) -> None:
    document, result = seed
    expected = corpus.expected_notes(document.chapters, document.layout)
    assert len(expected) == len(result.notes) == SEED_NOTES
    notes = next(s for s in score(document, result) if s.kind == "notes")
    assert notes.perfect, (notes.missing, notes.unexpected)
    # The statements come out verbatim, one Note each.
    assert Counter(n.text for n in result.notes) == Counter(n.text for n in expected)


def test_every_narrative_amount_equals_the_ground_truth(seed) -> None:
    document, result = seed
    expected = corpus.expected_narrative_amounts(document.chapters, document.layout)
    assert len(expected) == len(result.narrative_amounts) == SEED_NARRATIVE_AMOUNTS
    assert Counter(_fields(a, "bbox") for a in result.narrative_amounts) == Counter(
        _fields(a, "bbox") for a in expected
    )


def test_document_and_chapter(seed) -> None:
    document, result = seed
    info = result.document
    assert (info.status, info.municipality, info.report_type, info.fiscal_year, info.pages) == (
        "ok", "Næstved Kommune", "regnskab", 2020, 4,
    )
    assert [(c.policy_area, c.title, c.committee, c.first_page, c.last_page) for c in result.chapters] == [
        ("IT", "Politikområde IT", None, 1, 4)
    ]
    assert result.unknown_tables == []


def test_published_figures_and_their_meaning(seed) -> None:
    """Spot checks a reader of the seed text can verify by eye."""
    _, result = seed
    by_key = {(f.table, f.row_label, f.phase, f.fiscal_year, f.measure): f for f in result.facts}
    anlaeg = by_key[("overall_result", "Anlæg", "variance", 2020, "amount")]
    assert (anlaeg.value, anlaeg.account, anlaeg.sign_convention, anlaeg.page) == (
        Decimal(1_690_000), "anlaeg", "actual_minus_budget", 1,
    )
    actual_2018 = by_key[("overall_result", "Politikområde IT- drift i alt", "actual", 2018, "amount")]
    assert (actual_2018.value, actual_2018.price_year, actual_2018.is_total) == (
        Decimal(44_168_000), 2018, True,
    )
    software = by_key[("specific_assumptions", "Software & licenser Bruger", "actual", 2020, "amount")]
    assert (software.row_code, software.as_printed, software.price_year, software.page) == (
        "2.b", "-10.442", 2020, 3,
    )
    assert not any(f.row_label == "Drift Virksomheder" for f in result.facts)  # its cells are empty


def test_every_bbox_lies_inside_its_page(seed) -> None:
    document, result = seed
    sizes = page_sizes(document.pdf)
    for item in [*result.facts, *result.narrative_amounts]:
        width, height = sizes[item.page]
        x0, top, x1, bottom = item.bbox
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, item
