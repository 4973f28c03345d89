"""raw_documents observed in process: one inventory row per PDF with its size, pages and sha256 (an
observation, so it never makes a document partition stale)."""

import hashlib
from pathlib import Path

import dagster as dg
import pdfplumber

from itdrift_pipeline.defs.assets import raw_documents


def test_inventory_lists_every_pdf_with_size_pages_and_sha256(raw_dir: Path, instance, resources) -> None:
    (raw_dir / "notes.txt").write_text("not a PDF, not listed")
    (raw_dir / "empty.pdf").write_bytes(b"")

    dg.materialize([raw_documents], selection=[raw_documents], instance=instance, resources=resources)

    metadata = _latest_observation(instance).metadata
    assert metadata["documents"].value == 2
    inventory = metadata["inventory"].value
    for pdf in (raw_dir / "naestved_regnskab_2020_it.pdf", raw_dir / "empty.pdf"):
        sha256 = hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert f"| {pdf.name} | {pdf.stat().st_size} |" in inventory
        assert sha256 in inventory
    with pdfplumber.open(raw_dir / "naestved_regnskab_2020_it.pdf") as pdf:
        pages = len(pdf.pages)
    assert f"| {pages} |" in inventory
    assert "rejected (empty_file)" in inventory
    assert metadata["total_bytes"].value == sum(p.stat().st_size for p in raw_dir.glob("*.pdf"))


def _latest_observation(instance: dg.DagsterInstance) -> dg.AssetObservation:
    return instance.fetch_observations(raw_documents.key, limit=1).records[0].asset_observation


def test_unchanged_directory_keeps_its_data_version(raw_dir: Path, instance, resources) -> None:
    versions = []
    for _ in range(2):
        dg.materialize([raw_documents], selection=[raw_documents], instance=instance, resources=resources)
        versions.append(_latest_observation(instance).tags["dagster/data_version"])
    (raw_dir / "copy.pdf").write_bytes((raw_dir / "naestved_regnskab_2020_it.pdf").read_bytes())
    dg.materialize([raw_documents], selection=[raw_documents], instance=instance, resources=resources)
    assert versions[0] == versions[1] != _latest_observation(instance).tags["dagster/data_version"]
