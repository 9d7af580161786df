"""gunicorn's settings: `gunicorn` run from this folder reads this file by itself (docs/deploying.md).

Every value can be overridden from the environment: WEB_CONCURRENCY (workers), GUNICORN_THREADS (threads per
worker), GUNICORN_BIND, and GUNICORN_CMD_ARGS for any other gunicorn option (e.g. "--access-logfile
/var/log/depositwizard/access.log").
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes for the CPU-bound work (Python runs one thread at a time per process): (2 x cores) + 1 keeps every
# core busy while a worker waits on the database or a client. A few threads each, so that a slow client or a
# kept-alive connection from the load balancer does not hold a whole process (gthread; the sync worker closes
# every connection and needs a buffering proxy in front). bench/RESULTS.md has the figures for this choice.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 2))
# Load the app once in the master, then fork: faster starts and shared memory. Loading it also imports the views and
# compiles the templates (config/warm.py), so that a new or recycled worker's first requests are not slow.
preload_app = True
timeout = 30
graceful_timeout = 30
# Behind a load balancer that keeps connections open.
keepalive = 5
# Recycle workers now and then, so a slow leak can never take a server down.
max_requests = 5000
max_requests_jitter = 500
# No runtime control socket (gunicorn 27 opens one in $HOME by default, shared by every instance there).
control_socket_disable = True
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The load balancer's X-Forwarded-Proto, from FORWARDED_ALLOW_IPS, is the only scheme header believed: gunicorn
# also believes X-Forwarded-Protocol and X-Forwarded-Ssl by default, which a balancer that does not set them
# passes through from the client as they came.
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

accesslog = "-"
errorlog = "-"
# Successful health probes (/healthz, /readyz) are left out: config/gunicorn_logging.py.
logger_class = "config.gunicorn_logging.AccessLogWithoutHealthProbes"
# The usual combined format plus the time taken in milliseconds.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
