from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The open read API under /api/v1/ (docs/api.md)."""

    name = "website.api"
    label = "api"
    verbose_name = "Open data API"
