"""Personal data of the workshop sign-up register (website/core/privacy.py)."""

from django.utils.translation import gettext_lazy as _

from website.core import privacy as p

RETENTION = (
    "WORKSHOP_RETENTION_DAYS (default 90 days) after the workshop, then "
    "anonymised by `anonymise_workshop_signups` (counts stay for statistics)."
)
ERASE = (
    "participation.workshops.retention.anonymise (retention) and "
    "retention.erase(signups) (a request handled by staff); both clear the "
    "attendees, send address_erased (which deletes their e-mails)."
)

p.register(
    "workshops.SignUp",
    purpose="Organising a workshop: seats, waiting list, reminders, special needs.",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export="The signed sign-up link (the person); staff's sign-up list and CSV.",
    erase=ERASE,
    fields={
        "name": p.NAME,
        "email": p.EMAIL,
        "phone": p.PHONE,
        "dietary": p.FREE_TEXT,
        "accessibility": p.FREE_TEXT,
        "free_text": p.FREE_TEXT,
        "user": p.ACCOUNT,
    },
    not_personal={
        "organisation_name": "name of an organisation, not of a person",
        "organisation_key": "normalised organisation name or Business ID",
    },
)
p.register(
    "workshops.Attendee",
    purpose="Names of the people a sign-up brings, for the attendance list.",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export="With the sign-up.",
    erase=ERASE,
    fields={"name": p.NAME},
)
p.register(
    "workshops.WorkshopPage",
    purpose="The organiser's address for capacity notices.",
    legal_basis=p.PUBLIC_TASK,
    retention="While the page exists (staff edit it).",
    export="Wagtail admin, the page.",
    erase="Staff edit the page.",
    fields={"staff_email": p.EMAIL},
    not_personal={
        "introduction": "editorial content",
        "address": "address of the venue",
        "ask_free_text": "a switch",
        "free_text_label": "editorial content",
        "consent_text": "editorial content",
    },
)

# The privacy notice residents read (fi/sv), next to the sign-up form.
p.notice(
    "workshops",
    models=["workshops.SignUp", "workshops.Attendee"],
    title=_("Workshop sign-ups"),
    purpose=_(
        "Organising the workshop you sign up for: seats, the waiting list, "
        "reminders and the special needs you tell us about."
    ),
    legal_basis=p.PUBLIC_TASK_TEXT,
    retention=_(
        "90 days after the workshop. Then names and contact details are "
        "erased; only the numbers of participants stay."
    ),
    recipients=_(
        "The workshop's organisers at the welfare area. The data is not "
        "disclosed to others or transferred outside the EU and EEA."
    ),
    rights=_(
        "The link in your confirmation e-mail shows your sign-up and lets you "
        "change or cancel it. You also have the right to have your data "
        "corrected or erased and to lodge a complaint with the Data Protection "
        "Ombudsman (tietosuoja.fi)."
    ),
    order=20,
)

p.not_personal("workshops.WorkshopIndexPage", "editorial page content written by staff")
