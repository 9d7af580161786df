"""gunicorn's logger, less the noise: a load balancer's successful health probes stay out of the access log
(one line per host every few seconds, forever). A failing probe is logged like any other request."""

from gunicorn.glogging import Logger

from config.health import HEALTH_PATHS


class AccessLogWithoutHealthProbes(Logger):
    def access(self, resp, req, environ, request_time):
        status = str(resp.status).split(None, 1)[0]
        if environ.get("PATH_INFO") in HEALTH_PATHS and status == "200":
            return
        super().access(resp, req, environ, request_time)
