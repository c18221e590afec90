"""The evaluation core (``cps.evaluation``) as the web uses it: case dict in, CLI JSON out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cps.errors import InputError
from cps.web.ui.jsonable import jsonable


def _evaluation() -> Any:
    try:
        import cps.evaluation as evaluation
    except ImportError:
        raise InputError("la evaluación de ofertas no está instalada en este servidor") from None
    return evaluation


def available() -> bool:
    try:
        _evaluation()
    except InputError:
        return False
    return True


def evaluate_case(case: dict[str, Any]) -> dict[str, Any]:
    """``cps evaluate --json`` for the case; InputError (Spanish, with the field) for a bad case."""
    evaluation = _evaluation()
    loaded = evaluation.load_case(case)
    return dict(jsonable(evaluation.to_dict(evaluation.evaluate(loaded))))


def report_file(case: dict[str, Any], *, public: bool, fmt: str, folder: Path) -> Path:
    """The evaluation report (internal or public version) written by the core."""
    from cps.reports.render import write

    evaluation = _evaluation()
    loaded = evaluation.load_case(case)
    result = evaluation.evaluate(loaded)
    report = evaluation.build_report(loaded, result, public=public)
    path = folder / f"informe-evaluacion{'-publico' if public else ''}.{fmt}"
    write(report, path)
    return path
