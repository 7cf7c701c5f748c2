"""Public pages: verify a certificate, browse the directory of approved experts.

Both read the same selectors as the public API, so the page and the API can
never disagree about what is valid or who is listed.
"""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.reference.geography import Province
from core.selectors import need_list

from .api.public import expert_rows, verification_result
from .selectors import accreditations as selectors

EXPERTS_PER_PAGE = 20


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=24,
        help_text=_("As printed on the certificate, e.g. ABCD-EFGH-JKMN-PQRS."),
    )


class ExpertFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    province = forms.ChoiceField(
        label=_("Province"),
        required=False,
        choices=[("", _("All provinces")), *Province.choices],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [
            ("", _("All domains")),
            *[(need.code, f"{need.code} · {need.label()}") for need in need_list()],
        ]


@require_GET
def verify(request: HttpRequest, code: str | None = None) -> HttpResponse:
    if code is None and request.GET.get("code"):
        # One address per certificate: the form lands on the same page as the QR.
        form = VerifyForm(request.GET)
        if form.is_valid():
            return redirect(
                "accreditation-public:verify-code",
                code=form.cleaned_data["code"].strip().upper(),
            )
    else:
        form = VerifyForm(initial={"code": code} if code else None)

    context = {"form": form, "code": code, "result": None}
    status = 200
    if code is not None:
        accreditation = selectors.accreditation_get_by_code(code=code)
        if accreditation is None:
            status = 404
        else:
            context["result"] = verification_result(accreditation)
            context["accreditation"] = accreditation
            labels = {
                sibling.domain.code: sibling.domain.label()
                for sibling in selectors.accreditation_siblings(accreditation)
            }
            context["domain_rows"] = [
                (code, labels.get(code, "")) for code in context["result"]["domains"]
            ]
    return render(request, "accreditation/verify.html", context, status=status)


@require_GET
def experts(request: HttpRequest) -> HttpResponse:
    form = ExpertFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
    paginator = Paginator(selectors.expert_list(**filters), EXPERTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    provinces = dict(Province.choices)
    rows = expert_rows(list(page.object_list))
    for row in rows:
        row["province_labels"] = [
            provinces.get(code, code) for code in row["provinces"]
        ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accreditation/experts.html",
        {
            "form": form,
            "page": page,
            "experts": rows,
            "query": query.urlencode(),
        },
    )
