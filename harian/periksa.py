"""The atasan approves or returns daily entries in bulk (domain.md §9.2 "offer bulk review screens",
§11.1 the atasan reviews progres harian). One audit row per entry, one notification per pegawai per batch."""
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from notifikasi.pesan import kalimat
from notifikasi.services import notify
from pegawai import access
from pegawai.models import Pegawai

from .models import KegiatanHarian

SETUJUI, KEMBALIKAN = "setujui", "kembalikan"
# (aksi) -> (statuses it may start from, status it sets). A returned entry may still be approved and an
# approved one returned (the atasan changes their mind; the pegawai may then edit it again).
TRANSISI = {
    SETUJUI: ({KegiatanHarian.Status.DIAJUKAN, KegiatanHarian.Status.DIKEMBALIKAN}, KegiatanHarian.Status.DISETUJUI),
    KEMBALIKAN: ({KegiatanHarian.Status.DIAJUKAN, KegiatanHarian.Status.DISETUJUI}, KegiatanHarian.Status.DIKEMBALIKAN),
}
MAKS_BATCH = 200


@transaction.atomic
def kegiatan_review_bulk(*, atasan: Pegawai, ids: list[int], aksi: str, catatan: str = "", oleh) -> int:
    """Set the status of the entries ``ids`` of ``atasan``'s subordinates; returns how many changed.

    Any id outside the atasan's team is a 404 for the whole batch (nothing changes). Entries already in
    the target status are left as they are. Returning needs a catatan (what to fix).
    """
    if aksi not in TRANSISI:
        raise ValidationError(_("Tindakan tidak dikenal."))
    catatan = (catatan or "").strip()[:500]
    if aksi == KEMBALIKAN and not catatan:
        raise ValidationError(_("Tulis catatan untuk pegawai: apa yang perlu diperbaiki pada kegiatan yang "
                                "dikembalikan."))
    ids = sorted({int(i) for i in ids})
    if not ids:
        raise ValidationError(_("Pilih minimal satu kegiatan."))
    if len(ids) > MAKS_BATCH:
        raise ValidationError(_("Paling banyak %(n)d kegiatan sekaligus.") % {"n": MAKS_BATCH})
    rows = list(
        KegiatanHarian.objects.select_for_update(of=("self",))
        .filter(pk__in=ids, pegawai__in=access.bawahan_of(atasan).values("pk"))
        .select_related("pegawai__user")
        .order_by("pk")
    )
    if len(rows) != len(ids):
        raise Http404
    dari, ke = TRANSISI[aksi]
    now = timezone.now()
    berubah = [k for k in rows if k.status in dari]
    per_pegawai: dict[int, list[KegiatanHarian]] = defaultdict(list)
    for k in berubah:
        lama = k.status
        k.status, k.diperiksa_oleh, k.diperiksa_pada = ke, atasan, now
        k.catatan_atasan = catatan if aksi == KEMBALIKAN else ""
        audit_log(aktor=oleh, aksi=f"harian.{'approved' if aksi == SETUJUI else 'returned'}", objek=k,
                  data={"dari": lama, "ke": ke, "catatan": catatan[:200]})
        per_pegawai[k.pegawai_id].append(k)
    KegiatanHarian.objects.bulk_update(berubah, ["status", "diperiksa_oleh", "diperiksa_pada", "catatan_atasan"])
    for daftar in per_pegawai.values():
        _beri_tahu(daftar, aksi, catatan)
    return len(berubah)


def _beri_tahu(daftar: list[KegiatanHarian], aksi: str, catatan: str) -> None:
    """One notification for the pegawai's entries of the batch, in the reader's language (notifikasi.pesan)."""
    n = len(daftar)
    if aksi == SETUJUI:
        judul = kalimat("Kegiatan harian disetujui atasan: %(n)d", n=n)
    else:
        judul = kalimat("Kegiatan harian dikembalikan atasan: %(n)d", n=n)
    tanggal = sorted({k.tanggal for k in daftar})
    rentang = f"{tanggal[0]:%d-%m-%Y}" + (f" – {tanggal[-1]:%d-%m-%Y}" if len(tanggal) > 1 else "")
    if catatan:
        pesan = kalimat("Tanggal %(r)s. Catatan: %(c)s", r=rentang, c=catatan)
    else:
        pesan = kalimat("Tanggal %(r)s.", r=rentang)
    url = reverse("harian:saya") + ("?status=DIKEMBALIKAN" if aksi == KEMBALIKAN else "")
    notify(penerima=daftar[0].pegawai.user, judul=judul, pesan=pesan, url=url, objek=daftar[0])
