from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail.models import Locale

from website.associations.models import Association
from website.core import selfservice
from website.core.i18n import active_language, localized
from website.core.page_cache import personal_page
from website.indicators.models import Area

from . import ics, services
from .availability import State, availability
from .forms import CancelForm, SignUpForm
from .models import OrganisationType, SignUp, WorkshopPage
from .tasks import cancel_token, signup_from_token


def _initial(request, associations):
    user = request.user
    initial = {}
    if user.is_authenticated:
        initial["name"] = user.get_full_name() or ""
        initial["email"] = user.email
    first = associations.first() if associations is not None else None
    if first is not None:
        initial["association"] = first.pk
        initial["organisation_type"] = OrganisationType.ASSOCIATION
        initial["organisation_name"] = first.name
        municipality = first.municipalities.first()
        if municipality:
            initial["municipality"] = municipality.pk
    return initial


def workshop_page(page, request):
    source = page.source()
    current = availability(page)
    # One decision (availability.py) for the form and every text on the page.
    if current.can_sign_up:
        state = "open"
    elif current.state == State.NOT_OPEN:
        state = "not_open"
    else:
        state = "closed"
    associations = Association.objects.represented_by(request.user).order_by("name_fi")
    if not associations.exists():
        associations = None
    form = None
    if state == "open":
        form = SignUpForm(
            request.POST if request.method == "POST" else None,
            request=request,
            workshop=page,
            associations=associations,
            initial=_initial(request, associations),
        )
        if request.method == "POST" and form.is_valid():
            form.count_submission()
            try:
                signup, _created = services.create_signup(
                    source,
                    form.attendee_names(),
                    language=active_language(),
                    user=request.user if request.user.is_authenticated else None,
                    **form.signup_fields(),
                )
            except services.TooManyAttendees as error:
                form.add_error(form.party_field, form.too_many_error(error.limit))
            except services.OrganisationQuotaFull as error:
                form.add_quota_error(error)
            except services.WorkshopFull:
                form.add_error(
                    None,
                    _(
                        "Sorry, the workshop is full and its waiting list is full "
                        "too. Your sign-up was not saved."
                    ),
                )
            else:
                return redirect(
                    reverse("workshops:signup", kwargs={"token": cancel_token(signup)})
                )
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "state": state,
            "availability": current,
            "goals": page.goals_for_display(),
            "themes": list(source.themes.all()),
        }
    )
    status = 400 if form is not None and form.is_bound and form.errors else 200
    return TemplateResponse(request, page.template, context, status=status)


def _page_for(signup):
    locale = Locale.objects.filter(language_code=active_language()).first()
    page = signup.workshop.get_translation_or_none(locale) if locale else None
    return page if page is not None and page.live else signup.workshop


def _link_invalid(request):
    return TemplateResponse(
        request,
        "workshops/link_invalid.html",
        {"title": _("Link not valid")},
        status=404,
    )


def _signup_for(token):
    signup = signup_from_token(token)
    return None if signup is None or signup.anonymised_at else signup


@personal_page
def signup_status(request, token):
    """The signed link: shows the sign-up and what we store, lets the
    person cancel it, download their data and erase it."""
    signup = _signup_for(token)
    if signup is None:
        return _link_invalid(request)
    page = _page_for(signup)
    over = signup.workshop.starts_at <= timezone.now()
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not over and signup.status != SignUp.Status.CANCELLED:
            services.cancel_signup(signup.pk)
        return redirect(request.path)
    return TemplateResponse(
        request,
        "workshops/signup_status.html",
        {
            "signup": signup,
            "availability": availability(signup.workshop, signup),
            "token": token,
            "workshop_page": page,
            "over": over,
            "form": form,
            "attendees": signup.attendees.all(),
            "title": page.title,
        },
    )


@personal_page
def signup_data(request, token):
    signup = _signup_for(token)
    if signup is None:
        return _link_invalid(request)
    return selfservice.json_download(signup.export_data(), _("workshop-signup.json"))


@personal_page
def signup_erase(request, token):
    signup = _signup_for(token)
    if signup is None:
        return _link_invalid(request)
    page = _page_for(signup)
    return selfservice.erase_flow(
        request,
        lambda: services.erase_signup(signup.pk),
        confirm={
            "title": _("Erase your details"),
            "text": _(
                "Your name, contact details, attendees' names and everything you "
                "wrote in the sign-up will be deleted for good, and your seat or "
                "place on the waiting list is given up. This cannot be undone."
            ),
            "button": _("Erase my details"),
            "cancel_url": reverse("workshops:signup", kwargs={"token": token}),
        },
        done={
            "title": _("Your details have been erased"),
            "message": _(
                "Everything we stored about you for this workshop has been "
                "deleted. Only anonymous counts remain for statistics."
            ),
            "back_url": page.url,
            "back_text": _("Back to the workshop page"),
        },
    )


def calendar_file(page, request):
    """ "Add to calendar": the page's event as an .ics download named in
    the page's language."""
    response = HttpResponse(
        ics.workshop_calendar(page), content_type=f"{ics.MIMETYPE}; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        True, ics.filename(page)
    )
    return response


def upcoming(language, municipality=None, now=None):
    """Live workshops of `language` that have not ended, soonest first;
    `municipality` (an Area) as chosen on the Finnish page."""
    pages = WorkshopPage.objects.live().filter(
        locale__language_code=language, ends_at__gt=now or timezone.now()
    )
    if municipality is not None:
        pages = pages.filter(
            translation_key__in=WorkshopPage.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE,
                municipalities=municipality,
            ).values("translation_key")
        )
    return pages.select_related("locale").order_by("starts_at", "pk")


def _municipality(value):
    municipalities = Area.objects.filter(kind=Area.Kind.MUNICIPALITY)
    lookup = {"pk": value} if value.isdigit() else {"slug": value}
    return get_object_or_404(municipalities, **lookup)


def feed(request):
    """The subscribable feed of upcoming workshops in the request's language,
    optionally of one municipality (`?municipality=<id or slug>`). Public
    and the same for everyone (no cookie), so the page cache keeps it."""
    language = active_language()
    area = None
    if request.GET.get("municipality"):
        area = _municipality(request.GET["municipality"])
    name = _("Workshops")
    if area is not None:
        name = f"{name}: {localized(area, 'name', language)}"
    name = f"{name} – {settings.WAGTAIL_SITE_NAME}"
    response = HttpResponse(
        ics.feed(upcoming(language, area), language, name),
        content_type=f"{ics.MIMETYPE}; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        False, _("workshops.ics")
    )
    return response


def workshop_list_for(locale_code):
    return (
        WorkshopPage.objects.live()
        .filter(locale__language_code=locale_code)
        .order_by("starts_at")
    )


def listing_redirect(request):
    """The workshops URL prefix leads to the live listing page of the active
    language (404 when there is none)."""
    from django.http import Http404

    from .models import WorkshopIndexPage

    index = (
        WorkshopIndexPage.objects.live()
        .filter(locale=Locale.get_active())
        .order_by("path")
        .first()
    )
    if index is None:
        raise Http404
    return redirect(index.get_url(request))
