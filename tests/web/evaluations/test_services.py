"""An evaluation once decided cannot be edited silently: a change creates a new version."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from cps.web.audit.models import AuditEvent
from cps.web.evaluations.services import (
    evaluation_create,
    evaluation_current,
    evaluation_decide,
    evaluation_record_result,
    evaluation_save_case,
)

CASE = {"process": {"number": "MC-034-2026"}, "offers": []}
RESULT = {"process": "MC-034-2026", "outcome": "adjudicada", "selected": "A", "offers": []}


@pytest.mark.django_db
def test_draft_is_changed_in_place_and_audited(entity_a: Any, writer_a: Any) -> None:
    evaluation = evaluation_create(user=writer_a, entity=entity_a, title="MC-034-2026", case=CASE)
    version = evaluation_save_case(user=writer_a, evaluation=evaluation, case={**CASE, "offers": [{"id": "A"}]})
    assert version.number == 1
    assert evaluation.versions.count() == 1
    assert AuditEvent.objects.filter(object_type="evaluation", object_id=evaluation.pk, action="updated").exists()


@pytest.mark.django_db
def test_decided_version_is_final_and_changes_make_a_new_version(entity_a: Any, writer_a: Any) -> None:
    evaluation = evaluation_create(user=writer_a, entity=entity_a, title="MC-034-2026", case=CASE)
    first = evaluation_current(evaluation=evaluation)
    evaluation_record_result(user=writer_a, version=first, result=RESULT)
    evaluation_decide(user=writer_a, version=first)
    second = evaluation_save_case(user=writer_a, evaluation=evaluation, case={**CASE, "offers": [{"id": "B"}]}, reason="oferta subsanada")
    first.refresh_from_db()
    assert second.number == 2 and not second.decided
    assert first.decided and first.case == CASE and first.result == RESULT
    with pytest.raises(PermissionDenied):
        evaluation_record_result(user=writer_a, version=first, result={**RESULT, "selected": "B"})
    with pytest.raises(PermissionDenied):
        evaluation_decide(user=writer_a, version=first)
    actions = list(AuditEvent.objects.filter(object_id=evaluation.pk, object_type="evaluation").values_list("action", flat=True))
    assert {"created", "evaluated", "decided", "new_version"} <= set(actions)


@pytest.mark.django_db
def test_a_version_cannot_be_decided_before_it_is_run(entity_a: Any, writer_a: Any) -> None:
    evaluation = evaluation_create(user=writer_a, entity=entity_a, title="MC-034-2026", case=CASE)
    with pytest.raises(PermissionDenied):
        evaluation_decide(user=writer_a, version=evaluation_current(evaluation=evaluation))


@pytest.mark.django_db
def test_read_only_role_cannot_create(entity_a: Any, reader_a: Any) -> None:
    with pytest.raises(PermissionDenied):
        evaluation_create(user=reader_a, entity=entity_a, title="x", case=CASE)
