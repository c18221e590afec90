from django.urls import path

from cps.web.processes import views

app_name = "processes"
urlpatterns = [
    path("", views.process_list, name="list"),
    path("nuevo/", views.process_create, name="create"),
    path("<int:process_id>/", views.process_detail, name="detail"),
    path("<int:process_id>/documento/", views.process_upload, name="upload"),
    path("<int:process_id>/historial/", views.process_history, name="history"),
    path("<int:process_id>/documentos/<int:document_id>/", views.document_download, name="document"),
    path("<int:process_id>/anexos/<int:annex_id>/", views.annex_download, name="annex"),
    path("<int:process_id>/anexo/", views.annex_request, name="annex_request"),
]
