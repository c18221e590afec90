"""Web tests: Django configured with ``cps.web.config.testing``; SQLite unless DATABASE_URL is set.

Fixtures build two entities (A: Gachetá, B: another one) with people in every role, and one
object of every kind in entity A, so that the URL-walking tests can try every pattern.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cps.web.config.testing")
django.setup()

import pytest  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.test import Client  # noqa: E402

from cps.web.accounts.models import Entity, Role  # noqa: E402
from cps.web.accounts.services import api_token_create, entity_create, membership_set, user_create  # noqa: E402

PASSWORD = "clave-de-prueba-123"


@pytest.fixture
def entity_a(db: Any) -> Entity:
    return entity_create(name="Alcaldía Municipal de Gachetá", nit="899999331-2", municipality="Gachetá", department="Cundinamarca")


@pytest.fixture
def entity_b(db: Any) -> Entity:
    # a made-up entity for the isolation tests; its NIT only needs a valid check digit
    return entity_create(name="Entidad B de prueba", nit="900000001")


def _person(username: str, entity: Entity, role: str) -> Any:
    user = user_create(username=username, password=PASSWORD)
    membership_set(entity=entity, user=user, role=role)
    return user


@pytest.fixture
def admin_a(entity_a: Entity) -> Any:
    return _person("admin_a", entity_a, Role.ADMIN)


@pytest.fixture
def writer_a(entity_a: Entity) -> Any:
    return _person("contratacion_a", entity_a, Role.CONTRACTING)


@pytest.fixture
def reader_a(entity_a: Entity) -> Any:
    return _person("consulta_a", entity_a, Role.READER)


@pytest.fixture
def admin_b(entity_b: Entity) -> Any:
    return _person("admin_b", entity_b, Role.ADMIN)


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def login() -> Any:
    """``login(user)`` → a test client with that user signed in."""
    return client_for


@pytest.fixture
def objects_a(entity_a: Entity, admin_a: Any) -> dict[str, Any]:
    """One object of every kind in entity A, by the URL keyword that names it."""
    from cps.web.catalog.models import EntityCriterion
    from cps.web.evaluations.services import evaluation_create
    from cps.web.goals.models import Extract, ExtractState, RegisterEntry
    from cps.web.lcc.models import LccAnalysis
    from cps.web.processes.models import Process, ProcessAnnex, ProcessDocument, ProcessReview, ProcessState
    from cps.web.tasks.models import Task

    process = Process.objects.create(entity=entity_a, number="MC-034-2026", object="Lubricantes", created_by=admin_a, state=ProcessState.REVIEWED)
    document = ProcessDocument(process=process, original_name="invitacion.txt", size=5, sha256="0" * 64, uploaded_by=admin_a)
    document.file.save("invitacion.txt", ContentFile(b"hola\n"), save=True)
    review = ProcessReview.objects.create(process=process, document=document, version=1, record={"process_number": "MC-034-2026"}, findings=[], sustainability=[])
    annex = ProcessAnnex(process=process, review=review, criteria=["X"], level="basico", created_by=admin_a)
    annex.file.save("anexo.docx", ContentFile(b"PK\x03\x04"), save=True)
    criterion = EntityCriterion.objects.create(
        entity=entity_a, code="GACH-01", title="Propio", applies_to=["15121500"], level="basico",
        placement="technical_specification", text="Texto", verification="Ficha", created_by=admin_a,
    )
    evaluation = evaluation_create(user=admin_a, entity=entity_a, title="MC-034-2026", case={"process": {"number": "MC-034-2026"}, "offers": []})
    analysis = LccAnalysis.objects.create(entity=entity_a, name="Aceite", case={"name": "Aceite"}, created_by=admin_a)
    extract = Extract(entity=entity_a, kind="procesos", original_name="p.jsonl", size=3, uploaded_by=admin_a, state=ExtractState.READY)
    extract.file.save("p.jsonl", ContentFile(b"{}\n"), save=True)
    entry = RegisterEntry.objects.create(entity=entity_a, secop_process_id="CO1.REQ.1", created_by=admin_a)
    task = Task.objects.create(entity=entity_a, created_by=admin_a, kind="process_review", label="Revisión", params={})
    token, _ = api_token_create(user=admin_a, name="prueba")
    return {
        "process_id": process.pk,
        "document_id": document.pk,
        "annex_id": annex.pk,
        "review_id": review.pk,
        "criterion_id": criterion.pk,
        "evaluation_id": evaluation.pk,
        "version": 1,
        "analysis_id": analysis.pk,
        "extract_id": extract.pk,
        "entry_id": entry.pk,
        "task_id": task.pk,
        "token_id": token.pk,
        "fmt": "xlsx",
        "kind": "interno",
        "ext": "docx",
    }


class FormFields(HTMLParser):
    """The fields of the form posting to ``action``, as a browser would submit them."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside, self.data = action, False, {}
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        if self.inside and tag == "option" and "selected" in a:
            self.data[self._select] = a.get("value") or ""
        if not self.inside or not a.get("name"):
            return
        name = a["name"]
        if tag == "input" and a.get("type") == "checkbox":
            if "checked" in a:
                self.data[name] = "on"
        elif tag == "input" and a.get("type") not in ("submit",):
            self.data[name] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea, self.data[name] = name, ""
        elif tag == "select":
            self._select = name

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea] += data

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)



@pytest.fixture
def form_fields() -> Any:
    """``form_fields(html, action)`` → the fields a browser would submit with that form."""

    def read(html: str, action: str) -> dict[str, str]:
        parser = FormFields(action)
        parser.feed(html)
        return dict(parser.data)

    return read
