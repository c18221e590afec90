"""Benchmark: the process list and the goals dashboard with 100 000 processes in PostgreSQL,
50 concurrent clients on loopback (wrk), p95 target 300 ms. See benchmarks/web/README.md.

Usage: .venv/bin/python benchmarks/web/bench_pages.py [--processes 100000] [--seconds 20] [--connections 50]
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and wrk (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB = "cps_bench"
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
TARGET_P95_MS = 300.0


def sh(*cmd: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


SEED = r"""
import datetime as dt, json, random
from pathlib import Path
from django.test import Client
from django.utils import timezone
from cps.web.accounts.services import entity_create, membership_set, user_create
from cps.web.goals.models import IndicatorSnapshot
from cps.web.processes.models import Process

n = int(__N__)
entity = entity_create(name="Alcaldía Municipal de Gachetá", nit="899999331-2")
other = entity_create(name="Entidad B", nit="900000001")
user = user_create(username="bench", password="clave-de-bench-123")
membership_set(entity=entity, user=user, role="consulta")
rng = random.Random(7)
objects = ["Suministro de lubricantes y filtros", "Mantenimiento de vías terciarias", "Papelería y útiles de oficina",
           "Servicio de aseo y cafetería", "Compra de equipos de cómputo", "Suministro de combustible"]
batch = []
now = timezone.now()
for i in range(n):
    batch.append(Process(entity=entity if i % 10 else other, created_by=user, number=f"MC-{i:06d}-2026",
        object=f"{rng.choice(objects)} para la secretaría {i % 40}", modality="minima_cuantia",
        budget=rng.randrange(5_000_000, 49_000_000), state="reviewed", errors_count=rng.randrange(0, 12),
        warnings_count=rng.randrange(0, 10), gaps_count=rng.randrange(0, 9)))
    if len(batch) == 5000:
        Process.objects.bulk_create(batch); batch = []
Process.objects.bulk_create(batch)
# spread the modification times so that the list's ordering index matters
Process.objects.all().update(updated_at=now)
expected = json.loads(Path(__EXPECTED__).read_text(encoding="utf-8"))
expected["skipped_values"] = []
IndicatorSnapshot.objects.create(entity=entity, result=expected)
client = Client()
client.force_login(user)
print("SESSION", client.cookies["sessionid"].value)
print("COUNT", Process.objects.filter(entity=entity).count())
"""


def wrk(url: str, cookie: str, seconds: int, connections: int) -> dict[str, float]:
    out = sh("wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-H", f"Cookie: sessionid={cookie}",
             "-s", str(Path(__file__).with_name("percentiles.lua")), url)
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    values = dict(pair.split("=") for pair in line.split()[1:])
    return {k: float(v) for k, v in values.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("falta wrk: apt-get install wrk")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {DB}")
    data = tempfile.mkdtemp(prefix="cps-bench-")
    env = {**os.environ, "DATABASE_URL": URL, "CPS_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "cps.web.config.settings"}
    py = sys.executable
    sh(py, "-m", "cps.web.manage", "migrate", "-v", "0", env=env)
    started = time.monotonic()
    seed = SEED.replace("__N__", str(args.processes)).replace(
        "__EXPECTED__", repr(str(ROOT / "tests/fixtures/examples/indicators/expected.json")))
    out = sh(py, "-m", "cps.web.manage", "shell", "-c", seed, env=env)
    cookie = re.search(r"SESSION (\S+)", out).group(1)  # type: ignore[union-attr]
    listed = int(re.search(r"COUNT (\d+)", out).group(1))  # type: ignore[union-attr]
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-qc", "VACUUM ANALYZE")
    print(f"{args.processes} procesos creados en {time.monotonic() - started:.0f} s ({listed} de la entidad del usuario)")
    port = free_port()
    cmd = [py, "-m", "cps", "serve", "--port", str(port), "--no-worker"]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/cuentas/ingresar/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        results = {}
        for name, path in (("process_list", "/procesos/"), ("process_list_page_2000", "/procesos/?page=2000"),
                           ("process_search", "/procesos/?q=MC-0123"), ("dashboard", "/metas/")):
            request = urllib.request.Request(base + path, headers={"Cookie": f"sessionid={cookie}"})
            with urllib.request.urlopen(request) as response:
                assert response.status == 200 and "/cuentas/ingresar/" not in response.url, path
            wrk(base + path, cookie, 3, args.connections)  # warm up
            load_before = os.getloadavg()[0]
            results[name] = wrk(base + path, cookie, args.seconds, args.connections)
            r = results[name]
            r["load_before"], r["load_after"] = round(load_before, 2), round(os.getloadavg()[0], 2)
            verdict = "OK" if r["p95_ms"] < TARGET_P95_MS and r["errors"] == 0 else "NO CUMPLE"
            print(f"{path:28} {r['requests'] / r['duration_s']:7.0f} req/s  p50 {r['p50_ms']:6.1f} ms  "
                  f"p95 {r['p95_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms  errores {int(r['errors'])}  {verdict}  "
                  f"(carga {r['load_before']:.1f} → {r['load_after']:.1f})")
    finally:
        server.terminate()
        server.wait(timeout=20)
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "web.json").write_text(json.dumps({"processes": args.processes, "connections": args.connections,
        "seconds": args.seconds, "cpus": os.cpu_count(), "results": results}, indent=2), encoding="utf-8")
    ok = all(r["p95_ms"] < TARGET_P95_MS and r["errors"] == 0 for r in results.values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
