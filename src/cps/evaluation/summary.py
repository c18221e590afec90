"""Plain-text summary of a result, for ``cps evaluate`` without ``--json``."""

from __future__ import annotations

from cps.evaluation import texts
from cps.evaluation.result import STATUS_LABELS, Result
from cps.money import format_cop


def render_text(result: Result) -> str:
    lines = [f"Evaluación de ofertas — proceso {result.process}" + (" (versión pública)" if result.public else "")]
    if result.selected is not None:
        chosen = result.offer(result.selected)
        lines.append(f"Resultado: ADJUDICADA a la oferta {chosen.id} ({chosen.bidder_name}) por "
                     f"{format_cop(chosen.corrected_total)}.")
    elif result.desierta is not None:
        lines.append(f"Resultado: DESIERTA — causal {result.desierta.causal}: {result.desierta.title}. "
                     f"{result.desierta.detail}")
    lines.append("")
    for o in result.offers:
        lines.append(
            f"  {o.id}: {STATUS_LABELS[o.status].upper()} — registrado {format_cop(o.declared_total)}, corregido "
            f"{format_cop(o.corrected_total)} (diferencia {texts.share(o.relative_difference.quantize(texts.FOUR))})"
        )
        for r in o.reasons:
            causal = f"causal {r.causal}: " if r.causal else ""
            lines.append(f"      · {causal}{r.detail} [{r.rule}]")
    tie = result.tie_break
    if tie is not None:
        lines.append("")
        decided = f"factor {tie.decided_by}" if tie.decided_by is not None else "un factor con reserva legal"
        lines.append(f"Desempate entre {', '.join(tie.tied)} a {format_cop(tie.price)}: gana {tie.winner} por {decided}.")
        for s in tie.steps:
            lines.append(f"  factor {s.factor} ({s.title}): {s.note}")
    if result.random_draw is not None and result.random_draw.sha256:
        d = result.random_draw
        lines.append(f"Sorteo: semilla «{d.seed}», SHA-256 {d.sha256}, índice {d.index} → {d.winner}.")
    for w in result.warnings:
        lines.append(f"Advertencia: {w}")
    return "\n".join(lines) + "\n"
