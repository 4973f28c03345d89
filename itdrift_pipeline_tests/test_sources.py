"""`itdrift source`: a page or a crop around a figure's box, rendered with the box outlined."""

from __future__ import annotations

from pathlib import Path

import pytest

from itdrift_pipeline.cli import main
from itdrift_pipeline.sources import OUTLINE_GAP, parse_bbox, read_png_text
from itdrift_pipeline_tests.crops import contains, outlined_box, words_inside

SEED = Path("data/raw/naestved_regnskab_2020_it.pdf")
# Regnskab 2020 of "Politikområde IT- drift i alt" on page 1, as the extractor reads it.
IT_TOTAL_BBOX = (413.8306, 300.0095, 439.8236, 308.5095)


def test_a_crop_outlines_the_figure_and_says_what_it_shows(tmp_path: Path) -> None:
    out = tmp_path / "crop.png"
    bbox = ",".join(str(v) for v in IT_TOTAL_BBOX)
    assert main(["source", str(SEED), "--page", "1", "--bbox", bbox, "--out", str(out)]) == 0

    png = out.read_bytes()
    text = read_png_text(png)
    assert text["itdrift:page"] == "1"
    assert parse_bbox(text["itdrift:bbox"]) == pytest.approx(IT_TOTAL_BBOX, abs=0.01)
    outline = outlined_box(png)
    # The outline sits just outside the figure, a pixel or two either way.
    assert contains(outline, IT_TOTAL_BBOX)
    assert contains(IT_TOTAL_BBOX, outline, slack=OUTLINE_GAP + 2)
    assert words_inside(str(SEED), 1, outline) == ["45.271"]
    region = parse_bbox(text["itdrift:region"])
    assert contains(region, outline) and region != outline


def test_without_a_box_the_whole_page_is_rendered(tmp_path: Path) -> None:
    out = tmp_path / "page.png"
    assert main(["source", str(SEED), "--page", "2", "--out", str(out)]) == 0
    text = read_png_text(out.read_bytes())
    assert text["itdrift:bbox"] == ""
    assert parse_bbox(text["itdrift:region"])[2:] == pytest.approx((595.28, 841.89), abs=0.5)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "9"], "there is no page 9"),
        (["--page", "1", "--bbox", "1,2,3"], "four numbers x0,top,x1,bottom"),
        (["--page", "1", "--bbox", "10,20,5,30"], "x1 < x0"),
        (["--page", "1", "--bbox", "10,20,900,30"], "is not on page 1"),
    ],
)
def test_a_page_or_box_not_in_the_pdf_is_a_message_and_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["source", str(SEED), *args, "--out", str(tmp_path / "x.png")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
