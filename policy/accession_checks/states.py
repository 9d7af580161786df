"""What a check can find out, and how it travels through the cache."""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum


class CheckState(StrEnum):
    PUBLIC = "public"
    # The archives' public APIs see released entries only: an entry on hold and a typo answer alike.
    NOT_PUBLIC = "not-public"
    MALFORMED = "malformed"  # not an accession of this archive: never sent
    UNCHECKED = "unchecked"  # the archive did not answer usefully (timeout, error, circuit open)


@dataclass(frozen=True, slots=True)
class AccessionCheck:
    archive: str
    accession: str
    state: CheckState
    title: str = ""
    released: str = ""  # ISO date, as the archive gave it: when it was released, or when it is to be
    status: str = ""  # the archive's own word for the entry's status (REL, HPUB, PRIVATE …), where it gives one
    cites: tuple[str, ...] = ()  # accessions the entry's own cross-references name, canonical
    reason: str = ""  # why it could not be checked

    @property
    def public(self) -> bool:
        return self.state is CheckState.PUBLIC

    @property
    def summary(self) -> str:
        """The state in a few words, as the page and the helpdesk's command show it."""
        if self.state is CheckState.PUBLIC:
            return f"public since {self.released}" if self.released else "public"
        if self.state is CheckState.NOT_PUBLIC and self.released:
            return f"not public yet: to be released on {self.released}"
        if self.state is CheckState.NOT_PUBLIC and self.status:
            return f"not public yet ({self.status})"
        if self.state is CheckState.NOT_PUBLIC:
            return "not public yet, or mistyped"
        if self.state is CheckState.MALFORMED:
            return "not an accession of this archive: not checked"
        return f"could not check ({self.reason})" if self.reason else "could not check"

    def as_cached(self) -> dict:
        return {**asdict(self), "state": self.state.value, "cites": list(self.cites)}

    @classmethod
    def from_cached(cls, value: dict) -> "AccessionCheck":
        return cls(**{**value, "state": CheckState(value["state"]), "cites": tuple(value["cites"])})


# What the archives answered, by (archive, canonical accession); None where nothing was checked.
Checks = Mapping[tuple[str, str], AccessionCheck] | None
