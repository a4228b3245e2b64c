"""Every value an edit form shows can be saved back unchanged (style.md §13), in real Chromium.

For each edit form of each demo role, in Indonesian (the default) and in English:
(a) opening the form and saving it without touching anything leaves the database as it was (audit rows,
    version counters and auto-updated timestamps aside), and the save really happened (success shown);
(b) values typed (a decimal with a fraction, ISO dates, text with typographic characters), saved and
    reloaded are shown again exactly (numbers compared as numbers: 12.5 may come back as 12.50);
and on every page load no number/date input holds a value the browser refused (it would show it empty).
One-shot forms (a new SKP, a set of periods, a Plt, an unlock, a change of atasan, a peer answer, which
can never be read back by design) have nothing to save again: for them (b) checks that what was typed is
what was stored. A new edit form gets a row in FORMULIR.

The data set is built with factories (seed_demo takes far longer than the whole module); each test logs
in by planting a session cookie, so no login page is walked.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from harian.models import KegiatanHarian, TanggapanKegiatan
from laporan.models import AturanTpp
from pegawai.models import DelegasiPenilai, PejabatNonAsn, PenugasanPlt
from pegawai.tests.factories import PegawaiFactory, build_org
from pelatihan.models import (
    Bentuk,
    ItemRencana,
    JenisPengembangan,
    RencanaPengembangan,
    RiwayatPengembangan,
    RumpunKompetensi,
)
from penilaian.models import (
    AksiTindakLanjut,
    Bimbingan,
    BukaKunci,
    CapaianOrganisasi,
    CheckIn,
    EvaluasiKompetensi,
    MasukanRekan,
    Penilaian,
    PerilakuKerja,
    Periode,
    Realisasi,
    RencanaAksi,
    Skp,
    UmpanBalik,
    UndanganRekan,
)
from penilaian.predikat import hitung_predikat
from penilaian.rekan.services import masukan_rekan_submit
from penilaian.tests.factories import IkiFactory, RhkFactory, SkpFactory, skp_with_rhk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEKS = "Penyusunan “laporan” triwulan — seksi pelayanan & perizinan, ke-2 (Ré)"
SNAPSHOT_APPS = ("pegawai", "penilaian", "pelatihan", "harian", "laporan", "auth")
SKIP_FIELDS = {"versi", "last_login", "password"}  # optimistic-lock counter; login bookkeeping


# ---------------------------------------------------------------------------------------------- data


@pytest.fixture
def d(transactional_db):
    """One instansi with every editable object the demo roles have (factories, about a second)."""
    org = build_org()
    today = timezone.localdate()
    year = today.year
    staf = PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)
    # An open period inside this year, whatever today is (a period may not cross a year).
    periode = Periode.objects.create(
        instansi=org.instansi, tahun=year, jenis=Periode.Jenis.TRIWULANAN, nama="Periode Berjalan",
        tanggal_mulai=max(date(year, 1, 1), today - timedelta(days=30)),
        tanggal_selesai=min(date(year, 12, 31), today + timedelta(days=30)), batas_pengisian=today + timedelta(days=40))

    # The pegawai: an approved SKP this year (evaluation, daily log) and a draft for next year (RHK/IKI/lampiran).
    skp_atasan_next = skp_with_rhk(org.atasan, n_rhk=1, tahun=year + 1)
    skp = SkpFactory(pegawai=org.pegawai, tahun=year, status=Skp.Status.DISETUJUI)
    rhk = RhkFactory(skp=skp, teks="Terlayaninya permohonan izin")
    iki = IkiFactory(rhk=rhk, target_angka=Decimal("12.5"), satuan="berkas")
    draft = SkpFactory(pegawai=org.pegawai, tahun=year + 1, status=Skp.Status.DRAFT,
                       dukungan_sumber_daya="Anggaran 1,5 juta", skema_pertanggungjawaban="Laporan bulanan",
                       konsekuensi="Teguran")
    draft_rhk = RhkFactory(skp=draft, induk=skp_atasan_next.rhk.first(), teks="Tersusunnya rencana kerja")
    draft_iki = IkiFactory(rhk=draft_rhk, target_angka=Decimal("7.25"), satuan="dokumen")

    eval_pegawai = Penilaian.objects.create(skp=skp, periode=periode)
    rencana_aksi = RencanaAksi.objects.create(penilaian=eval_pegawai, rhk=rhk, teks="Memverifikasi berkas setiap pekan")
    Realisasi.objects.create(penilaian=eval_pegawai, iki=iki, nilai=Decimal("3.75"))

    # The atasan rates another subordinate; the pegawai is invited to give peer input on it.
    skp_staf = skp_with_rhk(staf, n_rhk=1, tahun=year)
    eval_staf = Penilaian.objects.create(skp=skp_staf, periode=periode, status=Penilaian.Status.DINILAI,
                                         rating_hasil="SESUAI", rating_perilaku="DI_ATAS",
                                         predikat=hitung_predikat("SESUAI", "DI_ATAS"))
    rhk_staf = skp_staf.rhk.first()
    UmpanBalik.objects.create(penilaian=eval_staf, rhk=rhk_staf, frasa="", teks="Pertahankan, 2,5 kali lebih cepat",
                              oleh=org.atasan)
    # Three peers; two have answered, so the pegawai's answer completes the cohort (and releases it where
    # answers are sealed until then): what the browser sends becomes a readable MasukanRekan row either way.
    undangan = UndanganRekan.objects.create(penilaian=eval_staf, rekan=org.pegawai)
    for peer in (org.rekan, PegawaiFactory(unit_kerja=org.seksi, atasan=org.atasan)):
        masukan_rekan_submit(undangan=UndanganRekan.objects.create(penilaian=eval_staf, rekan=peer),
                             jawaban=dict.fromkeys(PerilakuKerja.objects.values_list("kode", flat=True), "SESUAI"),
                             komentar="", oleh=peer.user)

    riwayat = RiwayatPengembangan.objects.create(
        pegawai=org.pegawai, nama_kegiatan="Pelatihan Analisis Data", penyelenggara="BPSDM Provinsi",
        jalur=(jenis := JenisPengembangan.objects.filter(aktif=True).order_by("pk").first()).jalur,
        bentuk=jenis.bentuk or Bentuk.objects.first(), jenis=jenis,
        rumpun=RumpunKompetensi.objects.order_by("pk").first(),
        tanggal_mulai=today - timedelta(days=20), tanggal_selesai=today - timedelta(days=18), jp=12,
        nomor_sertifikat="001/2026")
    rencana = RencanaPengembangan.objects.create(pegawai=org.pegawai, tahun=year)
    item = ItemRencana.objects.create(rencana=rencana, kompetensi="Analisis kebijakan", target_jp=20,
                                      target_tanggal=date(year, 12, 15))
    item.riwayat.add(riwayat)

    kegiatan = KegiatanHarian.objects.create(pegawai=org.pegawai, tanggal=today, uraian="Memeriksa berkas",
                                             kuantitas=Decimal("2.5"), satuan="berkas", jam_mulai=time(7, 45),
                                             jam_selesai=time(9, 15), iki=iki, rencana_aksi=rencana_aksi)
    TanggapanKegiatan.objects.create(kegiatan=kegiatan, oleh=org.atasan, tanda="SESUAI", komentar="Bagus")
    CapaianOrganisasi.objects.create(unit_kerja=org.seksi, periode=periode, predikat="BAIK", catatan="Sesuai laporan",
                                     ditetapkan_oleh=org.hr)
    AturanTpp.objects.create(instansi=org.instansi, berlaku_mulai=date(year, 1, 1), dasar_hukum="Perkada 3/2026",
                             persen_sangat_baik=100, persen_baik=100, persen_butuh_perbaikan=Decimal("77.5"),
                             persen_kurang=50, persen_sangat_kurang=25, potongan_terlambat=Decimal("0.5"),
                             potongan_tidak_lapor=2, batas_potongan=40, dibuat_oleh=org.hr)

    pejabat = PejabatNonAsn.objects.create(instansi=org.instansi, nama="H. Arif “Santoso”, S.H.",
                                           jabatan="Bupati Contoh — periode 2025-2030")
    # Dialogue (issue 19): a held bimbingan with an action and a B.1.9 row, a check-in held and one scheduled.
    bimbingan = Bimbingan.objects.create(skp=skp_staf, pembimbing=org.atasan, tanggal=today - timedelta(days=3),
                                         topik="Ketepatan “waktu” laporan", catatan="Dibahas 2,5 jam",
                                         status=Bimbingan.Status.SELESAI, dibuat_oleh=org.atasan)
    AksiTindakLanjut.objects.create(bimbingan=bimbingan, teks="Pelatihan 1,5 hari", tenggat=today + timedelta(days=9))
    EvaluasiKompetensi.objects.create(bimbingan=bimbingan, kompetensi="TEKNIS", skala=3, alasan="Cukup, 3,5",
                                      diisi_oleh=org.atasan)
    jam9 = timezone.make_aware(datetime.combine(today + timedelta(days=2), time(9, 0)))
    checkin = CheckIn.objects.create(penilaian=eval_staf, jadwal=jam9, agenda="Capaian 12,5 %", dibuat_oleh=org.atasan)
    checkin_lalu = CheckIn.objects.create(penilaian=eval_staf, jadwal=jam9 - timedelta(days=7), agenda="Awal",
                                          notulen="Sepakat “2,5” berkas", status=CheckIn.Status.SELESAI,
                                          selesai_pada=jam9 - timedelta(days=7), dibuat_oleh=org.atasan)
    AksiTindakLanjut.objects.create(checkin=checkin_lalu, teks="Unggah bukti", tenggat=today + timedelta(days=4))

    return SimpleNamespace(
        bimbingan=bimbingan, checkin=checkin, checkin_lalu=checkin_lalu,
        org=org, today=today, year=year, periode=periode, staf=staf, skp=skp, iki=iki, rhk=rhk, draft=draft,
        draft_rhk=draft_rhk, draft_iki=draft_iki, eval_pegawai=eval_pegawai, eval_staf=eval_staf, rhk_staf=rhk_staf,
        undangan=undangan, riwayat=riwayat, rencana=rencana, item=item, kegiatan=kegiatan, pejabat=pejabat,
        users={"pegawai": org.pegawai.user, "atasan": org.atasan.user, "hr": org.hr},
    )


def snapshot() -> dict:
    """Every row of the project's models (M2M tables included) as plain values, audit and bookkeeping aside."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in SNAPSHOT_APPS:
            continue
        fields = [f for f in model._meta.concrete_fields
                  if f.name not in SKIP_FIELDS and not getattr(f, "auto_now", False)]
        for obj in model._base_manager.all():
            rows[(model._meta.label, str(obj.pk))] = {f.attname: getattr(obj, f.attname) for f in fields}
    return rows


def diff(before: dict, after: dict) -> list:
    """Rows added, removed or changed, with (before, after) of each changed field."""
    out = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a is None or b is None:
            out.append((key, "added" if a is None else "removed"))
        elif a != b:
            out.append((key, {k: (a[k], b[k]) for k in a if a[k] != b[k]}))
    return out


# ------------------------------------------------------------------------------------------- fields


@dataclass
class Isi:
    """One input of a form: how to type a value into it and how to read the shown value back."""

    selector: str
    value: str | bool
    kind: str = "text"  # text | number | date | select | check

    def fill(self, page: Page):
        el = page.locator(self.selector)
        if self.kind == "select":
            el.select_option(self.value)
        elif self.kind == "check":
            el.set_checked(bool(self.value))
        else:
            el.fill(self.value)

    def shown(self, page: Page):
        el = page.locator(self.selector)
        if self.kind == "check":
            return el.is_checked()
        value = el.input_value()
        return Decimal(value) if self.kind == "number" and value else value

    def expected(self):
        return Decimal(self.value) if self.kind == "number" and self.value else self.value


@dataclass
class Formulir:
    key: str
    role: str
    url: Callable
    submit: str
    isi: Callable  # d -> list[Isi] typed for (b)
    saved: str = ".alert-success[role=alert]"  # the message shown after a redirect
    htmx: bool = False
    stored: Callable | None = None  # one-shot create form: d -> None, asserts the stored row


def ub(target: str) -> str:
    return f"form.ub-form:has(input[name=target][value={target}])"


def hari(d, n: int) -> str:
    """Today + n days as an <input type=date> takes it."""
    return f"{d.today + timedelta(days=n):%Y-%m-%d}"


def kode_perilaku() -> list[str]:
    return list(PerilakuKerja.objects.order_by("urutan").values_list("kode", flat=True))


def jawaban_rekan() -> dict:
    return {kode: "DI_ATAS" if i % 2 else "SESUAI" for i, kode in enumerate(kode_perilaku())}


def set_periode_tersimpan(d):
    periode = d.org.instansi.periode.filter(tahun=d.year + 1)
    tujuh_hari = timedelta(days=7)
    assert [(p.jenis, p.batas_pengisian - p.tanggal_selesai) for p in periode] == [("SEMESTERAN", tujuh_hari)] * 2


FORMULIR = [
    Formulir(
        "skp-baru", "pegawai", lambda d: reverse("penilaian:skp-create"), "#tombol-simpan",
        lambda d: [Isi("#id_tahun", str(d.year - 1), "select"), Isi("#id_tanggal_mulai", f"{d.year - 1}-02-03", "date"),
                   Isi("#id_tanggal_selesai", f"{d.year - 1}-11-30", "date"),
                   Isi("#id_pendekatan", "KUALITATIF", "select")],
        stored=lambda d: Skp.objects.get(pegawai=d.org.pegawai, tahun=d.year - 1, pendekatan="KUALITATIF",
                                         tanggal_mulai=f"{d.year - 1}-02-03", tanggal_selesai=f"{d.year - 1}-11-30"),
    ),
    Formulir(
        "rhk", "pegawai", lambda d: reverse("penilaian:rhk-update", args=[d.draft_rhk.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_teks", TEKS), Isi("#id_jenis", "TAMBAHAN", "select"),
                   Isi("#id_klasifikasi", "INDIVIDU", "select"), Isi("#id_induk", "", "select"),
                   Isi("#id_penugasan_dari", "Kepala Dinas — lisan")],
    ),
    Formulir(
        "iki", "pegawai", lambda d: reverse("penilaian:iki-update", args=[d.draft_iki.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_teks", TEKS), Isi("#id_aspek", "WAKTU", "select"),
                   Isi("#id_target_angka", "12.5", "number"), Isi("#id_satuan", "laporan/bulan")],
    ),
    Formulir(
        "lampiran", "pegawai", lambda d: reverse("penilaian:skp-lampiran", args=[d.draft.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_dukungan_sumber_daya", TEKS), Isi("#id_konsekuensi", "Sanksi: 1,5 % tunjangan")],
    ),
    Formulir(
        "realisasi", "pegawai", lambda d: reverse("penilaian:evaluasi-detail", args=[d.eval_pegawai.pk]),
        "#simpan-isian", lambda d: [Isi(f"#id_ra_{d.rhk.pk}", TEKS), Isi(f"#id_real_{d.iki.pk}", "12.5", "number")],
    ),
    Formulir(
        "umpan-balik", "atasan", lambda d: reverse("penilaian:evaluasi-detail", args=[d.eval_staf.pk]),
        lambda d: f"{ub(f'rhk-{d.rhk_staf.pk}')} button[type=submit]",
        lambda d: [Isi(f"#ub-teks-rhk-{d.rhk_staf.pk}", TEKS)], saved=".ub-status .text-success", htmx=True,
    ),
    Formulir(
        "rating", "atasan", lambda d: reverse("penilaian:evaluasi-detail", args=[d.eval_staf.pk]), "#simpan-rating",
        lambda d: [Isi("#rh-DI_ATAS", True, "check"), Isi("#rp-DI_BAWAH", True, "check")],
        saved="#kartu-rating .alert-success", htmx=True,
    ),
    Formulir(
        "bimbingan", "atasan", lambda d: reverse("penilaian:dialog-bimbingan-ubah", args=[d.bimbingan.pk]),
        "#form-bimbingan button[type=submit]",
        lambda d: [Isi("#id_topik", TEKS), Isi("#id_tanggal", hari(d, -2), "date"), Isi("#id_catatan", TEKS),
                   Isi("#id_aksi-1-teks", "Membaca 12,5 halaman"), Isi("#id_aksi-1-tenggat", hari(d, 11), "date")],
    ),
    Formulir(
        "evaluasi-kompetensi", "atasan",
        lambda d: reverse("penilaian:dialog-bimbingan-evaluasi", args=[d.bimbingan.pk]),
        "#form-b19 button[type=submit]",
        lambda d: [Isi("#id_skala_TEKNIS", "4", "select"), Isi("#id_alasan_TEKNIS", TEKS),
                   Isi("#id_skala_MANAJERIAL", "5", "select"), Isi("#id_alasan_MANAJERIAL", "Tegas, 4,5")],
    ),
    Formulir(
        "jadwal-dialog", "atasan", lambda d: reverse("penilaian:dialog-checkin-ubah", args=[d.checkin.pk]),
        "#form-checkin button[type=submit]",
        lambda d: [Isi("#id_jadwal", f"{hari(d, 3)}T14:30", "date"), Isi("#id_agenda", TEKS)],
    ),
    Formulir(
        "notulen-dialog", "atasan", lambda d: reverse("penilaian:dialog-checkin", args=[d.checkin_lalu.pk]),
        "#form-notulen button[type=submit]",
        lambda d: [Isi("#id_notulen", TEKS), Isi("#id_aksi-0-tenggat", hari(d, 6), "date")],
    ),
    Formulir(
        "masukan-rekan", "pegawai", lambda d: reverse("penilaian:rekan-jawab", args=[d.undangan.pk]), "#kirim-masukan",
        lambda d: [Isi(f"input[name={k}][value={v}]", True, "check") for k, v in jawaban_rekan().items()]
        + [Isi("#id_komentar", TEKS)],
        stored=lambda d: MasukanRekan.objects.get(penilaian=d.eval_staf, komentar=TEKS, jawaban=jawaban_rekan()),
    ),
    Formulir(
        "pelatihan", "pegawai", lambda d: reverse("pelatihan:riwayat-update", args=[d.riwayat.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_nama_kegiatan", TEKS), Isi("#id_tanggal_mulai", hari(d, -9), "date"),
                   Isi("#id_tanggal_selesai", hari(d, -8), "date"), Isi("#id_jp", "24", "number"),
                   Isi("#id_penyelenggara", "Pusdiklat “LAN” RI"), Isi("#id_nomor_sertifikat", "")],
    ),
    Formulir(
        "rencana-pengembangan", "pegawai",
        lambda d: reverse("pelatihan:item-update", args=[d.org.pegawai.pk, d.year, d.item.pk]),
        "form.card button[type=submit]",
        lambda d: [Isi("#id_kompetensi", TEKS), Isi("#id_target_jp", "32", "number"),
                   Isi("#id_target_tanggal", f"{d.year}-11-20", "date"), Isi("#id_status", "BERJALAN", "select"),
                   Isi("#id_riwayat_0", False, "check")],
    ),
    Formulir(
        "kegiatan-harian", "pegawai", lambda d: reverse("harian:ubah", args=[d.kegiatan.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_tanggal", f"{max(d.today - timedelta(days=1), d.skp.tanggal_mulai):%Y-%m-%d}", "date"),
                   Isi("#id_uraian", TEKS), Isi("#id_kuantitas", "12.5", "number"), Isi("#id_satuan", "dokumen"),
                   Isi("#id_jam_mulai", "13:05", "time"), Isi("#id_jam_selesai", "14:40", "time"),
                   Isi("#id_rencana_aksi", "", "select"), Isi("#id_iki", "", "select"),
                   Isi("#id_bukti_url", "https://drive.contoh.go.id/berkas?id=12.5&v=2")],
    ),
    Formulir(
        "jam-kerja-standar", "hr", lambda d: reverse("harian:tim-jam-kerja"), "#tombol-simpan-standar",
        lambda d: [Isi("#id_jam_per_minggu", "40.25", "number")],
    ),
    Formulir(
        "tanggapan-kegiatan", "atasan", lambda d: reverse("harian:tim"),
        lambda d: f"#tanggapan-{d.kegiatan.pk} button[type=submit]",
        lambda d: [Isi(f"#tanggapan-{d.kegiatan.pk} select[name=tanda]", "PERLU_PERBAIKAN", "select"),
                   Isi(f"#tanggapan-{d.kegiatan.pk} input[name=komentar]", TEKS)],
        saved=".tanggapan .text-success", htmx=True,
    ),
    Formulir(
        "pegawai", "hr", lambda d: reverse("pegawai:update", args=[d.org.rekan.pk]), "main form button[type=submit]",
        lambda d: [Isi("#id_nama", "Ni Luh Putu Ayu Kusuma’s"), Isi("#id_gelar_depan", "Dr."),
                   Isi("#id_gelar_belakang", "S.E., M.Ak."), Isi("#id_email", "ayu.kusuma@contoh.go.id"),
                   Isi("#id_status", "CPNS", "select"),
                   Isi("#id_tanggal_lahir", f"{d.org.rekan.tanggal_lahir:%Y-%m-%d}", "date")],  # as in the NIP
    ),
    Formulir(
        "unit", "hr", lambda d: reverse("pegawai:unit-update", args=[d.org.seksi2.pk]), "main form button[type=submit]",
        lambda d: [Isi("#id_nama", "Seksi Pelayanan & Perizinan “Terpadu”"), Isi("#id_kode", "S2-A"),
                   Isi("#id_level", "5", "select"), Isi("#id_kepala_nip", d.org.lain.nip)],
    ),
    Formulir(
        "plt", "hr", lambda d: reverse("pegawai:plt-list"), "form.card-body button[type=submit]",
        lambda d: [Isi("#id_nip", d.org.rekan.nip), Isi("#id_unit_kerja", str(d.org.seksi2.pk), "select"),
                   Isi("#id_jenis", "PLH", "select"), Isi("#id_tanggal_mulai", hari(d, 3), "date"),
                   Isi("#id_tanggal_selesai", hari(d, 33), "date"), Isi("#id_nomor_sk", "800/12.5/2026")],
        stored=lambda d: PenugasanPlt.objects.get(
            pegawai=d.org.rekan, unit_kerja=d.org.seksi2, jenis="PLH", nomor_sk="800/12.5/2026",
            tanggal_mulai=hari(d, 3), tanggal_selesai=hari(d, 33)),
    ),
    Formulir(
        "pejabat-non-asn", "hr", lambda d: reverse("pegawai:pejabat-update", args=[d.pejabat.pk]),
        "form.card-body button[type=submit]",
        lambda d: [Isi("#id_nama", TEKS[:60]), Isi("#id_jabatan", "Wali Kota “Contoh” — 2,5"),
                   Isi("#id_aktif", False, "check")],
    ),
    Formulir(
        "delegasi-penilai", "hr", lambda d: reverse("pegawai:delegasi-list"), "form.card-body button[type=submit]",
        lambda d: [Isi("#id_nip", d.org.rekan.nip), Isi("#id_dasar", TEKS), Isi("#id_nomor_sk", "800/12.5/2026"),
                   Isi("#id_tanggal_mulai", hari(d, 3), "date"), Isi("#id_tanggal_selesai", hari(d, 33), "date")],
        stored=lambda d: DelegasiPenilai.objects.get(
            pegawai=d.org.rekan, dasar=TEKS, nomor_sk="800/12.5/2026", tanggal_mulai=hari(d, 3),
            tanggal_selesai=hari(d, 33)),
    ),
    Formulir(
        "ganti-atasan", "hr", lambda d: reverse("pegawai:ganti-atasan", args=[d.org.rekan.pk]),
        "main form button[type=submit]", lambda d: [Isi("#id_atasan_nip", d.org.atasan2.nip), Isi("#id_alasan", TEKS)],
        stored=lambda d: d.org.rekan.riwayat_atasan.get(atasan_baru=d.org.atasan2, alasan=TEKS),
    ),
    Formulir(
        "set-periode", "hr", lambda d: reverse("penilaian:evaluasi-periode-list"), "#form-set-periode button",
        lambda d: [Isi("#id_tahun", str(d.year + 1), "number"), Isi("#id_jenis", "SEMESTERAN", "select"),
                   Isi("#id_akhir", False, "check"), Isi("#id_hari_batas", "7", "number")],
        stored=set_periode_tersimpan,
    ),
    Formulir(
        "periode", "hr", lambda d: reverse("penilaian:evaluasi-periode-ubah", args=[d.periode.pk]),
        "main form button.btn-primary",
        lambda d: [Isi("#id_nama", "Triwulan “IV” — 2026"),
                   Isi("#id_tanggal_mulai", f"{d.periode.tanggal_mulai + timedelta(days=1):%Y-%m-%d}", "date"),
                   Isi("#id_tanggal_selesai", f"{d.periode.tanggal_selesai - timedelta(days=1):%Y-%m-%d}", "date"),
                   Isi("#id_batas_pengisian", hari(d, 45), "date")],
    ),
    Formulir(
        "buka-kunci", "hr", lambda d: reverse("penilaian:evaluasi-buka-kunci", args=[d.periode.pk]),
        "main form button.btn-warning",
        lambda d: [Isi("#id_nip", d.org.pegawai.nip), Isi("#id_alasan", TEKS),
                   Isi("#id_berlaku_sampai", f"{hari(d, 5)}T14:30", "date")],
        stored=lambda d: BukaKunci.objects.get(pegawai=d.org.pegawai, alasan=TEKS, berlaku_sampai=timezone.make_aware(
            datetime.combine(d.today + timedelta(days=5), time(14, 30)))),
    ),
    Formulir(
        "capaian-unit", "hr", lambda d: reverse("penilaian:unit-distribusi", args=[d.org.seksi.pk, d.periode.pk]),
        "#tombol-capaian",
        lambda d: [Isi("#id_predikat", "ISTIMEWA", "select"),
                   Isi("form:has(#tombol-capaian) textarea[name=catatan]", TEKS)],
    ),
    Formulir(
        "aturan-tpp", "hr", lambda d: reverse("laporan:aturan-tpp"), "#simpan-aturan",
        lambda d: [Isi("#id_persen_butuh_perbaikan", "72.25", "number"), Isi("#id_dasar_hukum", TEKS),
                   Isi("#id_potongan_terlambat", "1.5", "number"), Isi("#id_toleransi_hari", "2", "number")],
    ),
]


# --------------------------------------------------------------------------------------------- test


def masuk(page: Page, live_server, user, bahasa: str):
    """Plant a session cookie (and the language switch's cookie, as the top bar sets it)."""
    client = Client()
    client.force_login(user)
    cookies = [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url}]
    if bahasa != settings.LANGUAGE_CODE:
        cookies.append({"name": settings.LANGUAGE_COOKIE_NAME, "value": bahasa, "url": live_server.url})
    page.context.add_cookies(cookies)


# Inputs whose value the browser refused (a localised "12,5" in type=number, "17-05-1985" in type=date):
# the page shows them empty, so saving it back would lose the value.
DITOLAK_BROWSER = """() => [...document.querySelectorAll("input")]
    .filter(i => ["number", "date", "datetime-local", "time", "month"].includes(i.type))
    .filter(i => i.getAttribute("value") && i.value !== i.getAttribute("value"))
    .map(i => `${i.name}=${i.getAttribute("value")}`)"""


def buka(page: Page, url: str):
    page.goto(url)
    assert page.evaluate(DITOLAK_BROWSER) == []


def simpan(page: Page, f: Formulir, d):
    submit = page.locator(f.submit(d) if callable(f.submit) else f.submit)
    if f.htmx:
        with page.expect_response(lambda r: r.request.method == "POST"):
            submit.click()
        page.wait_for_load_state("networkidle")
    else:
        with page.expect_navigation():
            submit.click()
    errors = page.locator(".invalid-feedback, .alert-danger, .text-danger, .errorlist").all_inner_texts()
    if not page.locator(f.saved).count():
        pytest.fail(f"{f.key}: not saved; the page says {errors}")


@pytest.mark.parametrize("bahasa", ["id", "en"])
@pytest.mark.parametrize("f", FORMULIR, ids=[f.key for f in FORMULIR])
def test_form_saved_again_changes_nothing_and_shows_what_was_typed(page: Page, live_server, d, f: Formulir, bahasa):
    page.on("dialog", lambda dialog: dialog.accept())
    masuk(page, live_server, d.users[f.role], bahasa)
    url = live_server.url + f.url(d)
    buka(page, url)
    expect(page.locator("html")).to_have_attribute("lang", bahasa)

    if f.stored is None:
        # (a) saved again untouched: nothing changes
        before = snapshot()
        simpan(page, f, d)
        assert diff(before, snapshot()) == []
        buka(page, url)

    # (b) typed, saved, reloaded: shown again exactly (create forms: stored exactly)
    isi = f.isi(d)
    for i in isi:
        i.fill(page)
    simpan(page, f, d)
    if f.stored is not None:
        f.stored(d)
        return
    buka(page, url)
    assert [(i.selector, i.shown(page)) for i in isi] == [(i.selector, i.expected()) for i in isi]
