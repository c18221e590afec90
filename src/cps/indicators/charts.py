"""Charts of the indicators as PNG bytes (matplotlib, no global pyplot state).

Figures are drawn at about the width they take on the page (7 in ≈ 17 cm), so the font sizes
given here are the sizes the reader sees.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from cps.indicators.result import GroupRow, Result

GREEN = "#1F5C4A"  # the reports' accent colour
ORANGE = "#D9822B"
GREY = "#B8C2BE"
TEXT = "#333333"
GRID = "#E3E8E6"
DPI = 200
DASH = (0, (4, 2))
MAX_YEARS = 8  # the progress chart shows the most recent years


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def _pct(value: float) -> str:
    return f"{value * 100:.1f} %".replace(".", ",")


def _pct_short(value: float) -> str:
    """``0.05`` → ``5 %``, ``0.125`` → ``12,5 %`` (targets in tick labels)."""
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text} %".replace(".", ",")


def progress_chart(result: Result) -> bytes:
    """Two panels (processes, value): the share with criteria per year against the year's target."""
    from matplotlib import patheffects
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    years = [y for y in result.years if y.processes_total or y.target_share_processes is not None][-MAX_YEARS:]
    stacked = len(years) > 3  # one panel above the other, so year labels have room
    fig = Figure(figsize=(7.0, 4.9) if stacked else (7.0, 3.1))
    xs = list(range(len(years)))
    panels = (
        ("Procesos con criterios", [y.share_processes for y in years], [y.target_share_processes for y in years]),
        ("Valor con criterios", [y.share_value for y in years], [y.target_share_value for y in years]),
    )
    top = max([v or 0 for _, shares, targets in panels for v in (*shares, *targets)] + [0.05])
    halo = [patheffects.withStroke(linewidth=3.2, foreground="white")]
    small = 7.5
    used: set[str] = set()
    for index, (title, shares, targets) in enumerate(panels):
        ax = fig.add_subplot(2, 1, index + 1) if stacked else fig.add_subplot(1, 2, index + 1)
        colors = []
        for s, t in zip(shares, targets, strict=True):
            kind = "sin_meta" if t is None else ("cumplida" if (s or 0) >= t else "no_cumplida")
            used.add(kind)
            colors.append({"sin_meta": GREY, "cumplida": GREEN, "no_cumplida": ORANGE}[kind])
        ax.bar(xs, [s or 0 for s in shares], width=0.6, color=colors, zorder=2)
        for x, s, t in zip(xs, shares, targets, strict=True):
            label_y = (s or 0) + top * 0.025
            if t is not None and (s or 0) - top * 0.03 <= t <= (s or 0) + top * 0.1:
                label_y = t + top * 0.03  # above the target line, not across it
            ax.text(x, label_y, _pct(s) if s is not None else "sin datos", ha="center",
                    va="bottom", fontsize=small + 0.5, color=TEXT, zorder=3)
            if t is not None:
                ax.hlines(t, x - 0.42, x + 0.42, colors=TEXT, linestyles=DASH, linewidth=1.6, zorder=4,
                          path_effects=halo)
        ticks = [f"{y.year}\nmeta {_pct_short(t)}" if t is not None else str(y.year)
                 for y, t in zip(years, targets, strict=True)]
        ax.set_xticks(xs, ticks)
        ax.set_xlim(-0.7, len(xs) - 0.3)
        ax.set_ylim(0, top * 1.25)
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v * 100:.0f} %")
        ax.set_title(title, fontsize=9.5, color=GREEN, loc="left", fontweight="bold")
        ax.grid(axis="y", color=GRID, zorder=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=small)
    handles: list[Patch | Line2D] = []
    if "cumplida" in used:
        handles.append(Patch(facecolor=GREEN, label="meta cumplida"))
    if "no_cumplida" in used:
        handles.append(Patch(facecolor=ORANGE, label="meta no cumplida"))
    if "sin_meta" in used:
        handles.append(Patch(facecolor=GREY, label="año sin meta"))
    handles.append(Line2D([0], [0], color=TEXT, linestyle=DASH, linewidth=1.6, label="meta del año"))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=7.5,
               bbox_to_anchor=(0.5, 0.0))
    fig.tight_layout(rect=(0, 0.05 if stacked else 0.07, 1, 1))
    return _png(fig)


def priority_chart(rows: list[GroupRow], year: int) -> bytes:
    """Horizontal bars per priority class: processes with and without criteria in ``year``."""
    data = [r for r in rows if r.year == year]
    fig = Figure(figsize=(7.0, 0.42 * max(len(data), 2) + 0.9))
    ax = fig.add_subplot(1, 1, 1)
    ys = list(range(len(data)))[::-1]
    with_c = [r.processes_with_criteria for r in data]
    without = [r.processes_total - r.processes_with_criteria for r in data]
    ax.barh(ys, with_c, color=GREEN, height=0.55, label="con criterios", zorder=2)
    ax.barh(ys, without, left=with_c, color=GREY, height=0.55, label="sin criterios", zorder=2)
    biggest = max([r.processes_total for r in data] + [1])
    for y, r in zip(ys, data, strict=True):
        text = f"{r.processes_with_criteria} de {r.processes_total}"
        if r.share_processes is not None:
            text += f" ({_pct(r.share_processes)})"
        ax.text(r.processes_total + biggest * 0.015, y, text, va="center", fontsize=7.5, color=TEXT)
    ax.set_yticks(ys, [f"Clase {r.key}" for r in data])
    ax.set_xlim(0, biggest * 1.3)
    ax.set_title(f"Procesos de {year} en clases UNSPSC prioritarias", fontsize=9.5, color=GREEN, loc="left",
                 fontweight="bold")
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color=GRID, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=7.5)
    ax.legend(loc="lower right", fontsize=7.5, frameon=False)
    fig.tight_layout()
    return _png(fig)
