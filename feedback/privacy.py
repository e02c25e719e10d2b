"""Personal data of the feedback register (website/core/privacy.py)."""

from django.utils.translation import gettext_lazy as _

from website.core import privacy as p

RETENTION = (
    "FEEDBACK_RETENTION_DAYS (default 1,095 days) after it was received, then "
    "anonymised by `purge_feedback` (score, unit, channel, language and date "
    "stay for statistics)."
)
ERASE = (
    'feedback.services.erase: the handler\'s "Erase personal data" action, the '
    "giver's personal link and `purge_feedback --contact-email ADDRESS`; "
    "clears the feedback, every handling event (texts and reply addresses) "
    "and sends address_erased."
)

p.register(
    "feedback.Feedback",
    purpose="Handling and answering a resident's feedback.",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export=(
        "The handler's feedback view (handlers of the unit); a giver who left an "
        "e-mail address: the personal link in the reply e-mail "
        "(feedback/selfservice.py: see, JSON download, erase); others ask the "
        "registry office."
    ),
    erase=ERASE,
    fields={
        "text": p.FREE_TEXT,
        "contact_name": p.NAME,
        "contact_email": p.EMAIL,
        "contact_phone": p.PHONE,
        "internal_notes": p.FREE_TEXT,
        "assigned_to": p.ACCOUNT,
        "entered_by": p.ACCOUNT,
    },
    not_personal={
        "alert_reason": "names of the alert rules that matched (e.g. nps, keyword)",
    },
)
p.register(
    "feedback.FeedbackEvent",
    purpose="Handling history: transfers, replies sent to the giver, notes.",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export="The handler's feedback view, with the feedback.",
    erase=ERASE,
    fields={
        "text": p.FREE_TEXT,
        "sent_to": p.EMAIL,
        "user": p.ACCOUNT,
        "assignee": p.ACCOUNT,
    },
)
p.register(
    "feedback.ServiceUnit",
    purpose="Which staff members handle a unit's feedback.",
    legal_basis=p.PUBLIC_TASK,
    retention="While the person handles the unit (staff edit the list).",
    export="Wagtail admin, service units.",
    erase="Removing the handler from the unit, or deleting the account.",
    fields={"handlers": p.ACCOUNT},
    not_personal={
        "name_fi": "name of a service unit",
        "name_sv": "name of a service unit",
    },
)
p.not_personal("feedback.FeedbackFormPage", "editorial page content written by staff")

# The privacy notice residents read (fi/sv), next to every feedback form.
p.notice(
    "feedback",
    models=["feedback.Feedback", "feedback.FeedbackEvent"],
    title=_("Feedback"),
    purpose=_(
        "Handling your feedback, improving services and, if you ask for it, "
        "answering you."
    ),
    legal_basis=p.PUBLIC_TASK_TEXT,
    retention=_(
        "Three years after the feedback was received. Then your contact "
        "details and free text are erased; the score, unit and date stay for "
        "statistics."
    ),
    recipients=_(
        "Only the handlers of the unit your feedback is about. The data is not "
        "disclosed to others or transferred outside the EU and EEA."
    ),
    rights=p.RIGHTS,
    order=10,
)
