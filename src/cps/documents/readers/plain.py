"""Plain text and Markdown: decoding (UTF-8, UTF-16, Windows-1252, repaired mojibake) and markup."""

from __future__ import annotations

import re

from cps.documents.text import RawLine
from cps.errors import InputError

_MOJIBAKE = re.compile("[ÃÂ][^\x00-\x7f]|â€")
_CP1252_BYTE = {chr(b).encode("latin-1").decode("cp1252", "ignore") or chr(b): b for b in range(256)}
_TAG = re.compile(r"</?(?:b|i|u|strong|em|span|br|p|font|sup|sub)\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*[.:]?\s*$")
_EMPH = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")


def decode(data: bytes, path: str) -> str:
    """Decode text bytes, guessing the encoding, and repair UTF-8 read as Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("el archivo dice ser UTF-16 pero no se puede leer", file=path) from exc
    elif b"\x00" in data[:4096]:
        raise InputError(
            "el archivo no es un documento de texto (contiene datos binarios); si es un PDF o un "
            "Word, use la extensión correcta",
            file=path,
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    control = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\t\n\r\f")
    if control > max(20, len(text[:20000]) // 100):
        raise InputError(
            "el archivo no es un documento de texto legible (demasiados caracteres de control)", file=path
        )
    return repair_mojibake(text)


def _undo(text: str) -> str:
    """The bytes a Windows-1252 (or Latin-1, for its 5 undefined bytes) decoding produced, read as UTF-8."""
    data = bytearray()
    for ch in text:
        byte = _CP1252_BYTE.get(ch)
        if byte is None:
            raise UnicodeEncodeError("cp1252", ch, 0, 1, "not a single-byte character")
        data.append(byte)
    return data.decode("utf-8")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 ("DESINFECCIÃ“N" → "DESINFECCIÓN"), up to twice."""
    for _ in range(2):
        marks = len(_MOJIBAKE.findall(text))
        if marks == 0:
            break
        try:
            fixed = _undo(text)
        except (UnicodeEncodeError, UnicodeDecodeError):
            # mixed content: repair line by line where possible
            lines = []
            for line in text.split("\n"):
                try:
                    lines.append(_undo(line) if _MOJIBAKE.search(line) else line)
                except (UnicodeEncodeError, UnicodeDecodeError):
                    lines.append(line)
            fixed = "\n".join(lines)
        if len(_MOJIBAKE.findall(fixed)) >= marks:
            break
        text = fixed
    return text


def clean_inline(text: str) -> str:
    text = _TAG.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPH.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text).strip()


RULER = re.compile(r"^[\s|+:=-]*-{3,}[\s|+:=-]*$")
CHUNK = re.compile(r"\S+(?: \S+)*")


def _ruler_spans(ruler: str) -> list[tuple[int, int]] | None:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[-=]{2,}", ruler)]
    return spans if len(spans) >= 2 else None


def _fixed_width_cells(raw: str, spans: list[tuple[int, int]]) -> list[str]:
    """Cells of a fixed-width table row: word groups assigned to the ruler's columns."""
    cells = [""] * len(spans)
    for m in re.finditer(r"\S+(?:\s\S+)*?(?=\s{2,}|$)", raw.rstrip()):
        start, end = m.start(), m.end()
        best = max(range(len(spans)), key=lambda i: min(end, spans[i][1]) - max(start, spans[i][0]))
        if min(end, spans[best][1]) - max(start, spans[best][0]) <= 0:
            best = min(range(len(spans)), key=lambda i: abs(spans[i][0] - start))
        cells[best] = (cells[best] + " " + m.group()).strip()
    return [clean_inline(c) for c in cells]


def _chunk_columns(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start position, column index) of each word group of a fixed-width row."""
    out = []
    for m in re.finditer(r"\S+(?:\s\S+)*?(?=\s{2,}|$)", raw.rstrip()):
        start, end = m.start(), m.end()
        best = max(range(len(spans)), key=lambda i: min(end, spans[i][1]) - max(start, spans[i][0]))
        out.append((start, best))
    return out


def _pipe_cells(raw: str) -> list[str] | None:
    if raw.count("|") < 2 or (raw.strip().startswith(("|-", "|:")) and RULER.match(raw)):
        return None
    cells = [clean_inline(c) for c in raw.strip().strip("|").split("|")]
    return cells if len([c for c in cells if c]) >= 2 else None


LIST_OR_HEADING = re.compile(
    r"^\s*(?:[-•●▪◦■*o]\s|\(?[a-zA-Z]\)\s|[a-zA-Z]\.\s|\d{1,2}(?:\.\d{1,2}){1,4}\.?\s|\d{1,2}[.)]\s|[IVXLC]+\.\s|"
    r"(?:cap[ií]tulo|t[ií]tulo|art[ií]culo|cl[aá]usula|par[aá]grafo|nota)\b)",
    re.IGNORECASE,
)
SPACED = re.compile(r"\S(?: {2,}|\t)\S")


def _wrap_width(raws: list[str]) -> int | None:
    """The column where a hard-wrapped text export breaks its lines, when it is one."""
    # prose lines only: the rows of a space-aligned table (pdftotext -layout) are longer
    lengths = [len(r.rstrip()) for r in raws if r.strip() and not SPACED.search(r.strip())]
    if len(lengths) < 20:
        return None
    width = sorted(lengths)[int(len(lengths) * 0.95)]
    if not 50 <= width <= 130:
        return None
    near = sum(1 for n in lengths if width - 12 <= n <= width)
    # measured against the prose lines: a pdftotext export also has many short table cells
    prose = sum(1 for n in lengths if n >= 40)
    return width if near >= 8 and near >= 0.25 * prose else None


# words a line cannot end a sentence with: the paragraph goes on below
CONTINUES = re.compile(
    r"\b(?:de|del|la|las|el|los|y|e|o|u|a|al|en|con|por|para|que|un|una|su|sus|ni|se|sin|sobre|entre|como)\s*$", re.IGNORECASE
)
NUMBER_WORD = re.compile(
    r"(?:un|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|veinte|treinta|cuarenta|"
    r"cincuenta|sesenta|setenta|ochenta|noventa|ciento|cien|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|"
    r"setecientos|ochocientos|novecientos|mil|millones|mill[oó]n|y|de|pesos)",
    re.IGNORECASE,
)


def _continues(previous: str, following: str) -> bool:
    """A shorter line (a justified PDF line holds fewer, longer words) still continues when the next
    one starts in lower case, when it ends on a word that cannot end a sentence, or in the middle of
    an amount in words ("…CUATROCIENTOS / OCHENTA MIL…")."""
    if re.search(r"[.:;]\s*$", previous):
        return False
    if following[:1].islower() or CONTINUES.search(previous):
        return True
    return _amount_goes_on(previous, following)


def _amount_goes_on(previous: str, following: str) -> bool:
    """"…NOVECIENTOS / TREINTA Y CINCO MIL…", "…MILLONES DE PESOS / M/CTE ($45.000.000)…"."""
    last = previous.split()[-1] if previous.split() else ""
    first = following.split()[0] if following.split() else ""
    if not NUMBER_WORD.fullmatch(last):
        return False
    return bool(NUMBER_WORD.fullmatch(first) or re.match(r"(?i)(?:m/?cte|mcte|moneda\b|\(\s*\$|\$)", first))


def _unwrap(raws: list[str]) -> tuple[list[str], list[int]]:
    """Join the lines of a hard-wrapped text back into paragraphs (and hyphenated words).

    Returns the new lines and, for each, the 1-based number of its first original line.
    """
    width = _wrap_width(raws)
    if width is None:
        return raws, list(range(1, len(raws) + 1))
    out: list[str] = []
    origin: list[int] = []
    joinable = False  # the last line reaches the wrap column
    shorter = False  # the last line is a shorter prose line that may still continue
    for number, raw in enumerate(raws, start=1):
        stripped = raw.strip()
        body = re.sub(r"^[-•●▪◦■*]\s+", "", stripped)
        can_continue = bool(
            (joinable or (shorter and bool(stripped) and _continues(out[-1].rstrip(), stripped)))
            and stripped
            and "\f" not in raw  # a new page: the form feed must survive (a cut paragraph is joined later)
            and not LIST_OR_HEADING.match(stripped)
            and not SPACED.search(body)
            # an indented line starts something else, unless it goes on with an amount in words
            # (a centred cover: "…NOVECIENTOS / TREINTA Y CINCO MIL…")
            and (not raw.startswith(" " * 8) or _amount_goes_on(out[-1].rstrip(), stripped))
        )
        if can_continue:
            previous = out[-1].rstrip()
            if re.search(r"[A-Za-zÁÉÍÓÚáéíóúñÑ]-$", previous) and stripped[:1].islower():
                out[-1] = previous[:-1] + stripped  # "artí-" + "culo"
            else:
                out[-1] = previous + " " + stripped
        else:
            out.append(raw)
            origin.append(number)
        current = out[-1].rstrip()
        prose = bool(stripped) and not SPACED.search(re.sub(r"^[-•●▪◦■*]\s+", "", stripped)) and not current.endswith(":")
        joinable = prose and len(raw.rstrip()) >= width - 14
        shorter = prose and not joinable and len(raw.rstrip()) >= width * 0.6
    return out, origin


def _gap_spans(block: list[str]) -> list[tuple[int, int]] | None:
    """Columns of a space-aligned table from the gaps that are blank in every line of it (two or more
    spaces wide): values need not start where their header does (pdftotext -layout centres some)."""
    width = max(len(line.rstrip()) for line in block)
    blank = [all(c >= len(line) or line[c] == " " for line in block) for c in range(width)]
    starts: list[int] = []
    run = 0
    for c in range(width):
        if blank[c]:
            run += 1
            continue
        if not starts or run >= 2:
            starts.append(c)
        run = 0
    if len(starts) < 2:
        return None
    return [(a, (starts[k + 1] - 1 if k + 1 < len(starts) else 10_000)) for k, a in enumerate(starts)]


def _aligned_tables(raws: list[str]) -> dict[int, list[tuple[int, int]]]:
    """Space-aligned tables without a ruler: a header line with 3+ columns separated by two or more
    spaces, the rows under it; returns line index → column spans (from the header)."""
    spans_by_line: dict[int, list[tuple[int, int]]] = {}
    i = 0
    while i < len(raws):
        raw = raws[i]
        chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", raw)]
        if len(chunks) >= 3 and all(raw[a:b].strip() for a, b in chunks) and len(re.findall(r" {2,}", raw.strip())) >= 2:
            # at least one row below with 2+ chunks
            rows = []
            j = i + 1
            while j < len(raws) and raws[j].strip():
                row_chunks = re.findall(r"\S+(?: \S+)*", raws[j])
                if len(row_chunks) >= 2 or (raws[j].startswith("  ") and row_chunks):
                    rows.append(j)
                    j += 1
                else:
                    break
            if len(rows) >= 1 and any(len(re.findall(r"\S+(?: \S+)*", raws[r])) >= 3 for r in rows):
                starts = [a for a, _ in chunks]
                spans = _gap_spans([raw] + [raws[r] for r in rows]) or [
                    (a, (starts[k + 1] - 1 if k + 1 < len(starts) else 10_000)) for k, a in enumerate(starts)
                ]
                spans_by_line[i] = spans
                for r in rows:
                    spans_by_line[r] = spans
                i = j
                continue
        i += 1
    return spans_by_line


BARE_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3}\.)\s*$")


def _join_bare_numbers(raws: list[str]) -> None:
    """Word's automatic numbering in plain pdftotext output: "1." alone, the title ("OBJETO") a few
    lines below, sometimes after a table column. Put the number back in front of its title (in place)."""
    for i, raw in enumerate(raws):
        m = BARE_NUMBER.match(raw)
        if m is None:
            continue
        for j in range(i + 1, min(len(raws), i + 25)):
            candidate = raws[j].strip()
            if BARE_NUMBER.match(candidate):
                break
            letters = [c for c in candidate if c.isalpha()]
            if (
                candidate
                and len(candidate) <= 90
                and len(letters) >= 3
                and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
                and not re.search(r"\d", candidate)
            ):
                raws[j] = f"{m.group(1)} {candidate}"
                raws[i] = ""
                break


def _column_blocks(raws: list[str]) -> dict[int, tuple[list[list[str]], set[int]]]:
    """A table that pdftotext wrote column by column: blocks separated by blank lines, each a header
    and the same number of short values ("Segmento / 82000000 / 82000000…", "Familia / …").
    Returns index of the first line → (rows, with the header first; indices the rows replace)."""
    blocks: list[tuple[int, list[int]]] = []
    i = 0
    while i < len(raws):
        if not raws[i].strip():
            i += 1
            continue
        start = i
        members = []
        while i < len(raws) and raws[i].strip():
            members.append(i)
            i += 1
        blocks.append((start, members))
    found: dict[int, tuple[list[list[str]], set[int]]] = {}
    k = 0
    while k < len(blocks):
        size = len(blocks[k][1])
        first = blocks[k]
        if k + 1 < len(blocks) and 3 <= len(blocks[k + 1][1]) < size:
            # the first column glued to the paragraph above it (no blank line after a heading)
            size = len(blocks[k + 1][1])
            first = (first[1][-size], first[1][-size:])
        run = [first]
        while k + len(run) < len(blocks) and len(blocks[k + len(run)][1]) == size:
            run.append(blocks[k + len(run)])
        columns = [[raws[j].strip() for j in members] for _, members in run]
        if any("\f" in raws[j] for _, members in run for j in members):
            k += 1
            continue  # a page break inside: keep the lines (and the page count) as they are
        numeric_columns = sum(1 for column in columns if all(re.fullmatch(r"[\d$.,%\s]+", v) for v in column[1:]))
        if (
            (len(run) >= 3 or (len(run) == 2 and numeric_columns == 1 and size >= 4))
            and size >= 3
            and all(len(value) <= 60 for column in columns for value in column)
            and all(not re.search(r"\d", column[0]) and not column[0].endswith((".", ":")) for column in columns)
            and sum(1 for column in columns if all(re.fullmatch(r"[\d$.,%\s]+", v) for v in column[1:])) >= 1
        ):
            rows = [[column[r] for column in columns] for r in range(size)]
            used = {j for _, members in run for j in members}
            found[run[0][0]] = (rows, used)
            k += len(run)
            continue
        k += 1
    return found


SECTION_START = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?(?:\s|$)")


def _label_cut(line: str, column: int) -> int | None:
    """Where the left label of a two-column line ends: at a gap of two or more spaces near the text
    column, or before the first mixed-case word near it ("1. DESCRIPCIÓN DE LA La Alcaldía…", the
    label being in capitals); the whole line when it is only a label."""
    if len(line.rstrip()) < column:
        return len(line.rstrip()) if _upper(line) else None
    for m in re.finditer(r" {2,}", line[: column + 4]):
        if column - 5 <= m.end() <= column + 4:
            return m.end()
    for m in re.finditer(r"(?<= )\S+", line[: column + 3]):
        if column - 8 <= m.start() <= column + 2 and re.search(r"[a-záéíóúñ]", m.group()) and _upper(line[: m.start()]):
            return m.start()
    return None


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _margin_labels(raws: list[str]) -> list[str]:
    """A two-column layout that pdftotext -layout writes from estudios previos laid out as a table:
    headings in a narrow left column ("2. OBJETO A / CONTRATAR"), the text in the right one, starting
    at the same column on every line. Returns the lines with each heading on its own line before its
    text and the text moved to the left margin; other documents come back unchanged."""
    starts = [len(r) - len(r.lstrip(" ")) for r in raws if r.strip() and "\f" not in r]
    indented = [n for n in starts if 15 <= n <= 40]
    if len(indented) < 10 or len(indented) < 0.25 * len(starts):
        return raws
    column = max(set(indented), key=indented.count)
    labelled = 0
    for r in raws:
        if r[:1].strip() and len(r) > column and r[column - 1] == " " and r[column].strip() and len(r[:column].rstrip()) < column - 1:
            labelled += 1
    if labelled < 3:
        return raws
    out: list[str] = []
    heading_at: int | None = None
    for r in raws:
        lead = len(r) - len(r.lstrip(" "))
        if r[:1].strip() and "\f" not in r:
            cut = _label_cut(r, column)
            left = r[:cut].rstrip() if cut is not None else None
            if left is not None and (SECTION_START.match(left) or heading_at is not None):
                if SECTION_START.match(left) or heading_at is None:
                    out.append(left.strip())
                    heading_at = len(out) - 1
                else:
                    out[heading_at] = f"{out[heading_at]} {left.strip()}"  # the heading wraps in its column
                # the text keeps its position relative to the text column (an inner table stays aligned)
                right = (" " * max(0, cut - column) + r[cut:]) if cut is not None else ""
                if right.strip():
                    out.append(right)
                continue
        out.append(r[column:] if lead >= column - 2 else r)
    return out


def read_plain(data: bytes, path: str) -> list[RawLine]:
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    raws, origin = _unwrap(_margin_labels(text.split("\n")))
    _join_bare_numbers(raws)
    column_tables = _column_blocks(raws) if "\t" not in text else {}
    replaced = {j for _, used in column_tables.values() for j in used}
    # fixed-width tables: a ruler of dashes under the header gives the columns
    table_spans: dict[int, list[tuple[int, int]]] = {}
    for i, raw in enumerate(raws):
        if "\t" in raw or not RULER.match(raw) or "|" in raw:
            continue
        spans = _ruler_spans(raw)
        if spans is None:
            continue
        header = i - 1
        while header >= 0 and not raws[header].strip():
            header -= 1
        if header >= 0:
            table_spans[header] = spans
        j = i + 1
        while j < len(raws) and raws[j].strip() and not RULER.match(raws[j]):
            table_spans[j] = spans
            j += 1
    if "\t" not in text:
        for index, spans in _aligned_tables(raws).items():
            table_spans.setdefault(index, spans)
    out: list[RawLine] = []
    last_row_starts: list[tuple[int, int]] = []
    page: int | None = 1 if "\f" in text else None
    for index, raw in enumerate(raws):
        number = origin[index]
        if index in column_tables:
            for cells in column_tables[index][0]:
                out.append(RawLine(text=" ".join(c for c in cells if c), page=page, cells=cells, source_line=number))
            continue
        if index in replaced:
            continue
        if RULER.match(raw) and raw.strip():
            continue  # a table ruler or a Markdown table separator
        if index in table_spans and "\f" not in raw:
            cells = _fixed_width_cells(raw, table_spans[index])
            filled = [c for c in cells if c]
            # a row whose every cell starts in lower case continues the cells of the row above
            # (pdftotext -layout wraps long cells: "Buen manejo y correcta inversión / del anticipo")
            continuation = (
                bool(filled) and all(c[:1].islower() for c in filled) and out and out[-1].cells is not None and "\f" not in raw
            )
            if continuation:
                row = list(out[-1].cells or [])
                for k, cell in enumerate(cells):
                    if cell and k < len(row):
                        row[k] = (row[k] + " " + cell).strip()
                out[-1] = RawLine(text=" ".join(c for c in row if c), page=out[-1].page, cells=row, source_line=out[-1].source_line)
                continue
            if len(filled) >= 2:
                out.append(RawLine(text=" ".join(filled), page=page, cells=cells, source_line=number))
                last_row_starts = _chunk_columns(raw, table_spans[index])
                continue
            if filled and out and out[-1].cells is not None and raw.startswith("  ") and last_row_starts:
                # a wrapped cell: its words continue the cell of the row above that starts nearest
                row = list(out[-1].cells)
                for m in re.finditer(r"\S+(?: \S+)*", raw):
                    k = min(range(len(last_row_starts)), key=lambda i: abs(last_row_starts[i][0] - m.start()))
                    col = last_row_starts[k][1]
                    if col < len(row):
                        row[col] = (row[col] + " " + m.group()).strip()
                out[-1] = RawLine(text=" ".join(c for c in row if c), page=out[-1].page, cells=row,
                                  source_line=out[-1].source_line)
                continue
        pipe = _pipe_cells(raw) if "\f" not in raw else None
        if pipe is not None:
            out.append(RawLine(text=" ".join(c for c in pipe if c), page=page, cells=pipe, source_line=number))
            continue
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i:
                page = (page or 1) + 1
            if part.strip():
                line = _line(part, page)
                line.source_line = number
                out.append(line)
    return out


def _line(raw: str, page: int | None) -> RawLine:
    heading = False
    bold = False
    m = _MD_HEADING.match(raw)
    if m:
        heading = True
        raw = m.group(2)
    if "\t" in raw.strip("\t ") or raw.count("\t") >= 2:
        cells = [clean_inline(c) for c in raw.split("\t")]
        # drop the empty edges produced by leading/trailing tabs but keep inner empty cells
        while cells and not cells[0]:
            cells.pop(0)
        while cells and not cells[-1]:
            cells.pop()
        if len([c for c in cells if c]) >= 2:
            return RawLine(text=" ".join(c for c in cells if c), page=page, cells=cells)
    stripped = re.sub(r"<[^>]+>", "", raw)
    if _BOLD_LINE.match(stripped) and "**" not in _BOLD_LINE.match(stripped).group(1):  # type: ignore[union-attr]
        bold = True
    if re.fullmatch(r"\s*(?:<b>.*</b>\s*)+", raw, flags=re.IGNORECASE):
        bold = True
    return RawLine(text=clean_inline(raw), page=page, heading=heading, bold=bold)
