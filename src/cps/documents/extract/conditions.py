"""Term, place of execution, payment, financial capacity and the experience requirement."""

from __future__ import annotations

import re
from decimal import Decimal

from cps import money
from cps.documents.record import Experience, ProcessRecord
from cps.documents.search import money_in
from cps.documents.text import DocumentText, Line, fold


def first_paragraph(doc: DocumentText, title_pattern: str) -> tuple[str, Line] | None:
    for sec in doc.sections_titled(title_pattern):
        body = doc.body_lines(sec)
        if body:
            return body[0].text.strip(), body[0]
    return None


def section_text(doc: DocumentText, title_pattern: str) -> tuple[str, Line] | None:
    for sec in doc.sections_titled(title_pattern):
        body = doc.body_lines(sec)
        if body:
            return " ".join(line.text.strip() for line in body), body[0]
    return None


def _count_contracts(text: str) -> int | None:
    folded = fold(text)
    m = re.search(r"\((\d{1,2})\)\s*contratos?|(\d{1,2})\s+contratos?", folded)
    if m:
        return int(m.group(1) or m.group(2))
    m = re.search(r"\b(un|uno|dos|tres|cuatro|cinco|seis)\s+contratos?", folded)
    if m:
        return {"un": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6}[m.group(1)]
    return None


def extract_experience(doc: DocumentText, record: ProcessRecord) -> None:
    specific = doc.sections_titled(r"experiencia\s+(?:requerida|m[ií]nima|del\s+proponente|espec[ií]fica|general|habilitante)")
    secs = specific + [s for s in doc.sections_titled(r"experiencia") if s not in specific]
    groups = [[line for line in doc.section_lines(sec) if line.text.strip()] for sec in secs]
    # a labelled paragraph in another section: "Experiencia: mínimo un (1) contrato…"
    groups.append([line for line in doc.lines if re.match(r"^\W*experiencia(?:\s+\w+){0,3}\s*:", fold(line.text))])
    for lines in groups:
        for i, line in enumerate(lines):
            text = line.text.strip()
            # the requirement often continues on the next line ("acreditando: a) Dos (2) contratos …")
            if i + 1 < len(lines) and text.endswith(":"):
                text = text + " " + lines[i + 1].text.strip()
            folded = fold(text)
            if not re.search(r"deber[aá]n?|acreditar|exige|requiere|m[ií]nimo|igual\s+o\s+superior|cuya\s+suma|al\s+menos", folded):
                continue
            if not (re.search(r"contratos?\b", folded) and re.search(r"valor|presupuesto|smmlv|salarios|\$", folded)):
                continue
            exp = Experience(text=text, location=line.location)
            exp.contracts = _count_contracts(text)
            folded_text = fold(text)
            amounts = money_in(Line(0, text, None, None))
            if amounts:
                exp.min_value = money.round_pesos(amounts[0].value)
            m = re.search(r"(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:\)\s*)?del\s+(?:valor\s+del\s+)?presupuesto", folded_text)
            if m:
                exp.min_value_share_of_budget = float(m.group(1).replace(",", "."))/100
            elif re.search(r"(?:igual|superior)[^.]{0,40}(?:al\s+)?(?:valor\s+del\s+)?presupuesto\s+oficial", folded_text):
                exp.min_value_share_of_budget = 1.0
            m = re.search(r"(\d{1,6}(?:[.,]\d+)?)\s*(?:\)\s*)?(?:smmlv|s\.m\.m\.l\.v|salarios\s+m[ií]nimos)", folded_text)
            if m:
                exp.min_smmlv = float(m.group(1).replace(".", "").replace(",", "."))
            record.experience = exp
            record.sources["experience"] = line.location
            return


SENTENCE = re.compile(r"[^.;]+(?:[.;]|$)")


def sentence_with(doc: DocumentText, title_pattern: str, keyword: str) -> tuple[str, Line] | None:
    """The first sentence of the titled sections that mentions ``keyword`` (a section may hold the term,
    the place and the payment together), else the first paragraph."""
    rx = re.compile(keyword)
    # the most specific section first ("4.2 Lugar" before "4. Plazo y lugar de ejecución")
    for sec in sorted(doc.sections_titled(title_pattern), key=lambda s: -s.number.count(".")):
        for line in doc.body_lines(sec):
            if line.is_table_row:
                continue
            # a period ends the sentence unless a digit, a lower-case word or a comma follows, or it
            # closes an initial ("la E.S.E., sede principal")
            for m in re.finditer(r"(?:[^.]|\.(?=\s*[\da-z,;)])|(?<=\b[A-ZÁÉÍÓÚ])\.)+\.?", line.text):
                sentence = m.group().strip()
                if sentence and rx.search(fold(sentence)):
                    return sentence, line
    return first_paragraph(doc, title_pattern)


OBJECT_PLACE = re.compile(
    r"\b(?i:municipio|ciudad|distrito)\s+de\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ]*"
    r"(?:\s+(?:de(?:l| la| los| las)?\s+)?[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ]*)*"
)


def extract_conditions(doc: DocumentText, record: ProcessRecord) -> None:
    found = sentence_with(
        doc, r"^plazo|plazo\s+de\s+ejecuci|duraci[oó]n\s+del\s+contrato|\bplazo\b",
        r"\bplazo\b|duraci[oó]n|\bhasta\s+el\b|d[ií]as|meses",
    )
    if found:
        record.term, line = found
        record.sources["term"] = line.location
    found = sentence_with(
        # "Plazo, lugar y forma de pago", "Lugar de ejecución"; not "Fecha, hora y lugar de cierre"
        doc, r"^(?!.*(?:ofertas?\b|propuestas?\b|cierre|audiencia|presentaci|recepci|visita)).*(?:\blugar\b|domicilio\s+contractual)",
        r"\blugar\b|entreg|ejecutar|ejecuci[oó]n\s+del\s+contrato\s+se\b|\b(?:municipio|ciudad|sede|almac[eé]n|bodega|oficinas?|instalaciones)\b"
        r"|\b(?:calle|carrera|avenida|diagonal|transversal)\s+\d",
    )
    if found is None:
        # "Lugar: Vereda El Triunfo, … municipio de Puerto Cusiana" (a row of a table of data)
        for line in doc.lines:
            m = re.match(r"^\W*lugar(?:\s+de\s+(?:ejecuci[oó]n|entrega|prestaci[oó]n(?:\s+del\s+servicio)?))?\s*:\s*(\S.+)$", line.text, re.IGNORECASE)
            if m:
                found = (m.group(1).strip(), line)
                break
    if found:
        record.location, line = found
        record.sources["location"] = line.location
    elif record.object:
        # no section or label for the place: the object names it ("… de la maquinaria del Municipio de
        # Guadualito, por el sistema de monto agotable")
        m = OBJECT_PLACE.search(record.object)
        if m:
            record.location = m.group(0).strip()
            if "object" in record.sources:
                record.sources["location"] = record.sources["object"]
    # the sentence that says how the entity pays (a section "Oferta económica y forma de pago" opens
    # with the offer)
    found = sentence_with(doc, r"forma\s+de\s+pago|^pago|valor\s+y\s+forma\s+de\s+pago", r"\bpagar[aá]n?\b|\bpagos?\b|\bse\s+pagar")
    if found is None:
        found = section_text(doc, r"forma\s+de\s+pago|^pago|valor\s+y\s+forma\s+de\s+pago")
    if found:
        record.payment = found[0][:600]
        record.sources["payment"] = found[1].location
    found = section_text(doc, r"capacidad\s+financiera")
    if found:
        record.financial_capacity = found[0][:400]
        record.sources["financial_capacity"] = found[1].location
    extract_experience(doc, record)


def share(value: Decimal | int, total: Decimal | int) -> Decimal:
    return Decimal(value) / Decimal(total)
