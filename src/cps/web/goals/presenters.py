"""The stored indicators (``cps indicators --json``) arranged for the dashboard."""

from __future__ import annotations

from typing import Any


def dashboard_context(snapshot: Any) -> dict[str, Any]:
    if snapshot is None:
        return {"years": [], "classes": []}
    years = sorted(snapshot.result.get("years") or [], key=lambda y: y.get("year", 0), reverse=True)
    classes = sorted({code for y in years for code in (y.get("by_priority_class") or {})})
    rows = []
    for year in years:
        target_p = year.get("target_share_processes")
        target_v = year.get("target_share_value")
        rows.append(
            {
                **year,
                "meets_processes": target_p is not None and (year.get("share_processes") or 0) >= target_p,
                "meets_value": target_v is not None and (year.get("share_value") or 0) >= target_v,
            }
        )
    return {"years": rows, "classes": classes}
