"""The demo's settings (website.settings.demo) for the burst tests only:
the public forms' per-IP rate limits would turn 100 posts from 127.0.0.1
into a captcha test, and the time trap would reject forms posted at machine
speed (as in benchmarks/load_settings.py). Everything else is the demo's."""

from website.settings.demo import *  # noqa: F401,F403

ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
SPAM_MIN_FILL_SECONDS = 0
