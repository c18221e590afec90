"""The indicators core (``cps.indicators``) as the web uses it: the plan and the register from the
database, the extracts as uploaded, the result as ``cps indicators --json`` prints it."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

from cps.errors import InputError


def _indicators() -> Any:
    try:
        import cps.indicators as indicators
    except ImportError:
        raise InputError("el cálculo de indicadores no está instalado en este servidor") from None
    return indicators


def compute_indicators(*, plan: dict[str, Any], procesos: Path, contratos: Path, register: list[str]) -> dict[str, Any]:
    indicators = _indicators()
    loaded = indicators.plan_from_dict(plan, source="plan de la entidad")
    with tempfile.TemporaryDirectory(prefix="cps-registro-") as folder:
        register_path = None
        if register:
            register_path = Path(folder) / "registro.csv"
            with register_path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["ID del Proceso"])
                writer.writerows([r] for r in register)
        result = indicators.compute(loaded, procesos, contratos, register_path)
    return dict(result.to_json())


def _result(data: dict[str, Any]) -> Any:
    return _indicators().Result.model_validate(data)


def export_file(*, result: dict[str, Any], fmt: str) -> bytes:
    """XLSX or PDF of the indicators, written by the core (``write_xlsx`` / ``write_pdf``)."""
    indicators = _indicators()
    writer = indicators.write_xlsx if fmt == "xlsx" else indicators.write_pdf
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"indicadores.{fmt}"
        writer(_result(result), path)
        return path.read_bytes()


def progress_chart(*, result: dict[str, Any]) -> bytes:
    """The core's progress chart (PNG): shares against the plan's targets, year by year."""
    from cps.indicators.charts import progress_chart as chart

    return bytes(chart(_result(result)))
