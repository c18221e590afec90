"""``--from-api``: paging, retries and atomic writes, against a local fake SODA server only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cps.indicators import compute, load_plan
from cps.indicators.fetch import FetchError, FetchOptions, fetch_extracts, page_url

from .builders import EXAMPLE, read_jsonl
from .fake_socrata import FakeSocrata, serve

PROCESOS, CONTRATOS = "p6dx-8zbt", "jbjy-vk9h"


def fake() -> FakeSocrata:
    return FakeSocrata({PROCESOS: read_jsonl(EXAMPLE / "procesos.jsonl"), CONTRATOS: read_jsonl(EXAMPLE / "contratos.jsonl")})


def options(server: FakeSocrata, **kwargs: object) -> FetchOptions:
    defaults: dict[str, object] = {"base_url": server.base_url, "page_size": 10, "backoff": 0.01, "timeout": 5.0}
    defaults.update(kwargs)
    return FetchOptions(**defaults)  # type: ignore[arg-type]


def test_page_url_filters_by_nit_and_orders_by_id() -> None:
    url = page_url(FetchOptions(page_size=80_000), PROCESOS, "899999331", 100)
    assert url.startswith("https://www.datos.gov.co/resource/p6dx-8zbt.json?")
    assert "%24where=nit_entidad+%3D+%27899999331%27" in url
    assert "%24order=%3Aid" in url and "%24limit=50000" in url and "%24offset=100" in url  # page cap


def test_fetch_pages_retries_and_gives_the_same_indicators(tmp_path: Path) -> None:
    server = fake()
    server.failures = {(PROCESOS, 10): [503, 500], (CONTRATOS, 0): [502]}
    sleeps: list[float] = []
    with serve(server):
        report = fetch_extracts("899999331", tmp_path / "p.jsonl", tmp_path / "c.jsonl",
                                options(server, app_token="clave"), sleep=sleeps.append)
    assert (report.procesos_rows, report.contratos_rows) == (54, 47)
    assert report.retries == 3 and sleeps == [0.01, 0.02, 0.01]  # exponential backoff per request
    offsets = [int(r["query"]["$offset"]) for r in server.requests if r["dataset"] == PROCESOS]
    assert offsets == [0, 10, 10, 10, 20, 30, 40, 50]
    assert all(r["token"] == "clave" for r in server.requests)
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 54 and json.loads(lines[0])["urlproceso"]["url"].startswith("https://")
    result = compute(load_plan(EXAMPLE / "plan.yaml"), tmp_path / "p.jsonl", tmp_path / "c.jsonl")
    expected = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))
    assert result.to_json()["years"] == expected["years"]
    assert not list(tmp_path.glob(".*part"))


def test_timeouts_are_retried(tmp_path: Path) -> None:
    server = fake()
    server.failures = {(PROCESOS, 0): ["slow"]}
    server.slow_seconds = 1.5
    with serve(server):
        report = fetch_extracts("899999331", tmp_path / "p.jsonl", tmp_path / "c.jsonl",
                                options(server, page_size=1000, timeout=0.5), sleep=lambda _s: None)
    assert report.retries == 1 and report.procesos_rows == 54


def test_persistent_failure_writes_nothing(tmp_path: Path) -> None:
    server = fake()
    server.failures = {(CONTRATOS, 0): [503] * 10}
    (tmp_path / "p.jsonl").write_text("antes\n", encoding="utf-8")
    with serve(server), pytest.raises(FetchError) as caught:
        fetch_extracts("899999331", tmp_path / "p.jsonl", tmp_path / "c.jsonl",
                       options(server, retries=2), sleep=lambda _s: None)
    assert "3 intentos" in caught.value.message and "HTTP 503" in caught.value.message
    assert (tmp_path / "p.jsonl").read_text(encoding="utf-8") == "antes\n"  # untouched
    assert not (tmp_path / "c.jsonl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.jsonl"]


def test_client_errors_are_not_retried(tmp_path: Path) -> None:
    server = FakeSocrata({})
    with serve(server), pytest.raises(FetchError) as caught:
        fetch_extracts("899999331", tmp_path / "p.jsonl", tmp_path / "c.jsonl", options(server),
                       sleep=lambda _s: None)
    assert "HTTP 404" in caught.value.message and "dataset no encontrado" in caught.value.message
    assert len(server.requests) == 1


def test_no_server_listening(tmp_path: Path) -> None:
    server = fake()
    with serve(server):
        url = server.base_url
    with pytest.raises(FetchError) as caught:
        fetch_extracts("899999331", tmp_path / "p.jsonl", tmp_path / "c.jsonl",
                       FetchOptions(base_url=url, retries=1, backoff=0.0), sleep=lambda _s: None)
    assert "sin conexión" in caught.value.message


def test_options_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPS_SOCRATA_URL", "http://127.0.0.1:9/")
    monkeypatch.setenv("CPS_SOCRATA_APP_TOKEN", "t")
    opts = FetchOptions.from_env()
    assert (opts.base_url, opts.app_token) == ("http://127.0.0.1:9", "t")
    assert FetchOptions.from_env("http://otro").base_url == "http://otro"
