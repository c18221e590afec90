"""Benchmark of `cps review`: the seed invitation as text, and a 40-page PDF.

Targets (issue 2): seed as text in under 1 s; a 40-page PDF in under 5 s; on 2 cores.
Each case runs the real command (`.venv/bin/cps review FILE --json`, a new process each time,
so Python start-up and imports are included) several times and reports the median and the worst.

Usage: .venv/bin/python benchmarks/documents/bench_review.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CPS = ROOT / ".venv" / "bin" / "cps"
SEED_TXT = ROOT / "tests" / "fixtures" / "003_910f26f6926a9d9c.txt"
SEED_PDF = ROOT / "tests" / "fixtures" / "seed" / "seed.pdf"


def forty_page_pdf(target: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(SEED_PDF)
    writer = PdfWriter()
    for page in reader.pages[:40]:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    assert len(PdfReader(target).pages) == 40
    return target


# as a user's machine runs it: Python keeps the compiled modules (__pycache__); a shell that sets
# PYTHONDONTWRITEBYTECODE would make every run compile the whole package again
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(path: Path, runs: int) -> list[float]:
    subprocess.run([str(CPS), "review", str(path), "--json"], capture_output=True, text=True, env=ENV)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([str(CPS), "review", str(path), "--json"], capture_output=True, text=True, env=ENV)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"cps review failed on {path}: {result.stderr}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("seed invitation as text (39 pages)", SEED_TXT, 1.0), ("40-page PDF", forty_page_pdf(Path(tmp) / "forty.pdf"), 5.0)]
        failed = False
        for label, path, target in cases:
            times = measure(path, args.runs)
            median, worst = statistics.median(times), max(times)
            ok = worst < target
            failed |= not ok
            print(f"{label:40s} median {median:6.2f} s   worst {worst:6.2f} s   target < {target:.0f} s   {'OK' if ok else 'OVER'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
