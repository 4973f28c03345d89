"""The crops beside the reports: one PNG per printed cell a report links to, from the source PDF.

A crop is named by document hash, page and box (v_fact_source.crop_path), so a rebuild reuses the files it
finds and renders only new cells; a PDF is found in the raw directory by its bytes' sha256.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from itdrift_pipeline.reports.data import SourceCell
from itdrift_pipeline.sources import SourcePdf, png_bytes, write_atomically

log = logging.getLogger(__name__)


@dataclass
class WrittenCrops:
    written: set[str] = field(default_factory=set)  # crop paths on disk, rendered now or before
    rendered: int = 0
    reused: int = 0
    missing_files: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_source_pdf(source_file: str, sha256: str, raw_dir: Path) -> Path | None:
    """The PDF with these bytes: the path the loader was given if it still holds them, else a file of that
    name, else any PDF in the raw directory (a renamed file keeps its hash)."""
    named = Path(source_file)
    candidates: Iterable[Path] = [named, raw_dir / named.name]
    for candidate in candidates:
        if candidate.is_file() and _sha256(candidate) == sha256:
            return candidate
    for candidate in sorted(raw_dir.glob("*.pdf")) if raw_dir.is_dir() else []:
        if _sha256(candidate) == sha256:
            return candidate
    return None


def write_crops(cells: list[SourceCell], out_dir: Path, raw_dir: Path) -> WrittenCrops:
    """Render each cell's crop not on disk yet: one open PDF per document, each page rendered once."""
    result = WrittenCrops()
    by_document: dict[str, list[SourceCell]] = {}
    for cell in cells:
        if (out_dir / cell.crop_path).is_file():
            result.written.add(cell.crop_path)
            result.reused += 1
        else:
            by_document.setdefault(cell.sha256, []).append(cell)
    for sha256, document_cells in by_document.items():
        source_file = document_cells[0].source_file
        pdf_path = find_source_pdf(source_file, sha256, raw_dir)
        if pdf_path is None:
            log.warning("%s (sha256 %s) is not in %s: its %d figures are shown without a source link",
                        source_file, sha256[:12], raw_dir, len(document_cells))
            result.missing_files.append(source_file)
            continue
        with SourcePdf(pdf_path, sha256) as pdf:
            for cell in document_cells:
                image, crop = pdf.crop(cell.page, cell.bbox)
                png = png_bytes(image, crop, sha256, Path(source_file).name)
                write_atomically(out_dir / cell.crop_path, png)
                result.written.add(cell.crop_path)
                result.rendered += 1
    return result
