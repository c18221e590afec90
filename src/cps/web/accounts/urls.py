from django.contrib.auth.views import LogoutView
from django.urls import path

from cps.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("ingresar/", views.Login.as_view(), name="login"),
    path("salir/", LogoutView.as_view(), name="logout"),
    path("entidad/", views.switch_entity, name="switch_entity"),
    path("perfil/", views.profile, name="profile"),
    path("perfil/tokens/<int:token_id>/revocar/", views.token_revoke, name="token_revoke"),
    path("miembros/", views.members, name="members"),
    path("trazabilidad/", views.entity_audit, name="audit"),
]
