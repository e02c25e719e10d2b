"""E-mail in the recipient's language, rendered from templates.

One set of templates per message, translated with gettext under the
recipient's language, so every e-mail exists in Finnish and Swedish:

    templates/<prefix>_subject.txt   one line
    templates/<prefix>.txt           plain text (always sent)
    templates/<prefix>.html          optional HTML alternative

Send from a background task (django-tasks) queued with
`transaction.on_commit`, so that a failing mail server never loses the
record that caused the mail.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


def render_email(prefix, context, language):
    """(subject, text, html or None) rendered in `language`."""
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language}
        subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
        text = render_to_string(f"{prefix}.txt", context)
        try:
            html = render_to_string(f"{prefix}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def send_email(prefix, context, to, language, attachments=(), reply_to=None):
    """Render and send one message; `attachments` are (name, content, mimetype).

    Returns the number of messages sent (1), raising on a mail-server error so
    that the calling task can record the failure and retry.
    """
    subject, text, html = render_email(prefix, context, language)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [to] if isinstance(to, str) else list(to),
        reply_to=reply_to,
        headers={"Content-Language": language},
    )
    if html:
        message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message.send()
