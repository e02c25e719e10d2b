"""The bilingual demo site: locales, home pages, roles and the admin login.

Idempotent: every step creates only what is missing, so running it again
changes nothing and never overwrites what staff have edited since.
"""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from website.core.translation import translate
from website.home.models import HomePage

DEMO_NAMESPACE = uuid.UUID("6f1c8e0a-2b7d-4c1e-9a55-3f0e7d2b9c11")
COMMUNICATIONS_GROUP = "Viestintä – Kommunikation"
ADMIN_EMAIL = "admin@example.com"
STAFF_EMAIL = "viestinta@example.com"
DEMO_PASSWORD = "yhdessa-demo"  # noqa: S105 - demo site only, printed on start


def demo_key(name):
    """A stable translation key, so the loader finds its own objects again."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


HOME = {
    "fi": {
        "title": "Hyvinvointia yhdessä",
        "introduction": (
            "<p>Keski-Uudenmaan hyvinvointialue edistää asukkaiden hyvinvointia ja "
            "terveyttä yhdessä kuntien, järjestöjen ja seurakuntien kanssa. Täältä "
            "löydät alueellisen hyvinvointisuunnitelman tavoitteet ja toimenpiteet "
            "sekä niiden etenemisen.</p>"
        ),
    },
    "sv": {
        "title": "Välfärd tillsammans",
        "introduction": (
            "<p>Välfärdsområdet i Mellersta Nyland främjar invånarnas välfärd och "
            "hälsa tillsammans med kommunerna, föreningarna och församlingarna. Här "
            "hittar du den regionala välfärdsplanens mål och åtgärder och hur de "
            "framskrider.</p>"
        ),
    },
}


def ensure_locales():
    fi, _ = Locale.objects.get_or_create(language_code="fi")
    sv, _ = Locale.objects.get_or_create(language_code="sv")
    return fi, sv


@transaction.atomic
def ensure_home_pages(fi, sv):
    """The Finnish home page is the site root; the Swedish one its translation."""
    root = Page.get_first_root_node()
    if root is None:  # an empty (e.g. flushed) database
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=fi))
    key = demo_key("home")
    home = HomePage.objects.filter(translation_key=key, locale=fi).first()
    if home is None:
        home = HomePage(
            title=HOME["fi"]["title"],
            slug="etusivu",
            introduction=HOME["fi"]["introduction"],
            locale=fi,
            translation_key=key,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        old_root = site.root_page_id
        site.root_page = home
        site.site_name = "Yhdessä – Tillsammans"
        site.save()
        # Wagtail's placeholder "Welcome" page is not part of our site.
        Page.objects.filter(pk=old_root, depth=2).exclude(pk=home.pk).delete()
    if not HomePage.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            shadow.title = HOME["sv"]["title"]
            shadow.slug = "startsida"
            shadow.introduction = HOME["sv"]["introduction"]

        translate(home, sv, apply)
    return home, home.get_translation(sv)


def _perm(app_label, codename):
    # get_or_create: a flushed test database has lost permissions that
    # migrations (not model Meta) created, e.g. wagtail-localize's.
    content_type = ContentType.objects.filter(app_label=app_label).first()
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        permission = Permission.objects.create(
            content_type=content_type, codename=codename, name=codename
        )
    return permission


@transaction.atomic
def ensure_roles(home_pages):
    """The communications staff group and its moderation workflow."""
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    group.permissions.add(
        _perm("wagtailadmin", "access_admin"),
        _perm("wagtail_localize", "submit_translation"),
        *Permission.objects.filter(
            content_type__app_label="plan",
            codename__in=[
                "add_measure",
                "change_measure",
                "delete_measure",
                "publish_measure",
                "lock_measure",
                "unlock_measure",
            ],
        ),
        *Permission.objects.filter(
            content_type__app_label="programs",
            codename__in=[
                f"{action}_{model}"
                for model in ("program", "programstatuscard", "reportingperiod")
                for action in ("add", "change", "delete", "publish")
            ],
        ),
        *Permission.objects.filter(
            content_type__app_label="indicators",
            codename__regex=r"^(add|change|delete)_",
        ),
        # The association registry and its moderation queue.
        *Permission.objects.filter(
            content_type__app_label="associations",
            codename__regex=r"^(add|change|delete|view)_",
        ),
    )
    page_codenames = [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ]
    for home in home_pages:
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_perm("wagtailcore", codename)
            )
    root_collection = Collection.get_first_root_node() or Collection.add_root(
        name="Root"
    )
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_perm(app_label, f"{action}_{model}"),
            )

    workflow, created = Workflow.objects.get_or_create(
        name="Viestinnän hyväksyntä – Kommunikationens godkännande"
    )
    if created:
        task = GroupApprovalTask.objects.create(
            name="Toisen viestijän hyväksyntä – Godkännande av en annan kommunikatör"
        )
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for home in home_pages:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    from website.plan.models import Measure

    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Measure),
        defaults={"workflow": workflow},
    )
    return group


def ensure_users(group):
    from allauth.account.models import EmailAddress

    User = get_user_model()
    created = []
    for email, username, superuser in (
        (ADMIN_EMAIL, "admin", True),
        (STAFF_EMAIL, "viestinta", False),
    ):
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                email=email,
                is_staff=True,
                is_superuser=superuser,
                first_name="Demo",
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            created.append(email)
        if not superuser:
            user.groups.add(group)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return created


def ensure_translated_page(model, name, parent, fi, sv, texts, **extra):
    """A demo page under `parent` in Finnish and its Swedish translation
    (through wagtail-localize), created once. `texts` is {field: (fi, sv)};
    `extra` sets non-translated fields of the Finnish page."""
    key = demo_key(name)
    page = model.objects.filter(translation_key=key, locale=fi).first()
    if page is None:
        page = model(
            locale=fi,
            translation_key=key,
            **{field: values[0] for field, values in texts.items()},
            **extra,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
    if not model.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            for field, values in texts.items():
                setattr(shadow, field, values[1])

        translate(page, sv, apply)
    return page


HUB = {
    "title": ("Osallistu", "Delta"),
    "slug": ("osallistu", "delta"),
    "introduction": (
        "<p>Tule mukaan kehittämään hyvinvointia: ilmoittaudu työpajoihin ja "
        "tapahtumiin, liity asukaspaneeliin tai anna palautetta. Näet myös, "
        "mitä osallistumisesta on seurannut.</p>",
        "<p>Var med och utveckla välfärden: anmäl dig till workshoppar och "
        "evenemang, gå med i en invånarpanel eller ge respons. Du ser också "
        "vad delaktigheten har lett till.</p>",
    ),
}


def participation_hub(home_fi, fi, sv):
    """Osallistu / Delta: the section the participation services sit under
    (docs/architecture.md, "The page tree"). Created once, by whichever
    participation loader runs first."""
    from website.home.models import HubPage

    return ensure_translated_page(
        HubPage, "participation-hub", home_fi, fi, sv, HUB, show_in_menus=True
    )


def place_under(page, parent, sv):
    """Move a demo page built by an older loader (directly under the home
    page) and its Swedish translation under `parent` and its translation."""
    page = Page.objects.get(pk=page.pk)
    if page.get_parent().pk == parent.pk:
        return
    page.move(parent, pos="last-child")
    translated = page.get_translation_or_none(sv)
    parent_sv = parent.get_translation_or_none(sv)
    if translated is not None and parent_sv is not None:
        translated.move(parent_sv, pos="last-child")
