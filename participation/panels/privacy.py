"""Personal data of the resident panel register (website/core/privacy.py)."""

from django.utils.translation import gettext_lazy as _

from website.core import privacy as p

RETENTION = (
    "Unconfirmed applications PANEL_RETENTION_DAYS_UNCONFIRMED (14) days, "
    "applicants not selected PANEL_RETENTION_DAYS_NOT_SELECTED (180) days, "
    "members who left PANEL_RETENTION_DAYS_LEFT (30) days; deleted by "
    "participation.panels.retention.purge."
)
ERASE = (
    'Member.erase: the member\'s self-service link ("Erase your details") and '
    "the retention purge; deletes the member and their invitations and sends "
    "address_erased."
)

p.register(
    "panels.Member",
    purpose="Selecting panel members and sending them questions.",
    legal_basis=p.CONSENT_BASIS,
    retention=RETENTION,
    export="Self-service link: page and JSON download (data.json).",
    erase=ERASE,
    fields={
        "email": p.EMAIL,
        "name": p.NAME,
        "municipality": p.BACKGROUND,
        "age_group": p.BACKGROUND,
        "language": p.BACKGROUND,
        "background": p.BACKGROUND,
        "consent": p.CONSENT,
        "consented_at": p.CONSENT,
        "confirmed_at": p.TIMESTAMP,
        "created_at": p.TIMESTAMP,
        "link_key": p.SECRET,
    },
)
p.register(
    "panels.RoundInvitation",
    purpose="Which member was invited to a round and whether they answered.",
    legal_basis=p.CONSENT_BASIS,
    retention=RETENTION,
    export="Self-service JSON (open invitations).",
    erase=ERASE,
    fields={"member": p.PERSON_LINK, "token_hash": p.SECRET},
    not_personal={"nonce": "random value"},
)
p.register(
    "panels.Answer",
    purpose="Panel answers, stored without a link to the member.",
    legal_basis=p.CONSENT_BASIS,
    retention="As long as the round's results are needed; not linked to anyone.",
    export="Not exportable per person: the answers are unlinkable by design.",
    erase="Not erasable per person (unlinkable); deleted with the round.",
    fields={"text": p.FREE_TEXT},
)
p.register(
    "panels.PanelDraw",
    purpose="Reproducible member draws: who drew.",
    legal_basis=p.PUBLIC_TASK,
    retention="With the panel.",
    export="Wagtail admin, the panel's draws.",
    erase="Deleting the staff account sets it empty.",
    fields={"created_by": p.ACCOUNT},
    not_personal={"report": "counts per stratum, no names"},
)
for label, reason in {
    "panels.Panel": "panel descriptions and target shares written by staff",
    "panels.ConsentVersion": "consent and privacy texts written by staff",
    "panels.BackgroundQuestion": "questions written by staff",
    "panels.Round": "round texts written by staff and invitation counts",
    "panels.Question": "questions written by staff",
}.items():
    p.not_personal(label, reason)

# The privacy notice residents read (fi/sv), next to the joining form.
p.notice(
    "panels",
    models=["panels.Member", "panels.RoundInvitation", "panels.Answer"],
    title=_("Resident panel"),
    purpose=_(
        "Selecting panel members so that the panel reflects the residents, "
        "and sending members questions. Answers are stored without a link to "
        "the person who gave them."
    ),
    legal_basis=_("Your consent (GDPR art. 6(1)(a)); you may withdraw it at any time."),
    retention=_(
        "Unconfirmed applications 14 days, applicants not selected 180 days, "
        "members who leave the panel 30 days."
    ),
    recipients=_(
        "The panel's organisers at the welfare area. The data is not disclosed "
        "to others or transferred outside the EU and EEA."
    ),
    rights=_(
        "Your personal link (in every e-mail from the panel) shows your data, "
        "downloads it and erases it. You can have the link sent again from the "
        "panel's page. You may also lodge a complaint with the Data Protection "
        "Ombudsman (tietosuoja.fi)."
    ),
    order=30,
)

p.not_personal("panels.PanelIndexPage", "editorial page content written by staff")
