"""Staff views in the Wagtail admin: applicants, the draw, rounds, results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import exports, services, stats
from .forms import DrawForm
from .models import Member, Panel, Round


def _check(request):
    if not request.user.has_perm("panels.change_panel"):
        raise PermissionDenied


def panel_index(request):
    _check(request)
    panels = Panel.objects.annotate(
        applicants=Count("members", filter=Q(members__confirmed_at__isnull=False)),
        member_count=Count("members", filter=Q(members__status=Member.Status.MEMBER)),
    ).order_by("-created_at")
    return render(request, "panels/admin/index.html", {"panels": panels})


def panel_detail(request, pk):
    _check(request)
    panel = get_object_or_404(Panel, pk=pk)
    status_counts = dict(
        panel.members.values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    unconfirmed = panel.members.filter(confirmed_at__isnull=True).count()
    form = DrawForm(request.POST or None, initial={"size": panel.target_size})
    if request.method == "POST" and form.is_valid():
        draw = services.draw(
            panel,
            form.cleaned_data["method"],
            size=form.cleaned_data["size"],
            seed=form.cleaned_data["seed"],
            user=request.user,
        )
        messages.success(
            request,
            _("Selected %(n)s members of %(total)s applicants.")
            % {"n": draw.selected_count, "total": draw.applicant_count},
        )
        return redirect("panels_admin_panel", pk=panel.pk)
    members = (
        panel.members.filter(confirmed_at__isnull=False)
        .select_related("municipality")
        .order_by("municipality__name_fi", "age_group", "pk")
    )
    page = Paginator(members, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "panels/admin/panel.html",
        {
            "panel": panel,
            "form": form,
            "draws": panel.draws.all()[:5],
            "last_draw": panel.draws.first(),
            "status_counts": [
                (label, status_counts.get(value, 0))
                for value, label in Member.Status.choices
            ],
            "unconfirmed": unconfirmed,
            "page": page,
            "rounds": panel.rounds.annotate(
                invited=Count("invitations", distinct=True),
                answered=Count(
                    "invitations",
                    filter=Q(invitations__answered=True),
                    distinct=True,
                ),
                response_count=Count("responses", distinct=True),
            ),
        },
    )


@require_POST
def round_action(request, pk, action):
    _check(request)
    round_ = get_object_or_404(Round, pk=pk)
    if action == "send":
        n = services.send_invitations(round_)
        messages.success(request, _("Invitations sent: %(n)s.") % {"n": n})
    elif action == "remind":
        n = services.send_reminders(round_)
        messages.success(request, _("Reminders sent: %(n)s.") % {"n": n})
    elif action == "close":
        services.close_round(round_)
        messages.success(request, _("The round is closed."))
    return redirect("panels_admin_panel", pk=round_.panel_id)


def round_results(request, pk):
    _check(request)
    round_ = get_object_or_404(Round.objects.select_related("panel"), pk=pk)
    return render(
        request,
        "panels/admin/results.html",
        {
            "round": round_,
            "results": stats.round_results(round_),
            "rates": stats.response_rates(round_),
            "min_group": stats.min_group_size(),
        },
    )


def round_results_xlsx(request, pk):
    """The round's results for analysts, in the user's admin language."""
    _check(request)
    round_ = get_object_or_404(Round.objects.select_related("panel"), pk=pk)
    return exports.round_results_xlsx(round_)
