"""Personal data of the association register (website/core/privacy.py)."""

from django.utils.translation import gettext_lazy as _

from website.core import privacy as p

RETENTION = (
    "While the person represents the association. Pending or rejected "
    "requests, decided change requests and the entry's history for "
    "moderators (website/associations/history.py): ASSOCIATION_RETENTION_DAYS "
    "(default 365) days. Accounts whose e-mail was never verified: "
    "ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS (default 30) days. The "
    "representative's name and e-mail on an entry are cleared when it has no "
    "approved representative. Run daily by the purge-associations job "
    "(website.associations.tasks.purge_associations)."
)
ERASE = (
    "website.associations.retention.erase_representative(user): deletes the "
    "account, its representations and change requests' links, clears the "
    "entry's representative fields and sends address_erased; the retention "
    "purge does the same for expired data. The representative runs it "
    'themselves from "My data" (website/associations/my_data.py).'
)

p.register(
    "associations.Association",
    purpose="Contacting the person who keeps the entry (staff only, never public).",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export=(
        'The representative\'s "my associations" page and its "My data" (JSON '
        "download, website/associations/my_data.py); staff in the admin."
    ),
    erase=ERASE,
    fields={"representative_name": p.NAME, "representative_email": p.EMAIL},
    not_personal={
        "name_fi": "name of an association",
        "name_sv": "name of an association",
        "description_fi": "public description of an association",
        "description_sv": "public description of an association",
        "email": "public contact address of the association (not a person's)",
        "phone": "public phone of the association",
        "street_address": "public address of the association",
        "accessibility_fi": "accessibility of a venue",
        "accessibility_sv": "accessibility of a venue",
    },
)
p.register(
    "associations.Representative",
    purpose="Which account may edit which association's entry.",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export='The representative\'s "my associations" page.',
    erase=ERASE,
    fields={"user": p.ACCOUNT, "created_at": p.TIMESTAMP},
)
p.register(
    "associations.ChangeRequest",
    purpose="Moderating a representative's proposed change; the decision e-mail.",
    legal_basis=p.PUBLIC_TASK,
    retention=RETENTION,
    export='The representative\'s "my associations" page (decisions).',
    erase=ERASE,
    fields={
        "submitted_by": p.ACCOUNT,
        "decided_by": p.ACCOUNT,
        "data": p.FREE_TEXT,
        "reason": p.FREE_TEXT,
    },
)
p.not_personal(
    "associations.SearchDocument",
    "search text built from published, public fields only",
)
for label, reason in {
    "associations.Activity": "public descriptions of an association's activities",
    "associations.Theme": "list terms written by staff",
    "associations.TargetGroup": "list terms written by staff",
    "associations.AssociationMapPage": "editorial page content written by staff",
}.items():
    p.not_personal(label, reason)

# The privacy notice residents read (fi/sv), next to the registration forms.
p.notice(
    "associations",
    models=[
        "associations.Association",
        "associations.Representative",
        "associations.ChangeRequest",
    ],
    title=_("Association registry"),
    purpose=_(
        "Keeping the association map up to date: contacting the person who "
        "keeps an association's entry and checking the changes they propose. "
        "A representative's name and e-mail are never published."
    ),
    legal_basis=p.PUBLIC_TASK_TEXT,
    retention=_(
        "While you represent the association. Pending or rejected requests are "
        "erased after a year."
    ),
    recipients=p.NO_TRANSFERS,
    rights=_(
        "On the My associations page you see and change what you have "
        "submitted and can stop representing an association. You also have "
        "the right to lodge a complaint with the Data Protection Ombudsman "
        "(tietosuoja.fi)."
    ),
    self_service=((_("My associations"), "association_selfservice:dashboard"),),
    order=40,
)
