"""config.sessions: Django's database sessions, read with a plain SELECT, read back exactly as Django stores them."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from config.sessions import SessionStore

pytestmark = pytest.mark.django_db


def saved(data: dict) -> str:
    """A session stored by Django's own backend: its key."""
    session = DjangoSessionStore()
    session.update(data)
    session.save()
    return session.session_key


def test_a_stored_session_is_read_back_as_django_stored_it():
    key = saved({"study": {"id": "k3J9abcdefgh", "answers": {"datasets": [{"id": "lm"}]}}})

    session = SessionStore(key)

    assert session.load() == {"study": {"id": "k3J9abcdefgh", "answers": {"datasets": [{"id": "lm"}]}}}
    assert session.session_key == key


def test_an_expired_session_reads_as_none_and_its_key_is_dropped():
    key = saved({"study": {"id": "x"}})
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))

    session = SessionStore(key)

    assert session.load() == {}
    assert session.session_key is None


def test_an_unknown_key_reads_as_no_session():
    session = SessionStore("no-such-session-key-0123456789")

    assert session.load() == {}
    assert session.session_key is None


def test_a_session_whose_data_was_altered_reads_as_empty():
    key = saved({"study": {"id": "x"}})
    Session.objects.filter(session_key=key).update(session_data="altered")

    assert SessionStore(key).load() == {}


def test_what_it_writes_django_reads():
    session = SessionStore()
    session["study"] = {"id": "y"}
    session.save()

    assert DjangoSessionStore(session.session_key).load() == {"study": {"id": "y"}}
