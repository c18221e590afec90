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


class Dimension(models.TextChoices):
    ENVIRONMENTAL = "environmental", _("Ambiental")
    SOCIAL = "social", _("Social")
    ECONOMIC = "economic", _("Económica")


class Aspect(models.TextChoices):
    ENERGY = "energy", _("Energía")
    WATER = "water", _("Agua")
    WASTE = "waste", _("Residuos")
    HAZARDOUS = "hazardous_substances", _("Sustancias peligrosas")
    EMISSIONS = "emissions", _("Emisiones")
    RESOURCES = "resources", _("Uso de recursos y materiales")
    DURABILITY = "durability", _("Durabilidad y vida útil")
    BIODIVERSITY = "biodiversity", _("Biodiversidad y bosques")
    LABOUR = "labour", _("Condiciones laborales")
    INCLUSION = "inclusion", _("Inclusión y economía local")


class Nature(models.TextChoices):
    LEGAL = "legal_requirement", _("Obligación legal")
    RECOMMENDATION = "recommendation", _("Recomendación (buena práctica)")


class VerificationMeans(models.TextChoices):
    ECOLABEL = "ecolabel", _("Ecoetiqueta tipo I o equivalente")
    CERTIFICATE = "certificate", _("Certificado de tercera parte")
    TECHNICAL_SHEET = "technical_sheet", _("Ficha técnica")
    SAFETY_SHEET = "safety_data_sheet", _("Hoja de datos de seguridad")
    TEST_REPORT = "test_report", _("Informe de ensayo")
    DECLARATION = "declaration", _("Declaración del proveedor")
    DELIVERY = "delivery_records", _("Certificados de entrega a gestor autorizado")
    INVOICES = "invoices", _("Facturas y soportes de compra")
    INSPECTION = "inspection", _("Inspección del supervisor")


class SourceStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmada (norma o documento oficial)")
    SECONDARY = "secondary", _("Fuente secundaria")


class EntityCriterion(models.Model):
    entity = models.ForeignKey("accounts.Entity", on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("identificador"), max_length=30)
    title = models.CharField(_("título"), max_length=200)
    applies_to = models.JSONField(_("códigos UNSPSC"), default=list)
    level = models.CharField(_("nivel"), max_length=10, choices=Level.choices)
    placement = models.CharField(_("ubicación"), max_length=30, choices=Placement.choices)
    text = models.TextField(_("texto de la cláusula"))
    verification = models.TextField(_("medio de verificación"))
    legal_basis = models.TextField(_("fundamento legal"))
    sources = models.JSONField(default=list, blank=True)
    dimension = models.CharField(_("dimensión"), max_length=20, choices=Dimension.choices, default=Dimension.ENVIRONMENTAL)
    aspect = models.CharField(_("aspecto"), max_length=30, choices=Aspect.choices, default=Aspect.WASTE)
    nature = models.CharField(_("naturaleza"), max_length=20, choices=Nature.choices, default=Nature.RECOMMENDATION)
    verification_means = models.CharField(_("medio de verificación (tipo)"), max_length=30, choices=VerificationMeans.choices, default=VerificationMeans.DECLARATION)
    source_title = models.CharField(_("fuente citable"), max_length=300, default="")
    source_status = models.CharField(_("estado de la fuente"), max_length=12, choices=SourceStatus.choices, default=SourceStatus.CONFIRMED)
    detect = models.CharField(_("frases que lo reconocen en un documento"), max_length=500, blank=True)
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
            "sources": [self.source_title] if self.source_title else list(self.sources),
            "entity": True,
        }
