"""The outbox in the Wagtail admin ("Sähköpostit" / "E-post"): every queued,
sent and failed message with its status, attempts and last error, filtered
by status, with a retry action for one message or for every failed one.

Who may use it is decided in one place, `can_manage_outbox`: superusers and
holders of the permission "core.manage_outbox" (no demo group has it)."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from post_office.models import STATUS, Log
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies.base import ModelPermissionPolicy

from .mail import requeue, status_label
from .models import OutboxEmail


def can_manage_outbox(user):
    return bool(
        user.is_active and (user.is_superuser or user.has_perm("core.manage_outbox"))
    )


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Seeing the list (and retrying) only; nobody adds or edits mail here."""

    def user_has_permission(self, user, action):
        return action == "view" and can_manage_outbox(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and can_manage_outbox(user)


def status_choices():
    return [(value, status_label(value)) for value in STATUS]


class OutboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=status_choices)

    class Meta:
        model = OutboxEmail
        fields = ["status"]


class RetryColumn(Column):
    """A POST form (with the CSRF token) to send one message again."""

    cell_template_name = "core/mail/retry_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context.update(
            email=instance,
            csrf_token=get_token(request),
            retry_url=reverse("outbox:retry", args=[instance.pk]),
            can_retry=instance.status != STATUS.sent,
        )
        return context


class OutboxIndexView(IndexView):
    def get_base_queryset(self):
        last_error = Log.objects.filter(
            email=OuterRef("pk"), status=STATUS.failed
        ).order_by("-date", "-pk")
        return (
            super()
            .get_base_queryset()
            .annotate(last_error=Subquery(last_error.values("message")[:1]))
            .order_by("-last_updated", "-pk")
        )

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Retry every failed message"),
                url=reverse("outbox:retry_failed"),
                icon_name="rotate",
            )
        ]


class OutboxViewSet(ModelViewSet):
    model = OutboxEmail
    name = "outbox"
    icon = "mail"
    menu_label = _("E-mails")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = OutboxIndexView
    filterset_class = OutboxFilterSet
    copy_view_enabled = False
    list_display = [
        Column("to", label=_("Recipient"), accessor=lambda e: ", ".join(e.to)),
        Column("subject", label=_("Subject")),
        Column("status", label=_("Status"), accessor=lambda e: status_label(e.status)),
        Column("number_of_retries", label=_("Failed attempts")),
        Column("last_error", label=_("Last error")),
        DateColumn("last_updated", label=_("Time")),
        DateColumn("scheduled_time", label=_("Next attempt")),
        RetryColumn("retry", label=_("Retry")),
    ]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/retry/", retry, name="retry"),
            path("retry-failed/", retry_failed, name="retry_failed"),
        ]


def _require(request):
    if not can_manage_outbox(request.user):
        raise PermissionDenied


@require_POST
def retry(request, pk):
    _require(request)
    email = get_object_or_404(OutboxEmail, pk=pk)
    if requeue(OutboxEmail.objects.filter(pk=email.pk)):
        messages.success(request, _("The message will be sent again."))
    return redirect("outbox:index")


def retry_failed(request):
    """GET: how many failed messages there are; POST: requeue them all."""
    _require(request)
    failed = OutboxEmail.objects.filter(status=STATUS.failed)
    if request.method == "POST":
        count = requeue(failed)
        messages.success(
            request,
            ngettext(
                "%(count)d message will be sent again.",
                "%(count)d messages will be sent again.",
                count,
            )
            % {"count": count},
        )
        return redirect("outbox:index")
    return TemplateResponse(
        request, "core/mail/retry_failed.html", {"count": failed.count()}
    )
