"""/healthz and /readyz for load balancers and monitoring.

Answered by `HealthMiddleware`, near the top of MIDDLEWARE, so they pass no
host check (probes often use the instance's address), HTTPS redirect
(probes speak plain HTTP inside the network), session, CSRF, language
redirect or page cache. JSON, `Cache-Control: no-store`, no cookie, nothing
personal: only check names and short reasons.

- /healthz: the process answers. No database, no cache.
- /readyz: every callable in `settings.READINESS_CHECKS` (returning
  ``(ok, detail)``) passes; 503 with the failing ones otherwise.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)

HEARTBEAT = "worker_heartbeat"


def check_database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return True, "ok"


def check_cache():
    # A key of its own per probe: instances polled at once must not race.
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    return cache.get(key) == "1", "ok"


_migrations_applied = False


def check_migrations():
    """No unapplied migration. Loading the migration graph is the costly
    part, so once everything is applied this process stops asking (a
    deploy's migrations run before the new code starts serving)."""
    global _migrations_applied
    if _migrations_applied:
        return True, "ok"
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        return False, f"{len(plan)} unapplied"
    _migrations_applied = True
    return True, "ok"


def check_worker():
    """A task worker ran the heartbeat task (enqueued by the scheduler every
    minute) within WORKER_HEARTBEAT_MAX_AGE seconds. Skipped when tasks run
    in the web process itself (the demo's immediate backend)."""
    from .models import LastRun

    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if isinstance(backend, ImmediateBackend | DummyBackend):
        return True, "skipped: no worker with this task backend"
    beat = LastRun.objects.filter(name=HEARTBEAT).values_list("at", flat=True).first()
    if beat is None:
        return False, "no heartbeat yet"
    age = (timezone.now() - beat).total_seconds()
    if age > settings.WORKER_HEARTBEAT_MAX_AGE:
        return False, f"last heartbeat {int(age)} s ago"
    return True, f"last heartbeat {int(age)} s ago"


def _json(data, status=200):
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)
    return response


def healthz(request):
    return _json({"status": "ok"})


def readyz(request):
    checks = {}
    for path in settings.READINESS_CHECKS:
        check = import_string(path)
        name = check.__name__.removeprefix("check_")
        try:
            ok, detail = check()
        except Exception as exc:  # a failing dependency is an answer, not a 500
            ok, detail = False, type(exc).__name__
        checks[name] = {"ok": bool(ok), "detail": detail}
    failing = sorted(name for name, result in checks.items() if not result["ok"])
    if failing:
        logger.warning("Not ready: %s", ", ".join(failing))
    return _json(
        {"status": "fail" if failing else "ok", "failing": failing, "checks": checks},
        status=503 if failing else 200,
    )


ENDPOINTS = {"/healthz": healthz, "/readyz": readyz}


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = ENDPOINTS.get(request.path_info)
        if view is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(request)
