from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "website.plan"
    label = "plan"

    def ready(self):
        from . import signals  # noqa: F401
