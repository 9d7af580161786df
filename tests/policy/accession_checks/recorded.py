"""Replaying the recorded archive answers (recorded/README.md), and transports that fail in the ways archives do."""

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

from policy.accession_checks.transport import ArchiveUnavailable, HttpAnswer

RECORDED = Path(__file__).parent / "recorded"
ARCHIVES = ("empiar", "emdb", "pdb", "bia", "arrayexpress", "ena", "pride", "metabolights", "ega")
STATES = ("public", "unknown", "malformed")


def recording(archive: str, state: str) -> dict:
    return json.loads((RECORDED / f"{archive}-{state}.json").read_text(encoding="utf-8"))


def answer_of(response: dict) -> HttpAnswer:
    body = response["text"].encode() if "text" in response else json.dumps(response["body"]).encode()
    return HttpAnswer(response["status"], body, response["content_type"])


@dataclass
class ReplayTransport:
    """Every recorded answer, by URL; the URLs asked, in order. A URL without a recording fails the test."""

    answers: dict[str, HttpAnswer] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    @classmethod
    def of_all(cls) -> "ReplayTransport":
        answers = {}
        for path in sorted(RECORDED.glob("*.json")):
            for response in json.loads(path.read_text(encoding="utf-8"))["responses"]:
                answers[response["url"]] = answer_of(response)
        return cls(answers)

    def __call__(self, url: str) -> HttpAnswer:
        self.asked.append(url)
        if url not in self.answers:
            raise AssertionError(f"no recorded answer for {url}")
        return self.answers[url]


@dataclass
class FailingTransport:
    """An archive that fails every request in one way: an exception, or an answer."""

    failure: ArchiveUnavailable | HttpAnswer
    asked: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> HttpAnswer:
        self.asked.append(url)
        if isinstance(self.failure, HttpAnswer):
            return self.failure
        raise self.failure


@dataclass
class StalledTransport:
    """An archive that never answers until the test lets it go (released at teardown)."""

    released: threading.Event = field(default_factory=threading.Event)
    asked: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> HttpAnswer:
        self.asked.append(url)
        self.released.wait(timeout=30)
        raise ArchiveUnavailable("no answer (stalled)")
