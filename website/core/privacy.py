"""The register of personal data: which model fields hold personal data,
why, on what legal basis, for how long, and how a person's data is exported
and erased.

Each app declares its models in its own ``privacy.py`` module with
`register()` (personal fields) and `not_personal()` (models or fields that
look personal but are not, with the reason). The modules are discovered
like ``admin.py`` (`autodiscover`, called from the core app's ``ready``).
The same declarations serve

- the code: `blank_values()` is what an anonymisation writes, so adding a
  field to a declaration makes every anonymisation clear it;
- the documentation: ``manage.py privacy_inventory`` writes
  ``docs/privacy.md`` from the register, and a test checks that the
  committed file matches it;
- the inventory test, which walks every model in scope and fails on a field
  that looks personal (`looks_personal`) but is declared neither way.

Erasure: every erase path sends `address_erased` with the address it
erased, so that a register holding copies elsewhere (a mail queue, an
outbox) connects one receiver instead of each path knowing every table.
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models
from django.dispatch import Signal
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

# Sent by every erase and retention path, once per e-mail address erased:
# receivers delete or blank their copies of it (keyword argument `address`).
address_erased = Signal()

# Categories of personal data (the inventory's "category" column).
NAME = "name"
EMAIL = "e-mail address"
PHONE = "phone number"
ADDRESS = "postal address"
FREE_TEXT = "free text (may contain anything the person wrote)"
BACKGROUND = "background data (age group, municipality, language)"
ACCOUNT = "link to a user account"
PERSON_LINK = "link to a person's record"
SECRET = "secret behind a personal link"
CONSENT = "consent record"
IP_ADDRESS = "IP address"
SESSION = "session data"
CREDENTIAL = "credential (hashed)"
TIMESTAMP = "time of an action of the person"
CATEGORIES = {
    NAME,
    EMAIL,
    PHONE,
    ADDRESS,
    FREE_TEXT,
    BACKGROUND,
    ACCOUNT,
    PERSON_LINK,
    SECRET,
    CONSENT,
    IP_ADDRESS,
    SESSION,
    CREDENTIAL,
    TIMESTAMP,
}

# Legal bases (GDPR art. 6(1)); the controller is the welfare area.
PUBLIC_TASK = "Art. 6(1)(e): the welfare area's public task"
CONSENT_BASIS = "Art. 6(1)(a): consent"
LEGAL_OBLIGATION = "Art. 6(1)(c): legal obligation"

# Apps whose every model the inventory covers.
OUR_APPS = ("website.", "participation.", "feedback")
# Third-party models in scope: those that hold residents' or staff members'
# personal data as such. Wagtail's content, translation, search and workflow
# tables hold editorial content written by staff and are out of scope.
THIRD_PARTY_MODELS = (
    "auth.User",
    "account.EmailAddress",
    "account.EmailConfirmation",
    "mfa.Authenticator",
    "sessions.Session",
    "captcha.CaptchaStore",
    "wagtailusers.UserProfile",
    "wagtailforms.FormSubmission",
    "admin.LogEntry",
    "post_office.Email",
    "post_office.Log",
    "post_office.Attachment",
)


@dataclass
class Declaration:
    label: str
    purpose: str
    legal_basis: str
    retention: str
    export: str
    erase: str
    fields: dict = field(default_factory=dict)  # name -> category
    not_personal: dict = field(default_factory=dict)  # name -> reason

    @property
    def model(self):
        return apps.get_model(self.label)


_declarations = {}
_not_personal_models = {}
_discovered = False


def register(
    label, *, purpose, legal_basis, retention, export, erase, fields, not_personal=None
):
    """Declare the personal fields of one model ("app_label.ModelName")."""
    unknown = set(fields.values()) - CATEGORIES
    if unknown:
        raise ValueError(f"{label}: unknown categories {unknown}")
    if label in _declarations:
        raise ValueError(f"{label} is declared twice")
    _declarations[label] = Declaration(
        label=label,
        purpose=purpose,
        legal_basis=legal_basis,
        retention=retention,
        export=export,
        erase=erase,
        fields=dict(fields),
        not_personal=dict(not_personal or {}),
    )


def not_personal(label, reason):
    """Declare a whole model free of personal data, with the reason."""
    _not_personal_models[label] = reason


def autodiscover():
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("privacy")


def declarations():
    autodiscover()
    return sorted(_declarations.values(), key=lambda d: d.label)


def declaration(model):
    autodiscover()
    return _declarations[model._meta.label]


def not_personal_models():
    autodiscover()
    return dict(_not_personal_models)


def personal_fields(model):
    return tuple(declaration(model).fields)


def blank_values(model):
    """{field: empty value} for the declared text fields of `model`: what an
    anonymisation writes. Relations and dates are the caller's business
    (they usually stay, for statistics, or the row is deleted)."""
    values = {}
    for name in declaration(model).fields:
        model_field = model._meta.get_field(name)
        if isinstance(model_field, (models.CharField, models.TextField)):
            values[name] = None if model_field.null else ""
        elif isinstance(model_field, models.JSONField):
            values[name] = model_field.get_default()
    return values


def forget_addresses(sender, addresses):
    """Tell every register holding copies that these addresses are erased."""
    for address in {a.strip().lower() for a in addresses if a and a.strip()}:
        address_erased.send(sender=sender, address=address)


# What makes a field look personal to the inventory test.
PERSONAL_NAME = re.compile(
    r"(^|_)(name|names|email|mail|phone|address|ip|user_agent|agent|text|"
    r"message|comment|description|token|link|key|notes?|reason|authors?|"
    r"owner|responsible|to|sent_to|user|member|data|answer|session)($|_)"
)
PERSONAL_TYPES = (
    models.EmailField,
    models.GenericIPAddressField,
    models.TextField,
    models.JSONField,
    models.FileField,
)


def looks_personal(model_field):
    if isinstance(model_field, models.UUIDField):
        return False  # random identifiers (translation keys, form keys)
    if model_field.is_relation:
        target = model_field.related_model
        return target is not None and target._meta.label == settings.AUTH_USER_MODEL
    return bool(
        isinstance(model_field, PERSONAL_TYPES)
        or PERSONAL_NAME.search(model_field.name)
    )


def models_in_scope():
    # Automatic many-to-many tables are covered by their field's declaration;
    # a proxy model is its concrete model's table, declared there.
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        if model._meta.app_config.name.startswith(OUR_APPS) or (
            model._meta.label in THIRD_PARTY_MODELS
        ):
            yield model


def undeclared_fields():
    """["label.field"] that look personal and are declared neither way."""
    autodiscover()
    missing = []
    in_scope = set(models_in_scope())
    for model in in_scope:
        label = model._meta.label
        if label in _not_personal_models:
            continue
        declared = _declarations.get(label)
        for model_field in model._meta.get_fields():
            if model_field.auto_created and not model_field.concrete:
                continue  # reverse relations belong to the other model
            owner = getattr(model_field, "model", model)
            if owner is not model and owner not in in_scope:
                # Inherited from Wagtail's Page (owner, locked_by, titles):
                # Wagtail's own table, editorial and staff data.
                continue
            if not looks_personal(model_field):
                continue
            if declared and (
                model_field.name in declared.fields
                or model_field.name in declared.not_personal
            ):
                continue
            missing.append(f"{label}.{model_field.name}")
    return missing


def stale_declarations():
    """Declared fields or models that do not exist (any more)."""
    autodiscover()
    stale = []
    for label in [*_declarations, *_not_personal_models]:
        try:
            model = apps.get_model(label)
        except LookupError:
            stale.append(label)
            continue
        if label in _declarations:
            decl = _declarations[label]
            for name in [*decl.fields, *decl.not_personal]:
                try:
                    model._meta.get_field(name)
                except Exception:
                    stale.append(f"{label}.{name}")
    return stale


def inventory_markdown():
    """docs/privacy.md, generated from the register (in English: the model
    names are those of the code)."""
    with translation.override("en"):
        return _inventory_markdown()


def _inventory_markdown():
    lines = [
        "# Personal data inventory",
        "",
        "<!-- Generated by `manage.py privacy_inventory` from the declarations",
        "in each app's privacy.py (website/core/privacy.py). Do not edit by",
        "hand: change the declaration and run the command again. -->",
        "",
        "The controller of every register below is the welfare area. This is",
        "the list of every model field that can hold personal data, with its",
        "purpose, legal basis, retention, and how a person's data is exported",
        "(right of access, GDPR art. 15) and erased (art. 17). The prose",
        "sections after the tables explain the mechanisms. A test",
        "(`tests/test_privacy_inventory.py`) fails when a model gets a field",
        "that looks personal and is not declared here, and when this file is",
        "out of date.",
        "",
    ]
    for decl in declarations():
        model = decl.model
        lines += [
            f"## {decl.label} ({model._meta.verbose_name})",
            "",
            f"- **Purpose:** {decl.purpose}",
            f"- **Legal basis:** {decl.legal_basis}",
            f"- **Retention:** {decl.retention}",
            f"- **Export:** {decl.export}",
            f"- **Erasure:** {decl.erase}",
            "",
            "| Field | Category |",
            "| --- | --- |",
        ]
        lines += [f"| `{name}` | {cat} |" for name, cat in decl.fields.items()]
        if decl.not_personal:
            lines += ["", "Fields that look personal but are not:", ""]
            lines += [
                f"- `{name}`: {reason}" for name, reason in decl.not_personal.items()
            ]
        lines.append("")
    lines += [
        "## Models without personal data",
        "",
        "Models in scope whose fields look personal (free text, names, users)",
        "but hold no personal data:",
        "",
        "| Model | Why not personal |",
        "| --- | --- |",
    ]
    lines += [
        f"| `{label}` | {reason} |"
        for label, reason in sorted(not_personal_models().items())
    ]
    lines.append("")
    return "\n".join(lines)


# Third-party models in scope (THIRD_PARTY_MODELS): declared here, next to
# the list, because they have no privacy.py of ours.
register(
    "auth.User",
    purpose="Sign-in of staff and association representatives.",
    legal_basis=PUBLIC_TASK,
    retention=(
        "Staff: while employed (removed by the administrators). "
        "Representatives: while they represent an association; accounts never "
        "verified are deleted after ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS by the "
        "purge-associations job."
    ),
    export="Staff: Wagtail admin user view. Representatives: their account page.",
    erase=(
        "website.associations.retention.erase_representative (deletes the "
        "account and every copy of the address); staff accounts by the admins."
    ),
    fields={
        "username": EMAIL,
        "first_name": NAME,
        "last_name": NAME,
        "email": EMAIL,
        "password": CREDENTIAL,
        "last_login": TIMESTAMP,
        "date_joined": TIMESTAMP,
    },
)
register(
    "account.EmailAddress",
    purpose="E-mail verification and sign-in (django-allauth).",
    legal_basis=PUBLIC_TASK,
    retention="Deleted with the account.",
    export="Account page (e-mail addresses).",
    erase="Deleted with the account (cascade).",
    fields={"email": EMAIL, "user": ACCOUNT},
)
register(
    "account.EmailConfirmation",
    purpose="A pending e-mail verification.",
    legal_basis=PUBLIC_TASK,
    retention="Until used or expired; deleted with the account.",
    export="Not exported (a one-time key).",
    erase="Deleted with the account (cascade).",
    fields={"key": SECRET},
)
register(
    "mfa.Authenticator",
    purpose="Two-factor authentication of staff.",
    legal_basis=PUBLIC_TASK,
    retention="While the account exists.",
    export="Not exported (secrets).",
    erase="Deleted with the account (cascade).",
    fields={"user": ACCOUNT, "data": CREDENTIAL},
)
register(
    "sessions.Session",
    purpose="Keeping a signed-in user signed in; form state.",
    legal_basis=PUBLIC_TASK,
    retention="SESSION_COOKIE_AGE (Django's default two weeks), then `clearsessions`.",
    export="Not exported (technical).",
    erase="Signing out; expired sessions by `clearsessions`.",
    fields={"session_key": SECRET, "session_data": SESSION},
)
register(
    "wagtailusers.UserProfile",
    purpose="Staff members' admin preferences.",
    legal_basis=PUBLIC_TASK,
    retention="Deleted with the account.",
    export="Wagtail admin account page.",
    erase="Deleted with the account (cascade).",
    fields={"user": ACCOUNT, "avatar": NAME},
    not_personal={"dismissibles": "which admin hints were dismissed"},
)
not_personal(
    "captcha.CaptchaStore",
    "random challenges and their answers, not linked to anyone",
)
not_personal(
    "wagtailforms.FormSubmission",
    "no Wagtail form pages exist in this site (table stays empty)",
)
register(
    "admin.LogEntry",
    purpose="Django admin's change log (unused: the site uses Wagtail's admin).",
    legal_basis=PUBLIC_TASK,
    retention="Not written by this site.",
    export="Not applicable.",
    erase="Not applicable.",
    fields={"user": ACCOUNT},
    not_personal={
        "object_id": "primary key of a changed row",
        "change_message": "field names changed",
    },
)
_MAIL_ERASE = (
    "website.core.mail.erase_address (connected to address_erased, so every "
    "erase path deletes the messages to that address, their logs and "
    "attachments)."
)
_MAIL_RETENTION = (
    "Sent messages and logs MAIL_KEEP_DAYS (7), failed ones "
    "MAIL_KEEP_FAILED_DAYS (30), then deleted by the purge-mail job."
)
register(
    "post_office.Email",
    purpose="The outbox: every e-mail the site sends, kept until delivered.",
    legal_basis=PUBLIC_TASK,
    retention=_MAIL_RETENTION,
    export="Not exported (copies of messages the person received).",
    erase=_MAIL_ERASE,
    fields={
        "to": EMAIL,
        "cc": EMAIL,
        "bcc": EMAIL,
        "subject": FREE_TEXT,
        "message": FREE_TEXT,
        "html_message": FREE_TEXT,
        "context": FREE_TEXT,
        "headers": EMAIL,
    },
    not_personal={
        "from_email": "the site's own sender address",
        "message_id": "technical id of the message",
        "recipient_delivery_status": "delivery status code",
    },
)
register(
    "post_office.Log",
    purpose="Delivery attempts of the outbox's messages (errors for staff).",
    legal_basis=PUBLIC_TASK,
    retention=_MAIL_RETENTION,
    export="Not exported (technical).",
    erase=_MAIL_ERASE,
    fields={"message": FREE_TEXT},
)
register(
    "post_office.Attachment",
    purpose="Files attached to outgoing e-mails (calendar invitations).",
    legal_basis=PUBLIC_TASK,
    retention=_MAIL_RETENTION,
    export="Not exported (copies of what the person received).",
    erase=_MAIL_ERASE,
    fields={"file": FREE_TEXT, "name": FREE_TEXT},
    not_personal={"headers": "MIME headers of the file (type, disposition)"},
)
not_personal("core.LastRun", "names of periodic jobs and when they last ran")


# Privacy notices (GDPR arts. 13–14): one per register a person meets on the
# public site. The facts come from the declarations above (the data items are
# the categories of the register's declared fields); what a resident reads is
# in fi and sv through gettext. website.statutory renders them as pages and
# `{% privacy_notice_link "register" %}` links a form to its notice.
CATEGORY_LABELS = {
    NAME: _("name"),
    EMAIL: _("e-mail address"),
    PHONE: _("phone number"),
    ADDRESS: _("postal address"),
    FREE_TEXT: _("what you write in free-text fields"),
    BACKGROUND: _("background data (age group, municipality, language)"),
    ACCOUNT: _("your user account, if you are signed in"),
    PERSON_LINK: _("a link between your records"),
    SECRET: _("the secret code behind your personal link"),
    CONSENT: _("your consent and when you gave it"),
    IP_ADDRESS: _("IP address"),
    SESSION: _("session data while you are signed in"),
    CREDENTIAL: _("password or second factor (stored encrypted)"),
    TIMESTAMP: _("times of your actions (e.g. when you signed in)"),
}


@dataclass
class Notice:
    key: str
    title: str
    purpose: str
    legal_basis: str
    retention: str
    recipients: str
    rights: str
    models: tuple
    # (link text, URL name without arguments) for the self-service links.
    self_service: tuple = ()
    order: int = 0

    def declarations(self):
        autodiscover()
        return [_declarations[label] for label in self.models]

    def data_items(self):
        """The categories of the register's declared fields, in fi or sv."""
        categories = []
        for decl in self.declarations():
            for category in decl.fields.values():
                if category not in categories:
                    categories.append(category)
        return [CATEGORY_LABELS[c] for c in categories]


_notices = {}


def notice(key, *, models, **texts):
    """Declare the privacy notice of one register (its key is what forms pass
    to `privacy_notice_link`); `models` are the declared models it covers."""
    _notices[key] = Notice(key=key, models=tuple(models), **texts)


def notices():
    autodiscover()
    return sorted(_notices.values(), key=lambda n: (n.order, n.key))


def get_notice(key):
    autodiscover()
    return _notices[key]


RIGHTS = _(
    "You have the right to see your data, to have it corrected or erased, to "
    "restrict or object to its processing, and to lodge a complaint with the "
    "Data Protection Ombudsman (tietosuoja.fi)."
)
NO_TRANSFERS = _(
    "Only the welfare area's staff who handle the matter. The data is not "
    "disclosed to others or transferred outside the EU and EEA."
)
PUBLIC_TASK_TEXT = _(
    "The welfare area's statutory task of promoting wellbeing, health and "
    "participation (GDPR art. 6(1)(e))."
)

notice(
    "accounts",
    models=["auth.User", "account.EmailAddress", "mfa.Authenticator"],
    title=_("User accounts"),
    purpose=_(
        "Signing in of staff and of associations' representatives, who keep "
        "their association's details up to date."
    ),
    legal_basis=PUBLIC_TASK_TEXT,
    retention=_(
        "While you work for the welfare area or represent an association. "
        "Accounts whose e-mail address is never confirmed are deleted "
        "automatically."
    ),
    recipients=NO_TRANSFERS,
    rights=RIGHTS,
    self_service=((_("Your account's e-mail addresses"), "account_email"),),
    order=50,
)
