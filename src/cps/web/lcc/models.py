"""Life-cycle cost analyses: the case (YAML format of `cps lcc`) and the core's result."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LccAnalysis(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="lcc_analyses")
    process = models.ForeignKey(
        "processes.Process", on_delete=models.SET_NULL, null=True, blank=True, related_name="lcc_analyses"
    )
    name = models.CharField(_("nombre"), max_length=200)
    case = models.JSONField(default=dict)
    result = models.JSONField(null=True, blank=True)  # `cps lcc --json`
    sensitivity = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["entity", "-updated_at"], name="lcc_entity_recent_idx")]

    def __str__(self) -> str:
        return self.name
