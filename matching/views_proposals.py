"""The page of the experts proposed for a request, with the reasons."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from core.errors import NotFound
from core.roles import AGENCY_ROLES

from . import pme_adapter
from .models import ExpertRequest
from .ranking import proposals_refresh
from .ranking.components import COMPONENT_NAMES
from .selectors import request_get_for
from .weights import COMPONENTS


@login_required
def request_proposals(request, pk: int):
    try:
        expert_request = request_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    is_agency = request.user.has_role(*AGENCY_ROLES)
    is_member = (
        pme_adapter.companies_of(request.user)
        .filter(pk=expert_request.company_id)
        .exists()
    )

    ranking = proposals_refresh(
        expert_request=expert_request,
        limit=settings.NWOW["PROPOSALS_LIMIT"],
        explain=is_agency,
    )
    weights = ranking.weights_version.weights
    cards = [
        {
            "expert": ranked,
            "bars": [
                {
                    "name": name,
                    "label": COMPONENTS[name],
                    "value": ranked.components[name],
                    "weight": float(weights.get(name, 0.0)),
                }
                for name in COMPONENT_NAMES
            ],
        }
        for ranked in ranking.experts
    ]
    context = {
        "expert_request": expert_request,
        "cards": cards,
        "can_choose": is_member and expert_request.status == ExpertRequest.Status.OPEN,
        "filtered_out": ranking.filtered_out if is_agency else [],
        "weights_version": ranking.weights_version,
        "model_version": ranking.model_version,
    }
    return render(request, "matching/proposals.html", context)
