"""The workshop listing (WorkshopIndexPage): upcoming and past workshops of
one listing page in the page's language, filtered by a GET form.

A bounded number of queries whatever the number of workshops: the pages
with their themes and municipalities prefetched, and the seats of every
upcoming workshop in one aggregate (sign-ups belong to the Finnish page,
models.py)."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from website.associations.models import Theme
from website.indicators.models import Area

from .models import SignUp, WorkshopPage
from .services import Seats

PAST_PER_PAGE = 10


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ListingFilterForm(forms.Form):
    """Plain GET filters: they work without JavaScript and every filtered
    view has a shareable address."""

    municipality = NameChoiceField(
        label=_("Municipality"),
        queryset=Area.objects.filter(kind=Area.Kind.MUNICIPALITY).order_by("code"),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
    )
    theme = NameChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    start = forms.DateField(
        label=_("Earliest date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=_("Latest date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def filtered(index, data):
    """(form, queryset of the index's live workshops matching the filters)."""
    form = ListingFilterForm(data)
    pages = WorkshopPage.objects.child_of(index).live().public()
    if form.is_valid():
        values = form.cleaned_data
        # Themes and municipalities are set on the Finnish page and copied
        # to its translation by wagtail-localize, so the page's own rows work.
        if values["municipality"]:
            pages = pages.filter(municipalities=values["municipality"])
        if values["theme"]:
            pages = pages.filter(themes=values["theme"])
        if values["start"]:
            pages = pages.filter(ends_at__date__gte=values["start"])
        if values["end"]:
            pages = pages.filter(starts_at__date__lte=values["end"])
    pages = pages.prefetch_related("themes", "municipalities").distinct()
    return form, pages


def seats_by_key(pages):
    """{translation_key: Seats} for the pages, in two queries."""
    keys = [page.translation_key for page in pages]
    if not keys:
        return {}
    sources = WorkshopPage.objects.filter(
        translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
    ).values_list("translation_key", "capacity")
    counts = {}
    for key, status, total in (
        SignUp.objects.filter(
            workshop__translation_key__in=keys,
            workshop__locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(status=SignUp.Status.CANCELLED)
        .values_list("workshop__translation_key", "status")
        .annotate(n=Sum("party_size"))
        .order_by()
    ):
        counts[(key, status)] = total or 0
    return {
        key: Seats(
            capacity=capacity,
            taken=counts.get((key, SignUp.Status.CONFIRMED), 0),
            waiting=counts.get((key, SignUp.Status.WAITING), 0),
        )
        for key, capacity in sources
    }


def listing_context(index, request):
    now = timezone.now()
    form, pages = filtered(index, request.GET)
    upcoming = list(pages.filter(ends_at__gte=now).order_by("starts_at", "pk"))
    seats = seats_by_key(upcoming)
    for page in upcoming:
        page.seats = seats.get(page.translation_key)
        page.state = page.signup_state(now)
    past = Paginator(
        pages.filter(ends_at__lt=now).order_by("-starts_at", "pk"), PAST_PER_PAGE
    )
    past_page = past.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": form,
        "upcoming": upcoming,
        "past": past_page,
        "filter_query": query.urlencode(),
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
