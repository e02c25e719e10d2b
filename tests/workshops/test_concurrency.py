"""No overbooking under concurrent sign-ups and cancellations (PostgreSQL:
real threads, each in its own connection and transaction)."""

import threading

import pytest
from django.db import connection, connections

from participation.workshops import services
from participation.workshops.models import SignUp

from .conftest import make_workshop

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


@pytest.mark.django_db(transaction=True)
def test_concurrent_signups_and_cancellations_never_overbook():
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    fi, _sv = make_workshop(capacity=10)
    # Six early sign-ups that will cancel during the rush.
    early = [
        services.create_signup(
            fi, ["x"], name=f"E{i}", email=f"e{i}@x.fi", language="fi"
        )[0].pk
        for i in range(6)
    ]
    barrier = threading.Barrier(30)
    errors = []

    def sign_up(i):
        try:
            barrier.wait()
            services.create_signup(
                fi,
                ["a"] * (1 + i % 3),
                name=f"T{i}",
                email=f"t{i}@x.fi",
                language="fi",
            )
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    def cancel(pk):
        try:
            barrier.wait()
            services.cancel_signup(pk)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(i,)) for i in range(24)]
    threads += [threading.Thread(target=cancel, args=(pk,)) for pk in early]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seats = services.seats(fi)
    assert seats.taken <= 10
    confirmed = SignUp.objects.filter(workshop=fi, status="confirmed")
    assert sum(s.party_size for s in confirmed) == seats.taken
    # The queue is served in order: every waiting party joined after every
    # party that was promoted from the queue, and the head does not fit.
    waiting = list(SignUp.objects.filter(workshop=fi).waiting())
    promoted = confirmed.filter(promoted_at__isnull=False)
    if waiting and promoted:
        assert max(p.queued_at for p in promoted) <= waiting[0].queued_at
    if waiting:
        assert waiting[0].party_size > 10 - seats.taken
    assert SignUp.objects.filter(workshop=fi).count() == 30
