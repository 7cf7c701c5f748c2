"""Public pages of the knowledge base, and the editors' review queue.

Anyone may browse, search, read and watch published content; editors also
preview drafts and move items through the workflow with POST buttons (the
admin offers the same buttons). Views stay thin: they read through the
selectors, call one service and redirect with a message.
"""

import mimetypes

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.dashboard import register_dashboard_panel
from core.errors import DomainError, NotFound
from core.navigation import register_nav_item

from . import services
from .exports import bibtex_entry, to_bibtex, to_csv
from .media import ranged_file_response
from .models import Capsule, CaseStudy, Content, ContentKind, ContentStatus, Resource
from .selectors.content import MODELS, content_get, content_list
from .selectors.search import FACETS, load_items, search

PAGE_SIZE = 12
PANEL_LIMIT = 5
HOME_LATEST = 3


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)
    kind = forms.ChoiceField(required=False, choices=ContentKind.choices)
    need = forms.CharField(required=False, max_length=8)
    dimension = forms.CharField(required=False, max_length=2)
    province = forms.CharField(required=False, max_length=6)
    sector = forms.CharField(required=False, max_length=1)
    language = forms.CharField(required=False, max_length=2)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)


def _get(model: type[Content], request, pk) -> Content:
    try:
        return content_get(model, user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


def _search_context(request, *, kind: str | None = None) -> dict:
    """Search results, facets and the page of hits for a list or search page."""
    form = SearchForm(request.GET)
    # A wrong parameter (an old link, a typo) drops that filter only.
    form.is_valid()
    data = form.cleaned_data
    chosen = {name: data.get(name) for name in FACETS if data.get(name)}
    if kind:
        chosen["kind"] = kind
    results = search(query=data.get("q", ""), chosen=chosen)
    page = Paginator(results.hits, PAGE_SIZE).get_page(request.GET.get("page"))
    load_items(list(page.object_list))

    # Links that toggle a facet value keep the other choices and the query.
    base = request.GET.copy()
    base.pop("page", None)
    links = {}
    for facet in results.facets:
        for value in facet.values:
            params = base.copy()
            if value.selected:
                params.pop(facet.name, None)
            else:
                params[facet.name] = value.value
            links[(facet.name, value.value)] = "?" + params.urlencode()
    facets = [
        {
            "name": facet.name,
            "title": facet.title,
            "values": [
                {"value": v, "link": links[(facet.name, v.value)]} for v in facet.values
            ],
        }
        for facet in results.facets
        if facet.values and not (kind and facet.name == "kind")
    ]
    return {
        "form": form,
        "results": results,
        "page": page,
        "facets": facets,
        "query": data.get("q", ""),
        "querystring": base.urlencode(),
        "is_editor": services.is_editor(request.user),
    }


def home(request):
    latest = {
        kind: list(content_list(model, user=None)[:HOME_LATEST])
        for kind, model in MODELS.items()
    }
    counts = {
        kind: content_list(model, user=None).count() for kind, model in MODELS.items()
    }
    context = {
        "latest_case_studies": latest[ContentKind.CASE_STUDY],
        "latest_capsules": latest[ContentKind.CAPSULE],
        "latest_resources": latest[ContentKind.RESOURCE],
        "counts": counts,
        "is_editor": services.is_editor(request.user),
    }
    return render(request, "knowledge/home.html", context)


def _content_list(request, *, kind, title, intro):
    """One kind's list page: the search with its facets, limited to the kind."""
    context = _search_context(request, kind=kind)
    context.update(kind=kind, title=title, intro=intro)
    return render(request, "knowledge/content_list.html", context)


def search_page(request):
    return render(request, "knowledge/search.html", _search_context(request))


def case_study_list(request):
    return _content_list(
        request,
        kind=ContentKind.CASE_STUDY,
        title=_("Case studies"),
        intro=_(
            "How Walloon SMEs moved to the New Ways of Working: their situation, "
            "what they did and the results, in figures."
        ),
    )


def case_study_detail(request, pk: int):
    case_study = _get(CaseStudy, request, pk)
    context = {"item": case_study, **_editor_context(request, case_study)}
    return render(request, "knowledge/case_study_detail.html", context)


def capsule_list(request):
    return _content_list(
        request,
        kind=ContentKind.CAPSULE,
        title=_("Video capsules"),
        intro=_(
            "Short videos, with subtitles and a transcript, to discover a "
            "practice in a few minutes."
        ),
    )


def capsule_detail(request, pk: int):
    capsule = _get(Capsule, request, pk)
    context = {"item": capsule, **_editor_context(request, capsule)}
    return render(request, "knowledge/capsule_detail.html", context)


def capsule_video(request, pk: int):
    capsule = _get(Capsule, request, pk)
    if not capsule.video_file:
        raise Http404
    content_type = capsule.video_type or Capsule.VideoType.MP4
    return ranged_file_response(request, capsule.video_file, content_type)


def capsule_subtitles(request, pk: int):
    capsule = _get(Capsule, request, pk)
    if not capsule.subtitles_file:
        raise Http404
    with capsule.subtitles_file.open("rb") as handle:
        body = handle.read()
    return HttpResponse(body, content_type="text/vtt; charset=utf-8")


def resource_list(request):
    return _content_list(
        request,
        kind=ContentKind.RESOURCE,
        title=_("Resources"),
        intro=_(
            "Statistics, scientific publications, studies, guides and templates, "
            "with their references; export a list as BibTeX or CSV."
        ),
    )


def resource_detail(request, pk: int):
    resource = _get(Resource, request, pk)
    context = {
        "item": resource,
        "bibtex": bibtex_entry(resource),
        **_editor_context(request, resource),
    }
    return render(request, "knowledge/resource_detail.html", context)


def resource_file(request, pk: int):
    resource = _get(Resource, request, pk)
    if not resource.file:
        raise Http404
    content_type = mimetypes.guess_type(resource.file.name)[0]
    return FileResponse(
        resource.file.open("rb"),
        content_type=content_type or "application/octet-stream",
        as_attachment=content_type != "application/pdf",
        filename=resource.file.name.rsplit("/", 1)[-1],
    )


def _filtered_resources(request) -> list[Resource]:
    """The resources of the list page as filtered, in its order."""
    context = _search_context(request, kind=ContentKind.RESOURCE)
    return [hit.item for hit in load_items(context["results"].hits)]


def resource_export(request, fmt: str):
    resources = _filtered_resources(request)
    if fmt == "bib":
        body, content_type, name = to_bibtex(resources), "application/x-bibtex", "bib"
    else:
        body, content_type, name = to_csv(resources), "text/csv", "csv"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="nwow-resources.{name}"'
    return response


# -- editors ------------------------------------------------------------------

ACTIONS_FROM = {
    ContentStatus.DRAFT: ["submit"],
    ContentStatus.IN_REVIEW: ["publish", "return"],
    ContentStatus.PUBLISHED: ["archive"],
    ContentStatus.ARCHIVED: [],
}
ACTION_LABELS = {
    "submit": gettext_lazy("Submit for review"),
    "publish": gettext_lazy("Publish"),
    "return": gettext_lazy("Return to draft"),
    "archive": gettext_lazy("Archive"),
}


def _editor_context(request, item: Content) -> dict:
    if not services.is_editor(request.user):
        return {"is_editor": False}
    return {
        "is_editor": True,
        "actions": [(name, ACTION_LABELS[name]) for name in ACTIONS_FROM[item.status]],
        "admin_url": f"admin:knowledge_{type(item).__name__.lower()}_change",
    }


@login_required
def editor_queue(request):
    if not services.is_editor(request.user):
        raise Http404
    rows = []
    for kind, model in MODELS.items():
        for item in content_list(model, user=request.user).exclude(
            status__in=[ContentStatus.PUBLISHED, ContentStatus.ARCHIVED]
        ):
            rows.append((kind, item))
    rows.sort(key=lambda row: (row[1].status != ContentStatus.IN_REVIEW, row[0]))
    context = {
        "rows": [
            {
                "kind": kind,
                "kind_label": ContentKind(kind).label,
                "item": item,
                "actions": [
                    (name, ACTION_LABELS[name]) for name in ACTIONS_FROM[item.status]
                ],
            }
            for kind, item in rows
        ]
    }
    return render(request, "knowledge/editor_queue.html", context)


@login_required
@require_POST
def content_transition_view(request, kind: str, pk: int, action: str):
    model = MODELS.get(kind)
    if model is None or action not in services.TRANSITIONS:
        raise Http404
    item = _get(model, request, pk)
    try:
        services.content_transition(
            user=request.user,
            item=item,
            action=action,
            reason=request.POST.get("reason", "")[:5000],
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("“%(title)s”: %(action)s.")
            % {"title": item.title, "action": ACTION_LABELS[action].lower()},
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or "knowledge:editor-queue")


def review_panel(request) -> dict | None:
    """Items waiting for an editor, on the editors' dashboard."""
    if not services.is_editor(request.user):
        return None
    in_review, drafts = [], 0
    for model in MODELS.values():
        items = model.objects.filter(status=ContentStatus.IN_REVIEW)
        in_review += list(items.order_by("updated_at")[:PANEL_LIMIT])
        drafts += model.objects.filter(status=ContentStatus.DRAFT).count()
    in_review.sort(key=lambda item: item.updated_at)
    return {"in_review": in_review[:PANEL_LIMIT], "drafts": drafts}


def register_knowledge_ui() -> None:
    register_nav_item(
        order=60, label=gettext_lazy("Knowledge"), url_name="knowledge:home"
    )
    register_dashboard_panel(
        order=60, template_name="knowledge/panels/review.html", context=review_panel
    )
