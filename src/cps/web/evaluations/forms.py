from __future__ import annotations

from typing import Any

import yaml
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cps.web.ui.uploads import YAML, validate_upload


def read_case_yaml(upload: Any) -> dict[str, Any]:
    """The uploaded case as a dict (the core validates its content when it runs)."""
    validate_upload(upload, kind=YAML, max_mb=settings.MAX_UPLOAD_MB)
    upload.seek(0)
    try:
        data = yaml.safe_load(upload.read().decode("utf-8"))
    except UnicodeDecodeError:
        raise forms.ValidationError("El archivo YAML debe estar en UTF-8.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (línea {mark.line + 1})" if mark is not None else ""
        raise forms.ValidationError(f"El archivo no es un YAML válido{where}.") from None
    if not isinstance(data, dict) or "process" not in data:
        raise forms.ValidationError("El YAML no tiene la sección «process» del formato de evaluación.")
    return _plain(data)


def _plain(value: Any) -> Any:
    """YAML dates and non-string keys → JSON-storable values (ISO strings, string keys)."""
    import datetime as dt

    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


class EvaluationCreateForm(forms.Form):
    title = forms.CharField(label=_("Proceso evaluado"), max_length=200, required=False, help_text=_("Número y objeto, p. ej. MC-034-2026 lubricantes. Si importa un YAML, se toma de allí."))
    process = forms.ChoiceField(label=_("Proceso revisado (opcional)"), required=False, help_text=_("Toma el número, el presupuesto y los ítems de la ficha del proceso."))
    case_file = forms.FileField(label=_("Importar un caso en YAML (opcional)"), required=False, help_text=_("El formato de «cps evaluate»: proceso, ítems y ofertas."))

    def __init__(self, *args: Any, processes: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process"].choices = [("", "—")] + [(str(p.pk), f"{p.title} · {p.object[:80]}") for p in processes or []]

    def clean_case_file(self) -> dict[str, Any] | None:
        upload = self.cleaned_data.get("case_file")
        return read_case_yaml(upload) if upload else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title") and not data.get("case_file") and not data.get("process"):
            raise forms.ValidationError("Escriba el proceso evaluado, elija un proceso revisado o importe un YAML.")
        return data


class CaseUploadForm(forms.Form):
    case_file = forms.FileField(label=_("Caso en YAML"))
    reason = forms.CharField(label=_("Motivo del cambio"), max_length=300, required=False)

    def clean_case_file(self) -> dict[str, Any]:
        return read_case_yaml(self.cleaned_data["case_file"])
