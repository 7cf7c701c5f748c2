"""Writes of the barometer: the wave workflow, next year's wave, responses.

A wave goes draft → open → closed, by an editor (or an administrator),
through ``core.workflow.run_transition``: lock, who may act (403), the state
(409), the guards, one audit row ``surveys.wave.<event>``. A response is
checked whole (profile and every answer) before anything is written.
"""

import datetime
import logging
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.models import User
from core.reference.geography import Province
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass
from core.workflow import run_transition
from pme.models import Company
from pme.selectors.companies import company_ids_of_user

from .access import is_editor
from .engine import clean_answers
from .models import Answer, Option, Response, Wave

logger = logging.getLogger(__name__)

ACTION_LABELS = {
    "surveys.wave.created": gettext_lazy("Survey wave prepared"),
    "surveys.wave.opened": gettext_lazy("Survey wave opened"),
    "surveys.wave.closed": gettext_lazy("Survey wave closed, results published"),
    "surveys.response.submitted": gettext_lazy("Survey answered"),
}


def register_survey_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


def _require_editor(user: User | None) -> None:
    if not is_editor(user):
        raise NotAllowed(_("Only the agency's editors run the survey waves."))


# -- the wave workflow ------------------------------------------------------------


def _open_guard(wave: Wave) -> None:
    questions = list(wave.questions.prefetch_related("options"))
    if not questions:
        raise TransitionNotAllowed(
            _("Add at least one question before opening the wave."),
            code="wave_without_questions",
        )
    for question in questions:
        if question.is_choice and len(question.options.all()) < 2:
            raise TransitionNotAllowed(
                _("Question %(code)s needs at least two answers to choose from.")
                % {"code": question.code},
                code="question_without_options",
            )
    other = (
        Wave.objects.filter(survey_id=wave.survey_id, status=Wave.Status.OPEN)
        .exclude(pk=wave.pk)
        .first()
    )
    if other is not None:
        raise TransitionNotAllowed(
            _("The %(year)s wave of this survey is still open: close it first.")
            % {"year": other.year},
            code="other_wave_open",
        )


def wave_open(*, actor: User, wave: Wave, reason: str = "") -> Wave:
    """An editor opens a draft wave to responses."""

    def change(locked: Wave) -> None:
        locked.opened_at = timezone.now()

    try:
        return run_transition(
            instance=wave,
            method="open",
            action="surveys.wave.opened",
            actor=actor,
            reason=reason,
            authorize=lambda locked: _require_editor(actor),
            guard=_open_guard,
            change=change,
            refused=_("Only a draft wave can be opened; this one is “%(status)s”."),
        )
    except IntegrityError:
        # Another wave of the survey was opened at the same instant.
        raise TransitionNotAllowed(
            _("Another wave of this survey is open: close it first."),
            code="other_wave_open",
        ) from None


def wave_close(*, actor: User, wave: Wave, reason: str = "") -> Wave:
    """An editor closes an open wave: no more responses, the results are out."""

    def change(locked: Wave) -> None:
        locked.closed_at = timezone.now()

    return run_transition(
        instance=wave,
        method="close",
        action="surveys.wave.closed",
        actor=actor,
        reason=reason,
        authorize=lambda locked: _require_editor(actor),
        change=change,
        refused=_("Only an open wave can be closed; this one is “%(status)s”."),
    )


@transaction.atomic
def wave_create_next(
    *,
    actor: User | None,
    source: Wave,
    year: int,
    opens_on: datetime.date,
    closes_on: datetime.date,
    system: bool = False,
) -> Wave:
    """A draft wave for ``year`` with a copy of ``source``'s questions.

    The codes are copied too: that is what lines next year's answers up with
    this year's. Editors may then reword or add questions while it is a draft.
    ``system`` is for the demo seeder, which acts without a person.
    """
    if not system:
        _require_editor(actor)
    problems: dict[str, list[str]] = {}
    if Wave.objects.filter(survey_id=source.survey_id, year=year).exists():
        problems["year"] = [_("This survey already has a wave for that year.")]
    if closes_on < opens_on:
        problems["closes_on"] = [_("The wave must close after it opens.")]
    if problems:
        raise DomainError(_("Some fields are invalid."), fields=problems)

    wave = Wave.objects.create(
        survey_id=source.survey_id, year=year, opens_on=opens_on, closes_on=closes_on
    )
    for question in source.questions.prefetch_related("options"):
        options = list(question.options.all())
        question.pk = None
        question.wave = wave
        question.save()
        Option.objects.bulk_create(
            Option(
                question=question,
                code=option.code,
                position=option.position,
                label_fr=option.label_fr,
                label_en=option.label_en,
                label_de=option.label_de,
                label_nl=option.label_nl,
            )
            for option in options
        )
    audit_record(
        action="surveys.wave.created",
        actor=actor,
        obj=wave,
        to_state=wave.status,
        data={"copied_from": source.pk},
    )
    return wave


# -- responses -----------------------------------------------------------------


def _wave_accepting(wave: Wave) -> None:
    today = timezone.localdate()
    if wave.status != Wave.Status.OPEN:
        raise TransitionNotAllowed(
            _("This survey is not open to responses (wave “%(status)s”).")
            % {"status": wave.get_status_display()},
            code="wave_not_open",
        )
    if today < wave.opens_on:
        raise TransitionNotAllowed(
            _("This survey opens on %(date)s.") % {"date": wave.opens_on.isoformat()},
            code="wave_not_open",
        )
    if today > wave.closes_on:
        raise TransitionNotAllowed(
            _("This survey closed on %(date)s.") % {"date": wave.closes_on.isoformat()},
            code="wave_not_open",
        )


def _profile(
    *,
    user: User | None,
    company: Company | int | None,
    province: str | None,
    size_class: str | None,
    nace_section: str | None,
    problems: dict[str, list[str]],
) -> tuple[Company | None, dict]:
    """The linked company and the respondent's profile, or the problems found."""
    if company not in (None, ""):
        company_id = getattr(company, "pk", company)
        mine = company_ids_of_user(user) if user and user.is_authenticated else set()
        try:
            company_id = int(company_id)
        except (TypeError, ValueError):
            company_id = None
        if company_id not in mine:
            # The same answer for an unknown company and another's: no probing.
            problems["company"] = [
                _("Choose one of your companies, or answer anonymously.")
            ]
            return None, {}
        linked = Company.objects.get(pk=company_id)
        return linked, {
            "province": linked.province,
            "size_class": linked.size_class,
            "nace_section": linked.nace_section,
        }

    profile = {}
    for name, value, choices, label in [
        ("province", province, Province, _("Choose your province.")),
        ("size_class", size_class, SizeClass, _("Choose the size of your company.")),
    ]:
        if value not in choices.values:
            problems[name] = [label]
        profile[name] = value
    if nace_section not in (None, "") and nace_section not in NaceSection.values:
        problems["nace_section"] = [_("Choose a sector of the list, or none.")]
    profile["nace_section"] = nace_section or ""
    return None, profile


def response_submit(
    *,
    user: User | None,
    wave: Wave,
    answers: Mapping[str, object],
    company: Company | int | None = None,
    province: str | None = None,
    size_class: str | None = None,
    nace_section: str | None = None,
    language: str = "fr",
) -> Response:
    """Record one response to an open wave.

    Linked to ``company`` when given (the user must be one of its members;
    the profile is the company's), anonymous otherwise (the profile is asked
    and no user is stored, not even in the audit row). One response per
    company per wave: a second one is a 409, also when both arrive at once.
    """
    # 1. Everything the respondent sent is checked before any write.
    problems: dict[str, list[str]] = {}
    linked, profile = _profile(
        user=user,
        company=company,
        province=province,
        size_class=size_class,
        nace_section=nace_section,
        problems=problems,
    )
    questions = wave.questions.prefetch_related("options").order_by("position", "id")
    try:
        rows = clean_answers(questions, answers)
    except DomainError as error:
        problems.update(error.fields or {})
    if problems:
        raise DomainError(
            _("Some answers are missing or invalid."),
            code="invalid_answers",
            fields=problems,
        )

    with transaction.atomic():
        # 2. The wave row lock orders submissions against its closing: no
        # response lands in a wave whose results are already out.
        locked = Wave.objects.select_for_update().get(pk=wave.pk)
        _wave_accepting(locked)
        if (
            linked is not None
            and Response.objects.filter(wave=locked, company=linked).exists()
        ):
            raise _already_answered(linked)

        # 3. The unique constraint backs the check above under a race.
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    wave=locked,
                    company=linked,
                    submitted_by=user if linked is not None else None,
                    language=language if language in ("fr", "en", "de", "nl") else "fr",
                    **profile,
                )
        except IntegrityError:
            raise _already_answered(linked) from None
        for row in rows:
            row.response = response
        Answer.objects.bulk_create(rows)

        audit_record(
            action="surveys.response.submitted",
            actor=user if linked is not None else None,
            obj=response,
            data={"wave": locked.pk, "anonymous": linked is None},
        )
    logger.info("Survey wave %s: response %s recorded", locked.pk, response.pk)
    return response


def _already_answered(company: Company | None) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        _("%(company)s has already answered this wave of the survey.")
        % {"company": company.name if company else ""},
        code="already_answered",
    )
