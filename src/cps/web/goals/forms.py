from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cps.web.goals.models import ExtractKind
from cps.web.ui.uploads import EXTRACT, validate_upload

YEARS = range(2024, 2031)


def _percent(value: str, label: str) -> float | None:
    text = value.strip().replace("%", "").replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise forms.ValidationError(f"{label}: «{value}» no es un porcentaje") from None
    if not 0 <= number <= 100:
        raise forms.ValidationError(f"{label}: el porcentaje debe estar entre 0 y 100")
    return float(number / 100)


class PlanForm(forms.Form):
    priority_classes = forms.CharField(
        label=_("Categorías prioritarias (clases UNSPSC de 6 dígitos)"),
        required=False,
        help_text=_("Separadas por comas, p. ej. 151215, 401615, 471318."),
    )

    def __init__(self, *args: Any, initial_targets: dict[str, dict[str, float]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        targets = initial_targets or {}
        for year in YEARS:
            current = targets.get(str(year), {})
            for key, label in (("share_processes", _("% de procesos")), ("share_value", _("% del valor"))):
                initial = current.get(key)
                self.fields[f"{key}_{year}"] = forms.CharField(
                    label=f"{year} {label}",
                    required=False,
                    initial="" if initial is None else format((Decimal(str(initial)) * 100).normalize(), "f").replace(".", ","),
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "compact", "size": 6}),
                )

    def year_rows(self) -> list[tuple[int, Any, Any]]:
        return [(y, self[f"share_processes_{y}"], self[f"share_value_{y}"]) for y in YEARS]

    def clean_priority_classes(self) -> list[str]:
        codes = [c for c in re.split(r"[\s,;]+", self.cleaned_data["priority_classes"]) if c]
        bad = [c for c in codes if not re.fullmatch(r"\d{6}", c)]
        if bad:
            raise forms.ValidationError(f"Clases no válidas (deben tener 6 dígitos): {', '.join(bad)}")
        return codes

    def targets(self) -> dict[str, dict[str, float]]:
        result: dict[str, dict[str, float]] = {}
        errors = []
        for year in YEARS:
            values: dict[str, float] = {}
            for key in ("share_processes", "share_value"):
                try:
                    share = _percent(self.cleaned_data.get(f"{key}_{year}", ""), str(year))
                except forms.ValidationError as error:
                    errors.extend(error.messages)
                    continue
                if share is not None:
                    values[key] = share
            if values:
                if len(values) == 1:
                    errors.append(f"{year}: indique las dos metas (procesos y valor)")
                result[str(year)] = values
        if errors:
            raise forms.ValidationError(errors)
        return result


class ExtractForm(forms.Form):
    kind = forms.ChoiceField(label=_("Conjunto de datos de SECOP II"), choices=ExtractKind.choices)
    file = forms.FileField(label=_("Archivo"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"JSON lines de la API de datos.gov.co o CSV exportado del portal, hasta {settings.MAX_EXTRACT_MB} MB."

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload, kind=EXTRACT, max_mb=settings.MAX_EXTRACT_MB)
        return upload


class RegisterForm(forms.Form):
    secop_process_id = forms.CharField(label=_("ID del proceso en SECOP II"), max_length=60, help_text=_("Como aparece en el extracto, p. ej. CO1.REQ.7010000."))
    note = forms.CharField(label=_("Criterios incluidos"), max_length=300, required=False)
