"""Public panel pages: joining, confirming, answering and self-service.

Personal links never reveal anything when they do not work: a wrong link
gives 404 and a used or expired one 410, with the same short page."""

import json

from allauth.core import ratelimit
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from website.core.i18n import active_language
from website.core.page_cache import personal_page
from website.core.routes import route_translations

from . import services
from .forms import AnswerForm, JoinForm, ResendForm, SelfServiceForm
from .models import Panel


def _link_error(request, error):
    response = render(
        request,
        "panels/link_error.html",
        {"gone": error.gone, "title": _("The link does not work")},
        status=410 if error.gone else 404,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _page_context(request, page, route, panel, **context):
    """The listing page the route belongs to (breadcrumbs) and the same
    route in the other language (language switcher)."""
    context["panel"] = panel
    if page is not None:
        context["page"] = page
        context["translations_override"] = route_translations(
            page, route, args=[panel.slug], request=request
        )
    return context


def old_panel_url(request, slug, route="panel"):
    """The panel pages' old addresses (/fi/paneelit/<slug>/…) lead to the
    routes of the panel listing page, permanently."""
    panel = get_object_or_404(Panel, slug=slug)
    url = panel.route_url(route)
    if not url:
        raise Http404
    return redirect(url, permanent=True)


def panel_detail(request, slug, page=None):
    panel = get_object_or_404(Panel, slug=slug)
    consent = panel.current_consent()
    form = None
    if panel.recruitment_open and consent is not None:
        form = JoinForm(
            request.POST if request.method == "POST" else None,
            request=request,
            panel=panel,
            language=active_language(),
        )
        if request.method == "POST" and form.is_valid():
            form.count_submission()
            services.join(panel, form.join_data(), consent)
            return redirect(panel.route_url("join_sent"))
    return render(
        request,
        "panels/panel_detail.html",
        _page_context(
            request, page, "panel", panel, consent=consent, form=form, title=panel.name
        ),
    )


@never_cache
def join_sent(request, slug, page=None):
    panel = get_object_or_404(Panel, slug=slug)
    return render(
        request,
        "panels/message.html",
        _page_context(
            request,
            page,
            "join_sent",
            panel,
            title=_("Check your e-mail"),
            message=_(
                "We sent a confirmation link to the address you gave. Your "
                "application is valid once you have opened the link. If the "
                "message does not arrive in a few minutes, check your spam folder."
            ),
            resend=True,
        ),
    )


@personal_page
def confirm(request, token):
    """The e-mail's link opens a page with a "Confirm" button; only its POST
    confirms (finding 10: mail servers' link scanners fetch every link, and
    a GET confirmed the application for them)."""
    try:
        member = services.member_from_token(
            token, services.CONFIRM_SALT, services.confirm_max_age()
        )
        if member.confirmed_at is not None:
            raise services.LinkError(gone=True)
        if request.method == "POST":
            services.confirm(member)
    except services.LinkError as error:
        return _link_error(request, error)
    if request.method != "POST":
        return render(
            request,
            "panels/confirm.html",
            {"panel": member.panel, "title": _("Confirm your application")},
        )
    return render(
        request,
        "panels/message.html",
        {
            "title": _("Thank you, your application is confirmed"),
            "message": _(
                "We will let you know by e-mail if you are selected as a member. "
                "We also sent you a personal link for seeing, changing or erasing "
                "your details."
            ),
            "panel": member.panel,
        },
    )


@never_cache
def resend(request, slug, page=None):
    """ "Send the link again": the same neutral page whatever the address."""
    panel = get_object_or_404(Panel, slug=slug)
    form = ResendForm(
        request.POST if request.method == "POST" else None, request=request
    )
    if request.method == "POST" and form.is_valid():
        form.count_submission()
        email = form.cleaned_data["email"]
        # Past the per-address rate nothing more is sent, and the page is the
        # same, so the form cannot be used to flood one mailbox.
        if ratelimit.consume(request, action="panel_resend_address", key=email):
            services.resend_confirmation(panel, email)
        return redirect(panel.route_url("resend_sent"))
    return render(
        request,
        "panels/resend.html",
        _page_context(
            request, page, "resend", panel, form=form, title=_("Send the link again")
        ),
        status=400 if form.is_bound else 200,
    )


@never_cache
def resend_sent(request, slug, page=None):
    panel = get_object_or_404(Panel, slug=slug)
    return render(
        request,
        "panels/message.html",
        _page_context(
            request,
            page,
            "resend_sent",
            panel,
            title=_("Check your e-mail"),
            message=_(
                "If an application with this address is waiting for "
                "confirmation, we have sent the confirmation link to it again. "
                "If the message does not arrive in a few minutes, check your "
                "spam folder."
            ),
        ),
    )


@personal_page
def answer(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.LinkError as error:
        return _link_error(request, error)
    round_ = invitation.round
    questions = list(round_.questions.all())
    form = AnswerForm(
        request.POST if request.method == "POST" else None, questions=questions
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_answers(invitation, form.answers())
        except services.LinkError as error:
            return _link_error(request, error)
        return render(
            request,
            "panels/message.html",
            {
                "title": _("Thank you for your answers"),
                "message": _(
                    "Your answers have been saved without your name or e-mail "
                    "address. The results will be published after the round closes."
                ),
                "panel": round_.panel,
            },
        )
    return render(
        request,
        "panels/answer.html",
        {"round": round_, "form": form, "title": round_.title},
    )


def _self_service_member(token):
    return services.member_from_token(
        token, services.SELF_SERVICE_SALT, services.self_service_max_age()
    )


@personal_page
def self_service(request, token):
    try:
        member = _self_service_member(token)
    except services.LinkError as error:
        return _link_error(request, error)
    form = SelfServiceForm(
        request.POST if request.POST.get("action") == "update" else None,
        member=member,
    )
    message = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "update" and form.is_valid():
            form.save()
            message = _("Your details have been saved.")
        elif action == "leave" and member.left_at is None:
            services.leave(member)
            message = _(
                "You have left the panel. You will get no more questions. Your "
                "details will be deleted after the retention period, or now if "
                "you erase them below."
            )
    return render(
        request,
        "panels/self_service.html",
        {
            "member": member,
            "form": form,
            "token": token,
            "message": message,
            "data": member.export_data(),
            "title": _("Your details in the panel"),
        },
    )


@personal_page
def self_service_data(request, token):
    try:
        member = _self_service_member(token)
    except services.LinkError as error:
        return _link_error(request, error)
    response = HttpResponse(
        json.dumps(member.export_data(), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="panel-data.json"'
    return response


@personal_page
def self_service_erase(request, token):
    try:
        member = _self_service_member(token)
    except services.LinkError as error:
        return _link_error(request, error)
    if request.method == "POST":
        member.erase()
        return render(
            request,
            "panels/message.html",
            {
                "title": _("Your details have been erased"),
                "message": _(
                    "Everything we stored about you in the panel has been deleted. "
                    "Answers you gave earlier remain only as anonymous answers."
                ),
            },
        )
    return render(
        request,
        "panels/erase_confirm.html",
        {"member": member, "token": token, "title": _("Erase your details")},
    )
