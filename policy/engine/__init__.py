"""The policy engine: pure Python, no Django, no I/O beyond reading its own source for the version."""

from policy.engine.answers import InvalidAnswers, Study, answers_validate
from policy.engine.planner import plan_build, plan_for
from policy.engine.version import POLICY_VERSION

__all__ = ["POLICY_VERSION", "InvalidAnswers", "Study", "answers_validate", "plan_build", "plan_for"]
