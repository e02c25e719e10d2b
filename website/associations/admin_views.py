"""Staff moderation of representatives' proposals in the Wagtail admin.

Who may moderate: users with the `associations.change_association`
permission (superusers and the communications group), checked in each view.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import history, moderation
from .models import ChangeRequest, Representative

PERMISSION = "associations.change_association"


def can_moderate(user):
    return user.is_active and user.has_perm(PERMISSION)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the representative"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy(
            "Sent by e-mail in the representative's language: say what to fix."
        ),
    )


def _check(request):
    if not can_moderate(request.user):
        raise PermissionDenied


def queue(request):
    _check(request)
    changes = (
        ChangeRequest.objects.pending()
        .select_related("association", "activity", "submitted_by")
        .order_by("submitted_at")
    )
    claims = (
        Representative.objects.filter(status=Representative.Status.PENDING)
        .select_related("association", "user")
        .order_by("created_at")
    )
    return TemplateResponse(
        request,
        "associations/admin/queue.html",
        {"changes": changes, "claims": claims},
    )


def review(request, pk):
    _check(request)
    change = get_object_or_404(
        ChangeRequest.objects.select_related("association", "activity", "submitted_by"),
        pk=pk,
    )
    reject_form = RejectForm(request.POST or None)
    if request.method == "POST":
        if change.status != ChangeRequest.Status.PENDING:
            messages.warning(request, _("This proposal has already been handled."))
            return redirect("association_moderation")
        if "approve" in request.POST:
            try:
                moderation.approve(change, request.user)
            except forms.ValidationError as error:
                messages.error(
                    request,
                    _("The proposal cannot be applied: %(error)s")
                    % {"error": "; ".join(error.messages)},
                )
                return redirect("association_moderation_review", pk=change.pk)
            messages.success(
                request, _("Approved; the representative was told by e-mail.")
            )
            return redirect("association_moderation")
        if reject_form.is_valid():
            moderation.reject(change, request.user, reject_form.cleaned_data["reason"])
            messages.success(
                request, _("Rejected; the representative was told by e-mail.")
            )
            return redirect("association_moderation")
    return TemplateResponse(
        request,
        "associations/admin/review.html",
        {
            "change": change,
            "rows": moderation.diff(change),
            "reject_form": reject_form,
            "history": history.rows(change.association),
        },
    )


@require_POST
def decide_claim(request, pk):
    _check(request)
    representation = get_object_or_404(
        Representative, pk=pk, status=Representative.Status.PENDING
    )
    moderation.decide_representation(
        representation, request.user, approve_it="approve" in request.POST
    )
    messages.success(request, _("Done; the person was told by e-mail."))
    return redirect("association_moderation")
