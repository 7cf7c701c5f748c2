"""The reviewer's batch assignment page: pick open requests, propose experts.

``register_assignment_ui`` adds the navigation entry and the audit label
(called from the app's ``ready``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.navigation import register_nav_item
from core.roles import Role

from .assignment.services import (
    batch_assign,
    open_requests_for_assignment,
    register_assignment_action_labels,
)


@login_required
def assignment_batch(request):
    if not request.user.has_role(Role.REVIEWER):
        raise PermissionDenied
    run = None
    selected = request.POST.getlist("requests") if request.method == "POST" else []
    if request.method == "POST":
        try:
            run = batch_assign(actor=request.user, request_ids=selected)
        except DomainError as error:
            messages.error(request, error.detail)
        else:
            messages.success(
                request,
                _("%(count)s experts proposed.") % {"count": len(run.assignments)},
            )
    context = {
        "requests": open_requests_for_assignment(),
        "selected": set(selected),
        "run": run,
        "gain": run.total_score - run.greedy_total_score if run else None,
    }
    return render(request, "matching/assignment_batch.html", context)


def register_assignment_ui() -> None:
    register_assignment_action_labels()
    register_nav_item(
        order=28,
        label=_("Batch assignment"),
        url_name="matching:assignment-batch",
        roles=[Role.REVIEWER],
    )
