from django import template

register = template.Library()


@register.filter
def kit_step(kit, number):
    """{% with kit_step=kit|kit_step:step.number %}: the kit of one checklist step (None without a kit)."""
    return kit.step(number) if kit is not None else None
