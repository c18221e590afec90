"""The chart: PNG and SVG written atomically, Spanish labels, pesos written es-CO."""

from __future__ import annotations

from pathlib import Path

import pytest

from cps.errors import InputError
from cps.lcc import compute, render_chart, sensitivity
from cps.lcc.chart import _delta_label, _pesos, _rate_label, build_figure
from cps.lcc.model import Case

from .cases import make_case


def test_png_is_written(example_case: Case, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "lcc.png"
    render_chart(compute(example_case), sensitivity(example_case), target)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000
    assert [p.name for p in target.parent.iterdir()] == ["lcc.png"]  # no temporary file left


def test_svg_keeps_spanish_text_and_es_co_amounts(example_case: Case, tmp_path: Path) -> None:
    target = tmp_path / "lcc.svg"
    render_chart(compute(example_case), sensitivity(example_case), target)
    svg = target.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml")
    for text in ("Valor presente por alternativa", "Sensibilidad a la tasa de descuento real",
                 "$27.700.820", "menor costo", "Valor residual (se resta)", "35,65 %"):
        assert text in svg


def test_wrong_suffix_is_refused_and_nothing_is_written(example_case: Case, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.png o \.svg"):
        render_chart(compute(example_case), sensitivity(example_case), tmp_path / "lcc.pdf")
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_replaced_whole(example_case: Case, tmp_path: Path) -> None:
    target = tmp_path / "lcc.png"
    target.write_bytes(b"old")
    render_chart(compute(example_case), sensitivity(example_case), target)
    assert target.read_bytes().startswith(b"\x89PNG")


def test_case_without_annual_lines_or_residual_still_draws(tmp_path: Path) -> None:
    case = make_case({"name": "Una alternativa con un nombre muy largo que hay que partir en varias líneas "
                      "para que se pueda leer", "acquisition": 1000})
    figure = build_figure(compute(case), sensitivity(case))
    texts = " ".join(t.get_text() for ax in figure.axes for t in ax.texts)
    assert "no hay escalamiento" in texts
    render_chart(compute(case), sensitivity(case), tmp_path / "uno.png")


def test_axis_formats() -> None:
    assert _pesos(49016520.4) == r"\$49.016.520"
    assert _rate_label(0.06) == "6 %"
    assert _rate_label(0.025) == "2,5 %"
    assert _delta_label(0.02) == "+2 pp"
    assert _delta_label(-0.01) == "−1 pp"
    assert _delta_label(0.0) == "0 pp"
