"""Benchmark of ``cps indicators`` on synthetic SECOP II extracts (see README.md).

In one run, alternately and in separate processes pinned to 2 cores:

* **scan**: DuckDB merely reads both files — the same ``read_json``/``read_csv`` calls the readers
  build, counting the columns the computation uses (``SELECT count(*), count(col)… FROM …``);
* **compute**: the real command, ``python -m cps indicators --procesos P --contratos C --plan PLAN --json``.

For each it reports wall time, CPU time (user + system) and peak RSS (``wait4`` rusage of that
process), then the ratio compute / scan. Targets: compute < 30 s, < 2 GB, ratio ≤ 2.

    python benchmarks/indicators/generate.py --out benchmarks/out/indicators [--csv]
    python benchmarks/indicators/run.py --data benchmarks/out/indicators --format jsonl --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CORES = {0, 1}
SCAN_CHILD = r"""
import sys, duckdb
from cps.indicators import readers
from cps.indicators.schema import USED_FIELDS
con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB"})
con.execute("SET enable_progress_bar = false")
for name, path in (("procesos", sys.argv[1]), ("contratos", sys.argv[2])):
    source = readers.open_source(path, name)
    counts = ", ".join(f'count("{c}")' for c in USED_FIELDS[name])
    print(name, con.execute(f"SELECT count(*), {counts} FROM ({source.select_sql})").fetchone()[0])
"""


def _pin() -> None:
    available = os.sched_getaffinity(0)
    os.sched_setaffinity(0, CORES & available or available)


def measure(command: list[str]) -> dict[str, Any]:
    """Run ``command`` and return its wall time, CPU time and peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_pin)
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err.decode()[-2000:]}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "stdout": out,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("benchmarks/out/indicators"))
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    procesos, contratos = args.data / f"procesos.{args.format}", args.data / f"contratos.{args.format}"
    plan = args.data / "plan.yaml"
    for path in (procesos, contratos, plan):
        if not path.exists():
            raise SystemExit(f"falta {path}: ejecute antes benchmarks/indicators/generate.py")
    sizes = {p.name: round(p.stat().st_size / 1e9, 2) for p in (procesos, contratos)}
    for path in (procesos, contratos):  # warm the page cache so both measurements read from memory
        with path.open("rb") as fh:
            while fh.read(1 << 24):
                pass
    scan_cmd = [sys.executable, "-c", SCAN_CHILD, str(procesos), str(contratos)]
    compute_cmd = [sys.executable, "-m", "cps", "indicators", "--procesos", str(procesos), "--contratos",
                   str(contratos), "--plan", str(plan), "--json"]
    load_before = os.getloadavg()
    runs = []
    for i in range(args.repeat):
        scan = measure(scan_cmd)
        compute = measure(compute_cmd)
        result = json.loads(compute.pop("stdout"))
        scan.pop("stdout")
        runs.append({"scan": scan, "compute": compute,
                     "ratio_wall": round(compute["wall_s"] / scan["wall_s"], 2),
                     "ratio_cpu": round(compute["cpu_s"] / scan["cpu_s"], 2)})
        print(f"run {i + 1}: scan {scan['wall_s']} s (cpu {scan['cpu_s']} s, {scan['max_rss_mb']} MB) · compute "
              f"{compute['wall_s']} s (cpu {compute['cpu_s']} s, {compute['max_rss_mb']} MB) · ratio "
              f"{runs[-1]['ratio_wall']} (cpu {runs[-1]['ratio_cpu']})", file=sys.stderr, flush=True)
    rows = result["data_quality"]["procesos"]["rows"], result["data_quality"]["contratos"]["rows"]
    summary = {
        "format": args.format,
        "files_gb": sizes,
        "rows": {"procesos": rows[0], "contratos": rows[1]},
        "entity_processes_counted": sum(y["processes_total"] for y in result["years"]),
        "cores": sorted(os.sched_getaffinity(0) & CORES or os.sched_getaffinity(0)),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "median": {
            "scan_wall_s": statistics.median(r["scan"]["wall_s"] for r in runs),
            "compute_wall_s": statistics.median(r["compute"]["wall_s"] for r in runs),
            "scan_cpu_s": statistics.median(r["scan"]["cpu_s"] for r in runs),
            "compute_cpu_s": statistics.median(r["compute"]["cpu_s"] for r in runs),
            "compute_max_rss_mb": max(r["compute"]["max_rss_mb"] for r in runs),
            "ratio_wall": statistics.median(r["ratio_wall"] for r in runs),
            "ratio_cpu": statistics.median(r["ratio_cpu"] for r in runs),
        },
        "runs": runs,
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
