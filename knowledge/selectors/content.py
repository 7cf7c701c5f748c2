"""Lists and items of each content kind, and the text search they share.

The public, and every user who is not an editor, sees published content
only; editors and administrators see every state. An item one may not see is
a 404, like an unknown one.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Model, QuerySet
from django.db.models.expressions import RawSQL

from core.errors import NotFound
from core.models import User

from ..models import Capsule, CaseStudy, Content, ContentKind, ContentStatus, Resource
from ..services import is_editor
from ..text import terms

MODELS: dict[str, type[Content]] = {
    ContentKind.CASE_STUDY: CaseStudy,
    ContentKind.CAPSULE: Capsule,
    ContentKind.RESOURCE: Resource,
}


def _base(model: type[Content]) -> QuerySet:
    queryset = model.objects.prefetch_related("needs")
    if model is CaseStudy:
        return queryset.select_related("company", "expert").prefetch_related(
            "figures", "quotes"
        )
    if model is Capsule:
        return queryset.select_related("featured_company")
    return queryset


def content_list[C: Content](model: type[C], *, user: User | None) -> QuerySet[C]:
    """Items of one kind that the user may see, newest first."""
    queryset = _base(model)
    if not is_editor(user):
        queryset = queryset.filter(status=ContentStatus.PUBLISHED)
    return queryset


def content_get[C: Content](model: type[C], *, user: User | None, pk) -> C:
    try:
        return content_list(model, user=user).get(pk=int(pk))
    except (model.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def published(model: type[Content]) -> QuerySet:
    return _base(model).filter(status=ContentStatus.PUBLISHED)


def text_search[M: Model](queryset: QuerySet[M], query: str) -> QuerySet[M]:
    """Items whose text holds every word of ``query``, best first.

    Both sides are normalised (casefolded, accents stripped). On PostgreSQL
    the French configuration stems the words ("réunions" finds "réunion"),
    each word also matches as a prefix, and the rank orders the results; on
    SQLite every word must appear in the text, newest first.
    """
    words = terms(query)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        # Words are \w+ only, so the raw tsquery cannot be malformed.
        search_query = SearchQuery(
            " & ".join(f"{word}:*" for word in words),
            config="french",
            search_type="raw",
        )
        # The stored, indexed vector of migration 0002 (PostgreSQL only).
        table = connection.ops.quote_name(queryset.model._meta.db_table)
        vector = RawSQL(  # noqa: S611 - a table name from the model, no input
            f"{table}.search_vector", (), output_field=SearchVectorField()
        )
        return (
            queryset.annotate(search=vector, rank=SearchRank(vector, search_query))
            .filter(search=search_query)
            .order_by("-rank", "-id")
        )
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset
