"""The workshop listing page (Työpajat ja tapahtumat / Workshoppar och
evenemang): in the page tree under the participation hub, upcoming and past
workshops, GET filters, seats, bounded queries, and the personal sign-up
links under the same URL prefix still working."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone, translation

from participation.workshops.models import WorkshopIndexPage, WorkshopPage
from participation.workshops.tasks import cancel_token
from website.associations.models import Theme
from website.home.models import HubPage
from website.indicators.models import Area

from .conftest import make_workshop

pytestmark = pytest.mark.django_db


def _index(language):
    return WorkshopIndexPage.objects.live().get(locale__language_code=language)


@pytest.mark.parametrize(
    ("language", "url"),
    [("fi", "/fi/osallistu/tyopajat/"), ("sv", "/sv/delta/workshoppar/")],
)
def test_listing_is_in_the_tree_under_the_hub(client, language, url):
    index = _index(language)
    assert index.url == url
    assert isinstance(index.get_parent().specific, HubPage)
    # Every demo workshop is a child of the listing.
    assert (
        not WorkshopPage.objects.filter(locale__language_code=language)
        .exclude(path__startswith=index.path)
        .exists()
    )
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    now = timezone.now()
    upcoming_heading = html.index('id="upcoming-heading"')
    past_heading = html.index('id="past-heading"')
    for page in WorkshopPage.objects.live().filter(locale__language_code=language):
        position = html.index(page.title)
        if page.ends_at >= now:
            assert upcoming_heading < position < past_heading
        else:
            assert position > past_heading


def test_hub_lists_its_services(client):
    hub = HubPage.objects.get(locale__language_code="fi")
    html = client.get(hub.url).content.decode()
    titles = [child.title for child in hub.get_children().live()]
    assert len(titles) >= 3
    assert all(title in html for title in titles)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_municipality_filter(client, language):
    hyvinkaa = Area.objects.get(code="106")
    index = _index(language)
    response = client.get(index.url, {"municipality": hyvinkaa.slug})
    upcoming = response.context["upcoming"]
    assert upcoming
    assert all(hyvinkaa in page.municipalities.all() for page in upcoming)
    everything = client.get(index.url).context["upcoming"]
    assert len(everything) > len(upcoming)
    # The filter is a labelled field of a GET form.
    assert 'for="id_municipality"' in response.content.decode()


def test_theme_and_date_filters(client):
    index = _index("fi")
    response = client.get(index.url, {"theme": "ikaantyneet"})
    titles = [page.title for page in response.context["upcoming"]]
    assert titles == ["Ikääntyneiden yksinäisyys: kumppanuusfoorumi"]
    soon = (timezone.localdate() + timedelta(days=20)).isoformat()
    response = client.get(index.url, {"end": soon})
    assert [page.slug for page in response.context["upcoming"]] == [
        "nuorten-mielen-hyvinvointi"
    ]
    response = client.get(index.url, {"start": "2023-01-01", "end": "2023-12-31"})
    assert [page.slug for page in response.context["past"]] == ["ilmiotyopaja-2"]


def test_seat_status_per_item(client):
    index = _index("sv")
    html = client.get(index.url).content.decode()
    # The demo partnership evening has 27 of 30 seats taken (its sign-ups
    # belong to the Finnish page).
    assert "3 av 30 platser lediga" in html


def test_personal_links_under_the_same_prefix_still_work(client):
    page = WorkshopPage.objects.get(slug="kumppanuusilta")
    signup = page.signups.first()
    with translation.override("fi"):
        url = reverse("workshops:signup", kwargs={"token": cancel_token(signup)})
    assert url.startswith("/fi/tyopajat/ilmoittautuminen/")
    response = client.get(url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize(
    ("language", "prefix"), [("fi", "/fi/tyopajat/"), ("sv", "/sv/workshoppar/")]
)
def test_old_workshops_address_leads_to_the_listing(client, language, prefix):
    response = client.get(prefix)
    assert response.status_code == 302
    assert response["Location"] == _index(language).url


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_listing_queries_do_not_grow_with_rows(
    client, language, django_assert_max_num_queries
):
    index_fi = _index("fi")
    url = _index(language).url
    client.get(url)  # warm caches (site root, locales, menu)
    for cache in caches.all():  # measure the page, not a cache
        cache.clear()
    with django_assert_max_num_queries(40) as before:
        client.get(url, {"theme": "", "municipality": ""})
    starts = timezone.now() + timedelta(days=5)
    for number in range(4):
        page, _sv = make_workshop(
            parent=index_fi,
            slug=f"kuormitus-{number}",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
        )
        page.themes.set(Theme.objects.all()[:1])
        page.municipalities.set(Area.objects.filter(code="186"))
    for number in range(3):
        make_workshop(
            parent=index_fi,
            slug=f"mennyt-{number}",
            starts_at=starts - timedelta(days=400 + number),
            ends_at=starts - timedelta(days=400 + number) + timedelta(hours=1),
        )
    for cache in caches.all():
        cache.clear()
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(url, {"theme": "", "municipality": ""})
    assert len(response.context["upcoming"]) >= 8


def test_past_workshops_are_paginated_keeping_the_filters(client, monkeypatch):
    from participation.workshops import listing

    monkeypatch.setattr(listing, "PAST_PER_PAGE", 1)
    index = _index("fi")
    first = client.get(index.url, {"start": "2019-01-01"})
    html = first.content.decode()
    assert first.context["past"].paginator.num_pages >= 2
    assert 'href="?start=2019-01-01&amp;page=2"' in html
    second = client.get(index.url, {"start": "2019-01-01", "page": "2"})
    assert second.context["past"].number == 2
    assert [p.pk for p in second.context["past"]] != [
        p.pk for p in first.context["past"]
    ]
