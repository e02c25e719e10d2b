import time
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand

from website.associations.demo import load_associations
from website.core import demo
from website.core.demo_pages import ensure_statutory_pages
from website.home.demo import compose_home
from website.indicators.demo import load_demo_series
from website.plan.demo.loader import load_plan
from website.programs.demo import ensure_program_page, load_programs
from website.report.demo import load_report
from website.search.analysis import voikko_available
from website.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Build the bilingual demo site from the source documents' real content. "
        "Safe to run again: only what is missing is created."
    )

    def handle(self, **options):
        started = time.monotonic()
        fi, sv = demo.ensure_locales()
        home_fi, home_sv = demo.ensure_home_pages(fi, sv)
        group = demo.ensure_roles([home_fi, home_sv])
        created_users = demo.ensure_users(group)
        summary = load_plan(home_fi, fi, sv)
        summary.update(load_demo_series())
        summary.update(load_programs(fi, sv))
        ensure_program_page(home_fi, fi, sv)
        summary.update(load_report(home_fi, fi, sv))
        summary.update(load_associations(home_fi, fi, sv))
        ensure_statutory_pages(home_fi, sv)
        for name in settings.DEMO_CONTENT_LOADERS:
            summary.update(_optional_loader(name)(home_fi, fi, sv) or {})
        summary.update(compose_home(home_fi, fi, sv))
        rebuild(write=lambda message: None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {time.monotonic() - started:.1f} s: "
                + ", ".join(f"{k} {v}" for k, v in summary.items())
            )
        )
        if not voikko_available():
            self.stdout.write(
                self.style.WARNING(
                    "Voikko is not installed: Finnish search uses Snowball stemming "
                    "only. For lemmatised search: apt-get install libvoikko1 voikko-fi"
                )
            )
        if created_users:
            self.stdout.write(f"Created demo users: {', '.join(created_users)}")


def _optional_loader(module_name):
    """`load(home_fi, fi, sv)` of a participation-side demo module; the
    publishing side never imports that side directly (docs/architecture.md)."""
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return lambda *args: {}
    return module.load
