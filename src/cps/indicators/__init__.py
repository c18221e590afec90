"""Progressive CPS goals and indicators measured on SECOP II extracts (``cps indicators``).

Library entry points for the CLI and the web app::

    plan = load_plan("plan.yaml")
    result = compute(plan, "procesos.jsonl", "contratos.jsonl", register_path=None)
    result.to_json()                      # CONTRACTS.md object
    write_xlsx(result, "metas.xlsx")      # one sheet per table
    write_pdf(result, "metas.pdf")        # report for the ISO 14001 management review (9.3)
"""

from __future__ import annotations

from pathlib import Path

from cps.indicators.compute import compute
from cps.indicators.plan import Plan, load_plan, plan_from_dict
from cps.indicators.result import Result

__all__ = ["Plan", "Result", "compute", "load_plan", "plan_from_dict", "write_docx", "write_pdf", "write_xlsx"]


def write_xlsx(result: Result, path: str | Path) -> None:
    """One sheet per table."""
    from cps.indicators.report_xlsx import write_xlsx as _write

    _suffix(path, ".xlsx")
    _write(result, path)


def write_pdf(result: Result, path: str | Path) -> None:
    """The report for the ISO 14001 management review (clause 9.3), with charts."""
    from cps.indicators.report_pdf import write_report

    _suffix(path, ".pdf")
    write_report(result, path)


def write_docx(result: Result, path: str | Path) -> None:
    """The same report as :func:`write_pdf`, in Word."""
    from cps.indicators.report_pdf import write_report

    _suffix(path, ".docx")
    write_report(result, path)


def _suffix(path: str | Path, suffix: str) -> None:
    from cps.errors import InputError

    if Path(path).suffix.lower() != suffix:
        raise InputError(f"el archivo de salida debe terminar en {suffix}", file=str(path))
