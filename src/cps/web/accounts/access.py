"""Scoping: every read and write goes through the user's memberships.

A user never sees or changes data of an entity they do not belong to: selectors filter by
:func:`entity_ids_for`, object lookups go through :func:`object_for` (404 for anything outside the
user's entities, so the existence of other entities' objects is not revealed), and write services
call :func:`require_write` (403 for the read-only role).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cps.web.accounts.models import Entity, Membership, Role

M = TypeVar("M", bound=Model)

READ_ONLY_MESSAGE = "Su rol en esta entidad es de consulta: puede ver la información pero no modificarla."


def memberships_of(*, user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_cps_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("entity").order_by("entity__name"))
        user._cps_memberships = cached
    return cached


def entity_ids_for(*, user: Any) -> list[int]:
    return [m.entity_id for m in memberships_of(user=user)]


def membership_in(*, user: Any, entity: Entity | int) -> Membership | None:
    entity_id = entity if isinstance(entity, int) else entity.pk
    for membership in memberships_of(user=user):
        if membership.entity_id == entity_id:
            return membership
    return None


def scoped(queryset: QuerySet[M], *, user: Any, field: str = "entity_id") -> QuerySet[M]:
    """Only the rows of the user's entities."""
    return queryset.filter(**{f"{field}__in": entity_ids_for(user=user)})


def object_for(queryset: QuerySet[M], *, user: Any, pk: Any, field: str = "entity_id") -> M:
    """The object with ``pk`` if it belongs to one of the user's entities; 404 otherwise."""
    try:
        return scoped(queryset, user=user, field=field).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No existe o no pertenece a sus entidades.")) from None


def require_member(*, user: Any, entity: Entity | int) -> Membership:
    membership = membership_in(user=user, entity=entity)
    if membership is None:
        raise Http404(_("No existe o no pertenece a sus entidades."))
    return membership


def require_write(*, user: Any, entity: Entity | int) -> Membership:
    membership = require_member(user=user, entity=entity)
    if not membership.can_write:
        raise PermissionDenied(_(READ_ONLY_MESSAGE))
    return membership


def require_admin(*, user: Any, entity: Entity | int) -> Membership:
    membership = require_member(user=user, entity=entity)
    if membership.role != Role.ADMIN:
        raise PermissionDenied(_("Solo el administrador de la entidad puede hacer esto."))
    return membership
