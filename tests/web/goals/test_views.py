"""Metas: the plan, the SECOP II extracts uploaded, the register, the dashboard and its exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cps.web.goals.models import IndicatorSnapshot, Plan
from cps.web.tasks.services import run_pending_tasks


def _plan(client: Any) -> None:
    response = client.post(reverse("goals:plan"), {
        "share_processes_2025": "5", "share_value_2025": "3", "share_processes_2026": "10", "share_value_2026": "8",
        "priority_classes": "151215, 401615, 471318",
    })
    assert response.status_code == 302, response.content.decode()[:2000]


def _upload(client: Any, folder: Path) -> None:
    for kind in ("procesos", "contratos"):
        path = folder / f"{kind}.jsonl"
        upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/x-ndjson")
        assert client.post(reverse("goals:extracts"), {"kind": kind, "file": upload}).status_code == 302
    run_pending_tasks()


@pytest.mark.django_db
def test_the_plan_form_keeps_targets_and_classes(login: Any, entity_a: Any, writer_a: Any) -> None:
    _plan(login(writer_a))
    plan = Plan.objects.get(entity=entity_a)
    assert plan.targets == {"2025": {"share_processes": 0.05, "share_value": 0.03}, "2026": {"share_processes": 0.1, "share_value": 0.08}}
    assert plan.as_plan_dict()["entity_nit"] == "899999331"


@pytest.mark.django_db
def test_a_target_with_one_share_only_is_refused(login: Any, writer_a: Any) -> None:
    response = login(writer_a).post(reverse("goals:plan"), {"share_processes_2026": "10", "priority_classes": ""})
    assert response.status_code == 400
    assert "2026: indique las dos metas" in response.content.decode()


@pytest.mark.django_db
def test_the_example_extracts_give_the_expected_dashboard(login: Any, entity_a: Any, writer_a: Any, examples: Path) -> None:
    pytest.importorskip("cps.indicators", reason="los indicadores aún no están en main")
    client = login(writer_a)
    _plan(client)
    _upload(client, examples / "indicators")
    snapshot = IndicatorSnapshot.objects.get(entity=entity_a)
    expected = json.loads((examples / "indicators" / "expected.json").read_text(encoding="utf-8"))
    for got, want in zip(snapshot.result["years"], expected["years"], strict=True):
        for key, value in want.items():
            assert got[key] == value, key
    page = client.get(reverse("goals:dashboard")).content.decode()
    assert "17,1 %" in page and "$1.661.250.000" in page
    assert client.get(reverse("goals:chart"))["Content-Type"] == "image/png"
    xlsx = client.get(reverse("goals:export", kwargs={"fmt": "xlsx"}))
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"
    pdf = client.get(reverse("goals:export", kwargs={"fmt": "pdf"}))
    assert b"".join(pdf.streaming_content)[:5] == b"%PDF-"


@pytest.mark.django_db
def test_the_register_counts_in_the_indicators(login: Any, entity_a: Any, writer_a: Any, examples: Path) -> None:
    pytest.importorskip("cps.indicators", reason="los indicadores aún no están en main")
    client = login(writer_a)
    _plan(client)
    _upload(client, examples / "indicators")
    before = IndicatorSnapshot.objects.latest("computed_at").result["years"]
    unmarked = "CO1.REQ.7010000"  # a 2025 process whose contract has no environmental obligation
    assert client.post(reverse("goals:register"), {"secop_process_id": unmarked, "note": "criterio LIM-01"}).status_code == 302
    run_pending_tasks()  # the register change computes the indicators again
    after = IndicatorSnapshot.objects.latest("computed_at").result["years"]
    assert after[0]["processes_with_criteria"] == before[0]["processes_with_criteria"] + 1


@pytest.mark.django_db
def test_the_cached_dashboard_follows_new_indicators(login: Any, entity_a: Any, writer_a: Any, examples: Path) -> None:
    from cps.web.goals.services import snapshot_save

    client = login(writer_a)
    assert "Aún no hay indicadores" in client.get(reverse("goals:dashboard")).content.decode()
    result = json.loads((examples / "indicators" / "expected.json").read_text(encoding="utf-8"))
    snapshot_save(entity_id=entity_a.pk, result=result)
    assert "$1.661.250.000" in client.get(reverse("goals:dashboard")).content.decode()
    result["years"][1]["value_total"] = 1_700_000_000
    snapshot_save(entity_id=entity_a.pk, result=result)
    page = client.get(reverse("goals:dashboard")).content.decode()
    assert "$1.700.000.000" in page and "$1.661.250.000" not in page
