"""Lists: rejection causes, and the annexes, formats and matrices the document lists."""

from __future__ import annotations

import re

from cps.documents.record import AnnexRef, ProcessRecord, RejectionCause
from cps.documents.text import DocumentText, fold

ITEM = re.compile(r"^\s*(?:[-•*]\s*)?([A-Za-z]{1,2}|\d{1,2})[.)]\s+(.+)$")
INLINE_ITEM = re.compile(r"(?:^|(?<=[.;:]\s))([A-Za-z]|\d{1,2})\)\s+")
LISTED = re.compile(
    r"\b(anexo|formato|formulario|matriz)\s*(?:n[°ºo]?\.?|no\.?|n\.|n[uú]mero)?\s*[:.]?\s*(\d{1,2}[a-z]?)\b\s*[-–.:)]*\s*(.*)$",
    re.IGNORECASE,
)


INLINE = re.compile(
    r"\b(Anexo|Formato|Formulario|Matriz|ANEXO|FORMATO|MATRIZ)\s*(?:N[°ºo]?\.?|No\.?|n\.|n[uú]mero)?\s*(\d{1,2}[A-Za-z]?)\b"
    r"\s*(?:[-–—:.)]\s*([^;.\n]{3,90}?))?(?=\s*(?:[;,]\s*(?:y\s+)?(?:el\s+|la\s+)?(?:Anexo|Formato|Formulario|Matriz)|[;.]|$|\)))"
)


def extract_rejection_causes(doc: DocumentText, record: ProcessRecord) -> None:
    for sec in doc.sections_titled(r"causal(?:es)?\s+de\s+rechazo|rechazo\s+de\s+(?:las\s+)?(?:ofertas|propuestas)"):
        for line in doc.section_lines(sec):
            # "A) OFERTA SUPERIOR AL PRESUPUESTO. B) NO CUMPLIR… G) NO APORTAR…" written as one paragraph
            marks = list(INLINE_ITEM.finditer(line.text))
            if len(marks) >= 2:
                for k, mark in enumerate(marks):
                    end = marks[k + 1].start() if k + 1 < len(marks) else len(line.text)
                    text = line.text[mark.end() : end].strip()
                    if len(text) > 10:
                        record.rejection_causes.append(RejectionCause(letter=mark.group(1).upper(), text=text, location=line.location))
                continue
            m = ITEM.match(line.text)
            if m and len(m.group(2)) > 10:
                record.rejection_causes.append(
                    RejectionCause(letter=m.group(1).upper(), text=m.group(2).strip(), location=line.location)
                )
        if record.rejection_causes:
            record.sources["rejection_causes"] = record.rejection_causes[0].location or sec_location(doc, sec.number)
            return


def sec_location(doc: DocumentText, number: str):  # type: ignore[no-untyped-def]
    sec = doc.section(number)
    return doc.line(sec.line).location if sec else None


def extract_annexes(doc: DocumentText, record: ProcessRecord) -> None:
    """Annexes, formats and matrices listed in the document's own list of annexes."""
    secs = doc.sections_titled(r"\banexos\b|\bformatos\b|\bmatri(?:z|ces)\b|documentos\s+anexos")
    for sec in secs:
        for line in doc.section_lines(sec):
            text = re.sub(r"^\s*(?:[-•*]\s*|\d{1,2}[.)]\s+)", "", line.text)
            m = LISTED.search(text)
            if m and m.start() < 5:
                kind = fold(m.group(1)).replace("formulario", "formato")
                title = re.sub(r"^[\s\-–.:]+", "", m.group(3)).strip() or None
                ref = AnnexRef(kind=kind, number=m.group(2).upper(), title=title, location=line.location)
                if all((a.kind, a.number) != (ref.kind, ref.number) for a in record.annexes):
                    record.annexes.append(ref)
            elif (numbered := re.match(r"^\s*(\d{1,2})[.)]\s+(\S.*)$", line.text)) and re.match(
                r"^\W*(?:documentos\s+)?anexos\W*$", fold(sec.title)
            ):
                # "ANEXOS / 1. Cotizaciones / 2. Certificado de disponibilidad…": the item number is the annex's
                ref = AnnexRef(kind="anexo", number=numbered.group(1), title=numbered.group(2).strip(), location=line.location)
                if all((a.kind, a.number) != (ref.kind, ref.number) for a in record.annexes):
                    record.annexes.append(ref)
            elif re.match(r"^\s*(anexo|formato|matriz)\b", fold(text)):
                kind = fold(text).split()[0]
                title = re.sub(r"(?i)^\s*(anexo|formato|matriz)\s*[:\-–]?\s*", "", text).strip() or None
                record.annexes.append(AnnexRef(kind=kind, title=title, location=line.location))
    # lists written as a paragraph: "Forman parte de esta invitación: Formato 1 – Carta de presentación;
    # Formato 2 – Oferta económica; …"
    listing = [line for sec in secs for line in doc.section_lines(sec)]
    listing += [
        line
        for line in doc.lines
        if re.search(
            r"forman\s+parte\s+(?:integral\s+)?de\s+(?:esta|la\s+presente|el\s+presente|estos|los\s+presentes|este)\s+"
            r"(?:invitaci|estudio|pliego|documento|proceso)",
            fold(line.text),
        )
    ]
    for line in listing:
        for m in INLINE.finditer(line.text):
            kind = fold(m.group(1)).replace("formulario", "formato")
            number = m.group(2).upper()
            title = (m.group(3) or "").strip(" .;,") or None
            if all((a.kind, a.number) != (kind, number) for a in record.annexes):
                record.annexes.append(AnnexRef(kind=kind, number=number, title=title, location=line.location))
    if record.annexes:
        record.sources["annexes"] = record.annexes[0].location  # type: ignore[assignment]
