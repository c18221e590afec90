"""The reviewer's rules as a Spanish document (``docs/review.md``), generated from the rules themselves.

Usage: ``python -m cps.documents.rules_doc > docs/review.md`` (a test keeps the file in sync).
"""

from __future__ import annotations

import sys

from cps.documents.checks import all_rules
from cps.documents.sustainability import GAPS

SEVERITY = {"error": "error", "warning": "advertencia", "info": "información"}

INTRO = """# Revisión de documentos: qué verifica `cps review`

`cps review ARCHIVO` lee una invitación de mínima cuantía o unos estudios previos (.pdf, .docx,
.txt, .md), extrae la ficha del proceso y aplica las reglas de esta lista. Cada hallazgo trae su
gravedad, la sección y la página, el texto citado del documento y la norma o regla aplicada.

- **error**: defecto legal o aritmético que debe corregirse antes de publicar;
- **advertencia**: probablemente mal, necesita que una persona lo mire;
- **información**: dato útil para decidir (por ejemplo, el valor frente a los topes de cuantía).

Lo que *no* es un defecto (garantías justificadas en mínima cuantía, la solicitud de las Mipyme
para limitar el proceso, capacidad financiera «no aplica» con pago contra entrega…) no se reporta:
un revisor que da falsas alarmas no se vuelve a usar.

Este documento se genera desde el código (`python -m cps.documents.rules_doc`).
"""


def render() -> str:
    out = [INTRO]
    family = None
    for rule in [*all_rules(), GAPS]:
        if rule.family != family:
            family = rule.family
            out.append(f"\n## {family[0].upper() + family[1:]}\n")
        out.append(f"### `{rule.code}` — {rule.title}\n")
        out.append(f"Gravedad: {SEVERITY[rule.severity]}.\n")
        out.append(f"{rule.explanation}\n")
        out.append(f"Norma o regla: {rule.norm}.\n")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render())
