"""Feedback handling in the Wagtail admin.

Every view gets its objects from `Feedback.objects.visible_to(user)` /
`ServiceUnit.objects.handled_by(user)`: a handler cannot see or act on
another unit's feedback even by typing its address (404), whatever the menu
shows.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services, stats
from .forms import (
    AssignForm,
    InboxFilterForm,
    NoteForm,
    ReplyForm,
    StaffFeedbackForm,
    TransferForm,
)
from .models import Feedback, ServiceUnit

PER_PAGE = 50


def is_handler(user):
    return user.is_active and (
        user.is_superuser or user.has_perm("feedback.handle_feedback")
    )


def _require_handler(request):
    if not is_handler(request.user):
        raise PermissionDenied


def inbox(request):
    _require_handler(request)
    units = ServiceUnit.objects.handled_by(request.user)
    form = InboxFilterForm(request.GET or None, units=units)
    visible = Feedback.objects.visible_to(request.user)
    feedback = form.filter(visible)
    paginator = Paginator(
        feedback.select_related(
            "unit", "unit__parent", "unit__parent__parent", "assigned_to"
        ).order_by("-created_at", "-pk"),
        PER_PAGE,
    )
    page_obj = paginator.get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "feedback/admin/inbox.html",
        {
            "form": form,
            "page_obj": page_obj,
            "query_string": query.urlencode(),
            "summary": stats.nps(feedback),
            "units": units.select_related("parent", "parent__parent"),
        },
    )


def _get_visible(request, pk):
    _require_handler(request)
    return get_object_or_404(
        Feedback.objects.visible_to(request.user).select_related(
            "unit", "unit__parent", "unit__parent__parent", "assigned_to", "page"
        ),
        pk=pk,
    )


def detail(request, pk):
    feedback = _get_visible(request, pk)
    forms = _action_forms(feedback)
    return _render_detail(request, feedback, forms)


def _action_forms(feedback, action=None, data=None):
    def bound(name):
        return data if action == name else None

    forms = {
        "assign": AssignForm(
            bound("assign"),
            feedback=feedback,
            initial={"assignee": feedback.assigned_to_id},
        ),
        "transfer": TransferForm(bound("transfer"), feedback=feedback),
        "note": NoteForm(bound("note")),
    }
    if feedback.contact_email:
        forms["reply"] = ReplyForm(bound("reply"))
    return forms


def _render_detail(request, feedback, forms, status=200):
    from .alerts import reason_labels

    return TemplateResponse(
        request,
        "feedback/admin/detail.html",
        {
            "feedback": feedback,
            "forms": forms,
            "events": feedback.events.select_related(
                "user", "from_unit", "to_unit", "assignee"
            ),
            "alert_labels": reason_labels(feedback.alert_reason),
        },
        status=status,
    )


@require_POST
def act(request, pk, action):
    """One handling step on one feedback (POST)."""
    feedback = _get_visible(request, pk)
    user = request.user
    if action in ("close", "reopen", "erase"):
        if action == "close":
            services.close(feedback, user)
            messages.success(request, _("The feedback was closed."))
        elif action == "reopen":
            services.reopen(feedback, user)
            messages.success(request, _("The feedback was reopened."))
        else:
            services.erase(feedback, user)
            messages.success(request, _("The giver's personal data were erased."))
        return redirect("feedback_detail", feedback.pk)
    forms = _action_forms(feedback, action, request.POST)
    form = forms.get(action)
    if form is None:
        raise PermissionDenied
    if not form.is_valid():
        messages.error(request, _("Please check the form."))
        return _render_detail(request, feedback, forms, status=400)
    data = form.cleaned_data
    if action == "assign":
        services.assign(feedback, data["assignee"], user)
        messages.success(request, _("The handler was assigned."))
    elif action == "transfer":
        services.transfer(feedback, data["unit"], data["reason"], user)
        messages.success(
            request,
            _("The feedback was transferred to %(unit)s.") % {"unit": data["unit"]},
        )
        if not Feedback.objects.visible_to(user).filter(pk=feedback.pk).exists():
            return redirect("feedback_inbox")
    elif action == "reply":
        services.reply(feedback, data["message"], user)
        messages.success(request, _("The reply was sent to the giver."))
    elif action == "note":
        services.add_note(feedback, data["note"], user)
        messages.success(request, _("The note was saved."))
    return redirect("feedback_detail", feedback.pk)


def add(request):
    """Paper and phone feedback typed in by staff."""
    _require_handler(request)
    units = ServiceUnit.objects.handled_by(request.user).filter(active=True)
    form = StaffFeedbackForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        feedback = services.receive(
            channel=form.cleaned_data["channel"],
            language=form.cleaned_data["language"],
            entered_by=request.user,
            **form.feedback_fields(),
        )
        messages.success(request, _("The feedback was saved."))
        return redirect("feedback_detail", feedback.pk)
    return TemplateResponse(request, "feedback/admin/add.html", {"form": form})


def poster(request, pk, language):
    """A printable A4 poster (PDF) with the unit's QR code."""
    _require_handler(request)
    if language not in ("fi", "sv"):
        raise PermissionDenied
    unit = get_object_or_404(ServiceUnit.objects.handled_by(request.user), pk=pk)
    from .qr import poster_pdf

    response = HttpResponse(poster_pdf(unit, language), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="palaute-{unit.slug}-{language}.pdf"'
    )
    return response


def qr_image(request, pk, language):
    """The bare QR code as PNG (for the unit's own print material)."""
    _require_handler(request)
    if language not in ("fi", "sv"):
        raise PermissionDenied
    unit = get_object_or_404(ServiceUnit.objects.handled_by(request.user), pk=pk)
    from .qr import landing_url, qr_png

    response = HttpResponse(
        qr_png(landing_url(unit, language)), content_type="image/png"
    )
    response["Content-Disposition"] = (
        f'inline; filename="palaute-{unit.slug}-{language}.png"'
    )
    return response
