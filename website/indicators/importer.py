"""Import indicator values from a CSV in the shape of THL Sotkanet's export.

The exact format is documented in docs/indicator-import.md. In short: a header
row naming the columns indicator, region, year, gender and value (any order,
any case, extra columns such as Sotkanet's absValue ignored), `;` or `,` as the
delimiter, UTF-8 with or without a BOM, decimal comma or point.

The whole file is validated before anything is written: every problem is
reported as (line number, reason), and a file with any problem imports
nothing. A valid file is written in one transaction with bulk queries, so the
number of queries does not grow with the number of rows (beyond the database's
own batch limits). Importing the same file again changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Area, Indicator, IndicatorValue

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
MIN_YEAR = 1900
MAX_YEAR = 2100
REQUIRED_COLUMNS = ("indicator", "region", "year", "value")
OPTIONAL_COLUMNS = ("gender",)
GENDERS = {choice.value for choice in IndicatorValue.Gender}
CENT = Decimal("0.01")
# IndicatorValue.value is DecimalField(max_digits=12, decimal_places=2).
MAX_VALUE = Decimal("9999999999.99")
BATCH_SIZE = 1000
# Spaces Excel and LibreOffice use as thousands separators in Finnish locales.
THOUSANDS_SEPARATORS = (" ", "\u00a0", "\u202f")


@dataclass(frozen=True)
class RowError:
    """One problem in the file; line is None for problems with the whole file."""

    line: int | None
    reason: str

    def __str__(self):
        if self.line is None:
            return self.reason
        return f"line {self.line}: {self.reason}"


@dataclass
class ParsedRow:
    line: int
    indicator: Indicator
    area: Area
    year: int
    gender: str
    value: Decimal | None

    @property
    def key(self):
        return (self.indicator.pk, self.area.pk, self.year, self.gender)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[int] = field(default_factory=list)  # lines without a value
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        counts = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            return (
                _(
                    "Dry run, nothing was saved. New values: %(created)s, "
                    "updated: %(updated)s, unchanged: %(unchanged)s."
                )
                % counts
            )
        return (
            _(
                "Indicator values imported. New values: %(created)s, updated: "
                "%(updated)s, unchanged: %(unchanged)s."
            )
            % counts
        )

    def skipped_summary(self):
        if not self.skipped:
            return ""
        return _("Rows without a value were skipped: lines %(lines)s.") % {
            "lines": ", ".join(str(line) for line in self.skipped)
        }


def read_limited(fileobj):
    """Read at most one byte more than allowed, so a huge upload is not read
    into memory just to be refused."""
    return fileobj.read(MAX_BYTES + 1)


def _decode(data):
    if len(data) > MAX_BYTES:
        return None, RowError(
            None,
            _("The file is larger than %(limit)s MB.")
            % {"limit": MAX_BYTES // (1024 * 1024)},
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, RowError(
            line,
            _("The text is not in UTF-8. Save the file as CSV (UTF-8) and try again."),
        )
    if not text.strip():
        return None, RowError(None, _("The file is empty."))
    return text, None


def _delimiter(text):
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") >= header.count(",") else ","


class _Lookup:
    """Indicators and areas by Sotkanet id and by code, fetched once.

    A number is first looked up as a Sotkanet id, because that is what a
    Sotkanet export contains; only when no object has that id is it taken as
    a code (e.g. a municipality code such as 186).
    """

    def __init__(self, queryset):
        self.by_sotkanet_id = {}
        self.by_code = {}
        for obj in queryset:
            if obj.sotkanet_id is not None:
                self.by_sotkanet_id[obj.sotkanet_id] = obj
            self.by_code[obj.code.lower()] = obj

    def get(self, token):
        token = token.strip()
        if token.isdigit() and int(token) in self.by_sotkanet_id:
            return self.by_sotkanet_id[int(token)]
        found = self.by_code.get(token.lower())
        if found is None and token.isdigit() and len(token) < 3:
            # Spreadsheets drop the leading zeros of codes such as 091.
            found = self.by_code.get(token.zfill(3))
        return found


def parse_decimal(raw):
    """Decimal comma or point, optional thousands spaces; two decimals kept."""
    text = raw.strip()
    for separator in THOUSANDS_SEPARATORS:
        text = text.replace(separator, "")
    if "," in text and "." in text:
        return None
    text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def _parse_row(fields, columns, line, indicators, areas):
    """Return (ParsedRow or None, [reasons])."""
    raw = {name: fields[index].strip() for name, index in columns.items()}
    reasons = []
    for name in REQUIRED_COLUMNS:
        if name != "value" and not raw[name]:
            reasons.append(_('The "%(column)s" column is empty.') % {"column": name})

    indicator = area = year = value = None
    if raw["indicator"]:
        indicator = indicators.get(raw["indicator"])
        if indicator is None:
            reasons.append(
                _(
                    'Unknown indicator "%(value)s": no indicator has this '
                    "Sotkanet id or code."
                )
                % {"value": raw["indicator"]}
            )
    if raw["region"]:
        area = areas.get(raw["region"])
        if area is None:
            reasons.append(
                _('Unknown region "%(value)s": no area has this Sotkanet id or code.')
                % {"value": raw["region"]}
            )
    if raw["year"]:
        try:
            year = int(raw["year"])
        except ValueError:
            year = None
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            year = None
            reasons.append(
                _(
                    'The year "%(value)s" is not a whole number between %(min)s '
                    "and %(max)s."
                )
                % {"value": raw["year"], "min": MIN_YEAR, "max": MAX_YEAR}
            )
    gender = (raw.get("gender") or IndicatorValue.Gender.TOTAL).lower()
    if gender not in GENDERS:
        reasons.append(
            _('The gender "%(value)s" is not one of total, male, female.')
            % {"value": raw["gender"]}
        )
    if raw["value"]:
        value = parse_decimal(raw["value"])
        if value is None:
            reasons.append(
                _('The value "%(value)s" is not a number.') % {"value": raw["value"]}
            )
        elif abs(value) > MAX_VALUE:
            reasons.append(
                _('The value "%(value)s" is too large.') % {"value": raw["value"]}
            )
    if reasons:
        return None, reasons
    return ParsedRow(line, indicator, area, year, gender, value), []


def parse(data):
    """Validate the whole file. Returns (rows, errors); rows are only
    meaningful when errors is empty."""
    text, error = _decode(data)
    if error:
        return [], [error]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    errors = []
    try:
        header = next(reader)
    except csv.Error as exc:
        return [], [
            RowError(
                1, _("The file could not be read as CSV: %(error)s") % {"error": exc}
            )
        ]
    names = [name.strip().lower() for name in header]
    columns = {}
    for index, name in enumerate(names):
        if name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            if name in columns:
                errors.append(
                    RowError(
                        1,
                        _('The column "%(column)s" appears twice in the header row.')
                        % {"column": name},
                    )
                )
            columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        errors.append(
            RowError(
                1,
                _("The header row is missing these columns: %(columns)s.")
                % {"columns": ", ".join(missing)},
            )
        )
    if errors:
        return [], errors

    indicators = _Lookup(Indicator.objects.only("pk", "code", "sotkanet_id"))
    areas = _Lookup(Area.objects.only("pk", "code", "sotkanet_id"))
    rows = []
    seen = {}
    count = 0
    previous_line = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                RowError(
                    previous_line + 1,
                    _("The file could not be read as CSV: %(error)s") % {"error": exc},
                )
            )
            break
        # A quoted field may span lines; report the line the row starts on.
        line, previous_line = previous_line + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        count += 1
        if count > MAX_ROWS:
            errors.append(
                RowError(
                    line,
                    _("The file has more than %(limit)s rows. Split it into parts.")
                    % {"limit": MAX_ROWS},
                )
            )
            break
        # Spreadsheets sometimes add empty trailing fields; they are harmless.
        if len(fields) < len(names) or any(f.strip() for f in fields[len(names) :]):
            errors.append(
                RowError(
                    line,
                    _("The row has %(found)s fields but the header has %(expected)s.")
                    % {"found": len(fields), "expected": len(names)},
                )
            )
            continue
        row, reasons = _parse_row(fields, columns, line, indicators, areas)
        errors.extend(RowError(line, reason) for reason in reasons)
        if row is None:
            continue
        if row.key in seen:
            errors.append(
                RowError(
                    line,
                    _(
                        "The same indicator, region, year and gender are already "
                        "on line %(line)s."
                    )
                    % {"line": seen[row.key]},
                )
            )
            continue
        seen[row.key] = line
        rows.append(row)
    if not errors and not rows:
        errors.append(RowError(None, _("The file has no data rows.")))
    return rows, errors


def import_values(data, *, dry_run=False):
    """Validate and import ``data`` (bytes). Nothing is written unless the
    whole file is valid, nor when ``dry_run`` is set."""
    rows, errors = parse(data)
    result = ImportResult(errors=errors, dry_run=dry_run)
    if errors:
        return result
    result.skipped = [row.line for row in rows if row.value is None]
    rows = [row for row in rows if row.value is not None]
    try:
        with transaction.atomic():
            _apply(rows, result, dry_run)
    except IntegrityError:
        # Another import created the same values in between; the transaction
        # rolled back, so nothing of this file is left half-imported.
        return ImportResult(
            errors=[
                RowError(
                    None,
                    _(
                        "The same values were being saved at the same time by "
                        "someone else. Nothing was imported; please try again."
                    ),
                )
            ],
            dry_run=dry_run,
        )
    return result


def _apply(rows, result, dry_run):
    if not rows:
        return
    keys = {row.key for row in rows}
    # One query for every value the file could touch; the IN lists are a
    # superset of the keys and the exact match is made here.
    candidates = IndicatorValue.objects.filter(
        indicator_id__in={key[0] for key in keys},
        area_id__in={key[1] for key in keys},
        year__in={key[2] for key in keys},
    ).only("pk", "indicator_id", "area_id", "year", "gender", "value", "is_demo")
    if not dry_run:
        candidates = candidates.select_for_update()
    existing = {
        (v.indicator_id, v.area_id, v.year, v.gender): v
        for v in candidates
        if (v.indicator_id, v.area_id, v.year, v.gender) in keys
    }
    to_create = []
    to_update = []
    for row in rows:
        current = existing.get(row.key)
        if current is None:
            to_create.append(
                IndicatorValue(
                    indicator=row.indicator,
                    area=row.area,
                    year=row.year,
                    gender=row.gender,
                    value=row.value,
                )
            )
        elif current.value != row.value or current.is_demo:
            # Imported figures are real statistics and replace demo ones.
            current.value = row.value
            current.is_demo = False
            to_update.append(current)
        else:
            result.unchanged += 1
    result.created = len(to_create)
    result.updated = len(to_update)
    if dry_run:
        return
    IndicatorValue.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    IndicatorValue.objects.bulk_update(
        to_update, ["value", "is_demo"], batch_size=BATCH_SIZE
    )
