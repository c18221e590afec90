from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from cps.web.accounts.services import api_token_user


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cps_…``: a personal token created in «Mi perfil»."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_user(token=token)
        if user is not None:
            request.user = user
        return user
