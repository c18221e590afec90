"""Guarantees (garantías): kind, percentage, base and validity, or "no aplica"."""

from __future__ import annotations

import re

from cps.documents.record import Guarantee, ProcessRecord
from cps.documents.text import DocumentText, Line, fold

KINDS = [
    ("seriedad", r"seriedad(?:\s+de\s+la\s+oferta)?"),
    ("anticipo", r"buen\s+manejo\s+y\s+correcta\s+inversi[oó]n\s+del\s+anticipo"),
    ("pago_anticipado", r"devoluci[oó]n\s+del\s+pago\s+anticipado"),
    ("salarios", r"pago\s+de\s+salarios|prestaciones\s+sociales"),
    ("estabilidad", r"estabilidad(?:\s+y\s+calidad)?\s+de\s+la\s+obra"),
    ("calidad", r"calidad\s+(?:y\s+correcto\s+funcionamiento\s+de\s+los\s+bienes|del\s+servicio|de\s+(?:los\s+)?bienes|de\s+los\s+elementos|del\s+bien|y\s+correcto\s+funcionamiento)"),
    ("rce", r"responsabilidad\s+civil\s+extracontractual"),
    ("cumplimiento", r"cumplimiento(?:\s+(?:general\s+)?del\s+contrato|\s+de\s+las\s+obligaciones)|(?:ampare|amparar|cubra|cubrir)\s+(?:el\s+)?cumplimiento\b|(?:^|\s)[a-z0-9][.)]\s*(?:amparo\s+de\s+)?cumplimiento\s*[,:(]|:\s*(?:el\s+de\s+)?cumplimiento\s*[,:(]|^\W*(?:\w[.)]\s*)?(?:amparo\s+de\s+)?cumplimiento\s*:|(?:garant[ií]a|p[oó]liza|amparo)\s+(?:[uú]nica\s+)?de\s+cumplimiento|^\W*(?:y\s+)?cumplimiento\s*[,:]"
     # "la Personería exige cumplimiento por el diez por ciento (10%)"
     r"|\b(?:exige|exigen|exigir[aá]n?|solicita|requiere)\s+(?:la\s+garant[ií]a\s+de\s+)?cumplimiento\s+(?:por|en\s+cuant[ií]a)\b"),
]
DISPLAY_ORDER = ["seriedad", "cumplimiento", "anticipo", "pago_anticipado", "salarios", "estabilidad", "calidad", "rce"]
PERCENT = re.compile(r"\(\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*\)|(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%|(\d{1,3}(?:[.,]\d+)?)\s+por\s+ciento")
NOT_APPLICABLE = re.compile(r"\bno\s+aplica\b|\bn\.?\s?/?a\.?$|\bno\s+se\s+(?:exige|requiere|solicita)\b|\bno\s+ser[aá]\s+(?:exigida|requerida|necesaria)")


def guarantee_kind(text: str) -> str | None:
    """The guarantee the text names first (by position, not by list order)."""
    folded = fold(text)
    best: tuple[int, str] | None = None
    for kind, pattern in KINDS:
        m = re.search(pattern, folded)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


def kind_segments(text: str) -> list[tuple[str, str]]:
    """Each guarantee a sentence names, with the text up to the next one: "ampare el cumplimiento
    (20 %) y la calidad de los bienes por el 25 %" → cumplimiento "(20 %) y la", calidad "… 25 %"."""
    folded = fold(text)
    starts: list[tuple[int, str]] = []
    for kind, pattern in KINDS:
        for m in re.finditer(pattern, folded, flags=re.MULTILINE):
            if not any(abs(m.start() - other) < 3 for other, _ in starts):
                starts.append((m.start(), kind))
    starts.sort()
    bounds = [start for start, _ in starts] + [len(text)]
    return [(kind, text[start : bounds[i + 1]]) for i, (start, kind) in enumerate(starts)]


def guarantee_key(kind: str, text: str) -> str:
    """The quality amparo comes in two coverages that a document may ask for together (a consultancy
    copied from a supply): "calidad del servicio" and "calidad de los bienes"."""
    if kind != "calidad":
        return kind
    folded = fold(text)
    if re.search(r"calidad\s+del?\s+(?:los\s+)?servicios?", folded):
        return "calidad:servicio"
    if re.search(r"calidad\s+(?:y\s+correcto\s+funcionamiento\s+)?de\s+(?:los\s+)?(?:bienes|elementos|equipos)|calidad\s+del\s+bien", folded):
        return "calidad:bienes"
    return "calidad"


def coverage_name(text: str) -> str | None:
    folded = fold(text)
    m = re.search(r"calidad\s+(?:y\s+correcto\s+funcionamiento\s+de\s+los\s+bienes|del\s+servicio|de\s+los\s+bienes|de\s+los\s+elementos|del\s+bien)", folded)
    return m.group(0) if m else None


def percent_in(text: str) -> float | int | None:
    m = PERCENT.search(text)
    if not m:
        return None
    raw = next(g for g in m.groups() if g)
    value = float(raw.replace(",", "."))
    return int(value) if value.is_integer() else value


def _guarantee_lines(doc: DocumentText) -> list[Line]:
    lines: list[Line] = []
    for sec in doc.sections_titled(r"garant[ií]as?|amparos?|mecanismos\s+de\s+cobertura"):
        for line in doc.section_lines(sec):
            if line not in lines:
                lines.append(line)
    return lines


def _guarantee_segments(doc: DocumentText) -> list[tuple[Line, str]]:
    """Each guarantee line, split where one sentence lists several amparos ("amparos: cumplimiento,
    por el 10 %…; y calidad de los bienes, por el 10 %…")."""
    out: list[tuple[Line, str]] = []
    lines = _guarantee_lines(doc)
    for i, line in enumerate(lines):
        if (
            line.cells is None
            and len(line.text) < 60
            and percent_in(line.text) is None
            and guarantee_kind(line.text + ":")
            and not NOT_APPLICABLE.search(fold(line.text))
            and i + 1 < len(lines)
            and percent_in(lines[i + 1].text) is not None
            and guarantee_kind(lines[i + 1].text[:40]) is None
        ):
            # "32. A) CUMPLIMIENTO" on its line, its terms on the next: "DIEZ POR CIENTO (10 %)…"
            nxt = re.split(r"(?<=[.;])\s+(?=[A-Za-z]\)\s)", lines[i + 1].text)[0]
            out.append((line, f"{line.text.strip()}: {nxt}"))
            continue
        cells = [c.strip() for c in line.cells or [] if c.strip()]
        if len(cells) >= 2 and guarantee_kind(cells[0] + ":"):
            # a table row "Cumplimiento | Diez por ciento (10 %) del valor del contrato | Plazo y seis meses"
            out.append((line, f"{cells[0]}: {' '.join(cells[1:])}"))
            continue
        parts = [p for p in re.split(r";\s*|(?<=amparos):\s*|(?<=\.)\s+(?=[A-ZÁÉÍÓÚ])", line.text) if p.strip()]
        for part in parts or [line.text]:
            # "Garantía de cumplimiento del 10 % …, y de calidad y correcto funcionamiento de los bienes del 10 %"
            kinds = kind_segments(part)
            if len({kind for kind, _ in kinds}) >= 2:
                out.extend((line, segment) for _, segment in kinds)
            else:
                out.append((line, part))
    return out


PERCENT_ONLY = re.compile(r"^\s*\(?\d{1,3}(?:[.,]\d+)?\s*%\)?\s*$")


def _vertical_segments(doc: DocumentText) -> list[tuple[Line, str]]:
    """A guarantee table that a text export wrote cell by cell ("Cumplimiento / PORCENTAJE / 10 % /
    … / Calidad y correcto funcionamiento / de los bienes / Pago de salarios… / 20 % / 5%"): each
    percentage goes to the earliest amparo still waiting for one."""
    lines = [line for line in _guarantee_lines(doc) if line.text.strip()]
    if not any(PERCENT_ONLY.match(line.text) for line in lines):
        return []
    out: list[tuple[Line, str]] = []
    waiting: list[tuple[Line, str]] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if PERCENT_ONLY.match(text):
            if waiting:
                name_line, name = waiting.pop(0)
                out.append((name_line, f"{name}: {text}"))
            continue
        if len(text) > 60 or re.search(r"\d", text) or text[:1].islower():
            continue
        name = text
        if i + 1 < len(lines) and lines[i + 1].text.strip()[:1].islower() and len(lines[i + 1].text) <= 40:
            name += " " + lines[i + 1].text.strip()  # "Calidad y correcto funcionamiento / de los bienes"
        if guarantee_kind(name + ":"):
            waiting.append((line, name))
    return out


def extract_guarantees(doc: DocumentText, record: ProcessRecord) -> None:
    by_kind: dict[str, Guarantee] = {}
    # sections devoted to one guarantee: "7.2 GARANTÍA SERIEDAD DE LA OFERTA" → "NO Aplica"
    for sec in doc.sections_titled(r"garant[ií]a|amparo"):
        kind = guarantee_kind(sec.title)
        body = [line for line in doc.section_lines(sec) if line.text.strip()]
        if kind and body and NOT_APPLICABLE.search(fold(body[0].text)) and len(body[0].text) < 120:
            by_kind[kind] = Guarantee(kind=kind, required=False, text=body[0].text, location=body[0].location)
    for line, segment in _guarantee_segments(doc) + _vertical_segments(doc):
        folded = fold(segment)
        head = folded[:160]
        kind = guarantee_kind(head)
        if kind is None or (kind in by_kind and not by_kind[kind].required):
            continue
        key = guarantee_key(kind, head)
        pct = percent_in(segment)
        if pct is None:
            if NOT_APPLICABLE.search(head) and kind not in by_kind:
                by_kind[kind] = Guarantee(kind=kind, required=False, text=segment[:300], location=line.location)
            continue
        if key in by_kind or (key != kind and kind in by_kind):
            continue
        validity = None
        m = re.search(r"(?:vigencia|se\s+debe\s+extender|vigente)[^.]*", segment, flags=re.IGNORECASE)
        if m:
            validity = m.group(0).strip()
        base = None
        mb = re.search(r"del\s+(valor\s+(?:total\s+)?del\s+(?:contrato|presupuesto\s+oficial|proceso)|presupuesto\s+oficial)", folded)
        if mb:
            base = mb.group(1)
        by_kind[key] = Guarantee(
            kind=kind,
            percent=pct,
            base=base,
            validity=validity,
            required=True,
            text=segment[:400],
            location=line.location,
        )
    # "No se exige garantía de calidad: el combustible se verifica en cada tanqueo"
    for line in doc.lines:
        for m in re.finditer(
            r"\bno\s+se\s+(?:exige|exigira|requiere|requerira|solicita|solicitara)\s+(?:la\s+)?(?:garantia|amparo|poliza)\s+de\s+"
            r"(calidad|cumplimiento|estabilidad|seriedad)\b",
            fold(line.text),
        ):
            kind = m.group(1)
            if kind not in by_kind and not any(key.startswith(kind) for key in by_kind):
                by_kind[kind] = Guarantee(kind=kind, required=False, text=line.text[:300], location=line.location)
    if "seriedad" not in by_kind:
        # "La garantía de seriedad de la oferta no se exige" written outside the guarantees chapter
        for line in doc.lines:
            folded = fold(line.text)
            m = re.search(r"(?:seriedad\s+de\s+(?:la\s+)?(?:oferta|propuesta)|(?:garant[ií]a|p[oó]liza)\s+de\s+seriedad)[^.]{0,40}?(?:" + NOT_APPLICABLE.pattern + ")", folded) or re.search(
                r"\bno\s+se\s+(?:exige|exigira|requiere|requerira|solicita|solicitara)\s+(?:la\s+)?(?:constitucion\s+de\s+)?(?:garantia|poliza)\s+de\s+seriedad", folded
            )
            if m:
                by_kind["seriedad"] = Guarantee(kind="seriedad", required=False, text=line.text[:300], location=line.location)
                break
    # "No se exige garantía de seriedad de la oferta ni garantía de salarios y prestaciones sociales."
    for line in doc.lines:
        folded = fold(line.text)
        for m in re.finditer(r"\bno\s+se\s+(?:exige|exigir[aá]|requiere|requerir[aá]|solicita)\b[^.]*", folded):
            for kind, segment in kind_segments(line.text[m.start() : m.end()]):
                key = guarantee_key(kind, segment)
                if key not in by_kind and not any(guarantee_key(g.kind, g.text or "") == key for g in by_kind.values()):
                    by_kind[key] = Guarantee(kind=kind, required=False, text=line.text[:300], location=line.location)
    order = DISPLAY_ORDER
    record.guarantees = sorted(by_kind.values(), key=lambda g: (not g.required, order.index(g.kind)))
