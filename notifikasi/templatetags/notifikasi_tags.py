from django import template

register = template.Library()


@register.inclusion_tag("notifikasi/_bell.html", takes_context=True)
def bell(context):
    """The navbar bell: two small queries (unread count + latest few) on each page."""
    from notifikasi.views import bell_context

    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"belum_dibaca": 0, "terbaru": []}
    return {**bell_context(request.user), "csrf_token": context.get("csrf_token")}
