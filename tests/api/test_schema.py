"""The OpenAPI schema: valid (openapi-spec-validator), covering every
endpoint, served at /api/v1/schema/, and the committed docs/openapi.yaml is
the one the code generates (regenerate: see docs/api.md)."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

COMMITTED = Path(settings.BASE_DIR) / "docs" / "openapi.yaml"
PATHS = {
    "/api/v1/plan/",
    "/api/v1/measures/",
    "/api/v1/measures/{id}/",
    "/api/v1/indicators/",
    "/api/v1/indicators/{code}/",
    "/api/v1/areas/",
    "/api/v1/areas/{code}/",
    "/api/v1/programme-status-cards/",
    "/api/v1/programme-status-cards/{id}/",
    "/api/v1/associations/",
    "/api/v1/associations/{slug}/",
    "/api/v1/associations/geojson/",
    "/api/v1/workshops/",
    "/api/v1/workshops/{id}/",
    "/api/v1/participation/summary/",
}


def test_generated_schema_is_valid_and_committed(tmp_path):
    path = tmp_path / "openapi.yaml"
    call_command("spectacular", "--lang", "en", "--file", str(path), "--fail-on-warn")
    generated = path.read_text()
    spec = yaml.safe_load(generated)
    validate(spec)
    assert set(spec["paths"]) == PATHS
    assert generated == COMMITTED.read_text(), (
        "docs/openapi.yaml is out of date: run "
        "`manage.py spectacular --lang en --file docs/openapi.yaml`"
    )


@pytest.mark.parametrize(
    "language,text",
    [("fi", "Suunnitelman toimenpiteet"), ("sv", "Planens åtgärder")],
)
def test_schema_served_in_the_language(client, language, text):
    response = client.get("/api/v1/schema/", {"format": "json", "lang": language})
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert set(spec["paths"]) == PATHS
    summaries = [op["get"]["summary"] for op in spec["paths"].values()]
    assert text in summaries
