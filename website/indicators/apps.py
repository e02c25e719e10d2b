from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "website.indicators"
    label = "indicators"
