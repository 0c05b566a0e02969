"""The one-pager PDF (rendered, turned into an image, its text read back), the CLI, and the web form."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coach.cli import app
from coach.sales.onepager import render_pdf
from coach.sales.profile import validate
from coach.store.repository import Store
from coach.store.sales import load_profile
from tests.sales.support import profile
from tests.web.conftest import Client

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftoppm"), reason="needs poppler-utils (pdftoppm, pdftotext)"
)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found
    return int(found.group(1))


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        (
            "nl",
            [
                "Sanne de Vries",
                "Target en resultaat",
                "115%",
                "2 van 12",
                "Jan Bakker",
                "Gemeente Zwolle: contract",
            ],
            ["Eva Smit"],
        ),
        (
            "en",
            ["Sanne de Vries", "Target and result", "115%", "2 of 12", "Jan Bakker", "€460,000"],
            ["Eva Smit"],
        ),
    ],
)
def test_pdf_is_one_a4_page_with_the_figures_and_only_permitted_references(
    tmp_path: Path, lang: str, expected: list[str], absent: list[str]
) -> None:
    found, _ = validate(profile(), "nl", date(2026, 6, 1))
    assert found is not None
    pdf = tmp_path / "onepager.pdf"
    pdf.write_bytes(render_pdf(found, lang))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pages(pdf) == 1
    text = pdf_text(pdf)
    for part in expected:
        assert part in text, part
    for part in absent:
        assert part not in text, part
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-singlefile", str(pdf), str(tmp_path / "page")], check=True
    )
    from PIL import Image

    with Image.open(tmp_path / "page.png") as image:
        width, height = image.size
        assert height / width == pytest.approx(297 / 210, rel=0.02)  # A4 portrait
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
        blue = sum(n for n, (r, g, b) in colours if b > 120 and r < 60)  # the result bars (#1f5f8b)
        assert blue > 300, "the chart with the result bars is drawn"


def test_cli_draws_the_pdf_from_a_yaml_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    source = tmp_path / "profile.yaml"
    source.write_text(yaml.safe_dump({"lang": "nl", **profile()}, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "resultaten.pdf"
    result = CliRunner().invoke(app, ["onepager", str(source), "--lang", "nl", "-o", str(out), "--save"])
    assert result.exit_code == 0, result.output
    assert "Geen toestemming vastgelegd voor Eva Smit" in result.output
    assert "Resultaten in cijfers" in pdf_text(out)
    store = Store()
    assert load_profile(store, store.user_id())[0] is not None


def test_cli_refuses_an_inconsistent_profile_and_names_the_field(tmp_path: Path) -> None:
    source = tmp_path / "profile.yaml"
    source.write_text(yaml.safe_dump({"lang": "nl", **profile(periods_1_percent="150%")}), encoding="utf-8")
    out = tmp_path / "results.pdf"
    result = CliRunner().invoke(app, ["onepager", str(source), "--lang", "en", "-o", str(out)])
    assert result.exit_code == 1
    assert (
        "Years or quarters 2: % of target: €460,000 of a €400,000 target is 115%, not 150%." in result.output
    )
    assert not out.exists()


def _form(data: dict) -> dict[str, str]:
    fields = {k: str(data[k]) for k in ("name", "role", "sales_cycle")}
    fields["tools"] = ", ".join(data["tools"])
    fields["key_wins"] = "\n".join(data["key_wins"])
    for i, p in enumerate(data["periods"]):
        fields.update({f"periods.{i}.{k}": str(v) for k, v in p.items()})
    for i, r in enumerate(data["references"]):
        fields.update({f"references.{i}.{k}": str(v) for k, v in r.items()})
    return fields


def test_web_form_refuses_inconsistent_figures_at_the_field_and_keeps_the_input(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    response = client.post_form("/onepager", _form(profile(periods_0_rank="14", name="<b>Sanne</b>")))
    assert response.status_code == 400
    html = response.text
    assert 'id="problem-periods-0-rank-1"' in html
    assert "Je kunt geen nummer 14 zijn in een team van 12." in html
    assert 'aria-invalid="true"' in html
    assert "&lt;b&gt;Sanne&lt;/b&gt;" in html and "<b>Sanne</b>" not in html
    assert client.get("/onepager.pdf").status_code == 404  # nothing saved, nothing drawn


def test_web_form_saves_and_serves_preview_and_pdf(client: Client, tmp_path: Path) -> None:
    response = client.post_form("/onepager", _form(profile()), follow_redirects=False)
    assert response.status_code == 303
    page = client.get("/onepager").text
    assert 'value="€460.000"' in page and 'id="preview"' in page
    preview = client.get("/onepager/preview?doc=en")
    assert preview.status_code == 200 and "Target and result" in preview.text
    pdf = client.get("/onepager.pdf?doc=nl")
    assert pdf.headers["content-type"] == "application/pdf"
    path = tmp_path / "web.pdf"
    path.write_bytes(pdf.content)
    assert pages(path) == 1 and "Sanne de Vries" in pdf_text(path)
