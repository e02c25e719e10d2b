"""What every public form shares beyond its fields: the stated length limit
of free-text fields (the character counter's fallback without JavaScript).

The error summary is templates/includes/form_errors.html; the focus and the
live counter are static/js/forms.js (it counts any textarea with a
maxlength, whose limit Django also enforces on the server)."""

from django import forms
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import ngettext_lazy


def _limit_text(n):
    return ngettext_lazy(
        "At most %(n)s character.", "At most %(n)s characters.", "n"
    ) % {"n": n}


limit_text = lazy(_limit_text, str)


def state_text_limits(form):
    """Append 'At most N characters.' to the help text of every limited
    textarea of `form` (call at the end of the form's __init__)."""
    for field in form.fields.values():
        limit = getattr(field, "max_length", None)
        if not limit or not isinstance(field.widget, forms.Textarea):
            continue
        if field.help_text:
            field.help_text = format_lazy("{} {}", field.help_text, limit_text(limit))
        else:
            field.help_text = limit_text(limit)
