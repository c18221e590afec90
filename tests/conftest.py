"""Shared fixtures: paths to the seed documents and the shared examples copied into the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED_INVITATION = FIXTURES / "003_910f26f6926a9d9c.txt"
SEED_MINUTES = FIXTURES / "000_9a7e475fc923e426.txt"
EXAMPLES = FIXTURES / "examples"


@pytest.fixture
def seed_invitation() -> Path:
    return SEED_INVITATION


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
