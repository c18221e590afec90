"""Entities, memberships and API tokens (writes)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cps.errors import InputError
from cps.law import nit as nit_rules
from cps.web.accounts.access import require_admin
from cps.web.accounts.models import ApiToken, Entity, Membership, Role

TOKEN_PREFIX = "cps_"


def entity_create(*, name: str, nit: str, municipality: str = "", department: str = "") -> Entity:
    """Create an entity; the NIT must carry a correct check digit (DIAN, art. 555-1 E.T.)."""
    try:
        parsed = nit_rules.parse(nit)
    except ValueError as error:
        raise InputError(str(error), field="nit") from None
    if not parsed.valid:
        raise InputError(
            f"el dígito de verificación de {nit} no corresponde: debería ser {parsed.expected_digit}", field="nit"
        )
    return Entity.objects.create(
        name=name.strip(), nit=parsed.formatted(), municipality=municipality, department=department
    )


def _forget_memberships(user: Any) -> None:
    if hasattr(user, "_cps_memberships"):
        del user._cps_memberships


@transaction.atomic
def membership_set(*, entity: Entity, user: Any, role: str, by: Any | None = None) -> Membership:
    """Give ``user`` the ``role`` in ``entity`` (the administrator does it; ``by=None`` for setup)."""
    if by is not None:
        require_admin(user=by, entity=entity)
    if role not in Role.values:
        raise InputError(f"rol desconocido: {role}", field="role")
    membership, _ = Membership.objects.update_or_create(user=user, entity=entity, defaults={"role": role})
    _forget_memberships(user)
    if by is not None:
        from cps.web.audit.services import audit_record

        audit_record(
            user=by,
            entity_id=entity.pk,
            action="role_set",
            obj=membership,
            object_type="membership",
            summary=f"{user.username}: {membership.get_role_display()}",
        )
    return membership


def user_create(*, username: str, password: str, first_name: str = "", last_name: str = "", email: str = "") -> Any:
    user_model = get_user_model()
    return user_model.objects.create_user(
        username=username, password=password, first_name=first_name, last_name=last_name, email=email
    )


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new personal token; the clear token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(user=user, name=name.strip()[:100] or "API", prefix=token[:8], digest=token_digest(token))
    return row, token


def api_token_revoke(*, user: Any, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False when the user has no such token."""
    if not ApiToken.objects.filter(user=user, pk=token_id).exists():
        return False
    ApiToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return True


def api_token_user(*, token: str) -> Any | None:
    """The active user owning ``token``, or None."""
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if row is None:
        return None
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row.user
