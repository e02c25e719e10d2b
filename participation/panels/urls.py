"""Routes outside the page tree (signed links, endpoints); mounted under the
language prefix in website/urls.py."""

from django.urls import path

from . import views

app_name = "panels"
urlpatterns = [
    path("c/<str:token>/", views.confirm, name="confirm"),
    path("r/<str:token>/", views.answer, name="answer"),
    path("m/<str:token>/", views.self_service, name="self_service"),
    path("m/<str:token>/data.json", views.self_service_data, name="self_service_data"),
    path("m/<str:token>/erase/", views.self_service_erase, name="self_service_erase"),
    path("<slug:slug>/", views.panel_detail, name="panel"),
    path("<slug:slug>/sent/", views.join_sent, name="join_sent"),
    path("<slug:slug>/resend/", views.resend, name="resend"),
    path("<slug:slug>/resend/sent/", views.resend_sent, name="resend_sent"),
]
