"""The one error type of the domain, mapped to HTTP by ``core.api.errors``.

Services raise these with a message that is already translated (gettext at the
raise site) and a stable ``code`` that machines can rely on.
"""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status_code = 400
    default_code = "invalid"
    default_detail = _("The request could not be processed.")

    def __init__(self, detail=None, *, code: str | None = None, fields=None):
        self.detail = detail if detail is not None else self.default_detail
        self.code = code or self.default_code
        self.fields = fields
        super().__init__(str(self.detail))


class NotAllowed(DomainError):
    status_code = 403
    default_code = "permission_denied"
    default_detail = _("You are not allowed to do this.")


class NotFound(DomainError):
    status_code = 404
    default_code = "not_found"
    default_detail = _("Not found.")


class TransitionNotAllowed(DomainError):
    """The object's current state does not allow the action, or a guard failed."""

    status_code = 409
    default_code = "transition_not_allowed"
    default_detail = _("This action is not allowed in the current state.")


class UploadTooLarge(DomainError):
    status_code = 413
    default_code = "upload_too_large"
    default_detail = _("The file is too large.")
