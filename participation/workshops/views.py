from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from website.associations.models import Association
from website.core.i18n import active_language
from website.core.page_cache import personal_page

from . import services
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
    state = page.signup_state()
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
                from django.urls import reverse

                return redirect(
                    reverse("workshops:signup", kwargs={"token": cancel_token(signup)})
                )
    seats = services.seats(source)
    waiting_exists = seats.waiting > 0
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "state": state,
            "seats": seats,
            "waiting_exists": waiting_exists,
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


@personal_page
def signup_status(request, token):
    """The signed link: shows the sign-up and lets the person cancel it."""
    signup = signup_from_token(token)
    if signup is None or signup.anonymised_at:
        return TemplateResponse(
            request,
            "workshops/link_invalid.html",
            {"title": _("Link not valid")},
            status=404,
        )
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
            "workshop_page": page,
            "over": over,
            "form": form,
            "attendees": signup.attendees.all(),
            "title": page.title,
        },
    )


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
