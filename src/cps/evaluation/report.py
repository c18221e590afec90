"""The informe de evaluación (Spanish) as a :class:`cps.reports.model.Report`.

Sections: the process, the recommendation, the offers and their economic review, the reasons
of every status with its rule, the verification of the habilitating requirements, the
tie-break and random draw when there was a tie, and the decision. ``public=True`` builds the
version for publication from :func:`cps.evaluation.public.redact`.
"""

from __future__ import annotations

from decimal import Decimal

from cps.evaluation import economic, texts
from cps.evaluation.model import Case
from cps.evaluation.public import RESERVE_NOTE, redact
from cps.evaluation.result import STATUS_LABELS, OfferResult, Result, Verification
from cps.evaluation.rules import procedure
from cps.law import tiebreak as law
from cps.money import format_cop, to_words
from cps.reports.model import Block, Bullets, Heading, KeyValues, Paragraph, Report, Table

_PERSON_KIND = {"natural": "Persona natural", "juridica": "Persona jurídica", "consorcio": "Consorcio",
                "union_temporal": "Unión temporal"}


def _yes_no(value: bool) -> str:
    return "Sí" if value else "No"


def _qty(value: Decimal) -> str:
    return texts.number(value, 4)


def _experience_required(case: Case) -> str:
    req = case.process.experience
    if req is None:
        return "No se exige"
    parts = []
    if req.min_total_value is not None:
        parts.append(f"valor total ≥ {format_cop(req.min_total_value)}")
    if req.min_total_smmlv is not None:
        parts.append(f"valor total ≥ {texts.number(req.min_total_smmlv)} SMMLV (SMMLV del año de terminación de "
                     "cada contrato, redondeado al entero)")
    if req.max_contracts is not None:
        parts.append(f"máximo {req.max_contracts} contrato(s), en el orden aportado")
    if req.min_share_one_member is not None:
        parts.append(f"proponente plural: un integrante aporta ≥ {texts.share(req.min_share_one_member)}")
    return "; ".join(parts) or "No se exige"


def _process(case: Case) -> list[Block]:
    p = case.process
    entity = p.entity + (f" (NIT {p.entity_nit})" if p.entity_nit else "")
    pairs = [
        ("Entidad", entity or "—"),
        ("Proceso", p.number),
        ("Modalidad", "Selección de mínima cuantía (Decreto 1082 de 2015 art. 2.2.1.2.1.5.2)"),
    ]
    if p.object:
        pairs.append(("Objeto", p.object))
    pairs.append(("Cierre", texts.moment(p.closing) + (
        f" (cierre fijado inicialmente: {texts.moment(p.original_closing)})" if p.original_closing else "")))
    pairs.append(("Presupuesto oficial",
                  f"{format_cop(p.official_budget)} ({to_words(p.official_budget, upper=True, mcte=True)})"))
    pairs.extend([
        ("Convocatoria limitada a Mipyme", _yes_no(p.mipyme_limited)),
        ("Limitación territorial", ", ".join(p.territorial_limitation) or "Sin limitación"),
        ("Garantía de seriedad de la oferta", "Exigida" if p.seriousness_guarantee_required else "No exigida"),
        ("Certificado de existencia y representación legal",
         f"Expedido como máximo {p.certificate_max_age_days} días calendario antes del cierre"),
        ("Experiencia exigida", _experience_required(case)),
        ("Método aleatorio (factor 13)",
         f"SHA-256 con la semilla publicada «{p.random_method_seed}»" if p.random_method_seed else
         "Semilla no indicada en el caso"),
        ("Número de ofertas", str(len(case.offers))),
    ])
    rows = tuple(
        (i.id, i.description, i.unit, _qty(i.quantity),
         format_cop(i.max_unit_price) if i.max_unit_price is not None else "—")
        for i in p.items
    )
    return [
        Heading("1. Proceso"),
        KeyValues(tuple(pairs)),
        Table(("Ítem", "Descripción", "Unidad", "Cantidad", "Precio unitario oficial (tope)"), rows,
              widths=(1.1, 8.0, 2.0, 1.9, 3.4), caption="Presupuesto oficial por ítem", numeric=(3, 4)),
    ]


def _recommendation(case: Case, result: Result) -> list[Block]:
    blocks: list[Block] = [Heading("2. Resultado")]
    if result.selected is not None:
        chosen = result.offer(result.selected)
        blocks.append(Paragraph(
            f"Recomendación: aceptar la oferta {chosen.id} de {chosen.bidder_name} (NIT {chosen.bidder_nit}) por "
            f"{format_cop(chosen.corrected_total)} ({to_words(chosen.corrected_total, upper=True, mcte=True)}).",
            "strong",
        ))
    else:
        assert result.desierta is not None
        d = result.desierta
        blocks.append(Paragraph(f"Recomendación: declarar desierto el proceso. Causal {d.causal}: {d.title}.",
                                "strong"))
        blocks.append(Paragraph(f"{d.detail} Fundamento: {d.rule}."))
    counts = {s: sum(1 for o in result.offers if o.status == s) for s in STATUS_LABELS}
    summary = ", ".join(f"{STATUS_LABELS[s].lower()}: {n}" for s, n in counts.items() if n)
    blocks.append(Paragraph(
        f"Ofertas recibidas: {len(result.offers)} ({summary or 'ninguna'}). Procedimiento: {procedure()}: se "
        "revisan las ofertas económicas, se corrigen aritméticamente y se verifica que la de menor precio cumpla "
        "las condiciones de la invitación; si no cumple, se verifica la siguiente, y así sucesivamente."
    ))
    return blocks


def _offers(case: Case, result: Result) -> list[Block]:
    rows = tuple(
        (o.id, o.bidder_name, texts.moment(o.submitted_at), format_cop(o.declared_total),
         format_cop(o.corrected_total), texts.share(o.relative_difference.quantize(Decimal("0.0001"))),
         str(o.price_rank) if o.price_rank is not None else "—", STATUS_LABELS[o.status])
        for o in result.offers
    )
    blocks: list[Block] = [
        Heading("3. Ofertas y revisión económica"),
        Paragraph("Valor corregido: suma de cantidad × precio unitario de cada ítem (corrección aritmética). Se rechaza "
                  "la oferta cuya diferencia con el valor registrado en el formato de propuesta económica es igual o "
                  "superior al 1 % (causal K), la que supera el presupuesto oficial (causal L) y la que omite, anula o "
                  "excede un precio unitario o modifica ítems, unidades o cantidades (causales N, O y P)."),
        Table(("Oferta", "Proponente", "Presentada", "Valor registrado", "Valor corregido", "Diferencia",
               "Orden de precio", "Estado"), rows, widths=(1.4, 3.1, 2.3, 2.2, 2.2, 1.9, 1.3, 2.3),
              caption="Ofertas recibidas", numeric=(3, 4, 5, 6)),
    ]
    if result.selected is not None:
        offer = next(o for o in case.offers if o.id == result.selected)
        lines = economic.lines(case, offer)
        line_rows = tuple(
            (ln.item_id, ln.description, ln.unit, _qty(ln.quantity),
             format_cop(ln.unit_price) if ln.unit_price is not None else "—",
             format_cop(ln.max_unit_price) if ln.max_unit_price is not None else "—", format_cop(ln.total))
            for ln in lines
        )
        blocks.append(Table(("Ítem", "Descripción", "Unidad", "Cantidad", "Precio unitario", "Tope", "Subtotal"),
                            line_rows, widths=(1.0, 5.2, 1.7, 1.8, 2.4, 2.3, 2.6),
                            caption=f"Corrección aritmética de la oferta seleccionada ({offer.id})",
                            numeric=(3, 4, 5, 6)))
    return blocks


def _reasons(result: Result) -> list[Block]:
    rows: list[tuple[str, ...]] = []
    for o in result.offers:
        for r in o.reasons:
            label = f"Causal {r.causal}: " if r.causal else ""
            rows.append((o.id, STATUS_LABELS[o.status], label + r.detail, r.rule))
    return [
        Heading("4. Motivos de cada estado"),
        Table(("Oferta", "Estado", "Motivo", "Regla aplicada"), tuple(rows), widths=(1.4, 2.3, 7.4, 6.1),
              caption="Motivos con la regla que los sustenta"),
    ]


def _verification(o: OfferResult, v: Verification) -> list[Block]:
    verdict = "CUMPLE" if v.compliant else "NO CUMPLE"
    blocks: list[Block] = [Heading(f"Oferta {o.id} — {o.bidder_name}: {verdict}", 2)]
    cap_rows = tuple(
        (c.subject, _PERSON_KIND[c.person_kind], texts.day(c.issued) if c.issued else "—",
         str(c.age_days) if c.age_days is not None else "—", str(c.max_days) if c.applies else "—",
         ("Cumple" if c.compliant else "No cumple") + ("" if c.applies else " (no aplica)"))
        for c in v.capacity
    )
    blocks.append(Table(("Persona", "Tipo", "Expedición del certificado", "Días antes del cierre", "Máximo",
                         "Resultado"), cap_rows, widths=(4.6, 2.6, 2.6, 2.2, 1.6, 2.6),
                        caption="Capacidad jurídica (invitación §3.1.1.2 I.A.a)", numeric=(3, 4)))
    e = v.experience
    smmlv = e.basis == "SMMLV"
    exp_rows: tuple[tuple[str, ...], ...] = tuple(
        (str(c.index), c.description or "—", c.member_name or "—", texts.day(c.end),
         f"{texts.number(c.value)} {c.currency}" if c.currency != "COP" else format_cop(c.value),
         texts.share(c.participation), format_cop(c.credited_cop) if c.counted else "—",
         (str(c.credited_smmlv) if c.counted and c.credited_smmlv is not None else "—") if smmlv else "",
         c.note)
        for c in e.contracts
    )
    columns: tuple[str, ...] = ("#", "Contrato", "Integrante", "Terminación", "Valor", "Part.", "Valor valorado",
               "SMMLV" if smmlv else "", "Resultado")
    if not smmlv:
        columns = tuple(c for c in columns if c)
        exp_rows = tuple(tuple(x for i, x in enumerate(r) if i != 7) for r in exp_rows)
        widths: tuple[float, ...] = (0.6, 3.2, 2.3, 2.4, 2.3, 1.3, 2.3, 2.8)
        numeric: tuple[int, ...] = (4, 5, 6)
    else:
        widths = (0.6, 2.1, 2.1, 2.4, 2.2, 1.3, 2.1, 1.6, 3.0)
        numeric = (4, 5, 6, 7)
    if e.contracts:
        blocks.append(Table(columns, exp_rows, widths=widths, numeric=numeric,
                            caption="Experiencia (invitación §3.2.1 y §3.2.2)"))
    if not e.required:
        blocks.append(Paragraph("La invitación no exige experiencia mínima."))
    else:
        total = (f"{e.total_smmlv} SMMLV ({format_cop(e.total_cop)})" if smmlv else format_cop(e.total_cop))
        wanted = []
        if e.min_total_value is not None:
            wanted.append(format_cop(e.min_total_value))
        if e.min_total_smmlv is not None:
            wanted.append(f"{texts.number(e.min_total_smmlv)} SMMLV")
        text = f"Experiencia valorada: {total}"
        if wanted:
            text += f"; exigida: {' y '.join(wanted)} → {'cumple' if e.meets_total else 'no cumple'}"
        if e.member_shares:
            shares = "; ".join(
                f"{next((c.member_name for c in e.contracts if c.member == k), None) or k}: {texts.share(s.quantize(Decimal('0.0001')))}"
                for k, s in e.member_shares.items())
            text += f". Aporte por integrante: {shares}"
            if e.min_share_one_member is not None:
                text += (f" (un integrante debe aportar ≥ {texts.share(e.min_share_one_member)} → "
                         f"{'cumple' if e.meets_share else 'no cumple'})")
        blocks.append(Paragraph(text + "."))
    return blocks


def _verifications(result: Result) -> list[Block]:
    blocks: list[Block] = [Heading("5. Verificación de requisitos habilitantes")]
    if not result.verification_order:
        blocks.append(Paragraph("Ninguna oferta llegó a la verificación: todas incurren en causales de rechazo."))
        return blocks
    blocks.append(Paragraph(
        f"Orden de verificación (menor valor corregido primero): {', '.join(result.verification_order)}. "
        "Las ofertas de mayor precio que la seleccionada no se verifican."))
    for oid in result.verification_order:
        o = result.offer(oid)
        if o.verification is not None:
            blocks.extend(_verification(o, o.verification))
    return blocks


def _tie_break(result: Result) -> list[Block]:
    tie = result.tie_break
    if tie is None:
        return []
    blocks: list[Block] = [
        Heading("6. Desempate"),
        Paragraph(f"Ofertas que cumplen empatadas a {format_cop(tie.price)}: {', '.join(tie.tied)}. Se aplican los "
                  f"factores de {law.norm()}, en el orden de la invitación (§2.15), de forma sucesiva y excluyente: "
                  "continúan las ofertas que cumplen el factor; si ninguna lo cumple, continúan todas."),
    ]
    rows = tuple(
        (str(s.factor), s.title + (" (reserva legal)" if s.reserved else ""),
         ", ".join(s.met_by) if s.met_by else ("—" if s.met_by is not None else "Reservado"),
         ", ".join(s.kept) if s.kept is not None else "No publicado", s.note)
        for s in tie.steps
    )
    blocks.append(Table(("Factor", "Descripción", "Cumplen", "Continúan", "Observación"), rows,
                        widths=(1.4, 4.6, 2.0, 2.2, 7.0), caption="Aplicación de los factores de desempate"))
    detail_rows = tuple(
        (str(s.factor), x.offer, "Cumple" if x.met else "No cumple", x.note)
        for s in tie.steps if s.outcomes for x in s.outcomes
    )
    if detail_rows:
        blocks.append(Table(("Factor", "Oferta", "Resultado", "Evidencia"), detail_rows, widths=(1.4, 1.4, 2.2, 12.2),
                            caption="Evidencia por oferta"))
    if tie.redacted:
        blocks.append(Paragraph(RESERVE_NOTE, "note"))
    if tie.decided_by is not None:
        decided = f"factor {tie.decided_by} ({law.factor(tie.decided_by).title})"
    else:
        decided = "la aplicación sucesiva de los factores (factor con reserva legal)"
    blocks.append(Paragraph(f"Oferta favorecida: {tie.winner}, por {decided}.", "strong"))
    draw = result.random_draw
    if draw is not None:
        pairs = [
            ("Método", "SHA-256 de la semilla publicada seguida de los identificadores de las ofertas empatadas "
                       "(orden de código Unicode), unidos por saltos de línea; índice = resumen módulo número de "
                       "ofertas (docs/evaluation-format.md)"),
            ("Semilla publicada", f"{draw.seed} ({draw.seed_source})"),
        ]
        if draw.candidates is not None:
            pairs.extend([
                ("Ofertas en el sorteo", ", ".join(draw.candidates)),
                ("Mensaje", (draw.message or "").replace("\n", " ⏎ ")),
                ("SHA-256", draw.sha256 or ""),
                ("Índice", f"{draw.index} (de 0 a {len(draw.candidates) - 1})"),
            ])
        else:
            pairs.append(("Ofertas en el sorteo", "No publicado (revelaría el resultado de factores con reserva legal)"))
        pairs.append(("Oferta favorecida", draw.winner))
        blocks.extend([Heading("Método aleatorio (factor 13)", 2), KeyValues(tuple(pairs))])
    return blocks


def _decision(result: Result, number: int) -> list[Block]:
    blocks: list[Block] = [Heading(f"{number}. Decisión")]
    if result.selected is not None:
        o = result.offer(result.selected)
        blocks.append(Paragraph(
            f"Se recomienda aceptar la oferta {o.id} de {o.bidder_name} por {format_cop(o.corrected_total)}, por ser la "
            "oferta de menor precio que cumple las condiciones de la invitación"
            + (" y la favorecida en el desempate" if result.tie_break else "") + "."))
    else:
        assert result.desierta is not None
        blocks.append(Paragraph(f"Se recomienda declarar desierto el proceso por la causal {result.desierta.causal} "
                                f"de la invitación (§2.16): {result.desierta.title.lower()}."))
    blocks.append(Paragraph(
        "El informe de evaluación se publica en el SECOP II durante un (1) día hábil para observaciones (invitación "
        "§2.10.1 C y §2.12). Vencido ese término, la entidad acepta la oferta de menor precio que cumpla; la oferta y "
        "su aceptación constituyen el contrato (invitación §2.10.1).", "note"))
    return blocks


def build_report(case: Case, result: Result, *, public: bool) -> Report:
    """The evaluation report; ``public=True`` hides reserved tie-break data (art. 2.2.1.2.4.2.17 par. 3)."""
    shown = redact(result) if public and not result.public else result
    version = "Versión pública" if shown.public else "Versión interna"
    report = Report(
        title="Informe de evaluación de ofertas",
        subtitle=f"{case.process.entity} — Mínima cuantía {case.process.number} — {version}",
        footer=f"Compras Sostenibles (cps) · Informe de evaluación {case.process.number} · {version.lower()}",
    )
    if not shown.public:
        report.add(Paragraph(
            "Versión interna: puede contener información con reserva legal sobre factores de desempate "
            "(art. 2.2.1.2.4.2.17 par. 3 del Decreto 1082 de 2015; Ley 1581 de 2012). Para publicar en el SECOP II "
            "use la versión pública (cps evaluate --report … --public).", "note"))
    report.add(*_process(case))
    report.add(*_recommendation(case, shown))
    report.add(*_offers(case, shown))
    report.add(*_reasons(shown))
    report.add(*_verifications(shown))
    tie_blocks = _tie_break(shown)
    report.add(*tie_blocks)
    report.add(*_decision(shown, 7 if tie_blocks else 6))
    if shown.warnings:
        report.add(Heading("Advertencias", 2), Bullets(tuple(shown.warnings)))
    return report
