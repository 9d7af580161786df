from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

HELPDESK_GROUP = "Helpdesk"
# Read-only: a result never changes, and the helpdesk has no other business in the admin.
HELPDESK_PERMISSIONS = ("view_result",)


class Command(BaseCommand):
    help = (
        "Create (or update) a helpdesk staff account that can read stored results in the admin and nothing else. "
        "Set its password afterwards with `manage.py changepassword USERNAME`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    @transaction.atomic
    def handle(self, *args, username: str, email: str, **options) -> None:
        group, _ = Group.objects.get_or_create(name=HELPDESK_GROUP)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="policy", codename__in=HELPDESK_PERMISSIONS)
        )
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=username, defaults={"email": email})
        if created:
            user.set_unusable_password()
        if email:
            user.email = email
        user.is_staff = True
        user.is_active = True
        user.save()
        user.groups.add(group)
        verb = "Created" if created else "Updated"
        self.stdout.write(
            f"{verb} helpdesk account {username!r} (staff, group {HELPDESK_GROUP!r}: view results only). "
            f"Set its password with: python manage.py changepassword {username}"
        )
