"""``load_demo``: the demo entity (Gachetá, from the seed), a demo user and demo data."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

import cps
from cps.web.accounts.models import Entity, Role
from cps.web.accounts.services import entity_create, membership_set

DEMO_USERNAME = "demo"
GACHETA = {"name": "Alcaldía Municipal de Gachetá", "nit": "899999331-2", "municipality": "Gachetá", "department": "Cundinamarca"}


def default_fixtures() -> Path:
    return Path(cps.__file__).resolve().parents[2] / "tests" / "fixtures"


def demo_password() -> str:
    """Kept in the data folder so that the printed credentials stay valid across restarts."""
    path = Path(settings.DATA_DIR) / ".demo_password"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    password = "gacheta-" + secrets.token_urlsafe(9)
    path.touch(mode=0o600)
    path.write_text(password, encoding="utf-8")
    return password


class Command(BaseCommand):
    help = "Crea la entidad de demostración (Gachetá), un usuario de demostración y datos de ejemplo."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--fixtures", default=str(default_fixtures()), help="carpeta con la invitación semilla y los ejemplos")

    def handle(self, *args: Any, **options: Any) -> None:
        fixtures = Path(options["fixtures"])
        user, entity, password = self._people()
        notes = self._data(user=user, entity=entity, fixtures=fixtures)
        self.stdout.write(f"Entidad de demostración: {entity.name} (NIT {entity.nit})")
        self.stdout.write(f"Ingrese con  usuario: {DEMO_USERNAME}   contraseña: {password}")
        for note in notes:
            self.stdout.write(note)

    @transaction.atomic
    def _people(self) -> tuple[Any, Entity, str]:
        entity = Entity.objects.filter(nit=GACHETA["nit"]).first() or entity_create(**GACHETA)
        user_model = get_user_model()
        password = demo_password()
        user = user_model.objects.filter(username=DEMO_USERNAME).first()
        if user is None:
            user = user_model.objects.create_user(username=DEMO_USERNAME, password=password, first_name="Usuario", last_name="de demostración")
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        membership_set(entity=entity, user=user, role=Role.ADMIN)
        return user, entity, password

    def _data(self, *, user: Any, entity: Entity, fixtures: Path) -> list[str]:
        from cps.web.tasks.services import run_pending_tasks

        notes: list[str] = []
        loaders = (self._process, self._evaluation, self._lcc, self._goals)
        for loader in loaders:
            try:
                note = loader(user=user, entity=entity, fixtures=fixtures)
            except Exception as error:
                note = f"(datos de ejemplo no cargados: {error})"
            if note:
                notes.append(note)
        run_pending_tasks()
        return notes

    def _process(self, *, user: Any, entity: Entity, fixtures: Path) -> str:
        from cps.web.processes.models import Process
        from cps.web.processes.services import process_create_from_upload

        if Process.objects.filter(entity=entity).exists():
            return ""
        seed = fixtures / "003_910f26f6926a9d9c.txt"
        upload = SimpleUploadedFile("invitacion-MC-034-2026.txt", seed.read_bytes(), content_type="text/plain")
        process_create_from_upload(user=user, entity=entity, upload=upload)
        return "Proceso de ejemplo: invitación MC-034-2026, revisada."

    def _evaluation(self, *, user: Any, entity: Entity, fixtures: Path) -> str:
        from cps.web.evaluations.forms import read_case_yaml
        from cps.web.evaluations.models import Evaluation
        from cps.web.evaluations.services import evaluation_create

        if Evaluation.objects.filter(entity=entity).exists():
            return ""
        path = fixtures / "examples" / "evaluation" / "mc-034-2026.yaml"
        case = read_case_yaml(SimpleUploadedFile(path.name, path.read_bytes()))
        evaluation = evaluation_create(user=user, entity=entity, title="MC-034-2026 · suministro de lubricantes y filtros", case=case)
        from cps.web.evaluations.core import available, evaluate_case
        from cps.web.evaluations.services import evaluation_current, evaluation_record_result

        if available():
            version = evaluation_current(evaluation=evaluation)
            evaluation_record_result(user=user, version=version, result=evaluate_case(version.case))
            return "Evaluación de ejemplo: MC-034-2026 con tres ofertas, ejecutada (sin decidir)."
        return "Evaluación de ejemplo: MC-034-2026 con tres ofertas."

    def _lcc(self, *, user: Any, entity: Entity, fixtures: Path) -> str:
        import yaml

        from cps.web.lcc.core import compute_case
        from cps.web.lcc.models import LccAnalysis
        from cps.web.lcc.services import analysis_save

        if LccAnalysis.objects.filter(entity=entity).exists():
            return ""
        case = yaml.safe_load((fixtures / "examples" / "lcc" / "aceite-motor-volquetas.yaml").read_text(encoding="utf-8"))
        result, sensitivity = compute_case(case)
        analysis_save(user=user, entity=entity, case=case, result=result, sensitivity=sensitivity)
        return "Análisis de ciclo de vida de ejemplo: aceite de motor para volquetas."

    def _goals(self, *, user: Any, entity: Entity, fixtures: Path) -> str:
        import yaml

        from cps.web.goals.models import Extract, Plan
        from cps.web.goals.services import extract_upload, plan_save

        folder = fixtures / "examples" / "indicators"
        if not Plan.objects.filter(entity=entity).exists():
            plan = yaml.safe_load((folder / "plan.yaml").read_text(encoding="utf-8"))
            targets = {str(year): values for year, values in plan["targets"].items()}
            plan_save(user=user, entity=entity, targets=targets, priority_classes=plan["priority_classes"])
        if Extract.objects.filter(entity=entity).exists():
            return ""
        for kind, name in (("procesos", "procesos.jsonl"), ("contratos", "contratos.jsonl")):
            upload = SimpleUploadedFile(name, (folder / name).read_bytes(), content_type="application/x-ndjson")
            extract_upload(user=user, entity=entity, kind=kind, upload=upload)
        return "Metas de ejemplo: plan 2025–2026 y extractos de SECOP II."
