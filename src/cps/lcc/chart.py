"""The picture of a life-cycle-cost result: stacked present values per alternative and how the
present values move with the discount rate and with the escalation of the largest line.

Spanish labels, pesos written the es-CO way ($49.016.520). Written atomically to PNG or SVG
with matplotlib's Agg canvas (no display, no global pyplot state).
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from cps.atomic import write_with
from cps.errors import InputError
from cps.lcc.result import Result
from cps.lcc.sensitivity import Sensitivity
from cps.money import format_cop

FORMATS = {".png": "png", ".svg": "svg"}
SEGMENTS = (  # breakdown key, legend, colour
    ("acquisition", "Adquisición", "#1f4e79"),
    ("annual", "Costos anuales", "#5b9bd5"),
    ("one_off", "Costos únicos", "#ed7d31"),
    ("carbon", "Carbono (emisiones valoradas)", "#70ad47"),
)
RESIDUAL_COLOUR = "#a5a5a5"
LINE_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                "#7f7f7f", "#bcbd22")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "<", ">", "*")


def _pesos(value: float, _pos: object = None) -> str:
    """Axis ticks: ``$40.000.000`` (the dollar sign escaped from matplotlib's mathtext)."""
    return format_cop(round(value)).replace("$", r"\$")


def _rate_label(value: float, _pos: object = None) -> str:
    """Rates on an axis: ``6 %``, ``2,5 %``."""
    number = Decimal(str(round(value * 100, 4))).normalize()
    text = format(number, "f").replace(".", ",")
    return f"{text} %"


def _delta_label(value: float, _pos: object = None) -> str:
    """Changes of escalation on an axis, in percentage points: ``+2 pp``, ``−1 pp``."""
    number = Decimal(str(round(value * 100, 4))).normalize()
    sign = "+" if number > 0 else ("−" if number < 0 else "")
    return f"{sign}{format(abs(number), 'f').replace('.', ',')} pp"


def _mark(ax: Axes, x: float, text: str, colour: str, *, top: bool, span: list[float], row: int = 0) -> None:
    """Label a vertical line inside the axes, on the side with more room, over a white box."""
    right_half = bool(span) and x > (min(span) + max(span)) / 2
    ax.annotate(
        text, xy=(x, 0.98 - 0.1 * row if top else 0.03 + 0.1 * row), xycoords=("data", "axes fraction"),
        xytext=(-4 if right_half else 4, 0), textcoords="offset points",
        ha="right" if right_half else "left", va="top" if top else "bottom", fontsize=7.5, color=colour,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        zorder=6,
    )


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=True)) or text


def _short(text: str, width: int) -> str:
    return textwrap.shorten(text, width=width, placeholder="…")


def _bars(ax: Axes, result: Result) -> None:
    alternatives = list(result.alternatives)
    names = [_wrap(_short(a.name, 96), 36) for a in alternatives]  # at most three lines
    positions = list(range(len(alternatives)))[::-1]  # first alternative on top
    lefts = [0.0] * len(alternatives)
    for key, legend, colour in SEGMENTS:
        widths = [float(getattr(a.breakdown, key)) for a in alternatives]
        if not any(widths):
            continue
        ax.barh(positions, widths, left=lefts, color=colour, label=legend, height=0.6, edgecolor="white", linewidth=0.5)
        lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
    residuals = [-float(a.breakdown.residual) for a in alternatives]
    if any(residuals):
        ax.barh(positions, residuals, color=RESIDUAL_COLOUR, hatch="///", label="Valor residual (se resta)",
                height=0.6, edgecolor="white", linewidth=0.5)
    largest = max(lefts) if lefts else 0.0
    for pos, alt, left in zip(positions, alternatives, lefts, strict=True):
        label = f"{format_cop(alt.npv)}"
        if alt.name == result.best:
            label += "  ★ menor costo"
        elif alt.savings and alt.name != result.baseline:
            label += f"  ({'ahorra' if alt.savings > 0 else 'cuesta'} {format_cop(abs(alt.savings))})"
        ax.text(left + largest * 0.01, pos, label, va="center", ha="left", fontsize=9, parse_math=False,
                fontweight="bold" if alt.name == result.best else "normal")
    ax.set_yticks(positions, names, fontsize=9)
    ax.set_xlim(min([0.0, *residuals]) * 1.15, largest * 1.42 if largest else 1.0)
    ax.xaxis.set_major_formatter(FuncFormatter(_pesos))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.tick_params(axis="x", labelsize=8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Valor presente del costo del ciclo de vida (pesos constantes)", fontsize=9)
    ax.set_title("Valor presente por alternativa y por tipo de costo", fontsize=11, loc="left")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.22 - 0.25 / max(len(alternatives), 1)),
              frameon=False, ncol=5)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _style_lines(ax: Axes, title: str, xlabel: str) -> None:
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_xlabel(xlabel, fontsize=9)
    ax.yaxis.set_major_formatter(FuncFormatter(_pesos))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.xaxis.set_major_formatter(FuncFormatter(_rate_label))
    ax.tick_params(labelsize=8)
    ax.grid(color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _rate_lines(ax: Axes, result: Result, sens: Sensitivity) -> None:
    xs = [float(p.rate) for p in sens.rates]
    for i, alt in enumerate(result.alternatives):
        ys = [p.npv[alt.name] for p in sens.rates]
        ax.plot(xs, ys, color=LINE_COLOURS[i % len(LINE_COLOURS)], marker=MARKERS[i % len(MARKERS)],
                markersize=3.5, linewidth=1.6)
    base = float(result.discount_rate)
    ax.axvline(base, color="#555555", linestyle="--", linewidth=0.9)
    _mark(ax, base, f"tasa del caso\n{_rate_label(base)}", "#555555", top=True, span=xs)
    if xs:
        inside = [be for be in sens.break_even if min(xs) <= float(be.rate) <= max(xs)]
        for row, be in enumerate(inside):
            rate = float(be.rate)
            ax.axvline(rate, color="#c00000", linestyle=":", linewidth=1.2)
            ax.plot([rate], [be.npv], marker="o", markersize=6, markerfacecolor="white",
                    markeredgecolor="#c00000", markeredgewidth=1.5, zorder=5)
            _mark(ax, rate, be.rate_percent, "#c00000", top=False, span=xs, row=row % 3)
    xlabel = "Tasa de descuento real anual"
    if xs and any(min(xs) <= float(be.rate) <= max(xs) for be in sens.break_even):
        xlabel += "\n○ tasa a la que cambia la alternativa más barata"
    if sens.break_even:
        outside = [be.rate_percent for be in sens.break_even if not (xs and min(xs) <= float(be.rate) <= max(xs))]
        if outside:
            xlabel += f"\nLa alternativa más barata cambia con una tasa de {', '.join(outside)} (fuera del gráfico)"
    else:
        xlabel += "\nLa alternativa más barata no cambia en el rango buscado"
    _style_lines(ax, "Sensibilidad a la tasa de descuento real", xlabel)


def _escalation_lines(ax: Axes, result: Result, sens: Sensitivity) -> None:
    if not sens.escalation:
        ax.text(0.5, 0.5, "Sin costos anuales:\nno hay escalamiento que variar", ha="center", va="center",
                transform=ax.transAxes, fontsize=9, color="#555555")
        ax.set_axis_off()
        return
    bases = {line.escalation for line in sens.escalation_lines}
    concepts = sorted({line.concept for line in sens.escalation_lines})
    absolute = len(bases) == 1
    offset = float(next(iter(bases))) if absolute else 0.0
    xs = [float(p.delta) + offset for p in sens.escalation]
    for i, alt in enumerate(result.alternatives):
        ys = [p.npv[alt.name] for p in sens.escalation]
        ax.plot(xs, ys, color=LINE_COLOURS[i % len(LINE_COLOURS)], marker=MARKERS[i % len(MARKERS)],
                markersize=3.5, linewidth=1.6)
    what = _short(", ".join(f"«{c}»" for c in concepts), 50)
    if absolute:
        ax.axvline(offset, color="#555555", linestyle="--", linewidth=0.9)
        _mark(ax, offset, f"valor del caso\n{_rate_label(offset)}", "#555555", top=True, span=xs)
        xlabel = f"Escalamiento real anual de {what}"
    else:
        ax.axvline(0, color="#555555", linestyle="--", linewidth=0.9)
        _mark(ax, 0.0, "valores del caso", "#555555", top=True, span=xs)
        xlabel = f"Cambio del escalamiento real (puntos porcentuales) de la línea más grande de cada alternativa: {what}"
    _style_lines(ax, "Sensibilidad al escalamiento de la línea más grande", _wrap(xlabel, 62))
    if not absolute:
        ax.xaxis.set_major_formatter(FuncFormatter(_delta_label))


def build_figure(result: Result, sens: Sensitivity) -> Figure:
    count = len(result.alternatives)
    bars_height = 1.2 + 0.8 * count
    fig = Figure(figsize=(12, bars_height + 5.6), dpi=110)
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2, height_ratios=[bars_height, 4.0], hspace=0.75, wspace=0.28,
                            left=0.22, right=0.98, top=1 - 0.95 / (bars_height + 5.6), bottom=0.16)
    title = _short(result.case or "Costo del ciclo de vida", 90)
    fig.suptitle(f"Costo del ciclo de vida: {title}", fontsize=13, x=0.02, ha="left", fontweight="bold",
                 parse_math=False)
    subtitle = (f"Horizonte de {result.horizon_years} años · tasa de descuento real {_rate_label(float(result.discount_rate))}"
                f" · carbono: {_short(result.carbon_price_source, 130)}")
    fig.text(0.02, 1 - 0.62 / (bars_height + 5.6), subtitle, fontsize=8.5, color="#444444", ha="left",
             parse_math=False)
    _bars(fig.add_subplot(grid[0, :]), result)
    rate_ax = fig.add_subplot(grid[1, 0])
    _rate_lines(rate_ax, result, sens)
    _escalation_lines(fig.add_subplot(grid[1, 1]), result, sens)
    handles = rate_ax.get_lines()[: count]
    labels = [_short(a.name, 70) for a in result.alternatives]
    fig.legend(handles, labels, loc="lower center", ncol=2 if count > 1 else 1, fontsize=8.5, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
    return fig


def render_chart(result: Result, sensitivity: Sensitivity, path: str | Path) -> Path:
    """Write the chart to ``path`` (.png or .svg) atomically; returns the path."""
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise InputError("el gráfico debe terminar en .png o .svg", file=target, field="--chart")
    fig = build_figure(result, sensitivity)

    def save(tmp: str) -> None:
        # SVG keeps its text as text (searchable, readable by screen readers)
        with rc_context({"svg.fonttype": "none"}):
            fig.savefig(tmp, format=fmt, dpi=110 if fmt == "png" else None,
                        metadata={"Software": None} if fmt == "png" else None)

    write_with(target, save)
    return target
