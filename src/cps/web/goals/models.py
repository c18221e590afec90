"""The entity's CPS plan, the SECOP II extracts it uploaded, its own register and computed indicators."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """Targets per year and priority classes, in the YAML format of `cps indicators --plan`."""

    entity = models.OneToOneField("accounts.Entity", on_delete=models.CASCADE, related_name="plan")
    targets = models.JSONField(default=dict)  # {"2026": {"share_processes": 0.10, "share_value": 0.08}}
    priority_classes = models.JSONField(default=list)  # ["151215", ...]
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def as_plan_dict(self) -> dict[str, object]:
        return {
            "entity_nit": self.entity.nit_base,
            "entity": self.entity.name,
            "targets": {int(year): dict(values) for year, values in sorted(self.targets.items())},
            "priority_classes": list(self.priority_classes),
        }


class ExtractKind(models.TextChoices):
    PROCESSES = "procesos", _("Procesos (p6dx-8zbt)")
    CONTRACTS = "contratos", _("Contratos (jbjy-vk9h)")


class ExtractState(models.TextChoices):
    PENDING = "pending", _("En importación")
    READY = "ready", _("Importado")
    FAILED = "failed", _("Con error")


class Extract(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="extracts")
    kind = models.CharField(_("conjunto de datos"), max_length=10, choices=ExtractKind.choices)
    file = models.FileField(upload_to="extracts/%Y/%m/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    rows = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=ExtractState.choices, default=ExtractState.PENDING)
    error = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class RegisterEntry(models.Model):
    """A SECOP II process the entity marks as carrying sustainability criteria (its own register)."""

    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="register_entries")
    secop_process_id = models.CharField(_("ID del proceso en SECOP II"), max_length=60)
    note = models.CharField(_("criterios incluidos"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["secop_process_id"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "secop_process_id"], name="register_unique_process")
        ]


class IndicatorSnapshot(models.Model):
    """The indicators computed by the core from the plan, the latest extracts and the register."""

    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="indicator_snapshots")
    result = models.JSONField(default=dict)  # `cps indicators --json`
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-computed_at", "-id"]
        indexes = [models.Index(fields=["entity", "-computed_at"], name="snapshot_entity_recent_idx")]
