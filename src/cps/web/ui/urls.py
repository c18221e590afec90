from django.urls import path

from cps.web.ui import views

app_name = "ui"
urlpatterns = [
    path("", views.home, name="home"),
]
