"""Request middleware of the project."""


def indonesian_by_default(get_response):
    """Serve Indonesian unless the user picked another language with the switch (cookie or session).

    Browsers in Indonesian offices often announce English first; the browser's Accept-Language
    must not turn the interface English by itself. Goes before LocaleMiddleware.
    """

    def middleware(request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return get_response(request)

    return middleware
