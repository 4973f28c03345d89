"""layout.py: words -> lines -> phrases, header stacks, figure columns and spanning headers."""

from __future__ import annotations

import pytest

from itdrift_pipeline.extract.layout import (
    Phrase,
    Word,
    column_of,
    group_lines,
    partition_under_groups,
    stack_columns,
)


def word(text: str, x0: float, top: float, *, width: float | None = None, size: float = 8.5) -> Word:
    return Word(text, 1, x0, top, x0 + (width or 4.5 * len(text)), top + size, size, False)


def phrase(text: str, x0: float, x1: float, top: float = 100.0) -> Phrase:
    return Phrase((Word(text, 1, x0, top, x1, top + 8.5, 8.5, False),))


def test_words_on_one_baseline_form_one_line_and_cells_form_phrases() -> None:
    words = [
        word("Drift", 60, 300.4), word("Fagområde", 85, 300.0),  # one label, a word space apart
        word("44.168", 321, 300.2), word("-1.827", 511, 299.9),
        word("Politikområde", 60, 317),
    ]
    first, second = group_lines(words)
    assert [p.text for p in first.phrases] == ["Drift Fagområde", "44.168", "-1.827"]
    assert [p.text for p in second.phrases] == ["Politikområde"]


def test_lines_come_out_top_to_bottom_whatever_the_word_order() -> None:
    words = [word("c", 60, 400), word("a", 60, 100), word("b", 60, 250)]
    assert [line.text for line in group_lines(words)] == ["a", "b", "c"]


def test_wrapped_header_cells_stack_into_columns() -> None:
    stacks = stack_columns([
        phrase("Korr.", 467, 486, 224), phrase("budget", 460, 486, 235), phrase("2020", 467, 486, 246),
        phrase("Over-/", 512, 535, 224), phrase("underskud", 496, 535, 235), phrase("2020", 516, 535, 246),
    ])
    assert [s.text for s in stacks] == ["Korr. budget 2020", "Over-/ underskud 2020"]


def test_a_phrase_bridging_two_stacks_merges_them() -> None:
    stacks = stack_columns([phrase("a", 0, 10, 0), phrase("b", 20, 30, 0), phrase("wide", 5, 25, 10)])
    assert [s.text for s in stacks] == ["a b wide"]


def test_figures_go_to_the_column_they_overlap_most() -> None:
    stacks = stack_columns([phrase("Regnskab 2020", 356, 394), phrase("Opr. Budget 2020", 413, 440)])
    assert column_of(phrase("3.550", 373, 394), stacks) == 0
    assert column_of(phrase("2.026", 419, 440), stacks) == 1
    assert column_of(phrase("9", 300, 305), stacks) is None


LEAVES = stack_columns([
    phrase("Mængde", 271, 305), phrase("Gns. pris", 317, 351), phrase("Budget", 370, 397),
    phrase("Mængde", 409, 443), phrase("Gns. pris", 455, 489), phrase("Regnskab", 497, 535),
])


def test_centred_spanning_headers_head_their_three_columns() -> None:
    # "Budget 2020" centred over its three columns overlaps only the middle one.
    groups = [phrase("Budget 2020", 307, 355), phrase("Regnskab 2020", 439, 499)]
    assert partition_under_groups(LEAVES, groups) == [0, 0, 0, 1, 1, 1]


def test_left_aligned_spanning_headers_head_their_three_columns() -> None:
    groups = [phrase("Budget 2020", 271, 320), phrase("Regnskab 2020", 409, 469)]
    assert partition_under_groups(LEAVES, groups) == [0, 0, 0, 1, 1, 1]


def test_more_spanning_headers_than_columns_is_an_error() -> None:
    with pytest.raises(ValueError, match="cannot place"):
        partition_under_groups(LEAVES[:1], [phrase("a", 0, 1), phrase("b", 2, 3)])


def test_words_and_phrases_are_equal_and_hashed_by_value() -> None:
    """Word and Phrase are plain dataclasses (cheap to build), kept hashable by value as frozen ones were."""
    first, again = word("1.234", 10.0, 20.0), word("1.234", 10.0, 20.0)
    assert first == again and hash(first) == hash(again) and len({first, again}) == 1
    assert Phrase((first,)) == Phrase((again,)) and len({Phrase((first,)), Phrase((again,))}) == 1
    assert Phrase((first,)).text == "1.234"
