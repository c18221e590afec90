"""Mipyme limitation, territorial limitation and the tie-break rule."""

from __future__ import annotations

import re

from cps.documents.record import ProcessRecord
from cps.documents.search import search
from cps.documents.text import DocumentText, fold
from cps.law import places

LIMITED = re.compile(
    r"limitad[ao]s?\s+a\s+(?:las\s+)?mi?pymes?|limita(?:r|ci[oó]n)\s+(?:de\s+la\s+convocatoria\s+)?a\s+(?:las\s+)?mi?pymes?|"
    r"convocatoria\s+limitada|se\s+limite\s+a\s+(?:las\s+)?mi?pymes?|convocatoria\s+a\s+m[iy]?[iy]?pymes"
)
TERRITORIAL = re.compile(
    r"limitaci[oó]n\s+territorial|ser[aá]\s+territorial|domiciliad[ao]s?\s+en|domicilio\s+en\s+(?:el|los)\s+(?:departamento|municipio)"
    r"|mi?pymes?\s+(?:del|de\s+los?)\s+(?:departamento|municipio)"
)


def extract_mipyme_and_tiebreak(doc: DocumentText, record: ProcessRecord) -> None:
    hits = search(doc, LIMITED)
    if hits:
        record.mipyme_limitation = True
        record.sources["mipyme_limitation"] = hits[0].location
    # territorial limitation: the sentence that limits to Mipyme with domicile in a territory
    for hit in search(doc, TERRITORIAL):
        sentence = hit.sentence(600)
        folded = fold(sentence)
        if not re.search(r"mi?pymes?", folded):
            continue
        m = re.search(
            r"(departamentos?|municipios?|ciudad(?:es)?|distritos?)\s+(?:de(?:l)?\s+)?([a-z][a-z ,]+?)(?=[,.;]|\s*\(|\s+(?:dentro|lugar|donde|en\s+el\s+cual|y\s+en|con\s+base)|$)",
            folded[folded.find("domicili") if "domicili" in folded else 0 :],
        )
        depts = places.departments_in(sentence)
        named = None
        if m:
            raw = m.group(2).strip()
            start = fold(sentence).find(raw)
            name = (sentence[start : start + len(raw)] if start >= 0 else raw).strip()
            if places.departments_in(name) or name[:1].isupper():
                named = f"{re.sub(r'(?<=[^e])s$|(?<=d)es$', '', m.group(1))} de {name}"
        if named:
            record.territorial_limitation = named
        elif depts:
            record.territorial_limitation = "departamento de " + ", ".join(depts)
        else:
            continue
        record.sources["territorial_limitation"] = hit.location
        break
    for sec in doc.sections_titled(r"desempate|empate"):
        body = [line for line in doc.section_lines(sec) if line.text.strip()]
        if body:
            record.tie_break_rule = " ".join(line.text for line in body[:1])[:500]
            record.sources["tie_break_rule"] = body[0].location
            break
