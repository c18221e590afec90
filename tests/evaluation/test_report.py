from __future__ import annotations

from pathlib import Path
from typing import Any

from cps.evaluation import build_report, evaluate, load_case
from cps.reports.model import Heading, Table
from cps.reports.render import write

from .conftest import EXAMPLE


def test_report_sections_for_the_example() -> None:
    case = load_case(EXAMPLE)
    report = build_report(case, evaluate(case), public=False)
    headings = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ["1. Proceso", "2. Resultado", "3. Ofertas y revisión económica", "4. Motivos de cada estado",
                        "5. Verificación de requisitos habilitantes", "6. Decisión"]
    offers = next(b for b in report.blocks if isinstance(b, Table) and b.caption == "Ofertas recibidas")
    assert offers.rows[1][:5] == ("B", "Repuestos y Aceites Oriente S.A.S.", "24/07/2026 08:55", "$43.500.000",
                                  "$44.030.000")
    text = report.plain_text()
    assert "Recomendación: aceptar la oferta A" in text
    assert "CUARENTA Y CUATRO MILLONES SEISCIENTOS MIL PESOS M/CTE" in text
    assert "Causal K" in text and "Invitación §2.13, causal K" in text
    assert "Oferta A — Lubricantes del Guavio S.A.S.: CUMPLE" in text


def test_desierta_report(example: dict[str, Any], tmp_path: Path) -> None:
    example["offers"] = [example["offers"][2]]  # only C, which does not comply
    case = load_case(example)
    result = evaluate(case)
    assert result.outcome == "desierta" and result.desierta is not None and result.desierta.causal == "B"
    report = build_report(case, result, public=True)
    text = report.plain_text()
    assert "declarar desierto el proceso. Causal B" in text
    assert "Oferta C — Consorcio Maquinaria Guavio: NO CUMPLE" in text
    for suffix in (".pdf", ".docx"):
        out = tmp_path / f"informe{suffix}"
        write(report, out)
        assert out.stat().st_size > 2000
