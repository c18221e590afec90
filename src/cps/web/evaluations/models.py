"""Offer evaluations. Each change after a decision makes a new version; decided versions never change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Evaluation(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="evaluations")
    process = models.ForeignKey(
        "processes.Process", on_delete=models.SET_NULL, null=True, blank=True, related_name="evaluations"
    )
    title = models.CharField(_("proceso evaluado"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["entity", "-updated_at"], name="evaluation_entity_recent_idx")]

    def __str__(self) -> str:
        return self.title


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    DECIDED = "decided", _("Decidida")


class EvaluationVersion(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    case = models.JSONField(default=dict)  # the case in the YAML format of `cps evaluate`
    result = models.JSONField(null=True, blank=True)  # `cps evaluate --json`
    status = models.CharField(max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("motivo del cambio"), max_length=300, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "number"], name="evaluation_unique_version")]

    @property
    def decided(self) -> bool:
        return self.status == VersionStatus.DECIDED
