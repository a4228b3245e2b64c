"""Notifications: one call for every feature that needs to tell someone something.

``notify`` is the stable interface; the in-app and e-mail channels behind it live in this app.
"""


def notify(*, penerima, judul: str, pesan: str, url: str = "", objek=None, email: bool = False) -> None:
    """Tell ``penerima`` (a User) something. Safe to call inside a transaction."""
    return None
