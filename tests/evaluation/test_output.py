from __future__ import annotations

import json

from cps.evaluation import evaluate, load_case, to_dict

from .conftest import EXAMPLE


def test_contract_keys_and_plain_json_types() -> None:
    data = to_dict(evaluate(load_case(EXAMPLE)))
    assert {"process", "outcome", "selected", "offers", "tie_break", "random_draw"} <= set(data)
    for offer in data["offers"]:
        assert {"id", "declared_total", "corrected_total", "status", "reasons"} <= set(offer)
        assert isinstance(offer["declared_total"], int) and isinstance(offer["corrected_total"], int)
        assert offer["status"] in {"selected", "rejected", "not_compliant", "not_verified"}
    json.dumps(data)  # only JSON types
