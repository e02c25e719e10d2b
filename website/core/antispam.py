"""Spam defences for the anonymous public forms (feedback, sign-ups, panels).

The order follows DESIGN.md: a honeypot field and a time trap stop most bots
without bothering people; a rate limit per client (allauth's limiter, keyed
on website.core.client_ip) escalates to a captcha only for clients that
exceed it, because django-simple-captcha's audio is English-only and would
shut out Finnish and Swedish screen-reader users if every post needed it.

The rate is consumed atomically when a post is accepted (allauth's limiter
takes a cache lock), not checked first and counted later: parallel posts
cannot all slip past the limit, and a post over it is refused and shown
again with the captcha. Every form rendered for a client over its rate
shows the captcha from the first render.

Forms without a CSRF token (the page widget and the embedded form, which
must work on cached pages and inside other sites' frames) use a stricter
token: short-lived, bound to its form (scope and e.g. the page) and single
use (its id is remembered in the shared cache until it expires). Their
views also refuse cross-site posts (``cross_site_post``).

Usage::

    class FeedbackForm(SpamProtectedForm, forms.ModelForm):
        rate_limit_action = "feedback"   # key in ACCOUNT_RATE_LIMITS

    form = FeedbackForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        ...

Templates need nothing special: the honeypot renders through its own field
template (hidden from people and from assistive technology) and the captcha
appears as an ordinary labelled field when it is required.
"""

import math
import secrets
import time

from allauth.core import ratelimit
from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"
TIMESTAMP_FIELD = "form_started"
_SALT = "website.core.antispam.started"
# A form older than this is stale (its timestamp could be replayed by a bot).
MAX_FORM_AGE = 24 * 60 * 60
# Lifetime of the single-use tokens of forms without CSRF protection. Long
# enough to read a long page before answering "Was this page helpful?" (the
# page cache serves a render at most PAGE_CACHE_SECONDS old, and the widget
# fetches a fresh token anyway); short enough that a harvested token is of
# no use for a campaign, and a person who comes back later only has to send
# the kept answer once more.
SHORT_FORM_AGE = 2 * 60 * 60

CAPTCHA_HELP = _(
    "Many messages have come from your connection in a short time, "
    "so we ask you to confirm that you are a person. If you cannot "
    "read the picture, choose a new one or try again later."
)


def started_token(seconds_ago=0, *, scope="", binding=""):
    """A signed time stamp for the time trap; tests post one from the past.

    ``scope`` names the form kind and ``binding`` what it belongs to (e.g. a
    page id): a token is valid only where both match. The random id makes
    every token distinct, so a single-use form can remember it.
    """
    payload = {"t": time.time() - seconds_ago, "n": secrets.token_urlsafe(12)}
    if binding:
        payload["b"] = str(binding)
    return signing.dumps(payload, salt=f"{_SALT}:{scope}")


def cross_site_post(request, allowed_origins=()):
    """Whether a post comes from another site's page.

    For endpoints without CSRF protection. ``Origin`` (every current browser
    sends it on a POST) must be this site, as Django's CSRF check sees it
    (the host, or CSRF_TRUSTED_ORIGINS), or one of ``allowed_origins``;
    without it, ``Sec-Fetch-Site`` must say same-origin. A request with
    neither (an old browser, a script) passes: the form's token still binds it.
    """
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        own = f"{request.scheme}://{request.get_host()}"
        allowed = {own, *settings.CSRF_TRUSTED_ORIGINS, *allowed_origins}
        return origin not in allowed
    site = request.headers.get("Sec-Fetch-Site", "same-origin")
    return site not in ("same-origin", "none")


class SpamProtectedForm(forms.Form):
    """Honeypot, time trap, and a captcha once the client's rate is exceeded.

    Mix in before forms.Form/ModelForm and pass `request=` to the constructor.
    """

    rate_limit_action = None
    # The stricter token of forms without a CSRF token (module docstring).
    token_scope = ""
    token_max_age = MAX_FORM_AGE
    single_use_token = False

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            template_name="core/includes/honeypot_field.html",
        )
        self.fields[TIMESTAMP_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=self.new_token
        )
        self.captcha_required = False
        if self.rate_exceeded():
            self.require_captcha()

    def token_binding(self):
        """What the token is bound to besides its scope (e.g. a page id)."""
        return ""

    def new_token(self):
        return started_token(scope=self.token_scope, binding=self.token_binding())

    def require_captcha(self):
        self.captcha_required = True
        self.fields["captcha"] = CaptchaField(
            label=_("Type the characters you see in the picture"),
            help_text=CAPTCHA_HELP,
        )

    def rate_exceeded(self):
        if not self.rate_limit_action:
            return False
        return not ratelimit.consume(
            self.request, action=self.rate_limit_action, dry_run=True
        )

    def count_submission(self):
        """Nothing left to do: clean() consumes the rate when it accepts a
        post, atomically. Kept so that callers written for the earlier
        check-then-count order need no change."""

    def _read_token(self):
        """(age in seconds, id) of the posted token, or (None, None)."""
        token = self.data.get(self.add_prefix(TIMESTAMP_FIELD), "")
        try:
            payload = signing.loads(token, salt=f"{_SALT}:{self.token_scope}")
            started = float(payload["t"])
            if str(payload.get("b", "")) != str(self.token_binding()):
                return None, None
            return time.time() - started, str(payload["n"])
        except (signing.BadSignature, TypeError, ValueError, KeyError):
            return None, None

    def _stale(self):
        return forms.ValidationError(
            _(
                "The form has expired or is incomplete. Your answers are kept "
                "below: please check them and send the form again."
            ),
            code="stale",
        )

    def clean(self):
        cleaned = super().clean()
        if self.data.get(self.add_prefix(HONEYPOT_FIELD)):
            raise forms.ValidationError(
                _("The form could not be sent. Please reload the page and try again."),
                code="spam",
            )
        age, token_id = self._read_token()
        if age is None or age > self.token_max_age:
            raise self._stale()
        if age < settings.SPAM_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "The form was sent very quickly. Please check your answers and "
                    "send the form again."
                ),
                code="too_fast",
            )
        if self._errors:
            return cleaned  # nothing is consumed for a post that is refused
        if (
            self.rate_limit_action
            and not self.captcha_required
            and not ratelimit.consume(self.request, action=self.rate_limit_action)
        ):
            # Over the rate since the form was built (a parallel post): no
            # free pass, the captcha is asked for now.
            self.require_captcha()
            raise forms.ValidationError(CAPTCHA_HELP, code="captcha_required")
        if self.single_use_token and not cache.add(
            f"antispam:used:{self.token_scope}:{token_id}",
            True,
            timeout=math.ceil(self.token_max_age - age) + 1,
        ):
            raise self._stale()  # a replay; a person sends the kept answer again
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # A stale, missing or used time stamp is replaced when the form is
        # shown again, so that a person who sends it again is not stopped twice.
        if self.is_bound and self.has_error(NON_FIELD_ERRORS, "stale"):
            self.data = self.data.copy()
            self.data[self.add_prefix(TIMESTAMP_FIELD)] = self.new_token()
