"""The layout corpus (other publishers' tables, itdrift_pipeline_tests/corpus/layouts) against extraction.

The accuracy tests are the ACCEPTANCE TESTS of the extractor rewrite: today's extractor reads the Næstved
template only, so they fail by design until the rewrite reads these layouts. Overall fact precision must be
>= 0.99 and recall >= 0.95; per failure class precision >= 0.99 and recall >= 0.9. The scoring is
truth.score, the same numbers `python -m benchmarks.extract_accuracy` prints in its layout section.

The corpus tests (truth equals a fresh derivation, coverage by producers) need no extraction and must pass.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from itdrift_pipeline_tests.corpus import layouts
from itdrift_pipeline_tests.corpus.layouts import truth as layout_truth
from itdrift_pipeline_tests.corpus.layouts.documents import CLASSES, documents

OVERALL_PRECISION, OVERALL_RECALL = 0.99, 0.95
CLASS_PRECISION, CLASS_RECALL = 0.99, 0.9


@pytest.fixture(scope="module")
def layout_scores() -> list[tuple[dict, layout_truth.Score]]:
    return layouts.committed_scores()


def _detail(scores: list[tuple[dict, layout_truth.Score]]) -> str:
    return "; ".join(f"{t['name']}: P={s.precision:.0%} R={s.recall:.0%} missing e.g. {s.missing[:1]}"
                     for t, s in scores if s.precision < 1 or s.recall < 1)


def test_overall_fact_precision_and_recall(layout_scores) -> None:
    total = layout_truth.total([s for _, s in layout_scores])
    assert total.precision >= OVERALL_PRECISION and total.recall >= OVERALL_RECALL, (
        f"precision {total.precision:.1%}, recall {total.recall:.1%} over {total.expected} facts: "
        + _detail(layout_scores))


@pytest.mark.parametrize("name", list(CLASSES))
def test_failure_class(layout_scores, name: str) -> None:
    members = [(t, s) for t, s in layout_scores if name in t["classes"]]
    assert members, f"no document covers {name}"
    total = layout_truth.total([s for _, s in members])
    assert total.precision >= CLASS_PRECISION and total.recall >= CLASS_RECALL, (
        f"{name}: precision {total.precision:.1%}, recall {total.recall:.1%}: " + _detail(members))


# --- The corpus itself (no extraction) ----------------------------------------------------------------


def test_committed_truth_equals_fresh_derivation() -> None:
    """The committed JSONs are what documents.py derives now: regenerate with
    `python -m itdrift_pipeline_tests.corpus.layouts --truth-only` (and re-render if the layout changed)."""
    for doc in documents():
        committed = json.loads((layouts.FIXTURE_DIR / f"{doc.name}.json").read_text(encoding="utf-8"))
        assert committed == layout_truth.expected(doc), doc.name


def test_every_committed_fixture_belongs_to_a_document() -> None:
    names = {doc.name for doc in documents()}
    files = {p.stem for p in Path(layouts.FIXTURE_DIR).iterdir() if p.suffix in (".pdf", ".json")}
    assert files == names


def test_every_class_is_covered_by_two_producers() -> None:
    producers: dict[str, set[str]] = defaultdict(set)
    for doc in documents():
        for name in doc.classes:
            producers[name].add(doc.producer)
    thin = {name: sorted(producers[name]) for name in CLASSES if len(producers[name]) < 2}
    assert not thin, thin


def test_corpus_size_and_producers() -> None:
    docs = documents()
    assert len(docs) >= 16
    for producer in layouts.PRODUCERS:
        assert sum(doc.producer == producer for doc in docs) >= 4, producer
    assert len({doc.name for doc in docs}) == len(docs)


def test_totals_are_sums_of_their_rows() -> None:
    """The invented figures add up: in every readable column the total row is the sum of the rows above."""
    for doc in documents():
        for table in doc.tables():
            totals = [row for row in table.rows if row.total]
            if len(totals) != 1 or not table.rows[-1].total:
                continue
            for j, meaning in enumerate(table.columns):
                if meaning.unread is not None:
                    continue
                parts = [layout_truth.parse_printed(row.cells[j]) for row in table.rows[:-1]]
                shown = layout_truth.parse_printed(table.rows[-1].cells[j])
                assert sum(p for p in parts if p is not None) == shown, (doc.name, table.caption, j)


def test_fixture_pdfs_are_small_and_short() -> None:
    import pdfplumber

    total = 0
    for doc in documents():
        pdf = layouts.FIXTURE_DIR / f"{doc.name}.pdf"
        total += pdf.stat().st_size
        with pdfplumber.open(pdf) as opened:
            assert 1 <= len(opened.pages) <= 2, doc.name
    assert total < 2_000_000


def test_every_expected_figure_and_label_is_printed() -> None:
    """The committed PDFs print what the truth expects: every figure as printed and every label's words
    (a stale PDF after a documents.py change fails here)."""
    import pdfplumber

    for truth in layouts.committed_truths():
        with pdfplumber.open(layouts.FIXTURE_DIR / truth["pdf"]) as opened:
            words = Counter(w["text"] for page in opened.pages for w in page.extract_words())
        printed = Counter(f["as_printed"] for f in truth["facts"])
        short = {text: n for text, n in printed.items() if words[text] < n}
        assert not short, (truth["name"], short)
        for fact in truth["facts"]:
            for word in fact["row_label"].split():
                assert words[word], (truth["name"], fact["row_label"], word)
