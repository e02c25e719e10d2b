"""E-mails of the panels, sent in the member's language from background
tasks (queued after commit; arguments are primary keys)."""

from django.utils import timezone
from django_tasks import task

from website.core.i18n import localized
from website.core.mail import send_email

from . import services
from .models import Member, Round


@task()
def send_member_mail(member_id, kind):
    """kind: "confirm" (double opt-in), "welcome" (after confirming, with the
    self-service link) or "already" (the address had already joined)."""
    member = Member.objects.select_related("panel").filter(pk=member_id).first()
    if member is None:
        return 0
    language = member.language
    context = {
        "panel_name": localized(member.panel, "name", language),
        "self_service_url": services.self_service_url(member),
    }
    if kind == "confirm":
        context["confirm_url"] = services.confirm_url(member)
    return send_email(f"panels/email/{kind}", context, member.email, language)


@task()
def send_round_mails(round_id, kind):
    """kind: "invitation" (members not yet sent) or "reminder" (sent, not
    answered). Each member gets their own link in their own language."""
    round_ = Round.objects.select_related("panel").filter(pk=round_id).first()
    if round_ is None or round_.status != Round.Status.OPEN:
        return 0
    invitations = round_.invitations.select_related("member")
    if kind == "invitation":
        invitations = invitations.filter(sent_at__isnull=True)
    else:
        invitations = invitations.filter(sent_at__isnull=False, answered=False)
    sent = 0
    for invitation in invitations:
        member = invitation.member
        language = member.language
        context = {
            "panel_name": localized(round_.panel, "name", language),
            "round_title": localized(round_, "title", language),
            "closes_at": round_.closes_at,
            "answer_url": services.invitation_url(invitation, language),
            "self_service_url": services.self_service_url(member),
        }
        send_email(f"panels/email/{kind}", context, member.email, language)
        if kind == "invitation":
            invitation.sent_at = timezone.now()
            invitation.save(update_fields=["sent_at"])
        else:
            invitation.reminded = True
            invitation.save(update_fields=["reminded"])
        sent += 1
    return sent
