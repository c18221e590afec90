"""Mipyme limitation, territorial limitation and the tie-break rule."""

from __future__ import annotations

import re

from cps.documents.record import ProcessRecord
from cps.documents.search import search
from cps.documents.text import DocumentText, fold

LIMITED = re.compile(
    r"limitad[ao]s?\s+a\s+(?:las\s+)?mi?pymes?|limita(?:r|ci[oó]n)\s+(?:de\s+la\s+convocatoria\s+)?a\s+(?:las\s+)?mi?pymes?|"
    r"convocatoria\s+limitada|se\s+limite\s+a\s+(?:las\s+)?mi?pymes?|convocatoria\s+a\s+m[iy]?[iy]?pymes"
)
TERRITORIAL = re.compile(r"limitaci[oó]n\s+territorial|domicilio\s+en\s+(?:el|los)\s+(?:departamento|municipio)")


def extract_mipyme_and_tiebreak(doc: DocumentText, record: ProcessRecord) -> None:
    hits = search(doc, LIMITED)
    if hits:
        record.mipyme_limitation = True
        record.sources["mipyme_limitation"] = hits[0].location
    # territorial limitation: the sentence that names the territory
    for hit in search(doc, r"(?:limitaci[oó]n\s+territorial|mipymes?\s+(?:con\s+domicilio\s+en\s+)?del\s+(?:departamento|municipio)\s+de\s+[a-z])"):
        line = hit.line
        idx = doc.lines.index(line)
        window = " ".join(x.text for x in doc.lines[idx : idx + 3])
        folded = fold(window)
        m = re.search(r"mipymes?\s+(?:con\s+domicilio\s+en\s+|domiciliad[ao]s\s+en\s+)?(?:el\s+|del\s+)?(departamento|municipio)s?\s+(?:de\s+)?([a-z][a-z ,y]+?)(?:[,.;]|\s+dentro|\s+lugar|\s+donde|$)", folded)
        if m:
            start = folded.index(m.group(2))
            record.territorial_limitation = f"{m.group(1)} de {window[start : start + len(m.group(2))].strip()}"
            record.sources["territorial_limitation"] = line.location
            break
    for sec in doc.sections_titled(r"desempate|empate"):
        body = [line for line in doc.section_lines(sec.number) if line.text.strip()]
        if body:
            record.tie_break_rule = " ".join(line.text for line in body[:1])[:500]
            record.sources["tie_break_rule"] = body[0].location
            break
