"""Queuing e-mail: rendered in the recipient's language, sent after commit."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email

# Set while demo data is generated: the demo's workflow would otherwise mail
# every fictitious participant.
_suppressed: ContextVar[bool] = ContextVar("nwow_mail_suppressed", default=False)


@contextmanager
def suppressed():
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def language_for_address(email: str) -> str:
    """The stored language of the account with this address, else French."""
    from .models import User

    language = (
        User.objects.filter(email__iexact=email)
        .values_list("language", flat=True)
        .first()
    )
    return language or settings.LANGUAGE_CODE


def queue_message(message: EmailMessage) -> None:
    """Queue an already rendered message once the current transaction commits."""
    if _suppressed.get():
        return
    html_body = None
    if isinstance(message, EmailMultiAlternatives):
        html_body = next(
            (body for body, mime in message.alternatives if mime == "text/html"),
            None,
        )
    kwargs = {
        "subject": str(message.subject),
        "body": message.body,
        "to": list(message.to),
        "from_email": message.from_email,
        "html_body": html_body,
    }
    transaction.on_commit(lambda: send_email.enqueue(**kwargs))


def queue_templated_email(
    *, template_prefix: str, to: str, context: dict, language: str | None = None
) -> None:
    """Render ``<prefix>_subject.txt`` and ``<prefix>_message.txt`` and queue them.

    The templates are rendered in ``language``, or in the recipient's stored
    language, never in the language of whoever triggered the mail.
    """
    language = language or language_for_address(to)
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    queue_message(
        EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    )
