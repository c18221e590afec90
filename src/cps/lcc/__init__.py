"""Life-cycle cost (costo del ciclo de vida): present value of each alternative's costs.

Library entry points (the CLI ``cps lcc`` and the web app use these):

* :func:`load_case` — YAML file path or mapping → :class:`Case` (Spanish :class:`InputError` on bad input);
* :func:`compute` — :class:`Case` → :class:`Result` (present values, breakdown, ranking, savings);
* :func:`sensitivity` — ranking and present values over discount rates and the escalation of the
  largest line, and the break-even discount rates;
* :func:`render_chart` — stacked bars and sensitivity lines to PNG or SVG, written atomically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cps.lcc.carbon import CarbonPrice
from cps.lcc.carbon import resolve as resolve_carbon_price
from cps.lcc.compute import compute
from cps.lcc.model import Alternative, AnnualCost, Case, OneOffCost
from cps.lcc.reader import load_case, parse_case
from cps.lcc.result import AlternativeResult, Breakdown, Result
from cps.lcc.sensitivity import BreakEven, Sensitivity, sensitivity

if TYPE_CHECKING:
    from cps.lcc.chart import render_chart


def __getattr__(name: str) -> Any:
    # matplotlib is imported only when a chart is drawn
    if name == "render_chart":
        from cps.lcc.chart import render_chart

        return render_chart
    raise AttributeError(name)


__all__ = [
    "Alternative",
    "AlternativeResult",
    "AnnualCost",
    "BreakEven",
    "Breakdown",
    "CarbonPrice",
    "Case",
    "OneOffCost",
    "Result",
    "Sensitivity",
    "compute",
    "load_case",
    "parse_case",
    "render_chart",
    "resolve_carbon_price",
    "sensitivity",
]
