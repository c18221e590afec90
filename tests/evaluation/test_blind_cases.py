"""The blind cases of tests/fixtures/evaluation_blind (written from CONTRACTS.md and the documented format
alone, without the engine's code) still give their hand-computed results through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "evaluation_blind"
CPS = Path(sys.executable).parent / "cps"


def test_every_blind_case_gives_its_hand_computed_result(tmp_path: Path) -> None:
    out = tmp_path / "verdicts.json"
    run = subprocess.run(
        [sys.executable, str(BLIND / "measure.py"), "--cps", str(CPS), "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    verdicts = json.loads(out.read_text(encoding="utf-8"))
    assert verdicts, "no case was measured"
    wrong = [v for v in verdicts if v["verdict"] != "OK"]
    assert not wrong, json.dumps(wrong, ensure_ascii=False, indent=1)[:4000]
