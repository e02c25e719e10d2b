"""Production settings for the load test only: the public forms' per-IP
rate limits would turn every POST from 127.0.0.1 into a captcha after a few
requests, and the time trap would reject a form posted at machine speed.
Everything else (middleware, page cache, security) is production's."""

from website.settings.production import *  # noqa: F401,F403

ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
SPAM_MIN_FILL_SECONDS = 0
