from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from cps.web.accounts.services import api_token_create, api_token_revoke


@pytest.mark.django_db
def test_token_sees_only_its_entities(objects_a: dict[str, Any], admin_a: Any, admin_b: Any) -> None:
    from cps.web.processes.models import Process

    Process.objects.create(entity=admin_b.memberships.get().entity, number="B-1", created_by=admin_b)
    _, token = api_token_create(user=admin_a, name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    entities = client.get("/api/entidades").json()
    assert [e["nit"] for e in entities] == ["899999331-2"]
    page = client.get("/api/procesos").json()
    assert page["count"] == 1 and page["results"][0]["number"] == "MC-034-2026"
    assert client.get("/api/procesos", {"entidad": "900000001"}).status_code == 404
    review = client.get(f"/api/procesos/{objects_a['process_id']}").json()
    assert review["process"] == {"process_number": "MC-034-2026"} and review["findings"] == []


@pytest.mark.django_db
def test_bad_and_revoked_tokens_are_refused(admin_a: Any) -> None:
    row, token = api_token_create(user=admin_a, name="t")
    assert Client(HTTP_AUTHORIZATION="Bearer cps_nada").get("/api/entidades").status_code == 401
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/entidades").status_code == 200
    api_token_revoke(user=admin_a, token_id=row.pk)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/entidades").status_code == 401


@pytest.mark.django_db
def test_openapi_documentation_needs_a_session(login: Any, admin_a: Any) -> None:
    assert Client().get("/api/openapi.json").status_code == 302
    schema = login(admin_a).get("/api/openapi.json").json()
    assert "/api/procesos" in schema["paths"]


@pytest.mark.django_db
def test_criteria_evaluate_and_lcc_have_the_cli_shapes(admin_a: Any, examples: Any) -> None:
    import yaml

    _, token = api_token_create(user=admin_a, name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.get("/api/criterios", {"codigos": "15121504", "modalidad": "minima_cuantia"})
    assert response.status_code == 200, response.content
    criteria = response.json()["criteria"]
    assert criteria and all(c["placement"] != "award_criterion" for c in criteria)
    assert {"id", "title", "applies_to", "level", "placement", "text", "verification", "legal_basis", "sources"} <= set(criteria[0])
    assert client.get("/api/criterios", {"codigos": "1512"}).status_code == 422
    case = yaml.safe_load((examples / "lcc" / "aceite-motor-volquetas.yaml").read_text(encoding="utf-8"))
    lcc = client.post("/api/ciclo-de-vida/calcular", case, content_type="application/json").json()
    assert lcc["best"] == "Sintético con filtración de desvío (bypass) y análisis de aceite"
    assert [a["npv"] for a in lcc["alternatives"]] == [41571332, 32097742, 27700820]
    evaluation = yaml.safe_load((examples / "evaluation" / "mc-034-2026.yaml").read_text(encoding="utf-8"))
    evaluation = json.loads(json.dumps(evaluation, default=str))
    result = client.post("/api/evaluaciones/evaluar", evaluation, content_type="application/json").json()
    assert result["outcome"] == "adjudicada" and result["selected"] == "A"
    bad = client.post("/api/ciclo-de-vida/calcular", {"alternatives": []}, content_type="application/json")
    assert bad.status_code == 422 and "detail" in bad.json()


@pytest.mark.django_db
def test_upload_through_the_api_respects_the_role(reader_a: Any, writer_a: Any, seed_invitation: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cps.web.processes.models import Process

    def post(user: Any) -> Any:
        _, token = api_token_create(user=user, name="t")
        upload = SimpleUploadedFile("invitacion.txt", seed_invitation.read_bytes(), content_type="text/plain")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}").post("/api/procesos", {"documento": upload})

    assert post(reader_a).status_code == 403
    assert not Process.objects.exists()
    accepted = post(writer_a)
    assert accepted.status_code == 202
    body = accepted.json()
    assert body["task"]["status"] == "pending" and Process.objects.get().pk == body["id"]
