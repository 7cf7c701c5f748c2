from django.forms.renderers import TemplatesSetting


class BootstrapFormRenderer(TemplatesSetting):
    """Render every form with labelled Bootstrap fields (ours and allauth's)."""

    form_template_name = "forms/bootstrap_form.html"
    field_template_name = "forms/bootstrap_field.html"
