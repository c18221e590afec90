"""The process list caches its rendered table, but never shows a stale list."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from cps.web.processes.models import Process
from cps.web.processes.services import process_mark_failed


@pytest.mark.django_db
def test_new_and_changed_processes_appear_at_once(login: Any, entity_a: Any, writer_a: Any) -> None:
    client = login(writer_a)
    Process.objects.create(entity=entity_a, number="MC-001-2026", created_by=writer_a)
    first = client.get(reverse("processes:list")).content.decode()
    assert "MC-001-2026" in first and "1 proceso." in first
    client.get(reverse("processes:list"))  # served from the cache
    second = Process.objects.create(entity=entity_a, number="MC-002-2026", created_by=writer_a)
    page = client.get(reverse("processes:list")).content.decode()
    assert "MC-002-2026" in page and "2 procesos." in page
    process_mark_failed(process_id=second.pk)
    assert "Revisión fallida" in client.get(reverse("processes:list")).content.decode()
