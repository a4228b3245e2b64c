"""``makemessages`` that also collects the notification texts written with ``notifikasi.pesan.kalimat`` and the
lazy labels imported as ``_lazy`` (beside an eager ``_`` in the same module)."""
from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=kalimat", "--keyword=_lazy"]
