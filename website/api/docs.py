"""The API's documentation page in Finnish and Swedish, rendered on the
server from the OpenAPI schema (no Swagger UI: it needs scripts from a CDN
and inline code that the Content-Security-Policy forbids)."""

import json

from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.generators import SchemaGenerator

SCHEMA_CACHE_SECONDS = 3600
# Examples in the listing: a ready URL for each list endpoint.
EXAMPLE_QUERIES = {
    "/api/v1/measures/": "?status=in_progress",
    "/api/v1/indicators/": "?area=186&year_from=2018",
    "/api/v1/associations/": "?theme=liikunta",
    "/api/v1/associations/geojson/": "?municipality=jarvenpaa",
}


def schema(language):
    """The OpenAPI schema (a dict) with texts in ``language``."""
    key = f"api-schema:{language}"
    result = cache.get(key)
    if result is None:
        from django.utils import translation

        with translation.override(language):
            generated = SchemaGenerator().get_schema(request=None, public=True)
        # Lazy texts become plain strings in this language.
        result = json.loads(json.dumps(generated, default=str))
        cache.set(key, result, SCHEMA_CACHE_SECONDS)
    return result


def _resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _fields(spec, response):
    """(name, type, description) of a response's top-level fields; for a
    paginated list, those of one item."""
    body = _resolve(spec, response)
    properties = body.get("properties", {})
    if {"count", "results"} <= set(properties):
        body = _resolve(spec, properties["results"]["items"])
        properties = body.get("properties", {})
    rows = []
    for name, field in properties.items():
        field = _resolve(spec, field) if "$ref" in field else field
        kind = field.get("type") or ("object" if "allOf" in field else "")
        if kind == "array":
            kind = "array"
        rows.append((name, kind, field.get("description", "")))
    return rows


def endpoints(spec):
    rows = []
    for url, methods in spec["paths"].items():
        operation = methods.get("get")
        if operation is None:
            continue
        response = operation.get("responses", {}).get("200", {}).get("content", {})
        media = next(iter(response.values()), {}) if response else {}
        rows.append(
            {
                "path": url,
                "id": operation["operationId"].replace("_", "-"),
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "tag": (operation.get("tags") or [""])[0],
                "parameters": [
                    {
                        "name": parameter["name"],
                        "where": parameter["in"],
                        "required": parameter.get("required", False),
                        "description": parameter.get("description", ""),
                        "enum": parameter.get("schema", {}).get("enum", []),
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "fields": _fields(spec, media.get("schema", {})) if media else [],
                "example": url + EXAMPLE_QUERIES.get(url, ""),
            }
        )
    return rows


def docs(request):
    language = get_language()
    spec = schema(language)
    return render(
        request,
        "api/docs.html",
        {
            "spec": spec,
            "endpoints": endpoints(spec),
            "base_url": request.build_absolute_uri("/").rstrip("/"),
            "schema_url": reverse("api:schema"),
            "language": language,
        },
    )
