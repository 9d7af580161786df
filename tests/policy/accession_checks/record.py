"""Record the archives' answers again, from a machine that can reach them (recorded/README.md):

    python -m tests.policy.accession_checks.record

Each recording keeps its accession; its answers are replaced by what the archive answers now. Never run by the
test suite."""

import json

from policy.accession_checks.checkers import CHECKERS
from policy.accession_checks.transport import ArchiveUnavailable, HttpAnswer, UrllibTransport
from tests.policy.accession_checks.recorded import ARCHIVES, RECORDED, STATES, recording


def response_of(url: str, answer: HttpAnswer) -> dict:
    response = {"url": url, "status": answer.status, "content_type": answer.content_type}
    try:
        return {**response, "body": json.loads(answer.body)}
    except ValueError:
        return {**response, "text": answer.body.decode("utf-8", errors="replace")}


def main() -> None:
    client = UrllibTransport(timeout_seconds=10, deadline_seconds=30, max_body_bytes=4 * 1024 * 1024)
    for archive in ARCHIVES:
        for state in STATES:
            document = recording(archive, state)
            responses: list[dict] = []

            def recorder(url: str) -> HttpAnswer:
                answer = client(url)
                responses.append(response_of(url, answer))  # noqa: B023 (called within this iteration)
                return answer

            try:
                CHECKERS[archive].read(document["accession"], recorder)
            except ArchiveUnavailable as error:
                print(f"{archive}-{state}: kept the earlier recording ({error})")
                continue
            path = RECORDED / f"{archive}-{state}.json"
            path.write_text(json.dumps({**document, "responses": responses}, indent=2, ensure_ascii=False) + "\n")
            print(f"{archive}-{state}: {len(responses)} answer(s) recorded")


if __name__ == "__main__":
    main()
