"""Writes of the performance dialogue (PermenPANRB 6/2022 stage 2, domain.md §1.1, §3.2, §11.1).

- Feedback entries are append-only: an edit is a new entry that names the one it revises, and the
  period's current feedback (``UmpanBalik``, read by the evaluation page and the PDFs) follows the
  latest entry per target through ``evaluasi.services.umpan_balik_save`` (status, lock and version checks).
- Bimbingan kinerja: session → agreed actions → B.1.8 by the pegawai, B.1.9 by the pembimbing.
- Check-ins: scheduled by the penilai, minutes and agreed actions afterwards; reminders in ``pengingat``.
"""
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import audit_log
from notifikasi.pesan import kalimat
from notifikasi.services import notify
from pegawai.access import pegawai_of
from penilaian.models import (
    AksiTindakLanjut,
    Bimbingan,
    CheckIn,
    EvaluasiKompetensi,
    IndikatorKinerja,
    Penilaian,
    PerilakuKerja,
    RencanaHasilKerja,
    Skp,
    TanggapanUmpanBalik,
    UmpanBalik,
    UmpanBalikBimbingan,
    UmpanBalikEntri,
)

from .format import KOMPETENSI_B19, PERNYATAAN_B18, skala_valid

# Autosave on the rating page saves on every pause while typing; one burst is one revision.
JEDA_KETIK = timedelta(minutes=3)


def _user(pegawai):
    return pegawai.user if pegawai is not None and pegawai.user_id else None


# --- feedback log ----------------------------------------------------------------------------------


def umpan_balik_log_autosave(*, umpan_balik: UmpanBalik) -> UmpanBalikEntri:
    """Log the rating page's save of the current feedback as an entry. A save in the same typing burst
    (same author, within ``JEDA_KETIK``, no reply yet) completes that draft instead of adding one."""
    ub = umpan_balik
    target = {"rhk_id": ub.rhk_id} if ub.rhk_id else {"perilaku_id": ub.perilaku_id}
    terakhir = UmpanBalikEntri.objects.filter(penilaian_id=ub.penilaian_id, **target).first()
    now = timezone.now()
    if (terakhir is not None and terakhir.sumber == UmpanBalikEntri.Sumber.PENILAIAN
            and terakhir.oleh_id == ub.oleh_id and now - terakhir.dibuat_pada < JEDA_KETIK
            and not terakhir.tanggapan.exists()):
        UmpanBalikEntri.objects.filter(pk=terakhir.pk).update(frasa=ub.frasa, teks=ub.teks)
        terakhir.frasa, terakhir.teks = ub.frasa, ub.teks
        return terakhir
    return UmpanBalikEntri.objects.create(
        penilaian_id=ub.penilaian_id, frasa=ub.frasa, teks=ub.teks, oleh_id=ub.oleh_id, dibuat_pada=now,
        sumber=UmpanBalikEntri.Sumber.PENILAIAN, revisi_dari=terakhir, **target)


@transaction.atomic
def umpan_balik_entri_add(*, penilaian: Penilaian, versi, oleh, rhk: RencanaHasilKerja | None = None,
                          iki: IndikatorKinerja | None = None, perilaku: PerilakuKerja | None = None,
                          frasa: str = "", teks: str = "", minta_tanggapan: bool = False,
                          revisi_dari: UmpanBalikEntri | None = None) -> UmpanBalikEntri:
    """Give (or revise) one dated umpan balik at any time of the period (domain.md §1.1 stage 2, §3.2).

    The entry is added, never overwritten; the period's current feedback for the target becomes this
    text. A revision keeps the target of the entry it revises.
    """
    frasa, teks = frasa.strip(), teks.strip()
    if not (frasa or teks):
        raise ValidationError(_("Tuliskan umpan balik atau pilih frasa."))
    if revisi_dari is not None:
        if revisi_dari.penilaian_id != penilaian.pk:
            raise ValidationError(_("Entri yang direvisi bukan milik penilaian ini."))
        rhk, iki, perilaku = revisi_dari.rhk, revisi_dari.iki, revisi_dari.perilaku
    if iki is not None:
        if rhk is None:
            rhk = iki.rhk
        if iki.rhk_id != rhk.pk:
            raise ValidationError(_("Indikator tidak termasuk rencana hasil kerja tersebut."))
    from penilaian.evaluasi.services import umpan_balik_save

    # Checks status, period lock, target and phrase, and claims the version like the rating page does.
    umpan_balik_save(penilaian=penilaian, versi=versi, oleh=oleh, rhk=rhk, perilaku=perilaku, frasa=frasa,
                     teks=teks, catat=False)
    entri = UmpanBalikEntri.objects.create(
        penilaian=penilaian, rhk=rhk, iki=iki, perilaku=perilaku, frasa=frasa, teks=teks,
        minta_tanggapan=minta_tanggapan, revisi_dari=revisi_dari, oleh=pegawai_of(oleh),
        sumber=UmpanBalikEntri.Sumber.LOG)
    audit_log(aktor=oleh, aksi="umpan_balik.revised" if revisi_dari else "umpan_balik.given", objek=penilaian,
              data={"entri": entri.pk, "revisi_dari": revisi_dari.pk if revisi_dari else None})
    nama = entri.oleh.nama if entri.oleh else "-"
    pesan = (kalimat("Umpan balik baru dari %(nama)s. Pejabat penilai meminta tanggapan Anda.", nama=nama)
             if minta_tanggapan else kalimat("Umpan balik baru dari %(nama)s.", nama=nama))
    notify(penerima=_user(penilaian.skp.pegawai), judul=kalimat("Umpan balik kinerja"), pesan=pesan,
           url=reverse("penilaian:dialog-umpan-balik", args=[penilaian.pk]), objek=penilaian)
    return entri


@transaction.atomic
def tanggapan_add(*, entri: UmpanBalikEntri, oleh, teks: str) -> TanggapanUmpanBalik:
    """The pegawai's reply to an entry; tells its author."""
    teks = teks.strip()
    if not teks:
        raise ValidationError(_("Tuliskan tanggapan Anda."))
    t = TanggapanUmpanBalik.objects.create(entri=entri, oleh=pegawai_of(oleh), teks=teks)
    audit_log(aktor=oleh, aksi="umpan_balik.replied", objek=entri.penilaian, data={"entri": entri.pk})
    notify(penerima=_user(entri.oleh), judul=kalimat("Tanggapan atas umpan balik"),
           pesan=kalimat("%(nama)s menanggapi umpan balik Anda.", nama=t.oleh.nama if t.oleh else "-"),
           url=reverse("penilaian:dialog-umpan-balik", args=[entri.penilaian_id]), objek=entri.penilaian)
    return t


# --- agreed actions ---------------------------------------------------------------------------------


def _aksi_replace(induk: dict, aksi: list[tuple[str, date | None]]) -> None:
    """Make the session's not-yet-linked actions the given list; unchanged rows are left as they are (a
    form saved back unchanged changes nothing) and actions already in a development plan always stay."""
    terbuka = {a.teks: a for a in AksiTindakLanjut.objects.filter(**induk, item_rencana__isnull=True)}
    tertaut = set(AksiTindakLanjut.objects.filter(**induk, item_rencana__isnull=False).values_list("teks", flat=True))
    tetap = set()
    for teks, tenggat in aksi:
        teks = teks.strip()
        if not teks or teks in tertaut or teks in tetap:
            continue
        tetap.add(teks)
        a = terbuka.get(teks)
        if a is None:
            AksiTindakLanjut.objects.create(teks=teks, tenggat=tenggat, **induk)
        elif a.tenggat != tenggat:
            a.tenggat = tenggat
            a.save(update_fields=["tenggat"])
    AksiTindakLanjut.objects.filter(pk__in=[a.pk for t, a in terbuka.items() if t not in tetap]).delete()


@transaction.atomic
def aksi_to_rencana(*, aksi: AksiTindakLanjut, oleh):
    """Make an agreed action an item of the pegawai's development plan for the due date's year
    (domain.md §8.1: needs from the performance gap). Idempotent: a linked action returns its item."""
    from pelatihan.models import ItemRencana
    from pelatihan.services import item_save, rencana_get_or_create

    if aksi.item_rencana_id:
        return aksi.item_rencana
    if aksi.bimbingan_id:
        pegawai, asal = aksi.bimbingan.skp.pegawai, aksi.bimbingan.tanggal
    else:
        pegawai, asal = aksi.checkin.penilaian.skp.pegawai, timezone.localtime(aksi.checkin.jadwal).date()
    tahun = (aksi.tenggat or asal).year
    rencana, _created = rencana_get_or_create(pegawai=pegawai, tahun=tahun, oleh=oleh)
    item = item_save(rencana=rencana, oleh=oleh, data={
        "kompetensi": aksi.teks[:255], "target_tanggal": aksi.tenggat, "status": ItemRencana.Status.DIRENCANAKAN,
        "keterangan": _("Aksi tindak lanjut bimbingan/dialog kinerja tanggal %(t)s.") % {"t": asal.isoformat()},
    })
    aksi.item_rencana = item
    aksi.save(update_fields=["item_rencana"])
    return item


# --- bimbingan kinerja ------------------------------------------------------------------------------


def _bimbingan_url(b: Bimbingan) -> str:
    return reverse("penilaian:dialog-bimbingan", args=[b.pk])


@transaction.atomic
def bimbingan_save(*, skp: Skp, oleh, data: dict, aksi: list[tuple[str, date | None]] = (),
                   bimbingan: Bimbingan | None = None) -> Bimbingan:
    """Schedule or record a bimbingan session (date, topic, pembimbing, notes, agreed actions)."""
    baru = bimbingan is None
    b = bimbingan or Bimbingan(skp=skp, dibuat_oleh=pegawai_of(oleh))
    if not baru and b.status == Bimbingan.Status.BATAL:
        raise ValidationError(_("Bimbingan yang dibatalkan tidak dapat diubah."))
    for f in ("tanggal", "topik", "pembimbing", "peran_pembimbing", "catatan", "penilaian_asal"):
        if f in data:
            setattr(b, f, data[f])
    if not (b.topik or "").strip():
        raise ValidationError({"topik": _("Topik bimbingan wajib diisi.")})
    if b.pembimbing_id == skp.pegawai_id:
        raise ValidationError({"pembimbing": _("Pembimbing tidak boleh pegawai yang dibimbing.")})
    if b.status == Bimbingan.Status.DIUSULKAN and not baru:
        b.status = Bimbingan.Status.DIJADWALKAN
    if data.get("terlaksana"):
        b.status = Bimbingan.Status.SELESAI
    b.save()
    _aksi_replace({"bimbingan": b}, list(aksi))
    audit_log(aktor=oleh, aksi="bimbingan.created" if baru else "bimbingan.updated", objek=b,
              data={"status": b.status})
    if baru or data.get("terlaksana"):
        judul = kalimat("Bimbingan kinerja terlaksana") if b.status == Bimbingan.Status.SELESAI else kalimat(
            "Bimbingan kinerja dijadwalkan")
        pesan = kalimat("%(topik)s, %(tanggal)s. Setelah bimbingan, isi Umpan Balik Pelaksanaan Bimbingan Kinerja.",
                        topik=b.topik, tanggal=b.tanggal.isoformat())
        notify(penerima=_user(skp.pegawai), judul=judul, pesan=pesan, url=_bimbingan_url(b), objek=b)
        if b.pembimbing_id != (pegawai_of(oleh).pk if pegawai_of(oleh) else None):
            notify(penerima=_user(b.pembimbing), judul=judul, pesan=b.topik, url=_bimbingan_url(b), objek=b)
    return b


@transaction.atomic
def bimbingan_cancel(*, bimbingan: Bimbingan, oleh) -> Bimbingan:
    if bimbingan.status == Bimbingan.Status.SELESAI:
        raise ValidationError(_("Bimbingan yang sudah terlaksana tidak dapat dibatalkan."))
    bimbingan.status = Bimbingan.Status.BATAL
    bimbingan.save(update_fields=["status"])
    audit_log(aktor=oleh, aksi="bimbingan.cancelled", objek=bimbingan)
    return bimbingan


@transaction.atomic
def bimbingan_umpan_balik_submit(*, bimbingan: Bimbingan, oleh, jawaban: dict, saran: str = "") -> UmpanBalikBimbingan:
    """Format B.1.8: the pegawai answers the nine statements once, after the session (``format.py``)."""
    if bimbingan.status != Bimbingan.Status.SELESAI:
        raise ValidationError(_("Umpan balik pelaksanaan diisi setelah bimbingan terlaksana."))
    if UmpanBalikBimbingan.objects.filter(bimbingan=bimbingan).exists():
        raise ValidationError(_("Umpan balik pelaksanaan bimbingan ini sudah diisi."))
    kode = [k for k, _t in PERNYATAAN_B18]
    if set(jawaban) != set(kode) or not all(skala_valid(v) for v in jawaban.values()):
        raise ValidationError(_("Jawab setiap pernyataan dengan skala 1–5."))
    ub = UmpanBalikBimbingan.objects.create(bimbingan=bimbingan, jawaban={k: jawaban[k] for k in kode},
                                            saran=saran.strip())
    audit_log(aktor=oleh, aksi="bimbingan.b18_submitted", objek=bimbingan)
    notify(penerima=_user(bimbingan.pembimbing), judul=kalimat("Umpan balik pelaksanaan bimbingan diisi"),
           pesan=bimbingan.topik, url=_bimbingan_url(bimbingan), objek=bimbingan)
    return ub


@transaction.atomic
def bimbingan_evaluasi_save(*, bimbingan: Bimbingan, oleh, baris: list[tuple[str, int | None, str]]) -> int:
    """Format B.1.9: the pembimbing scores competencies 1–5 with a reason each. All or nothing: one bad
    row refuses the whole form. Rows left without a score are not evaluated (and removed)."""
    if bimbingan.status != Bimbingan.Status.SELESAI:
        raise ValidationError(_("Evaluasi kompetensi diisi setelah bimbingan terlaksana."))
    dikenal = dict(KOMPETENSI_B19)
    simpan, kosong, galat = [], [], []
    for kode, skala, alasan in baris:
        if kode not in dikenal:
            galat.append(_("Kompetensi tidak dikenal."))
        elif skala in (None, ""):
            if (alasan or "").strip():
                galat.append(_("%(k)s: pilih skala 1–5.") % {"k": dikenal[kode]})
            kosong.append(kode)
        elif not skala_valid(skala):
            galat.append(_("%(k)s: skala harus 1–5.") % {"k": dikenal[kode]})
        elif not (alasan or "").strip():
            galat.append(_("%(k)s: tuliskan alasan penilaian.") % {"k": dikenal[kode]})
        else:
            simpan.append((kode, skala, alasan.strip()))
    if galat:
        raise ValidationError(galat)
    if not simpan:
        raise ValidationError(_("Nilai sekurang-kurangnya satu kompetensi."))
    urutan = {k: i for i, (k, _n) in enumerate(KOMPETENSI_B19)}
    EvaluasiKompetensi.objects.filter(bimbingan=bimbingan, kompetensi__in=kosong).delete()
    for kode, skala, alasan in simpan:
        EvaluasiKompetensi.objects.update_or_create(
            bimbingan=bimbingan, kompetensi=kode,
            defaults={"skala": skala, "alasan": alasan, "urutan": urutan[kode], "diisi_oleh": pegawai_of(oleh)})
    audit_log(aktor=oleh, aksi="bimbingan.b19_saved", objek=bimbingan, data={k: s for k, s, _a in simpan})
    return len(simpan)


# --- check-ins (dialog kinerja) ---------------------------------------------------------------------


def agenda_default(penilaian: Penilaian) -> str:
    """Agenda prefilled from the SKP's RHK and each IKI's latest realisasi of this period (plain lines,
    no colons or dashes between values, so the text reads as one typed value wherever it is shown)."""
    realisasi = {r.iki_id: r for r in penilaian.realisasi.all()}
    baris = [_("Pembahasan capaian kinerja %(periode)s") % {"periode": penilaian.periode}]
    for i, rhk in enumerate(penilaian.skp.rhk.prefetch_related("iki").order_by("urutan", "pk"), start=1):
        baris.append(f"{i}. {rhk.teks}")
        for iki in rhk.iki.all():
            r = realisasi.get(iki.pk)
            if r is None:
                nilai = _("belum diisi")
            elif r.nilai is not None:
                nilai = f"{r.nilai.normalize():f} {iki.satuan or ''}".strip()
            else:
                nilai = r.teks[:80] or _("belum diisi")
            baris.append(f"- {iki.teks} ({_('realisasi')} {nilai})")
    return "\n".join(baris)


def _checkin_url(c: CheckIn) -> str:
    return reverse("penilaian:dialog-checkin", args=[c.pk])


@transaction.atomic
def checkin_schedule(*, penilaian: Penilaian, oleh, jadwal: datetime, agenda: str,
                     checkin: CheckIn | None = None) -> CheckIn:
    """The penilai schedules (or moves) a check-in with the pegawai; the pegawai is told."""
    if not agenda.strip():
        raise ValidationError({"agenda": _("Agenda dialog kinerja wajib diisi.")})
    baru = checkin is None
    if not baru and checkin.status != CheckIn.Status.DIJADWALKAN:
        raise ValidationError(_("Dialog kinerja yang sudah selesai atau dibatalkan tidak dapat dijadwalkan ulang."))
    if baru and jadwal < timezone.now():
        raise ValidationError({"jadwal": _("Jadwal dialog kinerja tidak boleh di masa lalu.")})
    c = checkin or CheckIn(penilaian=penilaian, dibuat_oleh=pegawai_of(oleh))
    c.jadwal, c.agenda = jadwal, agenda.strip()
    c.save()
    audit_log(aktor=oleh, aksi="checkin.scheduled" if baru else "checkin.rescheduled", objek=c,
              data={"jadwal": jadwal.isoformat()})
    notify(penerima=_user(penilaian.skp.pegawai), judul=kalimat("Dialog kinerja dijadwalkan"),
           pesan=timezone.localtime(jadwal).strftime("%Y-%m-%d %H:%M"), url=_checkin_url(c), objek=c)
    return c


@transaction.atomic
def checkin_record(*, checkin: CheckIn, oleh, notulen: str, aksi: list[tuple[str, date | None]] = ()) -> CheckIn:
    """Minutes and agreed actions; the check-in is done."""
    if checkin.status == CheckIn.Status.BATAL:
        raise ValidationError(_("Dialog kinerja ini dibatalkan."))
    if not notulen.strip():
        raise ValidationError({"notulen": _("Notulen dialog kinerja wajib diisi.")})
    checkin.notulen = notulen.strip()
    if checkin.status != CheckIn.Status.SELESAI:
        checkin.status, checkin.selesai_pada = CheckIn.Status.SELESAI, timezone.now()
    checkin.save()
    _aksi_replace({"checkin": checkin}, list(aksi))
    audit_log(aktor=oleh, aksi="checkin.recorded", objek=checkin)
    notify(penerima=_user(checkin.penilaian.skp.pegawai), judul=kalimat("Notulen dialog kinerja"),
           pesan=checkin.notulen[:200], url=_checkin_url(checkin), objek=checkin)
    return checkin


@transaction.atomic
def checkin_cancel(*, checkin: CheckIn, oleh) -> CheckIn:
    if checkin.status != CheckIn.Status.DIJADWALKAN:
        raise ValidationError(_("Hanya dialog kinerja yang masih dijadwalkan yang dapat dibatalkan."))
    checkin.status = CheckIn.Status.BATAL
    checkin.save(update_fields=["status"])
    audit_log(aktor=oleh, aksi="checkin.cancelled", objek=checkin)
    return checkin
