"""Internal consistency: the same fact with two values; "no aplica" here and required there; the same
provision cited with different numerals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from cps.documents.checks.base import Context, Rule, make
from cps.documents.extract.guarantees import (
    NOT_APPLICABLE,
    guarantee_key,
    guarantee_kind,
    kind_segments,
    percent_in,
)
from cps.documents.findings import Finding
from cps.documents.record import Location, ProcessRecord
from cps.documents.search import Hit, search, sentence_around
from cps.documents.text import DocumentText, Line, fold, folded_index
from cps.law import places

FAMILY = "consistencia interna"

TERM = Rule(
    "TERM_CONFLICT", FAMILY, "error",
    "El plazo de ejecución aparece con dos valores distintos",
    "El documento fija el plazo de ejecución en un lugar y lo repite con otro valor en otro.",
    "Coherencia de los Documentos del Proceso (Decreto 1082 de 2015 art. 2.2.1.1.2.1.1); Ley 1150 de 2007 art. 5",
)
PLACE = Rule(
    "PLACE_CONFLICT", FAMILY, "error",
    "El lugar de ejecución aparece con dos valores distintos",
    "El documento indica un lugar de ejecución y en otra parte otro distinto.",
    "Coherencia de los Documentos del Proceso (Decreto 1082 de 2015 art. 2.2.1.1.2.1.1)",
)
GUARANTEE = Rule(
    "GUARANTEE_CONFLICT", FAMILY, "error",
    "Una garantía aparece con dos porcentajes distintos",
    "El mismo amparo se exige con porcentajes diferentes en distintas partes del documento.",
    "Decreto 1082 de 2015 arts. 2.2.1.2.3.1.7 y ss.; coherencia de los Documentos del Proceso",
)
NA_REQUIRED = Rule(
    "NOT_APPLICABLE_BUT_REQUIRED", FAMILY, "error",
    "Se declara que un requisito no aplica y en otra parte se exige",
    "Un requisito que el documento declara «no aplica» no puede exigirse ni ser causal de rechazo en "
    "otra sección: el proponente no sabe a qué atenerse y la entidad podría rechazar una oferta por "
    "algo que no pidió.",
    "Ley 1150 de 2007 art. 5 (selección objetiva); Ley 80 de 1993 art. 24 num. 5 (reglas claras y objetivas)",
)
CITATION = Rule(
    "NORM_CITATION_CONFLICT", FAMILY, "warning",
    "La misma disposición se cita con numerales distintos",
    "El documento cita la misma regla del mismo artículo con dos numerales diferentes; uno de los dos "
    "está mal.",
    "Exactitud de las citas normativas de los Documentos del Proceso",
)

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
TERM_STATEMENT = re.compile(
    r"(?:plazo\s+de\s+ejecuci[oó]n|plazo\s+del\s+contrato|duraci[oó]n\s+del\s+contrato|t[eé]rmino\s+de\s+ejecuci[oó]n)"
    r"(?:\s+del\s+(?:presente\s+)?contrato)?\s*(?:ser[aá]|es|:|corresponde\s+a|sera\s+de|ser[aá]\s+de|de)\s+"
    # a label opening a line of essential conditions: "Plazo: cuarenta y cinco (45) días calendario"
    r"|^\W*(?:[a-z0-9][.)]\s*)?plazo\s*:\s*|\bplazo\s+total(?:\s+de\s+la\s+programaci[oó]n)?\s*:\s*"
)
UNTIL = re.compile(r"^(?:de\s+)?hasta\s+el\s+(?:d[ií]a\s+)?(?:[a-z ]+\(\s*)?(\d{1,2})\s*\)?\s+de\s+([a-z]+)\s+(?:de|del)\s+(\d{4})")
DURATION = re.compile(r"^(?:de\s+)?(?:[a-z ]+?\(\s*)?(\d{1,3})\s*\)?\s*(d[ií]as?|meses|mes|a[nñ]os?|semanas?)(?:\s+(calendario|h[aá]biles))?")


@dataclass(frozen=True)
class Term:
    kind: str  # until | duration
    value: str

    def describe(self) -> str:
        return self.value


def parse_term(text_after: str) -> Term | None:
    folded = fold(text_after)[:160]
    # "desde la suscripción del acta de inicio hasta el treinta y uno (31) de diciembre de 2026"
    since = re.match(r"^(?:ser[aá]\s+)?desde\s+[^.;]{0,80}?(?=hasta\s+el\b)", folded)
    if since:
        folded = folded[since.end() :]
    m = UNTIL.match(folded)
    if m and m.group(2) in MONTHS:
        try:
            day = dt.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
        except ValueError:
            return None
        return Term("until", f"hasta el {day.day} de {m.group(2)} de {day.year}")
    m = DURATION.match(folded)
    if m:
        unit = m.group(2)
        unit = {"dia": "días", "dias": "días", "día": "días", "días": "días", "mes": "meses", "ano": "años", "anos": "años"}.get(unit, unit)
        kind = f" {m.group(3)}" if m.group(3) else ""
        return Term("duration", f"{int(m.group(1))} {unit}{kind}")
    return None


DURATION_OF_EXECUTION = re.compile(
    r"(?:los|las)\s+((?:[a-z]+\s+){0,3}\(?\s*\d{1,3}\s*\)?\s*(?:d[ií]as|meses|a[nñ]os)(?:\s+calendario|\s+h[aá]biles)?)"
    r"\s+(?:de\s+ejecuci[oó]n|de\s+(?:duraci[oó]n|plazo))\s+del\s+contrato"
    # "Un único pago al término de los cuarenta y cinco (45) días de ejecución": the end of the term
    r"|\bal\s+(?:t[eé]rmino|vencimiento|final|cabo)\s+de\s+(?:los|las)\s+"
    r"((?:[a-z]+\s+){0,3}\(?\s*\d{1,3}\s*\)?\s*(?:d[ií]as|meses|a[nñ]os)(?:\s+calendario|\s+h[aá]biles)?)\s+de\s+ejecuci[oó]n\b"
)


# "entregar e instalar los bienes dentro de los treinta (30) días calendario siguientes a la aceptación":
# one delivery of everything is the term itself (staged deliveries have their own terms)
DELIVERY_TERM = re.compile(
    r"\bentregar(?:\s+e\s+instalar)?\s+(?:la\s+totalidad\s+de\s+)?(?:los|las)\s+(?:bienes|elementos|equipos)\s+"
    r"dentro\s+de\s+((?:los|las)\s+[a-z ]*\(?\s*\d{1,3}\s*\)?\s*(?:d[ií]as|meses)(?:\s+calendario|\s+h[aá]biles)?)\s+siguientes"
)
STAGED = re.compile(r"\bprimera\s+entrega\b|\bentregas\s+parciales\b|\bentregas\s+mensuales\b|\bcronograma\s+de\s+entregas\b")


def _term_statements(doc: DocumentText, record: ProcessRecord | None = None) -> list[tuple[Term, Hit]]:
    out = []
    # the term the record took from the "Plazo" section, when it is written without a label
    line = doc.line_at(record.sources.get("term")) if record is not None and record.term else None
    if line is not None and record is not None and record.term:
        term = parse_term(record.term)
        if term and not TERM_STATEMENT.search(fold(line.text)):
            at = line.text.find(record.term[:40])
            out.append((term, Hit(line, max(at, 0), max(at, 0) + len(record.term), ())))
    # the first sentence of every other "Plazo" section ("2. PLAZO DE EJECUCIÓN / Seis (6) meses…"):
    # estudios previos and invitation in one file state it once each
    for sec in doc.sections_titled(r"^plazo\b|^plazo\s+de\s+ejecuci"):
        body = doc.body_lines(sec)
        if not body or (line is not None and body[0].number == line.number):
            continue
        first = re.split(r"(?<=[.;])\s+", body[0].text)[0]
        term = parse_term(first)
        if term and not TERM_STATEMENT.search(fold(body[0].text)):
            out.append((term, Hit(body[0], 0, len(first), ())))
    if not search(doc, STAGED):
        for hit in search(doc, DELIVERY_TERM):
            term = parse_term(re.sub(r"^(?:los|las)\s+", "", hit.groups[0] or ""))
            if term:
                out.append((term, hit))
    for hit in search(doc, TERM_STATEMENT):
        term = parse_term(hit.line.text[hit.end :])
        if term:
            out.append((term, hit))
    for hit in search(doc, DURATION_OF_EXECUTION):
        term = parse_term(next((g for g in hit.groups if g), ""))
        if term:
            out.append((term, hit))
    return sorted(out, key=lambda item: (item[1].line.number, item[1].start))


def _terms(ctx: Context) -> list[Finding]:
    statements = _term_statements(ctx.doc, ctx.record)
    if len(statements) < 2:
        return []
    first_term, first_hit = statements[0]
    out = []
    reported: set[str] = set()
    for term, hit in statements[1:]:
        if term == first_term or term.value in reported:
            continue
        reported.add(term.value)
        out.append(
            make(
                TERM,
                message=(
                    f"En {first_hit.location.describe()} el plazo es «{first_term.describe()}» y en "
                    f"{hit.location.describe()} es «{term.describe()}»."
                ),
                evidence=hit.sentence(),
                location=hit.location,
                related=[(first_hit.location, first_hit.sentence())],
            )
        )
    return out


PLACE_NAME = r"([a-z][a-z]+(?:\s+(?:de\s+(?:los?\s+|las?\s+)?)?[a-z][a-z]+){0,3})"
PLACE_INTRO = r"(?:municipio|ciudad|distrito|cabecera\s+municipal|casco\s+urbano)\s+de\s+"
DELIVERY = re.compile(
    r"\bentreg(?:ar|ar[aá]n?|arse|a)\b[^.;]{0,160}?\ben\s+(?:la\s+|el\s+|los\s+)?[^.;]{0,80}?"
    + PLACE_INTRO + PLACE_NAME
)
PLACE_PATTERNS = [
    re.compile(
        r"lugar\s+de\s+(?:ejecuci[oó]n|entrega)[^.:]{0,40}?(?:ser[aá]|es|:)\s*(?:en\s+)?(?:el\s+|la\s+)?"
        r"(?:municipio|ciudad|distrito|casco\s+urbano\s+del\s+municipio)\s+de\s+([a-z][a-z]+(?:\s+[a-z][a-z]+){0,2})"
    ),
    re.compile(
        r"(?:se\s+(?:ejecutar[aá]|desarrollar[aá]|realizar[aá]|entregar[aá]n?|prestar[aá])|ejecuci[oó]n\s+del\s+contrato\s+se\s+"
        r"(?:desarrollar[aá]|llevar[aá]\s+a\s+cabo|realizar[aá]))[^.]{0,40}?\s+en\s+(?:el\s+|la\s+)?"
        r"(?:municipio|ciudad|distrito|casco\s+urbano\s+del\s+municipio)\s+de\s+([a-z][a-z]+(?:\s+[a-z][a-z]+){0,2})"
    ),
    re.compile(
        r"(?:municipio|ciudad)\s+de\s+([a-z][a-z]+(?:\s+[a-z][a-z]+){0,2}),?\s+(?:lugar\s+(?:donde|en\s+(?:el\s+)?(?:que|cual))\s+se\s+ejecutar[aá])"
    ),
    # "recoger y devolver los equipos … en la sede de la Alcaldía Municipal de Santa Inés del Suaza"
    re.compile(r"\ben\s+la\s+sede\s+de\s+la\s+alcald[ií]a\s+(?:municipal\s+)?de\s+" + PLACE_NAME),
]
_PLACE_STOP = re.compile(r"\s+(?:y|de|del|en|para|con|departamento|lugar|dentro|donde|segun)\b.*$")


def _place_name(raw: str) -> str:
    name = _PLACE_STOP.sub("", raw).strip()
    for dept in places.departments_in(name):
        shorter = re.sub(r"\s*\b" + re.escape(fold(dept).split(",")[0]) + r"\b.*$", "", name).strip()
        if shorter:
            name = shorter
    return name


def _places(ctx: Context) -> list[Finding]:
    statements: list[tuple[str, Hit]] = []
    for pattern in [*PLACE_PATTERNS, DELIVERY]:
        for hit in search(ctx.doc, pattern):
            name = _place_name(fold(hit.groups[-1] or ""))
            if name:
                statements.append((name, hit))
    statements.sort(key=lambda s: s[1].line.number)
    main: tuple[str, Hit] | None = None
    from_record = False
    loc = ctx.record.sources.get("location")
    if loc is not None and ctx.record.location:
        m = re.search(PLACE_INTRO + PLACE_NAME, fold(ctx.record.location))
        line = ctx.doc.line_at(loc)
        if m and line is not None:
            folded_line, index = folded_index(line.text)
            at = folded_line.find(m.group(0))
            hit = Hit(line, index[at] if at >= 0 else 0, index[at + len(m.group(0)) - 1] + 1 if at >= 0 else len(line.text), (m.group(1),))
            main = (_place_name(m.group(1)), hit)
            from_record = at >= 0
    if main is None:
        if len(statements) < 2:
            return []
        main = statements[0]
    main_name, main_hit = main
    # the record's place is quoted by the words that name it ("cabecera municipal de Caño Grande")
    main_quote = main_hit.text if from_record else main_hit.sentence(90)
    out = []
    reported: set[str] = set()
    for name, hit in statements:
        if name == main_name or name in reported or name.startswith(main_name) or main_name.startswith(name):
            continue
        reported.add(name)
        out.append(
            make(
                PLACE,
                message=(
                    f"En {main_hit.location.describe()} el contrato se ejecuta en «{main_name.title()}» y en "
                    f"{hit.location.describe()} en «{name.title()}»."
                ),
                evidence=hit.sentence(),
                location=hit.location,
                # the words that name the main place, not the rest of its sentence (veredas, sedes…)
                related=[(main_hit.location, main_quote)],
            )
        )
    return out


def _sentences(line: Line) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in re.finditer(r"(?<=[.;])\s+", line.text)] + [len(line.text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if line.text[a:b].strip()]


def _guarantees(ctx: Context) -> list[Finding]:
    declared = {guarantee_key(g.kind, g.text or ""): g for g in ctx.record.guarantees if g.required and g.percent is not None}
    if not declared:
        return []
    out = []
    for line in ctx.doc.lines:
        for a, b in _sentences(line):
            sentence = line.text[a:b]
            folded = fold(sentence)
            if not re.search(r"garant[ií]a|amparo|p[oó]liza", folded):
                continue
            for kind, segment in kind_segments(sentence):
                pct = percent_in(segment)
                key = guarantee_key(kind, segment)
                same_kind = [k for k in declared if k.split(":")[0] == kind]
                if key not in declared and len(same_kind) == 1:
                    key = same_kind[0]  # "calidad (20 %)" where only one quality amparo is declared
                if pct is None or key not in declared:
                    continue
                g = declared[key]
                if g.location is not None and g.location.line == line.location.line:
                    continue
                if abs(pct - (g.percent or 0)) < 1e-9:
                    continue
                out.append(
                    make(
                        GUARANTEE,
                        message=(
                            f"La garantía de {kind} se exige por el {g.percent:g} % en {g.location.describe() if g.location else 'el capítulo de garantías'} "
                            f"y por el {pct:g} % en {line.location.describe()}."
                        ),
                        evidence=sentence.strip()[:400],
                        location=line.location,
                        related=[(g.location, (g.text or "")[:300])],
                    )
                )
    return out


# ---------------------------------------------------------------------------- "no aplica" vs required

REQUIRE = re.compile(
    r"deber[aá]n?\s+(?:presentar|aportar|acreditar|allegar|constituir|entregar|diligenciar|adjuntar|cumplir|contar)|"
    r"se\s+exig|exigir|se\s+requier|es\s+obligatori|requisito\s+habilitante|ser[aá]\s+causal|so\s+pena|"
    r"ser[aá]n?\s+rechazad|causal\s+de\s+rechazo|debe(?:n)?\s+(?:presentar|aportar|acreditar|allegar|constituir|diligenciar)|"
    # scored: "se asignará con base en la revisión de la muestra presentada con la oferta"
    r"se\s+asignar[aá]n?\s+(?:con\s+base|seg[uú]n|de\s+acuerdo)|(?<!no\s)(?:asignar[aá]n?|otorgar[aá]n?)\s+[^.]{0,30}?(?:puntos|puntaje)"
)
MAY_REQUIRE = re.compile(r"podr[aá]\s+hacer\s+exigible|podr[aá]\s+(?:exigir|hacer\s+efectiva)")
STOP_TITLE = {"requerido", "requerida", "minimo", "minima", "exigido", "exigida", "del", "de", "la", "el", "los", "las",
              "y", "para", "oferta", "proceso", "contrato", "requisito", "condicion", "condiciones", "n", "a"}
NOT_AT_OFFER = re.compile(
    r"^\W*no\s+(?:aplica|se\s+(?:exige|exigira|requiere|requerira|solicita))\s+(?:su\s+|la\s+|el\s+)?"
    r"(?:acreditaci[oó]n|presentaci[oó]n|entrega|aporte)\s+(?:\w+\s+){0,3}?(?:con|en|junto\s+con)\s+la\s+(?:oferta|propuesta)"
)
TOPICS = [  # a section declared "no aplica" → how the same requirement is worded elsewhere
    (r"personal|recurso\s+humano|equipo\s+(?:m[ií]nimo\s+)?de\s+trabajo|profesional",
     r"personal\s+(?:m[ií]nimo|requerido|clave|profesional)|recurso\s+humano|equipo\s+(?:m[ií]nimo\s+)?de\s+trabajo|"
     r"(?:el|un|los)\s+profesional(?:es)?\s+(?:en|de|con)|director\s+de\s+(?:obra|proyecto)|residente\s+de|"
     r"hoja\s+de\s+vida\s+del?\s+(?:los\s+)?(?:operador|profesional|personal|t[eé]cnico|director|residente|coordinador)|"
     r"\boperador(?:es)?\s+(?:propuesto|en\s+sitio)|"
     r"\b(?:un|una|dos|tres)\s+\(\d+\)\s+(?:t[eé]cnicos?|tecn[oó]logos?|profesionales?|ingenieros?|operarios?|auxiliares?)\b"),
    (r"capacidad\s+financiera", r"capacidad\s+financiera|indicadores?\s+(?:de\s+capacidad\s+)?financier|[ií]ndice\s+de\s+(?:liquidez|endeudamiento)"),
    (r"capacidad\s+organizacional", r"capacidad\s+organizacional|rentabilidad\s+del\s+(?:patrimonio|activo)"),
    (r"visita", r"visita\s+(?:t[eé]cnica|de\s+obra|al\s+sitio|obligatoria)"),
    (r"experiencia", r"experiencia\s+(?:m[ií]nima|espec[ií]fica|general|del\s+proponente)"),
    (r"ensayos?|laboratorio",
     r"ensayos?\s+de\s+laboratorio|resultados\s+de\s+(?:los\s+)?(?:ensayos?|resistencia)|cilindros\s+de\s+concreto|pruebas\s+de\s+laboratorio"),
]
SUBJECTS = {
    "seriedad": r"(?:garant[ií]a|p[oó]liza)\s+(?:de\s+)?seriedad|seriedad\s+de\s+(?:la\s+)?(?:oferta|propuesta)",
    "cumplimiento": r"garant[ií]a\s+de\s+cumplimiento",
    "calidad": r"garant[ií]a\s+de\s+calidad",
    "rce": r"responsabilidad\s+civil\s+extracontractual",
    "salarios": r"pago\s+de\s+salarios",
}


def _singular_or_plural(word: str) -> str:
    """"muestras" → muestras?, "certificaciones" → certificacion(?:es)?: the title names the plural,
    the requirement often the singular."""
    if word.endswith("es") and len(word) > 5 and word[-3] in "nrlsdz":
        return re.escape(word[:-2]) + "(?:es)?"
    if word.endswith("s") and len(word) > 3:
        return re.escape(word[:-1]) + "s?"
    return re.escape(word)


@dataclass
class NotApplicable:
    subject: str  # Spanish description
    pattern: str
    location: Location | None
    evidence: str
    section: str | None
    at_offer: bool = False  # only its accreditation with the offer is waived, not the requirement itself


# "Para el profesional de apoyo no aplica la acreditación con la oferta: su hoja de vida la
# presentará el contratista antes del acta de inicio"
WAIVED_FOR = re.compile(
    r"\bpara\s+(?:el|la|los|las)\s+([a-z][a-z ]{2,50}?)\s*,?\s+no\s+(?:aplica|se\s+exige|se\s+requiere)\s+(?:la\s+|su\s+)?"
    r"(?:acreditaci[oó]n|presentaci[oó]n)\s+(?:\w+\s+){0,2}?(?:con|en)\s+la\s+(?:oferta|propuesta)"
)


def _waived_for_someone(ctx: Context) -> list[NotApplicable]:
    """A requirement waived at the offer stage for one member of the team: the subject is that person,
    with the other names the document gives them ("Profesional de apoyo (topógrafo)")."""
    items = []
    for hit in search(ctx.doc, WAIVED_FOR):
        subject = fold(hit.groups[0] or "").strip()
        names = {subject}
        lines = ctx.doc.lines
        for i, line in enumerate(lines):
            folded = fold(line.text)
            if folded.startswith(subject):
                # "Profesional de apoyo (topógrafo)", the parenthesis maybe on the next line of a text export
                around = folded[: len(subject) + 45] + " " + (fold(lines[i + 1].text)[:45] if i + 1 < len(lines) else "")
                names.update(n.strip() for n in re.findall(r"\(([a-z ]{3,40})\)", around))
        pattern = "|".join(r"\b" + _singular_or_plural(n).replace(r"\ ", r"\s+") for n in sorted(names) if n)
        items.append(
            NotApplicable(subject, pattern, hit.location, hit.sentence(), hit.location.section, at_offer=True)
        )
    return items


def _waived_in_a_table(ctx: Context) -> list[NotApplicable]:
    """A table of requirements with a column saying whether each applies: "Certificación de inscripción
    del establecimiento en el SICOM | NO APLICA". The subject is the acronym it names, else its first
    significant words."""
    items = []
    for line in ctx.doc.lines:
        cells = [c.strip() for c in line.cells or [] if c.strip()]
        if line.cells is None:
            items.extend(_waived_mid_paragraph(line))
            # the same table written as text: "Personal mínimo NO APLICA"
            m = re.match(r"^(\S.{2,80}?)\s*[:–-]?\s+(NO APLICA|No aplica|N/A)\.?$", line.text.strip()) or re.match(
                r"^(?:[-•*]\s*)?(\S.{2,60}?)\s*:\s*(no aplica|NO APLICA|No aplica|N/A)\b", line.text.strip()
            )
            if m is None or len(m.group(1).split()) > 8:
                continue
            cells = [m.group(1), m.group(2)]
        if len(cells) < 2 or not re.fullmatch(r"no\s+aplica\.?|n\.?\s?/?a\.?", fold(cells[-1])):
            continue
        acronyms = re.findall(r"\b[A-ZÁÉÍÓÚÑ]{3,}\b", cells[0])
        topic = next((synonyms for topic, synonyms in TOPICS if re.search(topic, fold(cells[0]))), None)
        if topic is not None:
            pattern = topic
        elif acronyms:
            pattern = "|".join(r"\b" + re.escape(fold(a)) + r"\b" for a in acronyms)
        else:
            words = [w for w in re.findall(r"[a-z]+", fold(cells[0])) if w not in STOP_TITLE and len(w) > 3][:2]
            if not words:
                continue
            pattern = r"\W+(?:\w+\W+){0,2}?".join(_singular_or_plural(w) for w in words)
        items.append(NotApplicable(cells[0].lower(), pattern, line.location, line.text, line.location.section))
    return items


def _waived_mid_paragraph(line: Line) -> list[NotApplicable]:
    """A label waived inside a paragraph, after another sentence: "Copia del registro de venta ICA de
    cada producto. Registro del distribuidor ante el ICA: no aplica." The subject is its first two
    significant words (the acronym alone would also name the other, required, registration)."""
    items = []
    for m in re.finditer(r"(?<=[.;])\s+([A-ZÁÉÍÓÚÑ][^.;:]{2,60}?)\s*:\s*(?:no\s+aplica|NO\s+APLICA|N/A)\b", line.text):
        words = [w for w in re.findall(r"[a-z]+", fold(m.group(1))) if w not in STOP_TITLE and len(w) > 3]
        acronyms = {fold(a) for a in re.findall(r"\b[A-ZÁÉÍÓÚÑ]{3,}\b", m.group(1))}
        words = [w for w in words if w not in acronyms][:2]
        if len(words) < 2:
            continue
        pattern = r"\W+(?:\w+\W+){0,2}?".join(_singular_or_plural(w) for w in words)
        items.append(NotApplicable(m.group(1).lower(), pattern, line.location, sentence_around(line.text, m.start(1), m.end()), line.location.section))
    return items


def _not_applicable_items(ctx: Context) -> list[NotApplicable]:
    items: list[NotApplicable] = []
    for g in ctx.record.guarantees:
        if not g.required and g.kind in SUBJECTS:
            items.append(
                NotApplicable(
                    f"la garantía de {g.kind}", SUBJECTS[g.kind], g.location, g.text or "no aplica",
                    g.location.section if g.location else None,
                )
            )
    items.extend(_waived_for_someone(ctx))
    items.extend(_waived_in_a_table(ctx))
    for sec in ctx.doc.sections:
        body = [line for line in ctx.doc.section_lines(sec) if line.text.strip()]
        if not body:
            continue
        at_offer = None
        if not (
            (len(body[0].text) <= 80 and NOT_APPLICABLE.search(fold(body[0].text)))
            or re.match(r"^\W*(?:no\s+aplica|n\.?\s?/?a\b|no\s+se\s+(?:exige|requiere|solicita))", fold(body[0].text))
        ):
            # "El contratista dispondrá de un operador… No aplica su acreditación con la oferta: …"
            at_offer = next((s for line in body[:3] for s in re.split(r"(?<=[.;:])\s+", line.text) if NOT_AT_OFFER.match(fold(s))), None)
            if at_offer is None:
                continue
            body = [dataclasses.replace(next(line for line in body if at_offer in line.text), text=at_offer)]
        if guarantee_kind(sec.title):
            continue  # handled above
        title = fold(sec.title)
        pattern = next((synonyms for topic, synonyms in TOPICS if re.search(topic, title)), "")
        if not pattern:
            words = [w for w in re.findall(r"[a-z]+", title) if w not in STOP_TITLE and len(w) > 2]
            if not words:
                continue
            key = words[:2]
            pattern = r"\W+(?:\w+\W+){0,2}?".join(_singular_or_plural(w) for w in key)
        items.append(
            NotApplicable(
                sec.title.strip(" .:").lower(), pattern, body[0].location, f"{sec.number} {sec.title}: {body[0].text}", sec.number,
                at_offer=at_offer is not None,
            )
        )
    return items


NO_ADVANCE = re.compile(
    r"\bsin\s+anticipo\b|\bno\s+(?:habr[aá]|hay|se\s+(?:otorgar[aá]|entregar[aá]|pactar[aá]|conceder[aá]|girar[aá]|pagar[aá]))\s+(?:ning[uú]n\s+)?anticipo"
    r"|\bno\s+(?:se\s+)?(?:contempla|preve|prev[eé])\s+(?:el\s+pago\s+de\s+)?anticipo"
)


def _guarantee_without_advance(ctx: Context) -> list[Finding]:
    """The amparo of the advance (or of the prepayment) required where the document says there is none."""
    wanted = [g for g in ctx.record.guarantees if g.required and g.kind in ("anticipo", "pago_anticipado")]
    if not wanted:
        return []
    hits = search(ctx.doc, NO_ADVANCE)
    if not hits:
        return []
    no_advance = hits[0]
    return [
        make(
            NA_REQUIRED,
            message=(
                f"En {no_advance.location.describe()} el documento dice que no hay anticipo ni pago anticipado, "
                f"pero en {g.location.describe() if g.location else 'las garantías'} exige el amparo de "
                f"{'buen manejo y correcta inversión del anticipo' if g.kind == 'anticipo' else 'devolución del pago anticipado'}."
            ),
            evidence=(g.text or "")[:300],
            location=g.location,
            related=[(no_advance.location, no_advance.sentence())],
        )
        for g in wanted
    ]


def _not_applicable(ctx: Context) -> list[Finding]:
    out = []
    for item in _not_applicable_items(ctx):
        rx = re.compile(item.pattern)
        reported_lines: set[int] = set()
        # rejection causes naming the subject
        for cause in ctx.record.rejection_causes:
            if rx.search(fold(cause.text)) and cause.location is not None:
                reported_lines.add(cause.location.line or -1)
                out.append(
                    make(
                        NA_REQUIRED,
                        message=(
                            f"En {item.location.describe() if item.location else 'el documento'} se declara que "
                            f"{item.subject} no aplica, pero la causal de rechazo {cause.letter or ''} la exige."
                        ),
                        evidence=f"{cause.letter}. {cause.text}" if cause.letter else cause.text,
                        location=cause.location,
                        related=[(item.location, item.evidence)],
                    )
                )
        for line in ctx.doc.lines:
            if line.location.line in reported_lines or line.section == item.section:
                continue
            if item.location is not None and line.location.line == item.location.line:
                continue
            for a, b in _sentences(line):
                sentence = line.text[a:b]
                folded = fold(sentence)
                m = rx.search(folded)
                if not m:
                    continue
                if NOT_APPLICABLE.search(folded) or re.search(r"cuando\s+(?:se\s+)?(?:solicite|aplique|sea\s+necesari)", folded):
                    continue
                if item.at_offer and not re.search(r"\boferta|\bpropuesta", folded):
                    continue  # asked during execution, which the "no aplica con la oferta" keeps
                severity = None
                section = ctx.doc.section(line.section) if line.section else None
                duty = section is not None and re.search(r"obligaciones", fold(section.title)) and re.match(
                    r"^\W*(?:\d{1,2}\)|[a-z]\))?\s*(?:entregar|presentar|aportar|tomar|realizar|ejecutar|suministrar)\b", folded
                )
                # one item of a rejection list in prose: "Se rechaza la oferta …; la que no acredite el registro …;"
                rejected = re.search(r"\bno\s+(?:acredite|aporte|presente|adjunte|allegue|entregue)\b", folded) and re.search(
                    r"\bse\s+rechazar?[aá]?\b|\brechazo\b", fold(line.text)
                )
                required = bool(REQUIRE.search(folded))
                if required or duty or rejected:
                    severity = "error"
                elif MAY_REQUIRE.search(folded):
                    severity = "warning"
                if severity is None:
                    continue
                out.append(
                    make(
                        NA_REQUIRED,
                        severity="error" if severity == "error" else "warning",
                        message=(
                            f"En {item.location.describe() if item.location else 'el documento'} se declara que "
                            f"{item.subject} no aplica, pero en {line.location.describe()} "
                            + ("se exige." if severity == "error" else "se prevé hacerla exigible.")
                        ),
                        evidence=sentence.strip(" ;") if rejected and not required else sentence_around(line.text, a + m.start(), a + m.end()),
                        location=line.location,
                        related=[(item.location, item.evidence)],
                    )
                )
                break
    return out


# ---------------------------------------------------------------------------- citations

CITE = re.compile(
    r"numeral\s+(\d{1,2})\s*[°º]?\s*[,]?\s*(?:del\s+)?(?:art[ií]culo|art\.?)\s*(\d+(?:\.\d+){3,})"
)
STOP_WORDS = {"que", "para", "como", "este", "esta", "estos", "entre", "sobre", "decreto", "articulo", "numeral",
              "proceso", "modalidad", "cuantia", "minima", "efectos", "conforme", "tratarse", "importante", "tener",
              "cuenta", "mediante"}


def _significant(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{5,}", fold(text)) if w not in STOP_WORDS}


def _citations(ctx: Context) -> list[Finding]:
    cites = []
    for hit in search(ctx.doc, CITE):
        numeral, article = hit.groups[0], hit.groups[1]
        if numeral is None or article is None:
            continue
        # the sentence the citation supports: the text just before it (on this line or the one before)
        context = hit.line.text[max(0, hit.start - 300) : hit.start]
        if len(context.strip()) < 40 and hit.line.number > 1:
            context = ctx.doc.line(hit.line.number - 1).text[-300:] + " " + context
        cites.append((article, int(numeral), hit, _significant(context)))
    out = []
    for i, (art_a, num_a, hit_a, words_a) in enumerate(cites):
        for art_b, num_b, hit_b, words_b in cites[i + 1 :]:
            if art_a != art_b or num_a == num_b:
                continue
            if len(words_a & words_b) < 3:
                continue
            out.append(
                make(
                    CITATION,
                    message=(
                        f"Para la misma regla se cita el numeral {num_a} del artículo {art_a} en "
                        f"{hit_a.location.describe()} y el numeral {num_b} en {hit_b.location.describe()}."
                    ),
                    evidence=hit_b.sentence(),
                    location=hit_b.location,
                    related=[(hit_a.location, hit_a.sentence())],
                )
            )
    return out


RULES = [TERM, PLACE, GUARANTEE, NA_REQUIRED, CITATION]
CHECKS = [_terms, _places, _guarantees, _not_applicable, _guarantee_without_advance, _citations]
