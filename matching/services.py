"""Writes of expert requests: creation with its checks, withdrawal.

A request is complete and valid when it names at least one need of the
taxonomy, comes from a member of the company, and builds on a completed
maturity scan no older than ``NWOW["SCAN_MAX_AGE_DAYS"]`` (365 by default).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.errors import DomainError, NotFound, TransitionNotAllowed
from core.models import Need, User

from . import pme_adapter
from .models import ExpertRequest

logger = logging.getLogger(__name__)

Status = ExpertRequest.Status

LANGUAGE_CODES = ("fr", "de", "nl", "en")
DESCRIPTION_MAX_LENGTH = 5000
BUDGET_DAYS_RANGE = (1, 200)

ACTION_LABELS = {
    "matching.request.created": gettext_lazy("Expert request created"),
    "matching.request.withdrawn": gettext_lazy("Expert request withdrawn"),
}


def register_request_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


class ScanRequired(DomainError):
    """The company has no completed scan recent enough to build a request on.

    Carries the company so that a page can link to its scan.
    """

    status_code = 409
    default_code = "scan_required"

    def __init__(self, detail=None, *, company, **kwargs):
        super().__init__(detail, **kwargs)
        self.company = company


def scan_max_age_days() -> int:
    return settings.NWOW.get("SCAN_MAX_AGE_DAYS", 365)


def recent_scan(company):
    """The company's latest completed scan if it is recent enough, else None."""
    scan = pme_adapter.latest_scan(company)
    oldest = timezone.now() - datetime.timedelta(days=scan_max_age_days())
    if scan is None or scan.taken_at < oldest:
        return None
    return scan


def require_recent_scan(company):
    scan = recent_scan(company)
    if scan is None:
        raise ScanRequired(
            _(
                "Take the maturity scan of %(company)s first: a request builds on "
                "a completed scan taken in the last %(months)s months."
            )
            % {"company": company.name, "months": scan_max_age_days() // 30},
            company=company,
        )
    return scan


def _clean_needs(codes, primary_code, errors: dict) -> tuple[list[Need], Need | None]:
    codes = list(dict.fromkeys(str(code).strip().upper() for code in codes or []))
    if not codes:
        errors["needs"] = [_("Choose at least one need.")]
        return [], None

    found = {
        need.code: need for need in Need.objects.filter(code__in=codes, is_active=True)
    }
    unknown = [code for code in codes if code not in found]
    if unknown:
        errors["needs"] = [
            _("Unknown needs: %(codes)s. Use the taxonomy codes, such as TEL or HRP.")
            % {"codes": ", ".join(unknown)}
        ]
        return [], None
    needs = [found[code] for code in codes]

    # The main need defaults to the first one the company picked.
    primary_code = str(primary_code or codes[0]).strip().upper()
    if primary_code not in found:
        errors["primary_need"] = [_("The main need must be one of the chosen needs.")]
        return needs, None
    return needs, found[primary_code]


def _clean_window(start_from, start_until, errors: dict) -> None:
    if start_from and start_from < timezone.localdate():
        errors["start_from"] = [_("The earliest start cannot be in the past.")]
    if start_from and start_until and start_until < start_from:
        errors["start_until"] = [
            _("The latest start cannot come before the earliest start.")
        ]


def request_create(
    *,
    user: User,
    company,
    needs: list[str],
    description: str,
    language: str,
    budget_days: int | None = None,
    start_from: datetime.date | None = None,
    start_until: datetime.date | None = None,
    primary_need: str | None = None,
) -> ExpertRequest:
    """Create an open request after every check (404, then 400, then 409).

    ``company`` is a Company or its id; either way the user must belong to it.
    """
    # 1. Ownership first: another company's id is simply unknown.
    company_id = getattr(company, "pk", company)
    company = pme_adapter.company_for_member(user, company_id)

    # 2. The fields, all reported at once.
    errors: dict[str, list[str]] = {}
    need_rows, primary = _clean_needs(needs, primary_need, errors)
    description = (description or "").strip()
    if not description:
        errors["description"] = [_("Describe your situation and what you expect.")]
    elif len(description) > DESCRIPTION_MAX_LENGTH:
        errors["description"] = [
            _("At most %(max)s characters.") % {"max": DESCRIPTION_MAX_LENGTH}
        ]
    if language not in LANGUAGE_CODES:
        errors["language"] = [
            _("Choose among: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
        ]
    low, high = BUDGET_DAYS_RANGE
    if budget_days is not None and not low <= budget_days <= high:
        errors["budget_days"] = [
            _("Between %(low)s and %(high)s days.") % {"low": low, "high": high}
        ]
    _clean_window(start_from, start_until, errors)
    if errors:
        raise DomainError(_("Some fields are invalid."), fields=errors)

    # 3. The scan the request builds on.
    scan = require_recent_scan(company)

    with transaction.atomic():
        # 4. One open request per need: the company's row serialises two
        #    requests sent at once, so the second sees the first.
        pme_adapter.lock_company(company)
        already = ExpertRequest.objects.filter(
            company=company, primary_need=primary, status=ExpertRequest.Status.OPEN
        )
        if already.exists():
            raise TransitionNotAllowed(
                _(
                    "Your company already has an open request for “%(need)s”: "
                    "follow it up, or withdraw it before making another."
                )
                % {"need": primary.label()},
                code="request_already_open",
            )
        expert_request = ExpertRequest.objects.create(
            company=company,
            created_by=user,
            primary_need=primary,
            description=description,
            language=language,
            budget_days=budget_days,
            start_from=start_from,
            start_until=start_until,
            assessment=scan,
        )
        expert_request.needs.set(need_rows)
        audit_record(
            action="matching.request.created",
            actor=user,
            obj=expert_request,
            to_state=expert_request.status,
            data={
                "company": company.pk,
                "needs": [need.code for need in need_rows],
                "primary_need": primary.code,
                "assessment": scan.pk,
            },
        )
    logger.info(
        "Expert request %s created for company %s", expert_request.pk, company.pk
    )
    return expert_request


def request_withdraw(
    *, user: User, expert_request: ExpertRequest, reason: str = ""
) -> ExpertRequest:
    """Withdraw an open request; only a member of its company may."""
    # Agency staff may read any request but act for no company: 404 as well.
    if not pme_adapter.companies_of(user).filter(pk=expert_request.company_id).exists():
        raise NotFound()

    with transaction.atomic():
        # The lock makes concurrent withdrawals queue: the second sees the new
        # state and gets a 409 instead of writing a second audit row.
        locked = ExpertRequest.objects.select_for_update().get(pk=expert_request.pk)
        if locked.status != Status.OPEN:
            raise TransitionNotAllowed(
                _("This action is not possible in the state “%(status)s”.")
                % {"status": locked.get_status_display()}
            )
        locked.status = Status.WITHDRAWN
        locked.save(update_fields=["status"])
        audit_record(
            action="matching.request.withdrawn",
            actor=user,
            obj=locked,
            from_state=Status.OPEN,
            to_state=locked.status,
            reason=(reason or "").strip(),
        )
    logger.info("Expert request %s withdrawn", locked.pk)
    return locked
