"""Every public page type, resolved from the demo content, in Finnish and
Swedish: the one table the quality gates share (axe-core in
tests/browser/test_accessibility.py, the Nu HTML Checker in
tests/test_html_validity.py).

To add a page type, add a function below decorated with `@page_type(name)`
that takes a language code and returns the URL of one demo page of that type
in that language (look it up from the database, never a hard-coded id). Pass
`status=404` for pages that are expected to answer with another status.
"""

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("fi", "sv")
PAGE_TYPES = {}  # name -> (resolver(language) -> url, expected status)


def page_type(name, status=200):
    def register(resolver):
        PAGE_TYPES[name] = (resolver, status)
        return resolver

    return register


def public_urls(languages=LANGUAGES):
    """[(name, language, url, expected status)] for every page type."""
    rows = []
    for name, (resolver, status) in PAGE_TYPES.items():
        for language in languages:
            with translation.override(language):
                rows.append((name, language, resolver(language), status))
    return rows


def _page(model, language, **filters):
    return model.objects.live().get(locale__language_code=language, **filters)


@page_type("home")
def _home(language):
    from website.home.models import HomePage

    return _page(HomePage, language).url


@page_type("accessibility statement")
def _accessibility_statement(language):
    from website.statutory.models import AccessibilityStatementPage

    return _page(AccessibilityStatementPage, language).url


@page_type("accessibility feedback")
def _accessibility_feedback(language):
    from website.statutory.models import AccessibilityStatementPage

    page = _page(AccessibilityStatementPage, language)
    return reverse("feedback:contact", args=[page.feedback_unit])


@page_type("privacy notices")
def _privacy_notices(language):
    from website.statutory.models import PrivacyNoticeIndexPage

    return _page(PrivacyNoticeIndexPage, language).url


@page_type("privacy notice")
def _privacy_notice(language):
    from website.statutory.models import PrivacyNoticePage

    return _page(PrivacyNoticePage, language, register="workshops").url


@page_type("cookies")
def _cookies(language):
    from website.statutory.models import CookiePage

    return _page(CookiePage, language).url


@page_type("plan")
def _plan(language):
    from website.plan.models import PlanPage

    return _page(PlanPage, language).url


@page_type("goal")
def _goal(language):
    from website.plan.models import GoalPage

    return GoalPage.objects.live().filter(locale__language_code=language)[0].url


@page_type("goal, filtered")
def _goal_filtered(language):
    return _goal(language) + "?status=done"


@page_type("measure")
def _measure(language):
    from website.plan.models import Measure

    measure = (
        Measure.objects.published()
        .filter(locale__language_code=language)
        .order_by("pk")[0]
    )
    return measure.get_url()


@page_type("report index")
def _report_index(language):
    from website.report.models import ReportIndexPage

    return _page(ReportIndexPage, language).url


@page_type("report")
def _report(language):
    from website.report.models import ReportPage

    return ReportPage.objects.live().filter(locale__language_code=language)[0].url


@page_type("municipality card")
def _municipality_card(language):
    from website.indicators.models import Area
    from website.report.models import ReportPage

    report = ReportPage.objects.live().filter(locale__language_code=language)[0]
    area = Area.objects.filter(kind=Area.Kind.MUNICIPALITY).order_by("slug")[0]
    return report.municipality_url(area)


@page_type("programs")
def _programs(language):
    from website.programs.models import ProgramIndexPage

    return _page(ProgramIndexPage, language).url


@page_type("programs period")
def _programs_period(language):
    from website.programs.models import ReportingPeriod

    period = ReportingPeriod.objects.order_by("-year", "-half")[0]
    return period.get_url()


@page_type("program")
def _program(language):
    from website.programs.models import Program

    program = Program.objects.filter(locale__language_code=language)[0]
    return program.get_url()


def _map(language):
    from website.associations.models import AssociationMapPage

    return _page(AssociationMapPage, language)


@page_type("association map")
def _association_map(language):
    return _map(language).url


@page_type("association map, filtered")
def _association_map_filtered(language):
    return _map(language).url + "?municipality=tuusula&theme=liikunta"


@page_type("association")
def _association(language):
    from website.associations.models import Association

    association = Association.objects.published().order_by("pk")[0]
    return _map(language).association_url(association)


@page_type("activity, print and send")
def _activity(language):
    from website.associations.models import Activity

    activity = Activity.objects.filter(association__published=True).order_by("pk")[0]
    return f"{_map(language).association_url(activity.association)}{activity.pk}/"


@page_type("feedback form")
def _feedback_form(language):
    from feedback.models import FeedbackFormPage

    return _page(FeedbackFormPage, language).url


@page_type("feedback QR landing")
def _feedback_qr(language):
    from feedback.models import ServiceUnit

    unit = ServiceUnit.objects.filter(level=3, active=True).order_by("pk")[0]
    return reverse("feedback:qr", args=[unit.slug])


@page_type("feedback embed")
def _feedback_embed(language):
    return reverse("feedback:embed")


@page_type("workshop, upcoming")
def _workshop(language):
    from django.utils import timezone

    from participation.workshops.models import WorkshopPage

    return (
        WorkshopPage.objects.live()
        .filter(locale__language_code=language, starts_at__gte=timezone.now())
        .order_by("starts_at")[0]
        .url
    )


@page_type("resident panel, join")
def _panel(language):
    from participation.panels.models import Panel

    return Panel.objects.order_by("pk")[0].route_url()


@page_type("resident panels")
def _panel_index(language):
    from participation.panels.models import PanelIndexPage

    return _page(PanelIndexPage, language).url


@page_type("participation hub")
def _hub(language):
    from website.home.models import HubPage

    return _page(HubPage, language).url


@page_type("workshop listing")
def _workshop_listing(language):
    from participation.workshops.models import WorkshopIndexPage

    return _page(WorkshopIndexPage, language).url


@page_type("workshop listing, filtered")
def _workshop_listing_filtered(language):
    from participation.workshops.models import WorkshopIndexPage
    from website.indicators.models import Area

    municipality = Area.objects.get(code="106")
    return f"{_page(WorkshopIndexPage, language).url}?municipality={municipality.slug}"


@page_type("participation summary")
def _summary(language):
    from participation.analytics.models import ParticipationSummaryPage

    return _page(ParticipationSummaryPage, language).url


@page_type("search")
def _search(language):
    return reverse("search") + "?q=liikunta"


@page_type("search, no results")
def _search_empty(language):
    return reverse("search") + "?q=qwxzqwxz"


@page_type("log in")
def _login(language):
    return reverse("account_login")


@page_type("sign up")
def _signup(language):
    return reverse("account_signup")


@page_type("password reset")
def _password_reset(language):
    return reverse("account_reset_password")


@page_type("open data (API documentation)")
def _api_docs(language):
    return reverse("api_docs")


@page_type("not found", status=404)
def _not_found(language):
    return f"/{language}/ei-ole-olemassa/"
