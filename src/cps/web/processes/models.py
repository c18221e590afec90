"""Contracting processes, their documents, the reviews the core made of them and the annexes drafted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessState(models.TextChoices):
    NEW = "new", _("Sin revisar")
    REVIEWING = "reviewing", _("En revisión")
    REVIEWED = "reviewed", _("Revisado")
    FAILED = "failed", _("Revisión fallida")


class Process(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="processes")
    number = models.CharField(_("número del proceso"), max_length=100, blank=True)
    object = models.TextField(_("objeto"), blank=True)
    modality = models.CharField(_("modalidad"), max_length=60, blank=True)
    budget = models.BigIntegerField(_("presupuesto oficial"), null=True, blank=True)
    state = models.CharField(max_length=12, choices=ProcessState.choices, default=ProcessState.NEW)
    errors_count = models.PositiveIntegerField(default=0)
    warnings_count = models.PositiveIntegerField(default=0)
    gaps_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["entity", "-updated_at", "-id"], name="process_entity_recent_idx"),
            models.Index(fields=["entity", "number"], name="process_entity_number_idx"),
        ]

    def __str__(self) -> str:
        return self.number or f"Proceso {self.pk}"

    @property
    def title(self) -> str:
        return self.number or _("Proceso sin número")


class ProcessDocument(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="documents/%Y/%m/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class ProcessReview(models.Model):
    """One run of the core's document review; the JSON fields hold its output as the CLI prints it."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="reviews")
    document = models.ForeignKey(ProcessDocument, on_delete=models.PROTECT, related_name="reviews")
    version = models.PositiveIntegerField()
    record = models.JSONField(default=dict)
    findings = models.JSONField(default=list)
    sustainability = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["process", "version"], name="review_unique_version")]


class ProcessAnnex(models.Model):
    """A Word annex drafted for the process with the criteria and the level the user chose."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="annexes")
    review = models.ForeignKey(ProcessReview, on_delete=models.PROTECT, related_name="annexes")
    criteria = models.JSONField(default=list)  # criterion ids
    level = models.CharField(max_length=20)
    file = models.FileField(upload_to="annexes/%Y/%m/")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
