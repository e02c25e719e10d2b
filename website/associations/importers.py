"""Bulk import of associations: our CSV format and PTV's JSON.

Both create or update entries (matched by `external_id`, else by the Finnish
name), leave existing representatives and activities alone, and report row
by row what they did; a bad row is reported and skipped, never half-saved.
See docs/association-import.md for the formats.

PTV (Palvelutietovaranto, the national service register) gives coordinates in
ETRS-TM35FIN (EPSG:3067); pyproj converts them to WGS84 for the map.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from website.indicators.models import Area

from . import search
from .models import RESERVED_SLUGS, Association, TargetGroup, Theme
from .moderation import ASSOCIATION_FIELDS

# Our CSV: the fields a representative edits (other_languages aside, which
# is free text staff set), plus the source register's identifier.
CSV_COLUMNS = (
    "external_id",
    *(name for name in ASSOCIATION_FIELDS if name != "other_languages"),
)
REQUIRED_COLUMNS = ("name_fi",)
TRUE = {"1", "true", "yes", "kyllä", "ja", "x"}


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)
    ids: list = field(default_factory=list)

    def __str__(self):
        return (
            f"created {self.created}, updated {self.updated}, "
            f"skipped {len(self.errors)}"
        )


class RowError(Exception):
    pass


def _municipalities(value):
    """'Järvenpää; 858' → Area rows (by name in either language or code)."""
    areas = []
    lookup = {
        key.lower(): area
        for area in Area.objects.filter(kind=Area.Kind.MUNICIPALITY)
        for key in (area.name_fi, area.name_sv, area.code)
        if key
    }
    for part in filter(None, (p.strip() for p in (value or "").split(";"))):
        area = lookup.get(part.lower())
        if area is None:
            raise RowError(f"unknown municipality {part!r}")
        areas.append(area)
    return areas


def _terms(model, value):
    slugs = [p.strip() for p in (value or "").split(";") if p.strip()]
    terms = list(model.objects.filter(slug__in=slugs))
    unknown = set(slugs) - {t.slug for t in terms}
    if unknown:
        raise RowError(f"unknown {model._meta.model_name} {sorted(unknown)}")
    return terms


def _decimal(value, low, high, name):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", ".")).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise RowError(f"{name} is not a number: {value!r}") from None
    if not low <= number <= high:
        raise RowError(f"{name} out of range: {number}")
    return number


def _unique_slug(name):
    base = slugify(name)[:180] or "yhdistys"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Association.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def save_row(values, relations, publish, result, line):
    """Create or update one association inside its own savepoint."""
    try:
        with transaction.atomic():
            association = None
            if values.get("external_id"):
                association = Association.objects.filter(
                    external_id=values["external_id"]
                ).first()
            if association is None:
                association = Association.objects.filter(
                    name_fi=values["name_fi"]
                ).first()
            created = association is None
            if created:
                association = Association(
                    slug=_unique_slug(values["name_fi"]), published=publish
                )
            for name, value in values.items():
                setattr(association, name, value)
            association.full_clean()
            association.save()
            for name, objects in relations.items():
                getattr(association, name).set(objects)
    except (RowError, ValidationError) as error:
        message = (
            "; ".join(error.messages)
            if isinstance(error, ValidationError)
            else str(error)
        )
        result.errors.append(f"line {line}: {message}")
        return
    result.ids.append(association.pk)
    if created:
        result.created += 1
    else:
        result.updated += 1


def _finish(result):
    search.sync(result.ids)
    return result


def import_csv(text, publish=False):
    """Our CSV format (UTF-8, comma or semicolon separated, header row)."""
    result = Result()
    sample = text[:2048]
    dialect = csv.Sniffer().sniff(sample, delimiters=",;") if sample else csv.excel
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        result.errors.append(f"missing columns: {', '.join(missing)}")
        return result
    with search.deferred():
        for line, row in enumerate(reader, start=2):
            try:
                values = {
                    name: (row.get(name) or "").strip()
                    for name in CSV_COLUMNS
                    if name in row
                    and name not in ("municipalities", "themes", "target_groups")
                    and not name.startswith("serves_")
                    and name not in ("latitude", "longitude")
                }
                for lang in ("fi", "sv", "en"):
                    column = f"serves_{lang}"
                    if column in row:
                        values[column] = (row[column] or "").strip().lower() in TRUE
                values["latitude"] = _decimal(row.get("latitude"), -90, 90, "latitude")
                values["longitude"] = _decimal(
                    row.get("longitude"), -180, 180, "longitude"
                )
                if not values.get("name_fi"):
                    raise RowError("name_fi is empty")
                relations = {
                    "municipalities": _municipalities(row.get("municipalities")),
                    "themes": _terms(Theme, row.get("themes")),
                    "target_groups": _terms(TargetGroup, row.get("target_groups")),
                }
            except RowError as error:
                result.errors.append(f"line {line}: {error}")
                continue
            save_row(values, relations, publish, result, line)
    return _finish(result)


def _text(items, language, kind=None):
    for item in items or []:
        if item.get("language") == language and (
            kind is None or item.get("type") == kind
        ):
            return (item.get("value") or "").strip()
    return ""


def _transformer():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def import_ptv(text, publish=False):
    """PTV organisations or service locations (a JSON list, or a page of the
    PTV API with an `itemList`)."""
    result = Result()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        result.errors.append(f"not JSON: {error}")
        return result
    items = data.get("itemList", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        result.errors.append("expected a list of organisations or service locations")
        return result
    transformer = _transformer()
    with search.deferred():
        for number, item in enumerate(items, start=1):
            try:
                values, relations = _ptv_values(item, transformer)
            except (RowError, AttributeError, TypeError, ValueError) as error:
                result.errors.append(f"item {number}: {error}")
                continue
            save_row(values, relations, publish, result, number)
    return _finish(result)


def _ptv_values(item, transformer):
    names = item.get("organizationNames") or item.get("serviceChannelNames") or []
    descriptions = (
        item.get("organizationDescriptions")
        or item.get("serviceChannelDescriptions")
        or []
    )
    name_fi = _text(names, "fi", "Name") or _text(names, "fi")
    if not name_fi:
        raise RowError("no Finnish name")
    languages = set(item.get("languages") or [])
    values = {
        "external_id": str(item.get("id") or "")[:100],
        "name_fi": name_fi[:200],
        "name_sv": (_text(names, "sv", "Name") or _text(names, "sv"))[:200],
        "description_fi": _text(descriptions, "fi", "Description")
        or _text(descriptions, "fi"),
        "description_sv": _text(descriptions, "sv", "Description")
        or _text(descriptions, "sv"),
        "serves_fi": not languages or "fi" in languages,
        "serves_sv": "sv" in languages,
        "serves_en": "en" in languages,
        "email": next((e.get("value", "") for e in item.get("emails") or []), ""),
        "phone": next(
            (
                f"{p.get('prefixNumber') or ''} {p.get('number') or ''}".strip()
                for p in item.get("phoneNumbers") or []
            ),
            "",
        )[:40],
        "website": next((w.get("url", "") for w in item.get("webPages") or []), ""),
    }
    addresses = item.get("addresses") or []
    visiting = next(
        (a for a in addresses if a.get("type") in ("Visiting", "Location")),
        addresses[0] if addresses else None,
    )
    municipalities = []
    if visiting:
        street = visiting.get("streetAddress") or {}
        values["street_address"] = " ".join(
            filter(
                None, [_text(street.get("street"), "fi"), street.get("streetNumber")]
            )
        )[:200]
        values["postal_code"] = (street.get("postalCode") or "")[:10]
        values["city"] = (_text(street.get("postOffice"), "fi") or "").title()[:100]
        municipality = street.get("municipality") or {}
        if municipality.get("code"):
            municipalities = list(
                Area.objects.filter(
                    kind=Area.Kind.MUNICIPALITY, code=municipality["code"]
                )
            )
        x, y = street.get("longitude"), street.get("latitude")
        if x and y and street.get("coordinateState", "Ok").lower() == "ok":
            lon, lat = transformer.transform(float(x), float(y))
            values["longitude"] = _decimal(lon, -180, 180, "longitude")
            values["latitude"] = _decimal(lat, -90, 90, "latitude")
    return values, {"municipalities": municipalities}
