from __future__ import annotations

import pytest

from cps.evaluation.random_draw import draw


def test_draw_matches_sha256sum_of_the_documented_message() -> None:
    # printf 'T-001-2026/sorteo\nA\nB' | sha256sum
    result = draw("T-001-2026/sorteo", ["B", "A"], seed_source="process.random_method_seed")
    assert result.candidates == ["A", "B"]
    assert result.message == "T-001-2026/sorteo\nA\nB"
    assert result.sha256 == "a9a054893f76738988e699a1cfd1aae38d5ad7885b2652ffd5dde5fd3304e967"
    assert result.index == 1
    assert result.winner == "B"


def test_draw_depends_on_the_set_not_on_the_order_given() -> None:
    one = draw("semilla", ["C", "A", "B"], seed_source="x")
    two = draw("semilla", ["B", "C", "A"], seed_source="x")
    assert one == two
    # printf 'T-001-2026/sorteo\nA\nB\nC' | sha256sum → 02ff…95e6, mod 3 = 2
    three = draw("T-001-2026/sorteo", ["A", "B", "C"], seed_source="x")
    assert three.sha256 == "02ff9b87ae0de1593ed9f219669824e98b329c055b4a6d27e85a2e39c31e95e6"
    assert three.winner == "C"


def test_the_seed_changes_the_draw() -> None:
    winners = {draw(f"semilla-{n}", ["A", "B"], seed_source="x").winner for n in range(20)}
    assert winners == {"A", "B"}


def test_a_draw_needs_two_offers() -> None:
    with pytest.raises(ValueError):
        draw("s", ["A"], seed_source="x")
