"""Keberatan per PP 30/2019 Pasal 59–60 (domain.md §11.1): before deciding, the atasan pejabat penilai asks
the Pejabat Penilai Kinerja and the pegawai for written explanations ("meminta penjelasan kepada Pejabat
Penilai Kinerja PNS dan PNS yang dinilai", Pasal 59(3)), each with a due date and reminders; the decision
then has a deadline, after which HR is alerted.

Our reading of the decision deadline: the PP fixes 14 days for *filing* ("paling lambat 14 hari") and no
period for the decision; Kinerja gives the atasan ``KINERJA["HARI_PUTUSAN_KEBERATAN"]`` days from filing
(default 14, the same span), then escalates to HR once. The decision stays the atasan's (Pasal 59(4):
"bersifat final"); HR only follows up.

Reminders reuse the claim rows of ``notifikasi.pengingat`` (jenis ``PENJELASAN``): one row per request and
stage (H-7/H-3/H-1 before its own due date), inserted with ``ignore_conflicts`` and sent once by
``pengingat_send``.
"""
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.format import tanggal
from notifikasi.models import Pengingat
from notifikasi.pesan import kalimat, periode_teks, pilihan_teks, tanggal_teks
from notifikasi.selectors import tahap_for
from notifikasi.services import notify
from pegawai import access as pegawai_access

from ..models import Keberatan, PermintaanPenjelasan
from .selectors import can_decide

Pihak = PermintaanPenjelasan.Pihak
MIN_TEKS = 10


def pihak_pegawai(keberatan: Keberatan, pihak: str):
    """The Pegawai a request to ``pihak`` is addressed to: the penilai who finalised (else the SKP's), or
    the appraisee."""
    penilaian = keberatan.penilaian
    if pihak == Pihak.PENILAI:
        return penilaian.penilai or penilaian.skp.pejabat_penilai
    return penilaian.skp.pegawai


def _url_jawab(permintaan: PermintaanPenjelasan) -> str:
    return reverse("penilaian:penjelasan-jawab", args=[permintaan.pk])


@transaction.atomic
def penjelasan_request(*, keberatan: Keberatan, pihak: str, pertanyaan: str, batas: date | None, oleh,
                       today: date | None = None) -> PermintaanPenjelasan:
    """The deciding official asks one side for a written explanation by ``batas`` (Pasal 59(3))."""
    today = today or timezone.localdate()
    if not can_decide(oleh, keberatan):
        raise ValidationError(_("Hanya atasan pejabat penilai yang dapat meminta penjelasan."))
    if keberatan.status != Keberatan.Status.DIAJUKAN:
        raise ValidationError(_("Keberatan ini sudah diputus."))
    if pihak not in Pihak.values:
        raise ValidationError(_("Pilih pihak yang diminta penjelasan."))
    pertanyaan = (pertanyaan or "").strip()
    if len(pertanyaan) < MIN_TEKS:
        raise ValidationError(_("Tuliskan hal yang perlu dijelaskan (minimal 10 karakter)."))
    if batas is None or batas <= today:
        raise ValidationError(_("Batas jawaban harus setelah hari ini."))
    kepada = pihak_pegawai(keberatan, pihak)
    if kepada is None or not kepada.user_id:
        raise ValidationError(_("Pihak ini tidak memiliki akun, sehingga penjelasan tidak dapat diminta."))
    if PermintaanPenjelasan.objects.filter(keberatan=keberatan, pihak=pihak).exists():
        raise ValidationError(_("Penjelasan dari pihak ini sudah diminta."))
    obj = PermintaanPenjelasan.objects.create(keberatan=keberatan, pihak=pihak, kepada=kepada,
                                              pertanyaan=pertanyaan, batas=batas, diminta_oleh=oleh)
    audit_log(aktor=oleh, aksi="keberatan.penjelasan_diminta", objek=keberatan.penilaian, catatan=pertanyaan,
              data={"pihak": pihak, "kepada": kepada.nip, "batas": batas.isoformat()})
    notify(penerima=kepada.user, judul=kalimat("Penjelasan keberatan diminta"), url=_url_jawab(obj), objek=obj,
           pesan=kalimat("Atasan pejabat penilai meminta penjelasan tertulis Anda atas keberatan %(nama)s "
                         "(%(periode)s) paling lambat %(batas)s.", nama=keberatan.penilaian.skp.pegawai.nama,
                         periode=periode_teks(keberatan.penilaian.periode), batas=tanggal_teks(batas)))
    return obj


@transaction.atomic
def penjelasan_answer(*, permintaan: PermintaanPenjelasan, jawaban: str, oleh) -> PermintaanPenjelasan:
    """The addressed side answers once; the deciding official is told."""
    if permintaan.kepada.user_id != getattr(oleh, "pk", None):
        raise ValidationError(_("Hanya pihak yang diminta yang dapat memberi penjelasan ini."))
    keberatan = permintaan.keberatan
    if keberatan.status != Keberatan.Status.DIAJUKAN:
        raise ValidationError(_("Keberatan ini sudah diputus."))
    jawaban = (jawaban or "").strip()
    if len(jawaban) < MIN_TEKS:
        raise ValidationError(_("Tuliskan penjelasan Anda (minimal 10 karakter)."))
    now = timezone.now()
    # Conditional UPDATE: a double submit (or two tabs) cannot overwrite an answer already given.
    if not PermintaanPenjelasan.objects.filter(pk=permintaan.pk, dijawab_pada__isnull=True).update(
            jawaban=jawaban, dijawab_pada=now):
        raise ValidationError(_("Penjelasan ini sudah diberikan."))
    permintaan.jawaban, permintaan.dijawab_pada = jawaban, now
    audit_log(aktor=oleh, aksi="keberatan.penjelasan_diberikan", objek=keberatan.penilaian,
              data={"pihak": permintaan.pihak})
    notify(penerima=getattr(keberatan.pemutus, "user", None), judul=kalimat("Penjelasan keberatan diterima"),
           url=reverse("penilaian:keberatan-detail", args=[keberatan.pk]), objek=keberatan,
           pesan=kalimat("%(pihak)s telah memberi penjelasan atas keberatan %(nama)s.",
                         pihak=pilihan_teks(type(permintaan), "pihak", permintaan.pihak),
                         nama=keberatan.penilaian.skp.pegawai.nama))
    return permintaan


def penjelasan_pengingat_plan(*, today: date | None = None) -> list[int]:
    """Insert the reminder rows owed today for unanswered requests (H-7/H-3/H-1 of each request's own due
    date); existing rows are left alone. Returns the recipients with rows pending."""
    today = today or timezone.localdate()
    terbuka = PermintaanPenjelasan.objects.filter(
        dijawab_pada__isnull=True, keberatan__status=Keberatan.Status.DIAJUKAN,
        batas__gte=today, batas__lte=today + timedelta(days=7),
    ).select_related("kepada", "keberatan__penilaian__periode", "keberatan__penilaian__skp__pegawai")
    ct = ContentType.objects.get_for_model(PermintaanPenjelasan)
    rows = []
    for p in terbuka:
        tahap = tahap_for(p.batas, today)
        if tahap is None or tahap == Pengingat.Tahap.ESKALASI or not p.kepada.user_id:
            continue
        penilaian = p.keberatan.penilaian
        teks = _("Penjelasan atas keberatan %(nama)s (%(periode)s) ditunggu paling lambat %(batas)s.") % {
            "nama": penilaian.skp.pegawai.nama, "periode": penilaian.periode, "batas": tanggal(p.batas)}
        rows.append(Pengingat(penerima_id=p.kepada.user_id, periode_id=penilaian.periode_id,
                              jenis=Pengingat.Jenis.PENJELASAN_KEBERATAN, tahap=tahap, content_type=ct,
                              object_id=p.pk, objek_repr=teks[:255], url=_url_jawab(p)))
    Pengingat.objects.bulk_create(rows, ignore_conflicts=True)
    pending = Pengingat.objects.filter(status=Pengingat.Status.PENDING, jenis=Pengingat.Jenis.PENJELASAN_KEBERATAN)
    return sorted(set(pending.values_list("penerima_id", flat=True)))


def q_terlambat(now: datetime) -> Q:
    """Undecided keberatan past their decision deadline."""
    return Q(status=Keberatan.Status.DIAJUKAN, diajukan_pada__lt=now - timedelta(days=Keberatan.hari_putusan()))


def hr_users_of(instansi_id: int) -> QuerySet:
    User = get_user_model()
    return User.objects.filter(is_active=True, groups__name=pegawai_access.HR_GROUP).filter(
        Q(instansi_id=instansi_id) | Q(pegawai__unit_kerja__instansi_id=instansi_id)).distinct()


def keberatan_escalate_overdue(*, now: datetime | None = None) -> int:
    """Tell HR (and the deciding official) once about each keberatan undecided past its deadline.
    Idempotent: each row is claimed by a conditional UPDATE on ``dieskalasi_pada IS NULL``."""
    now = now or timezone.now()
    lewat = q_terlambat(now) & Q(dieskalasi_pada__isnull=True)
    n = 0
    for kb in Keberatan.objects.filter(lewat).select_related(
            "penilaian__periode", "penilaian__skp__pegawai__unit_kerja", "pemutus__user"):
        with transaction.atomic():
            if not Keberatan.objects.filter(lewat, pk=kb.pk).update(dieskalasi_pada=now):
                continue
            n += 1
            audit_log(aktor=None, aksi="keberatan.dieskalasi", objek=kb.penilaian,
                      data={"keberatan": kb.pk, "batas": kb.batas_putusan.isoformat()})
            pesan = kalimat("Keberatan %(nama)s (%(periode)s) belum diputus sampai batas %(batas)s.",
                            nama=kb.penilaian.skp.pegawai.nama, periode=periode_teks(kb.penilaian.periode),
                            batas=tanggal_teks(timezone.localtime(kb.batas_putusan).date()))
            for user in hr_users_of(kb.penilaian.skp.pegawai.unit_kerja.instansi_id):
                notify(penerima=user, judul=kalimat("Keberatan melewati batas putusan"), pesan=pesan,
                       url=reverse("penilaian:keberatan-terlambat"), objek=kb)
            notify(penerima=getattr(kb.pemutus, "user", None), judul=kalimat("Keberatan melewati batas putusan"),
                   pesan=pesan, url=reverse("penilaian:keberatan-detail", args=[kb.pk]), objek=kb)
    return n


# ---------------------------------------------------------------- selectors


def get_permintaan_for_answer(user, pk) -> PermintaanPenjelasan:
    """A request the user is the addressee of; 404 for everyone else (the deciding official included)."""
    try:
        return PermintaanPenjelasan.objects.select_related(
            "kepada", "keberatan__penilaian__periode", "keberatan__penilaian__skp__pegawai", "keberatan__pemutus",
        ).get(pk=pk, kepada__user_id=getattr(user, "pk", None) or -1)
    except (PermintaanPenjelasan.DoesNotExist, ValueError):
        raise Http404 from None


def keberatan_terlambat_for(user, *, now: datetime | None = None) -> QuerySet[Keberatan]:
    """HR's list: undecided keberatan past their decision deadline in its instansi (admin: all)."""
    r = pegawai_access.peran(user)
    qs = Keberatan.objects.filter(q_terlambat(now or timezone.now())).select_related(
        "penilaian__periode", "penilaian__skp__pegawai__unit_kerja", "pemutus").order_by("diajukan_pada", "pk")
    if r.is_admin:
        return qs
    if not r.is_hr:
        return qs.none()
    return qs.filter(penilaian__skp__pegawai__unit_kerja__instansi_id=r.instansi_id)
