"""Staff views: participants, attendance, cancellation, capacity, a message
to all participants, CSV/XLSX export. Only users who may edit the workshop
page get in."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from website.report.exports import neutralise

from . import services
from .models import Attendee, SignUp, WorkshopPage
from .stats import participation_figures, summary_sentence


def _workshop(request, page_id):
    page = get_object_or_404(WorkshopPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page.source()


def _signups(workshop):
    return (
        SignUp.objects.filter(workshop=workshop)
        .select_related("municipality", "association")
        .prefetch_related(Prefetch("attendees", queryset=Attendee.objects.all()))
        .order_by("status", "queued_at", "pk")
    )


def participants(request, page_id):
    workshop = _workshop(request, page_id)
    signups = list(_signups(workshop))
    figures = participation_figures([workshop])
    return TemplateResponse(
        request,
        "workshops/admin/participants.html",
        {
            "workshop": workshop,
            "confirmed": [s for s in signups if s.status == SignUp.Status.CONFIRMED],
            "waiting": sorted(
                (s for s in signups if s.status == SignUp.Status.WAITING),
                key=lambda s: (s.queued_at, s.pk),
            ),
            "cancelled": [s for s in signups if s.status == SignUp.Status.CANCELLED],
            "seats": services.seats(workshop),
            "figures": figures,
            "summary": summary_sentence(figures) if figures["participants"] else "",
        },
    )


@require_POST
def attendance(request, page_id):
    workshop = _workshop(request, page_id)
    attendees = Attendee.objects.filter(
        signup__workshop=workshop, signup__status=SignUp.Status.CONFIRMED
    )
    present = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
    ids = set(attendees.values_list("pk", flat=True))
    Attendee.objects.filter(pk__in=ids & present).update(attended=True)
    Attendee.objects.filter(pk__in=ids - present).update(attended=False)
    messages.success(request, _("Attendance saved."))
    return redirect("workshops_admin:participants", page_id=page_id)


@require_POST
def cancel(request, page_id, signup_id):
    workshop = _workshop(request, page_id)
    signup = get_object_or_404(SignUp, pk=signup_id, workshop=workshop)
    _signup, promoted = services.cancel_signup(signup.pk, by_staff=True)
    messages.success(
        request,
        _("Sign-up cancelled; %(count)s promoted from the waiting list.")
        % {"count": len(promoted)},
    )
    return redirect("workshops_admin:participants", page_id=page_id)


@require_POST
def capacity(request, page_id):
    workshop = _workshop(request, page_id)
    try:
        value = int(request.POST.get("capacity", ""))
        if value < 0:
            raise ValueError
    except ValueError:
        messages.error(request, _("Give the capacity as a whole number."))
    else:
        promoted = services.set_capacity(workshop, value)
        messages.success(
            request,
            _("Capacity is now %(capacity)s; %(count)s promoted from the waiting list.")
            % {"capacity": value, "count": len(promoted)},
        )
    return redirect("workshops_admin:participants", page_id=page_id)


@require_POST
def message(request, page_id):
    workshop = _workshop(request, page_id)
    subject = request.POST.get("subject", "").strip()
    body = request.POST.get("body", "").strip()
    if not subject or not body:
        messages.error(request, _("Write a subject and a message in Finnish."))
    else:
        count = services.message_participants(
            workshop,
            subject,
            body,
            request.POST.get("subject_sv", "").strip(),
            request.POST.get("body_sv", "").strip(),
        )
        messages.success(
            request, _("Message queued to %(count)s sign-ups.") % {"count": count}
        )
    return redirect("workshops_admin:participants", page_id=page_id)


def _header():
    return [
        _("status"),
        _("position on the waiting list"),
        _("name"),
        _("e-mail"),
        _("organisation type"),
        _("organisation"),
        _("municipality"),
        _("language"),
        _("attendees"),
        _("attendee names"),
        _("dietary needs"),
        _("accessibility needs"),
        _("free text"),
        _("signed up at"),
    ]


def _rows(workshop):
    position = 0
    for signup in _signups(workshop).iterator(chunk_size=500):
        if signup.status == SignUp.Status.WAITING:
            position += 1
        yield [
            signup.get_status_display(),
            position if signup.status == SignUp.Status.WAITING else "",
            signup.name,
            signup.email,
            signup.get_organisation_type_display(),
            signup.organisation_name,
            signup.municipality.name if signup.municipality else "",
            signup.get_language_display(),
            signup.party_size,
            ", ".join(a.name for a in signup.attendees.all() if a.name),
            signup.dietary,
            signup.accessibility,
            signup.free_text,
            signup.created_at.strftime("%Y-%m-%d %H:%M"),
        ]


class _Echo:
    def write(self, value):
        return value


def export(request, page_id, fmt):
    workshop = _workshop(request, page_id)
    name = slugify(workshop.title) or "workshop"
    if fmt == "csv":
        writer = csv.writer(_Echo(), delimiter=";")

        def lines():
            yield "\ufeff"
            yield writer.writerow(_header())
            for row in _rows(workshop):
                yield writer.writerow([neutralise(str(cell)) for cell in row])

        response = StreamingHttpResponse(
            lines(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title="participants")
    sheet.append(_header())
    for row in _rows(workshop):
        sheet.append([neutralise(cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
