"""django-allauth hooks: mail in the recipient's language, sent in the background."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from .mail import language_for_address, queue_message


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth renders in the active language; an existing account gets its
        # own language instead (a reset asked for from an English browser for
        # a French-speaking user still arrives in French).
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        with translation.override(language_for_address(email)):
            message = self.render_mail(template_prefix, email, ctx)
        queue_message(message)

    def save_user(self, request, user, form, commit=True):
        user.language = (translation.get_language() or "fr")[:2]
        return super().save_user(request, user, form, commit=commit)
