"""Public feedback routes: the form page, QR landing, embeddable form and
the page widget's endpoint.

The page widget is on every (cacheable) page, so it carries no CSRF token
(DESIGN.md "Forms on cached pages"): its endpoint is CSRF-exempt and
protected by the honeypot, the rate limit and the captcha past the rate,
and instead of CSRF by a short-lived, single-use token bound to the page
(website.core.antispam) and by refusing cross-site posts (Origin /
Sec-Fetch-Site). The embedded form is CSRF-exempt for the same reason plus
one more: inside another site's iframe our CSRF cookie is a third-party
cookie that browsers do not send; it has the same token and origin checks,
the embedding origins (FEEDBACK_EMBED_ORIGINS) allowed. Anonymous feedback
changes nothing on behalf of a logged-in user (docs/feedback.md).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from website.core import selfservice as data_rights
from website.core.antispam import cross_site_post
from website.core.i18n import active_language
from website.core.page_cache import personal_page

from . import conf, selfservice, services
from .forms import (
    ContactFeedbackForm,
    EmbedFeedbackForm,
    FeedbackForm,
    WidgetForm,
    widget_token,
)
from .models import Channel, ServiceUnit


def _handle(
    request, *, channel, units, initial=None, page=None, form_class=FeedbackForm
):
    """(form, saved) for one of the anonymous feedback forms."""
    form = form_class(
        request.POST if request.method == "POST" else None,
        request=request,
        units=units,
        initial=initial or {},
    )
    if request.method == "POST" and form.is_valid():
        form.count_submission()
        services.receive(
            channel=channel,
            language=active_language(),
            page=page,
            **form.feedback_fields(),
        )
        return form, True
    return form, False


def _thanks_redirect(request):
    return HttpResponseRedirect(request.path + "?sent=1")


def form_page(page, request):
    """FeedbackFormPage: the web form (channel "web")."""
    form, saved = _handle(request, channel=Channel.WEB, units=page.unit_choices())
    if saved:
        return _thanks_redirect(request)
    context = page.get_context(request)
    context.update(
        form=form,
        sent=request.GET.get("sent") == "1" and request.method == "GET",
        hide_feedback_widget=True,
    )
    response = TemplateResponse(request, page.get_template(request), context)
    # The form carries a CSRF token: never from a shared cache.
    add_never_cache_headers(response)
    return response


@never_cache
def qr_landing(request, slug):
    """The address behind a unit's QR code: the unit is preselected and the
    channel recorded as "qr"."""
    unit = get_object_or_404(ServiceUnit.objects.filter(active=True), slug=slug)
    form, saved = _handle(
        request,
        channel=Channel.QR,
        units=ServiceUnit.objects.filter(active=True),
        initial={"unit": unit.pk},
    )
    if saved:
        return _thanks_redirect(request)
    return render(
        request,
        "feedback/qr_landing.html",
        {
            "form": form,
            "unit": unit,
            "title": unit.name,
            "sent": request.GET.get("sent") == "1",
            "hide_feedback_widget": True,
        },
    )


@never_cache
def contact(request, slug):
    """Feedback to one unit without the recommendation question (channel
    "web"): the accessibility statement's feedback channel, routed to the
    handlers of its unit like any other feedback. The unit need not be
    choosable in the other forms."""
    unit = get_object_or_404(ServiceUnit, slug=slug)
    form, saved = _handle(
        request,
        channel=Channel.WEB,
        units=ServiceUnit.objects.filter(pk=unit.pk),
        form_class=ContactFeedbackForm,
    )
    if saved:
        return _thanks_redirect(request)
    return render(
        request,
        "feedback/contact.html",
        {
            "form": form,
            "unit": unit,
            "title": unit.name,
            "sent": request.GET.get("sent") == "1",
            "hide_feedback_widget": True,
        },
    )


def _frame_ancestors():
    return conf.embed_origins() or ["'self'"]


@never_cache
@csrf_exempt
@xframe_options_exempt
def embed(request):
    """The form for other digital services' iframes (channel "embed").

    ?unit=<slug> preselects a unit. Only FEEDBACK_EMBED_ORIGINS may frame it
    (CSP frame-ancestors); without that setting only this site may."""
    if request.method == "POST" and cross_site_post(request, conf.embed_origins()):
        raise PermissionDenied
    units = ServiceUnit.objects.filter(active=True)
    unit = None
    if request.GET.get("unit"):
        unit = units.filter(slug=request.GET["unit"]).first()
    form, saved = _handle(
        request,
        channel=Channel.EMBED,
        units=units,
        initial={"unit": unit.pk} if unit else None,
        form_class=EmbedFeedbackForm,
    )
    if saved:
        query = f"?sent=1&unit={unit.slug}" if unit else "?sent=1"
        return HttpResponseRedirect(request.path + query)
    response = render(
        request,
        "feedback/embed.html",
        {
            "form": form,
            "unit": unit,
            "sent": request.GET.get("sent") == "1",
            "LANGUAGE_CODE": active_language(),
        },
    )
    # django-csp 4 (what csp_replace sets, but read per request so that the
    # setting can change): only the configured origins may frame this view.
    response._csp_replace = {"frame-ancestors": _frame_ancestors()}
    return response


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return f"/{active_language()}/"


@csrf_exempt
@require_POST
def widget_submit(request):
    """'Was this page helpful?' posted from any page (no CSRF token, see the
    module docstring)."""
    if cross_site_post(request):
        raise PermissionDenied
    form = WidgetForm(request.POST, request=request)
    back = _safe_next(request, request.POST.get("next", ""))
    if form.is_valid():
        form.count_submission()
        page = None
        if form.cleaned_data.get("page"):
            page = Page.objects.filter(pk=form.cleaned_data["page"]).first()
        unit = None
        slug = getattr(settings, "FEEDBACK_WIDGET_UNIT", "verkkosivut")
        if slug:
            unit = ServiceUnit.objects.filter(slug=slug).first()
        helpful = form.cleaned_data["helpful"]
        services.receive(
            channel=Channel.WIDGET,
            language=active_language(),
            page=page,
            unit=unit,
            helpful=helpful,
            text=form.cleaned_data.get("text", ""),
        )
        return HttpResponseRedirect(
            reverse("feedback:widget_thanks") + "?" + _next_query(back)
        )
    return render(
        request,
        "feedback/widget_page.html",
        {"form": form, "next": back, "hide_feedback_widget": True},
        status=400,
    )


@never_cache
def fresh_widget_token(request):
    """A fresh token for the page widget (static/js/page-widget.js): the one
    in a page served from the page cache was issued for its first visitor."""
    return JsonResponse({"token": widget_token(request.GET.get("page", "")[:20])})


def _next_query(url):
    from urllib.parse import urlencode

    return urlencode({"next": url})


@never_cache
def widget_thanks(request):
    return render(
        request,
        "feedback/widget_thanks.html",
        {
            "next": _safe_next(request, request.GET.get("next", "")),
            "hide_feedback_widget": True,
        },
    )


# --- the giver's personal link (feedback/selfservice.py) -------------------


def _link_invalid(request):
    return render(
        request,
        "feedback/link_invalid.html",
        {"title": _("Link not valid"), "hide_feedback_widget": True},
        status=404,
    )


@personal_page
def mine(request, token):
    """The giver's feedback, its state and the replies, with the data
    rights links."""
    feedback = selfservice.feedback_from_token(token)
    if feedback is None:
        return _link_invalid(request)
    language = active_language()
    return render(
        request,
        "feedback/mine.html",
        {
            "title": _("Your feedback"),
            "feedback": feedback,
            "unit_name": feedback.unit.path_names(language) if feedback.unit else "",
            "replies": selfservice.replies(feedback),
            "data_url": reverse("feedback:mine_data", kwargs={"token": token}),
            "erase_url": reverse("feedback:mine_erase", kwargs={"token": token}),
            "hide_feedback_widget": True,
        },
    )


@personal_page
def mine_data(request, token):
    feedback = selfservice.feedback_from_token(token)
    if feedback is None:
        return _link_invalid(request)
    return data_rights.json_download(
        selfservice.export_data(feedback), _("feedback.json")
    )


@personal_page
def mine_erase(request, token):
    feedback = selfservice.feedback_from_token(token)
    if feedback is None:
        return _link_invalid(request)
    return data_rights.erase_flow(
        request,
        lambda: services.erase(feedback),
        confirm={
            "title": _("Erase your details"),
            "text": _(
                "Your name, contact details, the feedback text you wrote and our "
                "replies to you will be deleted for good, and we can no longer "
                "answer you. This cannot be undone."
            ),
            "button": _("Erase my details"),
            "cancel_url": reverse("feedback:mine", kwargs={"token": token}),
            "hide_feedback_widget": True,
        },
        done={
            "title": _("Your details have been erased"),
            "message": _(
                "Your personal details and the text of your feedback have been "
                "deleted. Only anonymous figures (such as the score and the "
                "unit) remain for statistics."
            ),
            "back_url": f"/{active_language()}/",
            "back_text": _("Back to the front page"),
            "hide_feedback_widget": True,
        },
    )
