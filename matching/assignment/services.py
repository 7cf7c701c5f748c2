"""Batch assignment: propose one expert to each of many open requests at once.

The agency picks a wave of open requests; the ranking scores every pair
(``matching.ranking.engine.score_matrix``, hard filters as ``-inf``), the
solver finds the assignment of maximal total score within each expert's free
capacity, and one rank-1 Proposal is written per assigned request. It only
proposes: engagements are created when a company chooses.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.errors import DomainError, NotAllowed
from core.models import User
from core.roles import Role

from ..models import Engagement, ExpertRequest, Proposal, WeightsVersion
from .solver import (
    DEFAULT_TOP_K,
    UNASSIGNED,
    assign_greedy,
    assign_optimal,
    total,
)

logger = logging.getLogger(__name__)

MAX_BATCH = 2000
# Candidates kept per request: exact on our instances (bench/bench_assignment.py)
# and it keeps the solver's matrix small.
TOP_K = DEFAULT_TOP_K

ACTION_LABELS = {
    "matching.assignment.run": gettext_lazy("Batch assignment of expert requests"),
}


def register_assignment_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


@dataclass(frozen=True)
class Assigned:
    request: ExpertRequest
    expert: User
    score: float
    proposal: Proposal


@dataclass(frozen=True)
class Unassigned:
    request_id: int
    reason: str
    detail: str
    request: ExpertRequest | None = None


@dataclass
class AssignmentRun:
    assignments: list[Assigned] = field(default_factory=list)
    unassigned: list[Unassigned] = field(default_factory=list)
    total_score: float = 0.0
    greedy_total_score: float = 0.0


def _ensure_reviewer(actor: User) -> None:
    if not actor.is_authenticated or not actor.has_role(Role.REVIEWER):
        raise NotAllowed(_("Only a reviewer may assign requests in batch."))


def _clean_ids(request_ids) -> list[int]:
    try:
        ids = list(dict.fromkeys(int(pk) for pk in request_ids))
    except (TypeError, ValueError):
        raise DomainError(
            _("Give the identifiers of the requests."),
            fields={"requests": [_("A list of request identifiers.")]},
        ) from None
    if not ids or len(ids) > MAX_BATCH:
        raise DomainError(
            _("Give between 1 and %(max)s requests.") % {"max": MAX_BATCH},
            fields={"requests": [_("Between 1 and %(max)s.") % {"max": MAX_BATCH}]},
        )
    return ids


def _skipped(ids: list[int], found: dict[int, ExpertRequest]) -> list[Unassigned]:
    """The requests that cannot take part, each with its reason."""
    live = set(
        Engagement.objects.filter(
            request_id__in=list(found), status__in=Engagement.ACTIVE_STATES
        ).values_list("request_id", flat=True)
    )
    skipped = []
    for pk in ids:
        expert_request = found.get(pk)
        if expert_request is None:
            skipped.append(Unassigned(pk, "unknown", _("No such request.")))
        elif expert_request.status != ExpertRequest.Status.OPEN:
            skipped.append(
                Unassigned(
                    pk, "not_open", _("The request is not open."), expert_request
                )
            )
        elif pk in live:
            skipped.append(
                Unassigned(
                    pk,
                    "has_mission",
                    _("The request already has a mission."),
                    expert_request,
                )
            )
    return skipped


def _components(engine, expert_request, expert_id: int, score: float) -> dict:
    # The ranking explains the pair with the same components as its own
    # proposals; should it have none, the score is its single component.
    components = engine.proposal_components(expert_request, expert_id)
    return dict(components) if components else {"total": score}


def batch_assign(*, actor: User, request_ids) -> AssignmentRun:
    """Propose at most one expert per open request, maximising the total score.

    1. Only a reviewer; the requests are locked for the run.
    2. Unknown, non-open requests and requests with a mission are skipped.
    3. The ranking's score matrix and free capacities feed the solver; the
       greedy baseline is computed on the same matrix for comparison.
    4. One rank-1 Proposal per assigned request, and one audit row.
    """
    _ensure_reviewer(actor)
    ids = _clean_ids(request_ids)
    # Imported here: the ranking engine is a sibling package built apart.
    from matching.ranking import engine

    with transaction.atomic():
        found = {
            row.pk: row
            for row in ExpertRequest.objects.select_for_update(of=("self",))
            .filter(pk__in=ids)
            .select_related("company", "primary_need", "assessment")
            .prefetch_related("needs")
        }
        run = AssignmentRun(unassigned=_skipped(ids, found))
        skipped = {item.request_id for item in run.unassigned}
        requests = [found[pk] for pk in ids if pk not in skipped]

        started = time.perf_counter()
        if requests:
            expert_ids, scores, free = engine.score_matrix(requests)
            scores = np.asarray(scores, dtype=float)
            optimal = assign_optimal(scores, free, top_k=TOP_K)
            greedy = assign_greedy(scores, free)
            run.total_score = total(scores, optimal)
            run.greedy_total_score = total(scores, greedy)
        seconds = time.perf_counter() - started

        if requests:
            _propose(run, engine, requests, expert_ids, scores, optimal)
        audit_record(
            action="matching.assignment.run",
            actor=actor,
            data={
                "requests": ids,
                "assigned": {
                    str(item.request.pk): item.expert.pk for item in run.assignments
                },
                "unassigned": {
                    str(item.request_id): item.reason for item in run.unassigned
                },
                "total_score": round(run.total_score, 6),
                "greedy_total_score": round(run.greedy_total_score, 6),
                "seconds": round(seconds, 4),
            },
        )
    logger.info(
        "Batch assignment by %s: %s of %s requests, total %.4f (greedy %.4f)",
        actor.pk,
        len(run.assignments),
        len(ids),
        run.total_score,
        run.greedy_total_score,
    )
    return run


def _propose(run, engine, requests, expert_ids, scores, optimal) -> None:
    weights = WeightsVersion.objects.get(is_current=True)
    chosen_ids = [int(expert_ids[j]) for j in optimal if j != UNASSIGNED]
    experts = User.objects.in_bulk(chosen_ids)

    for row, expert_request in enumerate(requests):
        column = int(optimal[row])
        if column == UNASSIGNED:
            run.unassigned.append(
                Unassigned(
                    expert_request.pk,
                    "no_expert",
                    _("No expert with free capacity fits this request."),
                    expert_request,
                )
            )
            continue
        expert = experts[int(expert_ids[column])]
        score = float(scores[row, column])
        # A rerun, or the ranking's own list, may already propose this
        # expert: the batch refreshes that proposal and puts it first.
        proposal, _created = Proposal.objects.update_or_create(
            request=expert_request,
            expert=expert,
            defaults={
                "rank": 1,
                "score": score,
                "components": _components(engine, expert_request, expert.pk, score),
                "weights_version": weights,
                "model_version": "",
            },
        )
        run.assignments.append(Assigned(expert_request, expert, score, proposal))
    run.unassigned.sort(key=lambda item: item.request_id)


def open_requests_for_assignment():
    """Open requests without a live mission, oldest first (the reviewer's page)."""
    busy = Q(engagements__status__in=Engagement.ACTIVE_STATES)
    return (
        ExpertRequest.objects.filter(status=ExpertRequest.Status.OPEN)
        .exclude(busy)
        .select_related("company", "primary_need")
        .prefetch_related("needs")
        .order_by("created_at", "id")
    )
