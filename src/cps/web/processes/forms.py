from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cps.web.ui.uploads import DOCUMENT, validate_upload


class DocumentUploadForm(forms.Form):
    document = forms.FileField(
        label=_("Invitación o estudios previos"),
        help_text=_("PDF, Word (.docx) o texto (.txt, .md)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.txt,.md"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["document"].help_text = f"PDF, Word (.docx) o texto (.txt, .md), hasta {settings.MAX_UPLOAD_MB} MB."

    def clean_document(self) -> object:
        upload = self.cleaned_data["document"]
        validate_upload(upload, kind=DOCUMENT, max_mb=settings.MAX_UPLOAD_MB)
        return upload
