"""Writes of the Forum and the club, each in a transaction with its audit row.

Every status change goes through ``core.workflow.run_transition`` (lock,
authorize, state check → 409, guard, audit, notify). Registrations first lock
their event's row, so that places are counted by one writer at a time: never
over capacity, and the waiting list in the order people arrived.
"""

from .club import club_accept, club_apply, club_leave, club_reject
from .common import ACTION_LABELS
from .events import (
    event_cancel,
    event_capacity_change,
    event_close,
    event_publish,
    event_refresh_search_text,
)
from .registrations import (
    registration_cancel,
    registration_check_in,
    registration_create,
    registration_mark_no_show,
)

__all__ = [
    "ACTION_LABELS",
    "club_accept",
    "club_apply",
    "club_leave",
    "club_reject",
    "event_cancel",
    "event_capacity_change",
    "event_close",
    "event_publish",
    "event_refresh_search_text",
    "registration_cancel",
    "registration_check_in",
    "registration_create",
    "registration_mark_no_show",
]
