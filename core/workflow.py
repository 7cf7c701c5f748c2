"""The one path by which a workflow object changes state.

Every service transition of the platform goes through ``run_transition``:

1. lock the row (concurrent attempts queue up; the first wins, the others
   then fail the state check and get a 409);
2. ``authorize``: who may act (raises NotAllowed, a 403);
3. the django-fsm state check (TransitionNotAllowed, a 409, naming the state);
4. ``guard``: the business conditions (raises with what is missing);
5. the transition itself, then ``change`` to set the fields it implies;
6. save, ``after`` for dependent rows, one audit row, ``notify`` callbacks
   (which queue e-mails sent after commit) — all in one transaction.
"""

import logging
from collections.abc import Callable, Iterable

from django.db import models, transaction
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed as FSMTransitionNotAllowed
from django_fsm import can_proceed

from .audit import audit_record
from .errors import TransitionNotAllowed
from .models import User

logger = logging.getLogger(__name__)

Hook = Callable[[models.Model], None]


def run_transition[M: models.Model](
    *,
    instance: M,
    method: str,
    action: str,
    actor: User | None,
    reason: str = "",
    authorize: Hook | None = None,
    guard: Hook | None = None,
    change: Hook | None = None,
    after: Hook | None = None,
    notify: Iterable[Hook] = (),
    refused: str | None = None,
    data: dict | None = None,
) -> M:
    """Run ``instance.<method>()`` as described in the module docstring.

    ``refused`` is the 409 message when the state does not allow the
    transition; it may use ``%(status)s``, the current state's label.
    """
    model = type(instance)
    with transaction.atomic():
        # of=("self",): lock this row only, not rows a select_related joins.
        locked = model.objects.select_for_update(of=("self",)).get(pk=instance.pk)
        if authorize is not None:
            authorize(locked)
        transition = getattr(locked, method)
        message = refused or _("This action is not possible in the state “%(status)s”.")
        if not can_proceed(transition):
            raise TransitionNotAllowed(
                message % {"status": locked.get_status_display()}
            )
        if guard is not None:
            guard(locked)

        source = locked.status
        try:
            transition()
        except FSMTransitionNotAllowed:  # a condition of the machine itself
            raise TransitionNotAllowed(
                message % {"status": locked.get_status_display()}
            ) from None
        if change is not None:
            change(locked)
        locked.save()
        if after is not None:
            after(locked)
        audit_record(
            action=action,
            actor=actor,
            obj=locked,
            from_state=source,
            to_state=locked.status,
            reason=reason,
            data=data,
        )
        for send in notify:
            send(locked)
    logger.info("%s %s: %s -> %s", model.__name__, locked.pk, source, locked.status)
    return locked
