"""The association registry behind the association map (yhdistyskartta).

Associations keep their own entries in both languages, so texts are paired
fi/sv columns (like areas and indicators), not wagtail-localize translations:
one row is one entry, which is what a representative edits and what staff
moderate. Only published entries are public; the representative's personal
data (website/associations/privacy.py) is never shown or exported.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from website.core.i18n import localized
from website.indicators.models import Area
from website.search.fields import AnalyzedSearchField, analyzed

# Free-text limits (audit 13): room for a PTV description (2,500 characters),
# not for a pasted document. Enforced by the forms and by full_clean (the
# importers).
DESCRIPTION_MAX = 4000
ACCESSIBILITY_MAX = 2000


class Term(models.Model):
    """A term of an editable list (themes, target groups)."""

    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_fi"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class AssociationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def represented_by(self, user):
        """Associations that `user` may edit: their approved representations."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            representatives__user=user,
            representatives__status=Representative.Status.APPROVED,
        )

    def for_list(self):
        """What the public list and the open data need, in a fixed number of
        queries."""
        return self.prefetch_related("municipalities", "themes", "target_groups")


class Association(models.Model):
    # Personal data (privacy.py): the representative's details. Never public,
    # never in the open data; retention and erasure in retention.py.

    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(
        _("name in Swedish"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty if the association has no Swedish name."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description_fi = models.TextField(
        _("description in Finnish"),
        blank=True,
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    description_sv = models.TextField(
        _("description in Swedish"),
        blank=True,
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    municipalities = models.ManyToManyField(
        Area,
        verbose_name=_("municipalities served"),
        limit_choices_to={"kind": Area.Kind.MUNICIPALITY},
        related_name="associations",
        blank=True,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="associations", blank=True
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        related_name="associations",
        blank=True,
    )
    serves_fi = models.BooleanField(_("serves in Finnish"), default=True)
    serves_sv = models.BooleanField(_("serves in Swedish"), default=False)
    serves_en = models.BooleanField(_("serves in English"), default=False)
    other_languages = models.CharField(
        _("other languages"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Russian, Arabic, Finnish sign language"),
    )
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_(
            "WGS84, e.g. 60.473. Without coordinates the entry is listed but "
            "not on the map."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility_fi = models.TextField(
        _("accessibility of the venue in Finnish"),
        blank=True,
        max_length=ACCESSIBILITY_MAX,
        validators=[MaxLengthValidator(ACCESSIBILITY_MAX)],
        help_text=_("Step-free access, accessible toilet, induction loop …"),
    )
    accessibility_sv = models.TextField(
        _("accessibility of the venue in Swedish"),
        blank=True,
        max_length=ACCESSIBILITY_MAX,
        validators=[MaxLengthValidator(ACCESSIBILITY_MAX)],
    )
    representative_name = models.CharField(
        _("representative's name"),
        max_length=200,
        blank=True,
        help_text=_("Personal data: seen by staff only, never public."),
    )
    representative_email = models.EmailField(
        _("representative's e-mail"),
        blank=True,
        help_text=_("Personal data: seen by staff only, never public."),
    )
    published = models.BooleanField(_("published"), default=False)
    external_id = models.CharField(
        _("identifier in the source register"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Set by imports (e.g. the PTV organisation id), so that importing "
            "again updates the same entry."
        ),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        indexes = [models.Index(fields=["published", "name_fi"])]

    def __str__(self):
        return self.name_fi

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is reserved; choose another one.")}
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))

    @property
    def name(self):
        return localized(self, "name")

    @property
    def description(self):
        return localized(self, "description")

    @property
    def accessibility(self):
        return localized(self, "accessibility")

    @property
    def languages(self):
        names = [
            label
            for served, label in (
                (self.serves_fi, _("Finnish")),
                (self.serves_sv, _("Swedish")),
                (self.serves_en, _("English")),
            )
            if served
        ]
        if self.other_languages:
            names.append(self.other_languages)
        return names

    @property
    def address(self):
        return ", ".join(
            part
            for part in (self.street_address, f"{self.postal_code} {self.city}".strip())
            if part
        )

    @property
    def on_map(self):
        return self.latitude is not None and self.longitude is not None

    def structured_data(self, context):
        """schema.org Organization for the page's JSON-LD."""
        from .structured_data import organization

        return organization(self, context["request"])


class Representative(models.Model):
    """A user account that may edit an association's entry.

    A representative who creates an association is approved with it; one who
    asks to manage an existing association waits for staff.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="representatives",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="association_representations",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    language = models.CharField(_("language for messages"), max_length=2, default="fi")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "user"], name="one_representation_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.association}"


class Activity(models.Model):
    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")
        EN = "en", _("English")
        MULTI = "multi", _("Several languages")

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("association"),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    description_fi = models.TextField(
        _("description in Finnish"),
        blank=True,
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    description_sv = models.TextField(
        _("description in Swedish"),
        blank=True,
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    schedule_fi = models.CharField(
        _("schedule in Finnish"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Tuesdays 17–18.30, not in July"),
    )
    schedule_sv = models.CharField(_("schedule in Swedish"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.CharField(
        _("price"),
        max_length=100,
        blank=True,
        help_text=_("Only when not free, e.g. 5 € per time."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.FI
    )

    class Meta:
        ordering = ["association", "name_fi"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.name_fi

    @property
    def name(self):
        return localized(self, "name")

    @property
    def description(self):
        return localized(self, "description")

    @property
    def schedule(self):
        return localized(self, "schedule")


RESERVED_SLUGS = {"geojson", "csv"}


class AssociationMapPage(RoutablePageMixin, Page):
    """The public association map: a filterable list (works without
    JavaScript and without map tiles), a Leaflet map over it, a page per
    association and open data (GeoJSON, CSV)."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = analyzed(Page.search_fields) + [AnalyzedSearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("association map")

    @path("", name="index")
    def index_route(self, request):
        from .views import map_index

        return map_index(self, request)

    @path("geojson/", name="geojson")
    def geojson_route(self, request):
        from .views import geojson

        return geojson(self, request)

    @path("csv/", name="csv")
    def csv_route(self, request):
        from .views import csv_export

        return csv_export(self, request)

    @path("<slug:slug>/<int:activity_pk>/", name="activity")
    def activity_route(self, request, slug, activity_pk):
        from .views import activity_print

        return activity_print(self, request, slug, activity_pk)

    @path("<slug:slug>/", name="association")
    def association_route(self, request, slug):
        from .views import association_detail

        return association_detail(self, request, slug)

    def association_url(self, association):
        return self.get_url() + self.reverse_subpage(
            "association", kwargs={"slug": association.slug}
        )

    def route_url(self, name):
        return self.get_url() + self.reverse_subpage(name)


class ChangeRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ChangeRequest.Status.PENDING)


class ChangeRequest(models.Model):
    """A representative's proposed change, applied only when staff approve it.

    `data` holds the proposed values of the editable fields (many-to-many
    fields as lists of primary keys), so staff see exactly what would change
    (see website.associations.moderation.diff).
    """

    class Kind(models.TextChoices):
        NEW_ASSOCIATION = "new", _("new association")
        ASSOCIATION = "association", _("change to an association")
        NEW_ACTIVITY = "new_activity", _("new activity")
        ACTIVITY = "activity", _("change to an activity")
        DELETE_ACTIVITY = "delete_activity", _("removal of an activity")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("replaced by a newer proposal")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="change_requests",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="change_requests",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    data = models.JSONField(_("proposed values"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Personal data: who proposed it (for the decision e-mail).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    language = models.CharField(
        _("language of the submitter"), max_length=2, default="fi"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Sent to the representative when the change is rejected."),
    )

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.association}"


class SearchDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class SearchDocument(index.Indexed, models.Model):
    """What the site search indexes of a published association or activity,
    one row per language.

    Associations are not localized pages, but the search backends are per
    language (website.search): a row with a locale is indexed by its own
    language's backend with that language's analysis, like a page.
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="search_documents"
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_documents",
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE)
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)

    objects = SearchDocumentQuerySet.as_manager()

    search_fields = [
        AnalyzedSearchField("title", boost=2),
        AnalyzedSearchField("body"),
        index.FilterField("locale"),
    ]

    class Meta:
        verbose_name = _("association search entry")
        verbose_name_plural = _("association search entries")

    def __str__(self):
        return self.title
