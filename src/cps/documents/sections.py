"""Section numbering: which lines are headings ("1.7. CLASIFICADOR…", "CAPÍTULO VII") and which
section every line belongs to.

A numbered line is a heading only when it looks like one (marked as heading or bold by the
source, or mostly upper case and short) and its number fits the outline: inside CAPÍTULO II a
line "7.1. Esté conformado por…" is a numbered paragraph of a quoted decree, not section 7.1.
"""

from __future__ import annotations

import re

from cps.documents.text import DocumentText, Line, Section, fold

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

CHAPTER = re.compile(
    r"^(?:cap[ií]tulo|t[ií]tulo)\s+([ivxlc]+|\d{1,2})\b[\s.:–-]*(.*)$", re.IGNORECASE
)
PART = re.compile(r"^(primera|segunda|tercera|cuarta|quinta)\s+parte\b[\s.:–-]*(.*)$", re.IGNORECASE)
NUMBERED = re.compile(
    r"^(?i:numeral\s+|secci[oó]n\s+)?(\d{1,2}(?:\.\d{1,2}){0,4}|[A-Z](?:\.\d{1,2}){1,4})\.?(?:\s+|(?=[A-ZÁÉÍÓÚÑ]))(.+)$"
)
KEYWORD_HEADING = re.compile(
    r"^(?:ART[IÍ]CULO|CL[AÁ]USULA)\s+(\d{1,2}|[A-ZÁÉÍÓÚ]+(?:\s+[A-ZÁÉÍÓÚ]+)?)\s*[.:º°\-–)]*\s+(.{3,140})$",
    re.IGNORECASE,
)
ORDINAL_HEADING = re.compile(r"^([A-ZÁÉÍÓÚ]+(?:\s+[A-ZÁÉÍÓÚ]+)?)\s*[:.\-–]+\s*(.{3,140})$")
UNIT_TITLE = re.compile(r"^(?:W|V|kV|kW|VA|mm|cm|m|km|kg|g|lb|%|K|lm|A|Hz|GB|MB|TB|oz|ml|l)\b")
ORDINAL_UNITS = {
    "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4,
    "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "septimo": 7, "septima": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9,
}
ORDINAL_WORDS = {
    **ORDINAL_UNITS, "decimo": 10, "decima": 10, "undecimo": 11, "undecima": 11, "duodecimo": 12, "duodecima": 12,
    "vigesimo": 20, "vigesima": 20, "trigesimo": 30, "trigesima": 30,
}


def ordinal_value(text: str) -> int | None:
    """``"QUINTO"`` → 5, ``"DÉCIMO PRIMERO"`` / ``"DECIMOPRIMERO"`` → 11, ``"VIGÉSIMA"`` → 20."""
    words = fold(text).split()
    if len(words) == 1:
        word = words[0]
        if word in ORDINAL_WORDS:
            return ORDINAL_WORDS[word]
        for prefix, base in (("decimo", 10), ("decima", 10), ("vigesimo", 20), ("vigesima", 20)):
            if word.startswith(prefix) and word[len(prefix) :] in ORDINAL_UNITS:
                return base + ORDINAL_UNITS[word[len(prefix) :]]
        return None
    if len(words) == 2 and words[0] in ("decimo", "decima", "vigesimo", "vigesima") and words[1] in ORDINAL_UNITS:
        return ORDINAL_WORDS[words[0]] + ORDINAL_UNITS[words[1]]
    return None


LETTER_CHAPTER = re.compile(r"^([A-Z])\.\s+([A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ ,;()/–-]{3,100})$")
NOT_SECTION_START = re.compile(
    r"^(?:art[ií]culo|art\.|par[aá]grafo|literal|inciso|nota)\b"
    # a date of a schedule written alone on its line: "9 de marzo de 2026"
    r"|^\d{1,2}\s+(?:de\s+)?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b",
    re.IGNORECASE,
)


def roman_to_int(text: str) -> int | None:
    text = text.upper()
    if not text or any(c not in ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = ROMAN[c]
        if i + 1 < len(text) and ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isupper()) / len(letters)


def _looks_like_heading(line: Line, title: str, number: str = "") -> bool:
    if len(title) > 160 or UNIT_TITLE.match(title):
        return False
    if not number.count(".") and re.search(r"\$\s*\d[\d.’',]*\s*$", title):
        return False  # "2 Matrícula inicial, placa y derechos de tránsito 1 $ 690.000": a row of a price table
    if line.heading or line.bold:
        return True
    if _upper_ratio(title) >= 0.7 and len(title) <= 130:
        return True
    # "1.1. Entidad contratante": a short numbered line in sentence case, alone on its line
    return "." in number and len(title) <= 70 and title[:1].isupper() and not title.rstrip().endswith((",", ";", ":"))


def _parts(number: str) -> tuple[int, ...]:
    """``"2.10.1"`` → (2, 10, 1); a letter level counts from A = 1 (``"B.4"`` → (2, 4))."""
    return tuple(int(p) if p.isdigit() else ord(p.upper()) - ord("A") + 1 for p in number.split("."))


def _fits(number: str, current: str | None, chapter: int | None) -> bool:
    """Does ``number`` continue the outline after ``current`` (inside chapter ``chapter``)?

    Chapter-prefixed numbering ("CAPÍTULO VII" → 7.1, 7.2) and continuous numbering (sections 1…33
    across chapters, with 9.1 under 9) are both accepted; a number that is neither a child of the
    current section nor in the current chapter is a numbered paragraph, not a section.
    """
    parts = _parts(number)
    prev = _parts(current) if current is not None else None
    if prev is not None and parts[: len(prev)] == prev and len(parts) == len(prev) + 1:
        return True  # a child of the current section
    if chapter is not None and len(parts) > 1 and parts[0] != chapter:
        return False
    if prev is None:
        return True
    for depth in range(min(len(prev), len(parts)), 0, -1):
        if parts[: depth - 1] == prev[: depth - 1] and len(parts) == depth and parts[depth - 1] > prev[depth - 1]:
            return True
    # the first subsection of the next top-level number, without a heading for it ("1.9" → "2.1")
    return chapter is None and parts[0] == prev[0] + 1 and all(p == 1 for p in parts[1:])


def _is_next(number: str, current: str | None) -> bool:
    """``number`` is the very next one after ``current``: first child, next sibling, or next top level."""
    parts = _parts(number)
    if current is None:
        return parts in ((1,), (1, 1))
    prev = _parts(current)
    if parts == (*prev, 1):
        return True
    for depth in range(len(prev), 0, -1):
        if parts == (*prev[: depth - 1], prev[depth - 1] + 1):
            return True
    # a top-level number skipped (a heading written without its number in between)
    return parts in ((prev[0] + 1, 1), (prev[0] + 2,))


UNNUMBERED = re.compile(r"^[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ ,;()/–-]{4,70}$")


# the header of a table column that a text export wrote on its own line ("SEGMENTO", "VALOR")
COLUMN_WORDS = {
    "segmento", "familia", "clase", "producto", "descripcion", "entrega", "pago", "cargo", "perfil", "rubro",
    "valor", "cantidad", "unidad", "item", "codigo", "nombre", "fecha", "actividad", "total", "concepto", "fuente",
    "amparo", "vigencia", "porcentaje", "riesgo", "contenido", "servicio", "bien", "probabilidad", "asignacion",
    "tratamiento", "mitigacion", "tipo", "lugar", "hora", "dedicacion", "suficiencia", "cotizante", "nit", "unidades",
}


def _column_header(text: str, following: str) -> bool:
    words = fold(text).split()
    if "secop" in words:
        return True  # a cell of a schedule ("SECOP II"), not a heading
    connectors = {"y", "de", "del", "la", "el", "por", "o", "e", "en"}
    content = [w.strip("()") for w in words if w.strip("()") not in connectors]
    return (bool(content) and all(w in COLUMN_WORDS for w in content)) or bool(re.fullmatch(r"[\d$.,%\s-]+", following.strip()))


def assign_sections(doc: DocumentText) -> None:
    """Find the headings of ``doc`` and set ``line.section`` on every line."""
    chapter_label: str | None = None
    chapter_no: int | None = None
    current: str | None = None
    label: str | None = None
    sections: list[Section] = []
    lines = doc.lines
    # in a document written in capitals a line in capitals is no sign of a heading
    prose = [line for line in lines if not line.is_table_row and len(line.text) > 40]
    all_caps = bool(prose) and sum(1 for line in prose if _upper_ratio(line.text) > 0.9) > 0.5 * len(prose)
    for idx, line in enumerate(lines):
        if line.is_table_row:
            line.section = label
            continue
        text = line.text.strip()
        m = CHAPTER.match(text)
        if m and (len(text) < 160) and _upper_ratio(text[:8]) > 0.5:
            chapter_number = roman_to_int(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
            title = m.group(2).strip()
            if not title and idx + 1 < len(lines) and len(lines[idx + 1].text) < 160:
                title = lines[idx + 1].text.strip()
            keyword = "TÍTULO" if fold(text).startswith("titulo") else "CAPÍTULO"
            chapter_label = f"{keyword} {m.group(1).upper()}"
            chapter_no = chapter_number
            current = None
            label = chapter_label
            sections.append(Section(number=chapter_label, title=title, line=line.number, page=line.page))
            line.section = label
            continue
        m = PART.match(text)
        if m and len(text) < 120 and _upper_ratio(text[:14]) > 0.5:
            # "SEGUNDA PARTE – INVITACIÓN PÚBLICA": estudios previos and invitation in one file, each
            # numbered from 1 (the part does not prefix the numbers, unlike a chapter)
            chapter_label = f"{m.group(1).upper()} PARTE"
            chapter_no = None
            current = None
            label = chapter_label
            sections.append(Section(number=chapter_label, title=m.group(2).strip(" –-.:") or text, line=line.number, page=line.page))
            line.section = label
            continue
        m = LETTER_CHAPTER.match(text)
        if m and _upper_ratio(text) > 0.8 and (not sections or not sections[-1].number[:1].isdigit()):
            # lettered chapters: "B. PROCEDIMIENTO DE SELECCIÓN" with sections B.1, B.2 …
            chapter_label = m.group(1)
            chapter_no = ord(m.group(1)) - ord("A") + 1
            current = None
            label = chapter_label
            sections.append(Section(number=chapter_label, title=m.group(2).strip(), line=line.number, page=line.page))
            line.section = label
            continue
        titled = KEYWORD_HEADING.match(text) or ORDINAL_HEADING.match(text)
        if titled and len(text) < 160 and _upper_ratio(titled.group(2)) >= 0.6:
            raw = titled.group(1)
            value = int(raw) if raw.isdigit() else ordinal_value(raw)
            if value is not None and (titled.re is KEYWORD_HEADING or _upper_ratio(raw) > 0.9):
                # "ARTÍCULO 9. OBLIGACIONES", "CLÁUSULA QUINTA: GARANTÍAS", "QUINTO: PLAZO …"
                current = str(value)
                label = current
                sections.append(Section(number=current, title=titled.group(2).strip(), line=line.number, page=line.page))
                line.section = label
                continue
        m = NUMBERED.match(text)
        if m and not NOT_SECTION_START.match(text):
            number, title = m.group(1), m.group(2).strip()
            fits = _fits(number, current, chapter_no)
            # "5. valor estimado del contrato", "2.1 clasificacion UNSPSC": a sloppy heading is still a
            # heading when it is exactly the next number of the outline and short
            sloppy = (
                fits
                and _is_next(number, current)
                and len(title) <= 70
                and not title.rstrip().endswith((".", ":", ",", ";"))
                and not UNIT_TITLE.match(title)
                and len(title.split()) >= 1
                and not re.search(r"\$\s*\d", title)  # a numbered row of a price table
            )
            # "38. EL SUPERVISOR CERTIFICARÁ…": a document that numbers every paragraph in sequence
            # (1 … 46, in capitals) makes each one a section of its own
            numbered_paragraph = (
                fits
                and current is not None
                and "." not in number
                and "." not in current
                and current.isdigit()
                and int(number) == int(current) + 1
                and _upper_ratio(title) >= 0.9
            )
            if (fits and _looks_like_heading(line, title, number)) or sloppy or numbered_paragraph:
                # a bare single number ("1.") is a heading when the source marks it as one or it is
                # written in capitals ("1. PRESENTACIÓN"), not a list item ("1. Objeto del contrato")
                if "." in number or line.heading or line.bold or chapter_no is None or _upper_ratio(title) >= 0.7:
                    current = number
                    label = number
                    paragraph = numbered_paragraph and not (_looks_like_heading(line, title, number) or sloppy)
                    sections.append(
                        Section(
                            number=number,
                            title=re.split(r"[.:;,]", title)[0][:60] if paragraph else title,
                            line=line.number,
                            page=line.page,
                            chapter=chapter_label,
                            runs_in=paragraph,
                        )
                    )
                    line.section = label
                    continue
        if line.heading and current is None and not NUMBERED.match(text) and not re.search(r"\d", text):
            # an unnumbered heading before any numbered section ("CONDICIONES GENERALES"); cover lines
            # in bold (entity, NIT, process number) are not sections
            if len(text) < 120 and chapter_label is None:
                label = text
                sections.append(Section(number=text, title=text, line=line.number, page=line.page))
        elif (
            current is not None
            and not all_caps
            and UNNUMBERED.match(text)
            and _upper_ratio(text) > 0.9
            and len(text.split()) <= 8
            and not _column_header(text, lines[idx + 1].text if idx + 1 < len(lines) else "")
        ):
            # an unnumbered heading inside the outline ("LUGAR DE EJECUCION" where a number is missing):
            # a section to look facts up by title; lines keep the label of the numbered section
            sections.append(Section(number=text, title=text, line=line.number, page=line.page, chapter=chapter_label))
        line.section = label
    doc.sections = sections
