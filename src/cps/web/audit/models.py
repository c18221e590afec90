"""Audit trail: who created or changed what, and when. Rows are only ever added."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "created": _("creó"),
    "updated": _("modificó"),
    "uploaded": _("cargó un documento"),
    "reviewed": _("revisó"),
    "annex": _("generó un anexo"),
    "evaluated": _("ejecutó la evaluación"),
    "decided": _("registró la decisión"),
    "new_version": _("creó una nueva versión"),
    "computed": _("calculó"),
    "imported": _("importó"),
    "deleted": _("eliminó"),
    "role_set": _("asignó un rol"),
}


class AuditEvent(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="audit_events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    action = models.CharField(_("acción"), max_length=40)  # created, updated, reviewed, decided, ...
    object_type = models.CharField(max_length=40)  # process, evaluation, lcc, plan, extract, criterion, ...
    object_id = models.BigIntegerField()
    summary = models.CharField(_("resumen"), max_length=300)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-created_at"], name="audit_object_idx")]

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.object_type}#{self.object_id}"
