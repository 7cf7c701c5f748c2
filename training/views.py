"""Training pages: the consultant's catalogue, progress and CPD log, the
trainer's sessions and sheets, the reviewer's CPD queue.

Views stay thin: they validate a form, call a service and redirect with a
message; a refused action comes back as the service's translated message.
Objects are looked up through the selectors that scope them to the user, so
another consultant's enrolment or activity answers 404.
"""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.roles import Role

from . import selectors, services
from .forms import (
    AttemptForm,
    AttendanceRowForm,
    CpdDeclareForm,
    DomainFilterForm,
    ReasonForm,
    RequiredReasonForm,
)
from .models import Attendance, Enrolment, Module, Session

NEXT_SESSIONS_SHOWN = 3
EVIDENCE_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
}


def _require_role(user, *roles: str) -> None:
    if not user.has_role(*roles):
        raise PermissionDenied


def _form_errors_to_messages(request, form) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


# Consultant --------------------------------------------------------------


@login_required
def catalogue(request):
    form = DomainFilterForm(request.GET or None)
    programmes = selectors.programme_list(user=request.user).prefetch_related("modules")
    if form.is_valid() and form.cleaned_data["domain"]:
        programmes = programmes.filter(domain=form.cleaned_data["domain"])
    programmes = list(programmes)

    next_sessions: dict[int, list[Session]] = {}
    upcoming = selectors.upcoming_session_list(user=request.user).filter(
        module__programme__in=programmes
    )
    for session in upcoming:
        shown = next_sessions.setdefault(session.module.programme_id, [])
        if len(shown) < NEXT_SESSIONS_SHOWN:
            shown.append(session)

    context = {
        "form": form,
        "programmes": [
            {"programme": p, "next_sessions": next_sessions.get(p.pk, [])}
            for p in programmes
        ],
        "enrolled_ids": _active_programme_ids(request.user),
        "can_enrol": request.user.has_role(Role.CONSULTANT),
    }
    return render(request, "training/catalogue.html", context)


def _active_programme_ids(user) -> set[int]:
    return set(
        selectors.enrolment_list(user=user)
        .filter(consultant=user, status=Enrolment.Status.ACTIVE)
        .values_list("programme_id", flat=True)
    )


@login_required
def programme_detail(request, pk: int):
    programme = get_object_or_404(
        selectors.programme_detail_queryset(user=request.user), pk=pk
    )
    sessions_by_module: dict[int, list[Session]] = {}
    for session in selectors.upcoming_session_list(user=request.user).filter(
        module__programme=programme
    ):
        sessions_by_module.setdefault(session.module_id, []).append(session)

    context = {
        "programme": programme,
        "modules": [
            {"module": m, "sessions": sessions_by_module.get(m.pk, [])}
            for m in programme.modules.all()
        ],
        "enrolled": programme.pk in _active_programme_ids(request.user),
        "can_enrol": request.user.has_role(Role.CONSULTANT),
    }
    return render(request, "training/programme_detail.html", context)


@login_required
@require_POST
def programme_enrol(request, pk: int):
    programme = get_object_or_404(selectors.programme_list(user=request.user), pk=pk)
    try:
        services.enrolment_create(consultant=request.user, programme=programme)
    except DomainError as error:
        messages.error(request, error.detail)
        return redirect("training:programme-detail", pk=pk)
    messages.success(
        request,
        _("You are enrolled in “%(programme)s”. Now register for the sessions.")
        % {"programme": programme.title},
    )
    return redirect("training:my-training")


@login_required
def my_training(request):
    user = request.user
    _require_role(user, Role.CONSULTANT)
    enrolments = selectors.enrolment_list(user=user).filter(consultant=user)

    current = []
    for enrolment in enrolments.exclude(status=Enrolment.Status.WITHDRAWN):
        progress = selectors.enrolment_progress(enrolment=enrolment)
        options = selectors.enrolment_session_options(enrolment=enrolment)
        current.append(
            {
                "progress": progress,
                "modules": [
                    {"progress": m, "sessions": options.get(m.module.pk, [])}
                    for m in progress.modules
                ],
            }
        )

    context = {
        "enrolments": current,
        "withdrawn": enrolments.filter(status=Enrolment.Status.WITHDRAWN),
        "certifications": selectors.certification_list(user=user).filter(
            consultant=user
        ),
        "today": timezone.localdate(),
    }
    return render(request, "training/my_training.html", context)


def _own_enrolment(request, pk: int) -> Enrolment:
    return get_object_or_404(
        selectors.enrolment_list(user=request.user).filter(consultant=request.user),
        pk=pk,
    )


@login_required
def enrolment_withdraw(request, pk: int):
    """A confirmation page (GET) and the withdrawal itself (POST)."""
    enrolment = _own_enrolment(request, pk)
    if request.method != "POST":
        return render(
            request, "training/enrolment_withdraw.html", {"enrolment": enrolment}
        )

    try:
        services.enrolment_withdraw(consultant=request.user, enrolment=enrolment)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("You have withdrawn from “%(programme)s”.")
            % {"programme": enrolment.programme.title},
        )
    return redirect("training:my-training")


@login_required
@require_POST
def session_register(request, pk: int):
    _require_role(request.user, Role.CONSULTANT)
    session = get_object_or_404(selectors.session_list(user=request.user), pk=pk)
    enrolment = (
        selectors.enrolment_list(user=request.user)
        .filter(
            consultant=request.user,
            programme_id=session.module.programme_id,
            status=Enrolment.Status.ACTIVE,
        )
        .first()
    )
    target = reverse("training:my-training") + f"#module-{session.module_id}"
    if enrolment is None:
        messages.error(request, _("Enrol in the programme first."))
        return redirect(target)

    try:
        services.session_register(
            user=request.user, session=session, enrolment=enrolment
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, _("Your seat is reserved."))
    return redirect(target)


@login_required
def cpd_log(request):
    user = request.user
    _require_role(user, Role.CONSULTANT)
    form = CpdDeclareForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cpd_declare(consultant=user, **form.service_kwargs())
        except DomainError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Activity declared; a reviewer will check it."))
            return redirect("training:cpd-log")

    context = {
        "form": form,
        "activities": selectors.cpd_activity_list(user=user).filter(consultant=user),
    }
    return render(request, "training/cpd_log.html", context)


@login_required
def cpd_evidence(request, pk: int):
    # The selector lets the owner and the agency's reviewers through; anyone
    # else gets the same 404 as for an activity that does not exist.
    activity = get_object_or_404(selectors.cpd_activity_list(user=request.user), pk=pk)
    if not activity.evidence:
        raise Http404
    suffix = PurePath(activity.evidence.name).suffix.lower()
    response = FileResponse(
        activity.evidence.open("rb"),
        as_attachment=True,
        filename=f"cpd-evidence-{activity.pk}{suffix}",
        content_type=EVIDENCE_TYPES.get(suffix, "application/octet-stream"),
    )
    response["Cache-Control"] = "no-store"
    return response


# Reviewer ---------------------------------------------------------------


@login_required
def cpd_queue(request):
    _require_role(request.user, Role.REVIEWER)
    context = {"activities": selectors.cpd_review_queue()}
    return render(request, "training/cpd_queue.html", context)


def _cpd_review(request, pk: int, form_class, service, success):
    _require_role(request.user, Role.REVIEWER)
    activity = get_object_or_404(selectors.cpd_activity_list(user=request.user), pk=pk)
    form = form_class(request.POST, prefix=f"cpd-{pk}")
    if not form.is_valid():
        _form_errors_to_messages(request, form)
        return redirect("training:cpd-queue")

    try:
        service(reviewer=request.user, activity=activity, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, success % {"consultant": activity.consultant})
    return redirect("training:cpd-queue")


@login_required
@require_POST
def cpd_verify(request, pk: int):
    return _cpd_review(
        request,
        pk,
        ReasonForm,
        services.cpd_verify,
        _("Activity of %(consultant)s verified."),
    )


@login_required
@require_POST
def cpd_reject(request, pk: int):
    return _cpd_review(
        request,
        pk,
        RequiredReasonForm,
        services.cpd_reject,
        _("Activity of %(consultant)s rejected."),
    )


# Trainer ----------------------------------------------------------------


@login_required
def trainer_sessions(request):
    _require_role(request.user, Role.TRAINER)
    sessions = selectors.trainer_session_list(trainer=request.user)
    now = timezone.now()
    groups = [
        {
            "key": "upcoming",
            "title": _("Upcoming and running"),
            "empty": _("No session to come."),
            "sessions": sessions.filter(ends_at__gte=now),
        },
        {
            "key": "past",
            "title": _("Past"),
            "empty": _("No past session."),
            "sessions": sessions.filter(ends_at__lt=now).order_by("-starts_at", "-id"),
        },
    ]
    context = {"groups": groups}
    return render(request, "training/trainer_sessions.html", context)


@login_required
def attendance_sheet(request, pk: int):
    _require_role(request.user, Role.TRAINER)
    session = get_object_or_404(
        selectors.trainer_session_list(trainer=request.user), pk=pk
    )
    registrations = session.registrations.select_related(
        "enrolment__consultant", "attendance"
    ).order_by("enrolment__consultant__last_name", "enrolment__consultant__first_name")
    data = request.POST if request.method == "POST" else None
    rows = [
        {"registration": r, "form": _attendance_form(data, r, session)}
        for r in registrations
    ]

    if data is not None and all(row["form"].is_valid() for row in rows):
        saved = _attendance_save(request.user, session, rows)
        if saved is not None:
            messages.success(
                request,
                _("Attendance saved for %(count)s consultant(s).") % {"count": saved},
            )
            return redirect("training:attendance-sheet", pk=pk)
    if data is not None:
        messages.error(request, _("Nothing was saved: correct the marked rows."))

    context = {"session": session, "rows": rows}
    return render(request, "training/attendance_sheet.html", context)


def _attendance_form(data, registration, session: Session) -> AttendanceRowForm:
    attendance = getattr(registration, "attendance", None)
    if attendance is not None:
        initial = {"status": attendance.status, "minutes": attendance.minutes}
    else:
        # A trainer who ticks "present" usually means the whole session.
        initial = {"minutes": session.duration_minutes}
    return AttendanceRowForm(data, prefix=f"row-{registration.pk}", initial=initial)


def _attendance_save(trainer, session: Session, rows: list[dict]) -> int | None:
    """Record every changed row, or none: one refused row rolls back the sheet.

    Returns how many rows were recorded, or None after adding the refusals to
    their rows' forms.
    """
    saved, refused = 0, False
    with transaction.atomic():
        for row in rows:
            form = row["form"]
            status = form.cleaned_data["status"]
            if not status or not form.has_changed():
                continue
            minutes = form.cleaned_data["minutes"]
            if minutes is None:
                minutes = (
                    session.duration_minutes
                    if status == Attendance.Status.PRESENT
                    else 0
                )
            try:
                services.attendance_record(
                    trainer=trainer,
                    session=session,
                    enrolment=row["registration"].enrolment,
                    status=status,
                    minutes=minutes,
                )
            except DomainError as error:
                refused = True
                field = "minutes" if "minutes" in (error.fields or {}) else None
                form.add_error(field, error.detail)
            else:
                saved += 1
        if refused:
            transaction.set_rollback(True)
    return None if refused else saved


def _trainer_module(request, pk: int) -> Module:
    _require_role(request.user, Role.TRAINER, Role.ADMIN)
    modules = Module.objects.select_related("programme")
    if not request.user.has_role(Role.ADMIN):
        modules = modules.filter(sessions__trainer=request.user).distinct()
    return get_object_or_404(modules, pk=pk)


@login_required
def module_results(request, pk: int):
    module = _trainer_module(request, pk)
    if request.method == "POST":
        return _attempt_record(request, module)

    context = {
        "module": module,
        "assessments": list(module.assessments.all()),
        "rows": selectors.module_results(module=module),
    }
    return render(request, "training/module_results.html", context)


def _attempt_record(request, module: Module):
    form = AttemptForm(request.POST, module=module)
    if not form.is_valid():
        _form_errors_to_messages(request, form)
        return redirect("training:module-results", pk=module.pk)

    try:
        attempt = services.attempt_record(trainer=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("Attempt %(number)s of %(consultant)s recorded: %(score)s.")
            % {
                "number": attempt.number,
                "consultant": attempt.enrolment.consultant,
                "score": attempt.score,
            },
        )
    return redirect("training:module-results", pk=module.pk)
