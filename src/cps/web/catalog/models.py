"""The entity's own sustainability criteria, in the same shape as the core catalog's criteria."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Placement(models.TextChoices):
    TECHNICAL = "technical_specification", _("Especificación técnica")
    HABILITATING = "habilitating_requirement", _("Requisito habilitante")
    AWARD = "award_criterion", _("Criterio de evaluación (puntaje)")
    OBLIGATION = "contract_obligation", _("Obligación contractual")


class Level(models.TextChoices):
    BASIC = "basico", _("Básico")
    ADVANCED = "avanzado", _("Avanzado")


class EntityCriterion(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("identificador"), max_length=30)
    title = models.CharField(_("título"), max_length=200)
    applies_to = models.JSONField(_("códigos UNSPSC"), default=list)
    level = models.CharField(_("nivel"), max_length=10, choices=Level.choices)
    placement = models.CharField(_("ubicación"), max_length=30, choices=Placement.choices)
    text = models.TextField(_("texto de la cláusula"))
    verification = models.TextField(_("medio de verificación"))
    legal_basis = models.TextField(_("fundamento legal"), blank=True)
    sources = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["entity", "code"], name="criterion_unique_code")]

    def as_core_dict(self) -> dict[str, object]:
        return {
            "id": self.code,
            "title": self.title,
            "applies_to": list(self.applies_to),
            "level": self.level,
            "placement": self.placement,
            "text": self.text,
            "verification": self.verification,
            "legal_basis": self.legal_basis,
            "sources": list(self.sources),
            "entity": True,
        }
