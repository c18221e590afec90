"""The blind cases of tests/fixtures/lcc_blind (written from the conventions alone, without the engine's
code) still come out to the peso, sensitivity included, through the real command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "lcc_blind"
CPS = Path(sys.executable).parent / "cps"


def test_every_blind_case_matches_its_hand_computed_result() -> None:
    # measure.py exits 1 when any case differs (checked by the corpus author with altered expected files)
    run = subprocess.run(
        [sys.executable, str(BLIND / "measure.py"), "--cps", str(CPS)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "OK" in run.stdout
