"""The helpdesk's view of stored results: find the plan behind a link, read-only (a result never changes)."""

import json
import re

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from policy.engine.vocabulary import ARCHIVE
from policy.models import Result
from policy.results import RESULT_ID_PATTERN

# A helpdesk colleague often has the whole link from an email, not the bare id.
RESULT_LINK = re.compile(r"/r/([A-Za-z0-9_-]+)")


class ArchiveListFilter(admin.SimpleListFilter):
    title = "archive"
    parameter_name = "archive"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return ARCHIVE.as_django_choices()

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in ARCHIVE.values:
            return queryset.filter(archives__contains=f",{self.value()},")
        return queryset


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "policy_version", "archive_names", "dataset_count"]
    list_filter = [("created_at", admin.DateFieldListFilter), "policy_version", ArchiveListFilter]
    search_fields = ["=id"]
    search_help_text = "Paste a result’s id or its whole link."
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    list_per_page = 50
    show_full_result_count = False
    fields = ["id", "public_page", "created_at", "policy_version", "archive_names", "answers_json", "plan_json"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Result | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Result | None = None) -> bool:
        # A shared link must keep working; only a superuser may remove a result (e.g. an abusive dataset label).
        return request.user.is_active and request.user.is_superuser

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        term = search_term.strip()
        link = RESULT_LINK.search(term)
        if link:
            term = link.group(1)
        if term and RESULT_ID_PATTERN.fullmatch(term) is None:
            return queryset.none(), False
        return super().get_search_results(request, queryset, term)

    @admin.display(description="archives")
    def archive_names(self, result: Result) -> str:
        codes = [code for code in result.archives.split(",") if code]
        return ", ".join(ARCHIVE.label(code) if code in ARCHIVE.values else code for code in codes) or "none"

    @admin.display(description="datasets")
    def dataset_count(self, result: Result) -> int:
        return len(result.answers.get("datasets", []))

    @admin.display(description="public page")
    def public_page(self, result: Result) -> str:
        url = reverse("result", args=[result.pk])
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description="answers")
    def answers_json(self, result: Result) -> str:
        return format_html("<pre>{}</pre>", json.dumps(result.answers, indent=2, ensure_ascii=False))

    @admin.display(description="plan")
    def plan_json(self, result: Result) -> str:
        return format_html("<pre>{}</pre>", json.dumps(result.plan, indent=2, ensure_ascii=False))
