"""Pages of missions: choose an expert, my missions, one mission.

Views stay thin: they validate a form, call one service and redirect with a
message. ``register_engagement_ui`` adds the navigation entry, the dashboard
panel and the audit labels (called from the app's ``ready``).
"""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from core.audit import audit_history
from core.dashboard import register_dashboard_panel
from core.errors import DomainError, NotFound
from core.navigation import register_nav_item
from core.roles import Role
from knowledge.selectors.recommendations import recommendations_for_request
from pme.selectors.scans import dimension_labels

from .api.engagements import report_response
from .engagements import services
from .engagements.selectors import (
    REASON_ACTIONS,
    engagement_actions_for,
    engagement_active_for,
    engagement_can_log_session,
    engagement_get_for,
    engagement_list_for,
    engagement_next_step,
    engagement_parties,
)
from .models import Engagement
from .selectors import request_get_for

PANEL_LIMIT = 5


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )
    action_plan = forms.CharField(
        label=_("Action plan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )


class SessionForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.5"),
        max_value=Decimal("12"),
        decimal_places=1,
    )
    topic = forms.CharField(label=_("Topic"), max_length=200)
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Score"),
        choices=[(n, f"{n} / 5") for n in range(5, 0, -1)],
        coerce=int,
    )
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )


# page action -> (service, form class or None)
PAGE_ACTIONS = {
    "accept": (services.engagement_accept, None),
    "decline": (services.engagement_decline, ReasonForm),
    "start": (services.engagement_start, None),
    "submit-report": (services.engagement_submit_report, ReportForm),
    "validate": (services.engagement_validate, None),
    "return": (services.engagement_return, ReasonForm),
    "cancel": (services.engagement_cancel, ReasonForm),
}
ACTION_LABELS = {
    "accept": _("Accept the mission"),
    "decline": _("Decline the mission"),
    "start": _("Start the mission"),
    "submit-report": _("Submit the report"),
    "validate": _("Validate the report"),
    "return": _("Return the report"),
    "cancel": _("Cancel the mission"),
}
SUCCESS = _("Done: the mission is now “%(status)s”.")


def _get(request, pk: int) -> Engagement:
    try:
        return engagement_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


def _error(request, error: DomainError) -> None:
    details = [str(error.detail)]
    for messages_of_field in (error.fields or {}).values():
        details.extend(str(message) for message in messages_of_field)
    messages.error(request, " ".join(details))


@login_required
@require_POST
def request_choose(request, pk: int):
    try:
        expert_request = request_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    try:
        engagement = services.engagement_choose(
            user=request.user, request=expert_request, expert=request.POST.get("expert")
        )
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        _error(request, error)
        return redirect("matching:request-detail", pk=pk)
    messages.success(request, _("The expert is asked to accept the mission."))
    return redirect("matching:engagement-detail", pk=engagement.pk)


@login_required
def engagement_index(request):
    engagements = engagement_list_for(user=request.user)
    status = request.GET.get("status") or None
    if status in Engagement.Status.values:
        engagements = engagements.filter(status=status)
    rows = [
        (e, engagement_next_step(user=request.user, engagement=e))
        for e in engagements[:200]
    ]
    context = {
        "rows": rows,
        "status_choices": Engagement.Status.choices,
        "current_status": status,
    }
    return render(request, "matching/engagement_list.html", context)


def _gain_rows(engagement: Engagement) -> list[tuple[str, str, object, object, float]]:
    """(code, label, before, after, gain) per dimension of the recorded outcome."""
    if not engagement.outcome or engagement.scan_after is None:
        return []
    before = engagement.request.assessment.dimension_scores or {}
    after = engagement.scan_after.dimension_scores or {}
    labels = dimension_labels(engagement.scan_after.version)
    return [
        (code, labels.get(code, code), before.get(code), after.get(code), gain)
        for code, gain in sorted(engagement.outcome.items())
    ]


@login_required
def engagement_detail(request, pk: int):
    engagement = _get(request, pk)
    user = request.user
    parties = engagement_parties(user=user, engagement=engagement)
    allowed = engagement_actions_for(user=user, engagement=engagement)
    actions = [
        {
            "name": name,
            "label": ACTION_LABELS[name],
            "form": PAGE_ACTIONS[name][1]() if PAGE_ACTIONS[name][1] else None,
            "danger": name in REASON_ACTIONS,
        }
        for name in allowed
        if name in PAGE_ACTIONS
    ]
    is_member = "member" in parties
    outcome_open = is_member and engagement.status in services.OUTCOME_STATES
    new_scan = services.engagement_latest_scan(engagement) if outcome_open else None
    context = {
        "engagement": engagement,
        "expert_request": engagement.request,
        "needs": engagement.request.needs.all(),
        "parties": parties,
        "actions": actions,
        "history": audit_history(engagement),
        "sessions": engagement.sessions.order_by("date", "id"),
        "session_form": (
            SessionForm(initial={"date": timezone.localdate()})
            if engagement_can_log_session(user=user, engagement=engagement)
            else None
        ),
        "rating": getattr(engagement, "rating", None),
        "rating_form": RatingForm() if "rate" in allowed else None,
        "outcome_open": outcome_open,
        "new_scan": new_scan,
        "gain_rows": _gain_rows(engagement),
        "next_step": engagement_next_step(user=user, engagement=engagement),
        "can_print": engagement.status
        in (Engagement.Status.REPORT_SUBMITTED, *services.OUTCOME_STATES),
        "recommendations": recommendations_for_request(
            expert_request=engagement.request, language=user.language
        ),
    }
    return render(request, "matching/engagement_detail.html", context)


@login_required
@require_POST
def engagement_transition(request, pk: int, action: str):
    if action not in PAGE_ACTIONS:
        raise Http404
    engagement = _get(request, pk)
    service, form_class = PAGE_ACTIONS[action]
    data = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            messages.error(request, _("Fill in the required fields."))
            return redirect("matching:engagement-detail", pk=pk)
        data = form.cleaned_data
    try:
        result = service(user=request.user, engagement=engagement, **data)
    except DomainError as error:
        _error(request, error)
    else:
        messages.success(request, SUCCESS % {"status": result.get_status_display()})
    return redirect("matching:engagement-detail", pk=pk)


@login_required
@require_POST
def engagement_session(request, pk: int):
    engagement = _get(request, pk)
    form = SessionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in the date, the hours and the topic."))
        return redirect("matching:engagement-detail", pk=pk)
    try:
        services.session_log(
            user=request.user, engagement=engagement, **form.cleaned_data
        )
    except DomainError as error:
        _error(request, error)
    else:
        messages.success(request, _("The working session is logged."))
    return redirect("matching:engagement-detail", pk=pk)


@login_required
@require_POST
def engagement_rate(request, pk: int):
    engagement = _get(request, pk)
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a score from 1 to 5."))
        return redirect("matching:engagement-detail", pk=pk)
    try:
        services.engagement_rate(
            user=request.user, engagement=engagement, **form.cleaned_data
        )
    except DomainError as error:
        _error(request, error)
    else:
        messages.success(request, _("Thank you: the mission is rated and closed."))
    return redirect("matching:engagement-detail", pk=pk)


@login_required
@require_POST
def engagement_attach_scan(request, pk: int):
    engagement = _get(request, pk)
    try:
        services.engagement_attach_latest_scan(user=request.user, engagement=engagement)
    except DomainError as error:
        _error(request, error)
    else:
        messages.success(request, _("The maturity gain of the mission is recorded."))
    return redirect("matching:engagement-detail", pk=pk)


@login_required
@require_GET
def engagement_report(request, pk: int):
    # Imported here: reportlab is loaded only by whoever prints a report.
    from matching.report import render_report

    engagement = _get(request, pk)
    return report_response(engagement, render_report(engagement))


def missions_panel(request) -> dict | None:
    """The user's running missions with what each expects from them."""
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.CONSULTANT, Role.PME):
        return None
    rows = [
        (e, engagement_next_step(user=user, engagement=e))
        for e in engagement_active_for(user=user)[:PANEL_LIMIT]
    ]
    return {"rows": rows}


def register_engagement_ui() -> None:
    services.register_engagement_action_labels()
    register_nav_item(
        order=27,
        label=_("Missions"),
        url_name="matching:engagement-list",
        roles=[Role.CONSULTANT, Role.PME],
    )
    register_dashboard_panel(
        order=27,
        template_name="matching/panels/missions.html",
        context=missions_panel,
    )
