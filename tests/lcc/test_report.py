"""The readable Spanish report."""

from __future__ import annotations

from cps.lcc import compute, sensitivity
from cps.lcc.model import Case
from cps.lcc.report import render_text

from .cases import make_case


def test_report_of_the_example(example_case: Case) -> None:
    text = render_text(compute(example_case), sensitivity(example_case))
    lines = text.splitlines()
    assert lines[0].startswith("COSTO DEL CICLO DE VIDA — Aceite de motor")
    assert "tasa de descuento real: 6 %" in lines[1]
    assert "  1. Sintético con filtración de desvío (bypass) y análisis de aceite" in lines
    assert "       $27.700.820   ahorra $13.870.512 (33,37 %) frente a la actual" in lines
    assert "  3. Mineral 15W-40, cambio cada 250 h  (alternativa actual, base de comparación)" in lines
    assert any(line.strip().startswith("aceite (escalamiento 3 % anual)") and line.endswith("$17.383.987")
               for line in lines)
    assert any("cambio de elementos de filtración (año 3)" in line and line.endswith("$503.772") for line in lines)
    assert any(line.strip().startswith("6 %") and "← tasa del caso" in line for line in lines)
    assert all(line == line.rstrip() for line in lines)


def test_report_says_when_an_alternative_costs_more() -> None:
    case = make_case({"name": "Actual", "acquisition": 1000}, {"name": "Cara", "acquisition": 1250}, rate=0)
    text = render_text(compute(case), sensitivity(case))
    assert "cuesta $250 más (25,00 %) frente a la actual" in text


def test_report_lists_warnings() -> None:
    case = make_case({"name": "Sola", "acquisition": 10})
    assert "una sola alternativa" in render_text(compute(case))
