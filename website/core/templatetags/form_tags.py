"""Helpers for the shared form markup (templates/includes/form_errors.html)."""

from django import template

register = template.Library()


@register.filter
def field_anchor(bound_field):
    """The id an error summary link points to: the field's input, or the
    first option of a group of radio buttons or checkboxes (their
    fieldset has no id of its own)."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", None)
    if input_type == "radio" or (
        input_type == "checkbox" and getattr(widget, "allow_multiple_selected", False)
    ):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label
