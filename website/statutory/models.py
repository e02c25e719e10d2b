"""The statutory pages: the accessibility statement (Act on the Provision
of Digital Services 306/2019), the privacy notices (GDPR arts. 13–14, one
per register, from website/core/privacy.py) and the cookie page (from
website/core/cookies.py). Editors write the introductions, contacts and the
known problems; the facts the site knows (checks run, data items, cookies)
come from the code, so the pages do not go stale.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from website.core import cookies, privacy

from .checks import BY_KEY


class HttpsURLField(models.URLField):
    """A URL field whose form assumes https:// for an address typed without
    a scheme (Django 6's default, and silences its deprecation warning)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class NonConformingBlock(blocks.StructBlock):
    content = blocks.CharBlock(label=_("content or function"))
    problem = blocks.TextBlock(label=_("what is not accessible"))
    criteria = blocks.CharBlock(
        label=_("WCAG success criteria"), required=False, help_text="e.g. 1.1.1"
    )
    workaround = blocks.TextBlock(label=_("how to get by"), required=False)

    class Meta:
        icon = "warning"
        label = _("known problem")


class AccessibilityCheck(models.Model):
    """The last run of one automated check (website/statutory/checks.py)."""

    key = models.CharField(_("check"), max_length=30, unique=True)
    checked_at = models.DateTimeField(_("last run"))
    passed = models.BooleanField(_("passed"))

    class Meta:
        verbose_name = _("accessibility check")
        verbose_name_plural = _("accessibility checks")

    def __str__(self):
        return self.key

    @property
    def label(self):
        check = BY_KEY.get(self.key)
        return check.label if check else self.key


class AccessibilityStatementPage(Page):
    class Conformance(models.TextChoices):
        FULL = "full", _("fully conforms to")
        PARTIAL = "partial", _("partially conforms to")
        NONE = "none", _("does not conform to")

    introduction = RichTextField(_("introduction"), blank=True)
    conformance = models.CharField(
        _("conformance"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    non_conforming = StreamField(
        [("problem", NonConformingBlock())],
        blank=True,
        verbose_name=_("known non-conforming content"),
    )
    assessment = RichTextField(
        _("how the site was assessed"),
        blank=True,
        help_text=_(
            "The manual assessment. The automated checks and their dates are "
            "listed below it by the site itself."
        ),
    )
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    feedback_unit = models.SlugField(
        _("feedback unit"),
        max_length=100,
        default="saavutettavuus",
        help_text=_(
            "Address part (slug) of the service unit whose handlers answer "
            "accessibility feedback."
        ),
    )
    response_days = models.PositiveSmallIntegerField(
        _("we answer within (days)"), default=14
    )
    authority_name = models.CharField(_("supervising authority"), max_length=200)
    authority_url = HttpsURLField(_("authority's web address"))
    authority_email = models.EmailField(_("authority's e-mail"))
    authority_phone = models.CharField(_("authority's phone"), max_length=40)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("conformance"),
        FieldPanel("non_conforming"),
        FieldPanel("assessment"),
        FieldPanel("prepared_on"),
        FieldPanel("reviewed_on"),
        MultiFieldPanel(
            [FieldPanel("feedback_unit"), FieldPanel("response_days")],
            heading=_("Feedback"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("authority_name"),
                FieldPanel("authority_url"),
                FieldPanel("authority_email"),
                FieldPanel("authority_phone"),
            ],
            heading=_("Supervising authority"),
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "statutory/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        checks = list(AccessibilityCheck.objects.filter(key__in=BY_KEY))
        checks.sort(key=lambda c: list(BY_KEY).index(c.key))
        context["checks"] = checks
        context["last_checked"] = max(
            (c.checked_at for c in checks if c.passed), default=None
        )
        return context


class PrivacyNoticeIndexPage(Page):
    """The footer's "Privacy notices": lists one notice per register."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["statutory.PrivacyNoticePage"]
    max_count_per_parent = 1
    template = "statutory/privacy_notice_index_page.html"

    class Meta:
        verbose_name = _("privacy notices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notices"] = (
            PrivacyNoticePage.objects.child_of(self).live().order_by("path")
        )
        return context


def register_choices():
    return [(n.key, n.title) for n in privacy.notices()]


class PrivacyNoticePage(Page):
    """The privacy notice of one register, its facts from the register."""

    register = models.CharField(
        _("register"), max_length=30, choices=register_choices, unique=False
    )
    introduction = RichTextField(_("introduction"), blank=True)
    controller = models.TextField(
        _("controller"), help_text=_("Name, address and phone of the controller.")
    )
    contact = RichTextField(
        _("contact"),
        help_text=_("Who answers questions about this register, and the DPO."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("register"),
        FieldPanel("introduction"),
        FieldPanel("controller"),
        FieldPanel("contact"),
    ]
    parent_page_types = ["statutory.PrivacyNoticeIndexPage"]
    subpage_types = []
    template = "statutory/privacy_notice_page.html"

    class Meta:
        verbose_name = _("privacy notice")

    @property
    def notice(self):
        return privacy.get_notice(self.register)


class CookiePage(Page):
    """Which cookies the site sets and why (website/core/cookies.py)."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "statutory/cookie_page.html"

    class Meta:
        verbose_name = _("cookie page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cookies"] = cookies.site_cookies()
        return context
