"""Sessions in the database, as Django's own backend keeps them, read with one plain SELECT.

Every page of a study in progress reads its session. Django's backend reads it through a queryset, and building and
compiling that queryset cost about 0.7 ms of CPU per page, several times the query itself and a sixth of a dataset
page (docs/performance.md). Writing, expiry and the table are Django's own, unchanged.
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self) -> dict:
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        # A session that has expired is no session, as in Django's own load.
        query = (
            f"SELECT {quote('session_data')} FROM {quote(model._meta.db_table)} "
            f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])
