"""The report as a user sees it: headless Chromium renders the page, its charts and the IT 2020 total, and a
click on a figure shows the crop of the cell it was printed in."""

import contextlib
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa
import websockets.sync.client

from itdrift_pipeline.reports import BuiltReports
from itdrift_pipeline.sources import OUTLINE_GAP, read_png_text
from itdrift_pipeline.warehouse import make_engine
from itdrift_pipeline_tests.crops import contains, outlined_box, words_inside
from itdrift_pipeline_tests.reports.conftest import SEED_PDF

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


class DevTools:
    """Just enough of the Chrome DevTools protocol to load a page, click and read the DOM."""

    def __init__(self, tmp_path: Path) -> None:
        self.process = subprocess.Popen(
            [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.connection = contextlib.ExitStack()
        try:
            self.socket = self.connection.enter_context(
                websockets.sync.client.connect(self._page_socket_url(), max_size=None)
            )
        except BaseException:
            self.process.kill()
            self.process.wait(timeout=10)
            raise
        self.next_id = 0

    def _page_socket_url(self) -> str:
        deadline = time.monotonic() + 30
        port = None
        while port is None and time.monotonic() < deadline:
            line = self.process.stderr.readline()
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            port = found and int(found.group(1))
        assert port, "chromium did not open its DevTools port"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
            [page] = [t for t in json.load(response) if t["type"] == "page"]
        return page["webSocketDebuggerUrl"]

    def call(self, method: str, **params: object) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=30))
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20) -> object:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {expression}")

    def click(self, x: float, y: float) -> None:
        for event in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=event, x=x, y=y, button="left", clickCount=1)

    def close(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=10)


def _it_total_bbox(seed_reports: BuiltReports) -> tuple[float, float, float, float]:
    """Where the warehouse says Regnskab 2020 of 'Politikområde IT- drift i alt' is printed."""
    engine = make_engine(f"sqlite:///{seed_reports.index_path.parent.parent / 'itdrift.sqlite'}")
    try:
        with engine.connect() as connection:
            [row] = connection.execute(sa.text(
                "SELECT bbox_x0, bbox_top, bbox_x1, bbox_bottom FROM v_fact_source "
                "WHERE as_printed = '45.271' AND table_family = 'overall_result' AND is_total = 1 "
                "AND account = 'drift' AND phase = 'actual' AND fiscal_year = 2020")).all()
    finally:
        engine.dispose()
    return tuple(row)


@pytest.mark.browser
def test_clicking_45_271_shows_the_crop_of_its_printed_cell(
    seed_reports: BuiltReports, tmp_path: Path
) -> None:
    report = seed_reports.report_paths[0]
    browser = DevTools(tmp_path)
    try:
        browser.call("Page.navigate", url=report.as_uri())
        browser.wait_for("document.readyState === 'complete' && !!document.getElementById('findings')")
        centre = browser.evaluate("""(() => {
            const link = [...document.querySelectorAll('#overall-result a.src')]
                .find(a => a.textContent.trim() === '45.271');
            link.scrollIntoView({block: 'center'});
            const box = link.getBoundingClientRect();
            return [box.left + box.width / 2, box.top + box.height / 2];
        })()""")
        assert browser.evaluate("document.getElementById('source-view').hidden") is True
        browser.click(*centre)
        shown = browser.wait_for("""(() => {
            const view = document.getElementById('source-view'), image = view.querySelector('img');
            return !view.hidden && image.complete && image.naturalWidth > 0
                && {src: image.src, width: image.naturalWidth, caption: view.querySelector('p').textContent};
        })()""")
    finally:
        browser.close()

    png = Path(urllib.parse.unquote(urllib.parse.urlparse(shown["src"]).path)).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert shown["caption"] == "naestved_regnskab_2020_it.pdf, side 1"
    text = read_png_text(png)
    # Page 1 of the IT chapter, by the bytes' hash, not the file name.
    assert text["itdrift:sha256"] == hashlib.sha256(SEED_PDF.read_bytes()).hexdigest()
    assert text["itdrift:page"] == "1"
    fact_bbox = _it_total_bbox(seed_reports)
    # The red outline drawn in the image encloses the fact's box, tightly, and the printed word inside it
    # is the figure clicked.
    outline = outlined_box(png)
    assert contains(outline, fact_bbox)
    assert contains(fact_bbox, outline, slack=OUTLINE_GAP + 2)
    assert words_inside(str(SEED_PDF), 1, outline) == ["45.271"]
