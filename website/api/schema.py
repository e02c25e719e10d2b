"""drf-spectacular hooks: the schema describes the open API only (not the
Wagtail admin's internal API)."""

PREFIX = "/api/v1/"


def only_open_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PREFIX)]
