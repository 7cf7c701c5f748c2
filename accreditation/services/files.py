"""The content of an application file: its fields, documents and references.

Only the applicant changes it, and only while it is a draft or incomplete.
"""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.models import User
from core.roles import Role
from core.uploads import check_upload

from ..models import Application, ApplicationDocument, ReferenceMission
from .common import (
    EDITABLE_STATES,
    LANGUAGE_CODES,
    PROVINCE_CODES,
    clean_codes,
    clean_domains,
    clean_enterprise_number,
    require_owner,
)


def application_create(
    *,
    consultant: User,
    domains: list[str],
    enterprise_number: str = "",
    motivation: str = "",
    years_experience: int = 0,
    languages: list[str] | None = None,
    provinces: list[str] | None = None,
    remote: bool = False,
) -> Application:
    if not consultant.has_role(Role.CONSULTANT):
        raise NotAllowed(_("Only consultants can apply for accreditation."))
    needs = clean_domains(domains)
    with transaction.atomic():
        # The consultant's row is the lock: two applications sent at the same
        # instant are created one after the other, and the second sees the first.
        User.objects.select_for_update().filter(pk=consultant.pk).first()
        _refuse_second_open_application(consultant, needs)
        application = Application.objects.create(
            consultant=consultant,
            enterprise_number=clean_enterprise_number(enterprise_number),
            motivation=motivation,
            years_experience=years_experience,
            languages=clean_codes(languages, LANGUAGE_CODES, "languages"),
            provinces=clean_codes(provinces, PROVINCE_CODES, "provinces"),
            remote=remote,
        )
        application.domains.set(needs)
        audit_record(
            action="accreditation.application.created",
            actor=consultant,
            obj=application,
            to_state=application.status,
            data={"domains": [need.code for need in needs]},
        )
    return application


def _refuse_second_open_application(consultant: User, needs, exclude=None) -> None:
    open_files = Application.objects.filter(
        consultant=consultant,
        status__in=Application.OPEN_STATES,
        domains__in=needs,
    )
    if exclude is not None:
        open_files = open_files.exclude(pk=exclude.pk)
    taken = sorted(
        {need.code for need in needs}
        & set(open_files.values_list("domains__code", flat=True))
    )
    if taken:
        raise TransitionNotAllowed(
            _(
                "You already have an open application for %(domains)s: complete or "
                "withdraw it before starting another."
            )
            % {"domains": ", ".join(taken)},
            code="application_already_open",
        )


def application_update(
    *, application: Application, actor: User, **fields
) -> Application:
    """Change the file's content; only its owner, only while it is editable."""
    require_owner(application, actor)
    if application.status not in EDITABLE_STATES:
        raise TransitionNotAllowed(
            _("The application can no longer be changed once it is under review.")
        )
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if "domains" in fields:
            needs = clean_domains(fields.pop("domains"))
            _refuse_second_open_application(actor, needs, exclude=locked)
            locked.domains.set(needs)
        if "enterprise_number" in fields:
            fields["enterprise_number"] = clean_enterprise_number(
                fields["enterprise_number"]
            )
        if "languages" in fields:
            fields["languages"] = clean_codes(
                fields["languages"], LANGUAGE_CODES, "languages"
            )
        if "provinces" in fields:
            fields["provinces"] = clean_codes(
                fields["provinces"], PROVINCE_CODES, "provinces"
            )
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save()
    return locked


def _require_editable(application: Application, actor: User) -> None:
    require_owner(application, actor)
    if application.status not in EDITABLE_STATES:
        raise TransitionNotAllowed(
            _(
                "Documents and references can only change while the file is a draft "
                "or incomplete."
            )
        )


def application_add_document(
    *, application: Application, actor: User, kind: str, upload: UploadedFile
) -> ApplicationDocument:
    _require_editable(application, actor)
    if kind not in ApplicationDocument.Kind.values:
        raise DomainError(
            _("Unknown document kind."),
            fields={"kind": [_("Choose cv, insurance, charter or other.")]},
        )
    checked = check_upload(upload)
    original_name = _safe_name(upload.name or "")
    upload.name = f"upload{checked.extension}"
    with transaction.atomic():
        document = ApplicationDocument.objects.create(
            application=application,
            kind=kind,
            file=upload,
            original_name=original_name,
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=actor,
        )
        audit_record(
            action="accreditation.application.document_added",
            actor=actor,
            obj=application,
            data={"document": document.pk, "kind": kind},
        )
    return document


def _safe_name(upload_name: str) -> str:
    # Kept for display only; the stored file has a random name.
    name = upload_name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:200] or "document"


def application_remove_document(*, document: ApplicationDocument, actor: User) -> None:
    application = document.application
    _require_editable(application, actor)
    with transaction.atomic():
        audit_record(
            action="accreditation.application.document_removed",
            actor=actor,
            obj=application,
            data={"document": document.pk, "kind": document.kind},
        )
        stored = document.file
        document.delete()
        transaction.on_commit(lambda: stored.delete(save=False))


def application_add_reference(
    *,
    application: Application,
    actor: User,
    client_name: str,
    client_email: str,
    year: int,
    domain: str,
    description: str,
    client_contact: str = "",
    client_phone: str = "",
) -> ReferenceMission:
    _require_editable(application, actor)
    need = clean_domains([domain])[0]
    if year > timezone.localdate().year:
        raise DomainError(
            _("A reference mission cannot be in the future."),
            fields={"year": [_("Give the year the mission took place.")]},
        )
    with transaction.atomic():
        reference = ReferenceMission.objects.create(
            application=application,
            client_name=client_name,
            client_contact=client_contact,
            client_email=client_email,
            client_phone=client_phone,
            year=year,
            domain=need,
            description=description,
        )
        audit_record(
            action="accreditation.application.reference_added",
            actor=actor,
            obj=application,
            data={"reference": reference.pk},
        )
    return reference
