from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.panels.models import Member

from .conftest import make_members

pytestmark = pytest.mark.django_db


def test_purge_panel_data(panel, areas):
    old = timezone.now() - timedelta(days=400)
    members = make_members(panel, areas, 5)
    keep, not_selected, left, unconfirmed, fresh_left = members
    Member.objects.filter(pk=not_selected.pk).update(
        status=Member.Status.NOT_SELECTED, status_changed_at=old
    )
    Member.objects.filter(pk=left.pk).update(status=Member.Status.LEFT, left_at=old)
    Member.objects.filter(pk=unconfirmed.pk).update(confirmed_at=None, created_at=old)
    Member.objects.filter(pk=fresh_left.pk).update(
        status=Member.Status.LEFT, left_at=timezone.now()
    )
    call_command("purge_panel_data", verbosity=0)
    remaining = set(Member.objects.filter(panel=panel).values_list("pk", flat=True))
    assert remaining == {keep.pk, fresh_left.pk}
