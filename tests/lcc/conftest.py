"""Fixtures of the life-cycle-cost tests."""

from __future__ import annotations

import pytest

from cps.lcc import Case, load_case

from .cases import EXAMPLE


@pytest.fixture
def example_case() -> Case:
    return load_case(EXAMPLE)
