"""People and entities: login page, entity switcher for advisers, members managed by the administrator."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cps.web.accounts.models import Membership, Role
from cps.web.accounts.services import membership_set
from cps.web.processes.models import Process


@pytest.mark.django_db
def test_login_in_spanish(admin_a: Any) -> None:
    client = Client()
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Usuario" in page and "Contraseña" in page and 'lang="es-CO"' in page
    wrong = client.post(reverse("accounts:login"), {"username": "admin_a", "password": "x"}).content.decode()
    assert "Usuario o contraseña incorrectos" in wrong
    ok = client.post(reverse("accounts:login"), {"username": "admin_a", "password": "clave-de-prueba-123"})
    assert ok.status_code == 302


@pytest.mark.django_db
def test_an_adviser_switches_between_entities(login: Any, entity_a: Any, entity_b: Any, admin_a: Any, admin_b: Any) -> None:
    adviser = admin_a
    membership_set(entity=entity_b, user=adviser, role=Role.READER)
    Process.objects.create(entity=entity_a, number="A-1", created_by=admin_a)
    Process.objects.create(entity=entity_b, number="B-1", created_by=admin_b)
    client = login(adviser)
    page = client.get(reverse("processes:list")).content.decode()
    assert "A-1" in page and "B-1" not in page and 'name="entity_id"' in page
    client.post(reverse("accounts:switch_entity"), {"entity_id": entity_b.pk}, HTTP_REFERER="/procesos/")
    page = client.get(reverse("processes:list")).content.decode()
    assert "B-1" in page and "A-1" not in page
    assert "Consulta (solo lectura)" in page  # the role shown is the one in the current entity
    assert "Revisar un documento nuevo" not in page  # no write actions for the read-only role


@pytest.mark.django_db
def test_switching_to_a_foreign_entity_is_refused(login: Any, entity_b: Any, admin_a: Any) -> None:
    client = login(admin_a)
    client.post(reverse("accounts:switch_entity"), {"entity_id": entity_b.pk})
    page = client.get(reverse("ui:home")).content.decode()
    assert "Alcaldía Municipal de Gachetá" in page and "Entidad B de prueba" not in page


@pytest.mark.django_db
def test_the_administrator_adds_people_and_others_cannot(login: Any, entity_a: Any, admin_a: Any, writer_a: Any) -> None:
    data = {"username": "supervisora", "first_name": "Luz", "last_name": "Díaz", "password": "clave-inicial-123", "role": "supervisor"}
    assert login(writer_a).post(reverse("accounts:members"), data).status_code == 403
    assert login(admin_a).post(reverse("accounts:members"), data).status_code == 302
    membership = Membership.objects.get(user__username="supervisora")
    assert membership.entity == entity_a and membership.role == Role.SUPERVISOR


@pytest.mark.django_db
def test_tokens_are_shown_once(login: Any, admin_a: Any) -> None:
    page = login(admin_a).post(reverse("accounts:profile"), {"name": "tablero"}).content.decode()
    assert "no se volverá a mostrar" in page and "cps_" in page
    again = login(admin_a).get(reverse("accounts:profile")).content.decode()
    assert "no se volverá a mostrar" not in again
