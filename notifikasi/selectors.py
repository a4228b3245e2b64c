"""Who must act before a batas pengisian (domain.md §1.5, §3.1: reminders key off ``batas_pengisian``).

Pure reads. ``today`` is always a parameter so tests (and a re-run after an outage) can time-travel.
A stage is *reached*, not hit on the exact day: a run on H-5 after a missed H-7 still sends H-7, and
the unique claim row keeps every stage to one message.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse

from pegawai.models import Pegawai
from penilaian.models import Penilaian, Periode, Skp, UndanganRekan
from penilaian.rekan.selectors import undangan_terbuka

from .models import Pengingat

Jenis, Tahap = Pengingat.Jenis, Pengingat.Tahap
HARI_ESKALASI = 14  # escalate on the first run in the two weeks after the deadline, never for old periods
# Items the atasan pejabat penilai hears about once the deadline has passed; peers and employees who
# have not acknowledged are not in the appraisal chain, so they are only reminded.
ESKALASI = {
    Jenis.SKP_BELUM_DIAJUKAN,
    Jenis.REALISASI_BELUM_DIISI,
    Jenis.SKP_PERLU_PERSETUJUAN,
    Jenis.PENILAIAN_PERLU_DINILAI,
}


@dataclass(frozen=True)
class Kandidat:
    penerima_id: int
    jenis: str
    tahap: str
    periode_id: int
    model: type
    object_id: int
    objek_repr: str
    url: str


def tahap_for(batas: date, today: date) -> str | None:
    """The reminder stage reached on ``today`` for a deadline ``batas``: H-7, H-3, H-1, or ESKALASI."""
    sisa = (batas - today).days
    if sisa < 0:
        return Tahap.ESKALASI if -sisa <= HARI_ESKALASI else None
    if sisa <= 1:
        return Tahap.H1
    if sisa <= 3:
        return Tahap.H3
    if sisa <= 7:
        return Tahap.H7
    return None


def periode_active_for(instansi, today: date):
    return Periode.objects.filter(
        instansi=instansi,
        batas_pengisian__gte=today - timedelta(days=HARI_ESKALASI),
        batas_pengisian__lte=today + timedelta(days=7),
    )


def _url(names: tuple[str, ...], *args) -> str:
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return reverse("home")


def _subjek_belum_skp(p: Periode):
    sudah = Skp.objects.filter(tahun=p.tahun, status__in=[Skp.Status.DIAJUKAN, Skp.Status.DISETUJUI]).values(
        "pegawai_id"
    )
    rows = (
        Pegawai.objects.filter(unit_kerja__instansi_id=p.instansi_id, aktif=True)
        .exclude(pk__in=sudah)
        .values_list("pk", "user_id", "atasan__atasan__user_id", "nama")
    )
    url = _url(("penilaian:skp-saya",))
    for pk, user_id, eskalasi_id, nama in rows:
        yield Jenis.SKP_BELUM_DIAJUKAN, Pegawai, pk, user_id, eskalasi_id, f"SKP {p.tahun} — {nama}", url


def _skp_qs(p: Periode):
    return Skp.objects.filter(
        tahun=p.tahun, pegawai__unit_kerja__instansi_id=p.instansi_id, pegawai__aktif=True
    ).annotate(eskalasi_id=Coalesce("atasan_penilai__user_id", "pejabat_penilai__atasan__user_id"))


def _subjek_realisasi(p: Periode):
    selesai = Penilaian.objects.filter(periode=p).exclude(status__in=Penilaian.status_untuk("submit")).values("skp_id")
    rows = (
        _skp_qs(p)
        .filter(status=Skp.Status.DISETUJUI, tanggal_mulai__lte=p.tanggal_selesai, tanggal_selesai__gte=p.tanggal_mulai)
        .exclude(pk__in=selesai)
        .values_list("pk", "pegawai__user_id", "eskalasi_id", "pegawai__nama")
    )
    for pk, user_id, eskalasi_id, nama in rows:
        url = _url(("penilaian:skp-detail",), pk)
        yield Jenis.REALISASI_BELUM_DIISI, Skp, pk, user_id, eskalasi_id, f"Realisasi {p} — {nama}", url


def _subjek_skp_setuju(p: Periode):
    rows = (
        _skp_qs(p)
        .filter(status=Skp.Status.DIAJUKAN)
        .values_list("pk", "pejabat_penilai__user_id", "eskalasi_id", "pegawai__nama")
    )
    for pk, user_id, eskalasi_id, nama in rows:
        yield (
            Jenis.SKP_PERLU_PERSETUJUAN,
            Skp,
            pk,
            user_id,
            eskalasi_id,
            f"SKP {p.tahun} — {nama}",
            _url(("penilaian:skp-detail",), pk),
        )


def _penilaian_url(pk: int) -> str:
    return _url(("penilaian:evaluasi-detail",), pk)


def _subjek_nilai(p: Periode):
    rows = (
        Penilaian.objects.filter(periode=p, status__in=Penilaian.status_untuk("rate"))
        .annotate(eskalasi_id=Coalesce("skp__atasan_penilai__user_id", "skp__pejabat_penilai__atasan__user_id"))
        .values_list("pk", "skp__pejabat_penilai__user_id", "eskalasi_id", "skp__pegawai__nama")
    )
    for pk, user_id, eskalasi_id, nama in rows:
        yield (
            Jenis.PENILAIAN_PERLU_DINILAI,
            Penilaian,
            pk,
            user_id,
            eskalasi_id,
            f"Evaluasi {p} — {nama}",
            _penilaian_url(pk),
        )


def _subjek_rekan(p: Periode):
    rows = undangan_terbuka(UndanganRekan.objects.filter(penilaian__periode=p)).values_list(
        "pk", "rekan__user_id", "penilaian__skp__pegawai__nama"
    )
    url = _url(("penilaian:rekan-inbox",))
    for pk, user_id, nama in rows:
        yield Jenis.MASUKAN_REKAN, UndanganRekan, pk, user_id, None, f"Masukan rekan kerja untuk {nama} ({p})", url


def _subjek_tanggapi(p: Periode):
    # An expired response window is closed even before the daily task marks it (domain.md §11.1).
    rows = Penilaian.objects.filter(Penilaian.q_menunggu_tanggapan(), periode=p).values_list(
        "pk", "skp__pegawai__user_id", "skp__pegawai__nama"
    )
    for pk, user_id, nama in rows:
        yield (
            Jenis.PENILAIAN_PERLU_DITANGGAPI,
            Penilaian,
            pk,
            user_id,
            None,
            f"Hasil evaluasi {p} — {nama}",
            _url(("penilaian:tanggapan",), pk),
        )


SUMBER = (_subjek_belum_skp, _subjek_realisasi, _subjek_skp_setuju, _subjek_nilai, _subjek_rekan, _subjek_tanggapi)


def pengingat_due_for(instansi, *, today: date) -> list[Kandidat]:
    """Every reminder owed on ``today`` in ``instansi``; escalations go to the atasan pejabat penilai."""
    hasil = []
    for p in periode_active_for(instansi, today):
        tahap = tahap_for(p.batas_pengisian, today)
        if tahap is None:
            continue
        for sumber in SUMBER:
            for jenis, model, pk, user_id, eskalasi_id, teks, url in sumber(p):
                penerima = eskalasi_id if tahap == Tahap.ESKALASI else user_id
                if penerima is None or (tahap == Tahap.ESKALASI and jenis not in ESKALASI):
                    continue
                hasil.append(Kandidat(penerima, jenis, tahap, p.pk, model, pk, teks[:255], url))
    from penilaian.dialog.pengingat import checkin_due  # check-ins have their own date, not the deadline

    hasil.extend(checkin_due(instansi, today=today))
    return hasil


def pengingat_for(user):
    """The reminders a user received (their history page)."""
    return Pengingat.objects.filter(penerima=user).select_related("periode").order_by("-dibuat_pada", "-pk")


def content_type_ids(models_) -> dict[type, int]:
    return {m: ContentType.objects.get_for_model(m).pk for m in models_}


__all__ = ["Kandidat", "pengingat_due_for", "periode_active_for", "pengingat_for", "tahap_for"]
