"""`manage.py check --deploy`: settings a production deployment needs that nothing else would notice missing
(docs/deploying.md)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_address_check(app_configs, **kwargs) -> list[Warning]:
    if settings.SITE_URL:
        return []
    return [
        Warning(
            "DJANGO_SITE_URL is not set: share links, the API's url, the maDMP's id and cached pages take the "
            "request's Host, whose port nobody checks.",
            hint="Set DJANGO_SITE_URL to the site's public address, such as https://wizard.example.org.",
            id="depositwizard.W001",
        )
    ]


@register(Tags.caches, deploy=True)
def limits_redis_check(app_configs, **kwargs) -> list[Warning]:
    if not settings.REDIS_URL or settings.REDIS_LIMITS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is set without REDIS_LIMITS_URL: each process counts the rate limits on its own.",
            hint="Give the counts a Redis of their own with maxmemory-policy noeviction (docs/deploying.md, Redis).",
            id="depositwizard.W002",
        )
    ]
