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
