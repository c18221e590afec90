"""The ugly inputs of tests/fixtures/bad_inputs through `cps review`, as its manifest says:
exit 2 with a Spanish message naming the file and never a traceback, or a clean read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from tests.conftest import FIXTURES

FOLDER = FIXTURES / "bad_inputs"
EXPECTED = yaml.safe_load((FOLDER / "expected.yaml").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input(name: str) -> None:
    spec = EXPECTED[name]
    result = subprocess.run(
        [sys.executable, "-m", "cps", "review", str(FOLDER / name), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    allowed = spec["exit"] if isinstance(spec["exit"], list) else [spec["exit"]]
    assert result.returncode in allowed, result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stdout == ""
        assert name in result.stderr and result.stderr.startswith("cps: ")
        return
    data = json.loads(result.stdout)
    record = spec.get("record") or spec.get("record_if_read") or {}
    p = data["process"]
    for key in ("process_number", "entity_nit", "budget", "cdp_total"):
        if key in record:
            assert p[key] == record[key], key
    if "unspsc_rows" in record:
        assert len(p["unspsc"]) == record["unspsc_rows"]
    if "errors" in spec:
        assert data["summary"]["error"] == spec["errors"]
    assert "Ã" not in json.dumps(p, ensure_ascii=False)  # mojibake repaired, never reported as if fine
