"""The panel listing page (Asukaspaneelit / Invånarpaneler) in the tree:
it lists the panels recruiting members, serves each panel as a route, and
the panels' old addresses redirect there permanently."""

import pytest

from participation.panels.models import Panel, PanelIndexPage
from website.home.models import HubPage

pytestmark = pytest.mark.django_db

INDEX = {"fi": "/fi/osallistu/asukaspaneelit/", "sv": "/sv/delta/invanarpaneler/"}
OLD = {"fi": "/fi/paneelit/", "sv": "/sv/paneler/"}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_index_lists_open_panels_with_links_to_their_routes(
    client, panel, language, django_assert_max_num_queries
):
    index = PanelIndexPage.objects.live().get(locale__language_code=language)
    assert index.url == INDEX[language]
    assert isinstance(index.get_parent().specific, HubPage)
    closed = Panel.objects.create(
        slug="suljettu",
        name_fi="Suljettu paneeli",
        name_sv="Stängd panel",
        purpose_fi="-",
        purpose_sv="-",
        recruitment_open=False,
    )
    client.get(index.url)
    with django_assert_max_num_queries(25) as before:
        client.get(index.url)
    for number in range(3):
        Panel.objects.create(
            slug=f"lisa-{number}",
            name_fi=f"Lisäpaneeli {number}",
            name_sv=f"Extrapanel {number}",
            purpose_fi="-",
            purpose_sv="-",
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(index.url)
    html = response.content.decode()
    name = panel.name_fi if language == "fi" else panel.name_sv
    assert f'href="{INDEX[language]}{panel.slug}/">{name}</a>' in html
    assert closed.name_fi not in html and closed.name_sv not in html


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("suffix", ["", "sent/", "resend/", "resend/sent/"])
def test_old_panel_addresses_redirect_permanently(client, panel, language, suffix):
    response = client.get(f"{OLD[language]}{panel.slug}/{suffix}")
    assert response.status_code == 301
    assert response["Location"] == f"{INDEX[language]}{panel.slug}/{suffix}"
    assert client.get(response["Location"]).status_code == 200


def test_panel_route_switches_language_to_the_same_panel(client, panel):
    html = client.get(f"{INDEX['fi']}{panel.slug}/").content.decode()
    assert f'href="{INDEX["sv"]}{panel.slug}/"' in html
