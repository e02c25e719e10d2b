"""Workshops (työpajat / workshoppar): a translatable page, sign-ups with a
capacity and a waiting list, and an outbox of e-mails.

The Finnish page is the source of a workshop: sign-ups, seats and staff
notices always belong to the Finnish page, whichever language the person
signed up in (their language is kept on the sign-up). Capacity and the other
numbers are not translatable fields, so wagtail-localize copies them to the
Swedish page; the rules in services.py read them from the Finnish page.

Linked plan goals are the Finnish goal pages; `goals_for_display()` shows
each in the page's own language.

Rules (see docs/workshops.md): a party (a group sign-up) is never split; it
gets seats only if all its attendees fit, otherwise the whole party joins the
waiting list. The waiting list is served strictly in order: nobody jumps the
queue, so a new sign-up also waits while anyone is waiting.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from website.indicators.models import Area


class OrganisationType(models.TextChoices):
    ASSOCIATION = "association", _("Association or organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    WELFARE_AREA = "welfare_area", _("Welfare area")
    COMPANY = "company", _("Company")
    RESIDENT = "resident", _("Resident (individual)")
    OTHER = "other", _("Other")


class Venue(models.TextChoices):
    PLACE = "place", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("On site and online")


class WorkshopIndexPage(Page):
    """Työpajat ja tapahtumat / Workshops och evenemang: the listing of its
    child workshops, upcoming and past, filtered by GET (listing.py).

    Its slug may equal the URL prefix of the personal sign-up links
    (`tyopajat/`, `workshoppar/`, website/urls.py): those routes only match
    with a token after them, so everything else falls through to this page."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HubPage", "home.HomePage"]
    subpage_types = ["workshops.WorkshopPage"]
    max_count_per_parent = 1
    template = "workshops/workshop_index_page.html"

    class Meta:
        verbose_name = _("workshop listing")
        verbose_name_plural = _("workshop listings")

    def get_context(self, request, *args, **kwargs):
        from .listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


class WorkshopPage(RoutablePageMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True)
    themes = ParentalManyToManyField(
        "associations.Theme", verbose_name=_("themes"), blank=True
    )
    goals = ParentalManyToManyField(
        "plan.GoalPage",
        verbose_name=_("plan goals"),
        blank=True,
        related_name="+",
        help_text=_("Choose the Finnish goal pages; each language shows its own."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(
        _("venue"), max_length=10, choices=Venue.choices, default=Venue.PLACE
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    language_fi = models.BooleanField(_("in Finnish"), default=True)
    language_sv = models.BooleanField(_("in Swedish"), default=False)
    language_en = models.BooleanField(_("in English"), default=False)
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    municipalities = ParentalManyToManyField(
        Area,
        verbose_name=_("municipalities"),
        blank=True,
        limit_choices_to={"kind": Area.Kind.MUNICIPALITY},
        related_name="+",
        help_text=_("Where the workshop is held or whom it concerns."),
    )
    capacity = models.PositiveIntegerField(_("capacity (seats)"), default=30)
    waitlist_limit = models.PositiveIntegerField(
        _("waiting list limit (persons)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit; 0 means no waiting list."),
    )
    max_per_organisation = models.PositiveIntegerField(
        _("maximum attendees per organisation"),
        null=True,
        blank=True,
        help_text=_(
            "Counted over all sign-ups of one organisation for this workshop "
            "(the same Business ID or the same name, however spelled). Leave "
            "empty for no limit."
        ),
    )
    max_per_signup = models.PositiveSmallIntegerField(
        _("maximum seats per sign-up"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The most attendees one sign-up may bring. A resident signing up "
            "as an individual may in any case bring only a few named companions."
        ),
    )
    cancelled = models.BooleanField(
        _("workshop cancelled"),
        default=False,
        help_text=_(
            "The workshop will not be held: sign-up closes and the page and "
            "calendars say that it is cancelled. Tell the participants with "
            "a message."
        ),
    )
    signup_opens = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    signup_closes = models.DateTimeField(
        _("sign-up closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close the sign-up when the workshop starts."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder (days before)"),
        default=2,
        help_text=_("0 means no reminder."),
    )
    staff_email = models.EmailField(
        _("organiser's e-mail"),
        blank=True,
        help_text=_("Notified when the workshop is 80 % and 100 % full."),
    )
    ask_organisation = models.BooleanField(
        _("ask organisation type and name"), default=True
    )
    ask_attendees = models.BooleanField(_("ask attendees' names"), default=True)
    ask_dietary = models.BooleanField(_("ask dietary needs"), default=True)
    ask_accessibility = models.BooleanField(_("ask accessibility needs"), default=True)
    ask_free_text = models.BooleanField(_("ask free text"), default=False)
    free_text_label = models.CharField(
        _("free text question"), max_length=255, blank=True
    )
    consent_text = models.CharField(
        _("consent text"),
        max_length=500,
        blank=True,
        help_text=_("If given, the form asks the person to agree to this."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldRowPanel(
                    [
                        FieldPanel("language_fi"),
                        FieldPanel("language_sv"),
                        FieldPanel("language_en"),
                    ]
                ),
                FieldPanel("audience"),
                FieldPanel("municipalities"),
            ],
            heading=_("Time and place"),
        ),
        FieldPanel("themes"),
        FieldPanel("goals"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("waitlist_limit"),
                FieldPanel("max_per_organisation"),
                FieldPanel("max_per_signup"),
                FieldRowPanel(
                    [FieldPanel("signup_opens"), FieldPanel("signup_closes")]
                ),
                FieldPanel("reminder_days"),
                FieldPanel("staff_email"),
                FieldPanel("cancelled"),
            ],
            heading=_("Sign-up"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ask_organisation"),
                FieldPanel("ask_attendees"),
                FieldPanel("ask_dietary"),
                FieldPanel("ask_accessibility"),
                FieldPanel("ask_free_text"),
                FieldPanel("free_text_label"),
                FieldPanel("consent_text"),
            ],
            heading=_("Questions on the form"),
        ),
    ]
    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types = []
    template = "workshops/workshop_page.html"

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    @path("", name="index")
    def index_route(self, request):
        from .views import workshop_page

        return workshop_page(self, request)

    @path("calendar/", name="calendar")
    def calendar_route(self, request):
        from .views import calendar_file

        return calendar_file(self, request)

    # --- helpers -----------------------------------------------------------
    def source(self):
        """The Finnish page that owns the sign-ups of this workshop."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        fi = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        return (
            WorkshopPage.objects.filter(
                translation_key=self.translation_key, locale=fi
            ).first()
            or self
        )

    def goals_for_display(self):
        goals = list(self.source().goals.order_by("number"))
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return goals
        return [g.get_translation_or_none(self.locale) or g for g in goals]

    def languages(self):
        names = []
        if self.language_fi:
            names.append(_("Finnish"))
        if self.language_sv:
            names.append(_("Swedish"))
        if self.language_en:
            names.append(_("English"))
        return names

    @property
    def closes_at(self):
        return self.signup_closes or self.starts_at

    def party_limit(self, organisation_type):
        """The most attendees one sign-up of this type may bring (finding 3):
        `max_per_signup`, and for a resident signing up as an individual
        themselves plus at most WORKSHOP_MAX_COMPANIONS named companions."""
        limit = self.max_per_signup
        if organisation_type == OrganisationType.RESIDENT:
            limit = min(limit, 1 + settings.WORKSHOP_MAX_COMPANIONS)
        return limit

    def structured_data(self, context):
        """schema.org Event for the page's JSON-LD (structured_data.py)."""
        from . import services
        from .structured_data import event

        seats = context.get("seats") or services.seats(self.source())
        return event(self, context["request"], seats)

    def signup_state(self, now=None):
        """'not_open', 'open' or 'closed'."""
        now = now or timezone.now()
        if self.cancelled:
            return "closed"
        if self.signup_opens and now < self.signup_opens:
            return "not_open"
        if now >= self.closes_at:
            return "closed"
        return "open"


class SignUpQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SignUp.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=SignUp.Status.WAITING).order_by("queued_at", "pk")


# Longest "anything else" text of a sign-up (audit 13), model and form.
FREE_TEXT_MAX = 2000


class SignUp(models.Model):
    """One sign-up: a resident alone or an organisation with its attendees."""

    # Personal data (workshops/privacy.py), cleared by
    # `anonymise_workshop_signups` after the retention period; the counts
    # (type, municipality, language, party size, attendance) stay for the
    # statistics.

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    workshop = models.ForeignKey(
        WorkshopPage,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    party_size = models.PositiveSmallIntegerField(_("attendees"), default=1)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation_type = models.CharField(
        _("organisation type"),
        max_length=20,
        choices=OrganisationType.choices,
        default=OrganisationType.RESIDENT,
    )
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, blank=True
    )
    business_id = models.CharField(_("Business ID"), max_length=9, blank=True)
    # website.core.organisations.organisation_key(organisation_name), set by
    # services.create_signup: the per-organisation quota counts the sign-ups
    # with this key or with the same Business ID (finding 3).
    organisation_key = models.CharField(max_length=200, blank=True, editable=False)
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("association"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_signups",
    )
    municipality = models.ForeignKey(
        Area,
        verbose_name=_("municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"kind": Area.Kind.MUNICIPALITY},
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_signups",
    )
    dietary = models.CharField(_("dietary needs"), max_length=500, blank=True)
    accessibility = models.CharField(
        _("accessibility needs"), max_length=500, blank=True
    )
    free_text = models.TextField(
        _("free text"),
        blank=True,
        max_length=FREE_TEXT_MAX,
        validators=[MaxLengthValidator(FREE_TEXT_MAX)],
    )
    consent = models.BooleanField(_("consent given"), default=False)
    # A random id rendered into the form: sending the same form twice finds
    # the first sign-up instead of making a second one.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Set when the reminder is queued, so that it is queued once.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "submission_key"], name="one_signup_per_form"
            )
        ]
        indexes = [models.Index(fields=["workshop", "status", "queued_at"])]

    def __str__(self):
        return self.name or str(self.pk)

    @property
    def organisation_display(self):
        return self.organisation_name or self.get_organisation_type_display()

    def export_data(self):
        """Everything stored about this sign-up, for the person's JSON
        download (self-service, website/core/selfservice.py)."""
        return {
            "workshop": self.workshop.title,
            "workshop_starts_at": self.workshop.starts_at,
            "status": self.status,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "language": self.language,
            "organisation_type": self.organisation_type,
            "organisation_name": self.organisation_name,
            "business_id": self.business_id,
            "association": self.association.name if self.association else None,
            "municipality": self.municipality.name if self.municipality else None,
            "attendees": [a.name for a in self.attendees.all()],
            "dietary": self.dietary,
            "accessibility": self.accessibility,
            "free_text": self.free_text,
            "consent": self.consent,
            "signed_up_at": self.created_at,
            "promoted_at": self.promoted_at,
            "cancelled_at": self.cancelled_at,
            "reminded_at": self.reminded_at,
            "account": self.user.get_username() if self.user else None,
        }


class Attendee(models.Model):
    signup = models.ForeignKey(
        SignUp,
        verbose_name=_("sign-up"),
        on_delete=models.CASCADE,
        related_name="attendees",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["signup", "pk"]

    def __str__(self):
        return self.name


class CapacityNotice(models.Model):
    """A staff notice sent once per workshop and threshold (80, 100)."""

    workshop = models.ForeignKey(WorkshopPage, on_delete=models.CASCADE)
    threshold = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "threshold"], name="one_notice_per_threshold"
            )
        ]

    def __str__(self):
        return f"{self.workshop_id}: {self.threshold} %"
