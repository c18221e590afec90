from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from cps.web.accounts.models import Membership, Role


@pytest.mark.django_db
def test_add_entity_with_its_administrator() -> None:
    out = io.StringIO()
    call_command("add_entity", nombre="Alcaldía Municipal de Gachetá", nit="899999331-2", administrador="jefe", stdout=out)
    membership = Membership.objects.get(user__username="jefe")
    assert membership.role == Role.ADMIN and membership.entity.nit == "899999331-2"
    assert "Contraseña inicial de jefe" in out.getvalue()


@pytest.mark.django_db
def test_a_wrong_check_digit_is_refused(db: Any) -> None:
    with pytest.raises(CommandError, match="dígito de verificación"):
        call_command("add_entity", nombre="X", nit="899999331-5", administrador="jefe", stdout=io.StringIO())
