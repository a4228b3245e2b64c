"""Reminder services: plan the claim rows, then send each recipient's pending rows exactly once.

Pattern from healthchecks (style.md §5): the unique row is the promise, a conditional UPDATE
``PENDING → SENDING`` tagged with a fresh token is the claim (two overlapping runs can never both win a
row: the loser's UPDATE re-checks ``status`` after the winner commits), ``SENT`` is set right after the
e-mail. A worker killed between claim and SENT leaves rows in SENDING; ``pengingat_requeue_stuck``
hands them back after a grace period (at-least-once for that crash window only).
"""
import uuid
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.format import tanggal
from pegawai.models import Instansi

from .models import Pengingat
from .pesan import Teks, kalimat, pilihan_teks, tanggal_teks
from .selectors import content_type_ids, pengingat_due_for
from .services import absolute_url, alamat_email, email_send, nama_penerima, notifikasi_create

MACET_SETELAH = timedelta(minutes=15)


def pengingat_plan(*, instansi: Instansi, today: date) -> int:
    """Insert the claim rows owed today; rows that already exist (any status) are left alone."""
    kandidat = pengingat_due_for(instansi, today=today)
    ct = content_type_ids({k.model for k in kandidat})
    rows = [
        Pengingat(penerima_id=k.penerima_id, periode_id=k.periode_id, jenis=k.jenis, tahap=k.tahap,
                  content_type_id=ct[k.model], object_id=k.object_id, objek_repr=k.objek_repr, url=k.url)
        for k in kandidat
    ]
    Pengingat.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return len(rows)


def penerima_pending_for(instansi: Instansi | None = None) -> list[int]:
    qs = Pengingat.objects.filter(status=Pengingat.Status.PENDING)
    if instansi is not None:
        qs = qs.filter(periode__instansi=instansi)
    return sorted(set(qs.values_list("penerima_id", flat=True)))


def pengingat_send(*, penerima_id: int) -> int:
    """Claim and send every PENDING reminder of one recipient as one e-mail plus one in-app row each."""
    token, now = uuid.uuid4(), timezone.now()
    diklaim = Pengingat.objects.filter(penerima_id=penerima_id, status=Pengingat.Status.PENDING).update(
        status=Pengingat.Status.SENDING, token=token, diklaim_pada=now, percobaan=F("percobaan") + 1
    )
    if not diklaim:
        return 0
    items = list(
        Pengingat.objects.filter(token=token)
        .select_related("penerima", "periode")
        .order_by("periode__batas_pengisian", "pk")
    )
    user = items[0].penerima
    try:
        ke = alamat_email(user)
        if ke:
            bahasa = user.bahasa or settings.LANGUAGE_CODE  # the reader's language
            with translation.override(bahasa):
                judul_email, ctx = subjek(items), konteks_email(user, items)
            email_send(ke=ke, subjek=judul_email, template="pengingat", ctx=ctx, bahasa=bahasa)
    except Exception:
        Pengingat.objects.filter(token=token).update(status=Pengingat.Status.PENDING, token=None)
        raise
    with transaction.atomic():
        for it in items:
            notifikasi_create(penerima=user, judul=judul(it), pesan=pesan(it), url=it.url)
        Pengingat.objects.filter(token=token).update(status=Pengingat.Status.SENT, terkirim_pada=timezone.now())
    return diklaim


def pengingat_requeue_stuck(*, now=None) -> list[int]:
    """Rows stuck in SENDING (worker died mid-send) go back to PENDING; returns their recipients."""
    batas = (now or timezone.now()) - MACET_SETELAH
    macet = Pengingat.objects.filter(status=Pengingat.Status.SENDING, diklaim_pada__lt=batas)
    penerima = sorted(set(macet.values_list("penerima_id", flat=True)))
    macet.update(status=Pengingat.Status.PENDING, token=None)
    return penerima


def pengingat_run(*, today: date | None = None) -> int:
    """Plan and send inline for every instansi (the command-line/test path; the beat uses the tasks)."""
    today = today or timezone.localdate()
    for instansi in Instansi.objects.all():
        pengingat_plan(instansi=instansi, today=today)
    return sum(pengingat_send(penerima_id=pk) for pk in penerima_pending_for())


# --- message texts (Indonesian first, through gettext) ------------------------------------------


def judul(it: Pengingat) -> Teks:
    jenis = pilihan_teks(Pengingat, "jenis", it.jenis)
    if it.tahap == Pengingat.Tahap.ESKALASI:
        return kalimat("Eskalasi: %(jenis)s", jenis=jenis)
    return kalimat("Pengingat %(tahap)s: %(jenis)s", tahap=pilihan_teks(Pengingat, "tahap", it.tahap), jenis=jenis)


def _batas_sendiri(it: Pengingat) -> bool:
    """Reminders whose due date is their own (named in ``objek_repr``), not the period's: a keberatan's
    explanation, a scheduled check-in (penilaian/dialog/pengingat.py)."""
    return it.jenis in (Pengingat.Jenis.PENJELASAN_KEBERATAN, Pengingat.Jenis.CHECKIN)


def pesan(it: Pengingat) -> Teks | str:
    if _batas_sendiri(it):
        return it.objek_repr
    batas = tanggal_teks(it.periode.batas_pengisian)
    if it.tahap == Pengingat.Tahap.ESKALASI:
        return kalimat("%(perihal)s: batas pengisian %(batas)s telah lewat dan belum ditindaklanjuti. Sebagai atasan "
                       "pejabat penilai, mohon dipantau.", perihal=it.objek_repr, batas=batas)
    return kalimat("%(perihal)s: mohon diselesaikan sebelum batas pengisian %(batas)s.", perihal=it.objek_repr,
                   batas=batas)


def subjek(items: list[Pengingat]) -> str:
    if all(it.jenis == Pengingat.Jenis.CHECKIN for it in items):
        return "[Kinerja] " + _("Pengingat: %(n)d dialog kinerja terjadwal") % {"n": len(items)}
    if all(it.tahap == Pengingat.Tahap.ESKALASI for it in items):
        return "[Kinerja] " + _("Eskalasi: %(n)d tugas melewati batas pengisian") % {"n": len(items)}
    return "[Kinerja] " + _("Pengingat: %(n)d tugas menjelang batas pengisian") % {"n": len(items)}


def konteks_email(user, items: list[Pengingat]) -> dict:
    grup = defaultdict(list)
    for it in items:
        dialog = it.jenis == Pengingat.Jenis.CHECKIN
        grup[(it.periode, it.tahap == Pengingat.Tahap.ESKALASI, _batas_sendiri(it), dialog)].append(
            {
                "jenis": it.get_jenis_display(),
                "tahap": it.get_tahap_display(),
                "perihal": it.objek_repr,
                "url": absolute_url(it.url),
            }
        )
    return {
        "nama": nama_penerima(user),
        "grup": [
            {"periode": p, "batas": "" if sendiri else tanggal(p.batas_pengisian), "eskalasi": esk, "dialog": dialog,
             "items": rows}
            for (p, esk, sendiri, dialog), rows in grup.items()
        ],
        "riwayat_url": absolute_url("/notifikasi/pengingat/"),
    }
