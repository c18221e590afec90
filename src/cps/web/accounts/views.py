from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from cps.web.accounts.access import membership_in, require_admin, require_member
from cps.web.accounts.forms import LoginForm, MemberForm, TokenForm
from cps.web.accounts.middleware import SESSION_KEY
from cps.web.accounts.selectors import api_tokens_of, entity_members
from cps.web.accounts.services import api_token_create, api_token_revoke, membership_set, user_create
from cps.web.audit.selectors import audit_for_entity


class Login(LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_POST
def switch_entity(request: HttpRequest) -> HttpResponse:
    try:
        entity_id = int(request.POST.get("entity_id", ""))
    except ValueError:
        entity_id = -1
    membership = membership_in(user=request.user, entity=entity_id)
    if membership is None:
        messages.error(request, "No pertenece a esa entidad.")
    else:
        request.session[SESSION_KEY] = membership.entity_id
        messages.success(request, f"Ahora trabaja en {membership.entity.name}.")
    back = request.POST.get("next") or request.META.get("HTTP_REFERER") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    # object pages of the previous entity would answer 404: go to the section's list instead
    return redirect(_section_root(back) or "ui:home")


def _section_root(url: str) -> str:
    from urllib.parse import urlparse

    path = urlparse(url).path
    first = path.strip("/").split("/")[0] if path.strip("/") else ""
    return f"/{first}/" if first in {"procesos", "catalogo", "evaluaciones", "ciclo-de-vida", "metas"} else ""


def profile(request: HttpRequest) -> HttpResponse:
    new_token = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, new_token = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "tokens": api_tokens_of(user=request.user), "new_token": new_token},
    )


@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    if not api_token_revoke(user=request.user, token_id=token_id):
        raise Http404("No existe ese token.")
    messages.success(request, "Token revocado.")
    return redirect("accounts:profile")


def members(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    require_member(user=request.user, entity=entity)
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        require_admin(user=request.user, entity=entity)
        if form.is_valid():
            data = form.cleaned_data
            user_model = get_user_model()
            user = user_model.objects.filter(username=data["username"]).first()
            if user is None:
                if not data["password"]:
                    form.add_error("password", "Para un usuario nuevo escriba una contraseña inicial.")
                else:
                    user = user_create(
                        username=data["username"],
                        password=data["password"],
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                    )
            if user is not None:
                membership_set(entity=entity, user=user, role=data["role"], by=request.user)
                messages.success(request, f"{user.username} ahora es {dict(form.fields['role'].choices)[data['role']]}.")
                return redirect("accounts:members")
    return render(
        request,
        "accounts/members.html",
        {"form": form, "members": entity_members(user=request.user, entity=entity)},
    )


@require_safe
def entity_audit(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    return render(request, "accounts/audit.html", {"events": audit_for_entity(user=request.user, entity_id=entity.pk)})
