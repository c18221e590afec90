from __future__ import annotations

import string

from cps.evaluation.rules import desierta, flag_rules, parameter, rules


def test_every_rule_cites_its_source_and_every_rejection_its_causal_letter() -> None:
    for code, r in rules().items():
        assert r.title and r.rule, code
        if r.kind == "rejection":
            assert r.causal in set(string.ascii_uppercase[:21]), code  # A–U of invitation §2.13
            assert "§2.13" in r.rule or "§2.4" in r.rule, code


def test_flags_of_the_example_comment_are_all_known() -> None:
    documented = {"inhabilidad", "responsable_fiscal", "ley_1116", "conflicto_interes", "informacion_inexacta",
                  "no_subsano", "condicionada", "parcial", "artificialmente_baja", "objeto_social", "tachaduras"}
    assert documented <= set(flag_rules())


def test_parameters_and_desierta() -> None:
    assert str(parameter("arithmetic_tolerance")) == "0.01"
    assert str(parameter("tie_break_plural_min_share")) == "0.25"
    assert desierta("B").rule.startswith("Invitación §2.16")
