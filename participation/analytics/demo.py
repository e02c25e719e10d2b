"""Demo: classify the demo feedback's free texts (themes and tone) and link
the themes to plan goals, so the dashboard and goal pages have content."""

from feedback.models import Feedback

from .analysis import analyse_all
from .models import FeedbackAnalysis, TextTheme

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
    return {"analysed answers": FeedbackAnalysis.objects.count()}
