"""Presenters: pure functions turning a stored result (its answers, plan and words) into what pages and exports
show. No request, no ORM; one presenter per thing shown."""
