import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from policy.engine import InvalidAnswers, plan_for
from policy.engine.answers import ROOT


class Command(BaseCommand):
    help = "Print the deposition plan for a JSON answers file (- reads standard input). Exits 2 on invalid input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="answers as JSON (any answers contract version accepted), or - for stdin")

    def handle(self, *args, file: str, **options) -> None:
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}", returncode=2) from None
        try:
            answers = json.loads(text)
        except (ValueError, RecursionError) as error:
            self._fail({ROOT: [f"Not valid JSON: {str(error)[:200]}"]})
        try:
            plan = plan_for(answers)
        except InvalidAnswers as invalid:
            self._fail(invalid.errors)
        self.stdout.write(json.dumps(plan, indent=2, ensure_ascii=False))

    def _fail(self, errors: dict[str, list[str]]) -> None:
        for path, messages in errors.items():
            for message in messages:
                self.stderr.write(f"{path}: {message}")
        raise SystemExit(2)
