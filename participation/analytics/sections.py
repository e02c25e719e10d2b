"""Workshop and panel figures in the dashboard, the council report, the
public summary and goal pages, through the apps' own figure functions."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from website.core.disclosure import Disclosure, is_suppressed

from . import charts, queries


def workshops(filters, public=False):
    """Participants of the workshops held in the period (by their start)."""
    from participation.workshops.stats import participation_figures

    start, end = filters.bounds()
    figures = participation_figures(start=start, end=end)
    if public:
        figures = publish_workshops(figures)
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
        [(_("Participants"), [row.get("number", row["count"]) for row in by_type])],
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


BREAKDOWNS = ("by_organisation_type", "by_municipality", "by_language")


def publish_workshops(figures, minimum=None):
    """Workshop participants for the public: each breakdown adds up to the
    participants, so a small group is hidden with its complement (the
    "Pornainen 1.7 % of 60" of the audit), and a percentage only where its
    count is shown. Rows keep their place and read "fewer than 5"."""
    d = Disclosure(minimum)
    total = d.count("participants", figures["participants"])
    for key in BREAKDOWNS:
        d.sum(
            total, [d.count((key, i), r["count"]) for i, r in enumerate(figures[key])]
        )
    published = {
        **figures,
        "participants": d.value(total),
        "suppressed": d.any_hidden([total]),
        "suppressed_any": bool(d.hidden),
        "attendance": {"marked": 0, "rate": None},
    }
    for key in BREAKDOWNS:
        published[key] = [
            {
                **row,
                "count": d.value((key, i)),
                "number": d.number((key, i)),
                "percent": d.derived(row["percent"], (key, i), total),
            }
            for i, row in enumerate(figures[key])
        ]
    return published


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
        d = Disclosure(minimum)
        d.count("participants", counts.get(page.pk, 0))
        rows.append(
            {
                "page": translated.get(page.translation_key, page),
                "participants": d.value("participants"),
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
        invited = (round_.invited_counts or {}).get("total")
        published = publish_round(
            round_.responded, invited if not round_.is_open else None, minimum
        )
        rows.append({"round": round_, **published})
    return {"template": "analytics/includes/goal_rounds.html", "data": rows}


def publish_round(responded, invited, minimum=None):
    """A round's responses and response rate (%): invited = responded + not
    responded, so 58 of 60 (two who did not answer) is hidden as well as 3
    of 60. `invited` None: no rate (an open round)."""
    d = Disclosure(minimum)
    d.count("responded", responded)
    rate = None
    if invited:
        d.count("invited", invited)
        d.count("silent", max(invited - responded, 0))
        d.sum("invited", ["responded", "silent"])
        rate = d.derived(round(100 * responded / invited), "responded", "invited")
    return {"responded": d.value("responded"), "rate": rate}


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
            composition.append(
                {
                    **_share_row(areas.get(code, code), count, total, target),
                    "kind": "municipality",
                }
            )
        ages = dict(AgeGroup.choices)
        for key, target in age_targets.items():
            composition.append(
                {
                    **_share_row(ages.get(key, key), by_age.get(key, 0), total, target),
                    "kind": "age",
                }
            )
        rounds = []
        for round_ in panel.rounds.filter(
            Q(closed_at__gte=start, closed_at__lt=end) | Q(status=Round.Status.OPEN)
        ).order_by("-pk")[:5]:
            rates = response_rates(round_, min_group=minimum)["overall"]
            if public and not rates["suppressed"] and rates["invited"]:
                # 58 of 60 invited tells about the 2 who did not answer.
                published = publish_round(rates["responded"], rates["invited"])
                rates["suppressed"] = is_suppressed(published["rate"])
            rounds.append({"title": round_.title, **rates})
        if public:
            composition = publish_composition(composition, total, minimum)
        suppressed = total < minimum
        result.append(
            {
                "panel": panel,
                "members": total,
                "suppressed": public and suppressed,
                "bars_left_out": any(is_suppressed(r["share"]) for r in composition),
                "composition": [] if public and suppressed else composition,
                "chart": None
                if public and suppressed
                else charts.grouped_bars(
                    [str(row["label"]) for row in composition],
                    [
                        (
                            _("Share %"),
                            [row.get("number", row["share"]) for row in composition],
                        ),
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


def publish_composition(rows, members, minimum=None):
    """A panel's composition for the public: the share of a group reveals
    its count (share x members), so a share and its deviation are shown only
    where the count may be; the municipality rows and the age rows each add
    up to the members with an "other" complement."""
    d = Disclosure(minimum)
    d.count("members", members)
    by_kind = {}
    for i, row in enumerate(rows):
        by_kind.setdefault(row["kind"], []).append(d.count(i, row["count"]))
    for kind, keys in by_kind.items():
        other = d.count(("other", kind), members - sum(d.counts[k] for k in keys))
        d.sum("members", [*keys, other])
    published = []
    for i, row in enumerate(rows):
        share = d.derived(row["share"], i, "members")
        published.append(
            {
                **row,
                "count": d.value(i),
                "share": share,
                "number": None if is_suppressed(share) else share,
                "deviation": d.derived(row["deviation"], i, "members"),
            }
        )
    return published


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
