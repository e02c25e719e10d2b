"""The automated accessibility checks the test suite runs, by name: what the
accessibility statement lists as "how the site was assessed". A run is
recorded by ``manage.py record_accessibility_checks`` (from the test run's
JUnit report, or by name) into `AccessibilityCheck`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    tests: tuple  # test modules (paths) whose passing run is this check


CHECKS = (
    Check(
        "axe",
        _(
            "axe-core: the WCAG 2.1 level A and AA rules on every public page "
            "type, in Finnish and Swedish, in a real browser"
        ),
        ("tests/browser/test_accessibility.py",),
    ),
    Check(
        "nu",
        _("W3C Nu HTML Checker: valid HTML on every public page type"),
        ("tests/test_html_validity.py",),
    ),
    Check(
        "keyboard",
        _("Keyboard tests: menus, forms and the map used with a keyboard only"),
        ("tests/browser/test_keyboard.py", "tests/browser/test_keyboard_forms.py"),
    ),
    Check(
        "languages",
        _("Language tests: every text in Finnish and Swedish, and the language switch"),
        ("tests/test_translations.py", "tests/browser/test_language_switch.py"),
    ),
)
BY_KEY = {check.key: check for check in CHECKS}


def module_name(path):
    """'tests/browser/test_x.py' -> 'tests.browser.test_x' (JUnit classname)."""
    return path.removesuffix(".py").replace("/", ".")


def results_from_junit(path):
    """{check key: passed} for the checks a JUnit XML report ran: passed when
    at least one of its tests ran and none failed or errored."""
    from xml.etree import ElementTree

    counts = {check.key: [0, 0] for check in CHECKS}  # [ran, failed]
    for case in ElementTree.parse(path).iter("testcase"):
        classname = case.get("classname", "")
        if case.find("skipped") is not None:
            continue
        failed = case.find("failure") is not None or case.find("error") is not None
        for check in CHECKS:
            if any(
                classname == module_name(t)
                or classname.startswith(module_name(t) + ".")
                for t in check.tests
            ):
                counts[check.key][0] += 1
                counts[check.key][1] += failed
    return {key: failed == 0 for key, (ran, failed) in counts.items() if ran}
