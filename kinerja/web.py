"""Request helpers shared by every app: safe parsing of query parameters, htmx detection, pagination, and a
service's ``ValidationError`` shown to the user (as a message or on the form).

A query string is user input: ``"²".isdigit()`` is true but ``int("²")`` fails, ``int("١٢")`` is 12, and a
20-digit id overflows the database. Every number read from ``request.GET``/``POST`` goes through
:func:`parse_int` (ASCII digits only, bounded); a bad value gives the page's default, never a 500.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.utils import timezone

PAGE_SIZE = 25
MAX_ID = 2**63 - 1  # largest BigAutoField value on PostgreSQL and SQLite
MIN_TAHUN, MAX_TAHUN = 2000, 2100
MAX_PAGE = 100_000


def parse_int(value, *, min_value: int = 0, max_value: int = MAX_ID) -> int | None:
    """``value`` as an int when it is an optional "-" and ASCII digits within the bounds, else None."""
    if not isinstance(value, str):
        return None
    digits = value.strip()
    negative = digits.startswith("-")
    if negative:
        digits = digits[1:]
    if not digits or len(digits) > 19 or not (digits.isascii() and digits.isdecimal()):
        return None
    number = -int(digits) if negative else int(digits)
    return number if min_value <= number <= max_value else None


def int_param(request, name: str, *, default=None, min_value: int = 0, max_value: int = MAX_ID, source=None):
    """An integer query parameter (``source`` defaults to ``request.GET``); ``default`` when absent or bad."""
    value = parse_int((request.GET if source is None else source).get(name), min_value=min_value, max_value=max_value)
    return default if value is None else value


def id_param(request, name: str, *, source=None) -> int | None:
    """A primary key from the query string (``?unit=12``): a positive bounded int, or None."""
    return int_param(request, name, min_value=1, source=source)


def id_list(values) -> list[int]:
    """The valid primary keys of a multi-value field (``request.POST.getlist("ids")``); others are dropped."""
    ids = (parse_int(v, min_value=1) for v in values)
    return [i for i in ids if i is not None]


def tahun_param(request, *, default: int | None = None, name: str = "tahun") -> int:
    """The year a page shows (``?tahun=2026``), within 2000–2100; else ``default`` or the current year."""
    fallback = default if default is not None else timezone.localdate().year
    return int_param(request, name, default=fallback, min_value=MIN_TAHUN, max_value=MAX_TAHUN)


def is_htmx(request) -> bool:
    """A request sent by htmx (partial update), not a full page load."""
    return request.headers.get("HX-Request") == "true"


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, param: str = "page", count: int | None = None) -> Page:
    """One page of ``queryset`` (``?page=``); a bad or out-of-range number gives the first or last page.
    ``count``: the number of rows when the caller has it already (no ``COUNT(*)`` query)."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: the instance value takes its place
    return paginator.get_page(int_param(request, param, default=1, min_value=1, max_value=MAX_PAGE))


def error_text(exc: ValidationError) -> str:
    """The messages of a service's ``ValidationError`` as one sentence for the user."""
    return " ".join(exc.messages)


def error_message(request, exc: ValidationError, *, suffix: str = "", level: int = messages.ERROR) -> None:
    """Show a service's ``ValidationError`` as a flash message (``suffix`` appended after a space)."""
    text = error_text(exc)
    messages.add_message(request, level, f"{text} {suffix}" if suffix else text)


def errors_to_form(form, exc: ValidationError) -> None:
    """Put a service's ``ValidationError`` on ``form``: on the field it names when the form has that field,
    else as a form-wide error."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    for field, msgs in errors.items():
        form.add_error(field if field in form.fields else None, msgs)
