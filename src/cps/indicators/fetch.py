"""Optional download of the entity's SECOP II extracts from datos.gov.co (Socrata SODA API).

``GET {base}/resource/{dataset}.json?$where=nit_entidad='…'&$order=:id&$limit=…&$offset=…`` page by
page (the portal silently truncates pages above 50 000 rows, so the page size never exceeds it;
``$order=:id`` keeps the paging stable). HTTP 500/502/503/504, timeouts and dropped connections are
retried with exponential backoff. Records are written as JSON lines exactly as the API returns them,
the format :mod:`cps.indicators.readers` reads. Both files are written atomically: if anything
fails, neither file is left half-written.

The base URL comes from ``--api-url``, else the ``CPS_SOCRATA_URL`` environment variable, else
``https://www.datos.gov.co``; an application token (optional, raises the rate limit) from
``--app-token`` or ``CPS_SOCRATA_APP_TOKEN``. Tests use a local fake server, never the portal.
"""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cps import __version__
from cps.errors import InputError
from cps.indicators.schema import dataset

DEFAULT_BASE_URL = "https://www.datos.gov.co"
PAGE_CAP = 50_000  # rows per page the portal honours
RETRY_STATUS = (500, 502, 503, 504)


class FetchError(InputError):
    """The download failed; nothing was written."""


@dataclass(frozen=True)
class FetchOptions:
    base_url: str = DEFAULT_BASE_URL
    app_token: str | None = None
    page_size: int = PAGE_CAP
    retries: int = 5
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    timeout: float = 60.0

    @classmethod
    def from_env(cls, base_url: str | None = None, app_token: str | None = None, **kwargs: Any) -> FetchOptions:
        return cls(
            base_url=(base_url or os.environ.get("CPS_SOCRATA_URL") or DEFAULT_BASE_URL).rstrip("/"),
            app_token=app_token or os.environ.get("CPS_SOCRATA_APP_TOKEN") or None,
            **kwargs,
        )


@dataclass(frozen=True)
class FetchReport:
    procesos_rows: int
    contratos_rows: int
    requests: int
    retries: int


def soql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def page_url(options: FetchOptions, dataset_id: str, nit: str, offset: int) -> str:
    query = urllib.parse.urlencode(
        {
            "$where": f"nit_entidad = {soql_string(nit)}",
            "$order": ":id",
            "$limit": str(min(options.page_size, PAGE_CAP)),
            "$offset": str(offset),
        }
    )
    return f"{options.base_url}/resource/{dataset_id}.json?{query}"


class _Client:
    def __init__(self, options: FetchOptions, sleep: Callable[[float], None]) -> None:
        self.options, self.sleep = options, sleep
        self.requests = self.retries = 0

    def get_json(self, url: str) -> Any:
        headers = {"Accept": "application/json", "User-Agent": f"compras-sostenibles/{__version__}"}
        if self.options.app_token:
            headers["X-App-Token"] = self.options.app_token
        delay = self.options.backoff
        for attempt in range(self.options.retries + 1):
            self.requests += 1
            problem: str
            try:
                request = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(request, timeout=self.options.timeout) as response:
                    body = response.read()
                try:
                    return json.loads(body.decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    raise FetchError(f"la respuesta de {_host(url)} no es JSON válido (consulta: {url})") from None
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUS:
                    detail = _error_detail(error)
                    raise FetchError(
                        f"{_host(url)} respondió HTTP {error.code}{detail}; no se escribió ningún archivo "
                        f"(consulta: {url})"
                    ) from None
                problem = f"HTTP {error.code}"
            except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as error:
                reason = getattr(error, "reason", error)
                problem = f"sin conexión ({reason})"
            if attempt < self.options.retries:
                self.retries += 1
                self.sleep(delay)
                delay *= 2
        raise FetchError(
            f"no se pudo descargar de {_host(url)} tras {self.options.retries + 1} intentos ({problem}); no se "
            f"escribió ningún archivo (consulta: {url})"
        )


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _error_detail(error: urllib.error.HTTPError) -> str:
    try:
        payload = json.loads(error.read().decode("utf-8"))
    except Exception:
        return ""
    message = payload.get("message") if isinstance(payload, dict) else None
    return f": {message}" if message else ""


def _download(client: _Client, options: FetchOptions, dataset_id: str, nit: str, target: Path) -> int:
    count = 0
    with target.open("w", encoding="utf-8") as fh:
        offset = 0
        while True:
            url = page_url(options, dataset_id, nit, offset)
            page = client.get_json(url)
            if not isinstance(page, list):
                raise FetchError(f"la respuesta no es una lista de registros (consulta: {url})")
            for record in page:
                fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += len(page)
            if len(page) < min(options.page_size, PAGE_CAP):
                return count
            offset += len(page)


def fetch_extracts(
    nit: str,
    procesos_path: str | Path,
    contratos_path: str | Path,
    options: FetchOptions | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchReport:
    """Download the entity's Procesos and Contratos to the two JSON-lines files."""
    options = options or FetchOptions.from_env()
    client = _Client(options, sleep)
    targets = [(Path(procesos_path), dataset("procesos").socrata_id), (Path(contratos_path), dataset("contratos").socrata_id)]
    temporary: list[Path] = []
    counts: list[int] = []
    try:
        for target, dataset_id in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            os.close(fd)
            temporary.append(Path(name))
            counts.append(_download(client, options, dataset_id, nit, temporary[-1]))
        for tmp, (target, _) in zip(temporary, targets, strict=True):
            os.replace(tmp, target)
    finally:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)
    return FetchReport(procesos_rows=counts[0], contratos_rows=counts[1], requests=client.requests,
                       retries=client.retries)
