from django.urls import path

from . import views

app_name = "programs"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>-<int:half>/", views.period_overview, name="period"),
    path("<int:pk>/", views.program_history, name="program"),
]
