"""The API's documentation page (fi, sv) and the footer link to it."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language,path,heading",
    [("fi", "/fi/avoin-data/", "Avoin data"), ("sv", "/sv/oppna-data/", "Öppna data")],
)
def test_docs_page_lists_every_endpoint_in_the_language(
    client, language, path, heading
):
    with translation.override(language):
        assert reverse("api_docs") == path
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    schema = client.get("/api/v1/schema/", {"format": "json", "lang": language})
    for url, operations in schema.json()["paths"].items():
        assert f"GET {url}" in html
        assert operations["get"]["summary"] in html
    assert f'curl -H "Accept-Language: {language}"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize(
    "language,text,path",
    [("fi", "Avoin data", "/fi/avoin-data/"), ("sv", "Öppna data", "/sv/oppna-data/")],
)
def test_footer_links_the_docs(client, language, text, path):
    html = client.get(f"/{language}/").content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert f'<a href="{path}">{text}</a>' in footer
