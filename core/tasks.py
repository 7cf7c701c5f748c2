"""Background tasks of the shared package (run by `db_worker` in production)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html_body: str | None = None,
) -> int:
    """Send one message that was rendered when it was queued.

    The message is rendered before queuing, in the recipient's language, so the
    worker needs neither the request nor the template context.
    """
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
