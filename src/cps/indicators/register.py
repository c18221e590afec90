"""The entity's own register of processes it marks as having sustainability criteria.

SECOP II has no CPS metadata beyond two contract flags, so an entity may keep its own list. The
register is a small CSV (or text file) with one process per row: a column titled «ID del Proceso»
(``id_del_proceso``) or, without a title row, the ids in the first column. Either the process id
(``CO1.REQ.…``) or the portfolio id (``CO1.BDOS.…``, «ID del Portafolio») identifies a process.
Other columns (a note, the criterion applied, the date) are kept by the entity and ignored here.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from cps.errors import InputError
from cps.indicators.readers import UTF8_HINT, sniff_delimiter
from cps.indicators.schema import fold_header

ID_HEADERS = (
    "id del proceso",
    "id proceso",
    "id del portafolio",
    "id portafolio",
    "proceso de compra",
    "proceso",
    "id",
)
SECOP_ID = re.compile(r"^CO1\.[A-Z]+\.\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class Register:
    path: Path
    ids: tuple[str, ...]  # as written, in file order, blanks removed (duplicates kept)
    column: str | None  # title of the id column, None when the file has no title row

    @property
    def distinct_keys(self) -> list[str]:
        seen: dict[str, None] = {}
        for i in self.ids:
            seen.setdefault(i.upper(), None)
        return list(seen)


def read_register(path: str | Path) -> Register:
    p = Path(path)
    if not p.exists():
        raise InputError("el archivo del registro propio no existe", file=str(path))
    if p.is_dir():
        raise InputError("se esperaba un archivo y es una carpeta", file=str(path))
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(f"el registro no está en UTF-8; {UTF8_HINT}", file=str(path), line=line) from None
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), None)
    if first is None:
        return Register(path=p, ids=(), column=None)
    delimiter = sniff_delimiter(first)
    rows = list(csv.reader(lines, delimiter=delimiter))
    header_index = next(i for i, row in enumerate(rows) if any(c.strip() for c in row))
    header = [c.strip() for c in rows[header_index]]
    column_index: int | None = None
    for wanted in ID_HEADERS:  # the most specific title wins
        for index, title in enumerate(header):
            if fold_header(title) == wanted:
                column_index = index
                break
        if column_index is not None:
            break
    if column_index is not None:
        column: str | None = header[column_index]
        body = rows[header_index + 1 :]
        first_line = header_index + 2
    elif header and SECOP_ID.match(header[0]):
        column, column_index = None, 0
        body = rows[header_index:]
        first_line = header_index + 1
    else:
        raise InputError(
            "no se encontró la columna «ID del Proceso»; el registro lleva una fila de títulos con esa "
            "columna, o solo los ID (CO1.REQ.… o CO1.BDOS.…) en la primera columna",
            file=str(path),
            line=header_index + 1,
        )
    ids: list[str] = []
    for offset, row in enumerate(body):
        if not any(c.strip() for c in row):
            continue
        if column_index >= len(row):
            raise InputError(
                f"la fila no tiene la columna «{column or 'ID'}»", file=str(path), line=first_line + offset
            )
        value = row[column_index].strip()
        if value:
            ids.append(value)
    return Register(path=p, ids=tuple(ids), column=column)
