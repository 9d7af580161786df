from django.apps import AppConfig


class DeploymentConfig(AppConfig):
    """The project's own deployment checks (config/checks.py), run by `manage.py check --deploy`."""

    name = "config"
    label = "deployment"
    verbose_name = "Deployment"

    def ready(self) -> None:
        from config import checks  # noqa: F401  (registers the checks)
