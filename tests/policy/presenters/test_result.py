import pytest

from policy.presenters.kit import kit_build
from policy.presenters.result import result_page
from policy.results import result_create
from policy.stored_result import result_read

pytestmark = pytest.mark.django_db


def test_each_step_of_the_page_carries_its_own_kit_and_file_lists(full_study):
    result, _ = result_create(answers=full_study)
    kit = kit_build(stored=result_read(result), query={"bia-imaging": "S-BIAD17"})

    page = result_page(result=result, url="https://example.org/r/x/", kit=kit)

    assert page.plan is kit.plan
    assert [item.step for item in page.steps] == list(page.plan.steps)
    assert [item.kit.step for item in page.steps] == list(page.plan.steps)
    assert all(template.step == item.step.number for item in page.steps for template in item.file_lists)
    assert any(item.file_lists for item in page.steps)
    assert kit.accessions.of("bia-imaging") == ("S-BIAD17",)
