"""Helpers for the evaluation tests: the shared example as a mapping to modify."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "examples" / "evaluation" / "mc-034-2026.yaml"
_RAW = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def example() -> dict[str, Any]:
    """A fresh copy of the example case (mc-034-2026.yaml) as a mapping."""
    return copy.deepcopy(_RAW)
