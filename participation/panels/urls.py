"""Routes outside the page tree (signed links, endpoints); mounted under the
language prefix in website/urls.py."""

from django.urls import path  # noqa: F401

app_name = "panels"
urlpatterns = []
