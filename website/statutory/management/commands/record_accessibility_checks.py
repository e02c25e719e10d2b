from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from website.statutory.checks import BY_KEY, results_from_junit
from website.statutory.models import AccessibilityCheck


class Command(BaseCommand):
    help = (
        "Record the automated accessibility checks the accessibility statement "
        "lists: from a pytest JUnit report (--junit report.xml, each check "
        "passed when its tests ran without a failure) or by name as passed."
    )

    def add_arguments(self, parser):
        parser.add_argument("checks", nargs="*", help=f"one of {', '.join(BY_KEY)}")
        parser.add_argument("--junit", help="pytest --junitxml report")

    def handle(self, *args, checks, junit, **options):
        unknown = set(checks) - set(BY_KEY)
        if unknown:
            raise CommandError(f"unknown checks: {', '.join(sorted(unknown))}")
        results = {key: True for key in checks}
        if junit:
            results.update(results_from_junit(junit))
        if not results:
            raise CommandError("nothing to record: name checks or give --junit")
        now = timezone.now()
        for key, passed in results.items():
            AccessibilityCheck.objects.update_or_create(
                key=key, defaults={"checked_at": now, "passed": passed}
            )
            self.stdout.write(f"{key}: {'passed' if passed else 'FAILED'}")
