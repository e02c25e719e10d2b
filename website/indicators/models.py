"""Areas and indicator data (regional and municipal wellbeing statistics).

Reference data, not editorial content: names are kept as fi/sv columns
rather than as wagtail-localize translations, so a number exists once and is
shown in both languages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.i18n import localized


class Area(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country", _("Whole country")
        REGION = "region", _("Welfare area")
        MUNICIPALITY = "municipality", _("Municipality")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_(
            "Statistics Finland municipality code (e.g. 186), or a code of "
            "your own for the region and the country."
        ),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    sotkanet_id = models.PositiveIntegerField(
        _("Sotkanet region id"),
        null=True,
        blank=True,
        unique=True,
        help_text=_(
            "The id of this area in THL's Sotkanet (not the municipality code). "
            "Needed only for importing Sotkanet exports that use region ids."
        ),
    )

    class Meta:
        ordering = ["kind", "name_fi"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")


class Indicator(models.Model):
    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("A short stable code.")
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=255)
    name_sv = models.CharField(_("name in Swedish"), max_length=255)
    description_fi = models.TextField(
        _("description in Finnish"),
        blank=True,
        help_text=_("What the indicator measures, in a sentence or two."),
    )
    description_sv = models.TextField(
        _("description in Swedish"),
        blank=True,
        help_text=_("What the indicator measures, in a sentence or two."),
    )
    unit_fi = models.CharField(_("unit in Finnish"), max_length=50, blank=True)
    unit_sv = models.CharField(_("unit in Swedish"), max_length=50, blank=True)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("e.g. THL, Sotkanet")
    )
    higher_is_better = models.BooleanField(
        _("higher is better"),
        default=False,
        help_text=_("Tick when a rising value means things are getting better."),
    )
    sotkanet_id = models.PositiveIntegerField(
        _("Sotkanet indicator id"),
        null=True,
        blank=True,
        unique=True,
        help_text=_(
            "The indicator's id in THL's Sotkanet, e.g. 244. Lets a Sotkanet "
            "export be imported as it is."
        ),
    )

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")

    @property
    def description(self):
        return localized(self, "description")

    @property
    def unit(self):
        return localized(self, "unit")


class IndicatorValue(models.Model):
    class Gender(models.TextChoices):
        TOTAL = "total", _("Total")
        MALE = "male", _("Men")
        FEMALE = "female", _("Women")

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("indicator"),
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="values", verbose_name=_("area")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.TOTAL
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_(
            "An invented example value, not a real statistic. Shown publicly "
            "as demo data."
        ),
    )

    class Meta:
        ordering = ["indicator", "year", "area__kind", "area__name_fi"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "year", "gender"],
                name="unique_indicator_value",
            )
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.area.code} {self.year}: {self.value}"
