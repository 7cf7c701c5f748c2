"""Routes that hang off one object and answer a plain list."""

from rest_framework.decorators import action


def detail_list_action(*, methods=("get",), **kwargs):
    """``@action(detail=True)`` for a route answering a plain list of the
    object's rows (history, documents, members...).

    Without the viewset's paginator and filters: the list is short and whole,
    the schema would otherwise describe it as a page, and the list filters
    (``?status=…``) would apply to the lookup of the object itself.
    """
    kwargs.setdefault("pagination_class", None)
    kwargs.setdefault("filter_backends", [])
    return action(detail=True, methods=list(methods), **kwargs)
