"""Demo: classify the demo feedback's free texts (themes and tone) and link
the themes to plan goals, so the dashboard and goal pages have content."""

from feedback.models import Feedback
from website.core.demo import ensure_translated_page, participation_hub, place_under

from .analysis import analyse_all
from .models import FeedbackAnalysis, ParticipationSummaryPage, TextTheme

SUMMARY = {
    "title": ("Osallisuus lukuina", "Delaktighet i siffror"),
    "slug": ("osallisuus-lukuina", "delaktighet-i-siffror"),
    "introduction": (
        "<p>Mitä asukkaat ja asiakkaat ovat kertoneet palautteessa, "
        "työpajoissa ja asukaspaneelissa. Luvut päivittyvät päivittäin. "
        "Demoaineistoa.</p>",
        "<p>Vad invånare och klienter har sagt i respons, workshoppar och "
        "invånarpanelen. Siffrorna uppdateras dagligen. Demodata.</p>",
    ),
}

# Free-text themes that tell about a goal of the demo plan (goal numbers).
THEME_GOALS = {"access": [1], "information": [2], "language": [2], "care": [3]}


def load(home_fi, fi, sv):
    from feedback.models import ServiceUnit
    from website.indicators.models import Area
    from website.plan.models import GoalPage

    # The demo's areas are the municipalities: place them for the figures by
    # municipality (units below an area inherit it).
    municipalities = {
        a.name_fi: a for a in Area.objects.filter(kind=Area.Kind.MUNICIPALITY)
    }
    for unit in ServiceUnit.objects.filter(
        parent__isnull=True, municipality__isnull=True
    ):
        if unit.name_fi in municipalities:
            unit.municipality = municipalities[unit.name_fi]
            unit.save(update_fields=["municipality"])

    demo = Feedback.objects.filter(is_demo=True)
    if not FeedbackAnalysis.objects.filter(feedback__is_demo=True).exists():
        analyse_all(demo)
    goals = {g.number: g for g in GoalPage.objects.filter(locale=fi)}
    for theme in TextTheme.objects.filter(slug__in=THEME_GOALS):
        if not theme.goals.exists():
            theme.goals.set([goals[n] for n in THEME_GOALS[theme.slug] if n in goals])
    _summary_page(home_fi, fi, sv)
    _analyst()
    return {"analysed answers": FeedbackAnalysis.objects.count()}


ANALYST_GROUP = "Osallisuusasiantuntijat – Delaktighetsexperter"
ANALYST_USERNAME = "analyytikko"


def _analyst():
    """The analyst role: the dashboard and its exports, aggregates only (no
    feedback texts: those stay with the units' handlers)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from website.core.demo import DEMO_PASSWORD

    group, _ = Group.objects.get_or_create(name=ANALYST_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_participation_dashboard"]
        )
    )
    User = get_user_model()
    user = User.objects.filter(username=ANALYST_USERNAME).first()
    if user is None:
        user = User(
            username=ANALYST_USERNAME,
            email="analyytikko@example.com",
            is_staff=True,
            first_name="Demo",
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    user.groups.add(group)


def _summary_page(home_fi, fi, sv):
    hub = participation_hub(home_fi, fi, sv)
    page = ensure_translated_page(
        ParticipationSummaryPage, "participation-summary", hub, fi, sv, SUMMARY
    )
    place_under(page, hub, sv)
    return page
