from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=`` and ``?page_size=`` (at most 100) over ``results``."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        # DRF falls back to the default size on a malformed value; a client
        # that asked for "abc" or 0 rows has a bug it should hear about.
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError(
                {self.page_size_query_param: [_("Enter a whole number from 1.")]},
                code="invalid",
            )
        return min(size, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = _(
                    "Number of results per page, from 1; above %(max)d gives %(max)d."
                ) % {"max": self.max_page_size}
            elif parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
        return parameters
