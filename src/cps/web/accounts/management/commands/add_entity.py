"""``add_entity``: a new entity and its first administrator (installation setup)."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cps.errors import InputError
from cps.web.accounts.models import Entity, Role
from cps.web.accounts.services import entity_create, membership_set, user_create


class Command(BaseCommand):
    help = "Crea una entidad y le asigna su administrador (un usuario existente o uno nuevo)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--nombre", required=True, help="p. ej. «Alcaldía Municipal de Gachetá»")
        parser.add_argument("--nit", required=True, help="con dígito de verificación: 899999331-2")
        parser.add_argument("--municipio", default="")
        parser.add_argument("--departamento", default="")
        parser.add_argument("--administrador", required=True, help="usuario administrador de la entidad")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        try:
            entity = Entity.objects.filter(nit__startswith=options["nit"].split("-")[0]).first() or entity_create(
                name=options["nombre"], nit=options["nit"], municipality=options["municipio"], department=options["departamento"]
            )
        except InputError as error:
            raise CommandError(str(error)) from None
        user = get_user_model().objects.filter(username=options["administrador"]).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_create(username=options["administrador"], password=password)
        membership_set(entity=entity, user=user, role=Role.ADMIN)
        self.stdout.write(f"Entidad: {entity.name} (NIT {entity.nit}); administrador: {user.username}")
        if password:
            self.stdout.write(f"Contraseña inicial de {user.username}: {password} (cámbiela al ingresar)")
