"""Entities (public bodies), the people who work for them and their roles, and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrador de la entidad")
    CONTRACTING = "contratacion", _("Contratación / jurídica")
    ENVIRONMENT = "ambiental", _("Gestión ambiental")
    SUPERVISOR = "supervisor", _("Supervisor")
    READER = "consulta", _("Consulta (solo lectura)")


WRITE_ROLES = frozenset({Role.ADMIN, Role.CONTRACTING, Role.ENVIRONMENT, Role.SUPERVISOR})


class Entity(models.Model):
    name = models.CharField(_("nombre"), max_length=200)
    nit = models.CharField(_("NIT"), max_length=20, unique=True, help_text=_("Con dígito de verificación: 899999331-2"))
    municipality = models.CharField(_("municipio"), max_length=100, blank=True)
    department = models.CharField(_("departamento"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("entidad")
        verbose_name_plural = _("entidades")

    def __str__(self) -> str:
        return self.name

    @property
    def nit_base(self) -> str:
        """The NIT without its check digit, as SECOP II writes it (``899999331``)."""
        return self.nit.split("-")[0].replace(".", "").strip()


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "entity"], name="membership_unique_user_entity")]
        ordering = ["entity__name"]

    def __str__(self) -> str:
        return f"{self.user} · {self.entity} · {self.get_role_display()}"

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class ApiToken(models.Model):
    """A personal token for the JSON API; only its SHA-256 is stored, the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nombre"), max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
