import os

from django.core.wsgi import get_wsgi_application

from config.warm import app_warm

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
app_warm()
