from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportConfig(AppConfig):
    name = "website.report"
    label = "report"
    verbose_name = _("Welfare report")
