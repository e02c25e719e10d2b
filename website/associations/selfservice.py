"""Representatives keep their association's entry current (signed in).

Every view fetches the association through `represented_by(request.user)`,
so a representative reaches only their own associations; anything else is a
404, whatever the URL says. Changes to what is public wait for staff
(website.associations.moderation).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from website.core.i18n import active_language

from . import moderation
from .forms import ActivityForm, AssociationEntryForm, ClaimForm
from .models import RESERVED_SLUGS, Association, ChangeRequest, Representative

Kind = ChangeRequest.Kind


def _own(request, pk):
    return get_object_or_404(Association.objects.represented_by(request.user), pk=pk)


def _pending(association, kind, activity=None):
    return (
        association.change_requests.pending()
        .filter(kind=kind, activity=activity)
        .order_by("-submitted_at")
        .first()
    )


def unique_slug(name):
    base = slugify(name)[:180] or "yhdistys"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Association.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@login_required
def dashboard(request):
    associations = (
        Association.objects.represented_by(request.user)
        .prefetch_related("activities")
        .order_by("name_fi")
    )
    pending = ChangeRequest.objects.pending().filter(association__in=associations)
    pending_by_association = {}
    for change in pending:
        pending_by_association.setdefault(change.association_id, []).append(change)
    decided = (
        ChangeRequest.objects.filter(association__in=associations)
        .exclude(status__in=[ChangeRequest.Status.PENDING, "withdrawn"])
        .select_related("association", "activity")
        .order_by("-decided_at")[:10]
    )
    claims = Representative.objects.filter(
        user=request.user,
        status__in=[Representative.Status.PENDING, Representative.Status.REJECTED],
    ).select_related("association")
    return render(
        request,
        "associations/selfservice/dashboard.html",
        {
            "title": _("My associations"),
            "entries": [
                (a, pending_by_association.get(a.pk, [])) for a in associations
            ],
            "decided": decided,
            "claims": claims,
        },
    )


@login_required
def create(request):
    form = AssociationEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.slug = unique_slug(form.cleaned_data["name_fi"])
        moderation.create_association(form, request.user, active_language())
        messages.success(
            request,
            _(
                "Thank you! The association was saved and sent to staff for "
                "approval. It appears on the map once approved; you will get an "
                "e-mail."
            ),
        )
        return redirect("association_selfservice:dashboard")
    return render(
        request,
        "associations/selfservice/entry_form.html",
        {"form": form, "title": _("Add an association")},
    )


@login_required
def edit(request, pk):
    association = _own(request, pk)
    proposal = _pending(association, Kind.ASSOCIATION)
    initial = proposal.data if proposal else None
    form = AssociationEntryForm(
        request.POST or None, instance=association, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        if association.published:
            moderation.propose(
                association,
                Kind.ASSOCIATION,
                request.user,
                active_language(),
                data=moderation.serialise(form.cleaned_data, form.Meta.fields),
            )
            messages.success(
                request,
                _(
                    "Your changes were sent to staff for approval. The map shows "
                    "the earlier version until then."
                ),
            )
        else:
            with transaction.atomic():
                moderation.save_unpublished(form, request.user)
                if not _pending(association, Kind.NEW_ASSOCIATION):
                    moderation.propose(
                        association,
                        Kind.NEW_ASSOCIATION,
                        request.user,
                        active_language(),
                    )
            messages.success(
                request, _("Saved. The association is waiting for approval.")
            )
        return redirect("association_selfservice:dashboard")
    return render(
        request,
        "associations/selfservice/entry_form.html",
        {
            "form": form,
            "association": association,
            "proposal": proposal,
            "title": _("Edit %(name)s") % {"name": association.name},
        },
    )


@login_required
def activity_form(request, pk, activity_pk=None):
    association = _own(request, pk)
    activity = (
        get_object_or_404(association.activities, pk=activity_pk)
        if activity_pk
        else None
    )
    proposal = _pending(association, Kind.ACTIVITY, activity) if activity else None
    form = ActivityForm(
        request.POST or None,
        instance=activity,
        initial=proposal.data if proposal else None,
    )
    if request.method == "POST" and form.is_valid():
        if not association.published:
            moderation.save_unpublished_activity(form, association, request.user)
            messages.success(request, _("The activity was saved."))
        else:
            moderation.propose(
                association,
                Kind.ACTIVITY if activity else Kind.NEW_ACTIVITY,
                request.user,
                active_language(),
                data=moderation.serialise(form.cleaned_data, form.Meta.fields),
                activity=activity,
            )
            messages.success(request, _("The activity was sent to staff for approval."))
        return redirect("association_selfservice:dashboard")
    return render(
        request,
        "associations/selfservice/activity_form.html",
        {
            "form": form,
            "association": association,
            "activity": activity,
            "title": _("Edit the activity %(name)s") % {"name": activity.name}
            if activity
            else _("Add an activity"),
        },
    )


@login_required
@require_POST
def activity_delete(request, pk, activity_pk):
    association = _own(request, pk)
    activity = get_object_or_404(association.activities, pk=activity_pk)
    if not association.published:
        moderation.delete_unpublished_activity(activity, request.user)
        messages.success(request, _("The activity was removed."))
    else:
        moderation.propose(
            association,
            Kind.DELETE_ACTIVITY,
            request.user,
            active_language(),
            activity=activity,
        )
        messages.success(
            request, _("The removal of the activity was sent to staff for approval.")
        )
    return redirect("association_selfservice:dashboard")


@login_required
def claim(request):
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        association = form.cleaned_data["association"]
        representation, created = moderation.request_representation(
            association, request.user, active_language()
        )
        if created:
            messages.success(
                request,
                _(
                    "Your request to manage %(name)s was sent to staff. You will "
                    "get an e-mail when it has been handled."
                )
                % {"name": association.name},
            )
        else:
            messages.info(
                request,
                _("You have already asked to manage %(name)s.")
                % {"name": association.name},
            )
        return redirect("association_selfservice:dashboard")
    return render(
        request,
        "associations/selfservice/claim.html",
        {"form": form, "title": _("Manage an association that is on the map")},
    )
