"""Reading an untrusted JSON request body: size, media type and syntax checked before anything else."""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest

JSON_MEDIA_TYPES = {"application/json"}


class BodyRejected(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _object_without_repeated_keys(pairs: list[tuple[str, Any]]) -> dict:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key[:40]!r} appears twice in one object")
        result[key] = value
    return result


def json_body_read(request: HttpRequest) -> Any:
    """The parsed body, or BodyRejected with 413 (too big), 415 (not JSON) or 400 (JSON too deep)."""
    limit = settings.API_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise BodyRejected(413, f"The body is larger than {limit // 1024} KB.")
    body = request.read(limit + 1)
    if len(body) > limit:
        raise BodyRejected(413, f"The body is larger than {limit // 1024} KB.")

    media_type = request.content_type.lower()
    if media_type not in JSON_MEDIA_TYPES and not media_type.endswith("+json"):
        raise BodyRejected(415, "Send the answers as JSON, with the header Content-Type: application/json.")
    try:
        text = body.decode("utf-8")
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_object_without_repeated_keys)
    except RecursionError:
        raise BodyRejected(400, "The JSON is nested too deeply.") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise BodyRejected(415, f"The body is not valid JSON: {str(error)[:200]}") from None
