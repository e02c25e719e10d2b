"""Feedback and NPS: service units, feedback, its handling history and the
feedback form page.

Service units form a three-level tree (area > service > unit) with paired
fi/sv names, like other reference data. Handlers of a unit see the feedback
of that unit and of the units below it (see ``FeedbackQuerySet.visible_to``);
that rule lives in the queryset so that every admin view uses it.

Personal data: a giver's contact details and free text (feedback/privacy.py) are
shown only to handlers of the unit, anonymised after FEEDBACK_RETENTION_DAYS
(``manage.py purge_feedback``) and erasable on request.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from website.core.i18n import localized


class ServiceUnitQuerySet(models.QuerySet):
    def handled_by(self, user):
        """Units whose feedback `user` handles: their own units and every unit
        below them in the tree. Superusers handle all."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(
            Q(handlers=user)
            | Q(parent__handlers=user)
            | Q(parent__parent__handlers=user)
        ).distinct()

    def with_descendants(self, units):
        """The given units and every unit below them."""
        ids = [u.pk if hasattr(u, "pk") else u for u in units]
        return self.filter(
            Q(pk__in=ids) | Q(parent__in=ids) | Q(parent__parent__in=ids)
        )


class ServiceUnit(models.Model):
    """One node of the service tree: an area, a service in it, or a unit."""

    class Level(models.IntegerChoices):
        AREA = 1, _("area")
        SERVICE = 2, _("service")
        UNIT = 3, _("unit")

    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        on_delete=models.PROTECT,
        related_name="children",
        null=True,
        blank=True,
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.UNIT, editable=False
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Part of the QR code address, e.g. hyvinkaa-terveysasema."),
    )
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handlers"),
        related_name="feedback_units",
        blank=True,
        help_text=_(
            "They see and handle the feedback of this unit and of the units "
            "below it, and get its alerts and reminders."
        ),
    )
    municipality = models.ForeignKey(
        "indicators.Area",
        verbose_name=_("municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "municipality"},
        help_text=_(
            "Where the unit (or the area) is, for figures by municipality; the "
            "units below an area inherit it."
        ),
    )
    active = models.BooleanField(_("can be chosen in forms"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    objects = ServiceUnitQuerySet.as_manager()

    panels = [
        FieldPanel("parent"),
        FieldPanel("name_fi"),
        FieldPanel("name_sv"),
        FieldPanel("slug"),
        FieldPanel("handlers"),
        FieldPanel("municipality"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("service unit")
        verbose_name_plural = _("service units")
        ordering = ["sort_order", "name_fi"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.level = self.parent.level + 1 if self.parent_id else self.Level.AREA
        super().save(*args, **kwargs)

    @property
    def name(self):
        return localized(self, "name")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.parent_id:
            if self.parent.level >= self.Level.UNIT:
                raise ValidationError(
                    {"parent": _("A unit cannot have units below it.")}
                )
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    raise ValidationError(
                        {"parent": _("A unit cannot belong to itself.")}
                    )
                ancestor = ancestor.parent

    def path_names(self, language=None):
        """'Area › Service › Unit' in the given language."""
        names = []
        node = self
        while node is not None:
            names.append(localized(node, "name", language))
            node = node.parent
        return " › ".join(reversed(names))

    def handler_users(self):
        """Handlers of this unit, or of the nearest unit above that has any."""
        node = self
        while node is not None:
            users = list(node.handlers.filter(is_active=True))
            if users:
                return users
            node = node.parent
        return []


class Channel(models.TextChoices):
    WEB = "web", _("web form")
    QR = "qr", _("QR code")
    WIDGET = "widget", _("page widget")
    PAPER = "paper", _("paper form (entered by staff)")
    PHONE = "phone", _("phone (entered by staff)")
    EMBED = "embed", _("embedded form")


STAFF_CHANNELS = (Channel.PAPER, Channel.PHONE)


class FeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Feedback that `user` may see and act on: that of the units they
        handle. Superusers see everything, others nothing else (not even
        feedback without a unit)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not user.has_perm("feedback.handle_feedback"):
            return self.none()
        return self.filter(unit__in=ServiceUnit.objects.handled_by(user).values("pk"))

    def open(self):
        return self.filter(
            status__in=[Feedback.Status.NEW, Feedback.Status.IN_PROGRESS]
        )

    def anonymise(self):
        """Clear the personal data of these feedback and of every copy in
        their handling events, and tell the other registers which addresses
        are gone (website.core.privacy.address_erased). Returns the count."""
        from website.core import privacy

        pks = list(self.values_list("pk", flat=True))
        addresses = set(
            Feedback.objects.filter(pk__in=pks).values_list("contact_email", flat=True)
        ) | set(
            FeedbackEvent.objects.filter(feedback__in=pks).values_list(
                "sent_to", flat=True
            )
        )
        with transaction.atomic():
            FeedbackEvent.objects.filter(feedback__in=pks).update(
                **privacy.blank_values(FeedbackEvent)
            )
            count = Feedback.objects.filter(pk__in=pks).update(
                **privacy.blank_values(Feedback),
                wants_reply=False,
                anonymised_at=timezone.now(),
            )
        privacy.forget_addresses(Feedback, addresses)
        return count


class Feedback(models.Model):
    # Personal data (feedback/privacy.py): only handlers of the unit see it;
    # anonymised after the retention period and on request.

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    unit = models.ForeignKey(
        ServiceUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="feedback",
        null=True,
        blank=True,
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    nps = models.PositiveSmallIntegerField(
        _("recommendation score (0–10)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    helpful = models.BooleanField(_("page was helpful"), null=True, blank=True)
    text = models.TextField(_("feedback"), blank=True, max_length=5000)
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    wants_reply = models.BooleanField(_("wants a reply"), default=False)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned handler"),
        on_delete=models.SET_NULL,
        related_name="assigned_feedback",
        null=True,
        blank=True,
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    alert_reason = models.CharField(_("alert"), max_length=100, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-pk"]
        permissions = [("handle_feedback", _("Can handle feedback of own units"))]
        indexes = [
            models.Index(fields=["unit", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(nps__isnull=True) | Q(nps__gte=0, nps__lte=10),
                name="feedback_nps_0_10",
            )
        ]

    def __str__(self):
        return _("Feedback %(number)s") % {"number": self.pk}

    @property
    def is_open(self):
        return self.status in (self.Status.NEW, self.Status.IN_PROGRESS)

    @property
    def category(self):
        """'promoter', 'passive' or 'detractor' (NPS), or '' without a score."""
        if self.nps is None:
            return ""
        if self.nps >= 9:
            return "promoter"
        if self.nps >= 7:
            return "passive"
        return "detractor"

    def anonymise(self):
        """Clear the personal fields, also in the handling events (reply
        texts and the addresses replies went to); keeps the score, unit,
        channel, language and date for statistics."""
        Feedback.objects.filter(pk=self.pk).anonymise()
        self.refresh_from_db()


class FeedbackEvent(models.Model):
    """The handling history: assignments, transfers (with reason), replies
    sent to the giver, notes, closing and erasure."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("assigned")
        TRANSFERRED = "transferred", _("transferred")
        REPLIED = "replied", _("replied")
        NOTE = "note", _("note")
        CLOSED = "closed", _("closed")
        REOPENED = "reopened", _("reopened")
        ERASED = "erased", _("personal data erased")

    feedback = models.ForeignKey(
        Feedback, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_unit = models.ForeignKey(
        ServiceUnit, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    to_unit = models.ForeignKey(
        ServiceUnit, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The transfer reason, the reply sent, or the note. Personal data.
    text = models.TextField(_("text"), blank=True)
    sent_to = models.EmailField(_("sent to"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("handling event")
        verbose_name_plural = _("handling events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class FeedbackFormPage(Page):
    """The public feedback form; the editor picks which units can be chosen
    (none = all active units)."""

    introduction = RichTextField(_("introduction"), blank=True)
    units = ParentalManyToManyField(
        ServiceUnit,
        verbose_name=_("units that can be chosen"),
        blank=True,
        help_text=_("Leave empty to offer every active unit."),
    )
    thank_you = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown after the feedback is sent."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("units"),
        FieldPanel("thank_you"),
    ]
    parent_page_types = ["home.HubPage", "home.HomePage", "home.StandardPage"]
    subpage_types = []
    template = "feedback/feedback_form_page.html"

    class Meta:
        verbose_name = _("feedback form page")

    def unit_choices(self):
        units = ServiceUnit.objects.filter(active=True)
        chosen = self.units.all()
        if chosen:
            units = ServiceUnit.objects.with_descendants(chosen).filter(active=True)
        return units

    def serve(self, request, *args, **kwargs):
        from .views import form_page

        return form_page(self, request)
