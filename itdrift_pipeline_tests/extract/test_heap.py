"""fewer_collections raises the young generation's threshold while documents are read and restores
Python's own when the last one is done, whichever order overlapping reads finish in."""

from __future__ import annotations

import gc

import pytest

from itdrift_pipeline.extract.heap import YOUNG_GENERATION_ALLOCATIONS, fewer_collections


def test_thresholds_are_raised_while_reading_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(YOUNG_GENERATION_ALLOCATIONS, before[0]), *before[1:])
    assert gc.get_threshold() == before


def test_overlapping_reads_restore_only_when_the_last_is_done() -> None:
    before = gc.get_threshold()
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == max(YOUNG_GENERATION_ALLOCATIONS, before[0])
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_a_failed_read_restores_the_thresholds() -> None:
    before = gc.get_threshold()

    @fewer_collections()
    def failing() -> None:
        raise ValueError("a damaged page")

    with pytest.raises(ValueError):
        failing()
    assert gc.get_threshold() == before
