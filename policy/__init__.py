"""depositwizard's policy app: the routing engine (policy.engine), its JSON API, CLI and result pages."""

from policy.engine import POLICY_VERSION, InvalidAnswers, answers_validate, plan_for

__all__ = ["POLICY_VERSION", "InvalidAnswers", "answers_validate", "plan_for"]
