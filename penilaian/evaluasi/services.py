"""Writes on periodic and annual evaluations (domain.md §3.2–§3.5).

Every write: checks status and the period lock (``periode.cek_terbuka``), claims the evaluation with a
conditional UPDATE on ``versi`` (no lost updates: two people saving at once never silently overwrite each
other), saves, audits rating and status changes, and queues side effects with ``on_commit``.
"""
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from kinerja.uploads import BUKTI_TYPES, check_upload
from notifikasi.pesan import kalimat, periode_teks, pilihan_teks
from notifikasi.services import notify
from pegawai.access import pegawai_of
from penilaian.kurva import RATING_DARI_CAPAIAN, PredikatOrganisasi
from penilaian.models import (
    BuktiDukung,
    CapaianOrganisasi,
    FrasaUmpanBalik,
    IndikatorKinerja,
    Penilaian,
    PerilakuKerja,
    Periode,
    Realisasi,
    RencanaAksi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
)
from penilaian.pejabat import catatan_keputusan, identitas_keputusan
from penilaian.predikat import Rating, hitung_predikat
from penilaian.ringkasan import tandai_penilaian

from .periode import cek_terbuka
from .urutan import cek_urutan


class KonflikVersi(ValidationError):
    """Someone saved this evaluation after the form was loaded."""


def rating_hasil_pimpinan(penilaian: Penilaian) -> tuple[Rating | None, str]:
    """Leader rule, domain.md §3.3: (fixed rating hasil, capaian code) when the appraisee heads the unit
    and a capaian kinerja organisasi is recorded for that unit and period; else (None, "").
    The capaian → rating table is ``kurva.RATING_DARI_CAPAIAN``. The capaian read is kept on the object
    for the request (the form, the service and the card all ask)."""
    pegawai = penilaian.skp.pegawai
    unit = penilaian.skp.unit_kerja or pegawai.unit_kerja
    if unit is None or unit.kepala_id != pegawai.pk:
        return None, ""
    kunci = (unit.pk, penilaian.periode_id)
    cached = getattr(penilaian, "_kinerja_capaian", None)
    if cached is None or cached[0] != kunci:
        capaian = CapaianOrganisasi.objects.filter(unit_kerja=unit, periode_id=penilaian.periode_id).values_list(
            "predikat", flat=True).first()
        penilaian._kinerja_capaian = cached = (kunci, capaian)
    capaian = cached[1]
    if not capaian:
        return None, ""
    return RATING_DARI_CAPAIAN[PredikatOrganisasi(capaian)], capaian


def _claim(penilaian: Penilaian, versi: int | str | None, **fields) -> None:
    """Conditional UPDATE on ``versi``: only the writer who saw the current version wins."""
    try:
        versi = int(versi)
    except (TypeError, ValueError):
        versi = -1
    now = timezone.now()
    n = Penilaian.objects.filter(pk=penilaian.pk, versi=versi).update(versi=F("versi") + 1, diubah_pada=now, **fields)
    if n != 1:
        raise KonflikVersi(
            _("Penilaian ini baru saja diubah oleh orang lain (atau di tab lain) setelah halaman Anda dibuka. "
              "Isian Anda tetap ada di formulir: periksa data terbaru, lalu simpan lagi."),
            code="konflik",
        )
    # The counts see status and predikat only: unchanged (known when the copy in hand is the version just
    # claimed, so it is the row as it was) they need no recount, e.g. a penilai changing a rating back.
    if any(k in fields and (penilaian.versi != versi or getattr(penilaian, k) != fields[k])
           for k in ("status", "predikat")):
        tandai_penilaian(penilaian)
    penilaian.versi = versi + 1
    penilaian.diubah_pada = now
    for key, value in fields.items():
        setattr(penilaian, key, value)


def _cek(penilaian: Penilaian, aksi: str, pesan: str) -> str:
    """Refuse ``aksi`` unless ``Penilaian.TRANSISI`` lists it for the current status; the status after it."""
    ke = penilaian.status_setelah(aksi)
    if ke is None:
        raise ValidationError(pesan % {"status": penilaian.get_status_display()}, code="status")
    cek_terbuka(periode=penilaian.periode, pegawai_id=penilaian.skp.pegawai_id)
    return ke


def _url(penilaian: Penilaian) -> str:
    return reverse("penilaian:evaluasi-detail", args=[penilaian.pk])


@transaction.atomic
def penilaian_open(*, skp: Skp, periode: Periode, oleh) -> Penilaian:
    """The evaluation of ``skp`` in ``periode``, created on first open (get_or_create)."""
    if skp.status != Skp.Status.DISETUJUI and not skp.penilaian.exists():
        raise ValidationError(_("SKP ini belum disetujui, sehingga belum dapat dinilai."))
    if periode.instansi_id != skp.pegawai.unit_kerja.instansi_id or periode.tahun != skp.tahun:
        raise ValidationError(_("Periode ini bukan periode instansi dan tahun SKP tersebut."))
    if periode.tanggal_selesai < skp.tanggal_mulai or periode.tanggal_mulai > skp.tanggal_selesai:
        raise ValidationError(_("Periode ini berada di luar masa berlaku SKP."))
    obj, created = Penilaian.objects.get_or_create(skp=skp, periode=periode)
    if created:
        tandai_penilaian(obj)
        audit_log(aktor=oleh, aksi="penilaian.opened", objek=obj, data={"ke": obj.status})
    return obj


@transaction.atomic
def penilaian_save_isian(*, penilaian: Penilaian, versi, rencana_aksi: dict[int, str],
                         realisasi: dict[int, tuple[Decimal | None, str]], oleh) -> Penilaian:
    """The pegawai's input: one rencana aksi text per RHK, one realisasi per IKI (domain.md §3.2)."""
    _cek(penilaian, "isi", _("Isian tidak dapat diubah karena status penilaian %(status)s."))
    rhk_ids = set(RencanaHasilKerja.objects.filter(skp=penilaian.skp_id).values_list("pk", flat=True))
    iki_ids = set(IndikatorKinerja.objects.filter(rhk__skp=penilaian.skp_id).values_list("pk", flat=True))
    if not set(rencana_aksi) <= rhk_ids or not set(realisasi) <= iki_ids:
        raise ValidationError(_("Rencana hasil kerja atau indikator tidak termasuk SKP ini."))
    if any(nilai is not None and nilai < 0 for nilai, _teks in realisasi.values()):
        raise ValidationError(_("Realisasi tidak boleh kurang dari 0."))
    _claim(penilaian, versi)
    # A fixed number of queries however many RHK and IKI the SKP has; the version claim above makes this
    # the only writer of the evaluation, so reading then bulk-writing cannot race another save.
    ada = {ra.rhk_id: ra for ra in RencanaAksi.objects.filter(penilaian=penilaian, urutan=0)}
    hapus, ubah, baru = [], [], []
    for rhk_id, teks in rencana_aksi.items():
        teks = teks.strip()
        if rhk_id in ada and not teks:
            hapus.append(ada[rhk_id].pk)
        elif rhk_id in ada:
            ada[rhk_id].teks = teks
            ubah.append(ada[rhk_id])
        elif teks:
            baru.append(RencanaAksi(penilaian=penilaian, rhk_id=rhk_id, teks=teks, urutan=0))
    if hapus:
        RencanaAksi.objects.filter(pk__in=hapus).delete()
    RencanaAksi.objects.bulk_update(ubah, ["teks"])
    RencanaAksi.objects.bulk_create(baru)
    lama = {r.iki_id: r for r in Realisasi.objects.filter(penilaian=penilaian, iki_id__in=list(realisasi))}
    ubah, baru = [], []
    for iki_id, (nilai, teks) in realisasi.items():
        r = lama.get(iki_id) or Realisasi(penilaian=penilaian, iki_id=iki_id)
        r.nilai, r.teks = nilai, (teks or "").strip()
        (ubah if r.pk else baru).append(r)
    Realisasi.objects.bulk_update(ubah, ["nilai", "teks"])
    Realisasi.objects.bulk_create(baru)
    return penilaian


@transaction.atomic
def bukti_add(*, penilaian: Penilaian, iki: IndikatorKinerja, oleh, url: str = "", berkas=None,
              keterangan: str = "") -> BuktiDukung:
    """Evidence for one realisasi: a link, or a file checked by content (pdf/jpg/png/docx/xlsx ≤ 10 MB)."""
    _cek(penilaian, "isi", _("Bukti dukung tidak dapat ditambah karena status penilaian %(status)s."))
    if iki.rhk.skp_id != penilaian.skp_id:
        raise ValidationError(_("Indikator tidak termasuk SKP ini."))
    if bool(url) == bool(berkas):
        raise ValidationError(_("Isi tautan atau pilih satu berkas (salah satu saja)."))
    realisasi, _created = Realisasi.objects.get_or_create(penilaian=penilaian, iki=iki)
    bukti = BuktiDukung(realisasi=realisasi, url=url, keterangan=keterangan.strip(), diunggah_oleh=oleh)
    if berkas:
        info = check_upload(berkas, allowed=BUKTI_TYPES)
        bukti.nama_berkas, bukti.ukuran, bukti.content_type = info.nama, info.ukuran, info.content_type
        berkas.name = f"bukti.{info.jenis}"  # stored name follows the sniffed type, never the client's
        bukti.berkas = berkas
    bukti.save()
    audit_log(aktor=oleh, aksi="penilaian.bukti_added", objek=penilaian, data={"bukti": bukti.pk, "iki": iki.pk})
    return bukti


@transaction.atomic
def bukti_delete(*, bukti: BuktiDukung, oleh) -> None:
    penilaian = bukti.realisasi.penilaian
    _cek(penilaian, "isi", _("Bukti dukung tidak dapat dihapus karena status penilaian %(status)s."))
    berkas = bukti.berkas
    audit_log(aktor=oleh, aksi="penilaian.bukti_deleted", objek=penilaian,
              data={"bukti": bukti.pk, "nama": str(bukti)})
    bukti.delete()
    if berkas:
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))


@transaction.atomic
def penilaian_submit(*, penilaian: Penilaian, versi, oleh, rencana_aksi: dict[int, str] | None = None,
                     realisasi: dict[int, tuple[Decimal | None, str]] | None = None) -> Penilaian:
    """DRAFT → DIAJUKAN: the period is ready for the penilai.

    *Ajukan* sends the isian the page shows: when given, it is saved first, in the same transaction, so
    what is submitted is what the pegawai saw (style.md §13); any refusal leaves both unsaved.
    """
    if rencana_aksi is not None or realisasi is not None:
        penilaian_save_isian(penilaian=penilaian, versi=versi, rencana_aksi=rencana_aksi or {},
                             realisasi=realisasi or {}, oleh=oleh)
        versi = penilaian.versi
    ke = _cek(penilaian, "submit", _("Penilaian dengan status %(status)s tidak dapat diajukan."))
    if not Realisasi.objects.filter(penilaian=penilaian).exclude(nilai__isnull=True, teks="").exists():
        raise ValidationError(_("Isi realisasi minimal satu indikator sebelum mengajukan."))
    dari = penilaian.status
    _claim(penilaian, versi, status=ke, diajukan_pada=timezone.now())
    audit_log(aktor=oleh, aksi="penilaian.submitted", objek=penilaian, data={"dari": dari, "ke": ke})
    penilai = penilaian.skp.pejabat_penilai
    if penilai is not None and penilai.user_id:
        notify(
            penerima=penilai.user, judul=kalimat("Penilaian siap dinilai"), url=_url(penilaian), objek=penilaian,
            pesan=kalimat("%(nama)s mengajukan penilaian periode %(periode)s.",
                       nama=penilaian.skp.pegawai.nama_lengkap, periode=periode_teks(penilaian.periode)),
        )
    return penilaian


@transaction.atomic
def penilaian_return(*, penilaian: Penilaian, versi, catatan: str, oleh) -> Penilaian:
    """The penilai hands the evaluation back to the pegawai for correction (DIAJUKAN/DINILAI → DRAFT)."""
    ke = _cek(penilaian, "return", _("Penilaian dengan status %(status)s tidak dapat dikembalikan."))
    if not catatan.strip():
        raise ValidationError(_("Tuliskan apa yang perlu diperbaiki pegawai."))
    dari = penilaian.status
    _claim(penilaian, versi, status=ke)
    audit_log(aktor=oleh, aksi="penilaian.returned", objek=penilaian, data={"dari": dari, "ke": ke},
              catatan=catatan.strip())
    notify(penerima=penilaian.skp.pegawai.user, judul=kalimat("Penilaian dikembalikan"), pesan=catatan.strip(),
           url=_url(penilaian), objek=penilaian)
    return penilaian


@transaction.atomic
def umpan_balik_save(*, penilaian: Penilaian, versi, oleh, rhk: RencanaHasilKerja | None = None,
                     perilaku: PerilakuKerja | None = None, frasa: str = "", teks: str = "",
                     catat: bool = True) -> UmpanBalik | None:
    """Continuous feedback per RHK or per BerAKHLAK value (domain.md §3.2): picklist phrase + free text.

    Returns None and changes nothing (no version bump) when the text is unchanged, so autosave on
    every pause does not make the penilai's other open forms stale.
    """
    _cek(penilaian, "feedback",
         _("Umpan balik tidak dapat diubah karena status penilaian %(status)s."))
    if (rhk is None) == (perilaku is None):
        raise ValidationError(_("Umpan balik harus untuk satu rencana hasil kerja atau satu perilaku kerja."))
    if rhk is not None and rhk.skp_id != penilaian.skp_id:
        raise ValidationError(_("Rencana hasil kerja tidak termasuk SKP ini."))
    frasa, teks = frasa.strip(), teks.strip()
    if frasa and not FrasaUmpanBalik.objects.filter(teks=frasa, perilaku=perilaku, aktif=True).exists():
        raise ValidationError(_("Frasa umpan balik tidak ada dalam daftar pilihan."))
    target = {"rhk": rhk} if rhk is not None else {"perilaku": perilaku}
    ada = UmpanBalik.objects.filter(penilaian=penilaian, **target).first()
    if ada is not None and (ada.frasa, ada.teks) == (frasa, teks):
        return None
    if ada is None and not (frasa or teks):
        return None
    _claim(penilaian, versi)
    # The row read above is still current: the version claim makes this the evaluation's only writer.
    if ada is None:
        obj = UmpanBalik.objects.create(penilaian=penilaian, **target, frasa=frasa, teks=teks, oleh=pegawai_of(oleh))
    else:
        obj = ada
        obj.frasa, obj.teks, obj.oleh = frasa, teks, pegawai_of(oleh)
        obj.save(update_fields=["frasa", "teks", "oleh", "diubah_pada"])
    if catat:  # the dated log keeps every text (penilaian/dialog/services.py); the dialog page logs its own
        from penilaian.dialog.services import umpan_balik_log_autosave

        umpan_balik_log_autosave(umpan_balik=obj)
    return obj


@transaction.atomic
def penilaian_rate(*, penilaian: Penilaian, versi, rating_hasil: str, rating_perilaku: str, oleh) -> Penilaian:
    """Rating hasil and rating perilaku (domain.md §3.3); the predikat follows from §3.4, never typed."""
    status_ke = _cek(penilaian, "rate", _("Penilaian berstatus %(status)s belum/tidak dapat dinilai; "
                                     "pegawai harus mengajukannya terlebih dahulu."))
    tetap, capaian = rating_hasil_pimpinan(penilaian)
    rating_hasil = tetap or rating_hasil
    valid = set(Rating.values) | {""}
    if rating_hasil not in valid or rating_perilaku not in valid:
        raise ValidationError(_("Pilihan rating tidak dikenal."))
    predikat = hitung_predikat(rating_hasil, rating_perilaku) if rating_hasil and rating_perilaku else ""
    dari = {"status": penilaian.status, "rating_hasil": penilaian.rating_hasil,
            "rating_perilaku": penilaian.rating_perilaku, "predikat": penilaian.predikat}
    _claim(penilaian, versi, rating_hasil=rating_hasil, rating_perilaku=rating_perilaku, predikat=predikat,
           capaian_organisasi=capaian, status=status_ke)
    ke = {"status": status_ke, "rating_hasil": rating_hasil, "rating_perilaku": rating_perilaku, "predikat": predikat}
    if dari != ke:
        catatan = [_("Rating hasil mengikuti capaian organisasi.") if tetap else "",
                   catatan_keputusan(penilaian.skp, oleh)]
        audit_log(aktor=oleh, aksi="penilaian.rated", objek=penilaian, data={"dari": dari, "ke": ke},
                  catatan=" ".join(c for c in catatan if c))
    return penilaian


@transaction.atomic
def penilaian_finalize(*, penilaian: Penilaian, versi, oleh, rating_hasil: str | None = None,
                       rating_perilaku: str | None = None) -> Penilaian:
    """DIAJUKAN/DINILAI → FINAL: predikat stored, identities frozen (domain.md §3.2 snapshot), audited;
    the pegawai is told, and an annual predikat starts its follow-up (domain.md §5.2).

    *Finalkan* locks the ratings the card shows: when given they are validated and saved first
    (``penilaian_rate``), in the same transaction, and the predikat is derived from them (§3.4).
    """
    ke = _cek(penilaian, "finalize", _("Penilaian berstatus %(status)s tidak dapat difinalkan."))
    cek_urutan(penilaian)  # SE 3/2023 order: the unit's capaian organisasi first (domain.md §11.2 rule 5)
    if rating_hasil is not None or rating_perilaku is not None:
        penilaian_rate(penilaian=penilaian, versi=versi, rating_hasil=rating_hasil or "",
                       rating_perilaku=rating_perilaku or "", oleh=oleh)
        versi = penilaian.versi
    tetap, capaian = rating_hasil_pimpinan(penilaian)
    rating_hasil = tetap or penilaian.rating_hasil
    if not rating_hasil or not penilaian.rating_perilaku:
        raise ValidationError(_("Isi rating hasil kerja dan rating perilaku kerja sebelum memfinalkan."))
    # Who decides, as Plt/Plh or recorded by HR for a non-ASN penilai (domain.md §11.1, penilaian.pejabat), with
    # the posts held in the SKP's dates within the period, not today's (§11.2 rule 2).
    snapshot, penilai, atas_nama = identitas_keputusan(penilaian.skp, oleh, periode=penilaian.periode)
    predikat = hitung_predikat(rating_hasil, penilaian.rating_perilaku)
    dari = penilaian.status
    _claim(penilaian, versi, status=ke, rating_hasil=rating_hasil, predikat=predikat,
           capaian_organisasi=capaian or penilaian.capaian_organisasi, snapshot=snapshot, penilai=penilai,
           final_pada=timezone.now())
    audit_log(aktor=oleh, aksi="penilaian.finalized", objek=penilaian,
              data={"dari": dari, "ke": ke, "predikat": predikat, "rating_hasil": rating_hasil,
                    "rating_perilaku": penilaian.rating_perilaku}, catatan=atas_nama)
    notify(
        penerima=penilaian.skp.pegawai.user,
        judul=kalimat("Penilaian kinerja final"),
        url=_url(penilaian),
        objek=penilaian,
        pesan=kalimat("Penilaian periode %(periode)s telah final dengan predikat %(predikat)s.",
                   periode=periode_teks(penilaian.periode), predikat=pilihan_teks(Penilaian, "predikat", predikat)),
    )
    if penilaian.periode.is_tahunan:
        from pelatihan.services import tindak_lanjut_predikat_tahunan

        transaction.on_commit(lambda: tindak_lanjut_predikat_tahunan(penilaian=penilaian, oleh=oleh))
    return penilaian
