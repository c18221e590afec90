"""The indicators core (``cps.indicators``) as the web uses it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cps.errors import InputError
from cps.web.ui.jsonable import jsonable


def compute_indicators(
    *, plan: dict[str, Any], procesos: Path, contratos: Path, register: list[str]
) -> dict[str, Any]:
    """``cps indicators --json`` for the entity's plan, its latest extracts and its register."""
    try:
        import cps.indicators as indicators
    except ImportError:
        raise InputError("el cálculo de indicadores no está instalado en este servidor") from None
    loaded_plan = indicators.load_plan(plan)  # type: ignore[attr-defined]
    result = indicators.compute(  # type: ignore[attr-defined]
        procesos=procesos, contratos=contratos, plan=loaded_plan, register=register
    )
    return dict(jsonable(result))


def export_file(*, result: dict[str, Any], fmt: str) -> bytes:
    """XLSX or PDF of the indicators, written by the core (``write_xlsx`` / ``write_pdf``)."""
    import tempfile

    try:
        import cps.indicators as indicators
    except ImportError:
        raise InputError("la exportación de indicadores no está instalada en este servidor") from None
    writer = indicators.write_xlsx if fmt == "xlsx" else indicators.write_pdf  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"indicadores.{fmt}"
        writer(result, path)
        return path.read_bytes()
