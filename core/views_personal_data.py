"""The signed-in user's own data: what is held, a download, and erasure."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .errors import DomainError
from .personal_data import personal_data_archive, personal_data_summary


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that erasure cannot be undone."), required=True
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


def _page(request: HttpRequest, form: ErasureForm, status: int = 200) -> HttpResponse:
    context = {"summary": personal_data_summary(user=request.user), "form": form}
    return render(request, "core/personal_data.html", context, status=status)


@login_required
def personal_data_page(request: HttpRequest) -> HttpResponse:
    return _page(request, ErasureForm(user=request.user))


@login_required
def personal_data_download(request: HttpRequest) -> HttpResponse:
    archive = personal_data_archive(user=request.user)
    response = HttpResponse(archive, content_type="application/zip")
    name = f"nwow-personal-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def personal_data_erase_view(request: HttpRequest) -> HttpResponse:
    from .personal_data import personal_data_erase

    form = ErasureForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        personal_data_erase(user=request.user, actor=request.user)
    except DomainError as error:
        form.add_error(None, str(error.detail))
        return _page(request, form, status=409)
    logout(request)
    messages.success(request, _("Your personal data has been erased."))
    return redirect("core:home")
