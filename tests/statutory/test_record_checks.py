import pytest
from django.core.management import CommandError, call_command

from website.statutory.models import AccessibilityCheck

pytestmark = pytest.mark.django_db

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.browser.test_accessibility" name="test_axe[home-fi]"/>
<testcase classname="tests.browser.test_accessibility" name="test_axe[home-sv]"/>
<testcase classname="tests.test_html_validity" name="test_nu[home-fi]">
  <failure message="error">Element p not allowed</failure></testcase>
<testcase classname="tests.browser.test_keyboard" name="test_menu">
  <skipped message="no browser"/></testcase>
<testcase classname="tests.test_demo" name="test_other"/>
</testsuite></testsuites>
"""


def test_junit_report_records_passed_and_failed_checks(tmp_path):
    AccessibilityCheck.objects.all().delete()
    report = tmp_path / "report.xml"
    report.write_text(REPORT)
    call_command("record_accessibility_checks", junit=str(report))
    recorded = dict(AccessibilityCheck.objects.values_list("key", "passed"))
    # Skipped-only and unrelated tests record nothing.
    assert recorded == {"axe": True, "nu": False}


def test_checks_by_name_and_unknown_names():
    AccessibilityCheck.objects.all().delete()
    call_command("record_accessibility_checks", "keyboard")
    assert AccessibilityCheck.objects.get(key="keyboard").passed
    with pytest.raises(CommandError):
        call_command("record_accessibility_checks", "lighthouse")
