import secrets

from django.db import models


def result_id_new() -> str:
    """128 bits from the OS's CSPRNG, URL-safe: 22 characters, short enough to paste in an email."""
    return secrets.token_urlsafe(16)


class ImmutableResultError(RuntimeError):
    pass


class ResultQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableResultError("A stored result never changes; compute a new one instead.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise ImmutableResultError("A stored result never changes; compute a new one instead.")


class Result(models.Model):
    """A computed plan, stored once and never changed, so its link shows the same advice forever."""

    id = models.CharField(primary_key=True, max_length=32, default=result_id_new, editable=False)
    answers = models.JSONField(
        help_text="The canonical answers, in the contract version they name (their answers_version)."
    )
    plan = models.JSONField(help_text="The plan exactly as computed when the result was made.")
    texts = models.JSONField(
        default=dict,
        blank=True,
        help_text="The engine's words the page quotes (clauses, archives, questions, answer labels) as they were "
        "when the result was made, so the page keeps showing them after the policy changes.",
    )
    archives = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text="The archive codes the plan deposits to, between commas (“,bia,empiar,”), for the helpdesk filter.",
    )
    policy_version = models.CharField(max_length=64, db_index=True)
    answers_digest = models.CharField(max_length=64, help_text="SHA-256 of the canonical answers.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["policy_version", "answers_digest"], name="one_result_per_answers_and_policy_version"
            )
        ]

    def __str__(self) -> str:
        return self.id

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableResultError("A stored result never changes; compute a new one instead.")
        super().save(*args, **kwargs)


def archives_field_value(plan: dict) -> str:
    """The denormalised `archives` value of a plan: its deposition archives in plan order, between commas."""
    codes = dict.fromkeys(deposition["archive"] for deposition in plan.get("depositions", []))
    return f",{','.join(codes)}," if codes else ""
