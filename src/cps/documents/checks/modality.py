"""The law of the modality. For mínima cuantía (Decreto 1082 de 2015 art. 2.2.1.2.1.5.2): the
selection is the lowest price that meets the invitation; no scoring, no procedures of other
modalities, no requirements the law does not allow; the value under the ceiling; a Mipyme
territorial limitation that names where the contract is executed."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from cps import money
from cps.documents.checks.base import Context, Rule, make
from cps.documents.findings import Finding
from cps.documents.search import Hit, search, search_lines, sentence_around
from cps.documents.text import Line, fold
from cps.law import params, places

FAMILY = "ley de la modalidad"
MC = "Decreto 1082 de 2015 art. 2.2.1.2.1.5.2 (procedimiento de mínima cuantía, mod. Decreto 1860 de 2021)"

SCORING = Rule(
    "MC_SCORING_FACTOR", FAMILY, "error",
    "Factor de puntaje en un proceso de mínima cuantía",
    "En la mínima cuantía la entidad acepta la oferta de menor precio que cumpla las condiciones de la "
    "invitación; no hay puntajes ni ponderación. Un criterio (también de sostenibilidad) debe ir como "
    "especificación técnica u obligación del contrato, no con puntos.",
    f"{MC} num. 5; Ley 1150 de 2007 art. 5 num. 5 (mod. Ley 2069 de 2020 art. 30)",
)
FOREIGN = Rule(
    "MC_FOREIGN_PROCEDURE", FAMILY, "error",
    "Procedimiento de otra modalidad en una mínima cuantía",
    "La manifestación de interés como condición para ofertar y el sorteo de oferentes son propios de la "
    "selección abreviada de menor cuantía; las audiencias de adjudicación y la subasta, de otras "
    "modalidades. En la mínima cuantía cualquier interesado presenta oferta desde la publicación de la "
    "invitación. (La solicitud de las Mipyme para limitar el proceso sí es propia de la mínima cuantía.)",
    MC,
)
TIE_SCORE = Rule(
    "MC_TIEBREAK_SCORE_WORDING", FAMILY, "warning",
    "Regla de empate redactada para puntajes",
    "En la mínima cuantía hay empate cuando dos ofertas tienen el mismo precio (Manual de incentivos de "
    "Colombia Compra Eficiente); hablar de empate «en el puntaje total» es un resto de otra modalidad.",
    "Decreto 1082 de 2015 art. 2.2.1.2.4.2.17; Ley 2069 de 2020 art. 35",
)
RANDOM = Rule(
    "MC_RANDOM_METHOD_UNDEFINED", FAMILY, "warning",
    "El método aleatorio de desempate no está definido",
    "El último factor de desempate es un método aleatorio que debe estar previsto en los Documentos del "
    "Proceso; el documento lo menciona pero no dice cuál es ni cómo se aplica.",
    "Decreto 1082 de 2015 art. 2.2.1.2.4.2.17 num. 13 (método aleatorio previsto en los Documentos del Proceso)",
)
TIE_MISSING = Rule(
    "MC_TIEBREAK_MISSING", FAMILY, "warning",
    "No se establecen los criterios de desempate",
    "Los factores de desempate deben estar en los Documentos del Proceso y aplicarse en su orden.",
    "Ley 2069 de 2020 art. 35; Decreto 1082 de 2015 art. 2.2.1.2.4.2.17",
)
RUP = Rule(
    "MC_RUP_REQUIRED", FAMILY, "error",
    "Se exige el RUP en una mínima cuantía",
    "El Registro Único de Proponentes no se requiere en los contratos cuyo valor no supere el 10 % de la "
    "menor cuantía de la entidad; exigirlo restringe la participación sin base legal.",
    "Ley 1150 de 2007 art. 6",
)
FINANCIAL = Rule(
    "MC_FINANCIAL_CAPACITY_WITH_DELIVERY_PAYMENT", FAMILY, "warning",
    "Capacidad financiera exigida con pago contra entrega",
    "En la mínima cuantía la capacidad financiera solo puede exigirse cuando el pago no se hace contra "
    "entrega a satisfacción de los bienes o servicios.",
    f"{MC} (capacidad financiera solo si no hay pago contra entrega)",
)
CEILING = Rule(
    "MC_CEILING_EXCEEDED", FAMILY, "error",
    "El valor supera el tope de la mínima cuantía",
    "La mínima cuantía es el 10 % de la menor cuantía de la entidad, que depende de su presupuesto anual "
    "en SMMLV; por encima del tope más alto ninguna entidad puede usar esta modalidad.",
    "Ley 1150 de 2007 art. 2 num. 2 lit. b) y num. 5",
)
CEILING_BANDS = Rule(
    "MC_CEILING_BANDS", FAMILY, "info",
    "Valor frente a los topes de la mínima cuantía",
    "La mínima cuantía es el 10 % de la menor cuantía de la entidad, que depende de su presupuesto anual "
    "en SMMLV.",
    "Ley 1150 de 2007 art. 2 num. 2 lit. b) y num. 5",
)
TERRITORY = Rule(
    "MIPYME_TERRITORY_MISMATCH", FAMILY, "error",
    "La limitación territorial no corresponde al lugar de ejecución",
    "La convocatoria solo puede limitarse a las Mipyme con domicilio en los departamentos o municipios "
    "donde se va a ejecutar el contrato, y debe nombrarlos.",
    "Decreto 1082 de 2015 art. 2.2.1.2.4.2.3 (mod. Decreto 1860 de 2021); Ley 1150 de 2007 art. 12 par. 1",
)
MIPYME_VALUE = Rule(
    "MIPYME_THRESHOLD_EXCEEDED", FAMILY, "error",
    "Limitación a Mipyme por encima del umbral",
    "Solo se puede limitar a Mipyme un proceso de valor menor a US$125.000 liquidados con la tasa del "
    "Ministerio de Comercio, Industria y Turismo.",
    "Decreto 1082 de 2015 art. 2.2.1.2.4.2.2 num. 1 (mod. Decreto 1860 de 2021)",
)

POINTS = re.compile(
    r"\b\d{1,4}\s*\)?\s*puntos\b(?!\s+de\s+(?:red|venta|atenci|acceso|entrega|luz|agua|conexi|recolecci|vacunaci|control|datos|voz|hidr|sanitari))|\bpuntaje\s+m[aá]ximo|\bpuntaje\s+(?:total\s+)?de\s+\d|\basignar[aá]n?\s+(?:hasta\s+)?[\w ()]{0,30}?puntos"
    r"|\botorgar[aá]n?\s+(?:hasta\s+)?[\w ()]{0,30}?puntos|\bfactores?\s+(?:de\s+)?ponderaci[oó]n\b[^.]{0,60}\d+\s*(?:%|puntos)"
    r"|\bcriterios?\s+(?:de\s+)?(?:evaluaci[oó]n|calificaci[oó]n)\s+(?:y\s+)?(?:puntaje|ponderaci)"
    r"|\bponderand\w*[^.]{0,150}?\d{1,3}\s*%|\bponderaci[oó]n\s+(?:del?\s+)?[^.]{0,80}?\d{1,3}\s*%"
    r"|\bpuntaje\s+adicional\b|\bpuntos\s+adicionales\b"
)
SORTEO = re.compile(r"\bsorteo\b")
INTEREST = re.compile(r"manifestaci[oó]n(?:es)?\s+de\s+inter[eé]s|manifest(?:ar|ado|ó)\s+(?:su\s+)?inter[eé]s")
HEARING = re.compile(
    r"audiencia\s+(?:p[uú]blica\s+)?(?:de\s+)?(?:adjudicaci[oó]n|asignaci[oó]n|aclaraci[oó]n|riesgos|cierre|apertura|sorteo|subasta)"
    r"|(?:aceptaci[oó]n|adjudicaci[oó]n)\s+de\s+la\s+oferta\s+se\s+har[aá]\s+en\s+audiencia"
)
# the concurso de méritos: rank by quality or experience, then open the price of the first only
MERIT = re.compile(
    r"orden\s+de\s+elegibilidad\s+(?:seg[uú]n|de\s+acuerdo\s+con|con\s+base\s+en)\s+(?:la\s+)?(?:experiencia|calidad|formaci)"
    r"|se\s+abrir[aá]\s+(?:la\s+|el\s+sobre\s+de\s+la\s+)?(?:propuesta|oferta)\s+econ[oó]mica\s+(?:[uú]nicamente\s+|solamente\s+|solo\s+)?del?\s+(?:proponente|oferente)"
)
AUCTION = re.compile(r"\bsubasta\b|\blista\s+corta\b|\bprecalificaci[oó]n\b")
NEGATED = re.compile(
    r"\bno\s+(?:hay|habr[aá]|existe|se\s+(?:realizar|har|efectuar|llevar|celebrar|convocar)|aplica|procede)"
    r"|\bsin\s+(?:manifestaci|sorteo|audiencia)"
)


def _mc_only(fn: Callable[[Context], list[Finding]]) -> Callable[[Context], list[Finding]]:
    """The check applies only to mínima cuantía documents."""

    def wrapper(ctx: Context) -> list[Finding]:
        return fn(ctx) if ctx.minima_cuantia else []

    wrapper.__name__ = fn.__name__
    return wrapper


def _sentence_hits(lines: list[Line], pattern: re.Pattern[str]) -> list[tuple[Hit, str]]:
    out = []
    seen: set[tuple[int, str]] = set()
    for hit in search_lines(lines, pattern):
        sentence = hit.sentence(500)
        key = (hit.line.number, sentence)
        if key in seen:
            continue
        seen.add(key)
        out.append((hit, sentence))
    return out


@_mc_only
def _scoring(ctx: Context) -> list[Finding]:
    out = []
    for hit, sentence in _sentence_hits(ctx.doc.lines, POINTS):
        folded = fold(sentence)
        if re.search(
            r"no\s+(?:ser[aá]n?|tendr[aá]n?)\s+(?:objeto\s+de\s+)?(?:puntuaci|puntaje|ponderaci)|cumple\s*/\s*no\s+cumple"
            r"|\bno\s+(?:se\s+)?(?:asigna|otorga|aplica|habr[aá]|tendr[aá]|ser[aá]|da)\w*\s+(?:ning[uú]n\s+)?(?:puntaje|puntos|puntuaci)"
            r"|\bsin\s+(?:ning[uú]n\s+)?(?:puntaje|puntos)|\bno\s+otorga\w*\s+puntaje",
            folded,
        ):
            continue
        out.append(
            make(
                SCORING,
                message=(
                    "El documento asigna puntos o ponderación para escoger la oferta; en mínima cuantía se "
                    "acepta la de menor precio que cumpla."
                ),
                evidence=sentence,
                location=hit.location,
            )
        )
    return out


@_mc_only
def _foreign_procedures(ctx: Context) -> list[Finding]:
    out = []
    reported: set[int] = set()
    candidates = (
        _sentence_hits(ctx.doc.lines, SORTEO)
        + _sentence_hits(ctx.doc.lines, INTEREST)
        + _sentence_hits(ctx.doc.lines, HEARING)
        + _sentence_hits(ctx.doc.lines, AUCTION)
        + _sentence_hits(ctx.doc.lines, MERIT)
    )
    for hit, sentence in sorted(candidates, key=lambda c: c[0].line.number):
        folded = fold(sentence)
        if hit.line.number in reported or NEGATED.search(folded):
            continue
        if re.search(r"mi?pymes?|limit", folded) and not SORTEO.search(folded):
            continue  # the Mipyme's request to limit the process is legitimate
        if SORTEO.search(folded) and re.search(r"empat|aleatori|balota|loter[ií]a", folded) and not INTEREST.search(folded):
            continue  # a draw to break ties is a random method, not a sorteo de oferentes
        if re.search(r"excepto|salvo|diferente[s]?\s+a", folded) and AUCTION.search(folded):
            continue
        what = []
        if INTEREST.search(folded):
            what.append("la manifestación de interés como condición para participar")
        if SORTEO.search(folded):
            what.append("el sorteo de oferentes")
        if HEARING.search(folded):
            what.append("una audiencia")
        if AUCTION.search(folded):
            what.append("subasta, lista corta o precalificación")
        if MERIT.search(folded):
            what.append("el procedimiento del concurso de méritos (orden de elegibilidad por calidad y apertura del precio del primero)")
        reported.add(hit.line.number)
        out.append(
            make(
                FOREIGN,
                message=f"El documento prevé {' y '.join(what)}, que no existe en la mínima cuantía.",
                evidence=sentence,
                location=hit.location,
            )
        )
    return out


def _tiebreak_lines(ctx: Context) -> list[Line]:
    lines: list[Line] = []
    for sec in ctx.doc.sections_titled(r"desempate|empate"):
        lines.extend(ctx.doc.section_lines(sec))
    return lines


@_mc_only
def _tiebreak(ctx: Context) -> list[Finding]:
    out = []
    tie_lines = _tiebreak_lines(ctx)
    all_tie_mentions = search(ctx.doc, r"desempate|empate")
    if not tie_lines and not all_tie_mentions:
        return [
            make(
                TIE_MISSING,
                message="El documento no establece cómo se resuelve un empate entre ofertas del mismo precio.",
                evidence="(no se encontró ninguna mención de empate o desempate)",
                location=None,
            )
        ]
    for hit, sentence in _sentence_hits(tie_lines or [h.line for h in all_tie_mentions], re.compile(r"empate\s+en\s+el\s+puntaje|(?:mismo|igual)\s+(?:puntaje|calificaci[oó]n|puntuaci[oó]n)|puntaje\s+total")):
        out.append(
            make(
                TIE_SCORE,
                message="La regla de empate habla de puntajes; en mínima cuantía el empate es de precio.",
                evidence=sentence,
                location=hit.location,
            )
        )
        break
    tie_numbers = {line.number for line in tie_lines}
    mentions = [
        hit
        for hit in search(ctx.doc, r"m[eé]todo\s+aleatorio|aleatori|\bsorteo\b|al\s+azar")
        if re.search(r"aleatori", fold(hit.text))
        or hit.line.number in tie_numbers
        or re.search(r"empate", fold(hit.sentence(400)))
    ]
    if mentions:
        described = False
        for hit in search(ctx.doc, r"aleatori|sorteo|balota|al\s+azar"):
            folded = fold(hit.sentence(600))
            if "previsto previamente" in folded or "deber[aá] haber sido previsto" in folded:
                continue
            if re.search(r"consistir[aá]|(?:se\s+)?(?:realizar[aá]|har[aá]|efectuar[aá])\s+(?:un|el|mediante)\s+sorteo|generador\s+de\s+n[uú]meros|"
                         r"n[uú]mero\s+(?:mayor|menor)|balotas?|se\s+(?:asignar|numerar|introducir|extraer|sacar|escoger)|"
                         r"mediante\s+el\s+uso|funci[oó]n\s+aleatoria|semilla|loter[ií]a|primer\s+premio|n[uú]mero\s+ganador|se\s+seleccionar[aá]\s+"
                         r"(?:la\s+oferta|al\s+oferente)\s+(?:que|cuyo)", folded):
                described = True
                break
        if not described:
            hit = mentions[-1]
            out.append(
                make(
                    RANDOM,
                    message=(
                        "El documento remite a un método aleatorio para el último desempate, pero no lo describe "
                        "(por ejemplo balotas, sorteo con numeración en orden de presentación, o un algoritmo "
                        "reproducible con semilla publicada)."
                    ),
                    evidence=hit.sentence(),
                    location=hit.location,
                )
            )
    return out


RUP_RX = re.compile(r"registro\s+[uú]nico\s+de\s+proponentes|\brup\b")


@_mc_only
def _rup(ctx: Context) -> list[Finding]:
    out = []
    for hit, sentence in _sentence_hits(ctx.doc.lines, RUP_RX):
        folded = fold(sentence)
        if re.search(r"no\s+(?:es|ser[aá]|se(?:r[aá])?\s+)?\s*(?:obligatori|exigib|requerid|necesari)|(?:no|tampoco)\s+se\s+(?:exige|requiere|solicita)|si\s+decide|podr[aá]n?\s+(?:acreditar|aportar|presentar)|tambi[eé]n\s+podr", folded):
            continue
        if not re.search(
            r"deber[aá]n?|deben?\b|mediante\s+la\s+presentaci[oó]n|se\s+exig|es\s+obligatori|aportar\s+el"
            r"|capacidad\s+residual|informaci[oó]n\s+del\s+rup|rup\)?\s+vigente\s+y\s+en\s+firme"
            r"|certificado\s+de\s+(?:inscripci[oó]n|registro)\s+en\s+el\s+registro\s+[uú]nico\s+de\s+proponentes",
            folded,
        ):
            continue
        out.append(
            make(
                RUP,
                message="El documento exige el RUP, que la ley no requiere en procesos de mínima cuantía.",
                evidence=sentence,
                location=hit.location,
            )
        )
    return out


@_mc_only
def _financial(ctx: Context) -> list[Finding]:
    r = ctx.record
    if not r.financial_capacity or not r.payment:
        return []
    fc = fold(r.financial_capacity)
    if re.search(r"^\W*(?:n\.?\s?/?a\.?|no\s+aplica|no\s+se\s+exige)", fc) or not re.search(
        r"liquidez|endeudamiento|capital\s+de\s+trabajo|cobertura\s+de\s+intereses|indice", fc
    ):
        return []
    if not re.search(
        r"contra\s*(?:la\s+)?entrega|pagos?\s+parciales\s+de\s+acuerdo|previa\s+entrega|recibo\s+a\s+satisfacci[oó]n|de\s+acuerdo\s+al?\s+suministro"
        r"|efectivamente\s+(?:suministrad|entregad|prestad|recibid)",
        fold(r.payment),
    ):
        return []
    return [
        make(
            FINANCIAL,
            message="Se exigen indicadores de capacidad financiera aunque el pago se hace contra entrega.",
            evidence=r.financial_capacity[:300],
            location=r.sources.get("financial_capacity"),
            related=[(r.sources.get("payment"), r.payment[:300])],
        )
    ]


@_mc_only
def _ceiling(ctx: Context) -> list[Finding]:
    r = ctx.record
    if r.budget is None:
        return []
    try:
        ceilings = params.minima_cuantia_ceilings(ctx.year)
        wage = params.smmlv(ctx.year)
    except params.MissingParameter:
        return []
    in_smmlv = (Decimal(r.budget) / wage.value).quantize(Decimal("0.01"))
    fits = [(band, value) for band, value in ceilings if r.budget <= value]
    loc = r.sources.get("budget")
    value_txt = f"{money.format_cop(r.budget)} ({str(in_smmlv).replace('.', ',')} SMMLV de {ctx.year})"
    if not fits:
        top_band, top_value = ceilings[0]
        return [
            make(
                CEILING,
                message=(
                    f"El presupuesto {value_txt} supera el tope de mínima cuantía de cualquier entidad "
                    f"({top_band.minima_smmlv} SMMLV = {money.format_cop(top_value)}): el proceso no puede "
                    "adelantarse por esta modalidad."
                ),
                evidence=f"{r.budget_in_words or ''} ({money.format_cop(r.budget)})".strip(),
                location=loc,
            )
        ]
    bands_txt = "; ".join(
        f"{band.describe()}: hasta {money.format_cop(value)}" for band, value in ceilings
    )
    declared = _declared_band(ctx, [band for band, _ in ceilings])
    if declared is not None and len(fits) < len(ceilings):
        band, said = declared
        where = said.location.section or "sin número"
        statement = (said.location, sentence_around(said.line.text, said.start, said.end))
        ceiling = dict((b.menor_smmlv, v) for b, v in ceilings)[band.menor_smmlv]
        if r.budget <= ceiling:
            return [
                make(
                    CEILING_BANDS,
                    message=(
                        f"El presupuesto {value_txt} no supera la mínima cuantía de la entidad: el documento "
                        f"declara una menor cuantía de {band.menor_smmlv} SMMLV (sección {where}), cuyo 10 % es "
                        f"{band.minima_smmlv} SMMLV = {money.format_cop(ceiling)} en {ctx.year}. Topes {ctx.year}: {bands_txt}."
                    ),
                    evidence=f"{money.format_cop(r.budget)}",
                    location=loc,
                )
            ]
        return [
            make(
                CEILING,
                message=(
                    f"El presupuesto {value_txt} supera la mínima cuantía de la entidad: el documento declara una "
                    f"menor cuantía de {band.menor_smmlv} SMMLV (sección {where}), cuyo 10 % es "
                    f"{band.minima_smmlv} SMMLV = {money.format_cop(ceiling)} en {ctx.year}."
                ),
                evidence=f"{money.format_cop(r.budget)}",
                location=loc,
                related=[statement],
            )
        ]
    if len(fits) == len(ceilings):
        message = (
            f"El presupuesto {value_txt} no supera el tope de mínima cuantía de ninguna banda de presupuesto "
            f"de entidad. Topes {ctx.year}: {bands_txt}."
        )
    else:
        lowest = min(band.budget_min_smmlv for band, _ in fits)
        message = (
            f"El presupuesto {value_txt} solo cabe en la mínima cuantía si el presupuesto anual de la entidad "
            f"es de al menos {money.group_thousands(lowest)} SMMLV; verifique la banda de la entidad. Topes "
            f"{ctx.year}: {bands_txt}."
        )
    return [
        make(
            CEILING_BANDS,
            severity="info" if len(fits) == len(ceilings) else "warning",
            message=message,
            evidence=f"{money.format_cop(r.budget)}",
            location=loc,
        )
    ]


DECLARED_MENOR = re.compile(
    r"menor\s+cuant[ií]a\b[^;]{0,120}?\b(?:es|asciende|equivale|corresponde)\b[^;()]{0,60}?(?:\(\s*)?(\d{3,4})\s*\)?\s*(?:smmlv|salarios)"
    r"|menor\s+cuant[ií]a\s+(?:de|:)\s+(?:hasta\s+)?(\d{3,4})\s*(?:smmlv|salarios)"
)


# "no supera la mínima cuantía de la entidad (28 SMMLV, $49.025.340)", "su mínima cuantía llega hasta 28
# SMMLV", "la mínima cuantía de la entidad es de cuarenta y cinco (45) SMMLV"
DECLARED_MINIMA = re.compile(
    r"m[ií]nima\s+cuant[ií]a\b[^;.]{0,60}?(?:\(\s*|\b(?:es|asciende|equivale|corresponde|llega)\b[^;().]{0,40}?(?:\(\s*)?)"
    r"(?:hasta\s+)?(\d{2,3})\s*\)?\s*(?:smmlv|salarios)"
)


def _declared_band(ctx: Context, bands: list[params.CuantiaBand]) -> tuple[params.CuantiaBand, Hit] | None:
    """The band the document itself states: "la menor cuantía del Instituto es de cuatrocientos
    cincuenta (450) SMMLV", or its mínima cuantía ("hasta 28 SMMLV"). Only a value that is one of the
    legal bands counts."""
    for pattern, attr in ((DECLARED_MENOR, "menor_smmlv"), (DECLARED_MINIMA, "minima_smmlv")):
        for hit in search_lines(ctx.doc.lines, pattern):
            value = int(next((g for g in hit.groups if g), "0"))
            for band in bands:
                if getattr(band, attr) == value:
                    return band, hit
    return None



def _special_regime_as_warning(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Under a special regime a Mipyme-limitation finding becomes a warning: whether the Decreto 1082
    rules bind the entity depends on its own statute (unconfirmed in our sources)."""
    if ctx.record.modality == "regimen_especial":
        for f in findings:
            f.severity = "warning"
            f.message += (
                " La entidad contrata por régimen especial: verifique si su estatuto de contratación adopta "
                "las reglas de limitación a Mipyme del Decreto 1082 de 2015 (su aplicación a entidades de "
                "régimen especial está sin confirmar en nuestras fuentes)."
            )
    return findings

def _territory(ctx: Context) -> list[Finding]:
    """Every modality of the Estatuto General may limit to Mipyme (D. 1082/2015 art. 2.2.1.2.4.2.2);
    under a special regime the rule is reported as a warning: whether it binds the entity depends on
    its own statute (the "independientemente de su régimen" wording is not confirmed in our sources)."""
    return _special_regime_as_warning(ctx, _territory_findings(ctx))


def _territory_findings(ctx: Context) -> list[Finding]:
    r = ctx.record
    if not r.territorial_limitation:
        return []
    limitation = r.territorial_limitation
    where = " ".join(x for x in (r.location or "", r.object or "") if x)
    limit_depts = places.departments_in(limitation)
    place_depts = places.departments_in(where)
    if not place_depts:
        # the municipality is not one we know: the department the cover names with the entity
        # ("MUNICIPIO DE VALLE DE SAN TELMO – CESAR"), when it names exactly one
        cover = places.departments_in(" ".join([*ctx.doc.furniture[:8], *(line.text for line in ctx.doc.lines[:12])]))
        if len(set(cover)) == 1:
            place_depts = cover
    loc = r.sources.get("territorial_limitation")
    line = ctx.doc.line_at(loc)
    if line is not None:  # quote the sentence of the document, not the extracted phrase
        name = limitation.split(" de ", 1)[-1]
        at = fold(line.text).find(fold(name))
        limitation_quote = sentence_around(line.text, max(at, 0), max(at, 0) + len(name)) if at >= 0 else line.text[:300]
    else:
        limitation_quote = limitation
    named_here = re.search(r"(?:municipio|departamento)\s+(?:del?\s+)?\w", fold(limitation)) and re.search(
        r"donde\s+se\s+(?:ejecuta|ejecutar[aá]|entrega)|lugar\s+de\s+(?:ejecuci[oó]n|entrega)", fold(limitation_quote)
    )
    if not limit_depts and not re.search(r"municipio\s+de\s+\w", fold(limitation)) and not named_here:
        return [
            make(
                TERRITORY,
                message="La convocatoria se limita territorialmente sin nombrar el departamento o municipio de ejecución.",
                evidence=limitation_quote,
                location=loc,
            )
        ]
    limit_town = re.search(r"municipio\s+de\s+([a-z][a-z]+(?:\s+(?:de(?:l)?\s+(?:los?\s+|las?\s+)?)?[a-z][a-z]+){0,3})", fold(limitation))
    place_town = re.search(r"(?:municipio|ciudad|distrito)\s+de\s+([a-z][a-z]+(?:\s+(?:de(?:l)?\s+(?:los?\s+|las?\s+)?)?[a-z][a-z]+){0,3})", fold(where))
    if limit_town and place_town:
        a, b = _town(limit_town.group(1)), _town(place_town.group(1))
        if a and b and not (a.startswith(b) or b.startswith(a)):
            return [
                make(
                    TERRITORY,
                    message=(
                        f"La convocatoria se limita a Mipyme con domicilio en {a.title()}, pero el contrato se ejecuta "
                        f"en {b.title()}."
                    ),
                    evidence=limitation_quote,
                    location=loc,
                    related=[(r.sources.get("location"), r.location or "")],
                )
            ]
    if limit_depts and place_depts and not set(limit_depts) & set(place_depts):
        return [
            make(
                TERRITORY,
                message=(
                    f"La convocatoria se limita a Mipyme de {', '.join(limit_depts)}, pero el contrato se ejecuta "
                    f"en {', '.join(place_depts)}."
                ),
                evidence=limitation_quote,
                location=loc,
                related=[(r.sources.get("location"), r.location or "")],
            )
        ]
    return []


def _town(name: str) -> str:
    """A municipality name without a trailing department ("gacheta cundinamarca" → "gacheta")."""
    name = re.sub(r"\s+(?:y|en|con|donde|dentro|lugar|segun|de\s+acuerdo)\b.*$", "", name).strip()
    for dept in places.departments_in(name):
        shorter = re.sub(r"\s*\b" + re.escape(fold(dept).split(",")[0]) + r"\b.*$", "", name).strip()
        if shorter:
            name = shorter
    return name


def _mipyme_value(ctx: Context) -> list[Finding]:
    """Any modality may limit to Mipyme only below the threshold; under a special regime the finding
    is a warning, as for the territorial limitation."""
    return _special_regime_as_warning(ctx, _mipyme_value_findings(ctx))


def _mipyme_value_findings(ctx: Context) -> list[Finding]:
    r = ctx.record
    if not r.mipyme_limitation or r.budget is None:
        return []
    try:
        threshold = params.mipyme_threshold(ctx.year)
    except params.MissingParameter:
        return []
    if r.budget < threshold.value:
        return []
    return [
        make(
            MIPYME_VALUE,
            message=(
                f"El proceso ({money.format_cop(r.budget)}) no es menor a US${money.group_thousands(threshold.usd)} "
                f"({money.format_cop(threshold.value)} para {threshold.from_year}–{threshold.to_year}, "
                f"{params.STATUS_LABELS[threshold.status]}: {threshold.source}); no puede limitarse a Mipyme."
            ),
            evidence=_limitation_sentence(ctx) or money.format_cop(r.budget),
            location=r.sources.get("mipyme_limitation"),
            related=[(r.sources.get("budget"), money.format_cop(r.budget))],
        )
    ]


def _limitation_sentence(ctx: Context) -> str | None:
    line = ctx.doc.line_at(ctx.record.sources.get("mipyme_limitation"))
    if line is None:
        return None
    # the sentence that limits ("se limita a Mipyme colombianas…"), not the heading that announces it
    for pattern in (r"se\s+limit\w*\s+a\b|limitar[aá]\s+a\b", r"limitad[ao]s?\s+a\s+(?:las\s+)?mi?pyme"):
        for candidate in ctx.doc.lines[line.number - 1 : line.number + 3]:
            m = re.search(pattern, fold(candidate.text))
            if m:
                return sentence_around(candidate.text, m.start(), m.end())
    return line.text[:300]


RULES = [SCORING, FOREIGN, TIE_SCORE, RANDOM, TIE_MISSING, RUP, FINANCIAL, CEILING, CEILING_BANDS, TERRITORY, MIPYME_VALUE]
CHECKS = [_scoring, _foreign_procedures, _tiebreak, _rup, _financial, _ceiling, _territory, _mipyme_value]

__all__ = ["CHECKS", "RULES", "sentence_around"]
