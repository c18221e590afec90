"""The life-cycle-cost core (``cps.lcc``) as the web uses it: dicts in, the CLI's JSON out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cps.errors import InputError


def _lcc() -> Any:
    try:
        import cps.lcc as lcc
    except ImportError:
        raise InputError("el cálculo del costo del ciclo de vida no está instalado en este servidor") from None
    return lcc


def available() -> bool:
    try:
        _lcc()
    except InputError:
        return False
    return True


def compute_case(case: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(result, sensitivity)`` as ``cps lcc --json`` prints them; InputError for a bad case."""
    lcc = _lcc()
    loaded = lcc.load_case(case)
    result = lcc.compute(loaded)
    sens = lcc.sensitivity(loaded)
    return result.model_dump(mode="json"), sens.model_dump(mode="json")


def chart_svg(case: dict[str, Any], folder: Path) -> bytes:
    """The core's chart (bars and sensitivity lines) as SVG."""
    lcc = _lcc()
    loaded = lcc.load_case(case)
    path = folder / "grafico.svg"
    lcc.render_chart(lcc.compute(loaded), lcc.sensitivity(loaded), path)
    return path.read_bytes()


def templates() -> list[dict[str, str]]:
    from cps.lcc import templates as lcc_templates  # type: ignore[attr-defined]

    return [{"name": t.name, "title": t.title, "summary": t.summary} for t in lcc_templates.available()]


def template_case(name: str) -> dict[str, Any]:
    import yaml

    from cps.lcc import templates as lcc_templates  # type: ignore[attr-defined]

    data = yaml.safe_load(lcc_templates.text(name))
    return data if isinstance(data, dict) else {}
