"""What a browser would submit for one form of a rendered page, for client tests that save a form back."""
from html.parser import HTMLParser


class _FormValues(HTMLParser):
    """The values a browser would submit for one form: its controls, and those linked with form="…"."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.values, self._textarea, self._select = form_id, False, {}, None, None

    def _mine(self, attrs: dict) -> bool:
        return attrs.get("form") == self.form_id or (self.inside and "form" not in attrs)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        elif tag == "input" and a.get("name") and self._mine(a) and a.get("type") not in {"submit", "file"}:
            if a.get("type") not in {"radio", "checkbox"} or "checked" in a:
                self.values[a["name"]] = a.get("value", "")
        elif tag == "textarea" and self._mine(a):
            self._textarea = a["name"]
            self.values[self._textarea] = ""
        elif tag == "select" and self._mine(a):
            self._select = a["name"]
            self.values.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data.removeprefix("\n") if not self.values[self._textarea] else data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_values(html: str, form_id: str) -> dict:
    parser = _FormValues(form_id)
    parser.feed(html)
    return parser.values
