from django.apps import AppConfig


class StatutoryConfig(AppConfig):
    name = "website.statutory"
    label = "statutory"
