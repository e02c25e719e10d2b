"""E-mail: one queued, retried outbox for every message.

Messages are rendered in the recipient's language from one set of templates
per message, translated with gettext, so every e-mail exists in Finnish and
Swedish:

    templates/<prefix>_subject.txt   one line
    templates/<prefix>.txt           plain text (always sent)
    templates/<prefix>.html          optional HTML alternative

`send_email` never talks to a mail server: it writes the message to the
outbox (django-post-office's `Email` table, in the caller's transaction) and
has `deliver_mail` run once that transaction commits. `QueueBackend` (the
EMAIL_BACKEND setting) puts what Django, allauth and Wagtail send into the
same outbox. `deliver_mail` (a django-tasks task, also run every minute by
the scheduler) claims one due message at a time, sends it through the
transport in POST_OFFICE["BACKENDS"]["default"] and retries a failure after a
growing interval (MAIL_RETRY_SECONDS) until POST_OFFICE["MAX_RETRIES"];
then the message stays in the outbox as failed, listed for staff in the
admin (website/core/mail_admin.py) with a retry action.

Why not post_office's own `send_queued`: it claims nothing (a file lock
keeps two senders apart on one machine only), marks a batch sent only after
the whole batch and retries at a fixed interval; why not its EmailBackend:
it renders every queued text once more as a Django template, so a "{{" typed
by a resident or a handler would be changed. See docs/operations.md ("Mail").
"""

import datetime
import logging
import smtplib
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from email.utils import parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from website.core import privacy

logger = logging.getLogger(__name__)

# Errors about one message only: the next message may well go through.
MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
)


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


def mime_attachment(name, content, mimetype, **params):
    """A text attachment as a MIME part whose Content-Type carries
    parameters, e.g. a calendar invitation's ``method=PUBLISH`` (mail
    programs offer "add to calendar" from it): UTF-8, base64, the file name
    encoded per RFC 2231 when it is not ASCII. The outbox keeps such a
    part's headers as they are (post_office's Attachment.headers)."""
    maintype, subtype = mimetype.split("/", 1)
    part = MIMEText(content, subtype, "utf-8")
    for key, value in params.items():
        part.set_param(key, value)
    part.set_param("name", name)
    part.add_header("Content-Disposition", "attachment", filename=name)
    return part


def send_email(prefix, context, to, language, attachments=(), reply_to=None):
    """Render one message in `language` and queue it; `attachments` are
    (name, content, mimetype) or MIME parts (`mime_attachment`). Returns the
    number of messages queued (1).

    No mail server is contacted here: the message is stored in the caller's
    transaction and delivered after it commits, with retries."""
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
    for attachment in attachments:
        if isinstance(attachment, MIMEBase):
            message.attach(attachment)
        else:
            message.attach(*attachment)
    return queue_messages([message])


def text_as_html(subject, text, language):
    """The HTML part of a message written as plain text (allauth's, Wagtail's
    and ours without an .html template): the same words, links clickable,
    in an accessible page with the message's language."""
    return render_to_string(
        "core/mail/text_as_html.html",
        {"subject": subject, "text": text, "language": language},
    )


class QueueBackend(BaseEmailBackend):
    """EMAIL_BACKEND: whatever Django, allauth or Wagtail send is queued in
    the outbox like our own mail, so no request waits for a mail server."""

    def send_messages(self, email_messages):
        return queue_messages(email_messages)


def _attachment(part):
    """(name, bytes, mimetype, headers or None) of an EmailMessage
    attachment. A MIME part is stored as it would be sent (its encoded
    payload) with all its headers, which post_office puts back on delivery,
    so parameters such as a calendar's ``method`` survive the outbox."""
    if isinstance(part, MIMEBase):
        payload = part.get_payload()
        if not isinstance(payload, str):  # a multipart part: keep its content
            return (
                part.get_filename() or "attachment",
                part.as_bytes(),
                part.get_content_type(),
                None,
            )
        headers = {key: value for key, value in part.items() if key != "MIME-Version"}
        return (
            part.get_filename() or "attachment",
            payload.encode("ascii", "surrogateescape"),
            part.get_content_type(),
            headers,
        )
    name, content, mimetype = part
    if isinstance(content, str):
        content = content.encode()
    return name, content, mimetype or "", None


def queue_messages(messages):
    """Store Django EmailMessages in the outbox as they are (no rendering);
    the delivery task runs after the transaction commits."""
    from post_office.models import PRIORITY, STATUS, Attachment, Email

    count = 0
    for message in messages:
        headers = dict(message.extra_headers)
        if message.reply_to:
            headers.setdefault("Reply-To", ", ".join(message.reply_to))
        elif settings.MAIL_REPLY_TO:
            headers.setdefault("Reply-To", settings.MAIL_REPLY_TO)
        headers.setdefault("Content-Language", translation.get_language() or "fi")
        text, html = message.body, ""
        for content, mimetype in getattr(message, "alternatives", ()):
            if mimetype == "text/html":
                html = content
        if message.content_subtype == "html":
            text, html = "", message.body
        if text and not html:
            html = text_as_html(message.subject, text, headers["Content-Language"])
        email = Email(
            from_email=message.from_email,
            to=message.to,
            cc=message.cc,
            bcc=message.bcc,
            subject=message.subject,
            message=text,
            html_message=html,
            headers=headers or None,
            status=STATUS.queued,
            priority=PRIORITY.medium,
            number_of_retries=0,
        )
        email.save()
        for part in message.attachments:
            name, content, mimetype, part_headers = _attachment(part)
            attachment = Attachment(name=name, mimetype=mimetype, headers=part_headers)
            attachment.file.save(name, ContentFile(content), save=True)
            attachment.emails.add(email)
        count += 1
    if count:
        _deliver_on_commit()
    return count


def _deliver_on_commit():
    """Enqueue `deliver_mail` after the transaction commits, once per
    transaction: skipped while a registration is pending (registered and
    not run yet; a rolled-back one is no longer listed)."""
    connection = transaction.get_connection()
    pending = getattr(connection, "mail_delivery_pending", False) and any(
        func is _enqueue_delivery for _ids, func, _robust in connection.run_on_commit
    )
    if connection.in_atomic_block and pending:
        return
    connection.mail_delivery_pending = True
    transaction.on_commit(_enqueue_delivery, robust=True)


def _enqueue_delivery():
    transaction.get_connection().mail_delivery_pending = False
    deliver_mail.enqueue()


# --- Delivery ---------------------------------------------------------------


def _due(now):
    from post_office.models import STATUS

    return (
        Q(status__in=[STATUS.queued, STATUS.requeued])
        & (Q(scheduled_time__isnull=True) | Q(scheduled_time__lte=now))
        & (Q(expires_at__isnull=True) | Q(expires_at__gt=now))
    )


def claim(now=None):
    """Take one due message for this worker, or None.

    The claim moves the message's scheduled time MAIL_CLAIM_SECONDS ahead in
    a compare-and-set UPDATE: of two workers that read the same message,
    only the first update matches (PostgreSQL re-reads the row after the
    first commit; SQLite runs one writer at a time). If the worker dies
    before it records the outcome, the message becomes due again when the
    claim runs out and is sent then."""
    from post_office.models import Email

    now = now or timezone.now()
    until = now + datetime.timedelta(seconds=settings.MAIL_CLAIM_SECONDS)
    candidates = (
        Email.objects.filter(_due(now))
        .order_by("-priority", "pk")
        .values_list("pk", "scheduled_time")[:20]
    )
    for pk, scheduled in candidates:
        unchanged = (
            Q(scheduled_time=scheduled)
            if scheduled is not None
            else Q(scheduled_time__isnull=True)
        )
        if (
            Email.objects.filter(_due(now), unchanged, pk=pk).update(
                scheduled_time=until, last_updated=now
            )
            == 1
        ):
            return Email.objects.get(pk=pk)
    return None


def retry_delay(failures):
    """Seconds to wait after the `failures`-th failed attempt."""
    first, longest = settings.MAIL_RETRY_SECONDS
    return min(first * 2 ** (failures - 1), longest)


def _record_sent(email, now):
    from post_office.models import STATUS, Email, Log

    Email.objects.filter(pk=email.pk).update(
        status=STATUS.sent, scheduled_time=None, last_updated=now
    )
    Log.objects.create(email=email, status=STATUS.sent, message="")


def _record_failure(email, error, now):
    from post_office.models import STATUS, Email, Log

    failures = (email.number_of_retries or 0) + 1
    if failures > settings.POST_OFFICE["MAX_RETRIES"]:
        status, scheduled = STATUS.failed, None
    else:
        status = STATUS.requeued
        scheduled = now + datetime.timedelta(seconds=retry_delay(failures))
    Email.objects.filter(pk=email.pk).update(
        status=status,
        number_of_retries=failures,
        scheduled_time=scheduled,
        last_updated=now,
    )
    Log.objects.create(
        email=email,
        status=STATUS.failed,
        message=str(error)[:2000],
        exception_type=type(error).__name__,
    )
    return status


def deliver_queued(now=None, limit=500):
    """Send due messages one by one; returns (sent, failed attempts).

    Each message is marked sent right after the server took it, so a worker
    killed in the middle of a run re-sends at most the message it was on.
    A connection-level error ends the run: the server is down for every
    message, and the others keep their place in the queue."""
    from post_office.settings import get_backend

    sent = failed = 0
    connection = None
    try:
        while sent + failed < limit:
            email = claim(now)
            if email is None:
                break
            try:
                message = email.prepare_email_message()
                if message.recipients():
                    if connection is None:
                        connection = get_connection(get_backend())
                    connection.send_messages([message])
            except Exception as error:  # noqa: BLE001 - every failure is retried
                logger.warning("Mail %s not sent: %s", email.pk, type(error).__name__)
                _record_failure(email, error, now or timezone.now())
                failed += 1
                if not isinstance(error, MESSAGE_ERRORS):
                    break
                continue
            _record_sent(email, now or timezone.now())
            sent += 1
    finally:
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - the server may be gone already
                pass
    return sent, failed


@task()
def deliver_mail():
    """Deliver the outbox (enqueued after mail is queued, and every minute
    by the scheduler so that retries fall due without new mail)."""
    return deliver_queued()


def requeue(queryset):
    """Staff's retry: due now, with a fresh count of attempts. Returns how
    many messages were requeued (messages already sent are left alone)."""
    from post_office.models import STATUS

    count = queryset.exclude(status=STATUS.sent).update(
        status=STATUS.requeued,
        scheduled_time=None,
        number_of_retries=0,
        last_updated=timezone.now(),
    )
    if count:
        _deliver_on_commit()
    return count


# --- Readiness, retention, erasure -----------------------------------------


def check_outbox(now=None):
    """(ok, detail) for /readyz: not ok when a message failed for good in
    the last MAIL_READY_FAILED_HOURS, or a due message has waited more than
    MAIL_READY_QUEUED_MINUTES (the worker or the mail server is not
    working)."""
    from post_office.models import STATUS, Email

    now = now or timezone.now()
    since = now - datetime.timedelta(hours=settings.MAIL_READY_FAILED_HOURS)
    failed = Email.objects.filter(status=STATUS.failed, last_updated__gte=since)
    failed = failed.count()
    if failed:
        return False, f"mail: {failed} failed in {settings.MAIL_READY_FAILED_HOURS} h"
    waited = now - datetime.timedelta(minutes=settings.MAIL_READY_QUEUED_MINUTES)
    stuck = Email.objects.filter(
        status__in=[STATUS.queued, STATUS.requeued], created__lt=waited
    ).count()
    if stuck:
        return False, (
            f"mail: {stuck} waiting over {settings.MAIL_READY_QUEUED_MINUTES} min"
        )
    return True, "mail: ok"


def _delete_emails(emails):
    """Delete messages with their logs and the attachment files that only
    they used; returns the number of messages deleted."""
    from post_office.models import Attachment, Email

    ids = list(emails.values_list("pk", flat=True))
    if not ids:
        return 0
    files = set(Attachment.objects.filter(emails__in=ids).values_list("pk", flat=True))
    Email.objects.filter(pk__in=ids).delete()
    for attachment in Attachment.objects.filter(pk__in=files, emails=None):
        attachment.file.delete(save=False)
        attachment.delete()
    return len(ids)


def purge_mail(now=None):
    """Delete sent messages older than MAIL_KEEP_DAYS, failed ones older
    than MAIL_KEEP_FAILED_DAYS and delivery logs older than MAIL_KEEP_DAYS.
    Returns the number of messages deleted."""
    from post_office.models import STATUS, Email, Log

    now = now or timezone.now()
    keep = now - datetime.timedelta(days=settings.MAIL_KEEP_DAYS)
    keep_failed = now - datetime.timedelta(days=settings.MAIL_KEEP_FAILED_DAYS)
    deleted = _delete_emails(
        Email.objects.filter(
            Q(status=STATUS.sent, last_updated__lt=keep)
            | Q(status=STATUS.failed, last_updated__lt=keep_failed)
        )
    )
    Log.objects.filter(date__lt=keep).delete()
    return deleted


@task()
def purge_mail_task():
    return purge_mail()


def erase_address(address):
    """Delete every message (queued, sent or failed) to, cc or bcc
    `address`, with its logs and attachments; returns how many.

    For the erasure paths of personal data: the outbox holds the address
    and, in the text, whatever the message said about the person."""
    from post_office.models import Email

    address = (address or "").strip().lower()
    if not address:
        return 0
    candidates = Email.objects.filter(
        Q(to__icontains=address) | Q(cc__icontains=address) | Q(bcc__icontains=address)
    )
    ids = [
        email.pk
        for email in candidates.only("to", "cc", "bcc")
        if any(
            parseaddr(value)[1].lower() == address
            for value in [*email.to, *email.cc, *email.bcc]
        )
    ]
    return _delete_emails(Email.objects.filter(pk__in=ids))


def status_label(status):
    """The outbox status in the admin's language."""
    from post_office.models import STATUS

    return {
        STATUS.sent: _("sent"),
        STATUS.failed: _("failed"),
        STATUS.queued: _("queued"),
        STATUS.requeued: _("waiting for retry"),
    }.get(status, "")


def _erase_on_signal(sender, address, **kwargs):
    erase_address(address)


def connect():
    """Erase the outbox's copies whenever a register erases an address
    (website.core.privacy.address_erased)."""
    privacy.address_erased.connect(_erase_on_signal, dispatch_uid="mail-erase-address")
