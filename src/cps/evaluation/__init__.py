"""Offer evaluation for mínima cuantía (Decreto 1082 de 2015 art. 2.2.1.2.1.5.2).

Library API (used by the CLI and the web app)::

    from cps.evaluation import load_case, evaluate, build_report, to_dict, redact

    case = load_case("caso.yaml")            # or a mapping; InputError in Spanish when unusable
    result = evaluate(case)                  # Result: statuses, reasons, verification, tie-break
    data = to_dict(redact(result))           # the JSON object of `cps evaluate --json --public`
    report = build_report(case, result, public=True)   # cps.reports.model.Report
"""

from __future__ import annotations

from cps.evaluation.engine import evaluate
from cps.evaluation.load import load_case
from cps.evaluation.model import Case
from cps.evaluation.output import to_dict
from cps.evaluation.public import redact
from cps.evaluation.report import build_report
from cps.evaluation.result import Result

__all__ = ["Case", "Result", "build_report", "evaluate", "load_case", "redact", "to_dict"]
