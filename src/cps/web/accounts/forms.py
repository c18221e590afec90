from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from cps.web.accounts.models import Role


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Usuario o contraseña incorrectos. Revise mayúsculas y minúsculas."),
        "inactive": _("Esta cuenta está desactivada."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Usuario")
        self.fields["password"].label = _("Contraseña")


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Nombre del token"), max_length=100, help_text=_("Para qué lo usará, p. ej. «tablero de la secretaría»."))


class MemberForm(forms.Form):
    username = forms.CharField(label=_("Usuario"), max_length=150)
    first_name = forms.CharField(label=_("Nombres"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Apellidos"), max_length=150, required=False)
    password = forms.CharField(
        label=_("Contraseña inicial (solo para usuarios nuevos)"),
        widget=forms.PasswordInput,
        required=False,
        min_length=10,
    )
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
