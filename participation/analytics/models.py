"""Participation analytics: the free-text theme taxonomy.

Figures themselves are computed in the database from the collecting apps'
tables (see queries.py); this app owns only what staff edit for analysis.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.i18n import localized


class TextTheme(models.Model):
    """A theme of free-text answers, found by keywords in either language."""

    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    keywords_fi = models.TextField(
        _("Finnish keywords"),
        help_text=_(
            "One per line or separated by commas, in base form (e.g. odotusaika, "
            "jono). Inflected forms and compounds are found automatically. A "
            "phrase of several words matches when all of them occur."
        ),
    )
    keywords_sv = models.TextField(
        _("Swedish keywords"),
        help_text=_("One per line or separated by commas, e.g. väntetid, kö."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_fi"]
        verbose_name = _("free-text theme")
        verbose_name_plural = _("free-text themes")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")
