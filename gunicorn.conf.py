"""gunicorn's configuration for the Procfile's `web` process.

This file belongs to gunicorn, not to Django: it is read before Django
starts, so it reads its few variables from the environment itself (the
site's settings read theirs in website/settings/environment.py).
"""

import os

bind = f"{os.environ.get('WEB_BIND', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# Processes × threads: threads cover requests waiting on the database,
# Redis or SMTP; processes cover CPU (page rendering, PDFs, charts).
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
# A PDF of the welfare report is the slowest request (a few seconds).
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Load Django once in the master: a configuration error stops the start at
# once (instead of workers failing one by one), and workers fork ready.
preload_app = True
# Restart workers now and then so that slow leaks cannot grow unbounded.
max_requests = 2000
max_requests_jitter = 200
# Our JSON request log (website/core/request_log.py) replaces the access log.
accesslog = None
errorlog = "-"
