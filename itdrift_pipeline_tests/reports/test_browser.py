"""The report as a user sees it: headless Chromium renders the page, its charts and the IT 2020 total."""

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from itdrift_pipeline.reports import BuiltReports

WIDTH, HEIGHT = 1200, 2400
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", f"--window-size={WIDTH},{HEIGHT}",
]


def _chromium() -> str:
    """The browser; in CI (CI=true) its absence is a failure, locally a skip with the install command."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromium is required in CI for the report test: apt-get install -y chromium")
    pytest.skip("chromium is not installed (apt-get install -y chromium)")


def _run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=90, check=True,
    )


@pytest.mark.browser
def test_chromium_renders_charts_and_the_it_total(seed_reports: BuiltReports, tmp_path: Path) -> None:
    page = seed_reports.report_paths[0].as_uri()

    dom = _run_chromium(tmp_path, "--dump-dom", page).stdout

    assert "Overordnet regnskabsresultat" in dom
    assert "45.271" in dom.split('id="overall-result"', 1)[1].split("</table>", 1)[0]
    for chart in ("variance-chart", "multi-year-chart"):
        section = dom.split(f'id="{chart}"', 1)[1]
        assert section.lstrip(">\n ").startswith("<svg"), chart
        assert "<path" in section.split("</svg>", 1)[0] or "<rect" in section.split("</svg>", 1)[0]
    assert "2018-priser" in dom.split('id="multi-year-chart"', 1)[1].split("</svg>", 1)[0]

    screenshot = tmp_path / "report.png"
    _run_chromium(tmp_path, f"--screenshot={screenshot}", page)

    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # IHDR
    assert (width, height) == (WIDTH, HEIGHT)
    # A blank 1200x2400 page compresses to a few kilobytes; tables, text and two charts do not.
    assert len(data) > 60_000, len(data)
