"""References to annexes, formats, matrices and sections that the document does not contain."""

from __future__ import annotations

import re

from cps.documents.checks.base import Context, Rule, make
from cps.documents.findings import Finding
from cps.documents.search import search
from cps.documents.text import fold

FAMILY = "consistencia interna"

MISSING = Rule(
    "MISSING_REFERENCE", FAMILY, "error",
    "Se cita un anexo, formato o sección que el documento no contiene",
    "El documento remite a un anexo, formato, matriz o numeral que no figura en su lista de anexos "
    "ni en su estructura; el proponente no puede cumplir lo que no encuentra.",
    "Decreto 1082 de 2015 art. 2.2.1.1.1.3.1 (Documentos del Proceso); Ley 1150 de 2007 art. 5",
)

NUMBERED_REF = re.compile(
    r"\b(anexo|formato|formulario|matriz)\s*(?:n[°ºo]\s*\.?|no\.?|n\.|n[uú]mero)?\s*\(?\s*(\d{1,2})\s*\)?([a-z])?(?!\d|\.\d)"
)
TITLED_REF = re.compile(
    r"\b(anexo|formato|formulario|matriz)\s+(?:de(?:l)?|sobre|para|denominad[oa])\s+((?:[a-zñ]+\s*){1,9})"
)
QUOTED_REF = re.compile(r"\b(anexo|formato|formulario|matriz)\s*[\"“«']([^\"”»']{3,80})[\"”»']")
SECTION_REF = re.compile(r"\b(?:numeral|secci[oó]n|ac[aá]pite)\s+(\d{1,2}(?:\.\d{1,2}){0,4})\b(?!\.\d)")
LEGAL_CONTEXT = re.compile(r"art[ií]culo|\bart\.|decreto|\bley\b|resoluci[oó]n|par[aá]grafo|c[oó]digo")
SYNONYMS = {"propuesta": "oferta", "formulario": "formato", "propuestas": "oferta", "ofertas": "oferta"}
STOP = {"de", "del", "la", "el", "los", "las", "y", "para", "por", "en", "con", "que", "sobre", "a", "no", "su", "al",
        "n", "formato", "anexo", "matriz", "presente", "proceso"}
TITLE_END = re.compile(
    r"\s+(?:(?:y|o)\s+(?:los|las|el|la|adjuntar|aportar|presentar|allegar|diligenciar|anexar|firmar|su|sus)|"
    r"que|el|la|los|las|en\s+(?:el|la)|cual|debe|deber[aá]|junto|con\s+(?:el|la|los|las)|se|seg[uú]n|"
    r"firmad[oa]|suscrit[oa]|debidamente|diligenciad[oa])\b.*$"
)


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-zñ]+", fold(text)):
        w = SYNONYMS.get(w, w)
        if w not in STOP and len(w) > 2:
            out.add(w.rstrip("s") if len(w) > 5 else w)
    return out


def _listed_lines(ctx: Context) -> set[int]:
    lines: set[int] = set()
    for sec in ctx.doc.sections_titled(r"anexos|formatos|matri(?:z|ces)"):
        lines.update(line.number for line in ctx.doc.section_lines(sec))
        lines.add(sec.line)
    return lines


def _annexes(ctx: Context) -> list[Finding]:
    listed = ctx.record.annexes
    if not listed:
        return []  # without a list of annexes there is nothing to compare against
    numbers = {(a.kind, a.number) for a in listed if a.number}
    titles = [(a.kind, _words(a.title or "")) for a in listed]
    skip = _listed_lines(ctx)
    out: list[Finding] = []
    reported: set[tuple[str, str]] = set()
    for hit in search(ctx.doc, NUMBERED_REF):
        if hit.line.number in skip:
            continue
        kind = fold(hit.groups[0] or "").replace("formulario", "formato")
        number = hit.groups[1] or ""
        if (kind, number) in numbers or (kind, number) in reported:
            continue
        before = fold(hit.line.text[max(0, hit.start - 60) : hit.start])
        # "Anexo 3 de la Resolución…" cites a norm's annex; "…del artículo 50 de la Ley 789 de 2002, en
        # el Formato 6" asks for the document's own format
        own = re.search(r"\b(?:en|con|mediante|diligenciando|seg[uú]n|utilizando|a\s+trav[eé]s\s+de)\s+(?:el|la|los|las)\s*$", before)
        if LEGAL_CONTEXT.search(before[-25:]) and not own:
            continue
        reported.add((kind, number))
        listed_same = sorted(a.number for a in listed if a.kind == kind and a.number)
        out.append(
            make(
                MISSING,
                message=(
                    f"Se cita el {kind} {number}, pero la lista de {kind}s del documento solo incluye "
                    f"{', '.join(listed_same) if listed_same else 'otros documentos'}."
                ),
                # the words around the citation, not a long sentence that may cite listed annexes too
                evidence=hit.sentence(160),
                location=hit.location,
            )
        )
    for pattern in (QUOTED_REF, TITLED_REF):
        for hit in search(ctx.doc, pattern):
            if hit.line.number in skip:
                continue
            raw_title = hit.groups[1] or ""
            if pattern is TITLED_REF:
                if not raw_title[:1].isupper():
                    continue  # a generic mention ("el formato de la entidad"), not a title
                raw_title = TITLE_END.sub("", fold(raw_title).strip())
            words = _words(raw_title)
            if not words:
                continue
            if re.search(r"estudios?\s+previos?|pliego|documentos?\s+del\s+proceso|secop|an[aá]lisis\s+del\s+sector", fold(hit.line.text[hit.start : hit.end + 80])):
                continue  # a document published with the invitation ("la matriz de riesgos de los estudios previos")
            kind = fold(hit.groups[0] or "").replace("formulario", "formato")
            found = any(
                (lw and (lw <= words or len(words & lw) / max(1, len(words)) >= 0.6)) for _, lw in titles
            )
            key = (kind, " ".join(sorted(words)))
            if found or key in reported:
                continue
            reported.add(key)
            out.append(
                make(
                    MISSING,
                    message=(
                        f"Se exige el {kind} «{raw_title.strip()}», que no aparece en la lista de anexos y "
                        "formatos del documento."
                    ),
                    evidence=hit.sentence(),
                    location=hit.location,
                )
            )
    return out


def _sections(ctx: Context) -> list[Finding]:
    numbered = {s.number for s in ctx.doc.sections}
    if not any("." in n for n in numbered):
        return []
    out = []
    seen: set[str] = set()
    for hit in search(ctx.doc, SECTION_REF):
        number = hit.groups[0] or ""
        if number in numbered or number in seen:
            continue
        # "numeral 4 del artículo 2.2.1.2.1.5.2 del Decreto 1082" cites a norm; "numeral 4.8 de esta
        # invitación" cites the document, whatever norm the rest of the sentence names
        after = fold(hit.line.text[hit.end : hit.end + 40])
        before = fold(hit.line.text[max(0, hit.start - 30) : hit.start])
        own = re.match(r"\W*(?:de\s+(?:esta|la\s+presente)\s+invitaci|del\s+presente|de\s+(?:este|estos)\s+(?:documento|pliego|estudio))", after)
        if not own and (LEGAL_CONTEXT.search(after) or LEGAL_CONTEXT.search(before)):
            continue
        if "." not in number and not own:
            continue  # "numeral 5" alone cites norms too often; only "numeral 16 de esta invitación" counts
        seen.add(number)
        out.append(
            make(
                MISSING,
                message=f"Se remite al numeral {number}, que el documento no tiene.",
                evidence=hit.sentence(),
                location=hit.location,
            )
        )
    return out


PLAN_REF = re.compile(r"\bplanos?\s+(?:n[o°º]\.?\s*)?([a-z]{1,4}-?\d{1,3})\b")
PLAN_CODE = re.compile(r"\b([a-z]{1,4}-\d{1,3})\b")


def _drawings(ctx: Context) -> list[Finding]:
    """"según detalle del plano PH-04" when the drawings published are PH-01 and PH-02."""
    listing_sections = {s.number for s in ctx.doc.sections if re.search(r"planos|anexos", fold(s.title))}
    listed: set[str] = set()
    for line in ctx.doc.lines:
        folded = fold(line.text)
        if line.section in listing_sections or re.search(r"\banexo\b", folded):
            if re.search(r"\bplanos?\b", folded):
                listed.update(PLAN_CODE.findall(folded))
    if not listed:
        return []
    out = []
    seen: set[str] = set()
    for hit in search(ctx.doc, PLAN_REF):
        code = fold(hit.groups[0] or "")
        if code in listed or code in seen:
            continue
        seen.add(code)
        out.append(
            make(
                MISSING,
                message=f"Se remite al plano {code.upper()}, que no está entre los planos publicados ({', '.join(sorted(c.upper() for c in listed))}).",
                evidence=hit.sentence(160),
                location=hit.location,
            )
        )
    return out


CHAPTER_REF = re.compile(r"\bcap[ií]tulo\s+([ivxlc]{1,6}|\d{1,2})\b")


def _chapters(ctx: Context) -> list[Finding]:
    """"el cronograma del CAPÍTULO VIII" in a document whose chapters end at VII."""
    chapters = {s.number.split()[-1].upper() for s in ctx.doc.sections if s.number.startswith(("CAPÍTULO", "TÍTULO"))}
    if len(chapters) < 2:
        return []
    out = []
    seen: set[str] = set()
    for hit in search(ctx.doc, CHAPTER_REF):
        label = (hit.groups[0] or "").upper()
        if label in chapters or label in seen or ctx.doc.line(hit.line.number).section == f"CAPÍTULO {label}":
            continue
        if hit.start < 3 and hit.line.text.strip().upper().startswith("CAP"):
            continue  # the chapter heading itself
        after = fold(hit.line.text[hit.end : hit.end + 40])
        before = fold(hit.line.text[max(0, hit.start - 30) : hit.start])
        if LEGAL_CONTEXT.search(after) or LEGAL_CONTEXT.search(before):
            continue
        seen.add(label)
        out.append(
            make(
                MISSING,
                message=f"Se remite al capítulo {label}, que el documento no tiene (sus capítulos: {', '.join(sorted(chapters, key=lambda c: (len(c), c)))}).",
                evidence=hit.sentence(160),
                location=hit.location,
            )
        )
    return out


RULES = [MISSING]
CHECKS = [_annexes, _sections, _chapters, _drawings]
