"""No traceback, no hang, no silent loss: seeded mutants of the replica PDFs, PDF bombs and control
characters through the whole extraction.

A mutant must be rejected with a kind or read with exactly the original's facts; a bomb must be rejected
too_large within the time and memory bounds of the issue (60 s, 2.5 GiB), measured in a child process.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.model import REJECTION_KINDS, ExtractionResult
from itdrift_pipeline_tests.mutants import BOMBS, REPLICAS, make_bomb, mutants, text_line

FUZZ_SEED = int(os.environ.get("ITDRIFT_FUZZ_SEED", "13"))
FUZZ_MUTANTS = int(os.environ.get("ITDRIFT_FUZZ_MUTANTS", "300"))
BATCH = 30  # mutants per test case, so pytest-xdist spreads them over the workers
SECONDS_PER_MUTANT = 60
BOMB_SECONDS = 60  # the bound; the child is killed past it
# Rejected before pdfplumber parses the page, a bomb costs the interpreter's start and a fraction of a
# second; parsing the million characters instead takes 30 s to minutes.
BOMB_PROMPT_SECONDS = 15
BOMB_ADDRESS_SPACE = int(2.5 * 1024**3)


def _facts(result: ExtractionResult) -> list[str]:
    return sorted(json.dumps(asdict(fact), default=str, sort_keys=True) for fact in result.facts)


@pytest.fixture(scope="module")
def original_facts() -> dict[Path, list[str]]:
    return {path: _facts(extract_document(path)) for path in REPLICAS}


def _alarm(signum: int, frame: object) -> None:
    raise TimeoutError(f"extraction ran past {SECONDS_PER_MUTANT} s")


@pytest.mark.parametrize("batch", range((FUZZ_MUTANTS + BATCH - 1) // BATCH))
def test_mutants_are_rejected_with_a_kind_or_read_unchanged(
    batch: int, original_facts: dict[Path, list[str]], tmp_path: Path
) -> None:
    numbers = range(batch * BATCH, min(FUZZ_MUTANTS, (batch + 1) * BATCH))
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for mutant in mutants(FUZZ_SEED, numbers, tmp_path):
            signal.alarm(SECONDS_PER_MUTANT)
            result = extract_document(mutant.path)  # raising at all fails the test with the traceback
            signal.alarm(0)
            if result.document.status == "rejected":
                assert result.document.error is not None
                assert result.document.error.kind in REJECTION_KINDS, mutant
                assert "Traceback" not in result.document.error.message
            else:
                assert _facts(result) == original_facts[mutant.original], (
                    f"{mutant.path.name} ({mutant.mutation}) was read with different facts and not rejected"
                )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (BOMB_ADDRESS_SPACE, BOMB_ADDRESS_SPACE))


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_bombs_are_rejected_too_large_promptly_within_the_memory_bound(kind: str, tmp_path: Path) -> None:
    bomb = make_bomb(kind, tmp_path)
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "itdrift_pipeline", "extract", str(bomb)],
        capture_output=True,
        text=True,
        timeout=BOMB_SECONDS,
        preexec_fn=_limit_address_space,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    elapsed = time.monotonic() - started
    assert completed.returncode == 2, completed.stderr[-2000:]
    document = json.loads(completed.stdout)["document"]
    assert document["error"]["kind"] == "too_large", document
    assert "page 1" in document["error"]["message"]
    assert "Traceback" not in completed.stderr
    assert elapsed < BOMB_PROMPT_SECONDS


def test_control_characters_are_removed_at_extraction_and_counted(tmp_path: Path) -> None:
    with_nul = text_line(tmp_path / "nul.pdf", b"Kontrol\x00tegn\x01 og\x1f NUL")
    result = extract_document(with_nul)
    assert result.document.status == "ok"
    text = result.to_json()  # ensure_ascii=False: a control character would be escaped as \uXXXX
    assert "\\u0000" not in text and "\\u0001" not in text and "\\u001f" not in text
    assert result.document.control_characters_removed == 3
    clean = extract_document(REPLICAS[0])
    assert _facts(result) == _facts(clean)
    assert clean.document.control_characters_removed == 0
