"""Open data is cached; any change to a public association bumps the cache
version so the next request rebuilds it."""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import Activity, Association

VERSION_KEY = "associations:version"


def data_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


for model in (Association, Activity):
    post_save.connect(bump, sender=model, dispatch_uid=f"bump-save-{model.__name__}")
    post_delete.connect(bump, sender=model, dispatch_uid=f"bump-del-{model.__name__}")
for through in (
    Association.municipalities.through,
    Association.themes.through,
    Association.target_groups.through,
):
    m2m_changed.connect(
        bump, sender=through, dispatch_uid=f"bump-m2m-{through.__name__}"
    )


from . import search  # noqa: E402

for model in (Association, Activity):
    post_save.connect(
        search.on_change, sender=model, dispatch_uid=f"search-{model.__name__}"
    )
post_delete.connect(search.on_change, sender=Activity, dispatch_uid="search-del")
