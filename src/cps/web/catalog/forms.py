from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cps.web.catalog.models import EntityCriterion, Level, Placement

_CODE_RE = re.compile(r"^\d{8}$")


class CriterionForm(forms.ModelForm):
    applies_to_text = forms.CharField(
        label=_("Códigos UNSPSC a los que aplica"),
        help_text=_("Códigos de 8 dígitos separados por comas o espacios (segmento, familia, clase o producto)."),
    )

    class Meta:
        model = EntityCriterion
        fields = [
            "code", "title", "level", "placement", "dimension", "aspect", "nature", "text", "verification",
            "verification_means", "legal_basis", "source_title", "source_status", "detect",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "verification": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "code": _("Identificador propio en mayúsculas, p. ej. GACH-01."),
            "source_title": _("Norma, guía o documento que respalda el criterio (un criterio sin fuente citable no entra al catálogo)."),
            "detect": _("Opcional: frases separadas por «;» con las que suele aparecer en una invitación (por omisión, el título)."),
            "placement": _("En mínima cuantía no se permite como criterio de puntaje: use especificación técnica u obligación contractual."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = Level.choices
        self.fields["placement"].choices = Placement.choices
        if self.instance.pk:
            self.fields["applies_to_text"].initial = ", ".join(self.instance.applies_to)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().upper()
        if not re.fullmatch(r"[A-Z][A-Z0-9]*(?:[-_.][A-Z0-9]+)+", code):
            raise forms.ValidationError("Use mayúsculas, números y guion, p. ej. GACH-01.")
        return code

    def clean_applies_to_text(self) -> list[str]:
        codes = [c for c in re.split(r"[\s,;]+", self.cleaned_data["applies_to_text"]) if c]
        bad = [c for c in codes if not _CODE_RE.match(c)]
        if bad:
            raise forms.ValidationError(f"Códigos no válidos (deben tener 8 dígitos): {', '.join(bad)}")
        if not codes:
            raise forms.ValidationError("Indique al menos un código UNSPSC.")
        return codes


class CatalogFilterForm(forms.Form):
    q = forms.CharField(label=_("Texto"), required=False, max_length=100)
    code = forms.CharField(label=_("Código UNSPSC"), required=False, max_length=8)
    modality = forms.ChoiceField(
        label=_("Modalidad"),
        required=False,
        choices=[
            ("", _("Todas")),
            ("minima_cuantia", _("Mínima cuantía")),
            ("seleccion_abreviada_menor_cuantia", _("Selección abreviada de menor cuantía")),
            ("subasta_inversa", _("Subasta inversa")),
            ("licitacion_publica", _("Licitación pública")),
            ("concurso_de_meritos", _("Concurso de méritos")),
            ("contratacion_directa", _("Contratación directa")),
        ],
    )
    level = forms.ChoiceField(label=_("Nivel"), required=False, choices=[("", _("Todos")), *Level.choices])

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if code and not code.isdigit():
            raise forms.ValidationError("El código UNSPSC tiene solo dígitos.")
        return code
