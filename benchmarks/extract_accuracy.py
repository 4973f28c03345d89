"""Extraction accuracy on the test corpus: precision and recall of facts, notes and narrative amounts.

For the seed chapter, the book and every layout variant, extract_document's output is compared with the
corpus ground truth, field by field (bbox excluded). The seed chapter printed by LibreOffice
(itdrift_pipeline_tests/fixtures/office/, ruled and borderless tables) is scored against the seed truth
too, pages aside: another producer breaks pages elsewhere.
Run: `.venv/bin/python -m benchmarks.extract_accuracy`.
The extraction tests call `score` and `corpus_documents` too, and assert 100 % everywhere.

A second section scores the layout corpus (itdrift_pipeline_tests/corpus/layouts: other publishers' table
shapes, the committed PDFs in itdrift_pipeline_tests/fixtures/layouts/) per document, per failure class and
overall; it does not change the exit status (that corpus is the target of the extractor rewrite).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline_tests import corpus
from itdrift_pipeline_tests.corpus import layouts
from itdrift_pipeline_tests.corpus.layouts import truth as layout_truth

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
OFFICE = ROOT / "itdrift_pipeline_tests" / "fixtures" / "office"
OFFICE_PDFS = {
    "office, no pages": OFFICE / "naestved_regnskab_2020_it_libreoffice.pdf",
    "office unruled, no p.": OFFICE / "naestved_regnskab_2020_it_libreoffice_unruled.pdf",
}


@dataclass(frozen=True)
class CorpusDocument:
    """A rendered corpus PDF and the ground truth it was rendered from."""

    name: str
    pdf: Path
    chapters: list
    layout: corpus.Layout


@dataclass(frozen=True)
class Score:
    """Matches of one kind of object (facts, notes, ...) between extraction and truth."""

    kind: str
    expected: int
    extracted: int
    matched: int
    missing: tuple[str, ...]  # the first few expected objects not extracted
    unexpected: tuple[str, ...]  # the first few extracted objects not expected

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def perfect(self) -> bool:
        return self.matched == self.expected == self.extracted


def corpus_documents(out_dir: Path) -> Iterator[CorpusDocument]:
    """The committed seed and book PDFs, then every variant rendered into out_dir."""
    seed = [corpus.seed_chapter()]
    yield CorpusDocument("seed", RAW / corpus.SEED_PDF_NAME, seed, corpus.render_seed(None))
    book = corpus.book_chapters()
    yield CorpusDocument("book", RAW / corpus.BOOK_PDF_NAME, book, corpus.render_book(None))
    for name in corpus.VARIANTS:
        variant = corpus.make_variant(name, out_dir)
        yield CorpusDocument(name, variant.pdf_path, variant.chapters, variant.layout)


def _without(obj: object, *names: str) -> tuple:
    fields = asdict(obj)
    for name in names:
        fields.pop(name, None)
    return tuple(sorted((k, repr(v)) for k, v in fields.items()))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _score_exact(kind: str, expected: Sequence, extracted: Sequence, *ignored: str) -> Score:
    want = Counter(_without(o, *ignored) for o in expected)
    got = Counter(_without(o, *ignored) for o in extracted)
    matched = sum((want & got).values())
    return Score(
        kind,
        len(expected),
        len(extracted),
        matched,
        tuple(str(dict(k)) for k in list((want - got).elements())[:5]),
        tuple(str(dict(k)) for k in list((got - want).elements())[:5]),
    )


def _score_notes(expected: Sequence[model.Note], extracted: Sequence[model.Note], *ignored: str) -> Score:
    """Exact on every field but the text; the expected statement must appear in the extracted text."""
    unmatched = list(extracted)
    missing = []
    for note in expected:
        key = _without(note, "text", *ignored)
        text = _collapse(note.text)
        found = next(
            (n for n in unmatched if _without(n, "text", *ignored) == key and text in _collapse(n.text)), None
        )
        if found is None:
            missing.append(str(note))
        else:
            unmatched.remove(found)
    matched = len(expected) - len(missing)
    return Score("notes", len(expected), len(extracted), matched, tuple(missing[:5]),
                 tuple(str(n) for n in unmatched[:5]))


def score(document: CorpusDocument, result: model.ExtractionResult, *, pages: bool = True) -> list[Score]:
    """Facts, notes, narrative amounts, unknown tables, chapters and document metadata against truth.

    pages=False leaves the page of facts, notes and narrative amounts out (a PDF of the same chapters from
    another producer); the chapters' page ranges and the page count are still compared.
    """
    chapters, layout = document.chapters, document.layout
    expected_doc = corpus.expected_document(layout)
    got_doc = {k: getattr(result.document, k) for k in expected_doc}
    ignored = () if pages else ("page",)
    return [
        _score_exact("facts", corpus.expected_facts(chapters, layout), result.facts, "bbox", *ignored),
        _score_notes(corpus.expected_notes(chapters, layout), result.notes, *ignored),
        _score_exact("narrative", corpus.expected_narrative_amounts(chapters, layout),
                     result.narrative_amounts, "bbox", *ignored),
        _score_exact("unknown_tables", corpus.expected_unknown_tables(chapters, layout),
                     result.unknown_tables, "bbox", "reason"),
        _score_exact("chapters", corpus.expected_chapters(chapters, layout), result.chapters),
        Score("document", 1, 1, int(got_doc == expected_doc),
              () if got_doc == expected_doc else (str(expected_doc),),
              () if got_doc == expected_doc else (str(got_doc),)),
    ]


def main() -> int:
    print(f"{'document':<20} {'kind':<15} {'expected':>8} {'extracted':>9} {'precision':>9} {'recall':>7}")
    all_perfect = True
    seed, seed_layout = [corpus.seed_chapter()], corpus.render_seed(None)
    office = [CorpusDocument(name, pdf, seed, seed_layout) for name, pdf in OFFICE_PDFS.items()]
    with tempfile.TemporaryDirectory() as tmp:
        for document in [*corpus_documents(Path(tmp)), *office]:
            result = extract_document(document.pdf)
            for item in score(document, result, pages=document.name not in OFFICE_PDFS):
                all_perfect &= item.perfect
                print(f"{document.name:<20} {item.kind:<15} {item.expected:>8} {item.extracted:>9} "
                      f"{item.precision:>9.1%} {item.recall:>7.1%}")
                for line in item.missing:
                    print(f"{'':<20}   missing: {_collapse(line)[:300]}")
                for line in item.unexpected:
                    print(f"{'':<20}   unexpected: {_collapse(line)[:300]}")
    layout_corpus_section()
    return 0 if all_perfect else 1


def _layout_line(name: str, s: layout_truth.Score) -> str:
    """year source and unit agreement are over the matched facts ("-" when none matched)."""
    year_source = f"{s.year_source_rate:>7.1%}" if s.matched else f"{'-':>7}"
    unit = f"{s.source_unit_rate:>7.1%}" if s.matched else f"{'-':>7}"
    return (f"{name:<46} {s.expected:>8} {s.extracted:>9} {s.precision:>9.1%} {s.recall:>7.1%} "
            f"{year_source} {unit} {s.unread_found:>3}/{s.unread_expected:<3} "
            f"{s.metadata_agree:>3}/{s.metadata_fields:<3}")


def layout_corpus_section() -> None:
    """Facts of the layout corpus: per document, per failure class, overall."""
    scores = layouts.committed_scores()
    head = (f"{'':<46} {'expected':>8} {'extracted':>9} {'precision':>9} {'recall':>7} {'yr src':>7} "
            f"{'unit':>7} {'unread':>7} {'meta':>7}")
    print()
    print("Layout corpus (other publishers' tables; facts matched on label, code, phase, measure, year, "
          "value, flow)")
    print(f"{'document':<46}" + head[46:])
    for truth, s in scores:
        print(_layout_line(f"{truth['name']} [{truth['producer']}]", s))
        for line in s.missing[:3]:
            print(f"{'':<46}   missing: {line[:200]}")
        for line in s.unexpected[:3]:
            print(f"{'':<46}   unexpected: {line[:200]}")
        for line in s.metadata_diff:
            print(f"{'':<46}   document {line}")
    print()
    print(f"{'failure class':<46}" + head[46:])
    for name, s in layout_truth.by_class(scores).items():
        print(_layout_line(name, s))
    print()
    print(_layout_line("overall", layout_truth.total([s for _, s in scores])))


if __name__ == "__main__":
    sys.exit(main())
