"""Readers for SECOP II extracts: JSON lines (datos.gov.co API) and CSV (portal export).

The readers do not loop over rows: they check the header (CSV) or a sample of records (JSON),
then hand DuckDB a ``SELECT`` that reads the file with every column as text and renames the
columns to their API names. Whole-file work happens in DuckDB (:mod:`cps.indicators.compute`).
When DuckDB rejects a file, :func:`explain_failure` finds the first bad line and reports it in
Spanish (encoding, broken JSON, a line that is not an object, wrong number of columns).
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from cps.errors import InputError
from cps.indicators.schema import USED_FIELDS, Dataset, DatasetName, dataset

Format = Literal["jsonl", "json_array", "csv"]
JSON_SAMPLE_LINES = 2000
CSV_DELIMITERS = (",", ";", "\t", "|")
UTF8_HINT = "guarde el archivo con codificación UTF-8 (en Excel: «CSV UTF-8»)"


@dataclass
class Source:
    """One extract ready to be scanned by DuckDB."""

    path: Path
    dataset: Dataset
    format: Format
    select_sql: str  # SELECT … with the used fields as VARCHAR columns named by their API names
    columns_found: list[str] = field(default_factory=list)  # API names present in the header/sample
    unknown_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def format_label(self) -> str:
        return {"jsonl": "JSON lines (API)", "json_array": "JSON (API)", "csv": "CSV (portal)"}[self.format]


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_ident(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def open_source(path: str | Path, name: DatasetName) -> Source:
    """Check ``path`` and prepare the DuckDB query that reads it as dataset ``name``."""
    p = Path(path)
    ds = dataset(name)
    if not p.exists():
        raise InputError(f"el archivo de {ds.label} no existe", file=str(path))
    if p.is_dir():
        raise InputError("se esperaba un archivo y es una carpeta", file=str(path))
    fmt = detect_format(p)
    if fmt == "csv":
        return _csv_source(p, ds)
    return _json_source(p, ds, fmt)


def detect_format(path: Path) -> Format:
    """By the first significant byte: ``{`` JSON lines, ``[`` JSON array, anything else CSV."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json_array"
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        # an empty extract (the API returned no rows) is a valid, empty JSON-lines file
        if not stripped:
            return "jsonl"
        raise InputError(
            "el archivo tiene extensión JSON pero no empieza por «{» ni por «[»", file=str(path), line=1
        )
    return "csv"


# --------------------------------------------------------------------------- CSV


def _csv_source(path: Path, ds: Dataset) -> Source:
    header_line = _first_line(path)
    if header_line is None:
        raise InputError(
            f"el archivo está vacío: se esperaba la fila de títulos de {ds.label}", file=str(path), line=1
        )
    delimiter = sniff_delimiter(header_line)
    headers = next(csv.reader([header_line], delimiter=delimiter))
    headers = [h.strip() for h in headers]
    mapped: dict[str, int] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        api = ds.resolve(header)
        if api is None:
            if header:
                unknown.append(header)
            continue
        if api in mapped:
            raise InputError(
                f"la columna «{header}» está repetida (ya estaba «{headers[mapped[api]]}»)",
                file=str(path),
                field=header,
                line=1,
            )
        mapped[api] = index
    for f in ds.required:
        if f.api not in mapped:
            hint = ds.suggest(f.api, unknown)
            extra = f"; ¿quiso decir «{hint}»?" if hint else ""
            raise InputError(
                f"falta la columna «{f.title}» (campo {f.api} de {ds.label}){extra}. "
                f"Columnas encontradas: {', '.join(h for h in headers if h) or 'ninguna'}",
                file=str(path),
                field=f.title,
                line=1,
            )
    columns = ", ".join(f"{sql_ident(f'c{i}')}: 'VARCHAR'" for i in range(len(headers)))
    reader = (
        f"read_csv({sql_string(str(path))}, auto_detect=false, header=false, skip=1, "
        f"delim={sql_string(delimiter)}, quote='\"', escape='\"', columns={{{columns}}})"
    )
    select = ", ".join(
        f"{sql_ident(f'c{mapped[api]}') if api in mapped else 'NULL::VARCHAR'} AS {sql_ident(api)}"
        for api in USED_FIELDS[ds.name]
    )
    warnings = []
    if unknown:
        warnings.append(
            f"{path.name}: columnas que no son de {ds.label} (se ignoran): {', '.join(unknown[:12])}"
            + ("…" if len(unknown) > 12 else "")
        )
    return Source(
        path=path,
        dataset=ds,
        format="csv",
        select_sql=f"SELECT {select} FROM {reader}",
        columns_found=sorted(mapped),
        unknown_columns=unknown,
        warnings=warnings,
    )


def _first_line(path: Path) -> str | None:
    """The header line, decoded (BOM removed); ``None`` for an empty file."""
    with path.open("rb") as fh:
        raw = fh.readline(1 << 20)
    if not raw.strip():
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"la fila de títulos no está en UTF-8 (byte 0x{raw[error.start]:02X} en la columna "
            f"{error.start + 1}); {UTF8_HINT}",
            file=str(path),
            line=1,
        ) from None
    return text.rstrip("\r\n")


def sniff_delimiter(header: str) -> str:
    counts = {d: _count_outside_quotes(header, d) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(text: str, char: str) -> int:
    count, quoted = 0, False
    for c in text:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


# --------------------------------------------------------------------------- JSON


def _json_source(path: Path, ds: Dataset, fmt: Format) -> Source:
    keys = _sample_keys(path) if fmt == "jsonl" else set()
    file_key: dict[str, str] = {}  # API name → key as written in the file
    unknown: list[str] = []
    for key in sorted(keys):
        api = ds.resolve(key)
        if api is None:
            unknown.append(key)
        elif api not in file_key or key == api:
            file_key[api] = key
    columns: dict[str, str] = {}
    for api in USED_FIELDS[ds.name]:
        columns[file_key.get(api, api)] = api
    spec = ", ".join(f"{sql_string(k)}: 'VARCHAR'" for k in columns)
    json_format = "newline_delimited" if fmt == "jsonl" else "array"
    reader = (
        f"read_json({sql_string(str(path))}, format='{json_format}', records=true, "
        f"columns={{{spec}}}, maximum_object_size=16777216)"
    )
    select = ", ".join(f"{sql_ident(k)} AS {sql_ident(api)}" for k, api in columns.items())
    warnings = []
    if unknown:
        warnings.append(
            f"{path.name}: claves que no son de {ds.label} (se ignoran): {', '.join(unknown[:12])}"
            + ("…" if len(unknown) > 12 else "")
        )
    return Source(
        path=path,
        dataset=ds,
        format=fmt,
        select_sql=f"SELECT {select} FROM {reader}",
        columns_found=sorted(file_key),
        unknown_columns=unknown,
        warnings=warnings,
    )


def _sample_keys(path: Path) -> set[str]:
    """Keys of the first records (decoding problems are left to DuckDB and explain_failure)."""
    keys: set[str] = set()
    with path.open("rb") as fh:
        for n, raw in enumerate(fh):
            if n >= JSON_SAMPLE_LINES:
                break
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError):
                continue
            if isinstance(record, dict):
                keys.update(record)
    return keys


# --------------------------------------------------------------------------- failures


_JSON_ERRORS_ES = {
    "Expecting value": "se esperaba un valor",
    "Expecting property name enclosed in double quotes": "se esperaba el nombre de una clave entre comillas dobles",
    "Expecting ',' delimiter": "falta una coma",
    "Expecting ':' delimiter": "faltan los dos puntos después de la clave",
    "Unterminated string starting at": "hay un texto sin comilla de cierre",
    "Extra data": "hay contenido de más después del objeto",
    "Invalid control character at": "hay un carácter de control dentro de un texto",
    "Invalid \\escape": "hay una secuencia de escape no válida",
}


def explain_failure(source: Source, message: str) -> InputError:
    """Turn a DuckDB read error into a Spanish message that names the file and the line."""
    path = source.path
    found: tuple[int | None, int | None, str] | None = None
    if source.format == "jsonl":
        found = _find_bad_json_line(path)
    if source.format == "json_array":
        found = _find_bad_json_array(path)
    if source.format == "csv":
        found = _find_bad_csv_line(path, message)
    if found is not None:
        line, column, text = found
        where = f" (columna {column})" if column else ""
        return InputError(f"{text}{where}", file=str(path), line=line)
    hint = re.search(r"[Ll]ine:? (\d+)", message)
    first = message.strip().splitlines()[0] if message.strip() else "error desconocido"
    return InputError(
        f"no se pudo leer como {source.dataset.label} ({first})",
        file=str(path),
        line=int(hint.group(1)) if hint else None,
    )


def _find_bad_json_line(path: Path) -> tuple[int, int | None, str] | None:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                return number, error.start + 1, (
                    f"el texto no está en UTF-8 (byte 0x{raw[error.start]:02X}); {UTF8_HINT}"
                )
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                return number, error.colno, f"la línea no es JSON válido: {_json_reason(error.msg)}"
            if not isinstance(record, dict):
                return number, None, (
                    "la línea no es un objeto JSON {…}; cada línea debe ser un registro de la API de datos.gov.co"
                )
    return None


def _find_bad_json_array(path: Path) -> tuple[int | None, int | None, str] | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return line, None, f"el texto no está en UTF-8 (byte 0x{data[error.start]:02X}); {UTF8_HINT}"
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        return error.lineno, error.colno, f"el archivo no es JSON válido: {_json_reason(error.msg)}"
    if not isinstance(records, list):
        return 1, None, "se esperaba una lista de registros [ {…}, {…} ]"
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            return None, None, f"el elemento {index} de la lista no es un objeto {{…}}"
    return None


def _json_reason(msg: str) -> str:
    for english, spanish in _JSON_ERRORS_ES.items():
        if msg.startswith(english):
            return spanish
    return msg


def _find_bad_csv_line(path: Path, message: str) -> tuple[int, int | None, str] | None:
    # 1. encoding: the first physical line that is not UTF-8
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    continue
                return number, error.start + 1, (
                    f"el texto no está en UTF-8 (byte 0x{raw[error.start]:02X}); {UTF8_HINT}"
                )
    # 2. structure: a record with a different number of fields than the header
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header_line = fh.readline()
        delimiter = sniff_delimiter(header_line.rstrip("\r\n"))
        expected = len(next(csv.reader([header_line], delimiter=delimiter)))
        reader = csv.reader(fh, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
        consumed = 0  # physical lines read after the header
        try:
            for row in reader:
                if row and len(row) != expected:
                    return consumed + 2, None, (
                        f"la fila tiene {len(row)} columnas y el encabezado {expected}; revise separadores "
                        "y comillas"
                    )
                consumed = reader.line_num
        except csv.Error as error:
            return consumed + 2, None, f"el CSV está mal formado ({error})"
    hint = re.search(r"Line: (\d+)", message)
    if hint:
        return int(hint.group(1)), None, "DuckDB no pudo leer esta línea del CSV"
    return None
