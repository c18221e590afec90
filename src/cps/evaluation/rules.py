"""The rules the evaluation applies, each with its source (data: ``data/rules.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

from cps import yamlio
from cps.evaluation.result import Reason

RuleKind = Literal["rejection", "habilitating", "info"]


@dataclass(frozen=True)
class Rule:
    code: str
    kind: RuleKind
    title: str
    rule: str
    causal: str | None = None
    flag: str | None = None


@dataclass(frozen=True)
class DesiertaCausal:
    letter: str
    title: str
    rule: str


@cache
def _data() -> dict[str, Any]:
    text = resources.files("cps.evaluation").joinpath("data", "rules.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlio.load(text)
    return data


@cache
def rules() -> dict[str, Rule]:
    return {
        code: Rule(
            code=code,
            kind=row["kind"],
            title=str(row["title"]),
            rule=str(row["rule"]),
            causal=row.get("causal"),
            flag=row.get("flag"),
        )
        for code, row in _data()["rules"].items()
    }


def rule(code: str) -> Rule:
    return rules()[code]


@cache
def flag_rules() -> dict[str, Rule]:
    """Rejection causes established by the entity, keyed by the flag written in the case file."""
    return {r.flag: r for r in rules().values() if r.flag}


def parameter(name: str) -> Decimal:
    """A numeric parameter of the evaluation (``data/rules.yaml``, with its source)."""
    return Decimal(str(_data()["parameters"][name]["value"]))


def procedure() -> str:
    return str(_data()["procedure"])


def desierta(letter: str) -> DesiertaCausal:
    row = _data()["desierta"][letter]
    return DesiertaCausal(letter=letter, title=str(row["title"]), rule=str(row["rule"]))


def reason(code: str, detail: str, *, public_detail: str | None = None, **fmt: object) -> Reason:
    """A :class:`Reason` for ``code``; ``fmt`` fills placeholders of the rule text ({max_days}…)."""
    r = rule(code)
    return Reason(
        code=code,
        kind=r.kind,
        causal=r.causal,
        rule=r.rule.format(**fmt) if fmt else r.rule,
        detail=detail,
        public_detail=public_detail,
    )
