from django import template

from core.audit import action_label

register = template.Library()

_WIDGET_CLASSES = {
    "select": "form-select",
    "selectmultiple": "form-select",
    "checkbox": "form-check-input",
    "radioselect": "",
    "checkboxselectmultiple": "",
    "hidden": "",
}


@register.simple_tag
def bootstrap_widget(field):
    """Render a bound field's widget with the Bootstrap class its type needs."""
    css = _WIDGET_CLASSES.get(field.widget_type, "form-control")
    if field.errors and css:
        css += " is-invalid"
    return field.as_widget(attrs={"class": css} if css else None)


@register.filter
def audit_action(code: str) -> str:
    return action_label(code)


@register.filter
def status_label(value: str, obj) -> str:
    """The translated label of a status value of ``obj``'s ``status`` field."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        choices = dict(obj._meta.get_field("status").flatchoices)
    except (AttributeError, FieldDoesNotExist):
        return value
    return str(choices.get(value, value))


@register.filter
def audit_state(entry, which: str) -> str:
    """An audit entry's ``from`` or ``to`` state, as its model labels it.

    The entry stores the raw value ("submitted"); the reader sees "Introduite"
    in their language. The content type comes from Django's cache, so a table
    of entries costs no query per row.
    """
    from django.contrib.contenttypes.models import ContentType

    value = entry.from_state if which == "from" else entry.to_state
    if not value or not entry.content_type_id:
        return value
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    return status_label(value, model) if model else value


@register.filter
def enterprise_number(value: str) -> str:
    """0403019261 as 0403.019.261; anything else unchanged."""
    from django.core.exceptions import ValidationError

    from core.reference.enterprise import format_enterprise_number

    try:
        return format_enterprise_number(value) if value else value
    except ValidationError:
        return value
