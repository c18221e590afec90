"""A local stand-in for the datos.gov.co SODA API, started by the tests (never the real portal)."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FakeSocrata:
    datasets: dict[str, list[dict[str, Any]]]
    # (dataset id, offset) → list of failures to serve before the page: HTTP status or "slow"
    failures: dict[tuple[str, int], list[int | str]] = field(default_factory=dict)
    slow_seconds: float = 1.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""

    def page(self, dataset_id: str, query: dict[str, str]) -> list[dict[str, Any]]:
        rows = self.datasets[dataset_id]
        where = query.get("$where", "")
        match = re.fullmatch(r"nit_entidad = '([^']*)'", where)
        if not match:
            raise ValueError(f"unexpected $where: {where!r}")
        assert query.get("$order") == ":id"
        rows = [r for r in rows if r.get("nit_entidad") == match.group(1)]
        offset, limit = int(query.get("$offset", "0")), int(query.get("$limit", "1000"))
        return rows[offset : offset + min(limit, 50_000)]


@contextmanager
def serve(fake: FakeSocrata) -> Iterator[FakeSocrata]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            dataset_id = parts.path.removeprefix("/resource/").removesuffix(".json")
            fake.requests.append({"dataset": dataset_id, "query": query, "token": self.headers.get("X-App-Token")})
            if dataset_id not in fake.datasets:
                self._send(404, {"message": "dataset no encontrado"})
                return
            pending = fake.failures.get((dataset_id, int(query.get("$offset", "0"))), [])
            if pending:
                failure = pending.pop(0)
                if failure == "slow":
                    time.sleep(fake.slow_seconds)
                else:
                    self._send(int(failure), {"message": "falla simulada"})
                    return
            try:
                self._send(200, fake.page(dataset_id, query))
            except ValueError as error:
                self._send(400, {"message": str(error)})

        def _send(self, status: int, payload: Any) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
