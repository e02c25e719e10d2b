"""Workshop and panel figures in the dashboard, the council report, the
public summary and goal pages, through the apps' own figure functions."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from . import charts, queries


def workshops(filters, public=False):
    """Participants of the workshops held in the period (by their start)."""
    from participation.workshops.stats import participation_figures

    start, end = filters.bounds()
    figures = participation_figures(start=start, end=end)
    if public:
        minimum = queries.min_group_size()
        for key in ("by_organisation_type", "by_municipality", "by_language"):
            figures[key] = [row for row in figures[key] if row["count"] >= minimum]
        if figures["participants"] < minimum:
            figures["suppressed"] = True
    breakdowns = [
        (_("By organisation type"), figures["by_organisation_type"]),
        (_("By municipality"), figures["by_municipality"]),
        (_("By language"), figures["by_language"]),
    ]
    sheets = [
        (
            _("Workshops"),
            [_("Group"), _("Participants"), "%"],
            [
                [f"{title}: {row['label']}", row["count"], row["percent"]]
                for title, rows in breakdowns
                for row in rows
            ]
            + [
                [_("Participants in all"), figures["participants"], None],
                [_("Attendance rate (%)"), figures["attendance"]["rate"], None],
            ],
        )
    ]
    by_type = figures["by_organisation_type"]
    chart = charts.grouped_bars(
        [str(row["label"]) for row in by_type],
        [(_("Participants"), [row["count"] for row in by_type])],
    )
    return {
        "template": "analytics/includes/workshops.html",
        "data": {
            "figures": figures,
            "breakdowns": breakdowns,
            "public": public,
            "chart": chart,
        },
        "sheets": sheets,
    }


def extra_sections(filters, public=False):
    sections = [workshops(filters, public=public), panels(filters, public=public)]
    if not public:
        sections.append(goals(filters))
    return sections


def goal_workshops(goal, filters):
    """Workshops linked to a plan goal with their participants: three
    queries whatever the number of workshops."""
    from participation.workshops.models import Attendee, SignUp, WorkshopPage

    pages = list(
        WorkshopPage.objects.live()
        .filter(goals__translation_key=goal.translation_key, locale__language_code="fi")
        .order_by("-starts_at")
        .distinct()[:5]
    )
    if not pages:
        return None
    counts = dict(
        Attendee.objects.filter(
            signup__status=SignUp.Status.CONFIRMED, signup__workshop__in=pages
        )
        .values_list("signup__workshop")
        .annotate(n=Count("pk"))
        .values_list("signup__workshop", "n")
    )
    translated = {
        p.translation_key: p
        for p in WorkshopPage.objects.live().filter(
            translation_key__in=[p.translation_key for p in pages], locale=goal.locale
        )
    }
    minimum = queries.min_group_size()
    rows = []
    for page in pages:
        count = counts.get(page.pk, 0)
        rows.append(
            {
                "page": translated.get(page.translation_key, page),
                "participants": count if count >= minimum else None,
            }
        )
    return {"template": "analytics/includes/goal_workshops.html", "data": rows}


def goal_rounds(goal, filters):
    """Panel rounds linked to a plan goal, open or closed in the period, with
    their response counts and rates (one query; counts below the minimum
    group size are suppressed)."""
    from participation.panels.models import Round

    start, end = filters.bounds()
    rounds = list(
        Round.objects.filter(goals__translation_key=goal.translation_key)
        .filter(
            Q(closed_at__gte=start, closed_at__lt=end) | Q(status=Round.Status.OPEN)
        )
        .annotate(responded=Count("responses", distinct=True))
        .order_by("-opened_at")
        .distinct()[:5]
    )
    if not rounds:
        return None
    minimum = queries.min_group_size()
    rows = []
    for round_ in rounds:
        shown = round_.responded >= minimum
        invited = (round_.invited_counts or {}).get("total")
        rows.append(
            {
                "round": round_,
                "responded": round_.responded if shown else None,
                "rate": (
                    round(100 * round_.responded / invited)
                    if shown and invited and not round_.is_open
                    else None
                ),
            }
        )
    return {"template": "analytics/includes/goal_rounds.html", "data": rows}


def panels(filters, public=False):
    """Each panel's membership against its target shares by municipality
    and age group, and the response rates of its rounds closed or open in
    the period (the panels app's own functions do the counting)."""
    from participation.panels.models import AgeGroup, Member, Panel, Round
    from participation.panels.stats import response_rates
    from website.indicators.models import Area

    minimum = queries.min_group_size()
    start, end = filters.bounds()
    result = []
    sheets_rows = []
    areas = {a.code: a.name for a in Area.objects.filter(kind=Area.Kind.MUNICIPALITY)}
    area_codes = dict(
        Area.objects.filter(kind=Area.Kind.MUNICIPALITY).values_list("pk", "code")
    )
    for panel in Panel.objects.order_by("-created_at")[:5]:
        members = Member.objects.filter(panel=panel, status=Member.Status.MEMBER)
        total = members.count()
        muni_targets, age_targets = panel.normalised_targets()
        by_muni = dict(
            members.values_list("municipality")
            .annotate(n=Count("pk"))
            .values_list("municipality", "n")
        )
        by_age = dict(
            members.values_list("age_group")
            .annotate(n=Count("pk"))
            .values_list("age_group", "n")
        )
        composition = []
        for code, target in sorted(
            muni_targets.items(), key=lambda kv: areas.get(kv[0], "")
        ):
            count = sum(n for pk, n in by_muni.items() if area_codes.get(pk) == code)
            composition.append(_share_row(areas.get(code, code), count, total, target))
        ages = dict(AgeGroup.choices)
        for key, target in age_targets.items():
            composition.append(
                _share_row(ages.get(key, key), by_age.get(key, 0), total, target)
            )
        rounds = []
        for round_ in panel.rounds.filter(
            Q(closed_at__gte=start, closed_at__lt=end) | Q(status=Round.Status.OPEN)
        ).order_by("-pk")[:5]:
            rates = response_rates(round_, min_group=minimum)["overall"]
            rounds.append({"title": round_.title, **rates})
        suppressed = total < minimum
        result.append(
            {
                "panel": panel,
                "members": total,
                "suppressed": public and suppressed,
                "composition": [] if public and suppressed else composition,
                "chart": None
                if public and suppressed
                else charts.grouped_bars(
                    [str(row["label"]) for row in composition],
                    [
                        (_("Share %"), [row["share"] for row in composition]),
                        (_("Target %"), [row["target"] for row in composition]),
                    ],
                    unit="%",
                ),
                "rounds": rounds,
            }
        )
        sheets_rows += [
            [
                panel.name,
                row["label"],
                row["count"],
                row["share"],
                row["target"],
                row["deviation"],
            ]  # fmt: skip
            for row in composition
        ]
    return {
        "template": "analytics/includes/panels.html",
        "data": {"panels": result, "public": public},
        "sheets": [
            (
                _("Panels"),
                [
                    _("Panel"),
                    _("Group"),
                    _("Members"),
                    "%",
                    _("Target %"),
                    _("Deviation (points)"),
                ],  # fmt: skip
                sheets_rows,
            )
        ],
    }


def _share_row(label, count, total, target):
    share = round(100 * count / total, 1) if total else None
    target = round(100 * target, 1)
    return {
        "label": label,
        "count": count,
        "share": share,
        "target": target,
        "deviation": round(share - target, 1) if share is not None else None,
    }


def goals(filters):
    """Participation linked to each plan goal in the period: written
    feedback answers on the goal's themes, participants of the goal's
    workshops and responses to its panel rounds (four queries whatever the
    number of goals)."""
    from participation.panels.models import Response
    from participation.workshops.models import Attendee, SignUp
    from website.plan.models import GoalPage

    from .models import FeedbackAnalysis, ThemeMonthly

    goals = list(
        GoalPage.objects.live().filter(locale__language_code="fi").order_by("number")
    )
    # Whole months from the summaries, the period's partial months raw.
    core, rest = filters.parts()
    theme_answers = {}
    if core is not None:
        for goal_id, n in (
            core.summary(ThemeMonthly)
            .filter(theme__goals__in=goals)
            .values("theme__goals")
            .order_by("theme__goals")
            .annotate(n=Sum("n"))
            .values_list("theme__goals", "n")
        ):
            theme_answers[goal_id] = theme_answers.get(goal_id, 0) + n
    if rest is not None:
        for goal_id, n in (
            FeedbackAnalysis.objects.filter(
                feedback__in=rest.feedback().values("pk"), themes__goals__in=goals
            )
            .values("themes__goals")
            .order_by("themes__goals")
            .annotate(n=Count("pk"))
            .values_list("themes__goals", "n")
        ):
            theme_answers[goal_id] = theme_answers.get(goal_id, 0) + n
    start, end = filters.bounds()
    participants = dict(
        Attendee.objects.filter(
            signup__status=SignUp.Status.CONFIRMED,
            signup__workshop__starts_at__gte=start,
            signup__workshop__starts_at__lt=end,
            signup__workshop__goals__in=goals,
        )
        .values("signup__workshop__goals")
        .order_by("signup__workshop__goals")
        .annotate(n=Count("pk"))
        .values_list("signup__workshop__goals", "n")
    )
    responses = dict(
        Response.objects.filter(
            submitted_on__gte=filters.date_from,
            submitted_on__lte=filters.date_to,
            round__goals__in=goals,
        )
        .values("round__goals")
        .order_by("round__goals")
        .annotate(n=Count("pk"))
        .values_list("round__goals", "n")
    )
    rows = [
        {
            "goal": goal,
            "feedback": theme_answers.get(goal.pk, 0),
            "workshop_participants": participants.get(goal.pk, 0),
            "panel_responses": responses.get(goal.pk, 0),
        }
        for goal in goals
    ]
    return {
        "template": "analytics/includes/goals.html",
        "data": {
            "rows": rows,
            "chart": charts.grouped_bars(
                [f"{r['goal'].number}. {r['goal'].title}" for r in rows],
                [
                    (_("Feedback"), [r["feedback"] for r in rows]),
                    (
                        _("Workshop participants"),
                        [r["workshop_participants"] for r in rows],
                    ),
                    (_("Panel responses"), [r["panel_responses"] for r in rows]),
                ],
            ),
        },
        "sheets": [
            (
                _("Plan goals"),
                [
                    _("Goal"),
                    _("Feedback on the goal's themes"),
                    _("Workshop participants"),
                    _("Panel responses"),
                ],  # fmt: skip
                [
                    [
                        f"{r['goal'].number}. {r['goal'].title}",
                        r["feedback"],
                        r["workshop_participants"],
                        r["panel_responses"],
                    ]  # fmt: skip
                    for r in rows
                ],
            )
        ],
    }
