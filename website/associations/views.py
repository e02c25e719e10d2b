"""The association map's routes (see AssociationMapPage)."""

import csv
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from website.core.i18n import active_language
from website.report.exports import neutralise

from .forms import FilterForm
from .models import Association
from .signals import data_version

PER_PAGE = 50
CACHE_SECONDS = 3600
CSV_CHUNK = 1000


def _filtered(request):
    form = FilterForm(request.GET or None)
    return form, form.filter(Association.objects.published())


def map_index(page, request):
    form, associations = _filtered(request)
    paginator = Paginator(associations.for_list().order_by("name_fi", "pk"), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("sivu") or request.GET.get("sida"))
    query = request.GET.copy()
    for key in ("sivu", "sida"):
        query.pop(key, None)
    return page.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "associations": page_obj.object_list,
            "query_string": query.urlencode(),
            "geojson_url": page.route_url("geojson")
            + ("?" + query.urlencode() if query else ""),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def association_detail(page, request, slug):
    association = get_object_or_404(
        Association.objects.published().for_list().prefetch_related("activities"),
        slug=slug,
    )
    return page.render(
        request,
        template="associations/association_detail.html",
        context_overrides={
            "association": association,
            "activities": association.activities.all(),
            "title": association.name,
            "translations_override": {
                translation.locale.language_code: translation.specific.association_url(
                    association
                )
                for translation in page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            },
        },
    )


def activity_print(page, request, slug, activity_pk):
    """One activity on a page of its own: what a professional prints or sends
    to a client."""
    association = get_object_or_404(Association.objects.published(), slug=slug)
    activity = get_object_or_404(association.activities, pk=activity_pk)
    return page.render(
        request,
        template="associations/activity_print.html",
        context_overrides={
            "association": association,
            "activity": activity,
            "title": activity.name,
            "share_url": request.build_absolute_uri(),
            "translations_override": {
                translation.locale.language_code: translation.specific.association_url(
                    association
                )
                + f"{activity.pk}/"
                for translation in page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            },
        },
    )


def _cached(request, kind, build):
    # Hashed: the query string is the visitor's, of any length.
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:32]
    key = f"associations:{kind}:{data_version()}:{get_language()}:{query}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, CACHE_SECONDS)
    return body


def geojson(page, request):
    """Published associations with coordinates as a GeoJSON FeatureCollection
    (RFC 7946: longitude first). Only public fields."""

    def build():
        _form, associations = _filtered(request)
        located = associations.exclude(latitude=None).exclude(longitude=None)
        lang = active_language()
        # Plain rows, not model instances: with thousands of associations the
        # ORM's object and prefetch machinery costs more than the queries.
        names = _related_names(located, lang)
        base = page.get_url()  # once, not per feature: it is costly
        features = [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(row["longitude"]), float(row["latitude"])],
                },
                "properties": {
                    "name": row[f"name_{lang}"] or row["name_fi"],
                    "url": f"{base}{row['slug']}/",
                    "municipalities": names["municipalities"].get(row["pk"], []),
                    "themes": names["themes"].get(row["pk"], []),
                },
            }
            for row in located.order_by("name_fi", "pk").values(
                "pk", "slug", "name_fi", "name_sv", "latitude", "longitude"
            )
        ]
        return json.dumps(
            {"type": "FeatureCollection", "features": features}, ensure_ascii=False
        )

    return HttpResponse(
        _cached(request, "geojson", build), content_type="application/geo+json"
    )


RELATED_FIELDS = {
    "municipalities": "area",
    "themes": "theme",
    "target_groups": "targetgroup",
}


def _related_names(associations, lang, relations=("municipalities", "themes")):
    """{"municipalities": {association pk: [name, ...]}, "themes": {...}}, one
    query per relation over the many-to-many tables. `associations` is a
    queryset or a list of primary keys."""
    result = {}
    if not isinstance(associations, list):
        associations = associations.values("pk")
    for relation in relations:
        field = RELATED_FIELDS[relation]
        through = getattr(Association, relation).through
        rows = (
            through.objects.filter(association__in=associations)
            .order_by(f"{field}__name_fi")
            .values_list("association_id", f"{field}__name_fi", f"{field}__name_sv")
        )
        grouped = {}
        for pk, name_fi, name_sv in rows:
            grouped.setdefault(pk, []).append(
                (name_sv or name_fi) if lang == "sv" else name_fi
            )
        result[relation] = grouped
    return result


class _Echo:
    def write(self, value):
        return value


def csv_export(page, request):
    """Published associations as CSV (no personal fields), streamed."""
    _form, associations = _filtered(request)
    writer = csv.writer(_Echo(), delimiter=";")
    header = [
        _("name in Finnish"),
        _("name in Swedish"),
        _("municipalities"),
        _("themes"),
        _("target groups"),
        _("languages"),
        _("public e-mail"),
        _("public phone"),
        _("website"),
        _("address"),
        _("latitude"),
        _("longitude"),
        _("address on the site"),
    ]

    base = request.build_absolute_uri(page.get_url())

    fields = (
        "pk", "slug", "name_fi", "name_sv", "serves_fi", "serves_sv", "serves_en",
        "other_languages", "email", "phone", "website", "street_address",
        "postal_code", "city", "latitude", "longitude",
    )  # fmt: skip
    lang = active_language()

    def rows():
        yield "\ufeff"
        yield writer.writerow(header)
        ordered = associations.order_by("name_fi", "pk").only(*fields)
        # Chunks of plain instances with their names in two or three queries
        # per chunk: prefetching per row costs more at thousands of rows.
        for start in range(0, ordered.count(), CSV_CHUNK):
            chunk = list(ordered[start : start + CSV_CHUNK])
            names = _related_names(
                [a.pk for a in chunk],
                lang,
                ("municipalities", "themes", "target_groups"),
            )
            for a in chunk:
                yield writer.writerow(
                    neutralise(str(cell))
                    for cell in (
                        a.name_fi,
                        a.name_sv,
                        ", ".join(names["municipalities"].get(a.pk, [])),
                        ", ".join(names["themes"].get(a.pk, [])),
                        ", ".join(names["target_groups"].get(a.pk, [])),
                        ", ".join(str(language) for language in a.languages),
                        a.email,
                        a.phone,
                        a.website,
                        a.address,
                        "" if a.latitude is None else a.latitude,
                        "" if a.longitude is None else a.longitude,
                        f"{base}{a.slug}/",
                    )
                )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="associations.csv"'
    return response
