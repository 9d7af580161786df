"""The result page's presenter: everything the page and every download show, built in one place from the stored
result alone (its answers, plan and words), so a result shows the same plan forever.

The stored result is read once (`policy.stored_result`), its plan presented once (`plan_present`), the kit built
on that presented plan (`kit_build`), and the page's steps carry their own file lists and kit, so nothing joins
them by number."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from django.urls import reverse

from policy.models import Result
from policy.presenters.answers import Answers, answers_present
from policy.presenters.downloads import FilesEntry, Template, file_lists_anchor, files_to_prepare, templates_offered
from policy.presenters.kit import Kit, StepKit
from policy.presenters.picture import PlanPicture, plan_picture
from policy.presenters.plan import Plan, Step
from policy.presenters.wording import count_text, edition_text
from policy.wording import list_text


@dataclass(frozen=True, slots=True)
class PageStep:
    """A step as the page and the Markdown show it: the presented step with its file lists and its kit."""

    step: Step
    file_lists: tuple[Template, ...]  # a BioImage Archive step's file lists, one per study component
    kit: StepKit

    @property
    def file_lists_anchor(self) -> str:
        """Where the page's files to prepare tell what goes in them."""
        return file_lists_anchor(self.step.number)


@dataclass(frozen=True, slots=True)
class ResultPage:
    id: str
    url: str  # the permanent link, absolute
    created_at: datetime
    policy_version: str  # edition and engine fingerprint, e.g. "2026-11+c8fe75dc66": for the footer and the JSON
    edition: str  # the policy's edition as people say it: "November 2026"
    kit: Kit  # built on the presented plan, with the accessions typed in
    answers: Answers
    picture: PlanPicture
    templates: tuple[Template, ...]

    @property
    def plan(self) -> Plan:
        return self.kit.plan

    @property
    def steps(self) -> tuple[PageStep, ...]:
        return tuple(
            PageStep(kit.step, tuple(template for template in self.templates if template.step == kit.number), kit)
            for kit in self.kit.steps
        )

    @property
    def files(self) -> tuple[FilesEntry, ...]:
        return files_to_prepare(templates=self.templates)

    @property
    def lede(self) -> str:
        """What the plan asks, in one sentence."""
        count = len(self.plan.steps)
        if not count:
            return "None of these datasets can be deposited at EBI."
        if count == 1:
            return "Make this one deposition."
        lede = f"Make these {count_text(count, 'deposition')} in this order"
        if any(step.cites for step in self.plan.steps):
            return f"{lede}: later steps cite the accessions of earlier ones."
        return f"{lede}."

    @property
    def refused_text(self) -> str:
        return f"{list_text([item.dataset for item in self.plan.refused])} cannot be deposited at EBI."

    def template_url(self, template: Template) -> str:
        return urljoin(self.url, reverse("result-template", args=[self.id, template.slug]))

    def absolute(self, path: str) -> str:
        """A link of this site (a policy clause's source) as it reads outside the page."""
        return urljoin(self.url, path)


def result_page(*, result: Result, url: str, kit: Kit) -> ResultPage:
    """The page of a stored result; `kit` (`kit_build`) holds the result as read and the presented plan the page
    shows."""
    plan = kit.plan
    stored = kit.stored
    return ResultPage(
        id=result.id,
        url=url,
        created_at=result.created_at,
        policy_version=result.policy_version,
        edition=edition_text(result.policy_version),
        kit=kit,
        answers=answers_present(answers=stored.answers, words=stored.texts),
        picture=plan_picture(plan=plan, dataset_ids=list(stored.datasets)),
        templates=templates_offered(plan=plan, stored=stored),
    )
