"""Entity, NIT, process number, modality, object and contract type."""

from __future__ import annotations

import re
from collections import Counter

from cps.documents.record import Location, ProcessRecord
from cps.documents.search import search_lines
from cps.documents.text import DocumentText, Line, fold

ENTITY_RE = re.compile(
    r"\b((?:alcald[ií]a(?:\s+municipal|\s+distrital|\s+mayor)?|municipio|gobernaci[oó]n|departamento|"
    r"concejo\s+municipal|personer[ií]a\s+municipal|contralor[ií]a\s+(?:municipal|departamental)|"
    r"empresa\s+social\s+del\s+estado|e\.?\s?s\.?\s?e\.?|instituto|hospital|empresas?\s+p[uú]blicas?|"
    r"secretar[ií]a\s+de\s+educaci[oó]n|corporaci[oó]n\s+aut[oó]noma|universidad|unidad\s+administrativa|"
    r"concejo\s+(?:municipal|distrital)|personer[ií]a(?:\s+municipal|\s+distrital)?)"
    r"(?:\s+(?:de(?:l)?|para)\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.\-]*(?:\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.\-]*){0,7}"
    r"|\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.\-]*(?:\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.\-]*){0,7}))",
    re.IGNORECASE,
)
NIT_RE = re.compile(
    r"\bnit\.?\s*(?:del?\s+(?:la\s+)?(?:municipio|entidad|alcald[ií]a|personer[ií]a|concejo|gobernaci[oó]n|departamento)\s*)?"
    r"(?:no\.?|n[°º]|numero|número|:)?\s*:?\s*(\d{1,3}(?:[.\s]?\d{3}){2,4}\s*[-–]\s*\d|\d{6,15}|\d{1,3}(?:\.\d{3}){2,4})"
    r"(?:,?\s*(?:con\s+)?d[ií]gito\s+de\s+verificaci[oó]n\s*(?:\(?dv\)?)?\s*:?\s*(\d))?",
    re.IGNORECASE,
)
ENTITY_STOP = re.compile(
    r"\s+(?:ESTUDIOS|DOCUMENTOS|INVITACI[OÓ]N|PROCESO|C[OÓ]DIGO|VERSI[OÓ]N|SECRETAR[IÍ]A|OFICINA|DIRECCI[OÓ]N|FECHA|P[AÁ]GINA|"
    r"REP[UÚ]BLICA|NIT|ESTABLECIMIENTO)\b.*$",
    re.IGNORECASE,
)
PROCESS_RE = re.compile(
    r"\b([A-Z]{1,8}(?:[-_][A-Z]{1,8}){0,3}\s?[-_]\s?(?:N[°ºo]\.?\s*)?\d{1,5}(?:\s?[-_/]\s?\d{2,4}){1,2})\b"
)
MODALITIES = [
    ("minima_cuantia", r"m[ií]nima\s+cuant[ií]a"),
    ("seleccion_abreviada_menor_cuantia", r"selecci[oó]n\s+abreviada\s+de\s+menor\s+cuant[ií]a"),
    ("subasta_inversa", r"subasta\s+inversa"),
    ("licitacion_publica", r"licitaci[oó]n\s+p[uú]blica"),
    ("concurso_de_meritos", r"concurso\s+de\s+m[eé]ritos"),
    ("contratacion_directa", r"contrataci[oó]n\s+directa"),
    # entities outside the Estatuto General (E.S.E., empresas de servicios públicos, universidades…)
    # contract under their own statute and private law
    (
        "regimen_especial",
        r"r[eé]gimen\s+(?:especial|exceptuado|de\s+derecho\s+privado)|estatuto\s+(?:interno\s+)?de\s+contrataci[oó]n\s+de\s+(?:la|el|esta)\b"
        r"|manual\s+(?:interno\s+)?de\s+contrataci[oó]n\s+de\s+la\s+e\.?s\.?e|(?:se\s+rige|se\s+regir[aá])\s+por\s+(?:el\s+)?derecho\s+privado",
    ),
]
# "este proceso no es una mínima cuantía ni una selección abreviada"
NEGATED_MODALITY = re.compile(r"\b(?:no\s+(?:es|son|se\s+trata\s+de|corresponde\s+a|aplica|aplican)|ni)\s+(?:una\s+|la\s+|el\s+|de\s+)?$")
CONTRACT_TYPES = [
    ("suministro", r"^\W*(?:el\s+)?suministro\b"),
    ("compraventa", r"^\W*(?:la\s+)?(?:compraventa|adquisici[oó]n|compra)\b"),
    ("interventoria", r"^\W*(?:la\s+)?interventor[ií]a\b"),
    ("consultoria", r"^\W*(?:la\s+)?consultor[ií]a\b"),
    ("obra", r"^\W*(?:la\s+)?(?:obra|construcci[oó]n|mejoramiento|rehabilitaci[oó]n|adecuaci[oó]n|pavimentaci[oó]n)\b"),
    ("arrendamiento", r"^\W*(?:el\s+)?arrendamiento\b"),
    ("prestacion_de_servicios", r"^\W*(?:la\s+)?(?:prestaci[oó]n\s+de(?:l)?\s+servicios?|servicios?\b|mantenimiento\b)"),
]


def _front(doc: DocumentText, n: int = 60) -> list[Line]:
    return doc.lines[:n]


def _pseudo_lines(texts: list[str]) -> list[Line]:
    return [Line(number=0, text=t, page=1, section=None) for t in texts]


def extract_identity(doc: DocumentText, record: ProcessRecord) -> None:
    header = _pseudo_lines(doc.furniture[:8])
    front = _front(doc)

    # entity: the header names it best; else the first mention on the first page. A municipality
    # named next to its department ("DEPARTAMENTO DE SANTANDER / ALCALDÍA MUNICIPAL DE …") wins.
    best: tuple[int, int, str, Line] | None = None
    for order, line in enumerate(header + front):
        for found in ENTITY_RE.finditer(line.text):
            kind = fold(found.group(1))
            if kind.startswith(("departamento nacional", "departamento administrativo")):
                continue
            name = re.split(r"\s+(?:NIT|Nit|nit)\b|[,;:\n–]|\s-\s", found.group(1))[0].strip(" .-")
            name = ENTITY_STOP.sub("", name).strip(" .-")
            if len(name.split()) < 2:
                continue
            if re.match(r"secretar[ií]a", kind) and order > len(header):
                continue  # a dependency named in the body, not the entity
            # the cover (header and first lines) names the entity; a department there yields to a
            # municipality named next to it; an entity named further down the body is usually another
            # one ("remitidas al Instituto Nacional de Salud")
            cover = order < len(header) + 10
            rank = (1 if kind.startswith("departamento") else 0) + (0 if cover else 2)
            if best is None or (rank, order) < (best[0], best[1]):
                best = (rank, order, name, line)
    if best is not None:
        record.entity = best[2]
        record.sources["entity"] = best[3].location if best[3].number else Location(page=1)

    # NIT: the first one in the header or the first pages
    for line in header + front + doc.lines:
        m = NIT_RE.search(line.text)
        if m:
            raw_nit = re.sub(r"[\s.]", "", m.group(1)).replace("–", "-")
            if m.group(2) and "-" not in raw_nit:
                raw_nit = f"{raw_nit}-{m.group(2)}"  # "NIT 800.094.571, dígito de verificación 4"
            record.entity_nit = raw_nit
            record.sources["entity_nit"] = line.location if line.number else Location(page=1)
            break

    # process number: the most repeated code-like reference (headers repeat it)
    counts: Counter[str] = Counter()
    first_seen: dict[str, Line] = {}
    for line in header + doc.lines[:200] + _pseudo_lines(doc.furniture):
        for m in PROCESS_RE.finditer(line.text):
            code = re.sub(r"\s+", "", m.group(1))
            if re.fullmatch(r"\d+[-/]\d+", code) or len(code) < 6:
                continue
            if re.match(r"(?:NIT|CDP|RP|CPC|UNSPSC|ISO|NTC|RUT)\b", code):
                continue
            # the number the document gives itself ("INVITACIÓN … No. MC-SPO-018-2026") outweighs the
            # numbers of other processes it cites ("el contrato de obra del proceso SAMC-SPO-004-2026")
            before = fold(line.text[max(0, m.start() - 30) : m.start()])
            titled = re.search(r"\bn(?:o|°|º|umero)\.?\s*:?\s*$", before) and re.search(r"invitaci|proceso\s+(?:de\s+)?(?:m[ií]nima|contrataci|n)|convocatoria|estudios", fold(line.text[: m.start()]))
            counts[code] += 5 if titled else 1
            first_seen.setdefault(code, line)
    if counts:
        code, _ = counts.most_common(1)[0]
        record.process_number = code
        line = first_seen[code]
        record.sources["process_number"] = line.location if line.number else Location(page=1)

    # modality: weigh the title area and headers heavily
    weights: Counter[str] = Counter()
    for i, line in enumerate(header + front + doc.lines):
        folded = fold(line.text)
        weight = 5 if i < len(header) + len(front) else 1
        for key, pattern in MODALITIES:
            if any(not NEGATED_MODALITY.search(folded[max(0, m.start() - 40) : m.start()]) for m in re.finditer(pattern, folded)):
                weights[key] += weight
    if weights:
        key, _ = weights.most_common(1)[0]
        record.modality = key
        pattern = dict(MODALITIES)[key]
        hits = search_lines(header + front + doc.lines, pattern)
        if hits:
            record.modality_text = hits[0].text
            record.sources["modality"] = hits[0].location if hits[0].line.number else Location(page=1)

    # object: the OBJETO section, else an "OBJETO:" label
    obj_line: Line | None = None
    for sec in doc.sections_titled(r"^objeto\b"):
        body = doc.body_lines(sec)
        if body:
            obj_line = body[0]
            # "Objeto: Prestación de servicios…" (a label row of a two-column table)
            record.object = re.sub(r"(?i)^\s*objeto(?:\s+(?:del\s+contrato|a\s+contratar))?\s*:\s*", "", body[0].text.strip()).rstrip(".")
            break
    if record.object is None:
        for hit in search_lines(doc.lines[:300], r"^\W*objeto(?:\s+del\s+(?:contrato|proceso))?\s*:\s*(.+)$"):
            if hit.groups[0] and len(hit.groups[0]) > 15:
                record.object = hit.groups[0].strip().rstrip(".")
                obj_line = hit.line
                break
    if record.object is None:
        # the label inside a paragraph: "… hoy se desplaza en transporte informal. Objeto: adquisición de una (1)
        # motocicleta tipo trabajo, nueva, de 150 cc, …"
        for hit in search_lines(doc.lines[:300], r"(?:^|[.;]\s+)objeto(?:\s+del\s+(?:contrato|proceso))?\s*:\s*(.+)$"):
            text = re.split(r"(?<=[a-záéíóúñ)])\.\s+(?=[A-ZÁÉÍÓÚ])", hit.groups[0] or "")[0].strip().rstrip(".")
            if len(text) > 15:
                record.object = text
                obj_line = hit.line
                break
    if record.object and obj_line is not None:
        record.sources["object"] = obj_line.location
        folded = fold(record.object)
        for key, pattern in CONTRACT_TYPES:
            if re.search(pattern, folded):
                record.contract_type = key
                break
