"""The production settings, with a throwaway secret key so that the suite needs no environment."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")

from config.settings import *  # noqa: F403
