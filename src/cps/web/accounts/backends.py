"""Authentication backend that loads the signed-in user together with their memberships.

Every page needs both (the entity switcher, the role, the scoping of every query); reading them
in one query (memberships joined with their user and entity) saves a round trip per request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from cps.web.accounts.models import Membership


class MembershipsBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        memberships = list(
            Membership.objects.filter(user_id=user_id).select_related("user", "entity").order_by("entity__name")
        )
        if not memberships:
            return super().get_user(user_id)  # a person without entities yet
        user = memberships[0].user
        for membership in memberships:
            membership.user = user
        user._cps_memberships = memberships
        return user if self.user_can_authenticate(user) else None
