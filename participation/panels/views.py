"""Public panel pages: joining, confirming, answering and self-service.

Personal links never reveal anything when they do not work: a wrong link
gives 404 and a used or expired one 410, with the same short page."""

from allauth.core import ratelimit
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from website.core import selfservice
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
    """The member's own page. Changing details takes two POSTs: "update"
    validates and shows the changes, "confirm" (the same values, carried
    in hidden fields) saves them; "edit" goes back to the form."""
    try:
        member = _self_service_member(token)
    except services.LinkError as error:
        return _link_error(request, error)
    action = request.POST.get("action") if request.method == "POST" else None
    form = SelfServiceForm(
        request.POST if action in ("update", "confirm", "edit") else None,
        member=member,
        language=active_language(),
    )
    message = None
    if action in ("update", "confirm") and member.left_at is None and form.is_valid():
        changes = form.changes()
        if action == "update" and changes:
            return render(
                request,
                "panels/self_service_confirm.html",
                {
                    "member": member,
                    "form": form,
                    "changes": changes,
                    "token": token,
                    "title": _("Check your changes"),
                },
            )
        if action == "confirm":
            form.save()
            form = SelfServiceForm(member=member, language=active_language())
            message = _("Your details have been saved.")
        else:
            message = _("You did not change anything.")
    elif action == "leave" and member.left_at is None:
        services.leave(member)
        message = _(
            "You have left the panel. You will get no more questions. Your "
            "details will be deleted after the retention period, or now if "
            "you erase them below."
        )
    if action == "edit":
        form.errors.clear()
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
        status=400 if form.is_bound and form.errors else 200,
    )


@personal_page
def self_service_data(request, token):
    try:
        member = _self_service_member(token)
    except services.LinkError as error:
        return _link_error(request, error)
    return selfservice.json_download(member.export_data(), "panel-data.json")


@personal_page
def self_service_erase(request, token):
    try:
        member = _self_service_member(token)
    except services.LinkError as error:
        return _link_error(request, error)
    return selfservice.erase_flow(
        request,
        member.erase,
        confirm={
            "title": _("Erase your details"),
            "text": _(
                "Your e-mail address, name, background details and membership "
                "will be deleted for good. This cannot be undone. Answers you "
                "have already given stay only as anonymous answers."
            ),
            "button": _("Erase my details"),
            "cancel_url": reverse("panels:self_service", args=[token]),
        },
        done={
            "title": _("Your details have been erased"),
            "message": _(
                "Everything we stored about you in the panel has been deleted. "
                "Answers you gave earlier remain only as anonymous answers."
            ),
        },
    )
