"""The DuckDB layer: connection, cleaning macros and the single scan of each extract.

Each file is read once. The scan of Procesos keeps, for every row, only the normalised NIT and a
few flags, and the raw text of the columns the computation needs only for the entity's rows; the
scan of Contratos keeps four short columns. Cleaning (sentinels, accents, amounts, dates) runs
afterwards on those small in-memory tables, never over other entities' rows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb

from cps.errors import InputError
from cps.indicators import readers
from cps.indicators.schema import vocabulary

DEFAULT_MEMORY_LIMIT = "1GB"

DATE_FORMATS = (
    "%Y-%m-%dT%H:%M:%S.%g",  # API: 2025-08-21T00:00:00.000
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%m/%d/%Y %I:%M:%S %p",  # portal CSV export: 08/21/2025 12:00:00 AM
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%d/%m/%Y",  # a hand-edited extract with the day first (only when the month would be > 12)
    "%Y %b %d %I:%M:%S %p",  # 2026 Mar 25 12:00:00 AM
    "%Y %b %d",
)

# Columns kept for the entity's rows only: cleaned where the computation groups and sums them,
# raw where they are only shown to the user (fetched by row for the short lists).
PROCESOS_KEPT = (
    ("id", "cps_clean(id_del_proceso)"),
    ("portfolio", "cps_clean(id_del_portafolio)"),
    ("year", "cps_year(fecha_de_publicacion_del)"),
    ("value", "cps_money(precio_base)"),
    ("state", "cps_fold(estado_del_procedimiento)"),
    ("modality_raw", "cps_clean(modalidad_de_contratacion)"),
    ("unspsc", r"nullif(regexp_extract(codigo_principal_de_categoria, '(\d{6,8})', 1), '')"),
    ("last_published_raw", "fecha_de_ultima_publicaci"),
    ("date_raw", "fecha_de_publicacion_del"),
    ("value_raw", "precio_base"),
    ("reference_raw", "referencia_del_proceso"),
    ("name_raw", "nombre_del_procedimiento"),
    ("url_raw", "urlproceso"),
)

# identity keys of each dataset → the flag column the scan keeps for them
IDENTITY_FLAGS = {
    "nit_entidad": "has_nit_key",
    "id_del_proceso": "has_id_key",
    "fecha_de_publicacion_del": "has_date_key",
    "proceso_de_compra": "has_pc_key",
}


@contextmanager
def connection(threads: int | None = None, memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB that spills to a private temporary folder, removed afterwards."""
    spill = tempfile.mkdtemp(prefix="cps-indicators-")
    config: dict[str, Any] = {
        "memory_limit": memory_limit or os.environ.get("CPS_DUCKDB_MEMORY", DEFAULT_MEMORY_LIMIT),
        "temp_directory": spill,
        "preserve_insertion_order": True,  # rowid follows the file order (used to break ties)
    }
    if threads:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    try:
        con.execute("SET enable_progress_bar = false")  # stderr belongs to the command's messages
        define_macros(con)
        yield con
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)


def sql_list(values: tuple[str, ...] | list[str]) -> str:
    """``('a', 'b')`` for ``IN`` on small tables."""
    return "(" + ", ".join(readers.sql_string(v) for v in values) + ")" if values else "(NULL)"


def sql_array(values: tuple[str, ...] | list[str]) -> str:
    """A list literal for ``list_contains`` (evaluated lazily inside CASE, unlike ``IN (…)``)."""
    return "[" + ", ".join(readers.sql_string(v) for v in values) + "]::VARCHAR[]"


def define_macros(con: duckdb.DuckDBPyConnection) -> None:
    voc = vocabulary()
    empty = sql_array(["", *voc.sentinels])
    longest = max(len(v) for v in voc.sentinels)
    formats = "[" + ", ".join(readers.sql_string(f) for f in DATE_FORMATS) + "]"
    # accent- and case-insensitive form of a value ("  SÍ " → "si"), NULL when empty
    con.execute("CREATE MACRO cps_fold(x) AS nullif(lower(strip_accents(trim(x))), '')")
    # the value without surrounding spaces, NULL when empty or a sentinel ("No Definido", "N/D"…)
    con.execute(
        f"CREATE MACRO cps_clean(x) AS CASE WHEN length(trim(x)) <= {longest} AND list_contains({empty}, lower(trim(x))) "
        "THEN NULL ELSE trim(x) END"
    )
    # base NIT: digits before the check digit ("899.999.331-2" → "899999331")
    con.execute(
        "CREATE MACRO cps_nit(x) AS nullif(split_part(regexp_replace(coalesce(x, ''), '[^0-9-]', '', 'g'), "
        "'-', 1), '')"
    )
    # precio_base: "57333333" (API), "$57,333,333" or "57,333,333.00" (portal CSV), "57.333.333" (es-CO)
    con.execute(
        r"""CREATE MACRO cps_money_text(s) AS CASE
              WHEN regexp_full_match(s, '\d+(\.\d+)?') THEN s
              WHEN regexp_full_match(s, '\d{1,3}(,\d{3})+(\.\d+)?') THEN replace(s, ',', '')
              WHEN regexp_full_match(s, '\d{1,3}(\.\d{3})+(,\d+)?') THEN replace(replace(s, '.', ''), ',', '.')
              WHEN regexp_full_match(s, '\d+,\d{1,2}') THEN replace(s, ',', '.')
              ELSE NULL END"""
    )
    con.execute(
        r"""CREATE MACRO cps_money(x) AS CASE
              WHEN regexp_full_match(x, '\d+') THEN TRY_CAST(x AS DECIMAL(38, 2))
              ELSE TRY_CAST(cps_money_text(regexp_replace(coalesce(x, ''), '[$\s]', '', 'g')) AS DECIMAL(38, 2))
            END"""
    )
    con.execute(f"CREATE MACRO cps_ts(x) AS try_strptime(trim(x), {formats})")
    # fast paths for the API's ISO dates and the portal's MM/DD/YYYY; the formats above otherwise
    con.execute(
        r"""CREATE MACRO cps_year(x) AS CASE
            WHEN x LIKE '____-__-__%' THEN TRY_CAST(left(x, 4) AS INTEGER)
            WHEN x LIKE '__/__/____%' THEN TRY_CAST(substr(x, 7, 4) AS INTEGER)
            ELSE coalesce(
              year(cps_ts(x)),
              TRY_CAST(nullif(regexp_extract(x, '^\s*(\d{4})-\d{1,2}-\d{1,2}', 1), '') AS INTEGER),
              TRY_CAST(nullif(regexp_extract(x, '^\s*\d{1,2}/\d{1,2}/(\d{4})', 1), '') AS INTEGER)) END"""
    )
    # urlproceso is an object {"url": …} in the API and plain text in the CSV export
    con.execute(
        "CREATE MACRO cps_url(x) AS CASE WHEN starts_with(trim(x), '{') "
        "THEN json_extract_string(x, '$.url') ELSE cps_clean(x) END"
    )


def procesos_scan(source: readers.Source, nit: str) -> str:
    columns = ",\n               ".join(f"CASE WHEN is_entity THEN {expr} END AS {name}" for name, expr in PROCESOS_KEPT)
    return f"""
        SELECT has_nit_key, has_id_key, has_date_key, nit, is_entity,
               {columns}
        FROM (
            SELECT *, coalesce(nit = {readers.sql_string(nit)}, false) AS is_entity
            FROM (
                SELECT *, cps_nit(nit_entidad) AS nit,
                       nit_entidad IS NOT NULL AS has_nit_key,
                       id_del_proceso IS NOT NULL AS has_id_key,
                       fecha_de_publicacion_del IS NOT NULL AS has_date_key
                FROM ({source.select_sql})))
    """


def contratos_scan(source: readers.Source, nit: str) -> str:
    empty = sql_array(["", *(s.upper() for s in vocabulary().sentinels)])
    return f"""
        SELECT has_pc_key,
               CASE WHEN list_contains({empty}, pc) THEN NULL ELSE pc END AS pc,
               environmental_raw, post_consumption_raw,
               coalesce(nit = {readers.sql_string(nit)}, false) AS is_entity
        FROM (
            SELECT proceso_de_compra IS NOT NULL AS has_pc_key,
                   upper(trim(proceso_de_compra)) AS pc,
                   obligaci_n_ambiental AS environmental_raw,
                   obligaciones_postconsumo AS post_consumption_raw,
                   cps_nit(nit_entidad) AS nit
            FROM ({source.select_sql}))
    """


# The entity's rows (a view: nothing is copied). ``rn`` is the row in ``p``, i.e. the order in the file.
ENTITY_VIEW = """
    CREATE TEMP VIEW e AS
    SELECT rowid AS rn, id, portfolio, upper(id) AS id_key, upper(portfolio) AS portfolio_key, year, value, state,
           modality_raw, unspsc
    FROM p WHERE is_entity
"""

# text of a process for display, by its row in ``p``
DISPLAY_COLUMNS = (
    "cps_clean(p.reference_raw) AS reference",
    "cps_clean(p.name_raw) AS name",
    "cps_url(p.url_raw) AS url",
)


def scan(con: duckdb.DuckDBPyConnection, source: readers.Source, sql: str, table: str) -> None:
    """Materialise ``sql`` as ``table``; a file DuckDB cannot read becomes a Spanish InputError."""
    try:
        con.execute(f"CREATE TEMP TABLE {table} AS {sql}")
    except (duckdb.InvalidInputException, duckdb.ConversionException) as error:
        raise readers.explain_failure(source, str(error)) from None
    except duckdb.IOException as error:
        raise InputError(f"no se pudo leer el archivo ({error})", file=str(source.path)) from None
    check_identity(con, source, table)


def check_identity(con: duckdb.DuckDBPyConnection, source: readers.Source, table: str) -> None:
    """A JSON-lines file may omit empty keys, but never the keys that identify its dataset."""
    for f in source.dataset.identity:
        flag = IDENTITY_FLAGS[f.api]
        rows, present = one(con, f"SELECT count(*), count(*) FILTER ({flag}) FROM {table}")
        if rows and not present:
            raise InputError(
                f"ninguna fila tiene la clave «{f.api}» («{f.title}»); ¿es de verdad un extracto de "
                f"{source.dataset.label}?",
                file=str(source.path),
                field=f.api,
            )


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> tuple[Any, ...]:
    row = con.execute(sql, params or []).fetchone()
    assert row is not None
    return tuple(row)


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in con.execute(sql, params or []).fetchall()]
