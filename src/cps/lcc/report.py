"""The readable Spanish report of ``cps lcc`` (without ``--json``)."""

from __future__ import annotations

import string
from decimal import Decimal

from cps.lcc.result import AlternativeResult, Result
from cps.lcc.sensitivity import Sensitivity
from cps.money import format_cop, format_percent

WIDTH = 78


def _decimal(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _rate(value: Decimal) -> str:
    number = (value * 100).normalize()
    return format(number, "f").replace(".", ",") + " %"


def _codes(result: Result) -> dict[str, str]:
    letters = string.ascii_uppercase
    return {a.name: (letters[i] if i < len(letters) else str(i + 1)) for i, a in enumerate(result.alternatives)}


def _row(label: str, value: str, indent: int = 4) -> str:
    dots = max(2, WIDTH - indent - len(label) - len(value) - 2)
    return " " * indent + f"{label} {'.' * dots} {value}"


def _breakdown(alt: AlternativeResult, result: Result) -> list[str]:
    out = [f"  {alt.name}", f"    emisiones: {_decimal(alt.emissions_tco2e)} tCO2e en {result.horizon_years} años"]
    b = alt.breakdown
    out.append(_row("Adquisición (año 0)", format_cop(b.acquisition)))
    out.append(_row("Costos anuales", format_cop(b.annual)))
    for line in alt.lines:
        if line.kind == "annual":
            esc = f" (escalamiento {_rate(line.escalation)} anual)" if line.escalation else ""
            out.append(_row(f"{line.concept}{esc}", format_cop(line.present_value), indent=8))
    out.append(_row("Costos únicos", format_cop(b.one_off)))
    for line in alt.lines:
        if line.kind == "one_off":
            out.append(_row(f"{line.concept} (año {line.year})", format_cop(line.present_value), indent=8))
    out.append(_row("Valor residual (se resta)", ("−" if b.residual else "") + format_cop(b.residual)))
    out.append(_row("Carbono (emisiones valoradas)", format_cop(b.carbon)))
    out.append(_row("Valor presente total", format_cop(alt.npv)))
    return out


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  " + "  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True))]
    for r in rows:
        lines.append("  " + "  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))
    return [line.rstrip() for line in lines]


def render_text(result: Result, sens: Sensitivity | None = None) -> str:
    out: list[str] = []
    out.append(f"COSTO DEL CICLO DE VIDA — {result.case or 'caso sin nombre'}")
    out.append(f"Horizonte: {result.horizon_years} años · tasa de descuento real: {_rate(result.discount_rate)}"
               f" · pesos constantes ({result.currency})")
    out.append(f"Precio del carbono: {result.carbon_price_source}")
    out.append("")
    out.append("Valor presente del costo del ciclo de vida, de menor a mayor:")
    for position, name in enumerate(result.ranking, start=1):
        alt = result.by_name(name)
        note = "  (alternativa actual, base de comparación)" if name == result.baseline else ""
        out.append(f"  {position}. {name}{note}")
        line = f"       {format_cop(alt.npv)}"
        if name != result.baseline:
            verb = "ahorra" if alt.savings >= 0 else "cuesta"
            pct = f" ({format_percent(abs(alt.savings_percent) / 100)})" if alt.savings_percent is not None else ""
            extra = "" if alt.savings >= 0 else " más"
            line += f"   {verb} {format_cop(abs(alt.savings))}{extra}{pct} frente a la actual"
        out.append(line)
    out.append("")
    out.append(f"Menor costo del ciclo de vida: «{result.best}».")
    out.append("")
    out.append("Desglose del valor presente por alternativa:")
    for alt in result.alternatives:
        out.extend(_breakdown(alt, result))
        out.append("")
    if sens is not None:
        out.extend(_sensitivity(result, sens))
    if result.warnings:
        out.append("Advertencias:")
        out.extend(f"  - {w}" for w in result.warnings)
        out.append("")
    out.append("Cifras redondeadas al peso; cada cifra se redondea por separado a partir del valor exacto.")
    return "\n".join(out).rstrip() + "\n"


def _sensitivity(result: Result, sens: Sensitivity) -> list[str]:
    codes = _codes(result)
    names = [a.name for a in result.alternatives]
    out = ["Alternativas en las tablas: " + "; ".join(f"{codes[n]} = {n}" for n in names), ""]
    out.append("Sensibilidad a la tasa de descuento real (valor presente; * = menor costo):")
    rows = []
    for point in sens.rates:
        marker = "  ← tasa del caso" if point.rate == result.discount_rate else ""
        cells = [format_cop(point.npv[n]) + ("*" if n == point.best else " ") for n in names]
        rows.append([_rate(point.rate), *cells, marker])
    out.extend(_table(["tasa", *[codes[n] for n in names], ""], rows))
    out.append("")
    out.append("Tasa de equilibrio. " + sens.break_even_note)
    out.append("")
    if sens.escalation:
        lines = "; ".join(f"{codes[line.alternative]}: «{line.concept}» ({_rate(line.escalation)})"
                          for line in sens.escalation_lines)
        out.append("Sensibilidad al escalamiento real de la línea anual más grande de cada alternativa")
        out.append(f"  (línea y escalamiento del caso: {lines}):")
        rows = []
        for step in sens.escalation:
            cells = [format_cop(step.npv[n]) + ("*" if n == step.best else " ") for n in names]
            sign = "+" if step.delta > 0 else ("−" if step.delta < 0 else "±")
            delta = f"{sign}{_rate(abs(step.delta)).replace(' %', '')} pp"
            rows.append([delta, *cells, "  ← caso" if step.delta == 0 else ""])
        out.extend(_table(["cambio", *[codes[n] for n in names], ""], rows))
        bests = {p.best for p in sens.escalation}
        if len(bests) == 1:
            out.append(f"  En todo el rango la de menor costo sigue siendo «{next(iter(bests))}».")
        else:
            out.append("  La alternativa de menor costo cambia dentro de este rango: revise la tabla.")
        out.append("")
    return out
