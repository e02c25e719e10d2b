import io

import pytest
from django.core.management import CommandError, call_command

from website.indicators.models import IndicatorValue

from .conftest import HEADER, csv_bytes

pytestmark = pytest.mark.django_db


def test_command_imports_and_prints_the_summary(tmp_path, good_file, capsys):
    path = tmp_path / "values.csv"
    path.write_bytes(good_file)
    call_command("import_indicator_values", str(path))
    out = capsys.readouterr().out
    assert "New values: 3, updated: 0, unchanged: 0" in out
    assert IndicatorValue.objects.filter(year=2024).count() == 3
    call_command("import_indicator_values", str(path))
    assert "New values: 0, updated: 0, unchanged: 3" in capsys.readouterr().out


def test_dry_run_saves_nothing(tmp_path, good_file, capsys):
    path = tmp_path / "values.csv"
    path.write_bytes(good_file)
    call_command("import_indicator_values", str(path), "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert not IndicatorValue.objects.filter(year=2024).exists()


def test_errors_go_to_stderr_and_exit_non_zero(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(
        csv_bytes(
            HEADER,
            ("morbidity_index", "keusote", 2024, "total", "88.4"),
            ("nope", "keusote", 2024, "total", "1"),
        )
    )
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported") as error:
        call_command("import_indicator_values", str(path), stderr=stderr)
    # run_from_argv (manage.py) exits with this status.
    assert error.value.returncode != 0
    assert 'line 3: Unknown indicator "nope"' in stderr.getvalue()
    assert not IndicatorValue.objects.filter(year=2024).exists()


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_indicator_values", str(tmp_path / "missing.csv"))
