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
    # The panel pages are routes of the panel listing page (PanelIndexPage);
    # their old addresses redirect there.
    path("<slug:slug>/", views.old_panel_url, name="old_panel"),
    path("<slug:slug>/sent/", views.old_panel_url, {"route": "join_sent"}),
    path("<slug:slug>/resend/", views.old_panel_url, {"route": "resend"}),
    path("<slug:slug>/resend/sent/", views.old_panel_url, {"route": "resend_sent"}),
]
