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

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kinerja.format import tanggal
from pegawai.models import Instansi

from .models import Pengingat
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
            email_send(ke=ke, subjek=subjek(items), template="pengingat", ctx=konteks_email(user, items))
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


def judul(it: Pengingat) -> str:
    if it.jenis == Pengingat.Jenis.CHECKIN:
        return f"Pengingat: {it.get_jenis_display()}"
    if it.tahap == Pengingat.Tahap.ESKALASI:
        return f"Eskalasi: {it.get_jenis_display()}"
    return f"Pengingat {it.get_tahap_display()}: {it.get_jenis_display()}"


def pesan(it: Pengingat) -> str:
    if it.jenis == Pengingat.Jenis.CHECKIN:
        return f"{it.objek_repr}: mohon siapkan bahan pembahasan."
    batas = tanggal(it.periode.batas_pengisian)
    if it.tahap == Pengingat.Tahap.ESKALASI:
        return (
            f"{it.objek_repr}: batas pengisian {batas} telah lewat dan belum ditindaklanjuti. "
            "Sebagai atasan pejabat penilai, mohon dipantau."
        )
    return f"{it.objek_repr}: mohon diselesaikan sebelum batas pengisian {batas}."


def subjek(items: list[Pengingat]) -> str:
    if all(it.jenis == Pengingat.Jenis.CHECKIN for it in items):
        return f"[Kinerja] Pengingat: {len(items)} dialog kinerja terjadwal"
    if all(it.tahap == Pengingat.Tahap.ESKALASI for it in items):
        return f"[Kinerja] Eskalasi: {len(items)} tugas melewati batas pengisian"
    return f"[Kinerja] Pengingat: {len(items)} tugas menjelang batas pengisian"


def konteks_email(user, items: list[Pengingat]) -> dict:
    grup = defaultdict(list)
    for it in items:
        grup[(it.periode, it.tahap == Pengingat.Tahap.ESKALASI, it.jenis == Pengingat.Jenis.CHECKIN)].append(
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
            {"periode": p, "batas": tanggal(p.batas_pengisian), "eskalasi": esk, "dialog": dialog, "items": rows}
            for (p, esk, dialog), rows in grup.items()
        ],
        "riwayat_url": absolute_url("/notifikasi/pengingat/"),
    }
