"""Resident panels and client councils: recruitment, selection, rounds.

Personal data lives only in `Member` (and, while a round is open, in the
member link of `RoundInvitation`). Answers (`Response`, `Answer`) carry
nothing an analyst could join to a member (audit finding 5): no member
reference, no stratum, no time finer than the round and no sequential ids
(their primary keys are random). Whether a member has answered is only a
flag on the invitation; the response counts by municipality and age group
come from those flags and are kept on the round when it closes.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from website.core.i18n import localized
from website.core.routes import route_url


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def random_id():
    """A random positive 63-bit primary key: the order of the ids of answers
    then says nothing about the order in which members answered."""
    return secrets.randbelow(2**63 - 1) + 1


def placeholder_hash():
    """Until the real hash is set (it needs the primary key)."""
    return secrets.token_hex(32)


class AgeGroup(models.TextChoices):
    AGE_18_29 = "18-29", _("18–29 years")
    AGE_30_44 = "30-44", _("30–44 years")
    AGE_45_64 = "45-64", _("45–64 years")
    AGE_65_74 = "65-74", _("65–74 years")
    AGE_75 = "75+", _("75 years or over")


# Statistics Finland, population 31.12.2024 (rounded), Keusote municipalities.
DEFAULT_MUNICIPALITY_POPULATION = {
    "106": 47000,  # Hyvinkää
    "186": 45000,  # Järvenpää
    "505": 21000,  # Mäntsälä
    "543": 44000,  # Nurmijärvi
    "611": 5000,  # Pornainen
    "858": 40000,  # Tuusula
}
# Adult population by age group, Keusote area (approximate shares, %).
DEFAULT_AGE_SHARES = {
    "18-29": 17,
    "30-44": 25,
    "45-64": 32,
    "65-74": 14,
    "75+": 12,
}


def default_municipality_shares():
    return dict(DEFAULT_MUNICIPALITY_POPULATION)


def default_age_shares():
    return dict(DEFAULT_AGE_SHARES)


class Panel(models.Model):
    class Kind(models.TextChoices):
        RESIDENT_PANEL = "resident_panel", _("Resident panel")
        CLIENT_COUNCIL = "client_council", _("Client council")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.RESIDENT_PANEL
    )
    slug = models.SlugField(_("slug"), unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    purpose_fi = models.TextField(_("purpose in Finnish"))
    purpose_sv = models.TextField(_("purpose in Swedish"))
    recruitment_open = models.BooleanField(_("recruitment open"), default=True)
    target_size = models.PositiveIntegerField(_("target size"), default=50)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=18)
    municipalities = models.ManyToManyField(
        "indicators.Area",
        verbose_name=_("municipalities"),
        limit_choices_to={"kind": "municipality"},
        help_text=_("Residents of these municipalities may join."),
    )
    municipality_shares = models.JSONField(
        _("target shares by municipality"),
        default=default_municipality_shares,
        help_text=_(
            "Municipality code: population (or share). Used by the stratified draw."
        ),
    )
    age_group_shares = models.JSONField(
        _("target shares by age group"),
        default=default_age_shares,
        help_text=_("Age group: share. Used by the stratified draw."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("panel")
        verbose_name_plural = _("panels")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")

    @property
    def purpose(self):
        return localized(self, "purpose")

    def current_consent(self):
        return self.consent_versions.order_by("-version").first()

    def route_url(self, name="panel", request=None):
        """A public page of this panel ("panel", "join_sent", "resend",
        "resend_sent"): a route of the panel listing page of the active
        language, or "" when no listing page is live."""
        index = PanelIndexPage.for_active_locale()
        if index is None:
            return ""
        return route_url(index, name, args=[self.slug], request=request)

    def get_url(self):
        return self.route_url()

    @property
    def resend_url(self):
        return self.route_url("resend")

    def normalised_targets(self):
        """({municipality code: share}, {age group: share}), each summing to 1."""
        codes = set(self.municipalities.values_list("code", flat=True))
        muni = {
            str(k): float(v)
            for k, v in (self.municipality_shares or {}).items()
            if not codes or str(k) in codes
        }
        ages = {
            str(k): float(v)
            for k, v in (self.age_group_shares or {}).items()
            if k in AgeGroup.values
        }
        return _normalise(muni), _normalise(ages)


def _normalise(shares):
    total = sum(v for v in shares.values() if v > 0)
    if not total:
        return {}
    return {k: v / total for k, v in shares.items() if v > 0}


class ConsentVersion(models.Model):
    panel = models.ForeignKey(
        Panel, on_delete=models.CASCADE, related_name="consent_versions"
    )
    version = models.PositiveIntegerField(_("version"))
    consent_fi = models.TextField(_("consent text in Finnish"))
    consent_sv = models.TextField(_("consent text in Swedish"))
    privacy_fi = models.TextField(_("privacy notice in Finnish"))
    privacy_sv = models.TextField(_("privacy notice in Swedish"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["panel", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "version"], name="panels_consent_version_unique"
            )
        ]
        verbose_name = _("consent version")
        verbose_name_plural = _("consent versions")

    def __str__(self):
        return f"{self.panel} v{self.version}"

    @property
    def consent(self):
        return localized(self, "consent")

    @property
    def privacy(self):
        return localized(self, "privacy")


class BackgroundQuestion(models.Model):
    """An optional single-choice background question asked when joining."""

    panel = models.ForeignKey(
        Panel, on_delete=models.CASCADE, related_name="background_questions"
    )
    key = models.SlugField(_("key"))
    text_fi = models.CharField(_("question in Finnish"), max_length=300)
    text_sv = models.CharField(_("question in Swedish"), max_length=300)
    choices_fi = models.TextField(_("choices in Finnish"), help_text=_("One a line."))
    choices_sv = models.TextField(_("choices in Swedish"), help_text=_("One a line."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["panel", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "key"], name="panels_background_key_unique"
            )
        ]
        verbose_name = _("background question")
        verbose_name_plural = _("background questions")

    def __str__(self):
        return self.text

    @property
    def text(self):
        return localized(self, "text")

    def choice_list(self, language=None):
        return [c.strip() for c in localized(self, "choices", language).splitlines()]


class MemberQuerySet(models.QuerySet):
    def applicants(self):
        """Confirmed people who can take part in a draw."""
        return self.filter(confirmed_at__isnull=False, left_at__isnull=True)

    def members(self):
        return self.filter(status=Member.Status.MEMBER, left_at__isnull=True)


class Member(models.Model):
    """An applicant and, once selected, a member of a panel."""

    class Status(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        MEMBER = "member", _("Member")
        NOT_SELECTED = "not_selected", _("Not selected")
        LEFT = "left", _("Left the panel")

    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="members")
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "indicators.Area",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    age_group = models.CharField(_("age group"), max_length=10, choices=AgeGroup)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FI
    )
    background = models.JSONField(_("background"), default=dict, blank=True)
    consent = models.ForeignKey(
        ConsentVersion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consent version"),
    )
    consented_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLICANT
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    # Random, per member: changing it invalidates every self-service link.
    link_key = models.CharField(max_length=64, default=secrets.token_hex)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = MemberQuerySet.as_manager()

    # Personal data: participation/panels/privacy.py.

    class Meta:
        ordering = ["panel", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "email"], name="panels_member_email_unique"
            )
        ]
        indexes = [models.Index(fields=["panel", "status"])]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")

    def __str__(self):
        return f"{self.panel_id}/{self.pk}"

    def set_status(self, status):
        self.status = status
        self.status_changed_at = timezone.now()

    def export_data(self):
        """Everything stored about this person, for the JSON download."""
        with override(self.language):
            return self._export_data()

    def _export_data(self):
        questions = {q.key: q for q in self.panel.background_questions.all()}
        background = {}
        for key, index in (self.background or {}).items():
            question = questions.get(key)
            choices = question.choice_list(self.language) if question else []
            background[key] = {
                "question": localized(question, "text", self.language)
                if question
                else key,
                "answer": choices[index] if 0 <= index < len(choices) else index,
            }
        return {
            "panel": self.panel.name,
            "email": self.email,
            "name": self.name,
            "municipality": localized(self.municipality, "name", self.language),
            "age_group": self.age_group,
            "language": self.language,
            "background": background,
            "consent_version": self.consent.version,
            "consented_at": self.consented_at.isoformat(),
            "confirmed_at": self.confirmed_at.isoformat()
            if self.confirmed_at
            else None,
            "status": self.status,
            "created_at": self.created_at.isoformat(),
            "open_invitations": [
                {"round": str(inv.round), "answered": inv.answered}
                for inv in self.invitations.select_related("round")
            ],
            "note": gettext(
                "Your answers to rounds are stored without your name or "
                "e-mail address, so they are not part of this file."
            ),
        }

    def erase(self):
        """Remove the person entirely; anonymous answers stay. Other
        registers' copies of the address (mail) go through address_erased."""
        from website.core import privacy

        self.invitations.all().delete()
        self.delete()
        privacy.forget_addresses(Member, [self.email])


class PanelDraw(models.Model):
    """One selection of members; the seed makes it reproducible."""

    class Method(models.TextChoices):
        ALL = "all", _("All applicants")
        STRATIFIED = "stratified", _("Stratified random draw")

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="draws")
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    seed = models.BigIntegerField(_("seed"), null=True, blank=True)
    size = models.PositiveIntegerField(_("seats"))
    selected_count = models.PositiveIntegerField(_("selected"), default=0)
    applicant_count = models.PositiveIntegerField(_("applicants"), default=0)
    report = models.JSONField(_("report"), default=dict)
    created_at = models.DateTimeField(_("drawn"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("draw")
        verbose_name_plural = _("draws")

    def __str__(self):
        return f"{self.panel_id}: {self.get_method_display()} {self.seed}"


class Round(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="rounds")
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200)
    intro_fi = models.TextField(_("introduction in Finnish"), blank=True)
    intro_sv = models.TextField(_("introduction in Swedish"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
    )
    opened_at = models.DateTimeField(
        _("invitations sent"), null=True, blank=True, editable=False
    )
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("The scheduled command closes the round at this time."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # Kept when the invitations are dropped at closing: {"total": n,
    # "municipality": {area id: n}, "age_group": {group: n}}.
    invited_counts = models.JSONField(
        _("invited"), default=dict, blank=True, editable=False
    )
    # The same shape for the members who answered, counted from the
    # invitations' "answered" flags when the round closes (the responses
    # themselves carry no stratum).
    responded_counts = models.JSONField(
        _("responded"), default=dict, blank=True, editable=False
    )
    # Finnish goal pages only, as for workshops: a translation shares its
    # translation_key, which is how a Swedish goal page finds its rounds.
    goals = models.ManyToManyField(
        "plan.GoalPage",
        blank=True,
        related_name="panel_rounds",
        limit_choices_to={"locale__language_code": "fi"},
        verbose_name=_("plan goals"),
        help_text=_(
            "The goals of the welfare plan this round asks about. Its response "
            "counts are then shown on those goal pages and in the analytics."
        ),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["panel", "-pk"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localized(self, "title")

    @property
    def intro(self):
        return localized(self, "intro")

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale 1–5")
        NPS = "nps", _("Recommendation 0–10")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TEXT = "text", _("Free text")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_fi = models.CharField(_("question in Finnish"), max_length=500)
    text_sv = models.CharField(_("question in Swedish"), max_length=500)
    choices_fi = models.TextField(
        _("choices in Finnish"), blank=True, help_text=_("One a line.")
    )
    choices_sv = models.TextField(
        _("choices in Swedish"), blank=True, help_text=_("One a line.")
    )
    required = models.BooleanField(_("required"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["round", "sort_order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    @property
    def text(self):
        return localized(self, "text")

    def choice_list(self, language=None):
        value = localized(self, "choices", language)
        return [c.strip() for c in value.splitlines() if c.strip()]

    def value_range(self):
        if self.kind == self.Kind.SCALE:
            return list(range(1, 6))
        if self.kind == self.Kind.NPS:
            return list(range(0, 11))
        return list(range(len(self.choice_list("fi"))))


class RoundInvitation(models.Model):
    """The link between a member and a round, kept only while it is open."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="invitations"
    )
    # Set to NULL when the round closes: the used link then answers "expired".
    member = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        null=True,
        related_name="invitations",
    )
    token_hash = models.CharField(max_length=64, unique=True, default=placeholder_hash)
    nonce = models.CharField(max_length=64, default=secrets.token_hex)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Flags, not times: a time would order the members' answers.
    reminded = models.BooleanField(default=False)
    # The "has answered" marker: set once, in the answer's transaction, by a
    # conditional update, so a second answer is refused.
    answered = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "member"], name="panels_invitation_unique"
            )
        ]

    def __str__(self):
        return f"{self.round_id}/{self.pk}"

    def token(self):
        """The personal link's token: an HMAC of a random nonce, so that the
        same link can be sent again in a reminder while only its hash is
        stored (a copy of the database alone does not give the links)."""
        return salted_hmac(
            "participation.panels.invitation", f"{self.pk}:{self.nonce}"
        ).hexdigest()[:40]

    def refresh_hash(self):
        self.token_hash = token_hash(self.token())


class Response(models.Model):
    """One anonymous response to a round: nothing but the round.

    The id is random and `submitted_on` is the day the round opened (the
    analytics' period filter needs a date; a finer one would order the
    responses)."""

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return f"{self.round_id}/{self.pk}"


class Answer(models.Model):
    """One value: a number (scale, NPS, choice index; one row per chosen option
    of a multiple-choice question) or a text. A response holds each value of
    a question at most once (finding 2)."""

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "value"])]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "value"],
                name="panels_answer_value_once",
            )
        ]

    def __str__(self):
        return f"{self.response_id}/{self.question_id}"


class PanelIndexPage(RoutablePageMixin, Page):
    """Asukaspaneelit / Invånarpaneler: lists the panels recruiting members
    and serves each panel's information and join form as routes of the page
    (views.py holds the logic; the old /paneelit/<slug>/ URLs redirect
    here). Personal links (c/, r/, m/) stay outside the tree (urls.py)."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HubPage", "home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "panels/panel_index_page.html"

    class Meta:
        verbose_name = _("panel listing")
        verbose_name_plural = _("panel listings")

    @classmethod
    def for_active_locale(cls):
        return (
            cls.objects.live()
            .filter(locale=Locale.get_active())
            .order_by("path")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = Panel.objects.filter(recruitment_open=True).order_by(
            "-created_at"
        )
        return context

    @path("<slug:slug>/", name="panel")
    def panel_route(self, request, slug):
        from . import views

        return views.panel_detail(request, slug, page=self)

    @path("<slug:slug>/sent/", name="join_sent")
    def join_sent_route(self, request, slug):
        from . import views

        return views.join_sent(request, slug, page=self)

    @path("<slug:slug>/resend/", name="resend")
    def resend_route(self, request, slug):
        from . import views

        return views.resend(request, slug, page=self)

    @path("<slug:slug>/resend/sent/", name="resend_sent")
    def resend_sent_route(self, request, slug):
        from . import views

        return views.resend_sent(request, slug, page=self)
