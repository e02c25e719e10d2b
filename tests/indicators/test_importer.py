from decimal import Decimal

import pytest
from django.utils import translation

from website.indicators import importer
from website.indicators.importer import import_values, parse_decimal
from website.indicators.models import Area, Indicator, IndicatorValue

from .conftest import HEADER, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_reasons():
    """The importer's rules are asserted on the English msgids; the Finnish
    and Swedish wording is checked through the admin view's tests."""
    with translation.override("en"):
        yield


def value(indicator, area, year, gender="total"):
    return IndicatorValue.objects.get(
        indicator__code=indicator, area__code=area, year=year, gender=gender
    )


def lines_and_reasons(result):
    return [(e.line, e.reason) for e in result.errors]


def test_good_file_is_imported(good_file):
    before = IndicatorValue.objects.count()
    result = import_values(good_file)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert IndicatorValue.objects.count() == before + 3
    imported = value("morbidity_index", "186", 2024)
    assert imported.value == Decimal("92.50")
    assert imported.is_demo is False
    assert value("mental_health_index", "koko-maa", 2024).value == 100


def test_bom_semicolons_decimal_comma_crlf_and_sotkanet_columns():
    data = csv_bytes(
        ("Indicator", "Region", "Year", "Gender", "Value", "absValue"),
        ("morbidity_index", "106", 2024, "female", "97,35", "1 234"),
        ("morbidity_index", "106", 2024, "male", "1 001,5", ""),
        ("morbidity_index", "106", 2024, "TOTAL", "-0,004", ""),
        delimiter=";",
        bom=True,
        newline="\r\n",
    )
    result = import_values(data)
    assert result.ok, result.errors
    assert result.created == 3
    # Two decimals are kept, rounded half up.
    assert value("morbidity_index", "106", 2024, "female").value == Decimal("97.35")
    assert value("morbidity_index", "106", 2024, "male").value == Decimal("1001.50")
    assert value("morbidity_index", "106", 2024).value == Decimal("0.00")


def test_quoted_decimal_comma_in_a_comma_separated_file():
    data = csv_bytes(HEADER, 'morbidity_index,keusote,2024,total,"88,4"')
    result = import_values(data)
    assert result.ok, result.errors
    assert value("morbidity_index", "keusote", 2024).value == Decimal("88.40")


def test_gender_column_is_optional_and_extra_columns_are_ignored():
    data = csv_bytes(
        ("region", "indicator", "value", "year", "note"),
        ("keusote", "inactive_adults", "20.9", 2024, "anything"),
    )
    result = import_values(data)
    assert result.ok, result.errors
    assert value("inactive_adults", "keusote", 2024).value == Decimal("20.90")


def test_sotkanet_ids_are_looked_up_first():
    indicator = Indicator.objects.get(code="morbidity_index")
    indicator.sotkanet_id = 244
    indicator.save()
    # Sotkanet's id 186 for Hyvinkää collides with Järvenpää's municipality
    # code 186: a number means the Sotkanet id when one exists.
    hyvinkaa = Area.objects.get(code="106")
    hyvinkaa.sotkanet_id = 186
    hyvinkaa.save()
    country = Area.objects.get(code="koko-maa")
    country.sotkanet_id = 658
    country.save()
    data = csv_bytes(
        ("indicator", "region", "year", "gender", "value", "absValue"),
        (244, 186, 2024, "total", "99.1", ""),
        (244, 658, 2024, "total", "100.0", ""),
        (244, 858, 2024, "total", "84.0", ""),
    )
    result = import_values(data)
    assert result.ok, result.errors
    assert value("morbidity_index", "106", 2024).value == Decimal("99.10")
    assert not IndicatorValue.objects.filter(area__code="186", year=2024).exists()
    assert value("morbidity_index", "koko-maa", 2024).value == 100
    # 858 is nobody's Sotkanet id, so it is Tuusula's municipality code.
    assert value("morbidity_index", "858", 2024).value == 84


def test_municipality_code_without_leading_zeros():
    Area.objects.create(
        kind=Area.Kind.MUNICIPALITY,
        code="091",
        name_fi="Helsinki",
        name_sv="Helsingfors",
        slug="helsinki",
    )
    result = import_values(csv_bytes(HEADER, ("morbidity_index", 91, 2024, "", "95")))
    assert result.ok, result.errors
    assert value("morbidity_index", "091", 2024).value == 95


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(good_file):
    before = IndicatorValue.objects.count()
    data = csv_bytes(
        HEADER,
        ("morbidity_index", "keusote", 2024, "total", "88.4"),  # line 2: fine
        ("no_such_indicator", "keusote", 2024, "total", "1"),  # 3
        ("morbidity_index", "atlantis", 2024, "total", "1"),  # 4
        "",  # 5: blank lines are skipped, yet counted for line numbers
        ("morbidity_index", "keusote", "20x4", "total", "1"),  # 6
        ("morbidity_index", "keusote", 2025, "other", "1.2.3"),  # 7: two problems
        ("morbidity_index", "keusote", 2026, "total"),  # 8: a field short
        ("morbidity_index", "keusote", 1850, "total", "NaN"),  # 9
        ("", "keusote", 2027, "total", "1"),  # 10
        ("morbidity_index", "keusote", 2028, "total", "99999999999"),  # 11
    )
    result = import_values(data)
    assert not result.ok
    assert [e.line for e in result.errors] == [3, 4, 6, 7, 7, 8, 9, 9, 10, 11]
    reasons = dict(lines_and_reasons(result))
    assert "no_such_indicator" in reasons[3]
    assert "atlantis" in reasons[4]
    assert "20x4" in reasons[6]
    assert "too large" in reasons[11]
    assert "has 4 fields but the header has 5" in reasons[8]
    assert IndicatorValue.objects.count() == before
    assert not IndicatorValue.objects.filter(year=2024).exists()


def test_quoted_field_spanning_lines_keeps_line_numbers_right():
    data = csv_bytes(
        ("indicator", "region", "year", "value", "note"),
        'morbidity_index,keusote,2024,88,"two\nlines"',  # lines 2–3
        "morbidity_index,keusote,2025,x,",  # line 4
    )
    result = import_values(data)
    assert [e.line for e in result.errors] == [4]


def test_duplicate_keys_in_one_file_are_an_error():
    data = csv_bytes(
        HEADER,
        ("morbidity_index", "keusote", 2024, "total", "88.4"),
        ("morbidity_index", "186", 2024, "total", "88.4"),
        ("morbidity_index", "KEUSOTE", 2024, "", "88.4"),  # same key as line 2
    )
    result = import_values(data)
    assert lines_and_reasons(result) == [
        (
            4,
            "The same indicator, region, year and gender are already on line 2.",
        )
    ]
    assert not IndicatorValue.objects.filter(year=2024).exists()


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (b"", None, "empty"),
        (b"indicator;region;year\nx;y;2020\n", 1, "value"),
        (b"indicator,region,year,value,Value\n", 1, "twice"),
        (b"indicator,region,year,value\n\n\n", None, "no data rows"),
        (
            b"indicator,region,year,value\nmorbidity_index,keusote,2024,1\n"
            b"morbidity_index,P\xe4ij\xe4nne,2024,1\n",
            3,
            "UTF-8",
        ),
    ],
)
def test_file_level_problems(data, line, fragment):
    result = import_values(data)
    assert len(result.errors) == 1
    assert result.errors[0].line == line
    assert fragment in result.errors[0].reason


def test_size_and_row_limits(monkeypatch):
    monkeypatch.setattr(importer, "MAX_BYTES", 100)
    result = import_values(b"x" * 101)
    assert [e.line for e in result.errors] == [None]
    monkeypatch.setattr(importer, "MAX_BYTES", 5 * 1024 * 1024)
    monkeypatch.setattr(importer, "MAX_ROWS", 2)
    rows = [("morbidity_index", "keusote", 2024 + i, "total", "1") for i in range(3)]
    result = import_values(csv_bytes(HEADER, *rows))
    assert [e.line for e in result.errors] == [4]
    assert not IndicatorValue.objects.filter(year__gte=2024).exists()


def test_empty_value_skips_the_row_and_keeps_what_is_stored():
    real = value("morbidity_index", "106", 2016)
    data = csv_bytes(
        HEADER,
        ("morbidity_index", "106", 2016, "total", ""),  # suppressed in Sotkanet
        ("morbidity_index", "106", 2024, "total", "97"),
    )
    result = import_values(data)
    assert result.ok, result.errors
    assert result.skipped == [2]
    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    assert value("morbidity_index", "106", 2016).value == real.value
    assert "2" in result.skipped_summary()


def test_reimporting_the_same_file_changes_nothing(good_file):
    first = import_values(good_file)
    assert first.created == 3
    snapshot = list(
        IndicatorValue.objects.order_by("pk").values_list("pk", "value", "is_demo")
    )
    second = import_values(good_file)
    assert second.ok
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3)
    assert (
        list(
            IndicatorValue.objects.order_by("pk").values_list("pk", "value", "is_demo")
        )
        == snapshot
    )


def test_changed_values_are_updated_and_demo_values_replaced():
    demo = value("morbidity_index", "keusote", 2020)
    assert demo.is_demo
    real = value("morbidity_index", "keusote", 2016)
    data = csv_bytes(
        HEADER,
        ("morbidity_index", "keusote", 2020, "total", str(demo.value)),
        ("morbidity_index", "keusote", 2016, "total", "90.0"),
        ("morbidity_index", "186", 2016, "total", "94.0"),
    )
    result = import_values(data)
    assert (result.created, result.updated, result.unchanged) == (0, 2, 1)
    demo.refresh_from_db()
    assert demo.is_demo is False  # a real figure now, even at the same value
    real.refresh_from_db()
    assert real.value == Decimal("90.00")
    assert value("morbidity_index", "186", 2016).value == Decimal("94.00")


def test_dry_run_counts_but_saves_nothing(good_file):
    before = IndicatorValue.objects.count()
    result = import_values(good_file, dry_run=True)
    assert result.ok and result.dry_run
    assert result.created == 3
    assert IndicatorValue.objects.count() == before
    assert "nothing was saved" in result.summary()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", Decimal("1.00")),
        ("1,5", Decimal("1.50")),
        ("1.005", Decimal("1.01")),
        ("\u00a01\u00a0234,5 ", Decimal("1234.50")),
        ("-3", Decimal("-3.00")),
        ("1,234.5", None),
        ("abc", None),
        ("inf", None),
    ],
)
def test_parse_decimal(raw, expected):
    assert parse_decimal(raw) == expected


def _rows(n):
    areas = ["keusote", "koko-maa", "106", "186", "505", "543", "611", "858"]
    return [
        ("morbidity_index", areas[i % len(areas)], 2030 + i // len(areas), "total", i)
        for i in range(n)
    ]


@pytest.mark.parametrize("n", [5, 150])
def test_query_count_does_not_grow_with_rows(n, django_assert_max_num_queries):
    # 2 lookups, the savepoint pair, 1 select, 1 insert, 1 update.
    with django_assert_max_num_queries(8):
        result = import_values(csv_bytes(HEADER, *_rows(n)))
    assert result.created == n
    changed = [
        (*row[:4], row[4] + 1) if i % 2 else row for i, row in enumerate(_rows(n))
    ]
    with django_assert_max_num_queries(8):
        result = import_values(csv_bytes(HEADER, *changed))
    assert (result.updated, result.unchanged) == (n // 2, n - n // 2)
