"""Spam defences for the anonymous public forms (feedback, sign-ups, panels).

The order follows DESIGN.md: a honeypot field and a time trap stop most bots
without bothering people; a rate limit per client (allauth's limiter, keyed
on the IP behind ACCOUNT_TRUSTED_PROXY_COUNT proxies) escalates to a captcha
only for clients that exceed it, because django-simple-captcha's audio is
English-only and would shut out Finnish and Swedish screen-reader users if
every post needed it.

Usage::

    class FeedbackForm(SpamProtectedForm, forms.ModelForm):
        rate_limit_action = "feedback"   # key in ACCOUNT_RATE_LIMITS

    form = FeedbackForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        form.count_submission()          # consumes one unit of the rate
        ...

Templates need nothing special: the honeypot renders through its own field
template (hidden from people and from assistive technology) and the captcha
appears as an ordinary labelled field when it is required.
"""

import time

from allauth.core import ratelimit
from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"
TIMESTAMP_FIELD = "form_started"
_SALT = "website.core.antispam.started"
# A form older than this is stale (its timestamp could be replayed by a bot).
MAX_FORM_AGE = 24 * 60 * 60


def min_fill_seconds():
    """Seconds a person needs at least to fill a form (SPAM_MIN_FILL_SECONDS)."""
    return getattr(settings, "SPAM_MIN_FILL_SECONDS", 3)


def started_token(seconds_ago=0):
    """A signed time stamp for the time trap; tests post one from the past."""
    return signing.dumps(time.time() - seconds_ago, salt=_SALT)


class SpamProtectedForm(forms.Form):
    """Honeypot, time trap, and a captcha once the client's rate is exceeded.

    Mix in before forms.Form/ModelForm and pass `request=` to the constructor.
    """

    rate_limit_action = None

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
            required=False, widget=forms.HiddenInput, initial=started_token
        )
        self.captcha_required = self.rate_exceeded()
        if self.captcha_required:
            self.fields["captcha"] = CaptchaField(
                label=_("Type the characters you see in the picture"),
                help_text=_(
                    "Many messages have come from your connection in a short time, "
                    "so we ask you to confirm that you are a person. If you cannot "
                    "read the picture, choose a new one or try again later."
                ),
            )

    def rate_exceeded(self):
        if not self.rate_limit_action:
            return False
        return not ratelimit.consume(
            self.request, action=self.rate_limit_action, dry_run=True
        )

    def count_submission(self):
        """Call once a valid submission is accepted."""
        if self.rate_limit_action:
            ratelimit.consume(self.request, action=self.rate_limit_action)

    def clean(self):
        cleaned = super().clean()
        if self.data.get(self.add_prefix(HONEYPOT_FIELD)):
            raise forms.ValidationError(
                _("The form could not be sent. Please reload the page and try again."),
                code="spam",
            )
        token = self.data.get(self.add_prefix(TIMESTAMP_FIELD), "")
        try:
            age = time.time() - float(signing.loads(token, salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            age = None
        if age is None or age > MAX_FORM_AGE:
            raise forms.ValidationError(
                _(
                    "The form has expired or is incomplete. Your answers are kept "
                    "below: please check them and send the form again."
                ),
                code="stale",
            )
        if age < min_fill_seconds():
            raise forms.ValidationError(
                _(
                    "The form was sent very quickly. Please check your answers and "
                    "send the form again."
                ),
                code="too_fast",
            )
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # A stale or missing time stamp is replaced when the form is shown
        # again, so that a person who sends it again is not stopped twice.
        if self.is_bound and self.has_error(NON_FIELD_ERRORS, "stale"):
            self.data = self.data.copy()
            self.data[self.add_prefix(TIMESTAMP_FIELD)] = started_token()
