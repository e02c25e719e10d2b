"""Production settings (website.settings.production) for the two-instance
test, with two differences that do not touch what is tested:

- static files come from the apps' folders (no collectstatic, whose
  manifest the production storage needs, for each test run);
- the workshop sign-up's per-IP rate limit is lifted, so that 40 sign-ups
  from 127.0.0.1 test the seat count and not the captcha. The other limits
  (feedback, login) stay production's: the test checks that they are shared.
"""

from website.settings.production import *  # noqa: F401,F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
ACCOUNT_RATE_LIMITS = {
    action: rate
    for action, rate in ACCOUNT_RATE_LIMITS.items()  # noqa: F405
    if action != "workshop_signup"
}
