"""What an invitation must say and this one does not (object, value, term, CDP, UNSPSC at the
fourth level)."""

from __future__ import annotations

from cps.documents.checks.base import Context, Rule, make
from cps.documents.findings import Finding
from cps.law import unspsc

FAMILY = "contenido mínimo"

ESSENTIAL = Rule(
    "MISSING_ESSENTIAL", FAMILY, "warning",
    "Falta un dato esencial de la invitación",
    "Los estudios previos y la invitación de mínima cuantía deben indicar la necesidad, el objeto "
    "identificado con el Clasificador de Bienes y Servicios, las condiciones técnicas, el valor estimado y "
    "su justificación, el plazo y el certificado de disponibilidad presupuestal.",
    "Decreto 1082 de 2015 arts. 2.2.1.2.1.5.1 y 2.2.1.2.1.5.2 num. 1 (texto literal sin confirmar)",
)
NOT_PROCESS_DOCUMENT = Rule(
    "NOT_A_PROCESS_DOCUMENT", FAMILY, "warning",
    "El documento no parece una invitación ni unos estudios previos",
    "No se encontraron el número del proceso, el objeto, el presupuesto ni la clasificación de los bienes "
    "(faltan al menos cuatro de los cinco datos esenciales): puede ser un acta, un contrato u otro "
    "documento. Verifique que cargó el documento del proceso; la revisión de un documento así no es útil.",
    "Decreto 1082 de 2015 arts. 2.2.1.2.1.5.1 y 2.2.1.2.1.5.2 num. 1 (contenido mínimo; texto literal sin confirmar)",
)
FOURTH_LEVEL = Rule(
    "UNSPSC_NOT_FOURTH_LEVEL", FAMILY, "warning",
    "Bien clasificado sin llegar al cuarto nivel (producto)",
    "El objeto de la mínima cuantía se identifica con el cuarto nivel del Clasificador (producto, 8 "
    "dígitos sin ceros finales).",
    "Decreto 1082 de 2015 art. 2.2.1.2.1.5.1 num. 2 (texto literal sin confirmar)",
)

ESSENTIALS = [
    ("process_number", "el número del proceso"),
    ("object", "el objeto"),
    ("budget", "el presupuesto oficial en números"),
    ("term", "el plazo de ejecución"),
    ("unspsc", "la clasificación UNSPSC de los bienes o servicios"),
]


def _essentials(ctx: Context) -> list[Finding]:
    r = ctx.record
    out = []
    missing = [label for attr, label in ESSENTIALS if not getattr(r, attr)]
    if len(missing) >= len(ESSENTIALS) - 1:
        listed = ", ".join(missing[:-1]) + " ni " + missing[-1]
        return [
            make(
                NOT_PROCESS_DOCUMENT,
                message=f"No se encontró {listed}: el documento no parece una invitación ni unos estudios "
                "previos. Verifique que cargó el documento del proceso.",
                evidence=f"(no se encontró {listed})",
                location=None,
            )
        ]
    if r.modality == "minima_cuantia" and r.cdp_total is None and not r.cdp_number:
        missing.append("el certificado de disponibilidad presupuestal (CDP)")
    for label in missing:
        out.append(
            make(
                ESSENTIAL,
                message=f"No se encontró {label} en el documento.",
                evidence=f"(no se encontró {label})",
                location=None,
            )
        )
    return out


def _fourth_level(ctx: Context) -> list[Finding]:
    if not ctx.minima_cuantia:
        return []
    out = []
    for row in ctx.record.unspsc:
        code = row.most_specific
        if not code or not unspsc.is_wellformed(code):
            continue
        parsed = unspsc.Code.parse(code)
        if parsed.level != "commodity":
            out.append(
                make(
                    FOURTH_LEVEL,
                    message=f"El bien «{row.name or code}» se identifica solo hasta la {unspsc.LEVEL_NAMES_ES[parsed.level]} ({code}).",
                    evidence=f"{code} {row.name or ''}".strip(),
                    location=row.location,
                )
            )
    return out


RULES = [ESSENTIAL, NOT_PROCESS_DOCUMENT, FOURTH_LEVEL]
CHECKS = [_essentials, _fourth_level]
